import AlongsideCore
import Combine
import Foundation

/// The duty balance, for one client (`clientId`) or the worker's caseload (nil), as
/// DutyBalanceState is on Android: the core's balance over its default period (twelve weeks back)
/// unless the worker picks one, and the empowerment hint's setting.
@MainActor
final class DutyBalanceModel: ObservableObject {
    struct Balance {
        let balance: DutyBalance
        let settings: DutySettings
    }

    let clientId: String?
    let screen = ScreenModel<Balance>()

    init(clientId: String?) {
        self.clientId = clientId
        // The page observes this model: pass on every change of its screen's state.
        screen.forwardChanges(to: self)
    }

    /// The balance up to `to`; `from` nil: the core's default period.
    func load(store: VaultStore, to: Day, from: Day? = nil) async {
        let start = from ?? formDefaults(today: to).dutyBalanceFrom
        let id = clientId
        await screen.load {
            try await store.withWorker { w in
                let balance = try id.map { try w.clientDutyBalance(clientId: $0, from: start, to: to) }
                    ?? w.dutyBalance(from: start, to: to)
                return Balance(balance: balance, settings: try w.dutySettings())
            }
        }
    }

    /// Weeks of advocacy without empowering before the hint shows (the core checks the range).
    func setHintWeeks(store: VaultStore, weeks: UInt32) async {
        guard let current = screen.data else { return }
        let saved = await screen.perform {
            try await store.withWorker { w in try w.setDutySettings(settings: DutySettings(advocacyHintWeeks: weeks)) }
        }
        if saved != nil { await load(store: store, to: current.balance.to, from: current.balance.from) }
    }
}
