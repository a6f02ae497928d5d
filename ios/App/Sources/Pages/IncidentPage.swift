import AlongsideCore
import SwiftUI

/// An incident: reported with its kind (the core says which actions each kind requires and what
/// not to do), then open until every required action is recorded. "Close" follows the core's
/// canClose.
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
    @State private var doneBy = ""
    @State private var doneOn = Date()
    @State private var details = ""
    @State private var outcome = ""

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
            Text("\(view.clientName), \(Days.display(view.incident.occurredOn)), \(view.statusLabel)")
            Text(view.incident.description)
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
        await model.load { try await store.withWorker { w in try w.recordIncidentAction(incidentId: id, input: input) } }
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
