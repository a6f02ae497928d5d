package org.alongside.state

import org.alongside.core.BackupSummary
import org.alongside.core.verifyBackup

/**
 * Settings' backup: the whole vault into one file sealed under a backup passphrase, and a check
 * of a file without writing anything. The shell chooses where the file goes (a private folder,
 * then the share sheet or the document picker); restoring is [UnlockState.restore].
 */
class BackupState(vault: VaultRepository) : StateHolder<BackupSummary>(vault) {
    /**
     * Write the backup to [path]; the unlock [passphrase] is asked again. [backupPassphrase] must
     * be hard to guess and not the unlock passphrase (the file leaves the phone, so the device key
     * does not protect it).
     */
    fun backup(path: String, passphrase: String, backupPassphrase: String): Boolean =
        show { vault.withWorker { it.backup(path, passphrase, backupPassphrase) } }

    /** Check that [path] opens with [backupPassphrase] and is whole. */
    fun verify(path: String, backupPassphrase: String): Boolean = show { verifyBackup(path, backupPassphrase) }
}
