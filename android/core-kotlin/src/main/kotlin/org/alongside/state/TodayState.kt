package org.alongside.state

import java.time.LocalDate
import org.alongside.core.FollowUpInput
import org.alongside.core.ActivityStatus
import org.alongside.core.TodayView

/** The Today screen: the core's [TodayView] for one day, and the quick actions on it. */
class TodayState(vault: VaultRepository) : StateHolder<TodayView>(vault) {
    private var day: LocalDate? = null

    fun load(day: LocalDate): Boolean {
        this.day = day
        return show { vault.withWorker { it.today(day) } }
    }

    /** Tick a follow-up done (on [doneOn], usually today) and show the day again. */
    fun followUpDone(activityId: String, followUpId: String, doneOn: LocalDate): Boolean =
        change { vault.withWorker { it.setFollowUpDone(activityId, followUpId, doneOn) } }

    /** Correct a follow-up (what, and by when) from the day's list; the day is shown again. */
    fun updateFollowUp(activityId: String, followUpId: String, input: FollowUpInput): Boolean =
        change { vault.withWorker { it.updateFollowUp(activityId, followUpId, input) } }

    /** Mark a visit done, missed or cancelled and show the day again. */
    fun setVisitStatus(activityId: String, status: ActivityStatus): Boolean =
        change { vault.withWorker { it.setActivityStatus(activityId, status) } }

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return day?.let { load(it) } ?: true
    }
}
