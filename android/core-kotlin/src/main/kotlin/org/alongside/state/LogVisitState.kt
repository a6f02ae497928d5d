package org.alongside.state

import java.time.LocalDate
import java.time.LocalTime
import org.alongside.core.Activity
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.ActivityKindInfo
import org.alongside.core.ActivityStatus
import org.alongside.core.Duty
import org.alongside.core.DutyInfo
import org.alongside.core.DutySuggestion
import org.alongside.core.FollowUpInput
import org.alongside.core.GoalCard
import org.alongside.core.Scheduling
import org.alongside.core.activityKinds
import org.alongside.core.duties
import org.alongside.core.suggestDuties

/**
 * The "log a visit" form: holds what the worker has entered, shows the core's duty suggestions
 * (with the words that triggered them) as the purpose is typed, and submits. Whether the form is
 * complete is the core's call: [submit] returns its typed error for the field to fix.
 *
 * Follow-ups are added after the activity itself (one core call each). If one fails, the saved
 * activity is kept and the next [submit] only sends what is still missing.
 */
class LogVisitState(
    vault: VaultRepository,
    val clientId: String,
    /** The worker's writing language (BCP-47) for suggestions; null means English. */
    private val language: String? = null,
) : StateHolder<LogVisitState.Form>(vault) {
    data class Form(
        val kind: ActivityKind,
        val scheduling: Scheduling = Scheduling.PLANNED,
        /** Null lets the core decide (scheduled if planned, done if it came up). */
        val status: ActivityStatus? = null,
        val day: LocalDate,
        val time: LocalTime? = null,
        val durationMinutes: Int? = null,
        val place: String = "",
        val purpose: String = "",
        /** In the order chosen. */
        val duties: List<Duty> = emptyList(),
        val goalIds: List<String> = emptyList(),
        /** Follow-ups still to save. */
        val followUps: List<FollowUpInput> = emptyList(),
        // What the form offers, from the core:
        val kinds: List<ActivityKindInfo>,
        val dutyChoices: List<DutyInfo>,
        val goals: List<GoalCard>,
        /** Duties the purpose points to, and why. Shown only; the worker chooses. */
        val suggestions: List<DutySuggestion> = emptyList(),
        /** The activity as saved, once it is. */
        val saved: Activity? = null,
        /** The input the saved activity was made from, to skip resending it unchanged. */
        val savedInput: ActivityInput? = null,
    ) {
        val done: Boolean get() = saved != null && followUps.isEmpty()

        fun toInput() = ActivityInput(
            kind, scheduling, status, day, time, durationMinutes,
            place, purpose, duties, goalIds,
        )
    }

    /** Open the form for [day]; [today] picks the plan's goals to offer. */
    fun start(day: LocalDate, today: LocalDate): Boolean = show {
        val kinds = activityKinds()
        val goals = vault.withWorker { it.planScreen(clientId, today) }.goals
        Form(kind = kinds.first().kind, day = day, kinds = kinds, dutyChoices = duties(), goals = goals)
    }

    fun update(change: (Form) -> Form) = edit { it?.let(change) }

    /** The purpose changed: keep it and ask the core what it suggests. */
    fun setPurpose(text: String) {
        val suggestions = suggestDuties(text, language)
        edit { it?.copy(purpose = text, suggestions = suggestions) }
    }

    /** Choose or unchoose a duty (from a chip or a suggestion). */
    fun toggleDuty(duty: Duty) = edit { f ->
        f?.copy(duties = if (duty in f.duties) f.duties - duty else f.duties + duty)
    }

    fun toggleGoal(goalId: String) = edit { f ->
        f?.copy(goalIds = if (goalId in f.goalIds) f.goalIds - goalId else f.goalIds + goalId)
    }

    fun addFollowUp(what: String, due: LocalDate) = edit { it?.copy(followUps = it.followUps + FollowUpInput(what, due)) }

    fun removeFollowUp(index: Int) = edit { f -> f?.copy(followUps = f.followUps.filterIndexed { i, _ -> i != index }) }

    /** Save the activity, then each follow-up. True when everything is saved. */
    fun submit(): Boolean {
        var form = screen.data ?: return false
        val input = form.toInput()
        if (form.saved == null || form.savedInput != input) {
            val id = form.saved?.id
            val saved = attempt {
                vault.withWorker { s -> if (id == null) s.addActivity(clientId, input) else s.updateActivity(id, input) }
            } ?: return false
            form = form.copy(saved = saved, savedInput = input)
            edit { form }
        }
        for (f in form.followUps) {
            val saved = attempt { vault.withWorker { it.addFollowUp(form.saved!!.id, f) } } ?: return false
            form = form.copy(saved = saved, followUps = form.followUps.drop(1))
            edit { form }
        }
        return true
    }
}
