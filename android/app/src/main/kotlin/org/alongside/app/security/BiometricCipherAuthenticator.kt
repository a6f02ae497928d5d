package org.alongside.app.security

import android.content.Context
import android.os.Looper
import androidx.biometric.BiometricManager
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import javax.crypto.Cipher
import org.alongside.app.keys.AuthenticationRefused
import org.alongside.app.keys.CipherAuthenticator
import org.alongside.app.keys.KeyUse
import org.alongside.core.AppWords

/**
 * BiometricPrompt with a CryptoObject: the core's thread asks, the prompt appears on the main
 * thread over the current activity, and the core's thread waits for the worker's answer. The
 * authorised [Cipher] comes back from the prompt's result, so the Keystore lets exactly that
 * operation through.
 */
class BiometricCipherAuthenticator(
    private val context: Context,
    /** The prompt's words, in the worker's language at the time it appears (the core's `appWords`). */
    private val words: () -> AppWords,
) : CipherAuthenticator {
    @Volatile
    private var activity: FragmentActivity? = null

    fun attach(host: FragmentActivity) {
        activity = host
    }

    fun detach(host: FragmentActivity) {
        if (activity === host) activity = null
    }

    /** Strong biometrics are enrolled and usable now: only then does the app offer them. */
    fun available(): Boolean =
        BiometricManager.from(context).canAuthenticate(BIOMETRIC_STRONG) == BiometricManager.BIOMETRIC_SUCCESS

    override fun authorize(cipher: Cipher, use: KeyUse): Cipher {
        if (Looper.myLooper() == Looper.getMainLooper()) {
            // Waiting here would block the prompt itself.
            throw AuthenticationRefused(AuthenticationRefused.UNAVAILABLE)
        }
        val answer = CompletableFuture<Cipher>()
        val main = ContextCompat.getMainExecutor(context)
        main.execute {
            val host = activity
            if (host == null || host.isFinishing || host.isDestroyed) {
                answer.completeExceptionally(AuthenticationRefused(AuthenticationRefused.UNAVAILABLE))
                return@execute
            }
            val callback = object : BiometricPrompt.AuthenticationCallback() {
                override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
                    val authorized = result.cryptoObject?.cipher
                    if (authorized != null) {
                        answer.complete(authorized)
                    } else {
                        answer.completeExceptionally(AuthenticationRefused(AuthenticationRefused.UNAVAILABLE))
                    }
                }

                override fun onAuthenticationError(errorCode: Int, errString: CharSequence) {
                    answer.completeExceptionally(AuthenticationRefused(reasonFor(errorCode)))
                }
                // onAuthenticationFailed (a finger that did not match): the prompt stays up.
            }
            val words = words()
            val title = if (use == KeyUse.ENROL) words.biometricEnrolTitle else words.biometricUnlockTitle
            val info = BiometricPrompt.PromptInfo.Builder()
                .setTitle(title)
                .setNegativeButtonText(words.biometricUsePassphrase)
                .setAllowedAuthenticators(BIOMETRIC_STRONG)
                .setConfirmationRequired(false)
                .build()
            BiometricPrompt(host, main, callback).authenticate(info, BiometricPrompt.CryptoObject(cipher))
        }
        return try {
            answer.get(PROMPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)
        } catch (e: ExecutionException) {
            throw e.cause as? AuthenticationRefused ?: AuthenticationRefused(AuthenticationRefused.UNAVAILABLE)
        } catch (e: TimeoutException) {
            throw AuthenticationRefused(AuthenticationRefused.CANCELLED)
        } catch (e: InterruptedException) {
            Thread.currentThread().interrupt()
            throw AuthenticationRefused(AuthenticationRefused.CANCELLED)
        }
    }

    private fun reasonFor(errorCode: Int): String = when (errorCode) {
        BiometricPrompt.ERROR_NEGATIVE_BUTTON,
        BiometricPrompt.ERROR_USER_CANCELED,
        BiometricPrompt.ERROR_CANCELED,
        -> AuthenticationRefused.CANCELLED
        BiometricPrompt.ERROR_LOCKOUT,
        BiometricPrompt.ERROR_LOCKOUT_PERMANENT,
        -> AuthenticationRefused.LOCKED_OUT
        else -> AuthenticationRefused.UNAVAILABLE
    }

    private companion object {
        const val PROMPT_TIMEOUT_MINUTES = 5L
    }
}
