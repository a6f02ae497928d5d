package org.alongside.app.keys

import javax.crypto.Cipher

/** Why the worker is asked for biometrics: the prompt's title says which. */
enum class KeyUse {
    /** Turning biometrics on in Settings: the vault key is wrapped. */
    ENROL,

    /** Unlocking, or taking the phone back from shared mode: the vault key is unwrapped. */
    UNLOCK,
}

/**
 * Lets the worker authorise one use of a Keystore key. On the phone it shows BiometricPrompt with
 * a CryptoObject around [cipher] and blocks the calling (core) thread until the worker answers;
 * it returns the authorised cipher. It throws [AuthenticationRefused] when the worker cancels,
 * biometrics fail too often, or no prompt can be shown.
 *
 * Never call it on the main thread: the prompt needs that thread to appear.
 */
fun interface CipherAuthenticator {
    fun authorize(cipher: Cipher, use: KeyUse): Cipher
}

/** The worker did not authorise the key; [reason] is a short code, never personal data. */
class AuthenticationRefused(val reason: String) : Exception(reason) {
    companion object {
        /** The worker chose the passphrase instead, or dismissed the prompt: not an error to show. */
        const val CANCELLED = "cancelled by the user"
        const val LOCKED_OUT = "too many attempts with biometrics"
        const val UNAVAILABLE = "biometrics are not available"
    }
}
