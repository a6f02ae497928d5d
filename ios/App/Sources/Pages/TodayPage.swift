import AlongsideCore
import SwiftUI

/// The worker's day, as the core's TodayView lays it out: visits, follow-ups, reviews due, open
/// incidents and referrals to follow up.
struct TodayPage: View {
    @Environment(\.words) private var words
    @Environment(\.teamWords) private var teamWords
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<TodayView>()
    /// Team sync's status line (nothing shows on a phone in no team).
    @StateObject private var sync = SyncModel()
    /// The follow-up being corrected (`updateFollowUp`), and its words as typed.
    @State private var editingFollowUp: TodayFollowUp?
    @State private var followUpText = ""
    private let today = Days.today()
    private let dutyLabels: [Duty: String] = Dictionary(uniqueKeysWithValues: duties().map { ($0.duty, $0.label) })

    var body: some View {
        List {
            ErrorBanner(error: model.error) { model.error = nil }
            if let view = model.data {
                Section {
                    Text(view.summary)
                    NavigationLink(words.dutyBalanceTitle, value: Route.balance(clientId: nil))
                }
                SyncStatusSection(model: sync)
                if !view.requests.isEmpty {
                    Section(teamWords.todayRequestsTitle) {
                        ForEach(view.requests, id: \.id) { (request: TeamRequestRow) in
                            HStack {
                                RowText(title: request.summary, lines: [request.clientName ?? "", request.statusLabel])
                                Spacer()
                                Button(words.actionMarkDone) {
                                    Task { await change { w in _ = try w.teamRequestDone(id: request.id) } }
                                }
                                .buttonStyle(.borderless)
                            }
                        }
                    }
                }
                TodayCornerSection(corner: view.corner)
                if !view.visits.isEmpty {
                    Section(words.todayVisits) {
                        ForEach(view.visits, id: \.activityId) { (visit: TodayVisit) in
                            VisitRow(visit: visit, dutyLabels: dutyLabels) { status in
                                Task { await change { w in _ = try w.setActivityStatus(activityId: visit.activityId, status: status) } }
                            }
                        }
                    }
                }
                let followUps = view.overdueFollowUps + view.dueFollowUps
                if !followUps.isEmpty {
                    Section(words.todayFollowUps) {
                        ForEach(followUps, id: \.followUpId) { (followUp: TodayFollowUp) in
                            Button {
                                Task {
                                    await change { w in
                                        _ = try w.setFollowUpDone(activityId: followUp.activityId, followUpId: followUp.followUpId, doneOn: today)
                                    }
                                }
                            } label: {
                                Label {
                                    VStack(alignment: .leading) {
                                        Text(followUp.what)
                                        Text(followUp.clientName).font(.subheadline)
                                        Text(followUp.dueLabel).font(.subheadline)
                                            .foregroundStyle(followUp.daysOverdue > 0 ? Color.red : Color.secondary)
                                    }
                                } icon: {
                                    Image(systemName: "circle")
                                }
                            }
                            .accessibilityHint(Text(words.stepMarksDone))
                            .swipeActions {
                                Button(words.actionEdit) {
                                    editingFollowUp = followUp
                                    followUpText = followUp.what
                                }
                            }
                        }
                    }
                }
                if !view.reviewsDue.isEmpty {
                    Section(words.todayReviews) {
                        ForEach(view.reviewsDue, id: \.planId) { (review: TodayReview) in
                            NavigationLink(value: Route.client(review.clientId)) {
                                RowText(title: review.clientName, lines: [review.dueLabel])
                            }
                        }
                    }
                }
                if !view.openIncidents.isEmpty {
                    Section(words.todayIncidents) {
                        ForEach(view.openIncidents, id: \.incidentId) { (incident: TodayIncident) in
                            NavigationLink(value: Route.incident(clientId: incident.clientId, incidentId: incident.incidentId)) {
                                RowText(title: incident.clientName, lines: [incident.kindLabel, incident.statusLabel])
                            }
                        }
                    }
                }
                if !view.referralsToFollowUp.isEmpty {
                    Section(words.todayReferrals) {
                        ForEach(view.referralsToFollowUp, id: \.referralId) { (referral: TodayReferral) in
                            NavigationLink(value: Route.client(referral.clientId)) {
                                RowText(title: referral.clientName, lines: [referral.resourceName, referral.dueLabel])
                            }
                        }
                    }
                }
                if !view.unreadable.isEmpty {
                    Section(words.couldNotOpen) {
                        ForEach(view.unreadable, id: \.id) { (record: UnreadableRecord) in
                            RowText(title: record.kindLabel, lines: [record.summary])
                        }
                    }
                }
            }
        }
        .navigationTitle(model.data.map { "\($0.title) · \(Days.display($0.day))" } ?? words.tabToday)
        .toolbar { LockButton() }
        .task { await reload() }
        .refreshable { await reload() }
        .alert(words.actionEdit, isPresented: Binding(get: { editingFollowUp != nil }, set: { if !$0 { editingFollowUp = nil } })) {
            TextField(words.fieldFollowUp, text: $followUpText)
            Button(words.actionSave) {
                if let f = editingFollowUp {
                    let input = FollowUpInput(what: followUpText, due: f.due)
                    Task { await change { w in _ = try w.updateFollowUp(activityId: f.activityId, followUpId: f.followUpId, input: input) } }
                }
            }
            Button(words.actionCancel, role: .cancel) {}
        }
    }

    private func reload() async {
        let day = today
        // The phone's time of day: outside working hours the core shows no reminders.
        let now = Days.clockTime(Date())
        await model.load { try await store.withWorker { w in try w.todayAt(day: day, now: now) } }
        await sync.load(store: store)
    }

    private func change(_ body: @escaping @Sendable (WorkerSession) throws -> Void) async {
        if await model.perform({ try await store.withWorker(body) }) != nil { await reload() }
    }
}

private struct VisitRow: View {
    @Environment(\.words) private var words
    let visit: TodayVisit
    let dutyLabels: [Duty: String]
    let setStatus: (ActivityStatus) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            NavigationLink(value: Route.client(visit.clientId)) {
                RowText(
                    title: "\(visit.timeLabel) · \(visit.clientName)",
                    lines: [visit.kindLabel, visit.statusLabel, visit.place ?? "", visit.purpose ?? ""]
                        + visit.duties.compactMap { dutyLabels[$0] })
            }
            if visit.status == ActivityStatus.scheduled {
                HStack {
                    Button(words.actionMarkDone) { setStatus(ActivityStatus.done) }
                    Button(words.actionMarkMissed) { setStatus(ActivityStatus.missed) }
                }
                .buttonStyle(.bordered)
            }
        }
    }
}

/// A row: a title and the lines under it, read by VoiceOver as one element. No fixed heights, so
/// the largest Dynamic Type sizes fit.
struct RowText: View {
    let title: String
    let lines: [String]

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(title).font(.headline)
            ForEach(Array(lines.filter { !$0.isEmpty }.enumerated()), id: \.offset) { _, line in
                Text(line).font(.subheadline).foregroundStyle(.secondary)
            }
        }
        .accessibilityElement(children: .combine)
    }
}
