package org.alongside.state

import org.alongside.core.PlatformKey

/**
 * The unlock screen (and "create a vault" on first run). Its data is the vault status after the
 * last call; navigation follows [VaultRepository.status]. The passphrase is never kept here.
 */
class UnlockState(vault: VaultRepository) : StateHolder<VaultStatus>(vault) {
    /** Find out whether there is a vault and whether biometrics are enrolled. */
    fun start(): Boolean = show { vault.start() }

    /**
     * A weak passphrase fails with [UiError.Input] whose rule is `Rule.Weak`: show its warning and
     * suggestions (the core's words) by the field.
     */
    fun create(passphrase: String): Boolean = show { vault.create(passphrase) }

    /** First run on a new phone: the vault from a backup file, unlocked with [newPassphrase]. */
    fun restore(backupPath: String, backupPassphrase: String, newPassphrase: String): Boolean =
        show { vault.restore(backupPath, backupPassphrase, newPassphrase) }

    fun unlock(passphrase: String): Boolean = show { vault.unlock(passphrase) }

    fun unlockWithPlatformKey(key: PlatformKey): Boolean = show { vault.unlockWithPlatformKey(key) }

    /** The unlock screen keeps its state (e.g. "try again in 8 s") across a lock. */
    override fun clear() {}
}
