package org.alongside.tests

import java.time.LocalDate
import java.time.LocalTime
import java.time.DayOfWeek
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.core.CertificationInput
import org.alongside.core.ClientInput
import org.alongside.core.CornerSettings
import org.alongside.core.DebriefInput
import org.alongside.core.DebriefOccasion
import org.alongside.core.HeavyReasonKind
import org.alongside.core.HeavyWeekThresholds
import org.alongside.core.Lang
import org.alongside.core.ResourceCategory
import org.alongside.core.ResourceInput
import org.alongside.core.SupervisionActionInput
import org.alongside.core.SupervisionInput
import org.alongside.core.WorkingHours
import org.alongside.state.BoundaryState
import org.alongside.state.CaseloadState
import org.alongside.state.ActionDraft
import org.alongside.state.CertificationForm
import org.alongside.state.CornerSettingsForm
import org.alongside.state.CornerState
import org.alongside.state.DebriefForm
import org.alongside.state.SupervisionForm
import org.alongside.state.TodayState
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.tests.Harness.check

/*
 * The worker's corner through the Kotlin layer the "My corner" screens use: debriefs, the heavy
 * week and its dismissal, supervision actions and certifications on Today, off duty, and the
 * boundary card in shared mode with no debrief words in it.
 */

private const val CORNER_PASS = "correct horse battery staple"
private val MONDAY: LocalDate = LocalDate.of(2026, 11, 23)

fun corner() {
    val repo = VaultRepository(Harness.tempDir("corner"), TestClock())
    val unlock = UnlockState(repo)
    unlock.start()
    unlock.create(CORNER_PASS)
    val caseload = CaseloadState(repo)
    val client = assertNotNull(caseload.addClient(ClientInput("Lina", null, null, "es", null, emptyList(), emptyList())))
    val corner = CornerState(repo, Lang.FR)

    check("corner: two debriefs that sat heavily make a heavy week, with its reasons in French") {
        assertTrue(corner.load(MONDAY, null))
        assertNull(corner.screen.data!!.heavyWeek)
        val input = DebriefInput(MONDAY, DebriefOccasion.AFTER_CRISIS, 2, "KTMARK words", null, "a walk", false, true)
        assertTrue(corner.addDebrief(input), "error: ${corner.screen.error}")
        assertTrue(corner.addDebrief(input.copy(day = MONDAY.plusDays(1), score = 3)))
        val screen = corner.screen.data!!
        assertEquals(2, screen.recentDebriefs.size)
        assertTrue(screen.recentDebriefs.first().debrief.shareWithSupervisor)
        val week = assertNotNull(screen.heavyWeek)
        assertEquals("2026-W48", week.week)
        val kinds = week.reasons.map { it.kind }
        assertTrue(HeavyReasonKind.HEAVY_DEBRIEFS in kinds, "$kinds")
        assertTrue(HeavyReasonKind.DAYS_WITHOUT_BREAK !in kinds, "one day without a break is below 3")
        assertEquals("Mon coin", screen.words.title)
        assertEquals(10, screen.scoreScale.size)
    }

    check("corner: dismissed, the week never shows again, on the corner or on Today") {
        assertTrue(corner.dismissHeavyWeek())
        assertNull(corner.screen.data!!.heavyWeek)
        val today = TodayState(repo)
        assertTrue(today.load(MONDAY.plusDays(3)))
        assertNull(today.screen.data!!.corner.heavyWeek)
    }

    check("corner: supervision actions and certifications show on Today; off duty they do not") {
        val action = SupervisionActionInput("Book refresher", MONDAY)
        assertTrue(corner.addSupervision(SupervisionInput(MONDAY.minusDays(7), "Sam", listOf("Caseload"), true, null, listOf(action))))
        assertTrue(corner.addCertification(CertificationInput("First aid", MONDAY.plusDays(20), null)))
        val hours = WorkingHours(listOf(1u, 2u, 3u, 4u, 5u), LocalTime.of(9, 0), LocalTime.of(17, 0))
        assertTrue(corner.saveSettings(CornerSettings(hours, HeavyWeekThresholds(2u, 2u, 3u, 3u, 3u, 2u), 60u)))
        val repoWorker = repo.withWorker { it }
        val atWork = repoWorker.todayAt(MONDAY, LocalTime.of(10, 0))
        assertFalse(atWork.corner.offDuty)
        assertEquals("Book refresher", atWork.corner.supervisionActions.single().action.what)
        assertEquals("First aid", atWork.corner.certificationsExpiring.single().certification.name)
        val evening = repoWorker.todayAt(MONDAY, LocalTime.of(21, 0))
        assertTrue(evening.corner.offDuty)
        assertTrue(evening.corner.supervisionActions.isEmpty())
        assertTrue(evening.corner.offDutyLabel!!.startsWith("You are off duty"))
        assertTrue(corner.load(MONDAY, LocalTime.of(21, 0)))
        assertTrue(corner.screen.data!!.offDuty)
    }

    check("corner: a settings error comes back typed, naming the field") {
        val bad = WorkingHours(listOf(1u), LocalTime.of(17, 0), LocalTime.of(9, 0))
        assertFalse(corner.saveSettings(CornerSettings(bad, HeavyWeekThresholds(2u, 2u, 3u, 3u, 3u, 2u), 60u)))
        assertNotNull(corner.screen.error)
        corner.dismissError()
    }

    check("corner inputs: a Kotlin caller passes only what it has; the rest are the core's defaults") {
        val debrief = DebriefInput(day = MONDAY, occasion = DebriefOccasion.END_OF_DAY, score = 6)
        assertNull(debrief.words)
        assertFalse(debrief.shareWithSupervisor)
        val session = SupervisionInput(day = MONDAY, withWhom = "Sam")
        assertTrue(session.topics.isEmpty() && session.actions.isEmpty() && !session.held)
        assertNull(SupervisionActionInput(what = "Read the policy").due)
        assertNull(CertificationInput(name = "First aid").expires)
        // The settings' defaults are the core's own: a fresh vault's settings equal them.
        val fresh = VaultRepository(Harness.tempDir("corner-defaults"), TestClock())
        UnlockState(fresh).apply { start(); create(CORNER_PASS) }
        assertEquals(fresh.withWorker { it.cornerSettings() }, CornerSettings(heavyWeek = HeavyWeekThresholds()))
        fresh.close()
    }

    check("corner forms: a debrief written, then edited, through the form") {
        val form = corner.newDebrief().copy(occasion = DebriefOccasion.AFTER_INCIDENT, words = "  ")
        assertFalse(form.canSave, "no score chosen yet")
        assertFalse(corner.saveDebrief(form))
        assertTrue(corner.saveDebrief(form.copy(score = 7, forMyself = "an early night")), "error: ${corner.screen.error}")
        val saved = corner.screen.data!!.recentDebriefs.first { it.debrief.occasion == DebriefOccasion.AFTER_INCIDENT }.debrief
        assertNull(saved.words, "blank words are left out")
        val edit = DebriefForm.of(saved)
        assertEquals(saved.id, edit.editing)
        assertTrue(corner.saveDebrief(edit.copy(score = 5, whatHelped = "a colleague")))
        val edited = corner.screen.data!!.recentDebriefs.single { it.debrief.id == saved.id }.debrief
        assertEquals(5.toUByte(), edited.score)
        assertEquals("a colleague", edited.whatHelped)
        assertEquals("an early night", edited.forMyself)
        // Out of range is the core's refusal, worded, not a wrapped byte.
        assertFalse(corner.saveDebrief(edit.copy(score = 260)))
        assertEquals("score", (corner.screen.error as? org.alongside.state.UiError.Input)?.field)
        corner.dismissError()
    }

    check("corner forms: a session planned with topics and actions, then recorded with more") {
        val plan = corner.newSupervision()
            .copy(day = MONDAY.plusDays(7), withWhom = "Dana")
            .addTopic().setTopic(0, "Lone working")
            .addTopic()
            .addAction().setAction(0, ActionDraft("Read the lone working policy", MONDAY.plusDays(14)))
            .addAction()
        assertTrue(corner.saveSupervision(plan), "error: ${corner.screen.error}")
        val session = corner.sessions.value.first { it.withWhom == "Dana" }
        assertEquals(listOf("Lone working"), session.topics, "blank topics are left out")
        assertEquals(1, session.actions.size, "a blank action is left out")
        val edit = SupervisionForm.of(session)
        assertEquals(session.actions, edit.agreed)
        assertTrue(corner.saveSupervision(edit.copy(notes = "Talked it through").addAction().setAction(0, ActionDraft("Book a debrief"))))
        val recorded = corner.sessions.value.single { it.id == session.id }
        assertEquals(listOf("Read the lone working policy", "Book a debrief"), recorded.actions.map { it.what })
        assertEquals("Talked it through", recorded.notes)
        assertTrue(corner.screen.data!!.formWords.addAction.isNotBlank())
    }

    check("corner forms: a certification added, renewed and deleted") {
        assertTrue(corner.saveCertification(CertificationForm(name = "Crisis intervention", expires = MONDAY.plusDays(30))))
        val row = corner.screen.data!!.certifications.single { it.certification.name == "Crisis intervention" }
        assertTrue(row.needsRenewal)
        val renewed = CertificationForm.of(row.certification).copy(expires = MONDAY.plusYears(2))
        assertTrue(corner.saveCertification(renewed))
        assertFalse(corner.screen.data!!.certifications.single { it.certification.id == renewed.editing }.needsRenewal)
        assertTrue(corner.deleteCertification(renewed.editing!!))
        assertTrue(corner.screen.data!!.certifications.none { it.certification.id == renewed.editing })
    }

    check("corner forms: the settings form round-trips and the core refuses an empty week") {
        val form = corner.settingsForm()
        assertTrue(form.hoursSet, "hours were saved above")
        val weekendOff = form.toggleDay(DayOfWeek.FRIDAY).copy(noticeDays = 30)
        assertTrue(corner.saveSettings(weekendOff), "error: ${corner.screen.error}")
        assertEquals(listOf(1u, 2u, 3u, 4u), corner.settings.value!!.workingHours!!.days)
        assertEquals(30u, corner.settings.value!!.certificationNoticeDays)
        assertEquals(weekendOff, CornerSettingsForm.of(corner.settings.value!!))
        val empty = DayOfWeek.values().fold(weekendOff) { f, d -> if (d in f.days) f.toggleDay(d) else f }
        assertFalse(corner.saveSettings(empty))
        corner.dismissError()
        assertTrue(corner.saveSettings(weekendOff.copy(hoursSet = false)))
        assertNull(corner.settings.value!!.workingHours)
    }

    check("shared mode: the boundary card in the client's language, and no debrief words") {
        repo.withWorker {
            it.addResource(ResourceInput("Oficina", ResourceCategory.AGENCY, "555 0100", null, listOf("es"), null))
            it.addResource(ResourceInput("Crisis line", ResourceCategory.CRISIS_LINE, "555 0199", "24/7", emptyList(), null))
        }
        repo.openShared(client.id)
        val boundary = BoundaryState(repo)
        assertTrue(boundary.load(), "error: ${boundary.screen.error}")
        val card = boundary.screen.data!!
        assertEquals("Seguir en contacto", card.title)
        assertEquals("Oficina", card.routes.single().name)
        assertTrue(card.routes.single().speaksMyLanguage)
        assertEquals("Crisis line", card.crisisLines.single().name)
        assertFalse(card.toString().contains("KTMARK"))
        val shared = repo.withShared { it.screen(MONDAY) }
        assertFalse(shared.toString().contains("KTMARK"))
        repo.leaveShared(CORNER_PASS)
    }
    repo.close()
}
