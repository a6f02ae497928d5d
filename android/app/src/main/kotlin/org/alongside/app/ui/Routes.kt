package org.alongside.app.ui

import org.alongside.state.VaultStatus

/** The app's destinations. Ids in routes are the core's random record ids. */
object Routes {
    const val CREATE = "create"
    const val UNLOCK = "unlock"
    const val SHARED = "shared/{clientId}"
    const val TODAY = "today"
    const val CASELOAD = "caseload"
    const val SETTINGS = "settings"
    const val CORNER = "corner"
    const val CLIENT = "client/{clientId}"
    const val VISIT = "visit/{clientId}"
    const val NOTE = "note/{clientId}?noteId={noteId}&activityId={activityId}"
    const val INCIDENT = "incident?clientId={clientId}&incidentId={incidentId}"
    const val OWNS = "owns/{clientId}"
    const val REVIEW = "review/{clientId}"
    const val ASSESSMENT = "assessment/{clientId}"
    const val REFERRALS = "referrals/{clientId}"
    const val BALANCE = "balance?clientId={clientId}"
    /** The "needs review" list of team sync. */
    const val SYNC_REVIEW = "sync-review"
    /** The team's members (Settings → Team). */
    const val MEMBERS = "team-members"
    /** The supervisor's morning briefing (admins). */
    const val BRIEFING = "briefing"

    /** Where the worker's screens live; the rest belong to one vault status each. */
    val worker = setOf(TODAY, CASELOAD, CORNER, SETTINGS, CLIENT, VISIT, NOTE, INCIDENT, REVIEW, ASSESSMENT, REFERRALS, BALANCE, OWNS, SYNC_REVIEW, MEMBERS, BRIEFING)

    fun shared(clientId: String) = "shared/$clientId"

    fun client(clientId: String) = "client/$clientId"

    fun visit(clientId: String) = "visit/$clientId"

    /** The client's wellness plan, progress chart and copy, as the worker reads them. */
    fun owns(clientId: String) = "owns/$clientId"

    fun review(clientId: String) = "review/$clientId"

    fun referrals(clientId: String) = "referrals/$clientId"

    fun assessment(clientId: String) = "assessment/$clientId"

    /** The duty balance: one client's, or (null) the worker's whole caseload. */
    fun balance(clientId: String? = null) = "balance?clientId=${clientId.orEmpty()}"

    fun note(clientId: String, noteId: String? = null, activityId: String? = null): String =
        "note/$clientId?noteId=${noteId.orEmpty()}&activityId=${activityId.orEmpty()}"

    fun incident(clientId: String? = null, incidentId: String? = null): String =
        "incident?clientId=${clientId.orEmpty()}&incidentId=${incidentId.orEmpty()}"

    /** The first screen for a vault status: the pattern to compare with, and the route to open. */
    fun forStatus(status: VaultStatus): Pair<String, String> = when (status) {
        is VaultStatus.NoVault -> CREATE to CREATE
        is VaultStatus.Locked -> UNLOCK to UNLOCK
        is VaultStatus.Shared -> SHARED to shared(status.clientId)
        is VaultStatus.Unlocked -> TODAY to TODAY
    }
}
