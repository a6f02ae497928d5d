package org.alongside.app.keys

import java.security.GeneralSecurityException
import java.security.InvalidKeyException
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.Mac
import javax.crypto.spec.GCMParameterSpec
import org.alongside.core.AlongsideException
import org.alongside.core.PlatformKey

/**
 * The core's [PlatformKey] on Android: AES-256-GCM under a Keystore key that needs the worker's
 * biometrics for every use. The core calls [wrap] when biometrics are turned on and [unwrap] to
 * unlock (or to leave shared mode); each call asks [authenticator] to authorise its cipher
 * (BiometricPrompt with a CryptoObject) and waits for the answer on the core's thread.
 *
 * [deviceSecret] is the device binding: HMAC-SHA256 of the core's challenge under the [deviceKeys]
 * key, a second Keystore key that needs no biometrics and never leaves the phone. The core mixes
 * it into the passphrase slot at create, restore and every unlock, so the vault's files cannot be
 * attacked off this phone. It is a different key from the biometric one on purpose: turning
 * biometrics off, or enrolling a new fingerprint, must not lock the worker out of the vault.
 *
 * Every failure becomes [AlongsideException.PlatformKey] with a short reason, so the unlock screen
 * gets the core's typed error and falls back to the passphrase. A key the system invalidated (new
 * biometrics enrolled, screen lock removed) is deleted; the worker turns biometrics on again.
 */
class KeystorePlatformKey(
    private val keys: KeySource,
    private val authenticator: CipherAuthenticator,
    private val deviceKeys: DeviceKeySource,
) : PlatformKey {

    override fun wrap(secret: ByteArray): ByteArray = guarded {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, keys.newKey())
        val authorized = authenticator.authorize(cipher, KeyUse.ENROL)
        val ciphertext = authorized.doFinal(secret)
        WrappedKey(authorized.iv, ciphertext).encode()
    }

    override fun unwrap(wrapped: ByteArray): ByteArray = guarded {
        val parsed = WrappedKey.decode(wrapped) ?: throw AlongsideException.PlatformKey(REASON_MALFORMED)
        val key = keys.existingKey() ?: throw AlongsideException.PlatformKey(REASON_NO_KEY)
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(WrappedKey.TAG_BITS, parsed.iv))
        authenticator.authorize(cipher, KeyUse.UNLOCK).doFinal(parsed.ciphertext)
    }

    override fun deviceSecret(input: ByteArray): ByteArray = guarded {
        val mac = Mac.getInstance(DEVICE_MAC)
        mac.init(deviceKeys.deviceKey())
        mac.doFinal(input)
    }

    private fun guarded(body: () -> ByteArray): ByteArray = try {
        body()
    } catch (e: AlongsideException) {
        throw e
    } catch (e: AuthenticationRefused) {
        throw AlongsideException.PlatformKey(e.reason)
    } catch (e: AEADBadTagException) {
        throw AlongsideException.PlatformKey(REASON_NOT_THIS_KEY)
    } catch (e: InvalidKeyException) {
        if (!keys.isPermanentlyInvalid(e)) throw AlongsideException.PlatformKey(REASON_KEYSTORE)
        keys.delete()
        throw AlongsideException.PlatformKey(REASON_INVALIDATED)
    } catch (e: GeneralSecurityException) {
        throw AlongsideException.PlatformKey(REASON_KEYSTORE)
    } catch (e: IllegalStateException) {
        // Cipher.doFinal without a completed authorisation (Android: "User not authenticated").
        throw AlongsideException.PlatformKey(REASON_KEYSTORE)
    }

    companion object {
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val DEVICE_MAC = "HmacSHA256"

        // Reasons: stable short codes the unlock screen may match; never personal data.
        const val REASON_MALFORMED = "the wrapped key is not in this app's format"
        const val REASON_NO_KEY = "no biometric key on this phone"
        const val REASON_NOT_THIS_KEY = "the biometric key does not open this vault"
        const val REASON_INVALIDATED = "the biometric key was invalidated"
        const val REASON_KEYSTORE = "the key store refused"
    }
}
