package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.ActivityStatus
import org.alongside.core.AreaAssessment
import org.alongside.core.ClientInput
import org.alongside.core.ClientStatus
import org.alongside.core.Duty
import org.alongside.core.GoalInput
import org.alongside.core.GoalStatus
import org.alongside.core.LifeArea
import org.alongside.core.ReferralInput
import org.alongside.core.ReferralStatus
import org.alongside.core.ResourceCategory
import org.alongside.core.ResourceInput
import org.alongside.core.Risk
import org.alongside.core.RiskLevel
import org.alongside.core.Scheduling
import org.alongside.state.ActivityState
import org.alongside.state.AssessmentState
import org.alongside.state.ClientState
import org.alongside.state.DutyBalanceState
import org.alongside.state.ReferralState
import org.alongside.state.ReviewState
import org.alongside.state.UiError
import org.alongside.state.VaultRepository
import org.alongside.state.VaultStatus
import org.alongside.tests.Harness.check

/*
 * The rest of a worker's job through the Kotlin layer, as the new screens drive it: goals and
 * steps edited, a plan review with its history, an assessment with strengths and risks, resources
 * and referrals with outcomes, a visit's own screen, and the duty balance with its hint.
 */

private const val PASS = "correct horse battery staple"
private val ON: LocalDate = LocalDate.of(2026, 11, 23)

fun wholeJob() {
    val repo = VaultRepository(Harness.tempDir("whole-job"), TestClock())
    assertEquals(VaultStatus.Unlocked, repo.create(PASS))
    val clientId = repo.withWorker { it.addClient(ClientInput(preferredName = "Noor")).id }
    val plan = repo.withWorker { it.createPlan(clientId, ON.minusMonths(3), ON) }
    val goalId = repo.withWorker {
        it.addGoal(clientId, plan.id, GoalInput(area = LifeArea.HOUSING, clientWords = "A safe flat")).id
    }

    check("goals and steps: edited, paused, a step done by the worker; the client's details changed") {
        val client = ClientState(repo, clientId)
        assertTrue(client.load(ON))
        assertTrue(client.addStep(goalId, "Ring the council"))
        val step = client.screen.data!!.plan.goals.single().steps.single()
        assertTrue(client.updateGoal(goalId, GoalInput(area = LifeArea.HOUSING, clientWords = "A safe flat near my sister")))
        assertTrue(client.setStepDone(goalId, step.id, ON))
        val card = client.screen.data!!.plan.goals.single()
        assertEquals("A safe flat near my sister", card.clientWords)
        assertEquals(ON, card.steps.single().doneOn)
        assertTrue(client.setGoalStatus(goalId, GoalStatus.Paused))
        assertFalse(client.updateGoal(goalId, GoalInput(area = LifeArea.HOUSING, clientWords = " ")))
        assertEquals("client_words", (client.screen.error as UiError.Input).field)
        assertTrue(client.setGoalStatus(goalId, GoalStatus.Active))
        assertTrue(client.updateClient(ClientInput(preferredName = "Noor", pronouns = "she/her")))
        assertEquals("she/her", repo.withWorker { it.client(clientId) }.pronouns)
        assertTrue(client.setClientStatus(ClientStatus.Paused(ON)))
        assertTrue(client.setClientStatus(ClientStatus.Active(ON)))
        client.close()
    }

    check("a plan review with its history: the review files a version and the next one is due") {
        val review = ReviewState(repo, clientId)
        assertTrue(review.load(ON))
        val before = review.screen.data!!
        assertTrue(before.history.isEmpty())
        assertEquals(ON.plusMonths(3), review.defaultNextDue(ON))
        assertFalse(review.review(ON, "", "", review.defaultNextDue(ON)))
        assertTrue(review.screen.error is UiError.Input)
        assertTrue(review.review(ON, "The flat is the goal now", "Her sister moved nearby", review.defaultNextDue(ON)))
        val after = review.screen.data!!
        assertEquals(1, after.history.size)
        assertEquals(1, after.versions.size)
        assertEquals(before.screen.plan.version + 1u, after.screen.plan.version)
        assertEquals(ON.plusMonths(3), after.screen.plan.reviewDue)
        review.close()
    }

    check("an assessment with strengths and risks; one with no area is the core's to refuse") {
        val a = AssessmentState(repo, clientId)
        assertTrue(a.load())
        a.start(ON)
        assertFalse(a.submit())
        assertEquals("areas", (a.screen.error as UiError.Input).field)
        a.setArea(AreaAssessment(area = LifeArea.HOUSING, needs = "Damp flat", strengths = "Knows her rights", risks = emptyList(), clientWords = null))
        a.addRisk(LifeArea.HOUSING, Risk("Eviction notice", RiskLevel.HIGH))
        assertTrue(a.submit(), "error: ${a.screen.error}")
        val saved = a.screen.data!!.past.single()
        assertNull(a.screen.data!!.form)
        assertEquals("Knows her rights", saved.areas.single().strengths)
        assertEquals(RiskLevel.HIGH, saved.areas.single().risks.single().level)
        a.close()
    }

    check("resources and referrals with outcomes, and the follow-up reminder") {
        val r = ReferralState(repo, clientId)
        assertTrue(r.addResource(ResourceInput(name = "Northside food bank", category = ResourceCategory.FOOD_BANK, languages = listOf("ar"))))
        val bank = r.screen.data!!.resources.single()
        assertTrue(r.updateResource(bank.id, ResourceInput(name = "Northside food bank", category = ResourceCategory.FOOD_BANK, hours = "Mon-Fri 9-5")))
        assertTrue(r.refer(ReferralInput(resourceId = bank.id, reason = "Food this week", madeOn = ON)))
        val referral = r.screen.data!!.referrals.single()
        assertTrue(r.setFollowUp(referral.referral.id, ON.plusDays(7)))
        assertEquals(ON.plusDays(7), r.screen.data!!.referrals.single().referral.followUpDue)
        assertTrue(r.setStatus(referral.referral.id, ReferralStatus.COMPLETED, ON.plusDays(2), "Collected a parcel"))
        val done = r.screen.data!!.referrals.single().referral
        assertEquals(ReferralStatus.COMPLETED, done.status)
        assertTrue(r.load(ResourceCategory.LEGAL_AID))
        assertTrue(r.screen.data!!.resources.isEmpty(), "the core filters by category")
        r.close()
    }

    check("a visit's own screen: labels from the core, its status changed") {
        val visit = repo.withWorker {
            it.addActivity(clientId, ActivityInput(kind = ActivityKind.OFFICE, scheduling = Scheduling.PLANNED, day = ON, duties = listOf(Duty.ADVOCATE)))
        }
        val a = ActivityState(repo, visit.id)
        assertTrue(a.load())
        assertEquals("Noor", a.screen.data!!.clientName)
        assertTrue(a.setStatus(ActivityStatus.Done))
        assertEquals(ActivityStatus.Done, a.screen.data!!.activity.status)
        a.close()
    }

    check("the duty balance for the client and for the worker, over the core's default period") {
        val client = DutyBalanceState(repo, clientId)
        assertTrue(client.load(ON))
        val balance = client.screen.data!!.balance
        assertEquals(ON.minusWeeks(12), balance.from)
        assertEquals(1u, balance.activities)
        assertTrue(balance.summary.isNotBlank())
        val worker = DutyBalanceState(repo, null)
        assertTrue(worker.load(ON))
        assertEquals(1u, worker.screen.data!!.balance.activities)
        assertFalse(worker.setHintWeeks(0u))
        assertTrue(worker.screen.error is UiError.Input)
        assertTrue(worker.setHintWeeks(4u))
        assertEquals(4u, worker.screen.data!!.settings.advocacyHintWeeks)
        client.close()
        worker.close()
    }

    check("erasing a client: the client is gone, and the error code says so") {
        val client = ClientState(repo, clientId)
        assertTrue(client.erase())
        assertNull(client.screen.data)
        assertFalse(client.load(ON))
        assertEquals("not_found", client.screen.error!!.code)
        client.close()
    }

    repo.close()
}
