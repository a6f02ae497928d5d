import AlongsideCore
import Combine
import Foundation

/// Resources and one client's referrals with their outcomes, as ReferralState is on Android.
@MainActor
final class ReferralModel: ObservableObject {
    struct Referrals {
        let resources: [Resource]
        let referrals: [ReferralView]
    }

    let clientId: String?
    let screen = ScreenModel<Referrals>()
    private var category: ResourceCategory?
    private var language: String?

    init(clientId: String?) {
        self.clientId = clientId
        // The page observes this model: pass on every change of its screen's state.
        screen.forwardChanges(to: self)
    }

    /// The directory (one `category`, services in one `language`, as the core filters them) and
    /// the client's referrals.
    func load(store: VaultStore, category: ResourceCategory? = nil, language: String? = nil) async {
        self.category = category
        self.language = language
        let id = clientId
        await screen.load {
            try await store.withWorker { w in
                Referrals(
                    resources: try w.resources(category: category, language: language),
                    referrals: try id.map { try w.referrals(clientId: $0) } ?? [])
            }
        }
    }

    func addResource(store: VaultStore, input: ResourceInput) async -> Bool {
        await change(store) { w in _ = try w.addResource(input: input) }
    }

    func updateResource(store: VaultStore, resourceId: String, input: ResourceInput) async -> Bool {
        await change(store) { w in _ = try w.updateResource(resourceId: resourceId, input: input) }
    }

    func refer(store: VaultStore, input: ReferralInput) async -> Bool {
        guard let id = clientId else { return false }
        return await change(store) { w in _ = try w.refer(clientId: id, input: input) }
    }

    /// Accepted, declined or completed on `on`, with the outcome in the worker's words.
    func setStatus(store: VaultStore, referralId: String, status: ReferralStatus, on: Day, outcome: String?) async -> Bool {
        await change(store) { w in
            _ = try w.setReferralStatus(referralId: referralId, status: status, on: on, outcome: outcome)
        }
    }

    /// Correct a referral as made and its outcome; the earlier revision is kept.
    func update(store: VaultStore, referralId: String, input: ReferralInput, outcome: String?) async -> Bool {
        await change(store) { w in _ = try w.updateReferral(referralId: referralId, input: input, outcome: outcome) }
    }

    /// When to check on it (Today lists it then), or nil for no reminder.
    func setFollowUp(store: VaultStore, referralId: String, due: Day?) async -> Bool {
        await change(store) { w in _ = try w.setReferralFollowUp(referralId: referralId, followUpDue: due) }
    }

    private func change(_ store: VaultStore, _ body: @escaping @Sendable (WorkerSession) throws -> Void) async -> Bool {
        guard await screen.perform({ try await store.withWorker(body) }) != nil else { return false }
        await load(store: store, category: category, language: language)
        return true
    }
}
