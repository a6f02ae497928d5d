import AlongsideCore
import Combine
import Foundation

/// The sync pages' data: SyncModel's `Page`.
struct SyncPageData {
    /// Where sync stands, with the sentence to show.
    let status: SyncStatus
    /// The open "needs review" items, each with both values, who and when.
    let reviews: [ReviewItem]
    /// The last invite code made on this page (the text a QR code carries).
    var inviteCode: String?
    /// What the last sync did.
    var lastSync: SyncReport?
}

/// Team sync for the pages, as SyncState is on Android: the status line, "sync now", Settings →
/// Team (start a team, show an invite code, join by a code), the "needs review" list, and on an
/// admin's phone the team notifications each sync brings. Every word shown is the core's (the
/// status, each item's and each choice's summary).
@MainActor
final class SyncModel: SyncingModel<SyncPageData> {
    typealias Page = SyncPageData

    /// The team's notifications the last sync brought (an admin's phone only), to post.
    @Published private(set) var notifications: [TeamNotification] = []

    /// Read the status and the review list (no network).
    func load(store: VaultStore) async {
        let kept = (screen.data?.inviteCode, screen.data?.lastSync)
        await screen.load {
            try await store.withWorker { w in
                Page(status: try w.syncStatus(), reviews: try w.reviewItems(), inviteCode: kept.0, lastSync: kept.1)
            }
        }
    }

    /// Sync with the team now; read again after (even a failed sync may have landed in part).
    func syncNow(store: VaultStore) async {
        let t = transport
        let report = await screen.perform { try await store.withWorker { w in try w.syncNow(transport: t) } }
        let error = screen.error
        await load(store: store)
        if let report { screen.data?.lastSync = report } else if error != nil { screen.error = error }
        guard let report, !report.removedFromTeam, let status = screen.data?.status, status.member, status.admin else { return }
        notifications = await screen.perform { try await store.withWorker { w in try w.teamNotifications() } } ?? []
    }

    /// Post the last sync's notifications (TeamNotifier), then mark those posted so the core does
    /// not return them again.
    func postNotifications(store: VaultStore, words: TeamWords) async {
        let posted = await TeamNotifier.post(notifications, words: words)
        guard !posted.isEmpty else { return }
        if await screen.perform({ try await store.withWorker { w in try w.teamNotificationsSeen(ids: posted) } }) != nil {
            notifications.removeAll { posted.contains($0.incidentId) }
        }
    }

    /// Start a team on the relay at `server`; this phone becomes its admin.
    func createTeam(store: VaultStore, server: String) async {
        let (t, url) = (transport, server.trimmingCharacters(in: .whitespacesAndNewlines))
        if await screen.perform({ try await store.withWorker { w in try w.teamCreate(server: url, transport: t) } }) != nil {
            await load(store: store)
        }
    }

    /// A one-time invite code for another phone (admins only).
    func invite(store: VaultStore) async {
        let t = transport
        guard let code = await screen.perform({ try await store.withWorker { w in try w.teamInvite(transport: t) } }) else { return }
        await load(store: store)
        screen.data?.inviteCode = code
    }

    /// Join the team of `code`; an admin's phone adds this one at its next sync.
    func join(store: VaultStore, code: String) async {
        let (t, text) = (transport, code.trimmingCharacters(in: .whitespacesAndNewlines))
        if await screen.perform({ try await store.withWorker { w in try w.teamJoin(code: text, transport: t) } }) != nil {
            await load(store: store)
        }
    }

    /// Settle review item `id` with its choice number `choice`; the next sync tells the team.
    func resolve(store: VaultStore, id: String, choice: Int) async {
        if await screen.perform({ try await store.withWorker { w in try w.resolveReview(id: id, choice: UInt32(choice)) } }) != nil {
            await load(store: store)
        }
    }
}
