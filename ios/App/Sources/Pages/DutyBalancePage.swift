import AlongsideCore
import SwiftUI

/// The duty balance for one client or the worker's caseload, over DutyBalanceModel: every word
/// is the core's (its summary, each duty's label, the empowerment hint's message).
struct DutyBalancePage: View {
    @Environment(\.words) private var words
    let clientId: String?
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model: DutyBalanceModel

    init(clientId: String?) {
        self.clientId = clientId
        _model = StateObject(wrappedValue: DutyBalanceModel(clientId: clientId))
    }

    var body: some View {
        DutyBalanceView(balance: model.screen.data?.balance, error: model.screen.error)
            .navigationTitle(words.dutyBalanceTitle)
            .task { await model.load(store: store, to: Days.today()) }
    }
}

/// Stateless over the core's DutyBalance, for previews from a plain record.
struct DutyBalanceView: View {
    let balance: DutyBalance?
    let error: Error?

    var body: some View {
        List {
            if let error { ErrorBanner(error: error) {} }
            if let balance {
                Section { Text(balance.summary) }
                if let hint = balance.hint {
                    Section { Text(hint.message) }
                }
                Section {
                    ForEach(balance.duties, id: \.duty) { (count: DutyCount) in
                        VStack(alignment: .leading) {
                            Text(count.label)
                            ProgressView(value: count.share)
                        }
                        .accessibilityElement(children: .combine)
                        .accessibilityValue(Text("\(count.percent)%"))
                    }
                }
            }
        }
    }
}
