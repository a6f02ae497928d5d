package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import kotlin.test.assertTrue
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.ActivityStatus
import org.alongside.core.AlongsideException
import org.alongside.core.AreaAssessment
import org.alongside.core.AssessmentInput
import org.alongside.core.ClientInput
import org.alongside.core.Duty
import org.alongside.core.FollowUpInput
import org.alongside.core.GoalInput
import org.alongside.core.IncidentActionInput
import org.alongside.core.IncidentInput
import org.alongside.core.IncidentKind
import org.alongside.core.LifeArea
import org.alongside.core.ReferralInput
import org.alongside.core.RequiredAction
import org.alongside.core.ResourceCategory
import org.alongside.core.ResourceInput
import org.alongside.core.Rule
import org.alongside.core.Scheduling
import org.alongside.core.Vault
import org.alongside.tests.Harness.check

/*
 * Correcting records through the phone API: each edit call answers with the record as it is now,
 * and the revision it replaced stays readable (on the screen's `edits`, and through
 * `recordHistory`); a locked record refuses with a typed error. Also the fields that were stored
 * but never shown: the emergency flag, a cancellation's reason, every incident action, a closed
 * incident's corrections, drafts waiting to be signed and the plan's current version.
 */

private const val PASS = "correct horse battery staple"
private val ON: LocalDate = LocalDate.of(2026, 3, 2)

fun correctingRecords() {
    val dir = Harness.tempDir("edits")
    Vault.create(dir, PASS, null).use { vault ->
        vault.worker().use { w ->
            val sam = w.addClient(ClientInput("Sam", null, null, null, null, emptyList(), emptyList())).id

            check("edits: a goal reworded keeps its earlier words, on the card and in its history") {
                val plan = w.createPlan(sam, ON, ON.plusDays(90))
                val goal = w.addGoal(sam, plan.id, GoalInput(LifeArea.HOUSING, "a flat", null, null, null, null))
                val withStep = w.addStep(goal.id, "call the office")
                val edited = w.updateGoal(goal.id, GoalInput(LifeArea.HOUSING, "a flat near my sister", null, null, null, null))
                assertEquals("a flat near my sister", edited.clientWords)
                w.editStep(goal.id, withStep.steps.single().id, "call the housing office")
                val history = w.recordHistory(goal.id)
                assertEquals(listOf(1L, 2L, 3L), history.map { it.rev })
                val words = history[1].changes.single { it.key == "client_words" }
                assertEquals("a flat", words.earlier)
                assertEquals("the client's words", words.field, "the field in the worker's words")
                val summary = history[1].summary.filterNot { it in '\u2066'..'\u2069' }
                assertTrue(summary.contains("earlier the client's words: a flat"), summary)
                assertEquals("call the office", history[2].changes.single { it.key == "steps.text" }.earlier)
                val card = w.planScreen(sam, ON).goals.single()
                assertEquals(history, card.edits)
                assertEquals("Version 1, since $ON", w.planScreen(sam, ON).versionLabel)
            }

            check("edits: a visit corrected keeps what it replaced; emergency and cancellation show") {
                val input = ActivityInput(
                    ActivityKind.HOME_VISIT, Scheduling.PLANNED, null, ON, null, null, null,
                    "budgting", listOf(Duty.EDUCATE), emptyList(),
                )
                val visit = w.addActivity(sam, input)
                val withFollowUp = w.addFollowUp(visit.id, FollowUpInput("bring the form", ON.plusDays(3)))
                w.updateActivity(visit.id, input.copy(purpose = "budgeting", scheduling = Scheduling.EMERGENCY))
                w.updateFollowUp(visit.id, withFollowUp.followUps.single().id, FollowUpInput("bring the housing form", ON.plusDays(4)))
                w.setActivityStatus(visit.id, ActivityStatus.Cancelled("Sam was in hospital"))
                val view = w.activityView(visit.id)
                assertTrue(view.emergency)
                assertEquals("Sam was in hospital", view.cancelReason)
                assertEquals("bring the housing form", view.activity.followUps.single().what)
                assertEquals("budgting", view.edits[1].changes.single { it.key == "purpose" }.earlier)
                val today = w.today(ON).visits.single()
                assertTrue(today.emergency)
                assertEquals("Sam was in hospital", today.cancelReason)
            }

            check("edits: an open incident is edited; closed, it refuses and takes a dated correction") {
                val reported = w.reportIncident(sam, IncidentInput(IncidentKind.OTHER, ON, null, "lost the bus pass", null))
                val id = reported.incident.id
                val edited = w.updateIncident(id, IncidentInput(IncidentKind.OTHER, ON, null, "lost the bus pass on the 41", null))
                assertEquals("lost the bus pass", edited.edits.single().changes.single().earlier)
                w.recordIncidentAction(id, IncidentActionInput(RequiredAction.INFORM_SUPERVISOR, "Worker", ON, null, null))
                w.recordIncidentAction(id, IncidentActionInput(RequiredAction.ASSESS_RISK, "Worker", ON, null, null))
                val fixed = w.updateIncidentAction(id, 0u, IncidentActionInput(RequiredAction.INFORM_SUPERVISOR, "J. Ortiz", ON, null, "by phone"))
                assertEquals("J. Ortiz", fixed.recordedActions[0].action.by)
                assertEquals("Worker", fixed.edits.last().changes.single { it.key == "actions.by" }.earlier)
                val closed = w.closeIncident(id, ON, null)
                assertEquals(2, closed.recordedActions.size)
                assertEquals(RequiredAction.ASSESS_RISK, closed.recordedActions.single { !it.required }.action.action)
                val e = assertFailsWith<AlongsideException.Invalid> {
                    w.updateIncident(id, IncidentInput(IncidentKind.OTHER, ON, null, "rewritten", null))
                }
                assertEquals("incident_id", e.field)
                assertIs<Rule.NotAllowed>(e.rule)
                assertEquals(closed.incident, w.incident(id).incident)
                val corrected = w.correctIncident(id, "wrong bus", "it was the 42")
                assertEquals("it was the 42", corrected.corrections.single().text)
                assertEquals(closed.incident, corrected.incident)
            }

            check("edits: a resource, a referral and an assessment corrected keep what they replaced; a draft waits in the day") {
                val r = w.addResource(ResourceInput("Food bank", ResourceCategory.FOOD_BANK, null, null, emptyList(), null))
                w.updateResource(r.id, ResourceInput("Northside Food Bank", ResourceCategory.FOOD_BANK, null, null, emptyList(), null))
                assertEquals("Food bank", w.recordHistory(r.id).single().changes.single { it.key == "name" }.earlier)
                val referral = w.refer(sam, ReferralInput(r.id, "no food", ON, null)).referral
                val edited = w.updateReferral(referral.id, ReferralInput(r.id, "benefits delayed", ON, ON.plusDays(3)), null)
                assertEquals("benefits delayed", edited.referral.reason)
                assertEquals("no food", w.recordHistory(referral.id).single().changes.single { it.key == "reason" }.earlier)
                val area = { needs: String -> AreaAssessment(LifeArea.MONEY, needs, null, emptyList(), null) }
                val assessment = w.addAssessment(sam, AssessmentInput(ON, listOf(area("debts")), null))
                w.updateAssessment(assessment.id, AssessmentInput(ON, listOf(area("rent arrears")), null))
                assertEquals("rent arrears", w.assessment(assessment.id).areas.single().needs)
                assertEquals("debts", w.recordHistory(assessment.id).single().changes.single { it.key == "areas.needs" }.earlier)
                val note = w.addNote(sam, null, "visited")
                val draft = w.today(LocalDate.now().plusDays(2)).draftsToSign.single()
                assertEquals(note.note.id, draft.noteId)
                assertEquals(2u, draft.unsignedDays)
                val editedNote = w.editNote(note.note.id, "visited Sam at home")
                assertEquals("visited", editedNote.edits.single().changes.single().earlier)
                w.signNote(note.note.id)
                assertTrue(w.today(LocalDate.now().plusDays(2)).draftsToSign.isEmpty())
                assertTrue(w.verifyAudit().ok)
            }
        }
    }
}
