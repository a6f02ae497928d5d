import AlongsideCore
import SwiftUI

/// An incident: reported with its kind (the core says which actions each kind requires and what
/// not to do), then open until every required action is recorded. "Close" follows the core's
/// canClose. While open, what was reported and each action recorded can be corrected
/// (`updateIncident`, `updateIncidentAction`); once closed, a dated correction is added beside it
/// (`correctIncident`). Earlier revisions and corrections are shown as the core keeps them.
struct IncidentPage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let clientId: String?
    let incidentId: String?
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<IncidentView>()
    private let kinds: [IncidentKindInfo] = incidentKinds()
    @State private var kind: IncidentKind?
    @State private var occurred = Date()
    @State private var whatHappened = ""
    @State private var recording: RequiredActionState?
    /// Which recorded action the sheet corrects; nil: the sheet records a new one.
    @State private var editingIndex: UInt32?
    @State private var doneBy = ""
    @State private var doneOn = Date()
    @State private var details = ""
    @State private var outcome = ""
    @State private var correction = ""
    @State private var correctionReason = ""

    var body: some View {
        Form {
            ErrorBanner(error: model.error) { model.error = nil }
            if let view = model.data {
                detail(view)
            } else if clientId != nil {
                reportForm
            }
        }
        .navigationTitle(words.incidentTitle)
        .task {
            guard let incidentId, model.data == nil else { return }
            await model.load { try await store.withWorker { w in try w.incident(incidentId: incidentId) } }
        }
        .sheet(item: $recording) { (state: RequiredActionState) in
            NavigationStack {
                Form {
                    TextField(words.fieldDoneBy, text: $doneBy)
                    DatePicker(words.fieldOn, selection: $doneOn, displayedComponents: .date)
                    TextField(words.fieldDetails, text: $details, axis: .vertical)
                }
                .navigationTitle(state.label)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { recording = nil } }
                    ToolbarItem(placement: .confirmationAction) {
                        Button(words.actionSave) {
                            let input = IncidentActionInput(
                                action: state.action, by: doneBy, on: Days.day(doneOn), at: nil,
                                details: details.isEmpty ? nil : details)
                            recording = nil
                            Task { await record(input) }
                        }
                    }
                }
            }
        }
    }

    @ViewBuilder
    private var reportForm: some View {
        Section(words.incidentKind) {
            Picker(words.visitKind, selection: $kind) {
                Text(words.actionChoose).tag(IncidentKind?.none)
                ForEach(kinds, id: \.kind) { (info: IncidentKindInfo) in Text(info.label).tag(IncidentKind?.some(info.kind)) }
            }
        }
        if let info = kinds.first(where: { $0.kind == kind }) {
            Section(words.incidentRequired) {
                ForEach(info.required, id: \.action) { (action: RequiredActionInfo) in Text(action.label) }
            }
            if !info.donts.isEmpty {
                Section(words.incidentDonts) { ForEach(info.donts, id: \.self) { Text($0) } }
            }
        }
        Section {
            DatePicker(words.fieldOccurredOn, selection: $occurred)
            TextField(words.fieldWhatHappened, text: $whatHappened, axis: .vertical).lineLimit(3...)
            if let message = ErrorText.field(model.error, "description") { Text(message).foregroundStyle(.red) }
            Button(words.actionReport) { Task { await report() } }.disabled(kind == nil || model.busy)
        }
    }

    @ViewBuilder
    private func detail(_ view: IncidentView) -> some View {
        Section {
            Text(view.kindLabel).font(.title3)
            Text(phrase(lang, .incidentHeader(client: view.clientName, day: Days.display(view.incident.occurredOn), status: view.statusLabel)))
            Text(view.incident.description)
        }
        Section {
            if view.incident.status == IncidentStatus.open {
                TextField(words.fieldWhatHappened, text: $correction, axis: .vertical)
                Button(words.actionEdit) { Task { await edit(view) } }.disabled(correction.isEmpty || model.busy)
            } else {
                TextField(words.fieldCorrectionReason, text: $correctionReason)
                TextField(words.fieldWhatHappened, text: $correction, axis: .vertical)
                Button(words.actionCorrect) { Task { await correct(view) } }
                    .disabled(correction.isEmpty || correctionReason.isEmpty || model.busy)
            }
            ForEach(view.corrections, id: \.id) { (c: IncidentCorrection) in
                VStack(alignment: .leading) {
                    Text(phrase(lang, .addendumHeader(at: c.written.formatted(date: .abbreviated, time: .shortened), reason: c.reason)))
                        .font(.caption)
                    Text(c.text)
                }
            }
            ForEach(view.edits, id: \.rev) { (e: EarlierRevision) in Text(e.summary).font(.caption) }
        }
        if !view.donts.isEmpty {
            Section(words.incidentDonts) { ForEach(view.donts, id: \.self) { Text($0) } }
        }
        Section(words.incidentRequired) {
            ForEach(view.required, id: \.action) { (state: RequiredActionState) in
                VStack(alignment: .leading, spacing: 2) {
                    Text(state.label).font(.headline)
                    if let done = state.done {
                        Text(phrase(lang, .incidentActionDone(by: done.by, day: Days.display(done.on))))
                        if let details = done.details { Text(details).font(.caption) }
                    } else {
                        Text(words.incidentActionMissing).foregroundStyle(.red)
                        if view.incident.status == IncidentStatus.open {
                            Button(words.actionRecordPlain) { recording = state }
                        }
                    }
                }
                .accessibilityElement(children: .contain)
            }
        }
        if view.incident.status == IncidentStatus.open && !view.recordedActions.isEmpty {
            Section {
                ForEach(Array(view.recordedActions.enumerated()), id: \.offset) { index, recorded in
                    Button(phrase(lang, .fieldValue(field: words.actionEdit, value: recorded.label))) {
                        editingIndex = UInt32(index)
                        doneBy = recorded.action.by
                        details = recorded.action.details ?? ""
                        recording = view.required.first { $0.action == recorded.action.action }
                    }
                }
            }
        }
        if view.incident.status == IncidentStatus.open {
            Section {
                TextField(words.fieldOutcome, text: $outcome, axis: .vertical)
                Button(words.actionCloseIncident) { Task { await close(view) } }
                    .disabled(!view.canClose || model.busy)
            }
        }
    }

    private func report() async {
        guard let clientId, let kind else { return }
        let input = IncidentInput(
            kind: kind, occurredOn: Days.day(occurred), occurredAt: Days.clockTime(occurred),
            description: whatHappened, activityId: nil)
        await model.load { try await store.withWorker { w in try w.reportIncident(clientId: clientId, input: input) } }
    }

    private func record(_ input: IncidentActionInput) async {
        guard let id = model.data?.incident.id else { return }
        if let index = editingIndex {
            editingIndex = nil
            await model.load { try await store.withWorker { w in try w.updateIncidentAction(incidentId: id, index: index, input: input) } }
            return
        }
        await model.load { try await store.withWorker { w in try w.recordIncidentAction(incidentId: id, input: input) } }
    }

    /// Correct what was reported, while the incident is open.
    private func edit(_ view: IncidentView) async {
        let i = view.incident
        let input = IncidentInput(
            kind: i.kind, occurredOn: i.occurredOn, occurredAt: i.occurredAt, description: correction, activityId: i.activityId)
        let id = i.id
        await model.load { try await store.withWorker { w in try w.updateIncident(incidentId: id, input: input) } }
        if model.error == nil { correction = "" }
    }

    /// A closed incident's dated correction, kept beside the original.
    private func correct(_ view: IncidentView) async {
        let (id, reason, text) = (view.incident.id, correctionReason, correction)
        await model.load { try await store.withWorker { w in try w.correctIncident(incidentId: id, reason: reason, text: text) } }
        if model.error == nil {
            correction = ""
            correctionReason = ""
        }
    }

    private func close(_ view: IncidentView) async {
        let (id, result) = (view.incident.id, outcome.isEmpty ? nil : outcome)
        let today = Days.today()
        await model.load { try await store.withWorker { w in try w.closeIncident(incidentId: id, on: today, outcome: result) } }
    }
}

extension RequiredActionState: Identifiable {
    public var id: RequiredAction { action }
}
