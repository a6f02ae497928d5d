import AlongsideCore
import SwiftUI

/// A goal added, or `editing` one corrected: the life area (the core's `lifeAreaChoices`), the goal
/// in the client's words, the worker's step, how progress shows, and whether the client sees it
/// in shared mode. The core checks it when it is saved; `save` gets the input.
struct GoalSheet: View {
    let editing: GoalCard?
    let save: (GoalInput) -> Void
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    @Environment(\.dismiss) private var dismiss
    @State private var area: LifeArea = .housing
    @State private var clientWords = ""
    @State private var workerStep = ""
    @State private var measure = ""
    @State private var visible = true

    var body: some View {
        NavigationStack {
            Form {
                Picker(words.assessmentsTitle, selection: $area) {
                    ForEach(lifeAreaChoices(language: lang), id: \.value) { (choice: Choice) in
                        Text(choice.label).tag(LifeArea(choiceValue: choice.value) ?? .housing)
                    }
                }
                TextField(words.fieldClientWords, text: $clientWords, axis: .vertical)
                TextField(words.fieldWorkerStep, text: $workerStep)
                TextField(words.fieldMeasure, text: $measure)
                Toggle(words.fieldVisibleToClient, isOn: $visible)
            }
            .navigationTitle(editing == nil ? words.actionAddGoal : words.actionEditGoal)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { dismiss() } }
                ToolbarItem(placement: .confirmationAction) {
                    Button(words.actionSave) {
                        save(GoalInput(
                            area: area, clientWords: clientWords,
                            workerStep: workerStep.isEmpty ? nil : workerStep,
                            measure: measure.isEmpty ? nil : measure,
                            targetDate: editing?.targetDate, visibleToClient: visible))
                        dismiss()
                    }
                }
            }
            .onAppear {
                guard let card = editing else { return }
                area = card.area
                clientWords = card.clientWords
                workerStep = card.workerStep ?? ""
                measure = card.measure ?? ""
                visible = card.visibleToClient
            }
        }
    }
}
