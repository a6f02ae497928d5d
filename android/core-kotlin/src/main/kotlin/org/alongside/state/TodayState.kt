package org.alongside.state

import java.time.LocalDate
import java.time.LocalTime
import org.alongside.core.FollowUpInput
import org.alongside.core.ActivityStatus
import org.alongside.core.TodayView

/** The Today screen: the core's [TodayView] for one day, and the quick actions on it. */
class TodayState(vault: VaultRepository) : StateHolder<TodayView>(vault) {
    private var day: LocalDate? = null
    private var now: LocalTime? = null

    /**
     * Show [day]; [now] is the phone's time of day, so outside the worker's working hours the
     * core shows no reminders and says they are off duty (null: not said, so on duty).
     */
    fun load(day: LocalDate, now: LocalTime? = null): Boolean {
        this.day = day
        this.now = now
        return show { vault.withWorker { it.todayAt(day, now) } }
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

    /** Mark a request from the supervisor done; they see it after both phones sync. */
    fun requestDone(requestId: String): Boolean = change { vault.withWorker { it.teamRequestDone(requestId) } }

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return day?.let { load(it, now) } ?: true
    }
}
