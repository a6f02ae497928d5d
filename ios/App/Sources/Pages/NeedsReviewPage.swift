import AlongsideCore
import SwiftUI

/// Today's sync line: the core's status sentence, "sync now", the way to the "needs review"
/// list, and on an admin's phone the way to the briefing; the team notifications a sync brings
/// are posted. What a sync took away (removed from the team, clients handed to another worker)
/// and the changes it refused (the core's sentence: which phone, why) are said. Nothing else
/// shows on a phone in no team. Today owns the model and loads it.
struct SyncStatusSection: View {
    @Environment(\.words) private var words
    @Environment(\.teamWords) private var teamWords
    @Environment(\.lang) private var lang
    @EnvironmentObject private var store: VaultStore
    @ObservedObject var model: SyncModel

    var body: some View {
        if let page = model.screen.data, page.status.inTeam || page.lastSync?.removedFromTeam == true {
            Section {
                ErrorBanner(error: model.screen.error) { model.screen.error = nil }
                Text(page.status.summary)
                if let report = page.lastSync {
                    if report.removedFromTeam { Text(teamWords.syncRemovedFromTeam) }
                    if report.clientsHandedAway > 0 {
                        Text(phrase(lang, .clientsHandedAway(count: report.clientsHandedAway)))
                    }
                    ForEach(report.refusedRevisions, id: \.revision) { Text($0.summary) }
                }
                if page.status.inTeam {
                    Button(words.actionSyncNow) { Task { await model.syncNow(store: store) } }
                        .disabled(model.screen.busy)
                }
                if !page.reviews.isEmpty {
                    NavigationLink(words.syncReviewTitle, value: Route.syncReview)
                }
                if page.status.admin {
                    NavigationLink(teamWords.tabBriefing, value: Route.briefing)
                }
            }
            .task(id: model.notifications.map(\.incidentId)) {
                await model.postNotifications(store: store, words: teamWords)
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
