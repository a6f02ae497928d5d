package org.alongside.state

import java.time.LocalDate
import org.alongside.core.Client
import org.alongside.core.SyncReport
import org.alongside.core.SyncTransport
import org.alongside.core.TeamIdentity
import org.alongside.core.TeamMember
import org.alongside.core.WorkerSession

/**
 * Settings → Team → Members: who is in the team (name, role, devices with last seen, clients
 * count, all worded by the core), this phone's own name in the team, and the admin's changes:
 * assign a client, cover clients until a date, cut off a device or a member, change a role, set
 * the offline lease. A worker's phone shows the list only ([MembersPage.admin] is false; the
 * core refuses the changes with `NotTeamAdmin` anyway).
 *
 * Each change syncs through [transport], so like every holder call it blocks: run it on a
 * background dispatcher. The list is read again after each change.
 */
class TeamState(vault: VaultRepository, private val transport: SyncTransport) : StateHolder<TeamState.MembersPage>(vault) {
    data class MembersPage(
        /** This phone's member and device ids, and whether it is an admin's. */
        val me: TeamIdentity,
        /** The members, active first, each with devices and clients count. */
        val members: List<TeamMember>,
        /** The clients this phone holds, for the assign and cover pickers (admins only; else empty). */
        val clients: List<Client>,
        /** What the last change's sync did. */
        val lastChange: SyncReport? = null,
    ) {
        /** Whether this phone may change the team (an admin's). */
        val admin: Boolean get() = me.admin

        /** The active members other than this phone's, to assign or cover to. */
        val others: List<TeamMember> get() = members.filter { !it.removed && !it.isMe }
    }

    /** Assign [clientId] to [memberId]; with [removePrevious] the members who had it lose it. */
    data class AssignForm(val clientId: String? = null, val memberId: String? = null, val removePrevious: Boolean = false) {
        /** Both chosen. */
        val ready: Boolean get() = clientId != null && memberId != null
    }

    /** Let [memberId] cover [clientIds] until [until], the first day without them. */
    data class CoverForm(val clientIds: Set<String> = emptySet(), val memberId: String? = null, val until: LocalDate? = null) {
        /** At least one client, the colleague and the day chosen. */
        val ready: Boolean get() = clientIds.isNotEmpty() && memberId != null && until != null

        /** Add or take away one client. */
        fun toggle(clientId: String): CoverForm =
            copy(clientIds = if (clientId in clientIds) clientIds - clientId else clientIds + clientId)
    }

    /** Read the members (an admin's phone asks the relay when each device was last seen). */
    fun load(): Boolean = show { page(screen.data?.lastChange) }

    /** Set the name the team knows this phone's member by. */
    fun setName(name: String): Boolean = change { vault.withWorker { it.teamSetName(name.trim()) } }

    /** Assign the client of [form] to its member. */
    fun assign(form: AssignForm): Boolean {
        val client = form.clientId ?: return false
        val member = form.memberId ?: return false
        return changeSyncing { it.teamAssign(client, member, form.removePrevious, transport) }
    }

    /** Let the member of [form] cover its clients until its day. */
    fun cover(form: CoverForm): Boolean {
        val member = form.memberId ?: return false
        val until = form.until ?: return false
        return changeSyncing { it.teamCover(form.clientIds.toList(), member, until.toString(), transport) }
    }

    /** Cut off one device (a lost phone). */
    fun removeDevice(deviceId: String): Boolean = changeSyncing { it.teamRemoveDevice(deviceId, transport) }

    /** Remove a member who left: every device of theirs is cut off. */
    fun removeMember(memberId: String): Boolean = changeSyncing { it.teamRemoveMember(memberId, transport) }

    /** Make a member a supervisor (an admin of the team) or, with false, a worker again. */
    fun setSupervisor(memberId: String, supervisor: Boolean): Boolean =
        changeSyncing { it.teamSetRole(memberId, if (supervisor) ROLE_SUPERVISOR else ROLE_WORKER, transport) }

    /** The team's offline lease in days (0 turns it off). */
    fun setLease(days: UInt): Boolean = changeSyncing { it.teamSetLease(days, transport) }

    /** Run an admin's change (it syncs), then show the members again with what the sync did. */
    private fun changeSyncing(call: (WorkerSession) -> SyncReport): Boolean {
        val report = attempt { vault.withWorker(call) } ?: return false
        return show { page(report) }
    }

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return load()
    }

    private fun page(lastChange: SyncReport?): MembersPage = vault.withWorker { s ->
        val me = s.teamWhoami()
        MembersPage(
            me = me,
            members = s.teamMembers(transport),
            clients = if (me.admin) s.clients().clients else emptyList(),
            lastChange = lastChange,
        )
    }

    private companion object {
        const val ROLE_SUPERVISOR = "supervisor"
        const val ROLE_WORKER = "worker"
    }
}
