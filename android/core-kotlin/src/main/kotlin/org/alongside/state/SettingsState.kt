package org.alongside.state

import org.alongside.core.PlatformKey

/** Settings: passphrase, biometrics, auto-lock time. Data: whether biometrics are enrolled. */
class SettingsState(vault: VaultRepository) : StateHolder<SettingsState.Settings>(vault) {
    data class Settings(val hasPlatformKey: Boolean, val autoLockAfterMillis: Long)

    fun load(): Boolean = show { current() }

    fun changePassphrase(current: String, new: String): Boolean =
        attempt { vault.withWorker { it.changePassphrase(current, new) } } != null

    /** Enrol biometrics: the core asks for the passphrase again before wrapping its key. */
    fun enablePlatformKey(passphrase: String, key: PlatformKey): Boolean =
        show { vault.withWorker { it.enablePlatformKey(passphrase, key) }; current() }

    fun disablePlatformKey(): Boolean = show { vault.withWorker { it.disablePlatformKey() }; current() }

    fun setAutoLock(millis: Long) {
        vault.autoLockAfterMillis = millis
        edit { it?.copy(autoLockAfterMillis = millis) }
    }

    private fun current() = Settings(vault.hasPlatformKey(), vault.autoLockAfterMillis)
}
