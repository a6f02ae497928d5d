import AlongsideCore
import SwiftUI

/// Today's sync line: the core's status sentence, "sync now", and the way to the "needs review"
/// list. Nothing shows on a phone in no team. Today owns the model and loads it with the day.
struct SyncStatusSection: View {
    @Environment(\.words) private var words
    @EnvironmentObject private var store: VaultStore
    @ObservedObject var model: SyncModel

    var body: some View {
        if let page = model.screen.data, page.status.inTeam {
            Section {
                ErrorBanner(error: model.screen.error) { model.screen.error = nil }
                Text(page.status.summary)
                Button(words.actionSyncNow) { Task { await model.syncNow(store: store) } }
                    .disabled(model.screen.busy)
                if !page.reviews.isEmpty {
                    NavigationLink(words.syncReviewTitle, value: Route.syncReview)
                }
            }
        }
    }
}

/// "Needs review": each field two phones changed differently, with the record, the field and
/// both values with which phone wrote each and when (the core's sentences). The worker keeps one;
/// the other stays among the record's earlier versions, and the next sync tells the team.
struct NeedsReviewPage: View {
    @Environment(\.words) private var words
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = SyncModel()

    var body: some View {
        List {
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            if let page = model.screen.data {
                if page.reviews.isEmpty { Text(words.syncReviewNone) }
                ForEach(page.reviews, id: \.id) { (item: ReviewItem) in
                    Section {
                        Text(item.summary)
                        ForEach(Array(item.choices.enumerated()), id: \.offset) { index, choice in
                            VStack(alignment: .leading, spacing: 4) {
                                Text(choice.summary)
                                Button(words.actionKeepValue) {
                                    Task { await model.resolve(store: store, id: item.id, choice: index) }
                                }
                                .disabled(model.screen.busy)
                            }
                        }
                    }
                }
            }
        }
        .navigationTitle(words.syncReviewTitle)
        .task { await model.load(store: store) }
    }
}
