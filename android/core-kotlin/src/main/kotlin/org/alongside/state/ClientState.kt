package org.alongside.state

import java.time.LocalDate
import org.alongside.core.Choice
import org.alongside.core.lifeAreaChoices
import org.alongside.core.Author
import org.alongside.core.ClientInput
import org.alongside.core.ClientStatus
import org.alongside.core.GoalStatus
import org.alongside.core.GoalInput
import org.alongside.core.PlanScreen
import org.alongside.core.RatingInput
import org.alongside.core.TimelineItem
import org.alongside.core.UnreadableRecord

/**
 * One client's screen: the plan (goals with the client's and the worker's ratings side by side,
 * both from the core's [PlanScreen]) and the timeline, fetched a page at a time.
 */
class ClientState(
    vault: VaultRepository,
    val clientId: String,
    private val pageSize: UInt = DEFAULT_PAGE,
) : StateHolder<ClientState.ClientScreen>(vault) {
    data class ClientScreen(
        val plan: PlanScreen,
        /** Newest first, as many pages as have been asked for. */
        val timeline: List<TimelineItem>,
        /** True once a page came back short: there is nothing older. */
        val timelineComplete: Boolean,
        /** The client's records that could not be opened, each with the core's sentence. */
        val unreadable: List<UnreadableRecord>,
        /** The life areas a goal is set in, worded by the core (`lifeAreaChoices`). */
        val areaChoices: List<Choice> = emptyList(),
    )

    private var today: LocalDate? = null

    /** The plan and the first page of the timeline, in two calls. */
    fun load(today: LocalDate): Boolean {
        this.today = today
        return show {
            vault.withWorker { s ->
                val page = s.timeline(clientId, 0u, pageSize)
                ClientScreen(
                    s.planScreen(clientId, today),
                    page.items,
                    page.items.size.toUInt() < pageSize,
                    page.unreadable,
                    lifeAreaChoices(vault.language.value),
                )
            }
        }
    }

    /** The next page of the timeline (the list's end was reached). */
    fun loadMoreTimeline(): Boolean {
        val current = screen.data ?: return false
        if (current.timelineComplete) return true
        return show {
            val page = vault.withWorker { it.timeline(clientId, current.timeline.size.toUInt(), pageSize) }
            current.copy(
                timeline = current.timeline + page.items,
                timelineComplete = page.items.size.toUInt() < pageSize,
                unreadable = page.unreadable,
            )
        }
    }

    /** Start the client's plan. */
    fun createPlan(started: LocalDate, reviewDue: LocalDate): Boolean =
        change { vault.withWorker { it.createPlan(clientId, started, reviewDue) } }

    /** Add a goal to the plan shown (`screen.data.plan.plan.id`). */
    fun addGoal(planId: String, input: GoalInput): Boolean =
        change { vault.withWorker { it.addGoal(clientId, planId, input) } }

    /** Add a step to a goal. */
    fun addStep(goalId: String, text: String): Boolean =
        change { vault.withWorker { it.addStep(goalId, text) } }

    /** The worker's own rating of progress on a goal (the client rates in shared mode). */
    fun rateGoal(goalId: String, on: LocalDate, score: Int, words: String? = null): Boolean =
        change { vault.withWorker { it.rateGoal(goalId, RatingInput(on, score, Author.WORKER, words)) } }

    /** Change a goal's words, framing, area, target day or visibility to the client. */
    fun updateGoal(goalId: String, input: GoalInput): Boolean =
        change { vault.withWorker { it.updateGoal(goalId, input) } }

    /** Set a goal active, paused, achieved or dropped (the core checks the reason and day). */
    fun setGoalStatus(goalId: String, status: GoalStatus): Boolean =
        change { vault.withWorker { it.setGoalStatus(goalId, status) } }

    /** The worker marks a step done on [doneOn], or open again with null. */
    fun setStepDone(goalId: String, stepId: String, doneOn: LocalDate?): Boolean =
        change { vault.withWorker { it.setStepDone(goalId, stepId, doneOn) } }

    /** Change the client's details (names, pronouns, language, contacts, consents). */
    fun updateClient(input: ClientInput): Boolean =
        change { vault.withWorker { it.updateClient(clientId, input) } }

    /** Active, paused or closed. */
    fun setClientStatus(status: ClientStatus): Boolean =
        change { vault.withWorker { it.setClientStatus(clientId, status) } }

    /**
     * Erase the client and everything about them (their right to be forgotten): nothing of theirs
     * stays readable. The screen closes afterwards; the holder shows nothing.
     */
    fun erase(): Boolean {
        attempt { vault.withWorker { it.eraseClient(clientId) } } ?: return false
        clear()
        return true
    }

    /** Confirm a step the client marked done in shared mode. */
    /** Reword a step (the earlier words are kept in the goal's history). */
    fun editStep(goalId: String, stepId: String, text: String): Boolean =
        change { vault.withWorker { it.editStep(goalId, stepId, text) } }

    fun confirmStep(goalId: String, stepId: String): Boolean =
        change { vault.withWorker { it.confirmStep(goalId, stepId) } }

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return today?.let { load(it) } ?: true
    }

    companion object {
        const val DEFAULT_PAGE: UInt = 50u
    }
}
