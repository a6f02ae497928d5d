package org.alongside.state

import org.alongside.core.PlatformKey

/** Settings: passphrase, biometrics, auto-lock time. Data: whether biometrics are enrolled. */
class SettingsState(vault: VaultRepository) : StateHolder<SettingsState.Settings>(vault) {
    data class Settings(val hasPlatformKey: Boolean, val autoLockSeconds: UInt)

    fun load(): Boolean = show { current() }

    fun changePassphrase(current: String, new: String): Boolean =
        attempt { vault.withWorker { it.changePassphrase(current, new) } } != null

    /** Enrol biometrics: the core asks for the passphrase again before wrapping its key. */
    fun enablePlatformKey(passphrase: String, key: PlatformKey): Boolean =
        show { vault.withWorker { it.enablePlatformKey(passphrase, key) }; current() }

    fun disablePlatformKey(): Boolean = show { vault.withWorker { it.disablePlatformKey() }; current() }

    /**
     * Set (or replace) the duress passphrase: under threat it opens an empty vault while the real
     * one stays shut, and the audit trail records it at the next real unlock. The unlock
     * [passphrase] is asked first; [duressPassphrase] must be hard to guess and differ from it.
     */
    fun setDuressPassphrase(passphrase: String, duressPassphrase: String): Boolean =
        attempt { vault.withWorker { it.setDuressPassphrase(passphrase, duressPassphrase) } } != null

    /** Remove the duress passphrase (asks for the unlock passphrase). */
    fun removeDuressPassphrase(passphrase: String): Boolean =
        attempt { vault.withWorker { it.removeDuressPassphrase(passphrase) } } != null

    /**
     * The worker's auto-lock limit, in seconds without a touch. The core checks it (10 to 3600):
     * outside that it is an input error on `auto_lock_seconds` and the limit stays as it was.
     */
    fun setAutoLock(seconds: UInt): Boolean {
        attempt { vault.autoLockSeconds = seconds } ?: return false
        edit { it?.copy(autoLockSeconds = seconds) }
        return true
    }

    private fun current() = Settings(vault.hasPlatformKey(), vault.autoLockSeconds)
}
