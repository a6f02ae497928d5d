import AlongsideCore
import Combine
import Foundation

/// A record's earlier revisions (`recordHistory`), as HistoryState is on Android.
@MainActor
final class HistoryModel: ObservableObject {
    let recordId: String
    let screen = ScreenModel<[EarlierRevision]>()

    init(recordId: String) {
        self.recordId = recordId
        screen.forwardChanges(to: self)
    }

    func load(store: VaultStore) async {
        let id = recordId
        await screen.load { try await store.withWorker { w in try w.recordHistory(recordId: id) } }
    }
}
