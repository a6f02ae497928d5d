import AlongsideCore
import SwiftUI

/// A record's earlier revisions in the core's words, under a record that can be corrected;
/// nothing when it never changed.
struct RecordHistoryView: View {
    @Environment(\.words) private var words
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model: HistoryModel

    init(recordId: String) {
        _model = StateObject(wrappedValue: HistoryModel(recordId: recordId))
    }

    var body: some View {
        Group {
            if let revisions = model.screen.data, !revisions.isEmpty {
                VStack(alignment: .leading, spacing: 4) {
                    Text(words.historyTitle).font(.caption).foregroundStyle(.secondary)
                    ForEach(revisions, id: \.rev) { (r: EarlierRevision) in
                        Text(r.summary).font(.caption)
                    }
                }
            }
        }
        .task { await model.load(store: store) }
    }
}
