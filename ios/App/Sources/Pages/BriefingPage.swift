import AlongsideCore
import SwiftUI

/// The supervisor's morning briefing (admins only): per worker the day's visits, open incidents
/// and what waits on whom, overdue follow-ups, reviews due, unsigned notes, the duty balance with
/// the dependence signal; then supervision requests, shared debriefs and what was asked. Every
/// line is the core's; the section titles are the chrome's. Another day from the day picker; "Ask
/// this worker" from a worker's row, about one of their clients or none; the unsigned-notes
/// threshold at the end.
struct BriefingPage: View {
    @Environment(\.words) private var words
    @Environment(\.teamWords) private var teamWords
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = BriefingModel()
    /// The worker being asked (their member id), and what is typed.
    @State private var asking: String?
    @State private var askText = ""
    @State private var askDue: Date?
    @State private var askClient: String?
    /// The unsigned-notes threshold being edited; nil shows the one in force.
    @State private var unsignedDays: Int?

    var body: some View {
        List {
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            if let b = model.screen.data {
                Section {
                    DatePicker(
                        words.fieldDay,
                        selection: Binding(
                            get: { Days.date(b.day) ?? Date() },
                            set: { date in Task { await model.load(store: store, day: Days.day(date)) } }
                        ),
                        displayedComponents: .date
                    )
                    Text(b.summary)
                }
                ForEach(b.workers, id: \.memberId) { (worker: WorkerBriefing) in
                    workerSection(worker)
                }
                if !b.supervisionRequests.isEmpty {
                    Section(teamWords.briefingSupervision) {
                        ForEach(b.supervisionRequests, id: \.id) { (r: SupervisionRequestRow) in Text(r.summary) }
                    }
                }
                if !b.sharedDebriefs.isEmpty {
                    Section(teamWords.briefingDebriefs) {
                        ForEach(b.sharedDebriefs, id: \.id) { (d: SharedDebriefRow) in
                            RowText(title: d.summary, lines: [d.words, d.whatHelped, d.forMyself].compactMap { $0 })
                        }
                    }
                }
                if !b.requests.isEmpty {
                    Section(teamWords.briefingRequests) {
                        ForEach(b.requests, id: \.id) { (q: TeamRequestRow) in RowText(title: q.summary, lines: [q.statusLabel]) }
                    }
                }
                unsignedDaysSection(current: Int(b.unsignedNoteDays))
            }
        }
        .navigationTitle(model.screen.data?.title ?? teamWords.tabBriefing)
        .task { await model.load(store: store, day: Days.today()) }
        .sheet(isPresented: Binding(get: { asking != nil }, set: { if !$0 { asking = nil } })) {
            NavigationStack {
                Form {
                    ErrorBanner(error: model.screen.error) { model.screen.error = nil }
                    TextField(teamWords.fieldAskText, text: $askText, axis: .vertical)
                    Picker(teamWords.fieldAskClient, selection: $askClient) {
                        Text(teamWords.askNoClient).tag(String?.none)
                        ForEach(clients(of: asking), id: \.value) { (c: Choice) in Text(c.label).tag(Optional(c.value)) }
                    }
                    DatePicker(
                        teamWords.fieldAskDue,
                        selection: Binding(get: { askDue ?? Date() }, set: { askDue = $0 }),
                        displayedComponents: .date
                    )
                }
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { asking = nil } }
                    ToolbarItem(placement: .confirmationAction) {
                        Button(words.actionSave) {
                            guard let member = asking else { return }
                            let (text, client, due) = (askText, askClient, askDue.map(Days.day))
                            Task {
                                if await model.ask(store: store, memberId: member, clientId: client, text: text, due: due) {
                                    asking = nil
                                    askText = ""
                                    askClient = nil
                                    askDue = nil
                                }
                            }
                        }
                        .disabled(askText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || model.screen.busy)
                    }
                }
                .navigationTitle(teamWords.actionAsk)
            }
        }
    }

    /// The clients of the worker being asked, as the core offers them.
    private func clients(of memberId: String?) -> [Choice] {
        model.screen.data?.workers.first { $0.memberId == memberId }?.clients ?? []
    }

    private func unsignedDaysSection(current: Int) -> some View {
        Section {
            Stepper(
                "\(teamWords.fieldUnsignedDays): \(unsignedDays ?? current)",
                value: Binding(get: { unsignedDays ?? current }, set: { unsignedDays = $0 }),
                in: 1...92
            )
            Button(words.actionSave) {
                guard let days = unsignedDays else { return }
                Task {
                    await model.setUnsignedNoteDays(store: store, days: UInt32(days))
                    unsignedDays = nil
                }
            }
            .disabled(unsignedDays == nil || unsignedDays == current || model.screen.busy)
        }
    }

    private func workerSection(_ worker: WorkerBriefing) -> some View {
        Section {
            RowText(title: worker.name, lines: [worker.roleLabel, worker.summary])
            Button(teamWords.actionAsk) { asking = worker.memberId }
            group(teamWords.briefingVisits, worker.visits.map { "\($0.timeLabel) \($0.clientName) · \($0.kindLabel) · \($0.statusLabel)" })
            group(teamWords.briefingIncidents, worker.openIncidents.map { "\($0.incident.clientName) · \($0.incident.kindLabel) · \($0.waitingLabel)" })
            group(teamWords.briefingFollowUps, worker.overdueFollowUps.map { "\($0.clientName) · \($0.what) · \($0.dueLabel)" })
            group(teamWords.briefingReviews, worker.reviewsDue.map { "\($0.clientName) · \($0.dueLabel)" })
            group(teamWords.briefingUnsigned, worker.unsignedNotes.map { "\($0.clientName) · \($0.label)" })
            group(teamWords.briefingBalance, [worker.dutyBalance.summary] + worker.dependence.map { "\($0.clientName) · \($0.label)" })
        }
    }

    @ViewBuilder
    private func group(_ title: String, _ lines: [String]) -> some View {
        if !lines.allSatisfy({ $0.isEmpty }) {
            RowText(title: title, lines: lines)
        }
    }
}
