package org.alongside.tests

import java.io.File
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.core.AlongsideException
import org.alongside.core.ClientInput
import org.alongside.core.IncidentActionInput
import org.alongside.core.IncidentInput
import org.alongside.core.IncidentKind
import org.alongside.core.IncidentStatus
import org.alongside.core.Rule
import org.alongside.state.BackupState
import org.alongside.state.CaseloadState
import org.alongside.state.IncidentState
import org.alongside.state.UiError
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.state.VaultStatus
import org.alongside.tests.Harness.check

/*
 * The Kotlin layer's incident screen, the backup in settings and the restore on a new phone: the
 * state holders the Android app's Incident and Settings screens and first-run screen use.
 */

private const val PASS = "correct horse battery staple"
private const val BACKUP_PASS = "a different backup passphrase"
private val ON: LocalDate = LocalDate.of(2026, 11, 23)

fun incidentsAndBackup() {
    val repo = VaultRepository(Harness.tempDir("incident"), TestClock())
    val unlock = UnlockState(repo)
    unlock.start()
    unlock.create(PASS)
    val caseload = CaseloadState(repo)
    val client = assertNotNull(caseload.addClient(ClientInput("Jonas", null, null, "en", null, emptyList(), emptyList())))

    val incident = IncidentState(repo)
    check("incident: the report form lists the core's kinds with their required actions") {
        assertTrue(incident.start())
        val kinds = incident.screen.data!!.kinds
        val refusal = kinds.first { it.kind == IncidentKind.MEDICATION_REFUSAL }
        assertTrue(refusal.label.isNotBlank())
        assertTrue(refusal.required.isNotEmpty(), "a refusal has actions it requires")
        assertTrue(refusal.donts.isNotEmpty())
        assertNull(incident.screen.data!!.incident)
    }

    check("incident: reported, it cannot close until every required action is recorded") {
        val input = IncidentInput(IncidentKind.MEDICATION_REFUSAL, ON, null, "Declined the evening dose.", null)
        assertTrue(incident.report(client.id, input), "error: ${incident.screen.error}")
        val view = incident.screen.data!!.incident!!
        assertFalse(view.canClose)
        assertTrue(view.required.all { it.done == null })
        assertFalse(incident.close(ON, null))
        val e = assertIs<UiError.Input>(incident.screen.error)
        assertEquals("actions", e.field)
        assertIs<Rule.NotAllowed>(e.rule)
    }

    check("incident: recording each required action lets it close; it reopens from Today by id") {
        val required = incident.screen.data!!.incident!!.required
        for (action in required) {
            assertTrue(incident.recordAction(IncidentActionInput(action.action, "Sam (worker)", ON, null, null)))
        }
        val view = incident.screen.data!!.incident!!
        assertTrue(view.canClose)
        assertTrue(view.required.all { it.done != null })
        assertTrue(incident.close(ON, "Seen by the GP the next day."))
        assertIs<IncidentStatus.Closed>(incident.screen.data!!.incident!!.incident.status)
        val again = IncidentState(repo)
        assertTrue(again.open(view.incident.id))
        assertEquals(view.incident.id, again.screen.data!!.incident!!.incident.id)
        assertTrue(again.screen.data!!.kinds.isNotEmpty())
        again.close()
    }

    val folder = File(Harness.tempDir("backup")).parentFile
    val file = File(folder, "alongside.backup").path
    val backup = BackupState(repo)
    check("backup: the unlock passphrase is asked again; the file verifies under its own passphrase") {
        assertFalse(backup.backup(file, "not the passphrase", BACKUP_PASS))
        assertIs<UiError.WrongPassphrase>(backup.screen.error)
        assertTrue(backup.backup(file, PASS, BACKUP_PASS), "error: ${backup.screen.error}")
        val written = backup.screen.data!!
        assertTrue(written.records > 0uL)
        assertTrue(backup.verify(file, BACKUP_PASS))
        assertEquals(written.records, backup.screen.data!!.records)
        assertFalse(backup.verify(file, PASS))
        assertIs<AlongsideException.BackupWrongPassphrase>(assertIs<UiError.Failure>(backup.screen.error).cause)
    }

    check("restore on a new phone: the client comes back, unlocked with the new passphrase") {
        val newPhone = VaultRepository(Harness.tempDir("restored"), TestClock())
        val first = UnlockState(newPhone)
        assertTrue(first.start())
        assertEquals(VaultStatus.NoVault, first.screen.data)
        assertFalse(first.restore(file, "wrong backup passphrase", PASS))
        assertEquals(VaultStatus.NoVault, newPhone.status.value, "a failed restore leaves no vault")
        assertTrue(first.restore(file, BACKUP_PASS, "$PASS on the new phone"), "error: ${first.screen.error}")
        assertEquals(VaultStatus.Unlocked, newPhone.status.value)
        assertEquals(listOf("Jonas"), newPhone.withWorker { w -> w.clients().clients.map { it.preferredName } })
        newPhone.lock()
        assertEquals(VaultStatus.Unlocked, newPhone.unlock("$PASS on the new phone"))
        assertFalse(first.restore(file, BACKUP_PASS, PASS), "a folder with a vault is not restored over")
        newPhone.close()
    }
    backup.close()
    incident.close()
    repo.close()
}
