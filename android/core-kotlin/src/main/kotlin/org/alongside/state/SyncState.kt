package org.alongside.state

import org.alongside.core.ReviewItem
import org.alongside.core.SyncReport
import org.alongside.core.SyncStatus
import org.alongside.core.SyncTransport
import org.alongside.core.TeamNotification

/**
 * Team sync for the screens: the status line (Today's chrome), "sync now", Settings → Team
 * (start a team on the agency's server, show an invite code, join by a code) and the "needs
 * review" list, where a person chooses which of two phones' values a field keeps.
 *
 * The network is the shell's [transport] (OkHttp on Android, URLSession on iOS, the JDK's client
 * in the tests); every call blocks on it, so run them on a background dispatcher. Every word
 * shown comes from the core: [SyncStatus.summary], [ReviewItem.summary] and each choice's
 * summary; the chrome from `appWords`.
 */
class SyncState(vault: VaultRepository, private val transport: SyncTransport) : StateHolder<SyncState.SyncPage>(vault) {
    data class SyncPage(
        /** Where sync stands: in a team, admitted, what waits, the sentence to show. */
        val status: SyncStatus,
        /** The open "needs review" items, each with both values, who and when. */
        val reviews: List<ReviewItem>,
        /** The last invite code made on this screen (text for a QR code), until the lock. */
        val inviteCode: String? = null,
        /** What the last sync did, for a short line after "sync now". */
        val lastSync: SyncReport? = null,
        /**
         * Incidents the supervisor must be told of that the last sync brought (an admin's phone
         * only): the shell posts each as a local notification, then calls [notified].
         */
        val notifications: List<TeamNotification> = emptyList(),
    )

    /** Read the status and the review list (no network). */
    fun load(): Boolean = show { page() }

    /** Sync with the team now; the status and the review list are read again after. */
    fun syncNow(): Boolean {
        val report = attempt { vault.withWorker { it.syncNow(transport) } }
        // Read again even after a failure: part of the sync may have landed.
        load()
        report ?: return false
        val status = screen.data?.status
        val notify = if (status != null && status.member && status.admin && !report.removedFromTeam) {
            attempt { vault.withWorker { it.teamNotifications() } }.orEmpty()
        } else {
            emptyList()
        }
        edit { it?.copy(lastSync = report, notifications = notify) }
        return true
    }

    /** The shell posted these notifications: the core does not return them again. */
    fun notified(ids: List<String>): Boolean {
        if (ids.isEmpty()) return true
        attempt { vault.withWorker { it.teamNotificationsSeen(ids) } } ?: return false
        edit { page -> page?.copy(notifications = page.notifications.filter { it.incidentId !in ids }) }
        return true
    }

    /** Start a team on the relay at [server] (its address); this phone becomes its admin. */
    fun createTeam(server: String): Boolean {
        attempt { vault.withWorker { it.teamCreate(server.trim(), transport) } } ?: return false
        return load()
    }

    /** Make a one-time invite code for another phone (admins only); shown until the lock. */
    fun invite(): Boolean {
        val code = attempt { vault.withWorker { it.teamInvite(transport) } } ?: return false
        if (!load()) return false
        edit { it?.copy(inviteCode = code) }
        return true
    }

    /** Join the team of [code]; an admin's phone adds this one at its next sync. */
    fun join(code: String): Boolean {
        attempt { vault.withWorker { it.teamJoin(code.trim(), transport) } } ?: return false
        return load()
    }

    /** Settle review item [id] with its choice number [choice] (from 0); the next sync tells the team. */
    fun resolve(id: String, choice: Int): Boolean {
        attempt { vault.withWorker { it.resolveReview(id, choice.toUInt()) } } ?: return false
        return load()
    }

    private fun page(): SyncPage = vault.withWorker { s ->
        SyncPage(s.syncStatus(), s.reviewItems(), screen.data?.inviteCode, screen.data?.lastSync, screen.data?.notifications.orEmpty())
    }
}
