import AlongsideCore
import Combine
import Foundation

/// The members page's data: MembersModel's `Page`.
struct MembersPageData {
    /// This phone's member and device ids, and whether it is an admin's.
    let me: TeamIdentity
    /// The members, active first.
    let members: [TeamMember]
    /// The clients this phone holds, for the assign and cover pickers (admins only).
    let clients: [Client]
    /// What the last change's sync did.
    var lastChange: SyncReport?

    var admin: Bool { me.admin }
    /// The active members other than this phone's, to cover for.
    var others: [TeamMember] { members.filter { !$0.removed && !$0.isMe } }
}

/// Settings → Team → Members, as TeamState is on Android: the members (name, role, devices with
/// last seen, clients count, the core's sentences), this phone's name in the team, and an admin's
/// changes (assign, cover, cut off a device or a member, role, offline lease). Each change syncs
/// through the transport; the list is read again after.
@MainActor
final class MembersModel: SyncingModel<MembersPageData> {
    typealias Page = MembersPageData

    /// Read the members (an admin's phone asks the relay when each device was last seen).
    func load(store: VaultStore) async {
        let (t, kept) = (transport, screen.data?.lastChange)
        await screen.load {
            try await store.withWorker { w in
                let me = try w.teamWhoami()
                return Page(
                    me: me,
                    members: try w.teamMembers(transport: t),
                    clients: me.admin ? try w.clients().clients : [],
                    lastChange: kept
                )
            }
        }
    }

    /// The name the team knows this phone's member by.
    func setName(store: VaultStore, name: String) async {
        let text = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if await screen.perform({ try await store.withWorker { w in try w.teamSetName(name: text) } }) != nil {
            await load(store: store)
        }
    }

    /// Assign `clientId` to `memberId`; with `removePrevious` the members who had it lose it.
    func assign(store: VaultStore, clientId: String, memberId: String, removePrevious: Bool) async {
        let t = transport
        await changeSyncing(store) { w in
            try w.teamAssign(clientId: clientId, memberId: memberId, removePrevious: removePrevious, transport: t)
        }
    }

    /// Let `memberId` cover `clientIds` until `until`, the first day without them.
    func cover(store: VaultStore, clientIds: [String], memberId: String, until: Day) async {
        let t = transport
        await changeSyncing(store) { w in try w.teamCover(clientIds: clientIds, memberId: memberId, until: until, transport: t) }
    }

    /// Cut off one device (a lost phone).
    func removeDevice(store: VaultStore, deviceId: String) async {
        let t = transport
        await changeSyncing(store) { w in try w.teamRemoveDevice(deviceId: deviceId, transport: t) }
    }

    /// Remove a member who left: every device of theirs is cut off.
    func removeMember(store: VaultStore, memberId: String) async {
        let t = transport
        await changeSyncing(store) { w in try w.teamRemoveMember(memberId: memberId, transport: t) }
    }

    /// Make a member a supervisor (an admin) or, with false, a worker again.
    func setSupervisor(store: VaultStore, memberId: String, supervisor: Bool) async {
        let (t, role) = (transport, supervisor ? "supervisor" : "worker")
        await changeSyncing(store) { w in try w.teamSetRole(memberId: memberId, role: role, transport: t) }
    }

    /// The team's offline lease in days (0 turns it off).
    func setLease(store: VaultStore, days: UInt32) async {
        let t = transport
        await changeSyncing(store) { w in try w.teamSetLease(days: days, transport: t) }
    }

    private func changeSyncing(_ store: VaultStore, _ call: @escaping @Sendable (WorkerSession) throws -> SyncReport) async {
        guard let report = await screen.perform({ try await store.withWorker(call) }) else { return }
        await load(store: store)
        screen.data?.lastChange = report
    }
}
