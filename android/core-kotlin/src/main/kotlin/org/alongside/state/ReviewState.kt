package org.alongside.state

import java.time.LocalDate
import org.alongside.core.PlanVersionSummary
import org.alongside.core.PlanVersion
import org.alongside.core.ReviewInput
import org.alongside.core.ReviewScreen
import org.alongside.core.reviewDue

/**
 * A plan review with its history: the core's [ReviewScreen] (each goal's ratings since the last
 * review, trends, the versions so far), every earlier review and version whole, and the review
 * form. Holding the review files the current plan as a version and starts the next.
 */
class ReviewState(vault: VaultRepository, val clientId: String) : StateHolder<ReviewState.ReviewPage>(vault) {
    data class ReviewPage(
        val screen: ReviewScreen,
        /** Every review held, as stored. */
        val history: List<org.alongside.core.Review>,
        /** Every earlier version of the plan, whole. */
        val versions: List<PlanVersion>,
        /** The plan's versions as the core sums them up (number, started, goals), oldest first. */
        val planHistory: List<PlanVersionSummary> = emptyList(),
    )

    private var today: LocalDate? = null

    fun load(today: LocalDate): Boolean {
        this.today = today
        return show {
            vault.withWorker { s ->
                ReviewPage(
                    s.reviewScreen(clientId, today), s.reviews(clientId), s.planVersions(clientId),
                    s.planHistory(clientId),
                )
            }
        }
    }

    /** The next review's day the form starts with: the core's default (three months on). */
    fun defaultNextDue(on: LocalDate): LocalDate = reviewDue(on)

    /** Hold the review: what changed and why, and when the next is due. The core checks each. */
    fun review(on: LocalDate, whatChanged: String, why: String, nextDue: LocalDate): Boolean {
        val planId = screen.data?.screen?.plan?.id ?: return false
        attempt { vault.withWorker { it.reviewPlan(planId, ReviewInput(on, whatChanged, why, nextDue)) } } ?: return false
        return today?.let { load(it) } ?: true
    }
}
