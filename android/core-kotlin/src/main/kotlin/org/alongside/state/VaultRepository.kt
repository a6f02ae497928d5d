package org.alongside.state

import java.util.concurrent.CopyOnWriteArraySet
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import org.alongside.core.AlongsideException
import org.alongside.core.AppLock
import org.alongside.core.Lang
import org.alongside.core.LockReason
import org.alongside.core.LockState
import org.alongside.core.PlatformKey
import org.alongside.core.SleepCountingClock
import org.alongside.core.SharedSession
import org.alongside.core.Vault
import org.alongside.core.WorkerSession
import org.alongside.core.langFromTag

/** Where the app is: which screen family the navigation shows. */
sealed class VaultStatus {
    /** No vault in the folder yet: show "create a vault". */
    object NoVault : VaultStatus() {
        override fun toString() = "NoVault"
    }

    /** Show the unlock screen; offer biometrics only when [hasPlatformKey]. */
    data class Locked(val hasPlatformKey: Boolean) : VaultStatus()

    /** The worker's screens. */
    object Unlocked : VaultStatus() {
        override fun toString() = "Unlocked"
    }

    /** The client holds the phone: only the shared-mode screen. */
    data class Shared(val clientId: String) : VaultStatus()
}

/**
 * The one owner of the vault and its sessions (Rust objects): opens, creates, unlocks and locks,
 * hands the live session to the state holders, and closes every Rust object it replaces.
 *
 * Every call blocks (the core is synchronous, and unlocking runs the key derivation): call from a
 * background dispatcher, never the main thread. Calls are serialised here; the core serialises
 * them too, so nothing is lost.
 *
 * Locked, unlocked or shared, and auto-lock, are the core's ([AppLock]): this class only mirrors
 * its state into [status]. Auto-lock counts from the last [touch] on [clock], a clock that keeps
 * counting while the phone sleeps: on Android `SystemClock.elapsedRealtime()` (never
 * `System.nanoTime()`, which stops in deep sleep), on iOS `clock_gettime_nsec_np(CLOCK_MONOTONIC)`.
 * The shell calls [touch] on every interaction (Android `Activity.onUserInteraction`), [tick] when
 * the app comes to the front and every few seconds while unlocked (so shared mode's idle limit and
 * auto-lock lock on time with nobody touching), and may post [tick] after [millisUntilLock] while in
 * the background. The core checks the limit again on every call, so a phone that slept past it
 * finds the vault locked at its first call, whichever timer ran or did not.
 *
 * [deviceKey] is the phone's device key ([PlatformKey.deviceSecret]: Android Keystore HMAC, no
 * biometrics), mixed into the passphrase slot at create, restore and every unlock, so the vault's
 * files are useless off this phone. Null where the phone has none (and on the desktop JVM).
 */
class VaultRepository(
    private val dir: String,
    private val clock: SleepCountingClock,
    autoLockSeconds: UInt = DEFAULT_AUTO_LOCK_SECONDS,
    private val deviceKey: PlatformKey? = null,
) : AutoCloseable {
    private var vault: Vault? = null
    private var appLock: AppLock? = null
    private var worker: WorkerSession? = null
    private var shared: SharedSession? = null
    private val holders = CopyOnWriteArraySet<StateHolder<*>>()
    private var autoLock: UInt = autoLockSeconds

    private val _status = MutableStateFlow<VaultStatus>(VaultStatus.NoVault)
    val status: StateFlow<VaultStatus> = _status.asStateFlow()

    private val _language = MutableStateFlow(langFromTag(java.util.Locale.getDefault().toLanguageTag()))

    /**
     * The language every word on screen is in: the worker's setting (the core's, sealed in the
     * vault) once unlocked; before that, and on a vault that never chose, the phone's. The app
     * provides it at its root; holders pass it to the core's `*Choices`, `appWords` and
     * `errorMessage`.
     */
    val language: StateFlow<Lang> = _language.asStateFlow()

    /** Choose the worker's language; the core keeps it in the vault and words in it from now on. */
    fun setLanguage(language: Lang): Lang {
        val set = withWorker { it.setLanguage(language) }
        _language.value = set
        return set
    }

    /** Why the vault last locked (auto-lock, a backwards clock, ...), for the unlock screen. */
    @Volatile
    var lockReason: LockReason? = null
        private set

    /**
     * The worker's auto-lock limit in seconds. The shell persists the setting; the core checks it
     * (10 to 3600: [AlongsideException.Invalid] otherwise, and the limit is unchanged).
     */
    var autoLockSeconds: UInt
        @Synchronized get() = autoLock
        @Synchronized set(value) {
            appLock?.setAutoLockSeconds(value)
            autoLock = value
        }

    /** Open the vault in [dir], locked, or find that there is none. */
    @Synchronized
    fun start(): VaultStatus {
        if (vault == null) {
            try {
                adoptVault(Vault.open(dir))
            } catch (e: AlongsideException.NotFound) {
                _status.value = VaultStatus.NoVault
                return _status.value
            }
        }
        return refresh()
    }

    /** Make a new vault (bound to [deviceKey] when there is one) and leave it unlocked. */
    @Synchronized
    fun create(passphrase: String): VaultStatus {
        val created = Vault.create(dir, passphrase, deviceKey)
        closeAll()
        adoptVault(created)
        worker = created.worker()
        return set(VaultStatus.Unlocked)
    }

    /**
     * Restore a backup file into this folder, which must hold no vault yet; the restored vault is
     * left unlocked with [newPassphrase] and bound to this phone's [deviceKey].
     */
    @Synchronized
    fun restore(backupPath: String, backupPassphrase: String, newPassphrase: String): VaultStatus {
        val restored = Vault.restore(backupPath, backupPassphrase, dir, newPassphrase, deviceKey)
        closeAll()
        adoptVault(restored)
        worker = restored.worker()
        return set(VaultStatus.Unlocked)
    }

    @Synchronized
    fun unlock(passphrase: String): VaultStatus {
        val v = vault ?: throw AlongsideException.NotFound("vault", "")
        adoptWorker(v.unlock(passphrase, deviceKey))
        return set(VaultStatus.Unlocked)
    }

    @Synchronized
    fun unlockWithPlatformKey(key: PlatformKey): VaultStatus {
        val v = vault ?: throw AlongsideException.NotFound("vault", "")
        adoptWorker(v.unlockWithPlatformKey(key))
        return set(VaultStatus.Unlocked)
    }

    /** Lock now: the core wipes its keys; every state holder drops what it showed. */
    @Synchronized
    fun lock() {
        vault?.lock()
        refresh()
    }

    /**
     * Quick hide: one gesture locks at once, and the shell shows its neutral screen. The same lock
     * as [lock]; kept apart so the shells' gesture reads as what it is.
     */
    @Synchronized
    fun quickHide() {
        vault?.quickHide()
        refresh()
    }

    /**
     * The shells' timer (on coming to the front, every few seconds while unlocked, and once after
     * [millisUntilLock] in the background): the core locks if auto-lock's or shared mode's limit
     * has passed, or the clock went back. True if the vault is locked now.
     */
    @Synchronized
    fun tick(): Boolean {
        appLock ?: return true
        val now = refresh()
        return now !is VaultStatus.Unlocked && now !is VaultStatus.Shared
    }

    /**
     * The worker or the client touched the screen: auto-lock counts again from now. If a limit had
     * already passed (or the clock went back) the vault locks instead, and [status] says so.
     */
    @Synchronized
    fun touch(): VaultStatus {
        val lock = appLock ?: return _status.value
        try {
            lock.touch()
        } catch (e: AlongsideException.Locked) {
            // Locked already, or just now: the status follows below.
        }
        return refresh()
    }

    /** How long until the core locks the vault if nothing touches it (for a background timer). */
    @Synchronized
    fun millisUntilLock(): Long? = appLock?.millisUntilLock()?.toLong()

    /**
     * Run [call] with the live worker session. A [AlongsideException.Locked] from the core (the
     * vault was locked elsewhere, or shared mode timed out) moves the status to locked.
     */
    @Synchronized
    fun <T> withWorker(call: (WorkerSession) -> T): T {
        val s = worker ?: throw AlongsideException.Locked(lockReason ?: LockReason.NOT_UNLOCKED)
        return watchLock { call(s) }
    }

    /** Run [call] with the live shared-mode session. */
    @Synchronized
    fun <T> withShared(call: (SharedSession) -> T): T {
        val s = shared ?: throw AlongsideException.Locked(lockReason ?: LockReason.NOT_UNLOCKED)
        return watchLock { call(s) }
    }

    /** Hand the phone to the client. Worker calls fail with Locked until [leaveShared]. */
    @Synchronized
    fun openShared(clientId: String, idleSeconds: UInt? = null): VaultStatus {
        val s = withWorker { it.openShared(clientId, idleSeconds) }
        worker?.close()
        worker = null
        shared?.close()
        shared = s
        return set(VaultStatus.Shared(clientId))
    }

    /** The worker takes the phone back with their passphrase. */
    @Synchronized
    fun leaveShared(passphrase: String): VaultStatus = leave { it.leave(passphrase) }

    /** The worker takes the phone back with biometrics. */
    @Synchronized
    fun leaveSharedWithPlatformKey(key: PlatformKey): VaultStatus = leave { it.leaveWithPlatformKey(key) }

    @Synchronized
    fun hasPlatformKey(): Boolean = vault?.hasPlatformKey() ?: false

    /** Lock and release the vault (app shutdown, tests). */
    @Synchronized
    override fun close() {
        vault?.lock()
        closeAll()
        _status.value = VaultStatus.NoVault
        holders.forEach { it.clear() }
    }

    internal fun register(holder: StateHolder<*>) {
        holders.add(holder)
    }

    internal fun unregister(holder: StateHolder<*>) {
        holders.remove(holder)
    }

    private fun <T> watchLock(call: () -> T): T = try {
        call()
    } catch (e: AlongsideException.Locked) {
        refresh()
        throw e
    }

    private fun leave(call: (SharedSession) -> WorkerSession): VaultStatus {
        val s = shared ?: throw AlongsideException.Locked(lockReason ?: LockReason.NOT_UNLOCKED)
        val w = watchLock { call(s) }
        s.close()
        shared = null
        adoptWorker(w)
        return set(VaultStatus.Unlocked)
    }

    private fun adoptWorker(session: WorkerSession) {
        worker?.close()
        shared?.close()
        shared = null
        worker = session
        // The vault's setting wins over the phone's; a setting that cannot be read leaves the
        // language as it was (the call that needs it reports the error).
        try {
            _language.value = session.language()
        } catch (e: AlongsideException) {
            Unit
        }
    }

    /** Bring the status in line with the core's lock (which locks first if a limit has passed). */
    private fun refresh(): VaultStatus {
        val v = vault ?: return set(VaultStatus.NoVault)
        val state = appLock?.state() ?: return _status.value
        if (state is LockState.Locked) {
            lockReason = state.reason
            worker?.close()
            worker = null
            shared?.close()
            shared = null
            holders.forEach { it.clear() }
            return set(VaultStatus.Locked(v.hasPlatformKey()))
        }
        return _status.value
    }

    /** Make [opened] the vault, with its lock on this repository's clock and setting. */
    private fun adoptVault(opened: Vault) {
        vault = opened
        appLock = AppLock(opened, clock, autoLock)
        lockReason = null
    }

    private fun set(status: VaultStatus): VaultStatus {
        _status.value = status
        return status
    }

    private fun closeAll() {
        worker?.close()
        worker = null
        shared?.close()
        shared = null
        appLock?.close()
        appLock = null
        vault?.close()
        vault = null
    }

    companion object {
        /** Five minutes without a touch, until the worker chooses otherwise in Settings. */
        const val DEFAULT_AUTO_LOCK_SECONDS: UInt = 300u
    }
}
