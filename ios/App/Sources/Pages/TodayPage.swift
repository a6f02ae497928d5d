import AlongsideCore
import SwiftUI

/// The worker's day, as the core's TodayView lays it out: visits, follow-ups, reviews due, open
/// incidents and referrals to follow up.
struct TodayPage: View {
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<TodayView>()
    private let today = Days.today()
    private let dutyLabels: [Duty: String] = Dictionary(uniqueKeysWithValues: duties().map { ($0.duty, $0.label) })

    var body: some View {
        List {
            ErrorBanner(error: model.error) { model.error = nil }
            if let view = model.data {
                Section {
                    Text(view.summary)
                    NavigationLink("Duty balance", value: Route.balance(clientId: nil))
                }
                TodayCornerSection(corner: view.corner)
                if !view.visits.isEmpty {
                    Section("Visits") {
                        ForEach(view.visits, id: \.activityId) { (visit: TodayVisit) in
                            VisitRow(visit: visit, dutyLabels: dutyLabels) { status in
                                Task { await change { w in _ = try w.setActivityStatus(activityId: visit.activityId, status: status) } }
                            }
                        }
                    }
                }
                let followUps = view.overdueFollowUps + view.dueFollowUps
                if !followUps.isEmpty {
                    Section("Follow-ups") {
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
                            .accessibilityHint(Text("Marks it done"))
                        }
                    }
                }
                if !view.reviewsDue.isEmpty {
                    Section("Plan reviews") {
                        ForEach(view.reviewsDue, id: \.planId) { (review: TodayReview) in
                            NavigationLink(value: Route.client(review.clientId)) {
                                RowText(title: review.clientName, lines: [review.dueLabel])
                            }
                        }
                    }
                }
                if !view.openIncidents.isEmpty {
                    Section("Open incidents") {
                        ForEach(view.openIncidents, id: \.incidentId) { (incident: TodayIncident) in
                            NavigationLink(value: Route.incident(clientId: incident.clientId, incidentId: incident.incidentId)) {
                                RowText(title: incident.clientName, lines: [incident.kindLabel, incident.statusLabel])
                            }
                        }
                    }
                }
                if !view.referralsToFollowUp.isEmpty {
                    Section("Referrals to follow up") {
                        ForEach(view.referralsToFollowUp, id: \.referralId) { (referral: TodayReferral) in
                            NavigationLink(value: Route.client(referral.clientId)) {
                                RowText(title: referral.clientName, lines: [referral.resourceName, referral.dueLabel])
                            }
                        }
                    }
                }
                if !view.unreadable.isEmpty {
                    Section("Could not be opened") {
                        ForEach(view.unreadable, id: \.id) { (record: UnreadableRecord) in
                            RowText(title: record.kindLabel, lines: [record.summary])
                        }
                    }
                }
            }
        }
        .navigationTitle(model.data.map { "\($0.title) · \(Days.display($0.day))" } ?? String(localized: "Today"))
        .toolbar { LockButton() }
        .task { await reload() }
        .refreshable { await reload() }
    }

    private func reload() async {
        let day = today
        // The phone's time of day: outside working hours the core shows no reminders.
        let now = Days.clockTime(Date())
        await model.load { try await store.withWorker { w in try w.todayAt(day: day, now: now) } }
    }

    private func change(_ body: @escaping @Sendable (WorkerSession) throws -> Void) async {
        if await model.perform({ try await store.withWorker(body) }) != nil { await reload() }
    }
}

private struct VisitRow: View {
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
                    Button("Done") { setStatus(ActivityStatus.done) }
                    Button("Missed") { setStatus(ActivityStatus.missed) }
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
