package org.alongside.tests

import java.io.File
import java.io.RandomAccessFile
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertTrue
import org.alongside.core.AlongsideException
import org.alongside.core.ClientInput
import org.alongside.core.Vault
import org.alongside.core.verifyBackup
import org.alongside.state.BackupState
import org.alongside.state.SharedModeState
import org.alongside.state.UiError
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.state.VaultStatus
import org.alongside.tests.Harness.check

/*
 * Each typed error the core can raise about the files themselves, crossing the FFI as its own
 * Kotlin exception: a vault from a newer build, a damaged key slot, a file that is not a database,
 * a damaged backup, a backup from a newer build. And a wrong platform key cannot take the phone
 * back from shared mode.
 */

private const val PASS = "correct horse battery staple"
private const val BACKUP_PASS = "a different backup passphrase"
private val DAY: LocalDate = LocalDate.of(2026, 11, 23)

/** A closed vault with one client; its database file. */
private fun closedVault(name: String): Pair<String, File> {
    val dir = Harness.tempDir(name)
    Vault.create(dir, PASS, null).use { v ->
        v.worker().use { it.addClient(ClientInput("Robin", null, null, null, null, emptyList(), emptyList())) }
    }
    val db = File(dir, "alongside.db")
    assertFalse(File(dir, "alongside.db-wal").let { it.exists() && it.length() > 0 }, "checkpointed on close")
    return dir to db
}

private fun writeAt(file: File, offset: Long, bytes: ByteArray) =
    RandomAccessFile(file, "rw").use { f ->
        f.seek(offset)
        f.write(bytes)
    }

private fun indexOf(haystack: ByteArray, needle: ByteArray): Int {
    outer@ for (i in 0..haystack.size - needle.size) {
        for (j in needle.indices) if (haystack[i + j] != needle[j]) continue@outer
        return i
    }
    return -1
}

fun typedErrorsAcrossTheFfi() {
    check("schema too new: a vault from a newer build is refused and left as it was") {
        val (dir, db) = closedVault("schema")
        // SQLite keeps `user_version` (the vault's schema) at byte 60 of the file, big-endian.
        writeAt(db, 60, byteArrayOf(0, 0, 0, 99))
        val before = db.readBytes()
        val e = assertFailsWith<AlongsideException.SchemaTooNew> { Vault.open(dir) }
        assertEquals(99u, e.found)
        assertTrue(e.supported < 99u)
        assertTrue(before.contentEquals(db.readBytes()), "not a byte changed")
        val repo = VaultRepository(dir, TestClock())
        assertFailsWith<AlongsideException.SchemaTooNew> { repo.start() }
        repo.close()
    }

    check("corrupt: a passphrase slot with impossible parameters is damage, not a wrong passphrase") {
        val (dir, db) = closedVault("corrupt")
        // Each passphrase slot's header: format 2, Argon2id, then 64 MiB, 2 passes, 1 lane (big
        // endian). Make the passes 0xFFFFFFFF in both slots: parameters no build would write.
        val header = byteArrayOf(2, 2, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1)
        var bytes = db.readBytes()
        var found = 0
        while (true) {
            val at = indexOf(bytes, header)
            if (at < 0) break
            writeAt(db, (at + 6).toLong(), byteArrayOf(-1, -1, -1, -1))
            bytes = db.readBytes()
            found++
        }
        assertEquals(2, found, "both passphrase slots were found")
        Vault.open(dir).use { vault ->
            val e = assertFailsWith<AlongsideException.Corrupt> { vault.unlock(PASS, null) }
            assertTrue(e.what.isNotBlank())
        }
        val repo = VaultRepository(dir, TestClock())
        val unlock = UnlockState(repo)
        assertTrue(unlock.start())
        assertFalse(unlock.unlock(PASS))
        assertIs<AlongsideException.Corrupt>(assertIs<UiError.Failure>(unlock.screen.error).cause)
        repo.close()
    }

    check("corrupt: a database file that is not a database is named as damaged, not a crash") {
        val dir = File(Harness.tempDir("not-a-database")).also { it.mkdirs() }
        File(dir, "alongside.db").writeBytes(ByteArray(8192) { (it * 31).toByte() })
        val e = assertFailsWith<AlongsideException.Corrupt> { Vault.open(dir.path) }
        assertTrue(e.what.isNotBlank())
    }

    check("storage: a backup the file system cannot write is a storage error, not a crash") {
        val repo = VaultRepository(Harness.tempDir("storage"), TestClock())
        val unlock = UnlockState(repo)
        unlock.start()
        assertTrue(unlock.create(PASS))
        // A regular file where the backup's folder should be: the write fails in the file system.
        val notAFolder = File(Harness.tempDir("storage-file")).also { it.parentFile.mkdirs(); it.writeText("x") }
        val e = assertFailsWith<AlongsideException.Storage> {
            repo.withWorker { it.backup(File(notAFolder, "x.backup").path, PASS, BACKUP_PASS) }
        }
        assertTrue(e.detail.isNotBlank())
        repo.close()
    }

    val folder = File(Harness.tempDir("backups")).parentFile
    val good = File(folder, "good.backup")
    check("backup corrupt and too new: a damaged file and one from a newer build have their own errors") {
        val repo = VaultRepository(Harness.tempDir("backup-source"), TestClock())
        val unlock = UnlockState(repo)
        unlock.start()
        assertTrue(unlock.create(PASS))
        repo.withWorker { it.addClient(ClientInput("Robin", null, null, null, null, emptyList(), emptyList())) }
        val backup = BackupState(repo)
        assertTrue(backup.backup(good.path, PASS, BACKUP_PASS), "error: ${backup.screen.error}")
        val bytes = good.readBytes()

        val truncated = File(folder, "truncated.backup").apply { writeBytes(bytes.copyOf(bytes.size - 5)) }
        val damaged = assertFailsWith<AlongsideException.BackupCorrupt> { verifyBackup(truncated.path, BACKUP_PASS) }
        assertTrue(damaged.detail.isNotBlank())
        assertFalse(backup.verify(truncated.path, BACKUP_PASS))
        assertIs<AlongsideException.BackupCorrupt>(assertIs<UiError.Failure>(backup.screen.error).cause)

        // The format version is bytes 16-17 of the header; the newest a build could ever write.
        val newer = File(folder, "newer.backup").apply {
            writeBytes(bytes.copyOf().also { it[16] = 0x7f; it[17] = 0x7f })
        }
        val tooNew = assertFailsWith<AlongsideException.BackupTooNew> { verifyBackup(newer.path, BACKUP_PASS) }
        assertTrue(tooNew.found > tooNew.supported)
        assertFalse(backup.verify(newer.path, BACKUP_PASS))
        assertIs<AlongsideException.BackupTooNew>(assertIs<UiError.Failure>(backup.screen.error).cause)

        // Restoring either leaves no vault behind.
        val newPhone = VaultRepository(Harness.tempDir("restore-damaged"), TestClock())
        val first = UnlockState(newPhone)
        assertTrue(first.start())
        assertFalse(first.restore(truncated.path, BACKUP_PASS, PASS))
        assertIs<AlongsideException.BackupCorrupt>(assertIs<UiError.Failure>(first.screen.error).cause)
        assertFalse(first.restore(newer.path, BACKUP_PASS, PASS))
        assertIs<AlongsideException.BackupTooNew>(assertIs<UiError.Failure>(first.screen.error).cause)
        assertEquals(VaultStatus.NoVault, newPhone.status.value)
        newPhone.close()
        backup.close()
        repo.close()
    }

    check("platform key: a wrong key cannot take the phone back from shared mode") {
        val repo = VaultRepository(Harness.tempDir("shared-key"), TestClock())
        val unlock = UnlockState(repo)
        unlock.start()
        assertTrue(unlock.create(PASS))
        val key = AesPlatformKey()
        repo.withWorker { it.enablePlatformKey(PASS, key) }
        val client = repo.withWorker {
            it.addClient(ClientInput("Robin", null, null, null, null, emptyList(), emptyList())).id
        }
        val shared = SharedModeState(repo)
        assertTrue(shared.open(client, DAY), "error: ${shared.screen.error}")
        assertFalse(shared.leaveWithPlatformKey(AesPlatformKey()), "another phone's key")
        assertIs<UiError.PlatformKeyFailed>(shared.screen.error)
        assertEquals(VaultStatus.Shared(client), repo.status.value, "still the client's phone")
        assertTrue(shared.load(DAY), "the client's screen still works")
        assertFailsWith<AlongsideException.Locked> { repo.withWorker { it.clients() } }
        assertTrue(shared.leaveWithPlatformKey(key), "error: ${shared.screen.error}")
        assertEquals(VaultStatus.Unlocked, repo.status.value)
        shared.close()
        repo.close()
    }
}
