package org.alongside.app.security

import android.os.Build
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import java.security.InvalidKeyException
import java.security.KeyStore
import java.security.ProviderException
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import org.alongside.app.keys.DeviceKeySource
import org.alongside.app.keys.KeySource

/**
 * The Android Keystore's AES-256 key that wraps the vault key: generated inside secure hardware
 * (StrongBox where the phone has it), never exportable, and usable only for one operation at a
 * time after strong biometrics (a CryptoObject in BiometricPrompt). It dies with a change of
 * enrolled biometrics or the removal of the screen lock, and only works while the phone is
 * unlocked.
 */
class AndroidKeystoreKeySource(private val alias: String = ALIAS) : KeySource {

    override fun newKey(): SecretKey {
        delete()
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) {
            try {
                return generate(strongBox = true)
            } catch (e: ProviderException) {
                // StrongBoxUnavailableException (a ProviderException): this phone has no StrongBox.
            }
        }
        return generate(strongBox = false)
    }

    override fun existingKey(): SecretKey? = keyStore().getKey(alias, null) as? SecretKey

    override fun delete() {
        val store = keyStore()
        if (store.containsAlias(alias)) store.deleteEntry(alias)
    }

    override fun isPermanentlyInvalid(e: InvalidKeyException): Boolean = e is KeyPermanentlyInvalidatedException

    private fun generate(strongBox: Boolean): SecretKey {
        val spec = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setKeySize(256)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setRandomizedEncryptionRequired(true)
            .setUserAuthenticationRequired(true)
            .setInvalidatedByBiometricEnrollment(true)
            .apply {
                if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                    // Timeout 0: every use needs its own authentication, bound to one Cipher.
                    setUserAuthenticationParameters(0, KeyProperties.AUTH_BIOMETRIC_STRONG)
                } else {
                    @Suppress("DEPRECATION")
                    setUserAuthenticationValidityDurationSeconds(-1)
                }
                if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) {
                    setUnlockedDeviceRequired(true)
                    setIsStrongBoxBacked(strongBox)
                }
            }
            .build()
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE)
        generator.init(spec)
        return generator.generateKey()
    }

    private fun keyStore(): KeyStore = KeyStore.getInstance(KEYSTORE).apply { load(null) }

    private companion object {
        const val KEYSTORE = "AndroidKeyStore"
        const val ALIAS = "org.alongside.vault-key"
    }
}

/**
 * The device key behind the vault's device binding: an HMAC-SHA256 key generated inside the
 * Keystore (StrongBox where the phone has it), never exportable, bound to this phone, and usable
 * without biometrics, so unlocking with the passphrase works whatever happens to the enrolled
 * fingerprints. Made on first use; the same key ever after. It is deleted only with the app's
 * data, and then the vault folder goes too; a vault restored elsewhere is bound to that phone's own
 * key. (Android Keystore keys survive app updates, not a factory reset: a backup is the way to a
 * new or reset phone.)
 */
class AndroidKeystoreDeviceKey(private val alias: String = ALIAS) : DeviceKeySource {

    @Synchronized
    override fun deviceKey(): SecretKey {
        val store = KeyStore.getInstance(KEYSTORE).apply { load(null) }
        (store.getKey(alias, null) as? SecretKey)?.let { return it }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) {
            try {
                return generate(strongBox = true)
            } catch (e: ProviderException) {
                // StrongBoxUnavailableException (a ProviderException): this phone has no StrongBox.
            }
        }
        return generate(strongBox = false)
    }

    private fun generate(strongBox: Boolean): SecretKey {
        val spec = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_SIGN)
            .setDigests(KeyProperties.DIGEST_SHA256)
            .setUserAuthenticationRequired(false)
            .apply {
                if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) setIsStrongBoxBacked(strongBox)
            }
            .build()
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_HMAC_SHA256, KEYSTORE)
        generator.init(spec)
        return generator.generateKey()
    }

    private companion object {
        const val KEYSTORE = "AndroidKeyStore"
        const val ALIAS = "org.alongside.device-binding"
    }
}
