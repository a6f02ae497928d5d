package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.ActivityStatus
import org.alongside.core.Author
import org.alongside.core.ClientInput
import org.alongside.core.Duty
import org.alongside.core.GoalInput
import org.alongside.core.LifeArea
import org.alongside.core.RatingInput
import org.alongside.core.Scheduling
import org.alongside.core.WellnessAuthor
import org.alongside.core.WellnessSection
import org.alongside.core.clientLanguages
import org.alongside.state.CaseloadState
import org.alongside.state.ClientCopyState
import org.alongside.state.ClientWellnessState
import org.alongside.state.ProgressState
import org.alongside.state.SharedModeState
import org.alongside.state.SharedWellnessState
import org.alongside.state.UiError
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.tests.Harness.check

/*
 * What the client owns, through the app's Kotlin layer and the generated bindings: the wellness
 * and crisis plan written in shared mode and read by the worker (and from a crisis visit), the
 * progress chart with its sentence, and the client's copy for the share sheet.
 */

private const val PASS = "correct horse battery staple"

/** The sentence without Fluent's isolation marks (a screen reader skips them). */
private fun plain(s: String) = s.filterNot { it in '\u2066'..'\u2069' }
private val ON: LocalDate = LocalDate.of(2026, 11, 23)

fun whatTheClientOwns() {
    val repo = VaultRepository(Harness.tempDir("owns"), TestClock())
    val unlock = UnlockState(repo)
    unlock.start()
    unlock.create(PASS)
    val caseload = CaseloadState(repo)
    val client = assertNotNull(caseload.addClient(ClientInput("Amal", null, null, "fr", null, emptyList(), emptyList())))
    val goalId = repo.withWorker { s ->
        val plan = s.createPlan(client.id, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 5))
        val goal = s.addGoal(client.id, plan.id, GoalInput(LifeArea.HOUSING, "Garder mon logement", "HIDDEN-step", null, null, null))
        for ((month, mine, worker) in listOf(Triple(3, 3, 4), Triple(5, 5, 5), Triple(8, 7, 6))) {
            s.rateGoal(goal.id, RatingInput(LocalDate.of(2026, month, 10), mine, Author.CLIENT, null))
            s.rateGoal(goal.id, RatingInput(LocalDate.of(2026, month, 12), worker, Author.WORKER, "HIDDEN-words"))
        }
        goal.id
    }

    val shared = SharedModeState(repo)
    val wellness = SharedWellnessState(repo)
    check("wellness: the client writes their plan in shared mode, in their language, marked as theirs") {
        assertTrue(shared.open(client.id, ON), "error: ${shared.screen.error}")
        assertTrue(wellness.load())
        assertEquals(0u, wellness.screen.data!!.version)
        assertEquals(13, wellness.screen.data!!.sections.size)
        assertTrue(wellness.write(WellnessSection.CRISIS_CONTACT, "Ma sœur Nadia", ON))
        val view = wellness.screen.data!!
        assertEquals("fr", view.language)
        val contact = view.sections.single { it.section == WellnessSection.CRISIS_CONTACT }
        assertEquals("Ma sœur Nadia", contact.text)
        assertEquals(WellnessAuthor.CLIENT, contact.writtenBy)
        assertEquals("Avec vos propres mots", contact.writtenByLabel)
        assertFalse(wellness.write(WellnessSection.MEDICATION, "x", ON.plusDays(400)))
        assertEquals("on", assertIs<UiError.Input>(wellness.screen.error).field)
    }

    val chart = ProgressState(repo, null)
    check("progress: the client's chart has two lines and a sentence in their language") {
        assertTrue(chart.load(), "error: ${chart.screen.error}")
        val g = chart.screen.data!!.goals.single()
        assertEquals(listOf(3, 5, 7), g.clientSeries.map { it.score.toInt() })
        assertEquals(listOf(4, 5, 6), g.workerSeries.map { it.score.toInt() })
        assertEquals(
            "Votre propre note est passée de 3 en mars à 7 en août. " +
                "La note de votre intervenant est passée de 4 en mars à 6 en août.",
            plain(g.sentence),
        )
        assertTrue(chart.screen.data!!.dutyMonths.isEmpty())
        assertEquals(listOf("en", "fr", "es", "ar"), clientLanguages())
    }

    check("wellness: the worker reads it, writes a section with the client, and a crisis visit carries it") {
        assertTrue(shared.leave(PASS))
        val worker = ClientWellnessState(repo, client.id)
        assertTrue(worker.load(), "error: ${worker.screen.error}")
        assertEquals("Ma sœur Nadia", worker.screen.data!!.sections.single { it.section == WellnessSection.CRISIS_CONTACT }.text)
        assertTrue(worker.writeWithClient(WellnessSection.MEDICATION, "Pas de sédatifs", ON))
        val med = worker.screen.data!!.sections.single { it.section == WellnessSection.MEDICATION }
        assertEquals(WellnessAuthor.WORKER_WITH_CLIENT, med.writtenBy)
        assertEquals("Written by you with the client", med.writtenByLabel)
        assertEquals(2, repo.withWorker { it.wellnessVersions(client.id) }.size)
        val visit = repo.withWorker {
            it.addActivity(
                client.id,
                ActivityInput(
                    ActivityKind.CRISIS_RESPONSE, Scheduling.EMERGENCY, ActivityStatus.Done, ON,
                    null, null, null, null, listOf(Duty.ADVOCATE), emptyList(),
                ),
            )
        }
        val plan = assertNotNull(repo.withWorker { it.activityView(visit.id) }.crisisPlan)
        assertEquals("Ma sœur Nadia", plan.sections.single { it.section == WellnessSection.CRISIS_CONTACT }.text)
    }

    check("progress: the worker's chart has the duty balance by month") {
        val mine = ProgressState(repo, client.id)
        assertTrue(mine.load(), "error: ${mine.screen.error}")
        val months = mine.screen.data!!.dutyMonths
        assertEquals(1u, months.single().advocate)
        assertTrue(plain(mine.screen.data!!.goals.single().sentence).startsWith("The client's own rating went from 3"))
    }

    check("copy: only after the warning, one HTML document with the client's own and nothing hidden") {
        val copy = ClientCopyState(repo, client.id)
        assertNull(copy.make(ON, confirmLeavesVault = false))
        val html = assertNotNull(copy.make(ON, confirmLeavesVault = true))
        assertTrue(html.startsWith("<!DOCTYPE html>"))
        assertContains(html, "Garder mon logement")
        assertContains(html, "Ma sœur Nadia")
        assertContains(html, "<svg")
        assertFalse("HIDDEN" in html, "no worker's words in the client's copy")
        assertFalse("<script" in html)
        assertTrue(goalId.isNotEmpty())
    }
    repo.close()
}
