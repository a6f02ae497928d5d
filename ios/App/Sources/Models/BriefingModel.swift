import AlongsideCore
import Combine
import Foundation

/// The supervisor's morning briefing, as BriefingState is on Android: the core's BriefingScreen
/// for a day, and "ask this worker" from a worker's row.
@MainActor
final class BriefingModel: ObservableObject {
    let screen = ScreenModel<BriefingScreen>()
    private var day: Day = Days.today()

    init() {
        screen.forwardChanges(to: self)
    }

    /// Show the briefing for `day`.
    func load(store: VaultStore, day: Day) async {
        self.day = day
        await screen.load { try await store.withWorker { w in try w.briefing(day: day) } }
    }

    /// Ask `memberId` to do something (words required; one of their clients and a day optional).
    /// True once the core took it.
    func ask(store: VaultStore, memberId: String, clientId: String?, text: String, due: Day?) async -> Bool {
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let asked = await screen.perform {
            try await store.withWorker { w in try w.teamAsk(memberId: memberId, clientId: clientId, text: words, due: due) }
        }
        guard asked != nil else { return false }
        await load(store: store, day: day)
        return true
    }

    /// Show notes unsigned for more than `days` days (1 to 92).
    func setUnsignedNoteDays(store: VaultStore, days: UInt32) async {
        if await screen.perform({ try await store.withWorker { w in try w.teamSetUnsignedNoteDays(days: days) } }) != nil {
            await load(store: store, day: day)
        }
    }
}
