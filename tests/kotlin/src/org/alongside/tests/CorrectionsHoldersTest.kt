package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.AreaAssessment
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
import org.alongside.core.Scheduling
import org.alongside.core.WellnessSection
import org.alongside.state.ActivityState
import org.alongside.state.AssessmentState
import org.alongside.state.CaseloadState
import org.alongside.state.ClientState
import org.alongside.state.HistoryState
import org.alongside.state.IncidentState
import org.alongside.state.ReferralState
import org.alongside.state.ReviewState
import org.alongside.state.UnlockState
import org.alongside.state.VaultRepository
import org.alongside.state.WellnessVersionsState
import org.alongside.tests.Harness.check

/*
 * Corrections and histories through the holders the app's screens use: a step reworded, an
 * assessment corrected, a follow-up and a referral changed, an open incident edited and a closed
 * one corrected, each record's earlier revisions, the plan's versions, the wellness plan's saved
 * versions, and the languages offered in the client form.
 */

private const val FIX_PASS = "correct horse battery staple"
private val FIX_DAY: LocalDate = LocalDate.of(2026, 3, 2)

fun correctionsThroughHolders() {
    val repo = VaultRepository(Harness.tempDir("fixes"), TestClock())
    val unlock = UnlockState(repo)
    unlock.start()
    unlock.create(FIX_PASS)
    val caseload = CaseloadState(repo)
    val sam = assertNotNull(caseload.addClient(ClientInput("Sam", null, null, null, null, emptyList(), emptyList()))).id

    check("client form: the languages the core's words ship in are offered") {
        assertTrue(caseload.languageOptions().containsAll(listOf("en", "fr", "es", "ar")), "${caseload.languageOptions()}")
    }

    check("client: a step reworded; the goal's history keeps the earlier words") {
        val client = ClientState(repo, sam)
        assertTrue(client.createPlan(FIX_DAY, FIX_DAY.plusDays(90)), "error: ${client.screen.error}")
        assertTrue(client.load(FIX_DAY))
        val planId = client.screen.data!!.plan.plan!!.id
        assertTrue(client.addGoal(planId, GoalInput(LifeArea.HOUSING, "a flat", null, null, null, null)))
        val goal = client.screen.data!!.plan.goals.single()
        assertTrue(client.addStep(goal.goalId, "call the office"))
        val step = client.screen.data!!.plan.goals.single().steps.single()
        assertTrue(client.editStep(goal.goalId, step.id, "call the housing office"), "error: ${client.screen.error}")
        assertEquals("call the housing office", client.screen.data!!.plan.goals.single().steps.single().text)
        val history = HistoryState(repo, goal.goalId)
        assertTrue(history.load(), "error: ${history.screen.error}")
        assertEquals("call the office", history.screen.data!!.last().changes.single { it.key == "steps.text" }.earlier)
    }

    check("review: a review held files the plan as a version, summed up in the plan's history") {
        val review = ReviewState(repo, sam)
        assertTrue(review.load(FIX_DAY), "error: ${review.screen.error}")
        assertEquals(emptyList(), review.screen.data!!.planHistory, "no version closed yet")
        assertTrue(
            review.review(FIX_DAY.plusDays(30), "a flat near her sister", "closer to family", FIX_DAY.plusDays(120)),
            "error: ${review.screen.error}",
        )
        val versions = review.screen.data!!.planHistory
        assertEquals(listOf(1u), versions.map { it.version })
        assertEquals("a flat near her sister", versions.single().whatChanged)
    }

    check("assessment: a saved one opened, corrected and saved as the same record") {
        val assessments = AssessmentState(repo, sam)
        assertTrue(assessments.load())
        assessments.start(FIX_DAY)
        assessments.setArea(AreaAssessment(LifeArea.MONEY, "debts", null, emptyList(), null))
        assertTrue(assessments.submit(), "error: ${assessments.screen.error}")
        val saved = assessments.screen.data!!.past.single()
        assessments.startEditing(saved)
        assertEquals(saved.id, assessments.screen.data!!.editingId)
        assessments.setArea(AreaAssessment(LifeArea.MONEY, "rent arrears", null, emptyList(), null))
        assertTrue(assessments.submit(), "error: ${assessments.screen.error}")
        val after = assessments.screen.data!!
        assertNull(after.editingId)
        assertEquals(listOf(saved.id), after.past.map { it.id }, "corrected, not added")
        assertEquals("rent arrears", after.past.single().areas.single().needs)
    }

    check("visit: a follow-up corrected") {
        val visitId = repo.withWorker {
            it.addActivityWithFollowUps(
                sam,
                ActivityInput(ActivityKind.HOME_VISIT, Scheduling.PLANNED, null, FIX_DAY, null, null, null, "budgeting", listOf(Duty.EDUCATE), emptyList()),
                listOf(FollowUpInput("bring the form", FIX_DAY.plusDays(3))),
            ).id
        }
        val activity = ActivityState(repo, visitId)
        assertTrue(activity.load())
        val followUp = activity.screen.data!!.activity.followUps.single()
        assertTrue(activity.updateFollowUp(followUp.id, FollowUpInput("bring the housing form", FIX_DAY.plusDays(4))), "error: ${activity.screen.error}")
        assertEquals("bring the housing form", activity.screen.data!!.activity.followUps.single().what)
    }

    check("referral: corrected with its outcome; the history keeps the earlier reason") {
        val referrals = ReferralState(repo, sam)
        assertTrue(referrals.addResource(ResourceInput("Food bank", ResourceCategory.FOOD_BANK, null, null, emptyList(), null)) || referrals.load())
        val resource = referrals.screen.data!!.resources.single()
        assertTrue(referrals.refer(ReferralInput(resource.id, "no food", FIX_DAY, null)), "error: ${referrals.screen.error}")
        val referral = referrals.screen.data!!.referrals.single().referral
        assertTrue(
            referrals.updateReferral(referral.id, ReferralInput(resource.id, "benefits delayed", FIX_DAY, FIX_DAY.plusDays(3)), null),
            "error: ${referrals.screen.error}",
        )
        assertEquals("benefits delayed", referrals.screen.data!!.referrals.single().referral.reason)
        val history = HistoryState(repo, referral.id)
        assertTrue(history.load())
        assertEquals("no food", history.screen.data!!.single().changes.single { it.field == "reason" }.earlier)
    }

    check("incident: edited while open, an action corrected; closed, refused and corrected instead") {
        val incident = IncidentState(repo)
        assertTrue(incident.start())
        assertTrue(incident.report(sam, IncidentInput(IncidentKind.OTHER, FIX_DAY, null, "lost the bus pass", null)))
        assertTrue(incident.edit(IncidentInput(IncidentKind.OTHER, FIX_DAY, null, "lost the bus pass on the 41", null)), "error: ${incident.screen.error}")
        assertEquals("lost the bus pass", incident.screen.data!!.incident!!.edits.single().changes.single().earlier)
        assertTrue(incident.recordAction(IncidentActionInput(RequiredAction.INFORM_SUPERVISOR, "Worker", FIX_DAY, null, null)))
        assertTrue(incident.editAction(0u, IncidentActionInput(RequiredAction.INFORM_SUPERVISOR, "J. Ortiz", FIX_DAY, null, "by phone")), "error: ${incident.screen.error}")
        assertEquals("J. Ortiz", incident.screen.data!!.incident!!.recordedActions[0].action.by)
        assertTrue(incident.close(FIX_DAY, null), "error: ${incident.screen.error}")
        assertFalse(incident.edit(IncidentInput(IncidentKind.OTHER, FIX_DAY, null, "rewritten", null)))
        assertEquals("incident_id", (incident.screen.error as org.alongside.state.UiError.Input).field)
        assertTrue(incident.correct("wrong bus", "it was the 42"), "error: ${incident.screen.error}")
        assertEquals("it was the 42", incident.screen.data!!.incident!!.corrections.single().text)
    }

    check("wellness: each save is a version the worker can look back on") {
        repo.withWorker { it.writeWellnessWithClient(sam, WellnessSection.entries.first(), "a walk", FIX_DAY) }
        repo.withWorker { it.writeWellnessWithClient(sam, WellnessSection.entries.first(), "a walk by the river", FIX_DAY) }
        val versions = WellnessVersionsState(repo, sam)
        assertTrue(versions.load(), "error: ${versions.screen.error}")
        assertEquals(2, versions.screen.data!!.size)
    }
    repo.close()
}
