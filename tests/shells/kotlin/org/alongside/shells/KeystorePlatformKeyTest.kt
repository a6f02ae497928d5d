package org.alongside.shells

import java.security.InvalidKeyException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.SecretKeySpec
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.app.keys.AuthenticationRefused
import org.alongside.app.keys.CipherAuthenticator
import org.alongside.app.keys.DeviceKeySource
import org.alongside.app.keys.KeySource
import org.alongside.app.keys.KeyUse
import org.alongside.app.keys.KeystorePlatformKey
import org.alongside.app.keys.WrappedKey
import org.alongside.core.AlongsideException
import org.alongside.core.SleepCountingClock
import org.alongside.state.SettingsState
import org.alongside.state.SharedModeState
import org.alongside.state.UiError
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.state.VaultStatus
import org.alongside.tests.Harness
import org.alongside.tests.Harness.check

/*
 * The Android app's platform-key adapter (android/app/src/main/kotlin/org/alongside/app/keys),
 * compiled here against the generated bindings and run through the core: the same code the phone
 * runs, with a software AES key standing in for the Keystore and a stand-in for BiometricPrompt
 * that answers at once (or refuses, as the worker pressing "use passphrase" would).
 */

private const val PASS = "correct horse battery staple"

/** The Keystore's part: one AES-256 key in memory; "invalidated" makes it unusable. */
/** The shell's sleep-counting clock, standing still: nothing here waits on auto-lock. */
private object FixedClock : SleepCountingClock {
    override fun nowMillis(): ULong = 1_000_000uL
}

private class SoftwareKeySource : KeySource {
    var key: SecretKey? = null
    var invalidated = false
    var deletions = 0

    override fun newKey(): SecretKey = KeyGenerator.getInstance("AES").apply { init(256) }.generateKey().also {
        key = it
        invalidated = false
    }

    override fun existingKey(): SecretKey? = when {
        key == null -> null
        // A 5-byte AES key: Cipher.init throws InvalidKeyException, as Android does for a dead key.
        invalidated -> SecretKeySpec(ByteArray(5), "AES")
        else -> key
    }

    override fun delete() {
        deletions++
        key = null
    }

    override fun isPermanentlyInvalid(e: InvalidKeyException): Boolean = invalidated
}

/** The Keystore's HMAC device key: one key in memory, made on first use. */
private class SoftwareDeviceKey : DeviceKeySource {
    var made = 0
    private val key: SecretKey by lazy {
        made++
        KeyGenerator.getInstance("HmacSHA256").generateKey()
    }

    override fun deviceKey(): SecretKey = key
}

/** BiometricPrompt's part: records each request and answers as told. */
private class Prompt : CipherAuthenticator {
    val uses = mutableListOf<KeyUse>()
    var refuseWith: String? = null

    override fun authorize(cipher: Cipher, use: KeyUse): Cipher {
        uses += use
        refuseWith?.let { throw AuthenticationRefused(it) }
        return cipher
    }
}

fun main() {
    val keys = SoftwareKeySource()
    val prompt = Prompt()
    val device = SoftwareDeviceKey()
    val platformKey = KeystorePlatformKey(keys, prompt, device)
    // As AppContainer wires it: the same platform key is the repository's device key.
    val repo = VaultRepository(Harness.tempDir("shell-key"), FixedClock, deviceKey = platformKey)
    val unlock = UnlockState(repo)
    val settings = SettingsState(repo)
    unlock.start()
    check("creating the vault binds it to the device key, with no prompt") {
        assertTrue(unlock.create(PASS), "error: ${unlock.screen.error}")
        assertEquals(1, device.made)
        assertTrue(prompt.uses.isEmpty(), "the device key needs no biometrics")
    }

    check("the device secret is HMAC-SHA256 under the device key: the same input, the same answer") {
        val a = platformKey.deviceSecret(ByteArray(32) { 7 })
        assertEquals(32, a.size)
        assertContentEquals(a, platformKey.deviceSecret(ByteArray(32) { 7 }))
        assertFalse(a.contentEquals(platformKey.deviceSecret(ByteArray(32) { 8 })))
        assertTrue(prompt.uses.isEmpty())
    }

    check("enrolling biometrics: one prompt to wrap, and the vault gets a platform key") {
        assertTrue(settings.load())
        assertTrue(settings.enablePlatformKey(PASS, platformKey), "error: ${settings.screen.error}")
        assertEquals(listOf(KeyUse.ENROL), prompt.uses)
        assertTrue(settings.screen.data!!.hasPlatformKey)
        assertNotNull(keys.key)
    }

    check("the wrapped key is this app's format: a format byte, the 12-byte nonce, 32 bytes and a tag") {
        val wrapped = platformKey.wrap(ByteArray(32) { it.toByte() })
        assertEquals(WrappedKey.FORMAT, wrapped[0])
        assertEquals(1 + 12 + 32 + 16, wrapped.size)
        val parsed = assertNotNull(WrappedKey.decode(wrapped))
        assertContentEquals(ByteArray(32) { it.toByte() }, platformKey.unwrap(parsed.encode()))
        // wrap made a new key: enrol again so the vault's slot matches it.
        assertTrue(settings.enablePlatformKey(PASS, platformKey))
        prompt.uses.clear()
    }

    check("unlocking with biometrics: one prompt to unwrap, and the vault opens") {
        repo.lock()
        assertEquals(VaultStatus.Locked(hasPlatformKey = true), repo.status.value)
        assertTrue(unlock.unlockWithPlatformKey(platformKey), "error: ${unlock.screen.error}")
        assertEquals(listOf(KeyUse.UNLOCK), prompt.uses)
        assertEquals(VaultStatus.Unlocked, repo.status.value)
    }

    check("the worker choosing the passphrase instead: the core's typed error, with the cancel reason") {
        repo.lock()
        prompt.refuseWith = AuthenticationRefused.CANCELLED
        assertFalse(unlock.unlockWithPlatformKey(platformKey))
        val e = assertIs<UiError.PlatformKeyFailed>(unlock.screen.error)
        assertEquals(AuthenticationRefused.CANCELLED, e.reason)
        assertIs<VaultStatus.Locked>(repo.status.value)
        prompt.refuseWith = null
        assertTrue(unlock.unlock(PASS))
    }

    check("taking the phone back from shared mode with biometrics") {
        val client = repo.withWorker {
            it.addClient(org.alongside.core.ClientInput("Noor", null, null, "en", null, emptyList(), emptyList()))
        }
        val shared = SharedModeState(repo)
        assertTrue(shared.open(client.id, java.time.LocalDate.of(2026, 11, 23)), "error: ${shared.screen.error}")
        assertIs<VaultStatus.Shared>(repo.status.value)
        assertTrue(shared.leaveWithPlatformKey(platformKey), "error: ${shared.screen.error}")
        assertEquals(VaultStatus.Unlocked, repo.status.value)
        shared.close()
    }

    check("the passphrase unlock goes through the device key, with no prompt") {
        repo.lock()
        prompt.uses.clear()
        assertTrue(unlock.unlock(PASS), "error: ${unlock.screen.error}")
        assertTrue(prompt.uses.isEmpty())
        assertEquals(VaultStatus.Unlocked, repo.status.value)
    }

    check("a key replaced since enrolment (another vault's, or re-made) does not open this vault") {
        val other = KeystorePlatformKey(SoftwareKeySource().apply { newKey() }, Prompt(), SoftwareDeviceKey())
        repo.lock()
        assertFalse(unlock.unlockWithPlatformKey(other))
        val e = assertIs<UiError.PlatformKeyFailed>(unlock.screen.error)
        assertEquals(KeystorePlatformKey.REASON_NOT_THIS_KEY, e.reason)
        assertTrue(unlock.unlock(PASS))
    }

    check("a key the system invalidated (new fingerprint enrolled) is deleted; the passphrase still works") {
        repo.lock()
        keys.invalidated = true
        assertFalse(unlock.unlockWithPlatformKey(platformKey))
        assertEquals(KeystorePlatformKey.REASON_INVALIDATED, assertIs<UiError.PlatformKeyFailed>(unlock.screen.error).reason)
        assertEquals(1, keys.deletions)
        assertNull(keys.key)
        assertFalse(unlock.unlockWithPlatformKey(platformKey))
        assertEquals(KeystorePlatformKey.REASON_NO_KEY, assertIs<UiError.PlatformKeyFailed>(unlock.screen.error).reason)
        assertTrue(unlock.unlock(PASS))
    }

    check("bytes that are not a wrapped key are refused before any prompt") {
        prompt.uses.clear()
        val e = assertFailsWith<AlongsideException.PlatformKey> { platformKey.unwrap(byteArrayOf(9, 9, 9)) }
        assertEquals(KeystorePlatformKey.REASON_MALFORMED, e.reason)
        assertTrue(prompt.uses.isEmpty())
    }

    check("a cipher the prompt did not authorise (the Keystore's IllegalStateException) is the typed error") {
        val refusing = KeystorePlatformKey(
            SoftwareKeySource(),
            CipherAuthenticator { _, _ -> throw IllegalStateException("User not authenticated") },
            SoftwareDeviceKey(),
        )
        val e = assertFailsWith<AlongsideException.PlatformKey> { refusing.wrap(ByteArray(32)) }
        assertEquals(KeystorePlatformKey.REASON_KEYSTORE, e.reason)
    }

    settings.close()
    unlock.close()
    repo.close()
    Harness.finish()
}
