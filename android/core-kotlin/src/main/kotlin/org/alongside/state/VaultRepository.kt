package org.alongside.state

import java.util.concurrent.CopyOnWriteArraySet
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import org.alongside.core.AlongsideException
import org.alongside.core.PlatformKey
import org.alongside.core.SharedSession
import org.alongside.core.Vault
import org.alongside.core.WorkerSession

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
 * Auto-lock: the shell reports [onBackground] / [onForeground] (Android: ProcessLifecycleOwner
 * onStop/onStart; iOS: scenePhase) and may call [lockIfDue] from a timer while in the background.
 * While unlocked it calls [tick] every few seconds, so shared mode's idle limit locks on time even
 * when nobody touches the phone. [now] is a monotonic clock in milliseconds (injectable for tests).
 *
 * [deviceKey] is the phone's device key ([PlatformKey.deviceSecret]: Android Keystore HMAC, no
 * biometrics), mixed into the passphrase slot at create, restore and every unlock, so the vault's
 * files are useless off this phone. Null where the phone has none (and on the desktop JVM).
 */
class VaultRepository(
    private val dir: String,
    autoLockAfterMillis: Long = DEFAULT_AUTO_LOCK_MILLIS,
    private val now: () -> Long = { System.nanoTime() / 1_000_000 },
    private val deviceKey: PlatformKey? = null,
) : AutoCloseable {
    private var vault: Vault? = null
    private var worker: WorkerSession? = null
    private var shared: SharedSession? = null
    private var backgroundedAt: Long? = null
    private val holders = CopyOnWriteArraySet<StateHolder<*>>()

    private val _status = MutableStateFlow<VaultStatus>(VaultStatus.NoVault)
    val status: StateFlow<VaultStatus> = _status.asStateFlow()

    /** How long the app may stay in the background unlocked. The shell persists the setting. */
    @Volatile
    var autoLockAfterMillis: Long = autoLockAfterMillis
        set(value) {
            require(value >= 0) { "autoLockAfterMillis must not be negative" }
            field = value
        }

    /** Open the vault in [dir], locked, or find that there is none. */
    @Synchronized
    fun start(): VaultStatus {
        if (vault == null) {
            try {
                vault = Vault.open(dir)
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
        vault = created
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
        vault = restored
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
     * The shells' timer (every few seconds while unlocked): lets the core lock shared mode whose
     * idle limit has passed, without waiting for the next touch. True if the vault is locked now.
     */
    @Synchronized
    fun tick(): Boolean {
        val v = vault ?: return true
        val locked = v.checkIdle()
        if (locked) refresh()
        return locked
    }

    /**
     * Run [call] with the live worker session. A [AlongsideException.Locked] from the core (the
     * vault was locked elsewhere, or shared mode timed out) moves the status to locked.
     */
    @Synchronized
    fun <T> withWorker(call: (WorkerSession) -> T): T {
        val s = worker ?: throw AlongsideException.Locked()
        return watchLock { call(s) }
    }

    /** Run [call] with the live shared-mode session. */
    @Synchronized
    fun <T> withShared(call: (SharedSession) -> T): T {
        val s = shared ?: throw AlongsideException.Locked()
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

    fun onBackground() {
        synchronized(this) { backgroundedAt = now() }
    }

    /** Back in front: locks first if the app was away longer than the setting. */
    @Synchronized
    fun onForeground(): VaultStatus {
        lockIfDue()
        backgroundedAt = null
        return _status.value
    }

    /** Lock if the app has been in the background for the set time; true if it locked now. */
    @Synchronized
    fun lockIfDue(): Boolean {
        val since = backgroundedAt ?: return false
        val unlocked = _status.value is VaultStatus.Unlocked || _status.value is VaultStatus.Shared
        if (unlocked && now() - since >= autoLockAfterMillis) {
            lock()
            return true
        }
        return false
    }

    /** While in the background and unlocked: how long until [lockIfDue] locks (for a timer). */
    @Synchronized
    fun millisUntilAutoLock(): Long? {
        val since = backgroundedAt ?: return null
        if (_status.value !is VaultStatus.Unlocked && _status.value !is VaultStatus.Shared) return null
        return (autoLockAfterMillis - (now() - since)).coerceAtLeast(0)
    }

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
        val s = shared ?: throw AlongsideException.Locked()
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
    }

    /** Bring the status in line with the core after a lock, from wherever it came. */
    private fun refresh(): VaultStatus {
        val v = vault ?: return set(VaultStatus.NoVault)
        if (v.isLocked()) {
            worker?.close()
            worker = null
            shared?.close()
            shared = null
            holders.forEach { it.clear() }
            return set(VaultStatus.Locked(v.hasPlatformKey()))
        }
        return _status.value
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
        vault?.close()
        vault = null
    }

    companion object {
        /** Five minutes, until the worker chooses otherwise in Settings. */
        const val DEFAULT_AUTO_LOCK_MILLIS: Long = 5 * 60 * 1000
    }
}
