package org.alongside.app.keys

import java.security.InvalidKeyException
import javax.crypto.SecretKey

/**
 * Where the AES-256 key that wraps the vault key lives. On the phone it is the Android Keystore
 * ([org.alongside.app.security.AndroidKeystoreKeySource]): hardware-backed, never exportable, and
 * usable only after the worker's biometrics. Nothing here imports Android, so this file and the
 * others in this folder are compiled and tested on the desktop JVM (tests/shells).
 */
interface KeySource {
    /** Replace any earlier key with a new one (enrolling biometrics starts afresh). */
    fun newKey(): SecretKey

    /** The enrolled key, or null when there is none (never enrolled, or removed). */
    fun existingKey(): SecretKey?

    /** Remove the key (biometrics turned off, or the key was invalidated). */
    fun delete()

    /**
     * True when [e] says the key can never be used again (Android: KeyPermanentlyInvalidatedException,
     * after new biometrics were enrolled or the screen lock was removed).
     */
    fun isPermanentlyInvalid(e: InvalidKeyException): Boolean
}

/**
 * Where the device key lives: an HMAC-SHA256 key that never leaves this phone's secure hardware
 * and needs no biometrics (the passphrase is the worker's proof; this key only ties the vault's
 * files to the phone). On the phone it is the Android Keystore
 * ([org.alongside.app.security.AndroidKeystoreDeviceKey]); tests use a key in memory.
 */
interface DeviceKeySource {
    /** The device key, made on first use and the same key ever after on this phone. */
    fun deviceKey(): SecretKey
}
