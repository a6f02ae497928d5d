import AlongsideCore
import SwiftUI

/// "My corner": the worker's own page over the core's CornerScreen (on or off duty, a heavy
/// week's signal, debriefs, supervision, certifications). Mirrors the Android CornerState method
/// for method; nothing here is a client's, and shared mode cannot reach it.
struct CornerPage: View {
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<CornerScreen>()
    private let today = Days.today()

    var body: some View {
        List {
            ErrorBanner(error: model.error) { model.error = nil }
            if let view = model.data {
                Section { Text(view.words.privacy) }
                if let duty = view.dutyLabel {
                    Section { Text(duty) }
                }
                if let week = view.heavyWeek {
                    Section(week.title) {
                        Text(week.intro)
                        ForEach(week.reasons, id: \.label) { (reason: HeavyReason) in
                            Text("• \(reason.label)")
                        }
                        ForEach(week.suggestions, id: \.label) { (s: CornerSuggestion) in
                            RowText(title: s.label, lines: [s.contact ?? ""])
                        }
                        Button(week.dismissLabel) {
                            let day = today
                            Task { await change { w in try w.dismissHeavyWeek(day: day) } }
                        }
                    }
                }
                DebriefForm(view: view) { input in
                    Task { await change { w in _ = try w.addDebrief(input: input) } }
                }
                Section {
                    ForEach(view.recentDebriefs, id: \.debrief.id) { (row: DebriefRow) in
                        RowText(
                            title: "\(Days.display(row.debrief.day)) · \(row.occasionLabel)",
                            lines: [row.scoreLabel, row.debrief.words ?? "", row.shareLabel ?? ""])
                    }
                }
                Section(view.words.supervision) {
                    Text(view.supervisionLabel)
                    ForEach(view.openActions, id: \.action.id) { (a: CornerAction) in
                        Button {
                            let day = today
                            Task {
                                await change { w in
                                    _ = try w.setSupervisionActionDone(sessionId: a.sessionId, actionId: a.action.id, doneOn: day)
                                }
                            }
                        } label: {
                            Label { RowText(title: a.action.what, lines: [a.dueLabel]) } icon: { Image(systemName: "circle") }
                        }
                    }
                    Text(view.words.supervisionRequestNote).font(.footnote)
                }
                if !view.certifications.isEmpty {
                    Section(view.words.certifications) {
                        ForEach(view.certifications, id: \.certification.id) { (row: CertificationRow) in
                            RowText(title: row.certification.name, lines: [row.expiryLabel])
                        }
                    }
                }
            }
        }
        .navigationTitle(model.data?.words.title ?? "")
        .toolbar { LockButton() }
        .task { await reload() }
        .refreshable { await reload() }
    }

    private func reload() async {
        let day = today
        let now = Days.clockTime(Date())
        await model.load { try await store.withWorker { w in try w.corner(day: day, now: now, lang: .en) } }
    }

    private func change(_ body: @escaping @Sendable (WorkerSession) throws -> Void) async {
        if await model.perform({ try await store.withWorker(body) }) != nil { await reload() }
    }
}

/// The debrief form: the core's occasions and 1-10 scale, words optional, the share flag.
private struct DebriefForm: View {
    let view: CornerScreen
    let save: (DebriefInput) -> Void
    @State private var score: UInt8?
    @State private var occasion = DebriefOccasion.endOfDay
    @State private var words = ""
    @State private var helped = ""
    @State private var forMyself = ""
    @State private var share = false

    private static let occasions: [String: DebriefOccasion] = [
        "end_of_day": .endOfDay, "after_crisis": .afterCrisis, "after_incident": .afterIncident,
    ]

    var body: some View {
        Section(view.words.debrief) {
            Picker(view.words.debrief, selection: $occasion) {
                ForEach(view.occasions, id: \.value) { (choice: Choice) in
                    Text(choice.label).tag(Self.occasions[choice.value] ?? .endOfDay)
                }
            }
            Picker(view.words.debriefQuestion, selection: $score) {
                ForEach(view.scoreScale, id: \.value) { (choice: Choice) in
                    Text(choice.label).tag(UInt8(choice.value))
                }
            }
            TextField(view.words.debriefWords, text: $words, axis: .vertical)
            TextField(view.words.whatHelped, text: $helped, axis: .vertical)
            TextField(view.words.forMyself, text: $forMyself, axis: .vertical)
            Toggle(view.words.shareWithSupervisor, isOn: $share)
            Text(view.words.shareNote).font(.footnote)
            Button(view.words.save) {
                guard let score else { return }
                save(DebriefInput(
                    day: view.day, occasion: occasion, score: score,
                    words: words.isEmpty ? nil : words, whatHelped: helped.isEmpty ? nil : helped,
                    forMyself: forMyself.isEmpty ? nil : forMyself, tookBreak: nil,
                    shareWithSupervisor: share))
                self.score = nil
                words = ""
                helped = ""
                forMyself = ""
                share = false
            }
            .disabled(score == nil)
        }
    }
}
