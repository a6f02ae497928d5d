package org.alongside.state

import org.alongside.core.ActivityStatus
import org.alongside.core.FollowUpInput
import org.alongside.core.ActivityView

/**
 * One visit's screen: the core's [ActivityView] (labels, linked goals, notes, duty suggestions,
 * language hints), its status, and its follow-ups ticked off. Editing what was entered is
 * [LogVisitState.startEditing].
 */
class ActivityState(vault: VaultRepository, val activityId: String) : StateHolder<ActivityView>(vault) {
    fun load(): Boolean = show { vault.withWorker { it.activityView(activityId) } }

    fun setStatus(status: ActivityStatus): Boolean = change { vault.withWorker { it.setActivityStatus(activityId, status) } }

    fun followUpDone(followUpId: String, doneOn: java.time.LocalDate?): Boolean =
        change { vault.withWorker { it.setFollowUpDone(activityId, followUpId, doneOn) } }

    /** Correct a follow-up agreed at this visit (what, and by when). */
    fun updateFollowUp(followUpId: String, input: FollowUpInput): Boolean =
        change { vault.withWorker { it.updateFollowUp(activityId, followUpId, input) } }

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return load()
    }
}
