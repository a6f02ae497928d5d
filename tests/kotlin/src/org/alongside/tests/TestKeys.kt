package org.alongside.tests

import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.Mac
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import org.alongside.core.PlatformKey

/**
 * A test double for the phone's key store: AES-256-GCM under a key held in memory, the way the
 * Android Keystore implementation wraps with a non-exportable key (the output carries its IV), and
 * the device binding as HMAC-SHA256 under a second key in memory, as the Keystore's HMAC key does
 * on the phone. Two doubles made with the same [deviceKey] are "the same phone".
 */
class AesPlatformKey(
    private val key: SecretKey = newKey(),
    private val deviceKey: SecretKey = newDeviceKey(),
) : PlatformKey {
    var unwraps = 0
        private set

    /** How often the core asked for the device secret. */
    var deviceSecrets = 0
        private set

    override fun deviceSecret(input: ByteArray): ByteArray {
        deviceSecrets++
        return Mac.getInstance("HmacSHA256").apply { init(deviceKey) }.doFinal(input)
    }

    override fun wrap(secret: ByteArray): ByteArray {
        val iv = ByteArray(12).also { SecureRandom().nextBytes(it) }
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.ENCRYPT_MODE, key, GCMParameterSpec(128, iv))
        return iv + cipher.doFinal(secret)
    }

    override fun unwrap(wrapped: ByteArray): ByteArray {
        unwraps++
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, wrapped, 0, 12))
        return cipher.doFinal(wrapped, 12, wrapped.size - 12)
    }

    companion object {
        fun newKey(): SecretKey = KeyGenerator.getInstance("AES").apply { init(256) }.generateKey()
        fun newDeviceKey(): SecretKey = KeyGenerator.getInstance("HmacSHA256").generateKey()
    }
}

/** A key store that fails: as the user cancelling (a typed error) or as a crash (any exception). */
class FailingPlatformKey(private val failure: Throwable) : PlatformKey {
    override fun wrap(secret: ByteArray): ByteArray = throw failure
    override fun unwrap(wrapped: ByteArray): ByteArray = throw failure
    override fun deviceSecret(input: ByteArray): ByteArray = throw failure
}
