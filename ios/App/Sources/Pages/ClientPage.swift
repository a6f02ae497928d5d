import AlongsideCore
import SwiftUI

/// A client: the plan (goals with the client's and the worker's latest ratings side by side,
/// steps to confirm, their own words from shared mode) and the timeline, a page at a time. From
/// here the worker logs a visit, writes a note, reports an incident or hands the phone over.
struct ClientPage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let clientId: String
    @EnvironmentObject private var store: VaultStore
    @StateObject private var plan = ScreenModel<PlanScreen>()
    @StateObject private var timeline = ScreenModel<[TimelineItem]>()
    @State private var timelineComplete = false
    /// The client's records that could not be opened, each with the core's sentence.
    @State private var unreadable: [UnreadableRecord] = []
    @State private var rating: GoalCard?
    @State private var addingStepTo: GoalCard?
    /// The step being reworded: its goal and its id.
    @State private var editingStep: (String, String)?
    @State private var stepText = ""
    @State private var startingPlan = false
    /// The goal form: adding (`.add`) or correcting a goal.
    @State private var goalForm: GoalFormTarget?
    /// The core's default: three months on (`reviewDue(from:)`).
    @State private var reviewDue = Days.date(AlongsideCore.reviewDue(from: Days.today())) ?? Date()
    @State private var confirmingHandover = false
    private let today = Days.today()
    private static let pageSize: UInt32 = 50

    var body: some View {
        List {
            ErrorBanner(error: plan.error ?? timeline.error) {
                plan.error = nil
                timeline.error = nil
            }
            Section {
                if let pronouns = plan.data?.pronouns { Text(pronouns) }
                NavigationLink(words.actionLogVisit, value: Route.visit(clientId: clientId))
                NavigationLink(words.actionNewNote, value: Route.note(clientId: clientId, noteId: nil, activityId: nil))
                NavigationLink(words.actionReportIncident, value: Route.incident(clientId: clientId, incidentId: nil))
                NavigationLink(words.clientOwns, value: Route.owns(clientId: clientId))
                NavigationLink(words.reviewTitle, value: Route.review(clientId: clientId))
                NavigationLink(words.referralsTitle, value: Route.referrals(clientId: clientId))
                NavigationLink(words.assessmentsTitle, value: Route.assessment(clientId: clientId))
                NavigationLink(words.dutyBalanceTitle, value: Route.balance(clientId: clientId))
                Button(words.actionHandOver) { confirmingHandover = true }
            }
            if let screen = plan.data {
                planSection(screen)
                ForEach(screen.goals, id: \.goalId) { (card: GoalCard) in
                    Section {
                        GoalCardView(
                            card: card,
                            rate: { rating = card },
                            addStep: { addingStepTo = card },
                            confirm: { (step: Step) in
                                Task { await change { w in _ = try w.confirmStep(goalId: card.goalId, stepId: step.id) } }
                            },
                            editStep: { (step: Step) in
                                editingStep = (card.goalId, step.id)
                                stepText = step.text
                            },
                            editGoal: { goalForm = GoalFormTarget(card: card) })
                    }
                }
                if !screen.clientEntries.isEmpty {
                    Section(words.clientOwnWords) {
                        ForEach(screen.clientEntries, id: \.id) { (entry: ClientEntry) in
                            RowText(title: entry.text, lines: [Days.display(entry.on)])
                        }
                    }
                }
            }
            Section(words.clientTimeline) {
                ForEach(timeline.data ?? [], id: \.self) { (item: TimelineItem) in
                    timelineRow(item)
                }
                ForEach(unreadable, id: \.id) { (record: UnreadableRecord) in
                    RowText(title: record.kindLabel, lines: [record.summary])
                }
                if !timelineComplete, timeline.data != nil {
                    Button(words.actionLoadMore) { Task { await loadTimeline(more: true) } }
                }
            }
        }
        .navigationTitle(plan.data?.preferredName ?? "")
        .toolbar { LockButton() }
        .task {
            await reload()
            await loadTimeline(more: false)
        }
        .sheet(item: $rating) { (card: GoalCard) in
            RateSheet(title: card.clientWords, scale: ratingScale(language: lang)) { score, words in
                let input = RatingInput(on: today, score: score, by: Author.worker, words: words)
                Task { await change { w in _ = try w.rateGoal(goalId: card.goalId, input: input) } }
            }
        }
        .alert(words.actionEdit, isPresented: Binding(get: { editingStep != nil }, set: { if !$0 { editingStep = nil } })) {
            TextField(words.fieldStep, text: $stepText)
            Button(words.actionSave) {
                if let step = editingStep {
                    let (goalId, stepId, text) = (step.0, step.1, stepText)
                    Task { await change { w in _ = try w.editStep(goalId: goalId, stepId: stepId, text: text) } }
                }
                stepText = ""
            }
            Button(words.actionCancel, role: .cancel) { stepText = "" }
        }
        .alert(words.actionAddStep, isPresented: Binding(get: { addingStepTo != nil }, set: { if !$0 { addingStepTo = nil } })) {
            TextField(words.fieldStep, text: $stepText)
            Button(words.actionSave) {
                if let card = addingStepTo {
                    let text = stepText
                    Task { await change { w in _ = try w.addStep(goalId: card.goalId, text: text) } }
                }
                stepText = ""
            }
            Button(words.actionCancel, role: .cancel) { stepText = "" }
        }
        .sheet(item: $goalForm) { (target: GoalFormTarget) in
            GoalSheet(editing: target.card) { input in
                let planId = plan.data?.plan?.id
                let id = clientId
                Task {
                    await change { w in
                        if let card = target.card {
                            _ = try w.updateGoal(goalId: card.goalId, input: input)
                        } else if let planId {
                            _ = try w.addGoal(clientId: id, planId: planId, input: input)
                        }
                    }
                }
            }
        }
        .sheet(isPresented: $startingPlan) {
            NavigationStack {
                Form {
                    DatePicker(words.fieldReviewDue, selection: $reviewDue, displayedComponents: .date)
                }
                .navigationTitle(words.actionStartPlan)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { startingPlan = false } }
                    ToolbarItem(placement: .confirmationAction) {
                        Button(words.actionStart) {
                            let due = Days.day(reviewDue)
                            startingPlan = false
                            Task { await change { w in _ = try w.createPlan(clientId: clientId, started: today, reviewDue: due) } }
                        }
                    }
                }
            }
        }
        .confirmationDialog(words.handoverTitle, isPresented: $confirmingHandover, titleVisibility: .visible) {
            Button(words.actionHandOver) {
                Task { await plan.perform { try await store.openShared(clientId: clientId) } }
            }
        } message: {
            Text(words.iosHandoverExplainer)
        }
    }

    @ViewBuilder
    private func planSection(_ screen: PlanScreen) -> some View {
        Section(words.clientPlan) {
            if let current = screen.plan {
                Text(phrase(lang, .planVersion(version: UInt32(current.version), started: Days.display(current.started))))
                Text(phrase(lang, .planReviewDue(day: Days.display(current.reviewDue))))
                    .foregroundStyle(screen.reviewOverdue ? Color.red : Color.primary)
                if screen.reviewOverdue { Text(words.planReviewOverdue).foregroundStyle(.red) }
                Button(words.actionAddGoal) { goalForm = GoalFormTarget(card: nil) }
            } else {
                Text(words.planNone)
                Button(words.actionStartPlan) { startingPlan = true }
            }
        }
    }

    @ViewBuilder
    private func timelineRow(_ item: TimelineItem) -> some View {
        let when = [Days.display(item.day), item.time.map { Days.display(clockTime: $0) } ?? ""].joined(separator: " ")
        let row = RowText(title: item.title, lines: [when, item.detail ?? ""])
        switch item.kind {
        case TimelineKind.note:
            NavigationLink(value: Route.note(clientId: clientId, noteId: item.id, activityId: nil)) { row }
        case TimelineKind.incident:
            NavigationLink(value: Route.incident(clientId: clientId, incidentId: item.id)) { row }
        default:
            row
        }
    }

    private func reload() async {
        let (id, day) = (clientId, today)
        await plan.load { try await store.withWorker { w in try w.planScreen(clientId: id, today: day) } }
    }

    /// The first page of the timeline, or the next one (newest first, in the core's order).
    private func loadTimeline(more: Bool) async {
        let id = clientId
        let offset = more ? UInt32(timeline.data?.count ?? 0) : 0
        let limit = Self.pageSize
        guard let page = await timeline.perform({
            try await store.withWorker { w in try w.timeline(clientId: id, offset: offset, limit: limit) }
        }) else { return }
        timeline.data = (more ? timeline.data ?? [] : []) + page.items
        unreadable = page.unreadable
        timelineComplete = page.items.count < Int(limit)
    }

    private func change(_ body: @escaping @Sendable (WorkerSession) throws -> Void) async {
        if await plan.perform({ try await store.withWorker(body) }) != nil {
            await reload()
            await loadTimeline(more: false)
        }
    }
}

extension GoalCard: Identifiable {
    public var id: String { goalId }
}

/// The goal form's subject: a new goal (nil) or the one being corrected.
private struct GoalFormTarget: Identifiable {
    let card: GoalCard?
    var id: String { card?.goalId ?? "" }
}
