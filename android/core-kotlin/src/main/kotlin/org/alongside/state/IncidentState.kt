package org.alongside.state

import java.time.LocalDate
import org.alongside.core.IncidentActionInput
import org.alongside.core.IncidentInput
import org.alongside.core.IncidentKindInfo
import org.alongside.core.IncidentView
import org.alongside.core.incidentKinds

/**
 * An incident: the kinds the core knows (each with its required actions and what not to do),
 * then one incident with the actions recorded so far. Whether it can be closed is the core's
 * [IncidentView.canClose]; closing early comes back as the core's error naming what is missing.
 */
class IncidentState(vault: VaultRepository) : StateHolder<IncidentState.IncidentScreen>(vault) {
    data class IncidentScreen(
        /** For the report form: the kinds and, per kind, what the situation requires. */
        val kinds: List<IncidentKindInfo>,
        /** The incident shown, once reported or opened. */
        val incident: IncidentView? = null,
    )

    /** A new report: the form only. */
    fun start(): Boolean = show { IncidentScreen(incidentKinds()) }

    /** Open a reported incident (from Today or a client's timeline). */
    fun open(incidentId: String): Boolean =
        show { IncidentScreen(incidentKinds(), vault.withWorker { it.incident(incidentId) }) }

    fun report(clientId: String, input: IncidentInput): Boolean =
        update { vault.withWorker { it.reportIncident(clientId, input) } }

    /** Record one required action (who did it, when, and how). */
    fun recordAction(input: IncidentActionInput): Boolean {
        val id = screen.data?.incident?.incident?.id ?: return false
        return update { vault.withWorker { it.recordIncidentAction(id, input) } }
    }

    fun close(on: LocalDate, outcome: String?): Boolean {
        val id = screen.data?.incident?.incident?.id ?: return false
        return update { vault.withWorker { it.closeIncident(id, on, outcome) } }
    }

    /**
     * Correct what was reported while the incident is open (the earlier revision is kept: see
     * [HistoryState]); once closed the core refuses, and [correct] adds a correction instead.
     */
    fun edit(input: IncidentInput): Boolean {
        val id = screen.data?.incident?.incident?.id ?: return false
        return update { vault.withWorker { it.updateIncident(id, input) } }
    }

    /** Correct the required action at [index] (as listed in the view), while the incident is open. */
    fun editAction(index: UInt, input: IncidentActionInput): Boolean {
        val id = screen.data?.incident?.incident?.id ?: return false
        return update { vault.withWorker { it.updateIncidentAction(id, index, input) } }
    }

    /** A closed incident's correction: [reason] and the corrected [text], kept beside the original. */
    fun correct(reason: String, text: String): Boolean {
        val id = screen.data?.incident?.incident?.id ?: return false
        return update { vault.withWorker { it.correctIncident(id, reason, text) } }
    }

    private fun update(call: () -> IncidentView): Boolean = show {
        val view = call()
        (screen.data ?: IncidentScreen(incidentKinds())).copy(incident = view)
    }
}
