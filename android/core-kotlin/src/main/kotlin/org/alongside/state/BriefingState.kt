package org.alongside.state

import java.time.LocalDate
import org.alongside.core.BriefingScreen

/**
 * The supervisor's morning briefing (admins only): the core's [BriefingScreen] for one day, per
 * worker the visits, open incidents and what waits on whom, overdue follow-ups, reviews due,
 * unsigned notes, duty balance with the dependence signal; then supervision requests, shared
 * debriefs and what was asked of workers. From a worker's row the supervisor asks something of
 * them ([ask]); it reaches the worker's Today at the next sync of both phones.
 */
class BriefingState(vault: VaultRepository) : StateHolder<BriefingScreen>(vault) {
    private var day: LocalDate? = null

    /** What the supervisor asks of one worker: words required, a client and a day optional. */
    data class AskForm(
        val memberId: String,
        val clientId: String? = null,
        val text: String = "",
        val due: LocalDate? = null,
    ) {
        /** Something written (the core still checks the length and the member). */
        val ready: Boolean get() = text.isNotBlank()
    }

    /** Show the briefing for [day]. */
    fun load(day: LocalDate): Boolean {
        this.day = day
        return show { vault.withWorker { it.briefing(day) } }
    }

    /** A new request for the worker [memberId] (from their row). */
    fun newAsk(memberId: String): AskForm = AskForm(memberId = memberId)

    /** Ask the worker of [form]; the briefing is shown again with the request listed. */
    fun ask(form: AskForm): Boolean =
        change { vault.withWorker { it.teamAsk(form.memberId, form.clientId, form.text.trim(), form.due) } }

    /** Show notes unsigned for more than [days] days (1 to 92). */
    fun setUnsignedNoteDays(days: UInt): Boolean = change { vault.withWorker { it.teamSetUnsignedNoteDays(days) } }

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return day?.let { load(it) } ?: true
    }
}
