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
import org.alongside.core.Choice
import org.alongside.core.activityKindChoices
import org.alongside.core.activityKinds
import org.alongside.core.schedulingChoices
import org.alongside.core.duties
import org.alongside.core.followUpDue
import org.alongside.core.suggestDuties

/**
 * The "log a visit" form: holds what the worker has entered, shows the core's duty suggestions
 * (with the words that triggered them) as the purpose is typed, and submits. Whether the form is
 * complete is the core's call: [submit] returns its typed error for the field to fix.
 *
 * A new activity is saved with its follow-ups in one core call: all of it, or (on an error, shown
 * by its field, e.g. `follow_ups[1].due`) none of it. Editing a saved activity changes what
 * was entered and adds any new follow-ups ([startEditing]).
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
        /** The kinds as the worker reads them (`activityKindChoices`), in the core's order. */
        val kindChoices: List<Choice> = emptyList(),
        /** Planned, emergency, as needed, worded by the core (`schedulingChoices`). */
        val schedulingChoices: List<Choice> = emptyList(),
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
        val lang = vault.language.value
        Form(
            kind = kinds.first().kind, day = day, kinds = kinds, dutyChoices = duties(), goals = goals,
            kindChoices = activityKindChoices(lang), schedulingChoices = schedulingChoices(lang),
        )
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

    /** Open the form on a saved activity, to change it ("edit visit"). */
    fun startEditing(activityId: String, today: LocalDate): Boolean = show {
        val activity = vault.withWorker { it.activity(activityId) }
        val goals = vault.withWorker { it.planScreen(clientId, today) }.goals
        val input = ActivityInput(
            activity.kind, activity.scheduling, activity.status, activity.day, activity.time,
            activity.durationMinutes, activity.place.orEmpty(), activity.purpose.orEmpty(),
            activity.duties, activity.goalIds,
        )
        Form(
            kind = activity.kind, scheduling = activity.scheduling, status = activity.status,
            day = activity.day, time = activity.time, durationMinutes = activity.durationMinutes,
            place = activity.place.orEmpty(), purpose = activity.purpose.orEmpty(),
            duties = activity.duties, goalIds = activity.goalIds,
            kinds = activityKinds(), dutyChoices = duties(), goals = goals,
            saved = activity, savedInput = input,
        )
    }

    /**
     * Save: a new activity with its follow-ups in one call (all or nothing); a saved one changed
     * and its new follow-ups added. True when everything is saved.
     */
    fun submit(): Boolean {
        var form = screen.data ?: return false
        val input = form.toInput()
        val saved = form.saved
        if (saved == null) {
            val activity = attempt {
                vault.withWorker { it.addActivityWithFollowUps(clientId, input, form.followUps) }
            } ?: return false
            edit { form.copy(saved = activity, savedInput = input, followUps = emptyList()) }
            return true
        }
        if (form.savedInput != input) {
            val changed = attempt { vault.withWorker { it.updateActivity(saved.id, input) } } ?: return false
            form = form.copy(saved = changed, savedInput = input)
            edit { form }
        }
        for (f in form.followUps) {
            val withIt = attempt { vault.withWorker { it.addFollowUp(saved.id, f) } } ?: return false
            form = form.copy(saved = withIt, followUps = form.followUps.drop(1))
            edit { form }
        }
        return true
    }

    /** The day a new follow-up starts at: the core's default for this activity's day. */
    fun defaultFollowUpDue(): LocalDate? = screen.data?.let { followUpDue(it.day) }
}
