import AlongsideCore
import Combine
import Foundation

/// A plan review with its history, as ReviewState is on Android: the core's review screen, every
/// review held and every earlier version, and holding the next review.
@MainActor
final class ReviewModel: ObservableObject {
    struct Page {
        let screen: ReviewScreen
        let history: [Review]
        let versions: [PlanVersion]
        /// The plan's versions as the core sums them up (`planHistory`), oldest first.
        let planHistory: [PlanVersionSummary]
    }

    let clientId: String
    let screen = ScreenModel<Page>()

    init(clientId: String) {
        self.clientId = clientId
        // The page observes this model: pass on every change of its screen's state.
        screen.forwardChanges(to: self)
    }

    func load(store: VaultStore, today: Day) async {
        let id = clientId
        await screen.load {
            try await store.withWorker { w in
                Page(
                    screen: try w.reviewScreen(clientId: id, today: today),
                    history: try w.reviews(clientId: id),
                    versions: try w.planVersions(clientId: id),
                    planHistory: try w.planHistory(clientId: id))
            }
        }
    }

    /// The next review's day the form starts with: the core's default (three months on).
    func defaultNextDue(on: Day) -> Day { reviewDue(from: on) }

    /// Hold the review; the core checks each field. True when it was saved.
    func review(store: VaultStore, on: Day, whatChanged: String, why: String, nextDue: Day) async -> Bool {
        guard let planId = screen.data?.screen.plan.id else { return false }
        let input = ReviewInput(on: on, whatChanged: whatChanged, why: why, nextDue: nextDue)
        let held = await screen.perform { try await store.withWorker { w in try w.reviewPlan(planId: planId, input: input) } }
        guard held != nil else { return false }
        await load(store: store, today: on)
        return true
    }
}
