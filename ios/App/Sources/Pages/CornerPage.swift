import AlongsideCore
import SwiftUI

/// Which of the corner's forms is open, with what has been typed so far.
private enum OpenForm: Identifiable {
    case debrief(DebriefFormValues)
    case supervision(SupervisionFormValues)
    case certification(CertificationFormValues)
    case settings(CornerSettingsFormValues)

    var id: String {
        switch self {
        case .debrief(let f): return "debrief-\(f.editing ?? "new")"
        case .supervision(let f): return "supervision-\(f.editing ?? "new")"
        case .certification(let f): return "certification-\(f.editing ?? "new")"
        case .settings: return "settings"
        }
    }
}

/// "My corner": the worker's own page over the core's CornerScreen (on or off duty, a heavy
/// week's signal, debriefs, supervision, certifications), its forms in sheets. Mirrors the
/// Android screen over CornerModel (CornerState there); nothing here is a client's, and shared
/// mode cannot reach it.
struct CornerPage: View {
    @Environment(\.words) private var words
    @Environment(\.teamWords) private var teamWords
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = CornerModel()
    @State private var open: OpenForm?
    /// "Ask for supervision" open, with the topics typed so far.
    @State private var askingSupervision = false
    @State private var supervisionTopics = ""
    /// The debrief waiting for the worker to confirm what sharing it shares.
    @State private var sharing: String?
    /// Said once a request or a shared debrief is saved for the next sync.
    @State private var sent = false
    private let today = Days.today()

    var body: some View {
        List {
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            if sent { Text(teamWords.sentNextSync) }
            if let view = model.screen.data {
                content(view)
            }
        }
        .alert(teamWords.actionAskSupervision, isPresented: $askingSupervision) {
            TextField(teamWords.fieldSupervisionTopics, text: $supervisionTopics)
            Button(teamWords.actionAskSupervision) {
                let topics = supervisionTopics
                Task { sent = await model.askForSupervision(store: store, topics: topics) }
            }
            Button(words.actionCancel, role: .cancel) {}
        } message: {
            Text(teamWords.supervisionRequestExplainer)
        }
        .confirmationDialog(
            teamWords.actionShareDebrief,
            isPresented: Binding(get: { sharing != nil }, set: { if !$0 { sharing = nil } }),
            titleVisibility: .visible,
            presenting: sharing
        ) { id in
            Button(teamWords.actionShareDebrief) { Task { sent = await model.shareDebrief(store: store, debriefId: id) } }
            Button(words.actionCancel, role: .cancel) {}
        } message: { _ in
            Text(teamWords.shareDebriefExplainer)
        }
        .navigationTitle(model.screen.data?.words.title ?? "")
        .toolbar {
            if let view = model.screen.data {
                Button(view.formWords.settings) { open = .settings(model.settingsForm()) }
            }
            LockButton()
        }
        .task { await reload() }
        .refreshable { await reload() }
        .sheet(item: $open) { form in
            if let view = model.screen.data {
                NavigationStack { sheet(form, view) }
            }
        }
    }

    @ViewBuilder
    private func content(_ view: CornerScreen) -> some View {
        let f = view.formWords
        Section { Text(view.words.privacy) }
        if let duty = view.dutyLabel {
            Section { Text(duty) }
        }
        if let week = view.heavyWeek {
            HeavyWeekSection(week: week) { Task { await model.dismissHeavyWeek(store: store) } }
        }
        Section(view.words.debrief) {
            Button(f.newDebrief) { open = .debrief(model.newDebrief()) }
            ForEach(view.recentDebriefs, id: \.debrief.id) { (row: DebriefRow) in
                Button {
                    open = .debrief(.of(row.debrief))
                } label: {
                    RowText(
                        title: "\(Days.display(row.debrief.day)) · \(row.occasionLabel)",
                        lines: [row.scoreLabel, row.debrief.words ?? "", row.shareLabel ?? ""])
                }
                .accessibilityHint(f.editDebrief)
                .swipeActions { Button(teamWords.actionShareDebrief) { sharing = row.debrief.id } }
            }
        }
        Section(view.words.supervision) {
            Text(view.supervisionLabel)
            Button(f.newSupervision) { open = .supervision(model.newSupervision()) }
            ForEach(view.openActions, id: \.action.id) { (a: CornerAction) in
                Button {
                    Task { await model.actionDone(store: store, sessionId: a.sessionId, actionId: a.action.id) }
                } label: {
                    Label { RowText(title: a.action.what, lines: [a.dueLabel]) } icon: { Image(systemName: "circle") }
                }
            }
            ForEach(model.sessions, id: \.id) { (s: SupervisionSession) in
                Button {
                    open = .supervision(.of(s))
                } label: {
                    RowText(title: "\(Days.display(s.day)) · \(s.withWhom)", lines: s.topics)
                }
                .accessibilityHint(f.editSupervision)
            }
            // Reaches the supervisors through the team's sync; outside a team the core says so.
            Button(teamWords.actionAskSupervision) { askingSupervision = true }
        }
        Section(view.words.certifications) {
            Button(f.newCertification) { open = .certification(CertificationFormValues()) }
            ForEach(view.certifications, id: \.certification.id) { (row: CertificationRow) in
                Button {
                    open = .certification(.of(row.certification))
                } label: {
                    RowText(title: row.certification.name, lines: [row.expiryLabel])
                }
                .accessibilityHint(f.editCertification)
            }
        }
    }

    @ViewBuilder
    private func sheet(_ form: OpenForm, _ view: CornerScreen) -> some View {
        let close: (Bool) -> Void = { ok in if ok { open = nil } }
        switch form {
        case .debrief(let values):
            DebriefSheet(view: view, form: values, cancel: { open = nil }) { saved in
                Task { close(await model.saveDebrief(store: store, form: saved)) }
            }
        case .supervision(let values):
            SupervisionSheet(words: view.formWords, save: view.words.save, form: values, cancel: { open = nil }) { saved in
                Task { close(await model.saveSupervision(store: store, form: saved)) }
            }
        case .certification(let values):
            CertificationSheet(
                words: view.formWords, save: view.words.save, form: values, cancel: { open = nil },
                delete: { id in Task { close(await model.deleteCertification(store: store, id: id)) } }
            ) { saved in
                Task { close(await model.saveCertification(store: store, form: saved)) }
            }
        case .settings(let values):
            CornerSettingsSheet(words: view.formWords, save: view.words.save, form: values, cancel: { open = nil }) { saved in
                Task { close(await model.saveSettings(store: store, form: saved)) }
            }
        }
    }

    private func reload() async {
        await model.load(store: store, day: today, now: Days.clockTime(Date()))
    }
}

/// The heavy-week signal with its reasons and suggestions; dismissed from the corner only.
struct HeavyWeekSection: View {
    let week: HeavyWeek
    var dismiss: (() -> Void)?

    var body: some View {
        Section(week.title) {
            Text(week.intro)
            ForEach(week.reasons, id: \.label) { (reason: HeavyReason) in
                Text("• \(reason.label)")
            }
            ForEach(week.suggestions, id: \.label) { (s: CornerSuggestion) in
                RowText(title: s.label, lines: [s.contact ?? ""])
            }
            if let dismiss {
                Button(week.dismissLabel, action: dismiss)
            }
        }
    }
}

/// What Today shows of the corner (the core's TodayCorner): off duty, or the supervision actions
/// due, certifications running out and the heavy-week signal.
struct TodayCornerSection: View {
    let corner: TodayCorner

    var body: some View {
        if let label = corner.offDutyLabel {
            Section { Text(label) }
        }
        if let week = corner.heavyWeek {
            HeavyWeekSection(week: week)
        }
        if !corner.supervisionActions.isEmpty || !corner.certificationsExpiring.isEmpty {
            Section {
                ForEach(corner.supervisionActions, id: \.action.id) { (a: CornerAction) in
                    RowText(title: a.action.what, lines: [a.dueLabel])
                }
                ForEach(corner.certificationsExpiring, id: \.certification.id) { (c: CertificationRow) in
                    RowText(title: c.certification.name, lines: [c.expiryLabel])
                }
            }
        }
    }
}
