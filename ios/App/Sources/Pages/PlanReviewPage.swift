import AlongsideCore
import SwiftUI

/// Hold a plan review, with the history beneath, over ReviewModel: each goal's status and ratings
/// since the last review as the core lists them, and the next review's day from the core's default.
struct PlanReviewPage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let clientId: String
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model: ReviewModel
    @State private var whatChanged = ""
    @State private var why = ""
    @State private var nextDue = Date()
    private let today = Days.today()

    init(clientId: String) {
        self.clientId = clientId
        _model = StateObject(wrappedValue: ReviewModel(clientId: clientId))
    }

    var body: some View {
        Form {
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            if let page = model.screen.data {
                Section(page.screen.preferredName) {
                    ForEach(page.screen.goals, id: \.goalId) { (row: GoalReviewRow) in
                        VStack(alignment: .leading) {
                            Text(row.clientWords)
                            Text(row.statusLabel).font(.subheadline)
                        }
                    }
                }
                Section {
                    TextField(words.fieldWhatChanged, text: $whatChanged, axis: .vertical)
                    TextField(words.fieldWhy, text: $why, axis: .vertical)
                    DatePicker(words.reviewNext, selection: $nextDue, displayedComponents: .date)
                    Button(words.actionHoldReview) {
                        Task {
                            if await model.review(store: store, on: today, whatChanged: whatChanged, why: why, nextDue: Days.day(nextDue)) {
                                whatChanged = ""
                                why = ""
                            }
                        }
                    }
                }
                Section(words.reviewEarlier) {
                    ForEach(page.history, id: \.id) { (review: Review) in
                        VStack(alignment: .leading) {
                            Text(Days.display(review.on))
                            Text(review.whatChanged).font(.subheadline)
                        }
                    }
                }
                Section(words.reviewHistory) {
                    ForEach(page.planHistory, id: \.version) { (v: PlanVersionSummary) in
                        VStack(alignment: .leading) {
                            Text(phrase(lang, .planVersion(version: v.version, started: Days.display(v.started))))
                            Text(phrase(lang, .activeGoals(count: v.goals))).font(.subheadline)
                            if let changed = v.whatChanged { Text(changed).font(.subheadline) }
                        }
                    }
                }
            }
        }
        .navigationTitle(words.reviewTitle)
        .task {
            nextDue = Days.date(model.defaultNextDue(on: today)) ?? Date()
            await model.load(store: store, today: today)
        }
    }
}
