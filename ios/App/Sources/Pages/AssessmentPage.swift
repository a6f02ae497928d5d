import AlongsideCore
import SwiftUI

/// A client's assessments and the form for one, over AssessmentModel: one entry per life area
/// (the core's `lifeAreaChoices`), each with strengths, needs and risks (with the core's
/// `riskLevelChoices`). A saved assessment opens to be corrected (`updateAssessment`), its earlier
/// revisions shown under the form.
struct AssessmentPage: View {
    let clientId: String
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model: AssessmentModel
    @State private var area: LifeArea = .housing
    @State private var strengths = ""
    @State private var needs = ""
    @State private var risk = ""
    @State private var level: RiskLevel = .medium
    private let today = Days.today()

    init(clientId: String) {
        self.clientId = clientId
        _model = StateObject(wrappedValue: AssessmentModel(clientId: clientId))
    }

    var body: some View {
        Form {
            ErrorBanner(error: model.screen.error) { model.screen.error = nil }
            if let form = model.form {
                Section {
                    Picker(words.assessmentsTitle, selection: $area) {
                        ForEach(lifeAreaChoices(language: lang), id: \.value) { (choice: Choice) in
                            Text(choice.label).tag(LifeArea(choiceValue: choice.value) ?? .housing)
                        }
                    }
                    TextField(words.fieldStrengths, text: $strengths, axis: .vertical)
                    TextField(words.fieldNeeds, text: $needs, axis: .vertical)
                    Button(words.actionSaveArea) {
                        model.setArea(AreaAssessment(
                            area: area, needs: needs.isEmpty ? nil : needs, strengths: strengths.isEmpty ? nil : strengths,
                            risks: form.areas.first { $0.area == area }?.risks ?? [], clientWords: nil))
                        strengths = ""
                        needs = ""
                    }
                }
                Section {
                    TextField(words.fieldRisk, text: $risk)
                    Picker(words.fieldRisk, selection: $level) {
                        ForEach(riskLevelChoices(language: lang), id: \.value) { (choice: Choice) in
                            Text(choice.label).tag(RiskLevel(choiceValue: choice.value) ?? .medium)
                        }
                    }
                    .pickerStyle(.segmented)
                    Button(words.actionAddRisk) {
                        model.addRisk(area: area, risk: Risk(description: risk, level: level))
                        risk = ""
                    }
                    .disabled(risk.isEmpty)
                }
                Section {
                    ForEach(form.areas, id: \.area) { (a: AreaAssessment) in
                        VStack(alignment: .leading) {
                            Text(label(a.area))
                            ForEach([a.strengths, a.needs].compactMap { $0 } + a.risks.map(\.description), id: \.self) {
                                Text($0).font(.subheadline)
                            }
                        }
                    }
                    if let message = ErrorText.field(model.screen.error, "areas") { Text(message).foregroundStyle(.red) }
                    Button(words.actionSave) { Task { _ = await model.submit(store: store) } }
                    if let editing = model.editingId { RecordHistoryView(recordId: editing) }
                }
            } else {
                Button(words.actionNewAssessment) { model.start(on: today) }
            }
            Section(words.assessmentsTitle) {
                ForEach(model.screen.data ?? [], id: \.id) { (a: Assessment) in
                    Button {
                        model.startEditing(a)
                    } label: {
                        VStack(alignment: .leading) {
                            Text(Days.display(a.on))
                            Text(a.areas.map { label($0.area) }.joined(separator: ", ")).font(.subheadline)
                        }
                    }
                    .accessibilityHint(Text(words.actionEdit))
                }
            }
        }
        .navigationTitle(words.assessmentsTitle)
        .task { await model.load(store: store) }
    }

    /// A life area as the worker reads it, from the core's options.
    private func label(_ area: LifeArea) -> String {
        lifeAreaChoices(language: lang).first { LifeArea(choiceValue: $0.value) == area }?.label ?? ""
    }
}
