import AlongsideCore
import Combine
import Foundation

/// A client's assessments and the form for a new one, as AssessmentState is on Android: one
/// entry per life area, each with needs, strengths, risks and the client's own words. Whether it
/// is complete is the core's call when it is saved.
@MainActor
final class AssessmentModel: ObservableObject {
    let clientId: String
    let screen = ScreenModel<[Assessment]>()
    @Published var form: AssessmentInput?
    /// The saved assessment the form corrects, when it holds one.
    @Published var editingId: String?

    init(clientId: String) {
        self.clientId = clientId
        // The page observes this model: pass on every change of its screen's state.
        screen.forwardChanges(to: self)
    }

    func load(store: VaultStore) async {
        let id = clientId
        await screen.load { try await store.withWorker { w in try w.assessments(clientId: id) } }
    }

    func start(on: Day) {
        form = AssessmentInput(on: on, areas: [], clientWords: nil)
        editingId = nil
    }

    /// Correct a saved assessment: the form opens with what it holds; `submit` saves the change.
    func startEditing(_ assessment: Assessment) {
        form = AssessmentInput(on: assessment.on, areas: assessment.areas, clientWords: assessment.clientWords)
        editingId = assessment.id
    }

    /// Look at a life area, or change what was written about it.
    func setArea(_ area: AreaAssessment) {
        guard var f = form else { return }
        f.areas = f.areas.filter { $0.area != area.area } + [area]
        form = f
    }

    func addRisk(area: LifeArea, risk: Risk) {
        guard var f = form else { return }
        f.areas = f.areas.map { a in
            guard a.area == area else { return a }
            var changed = a
            changed.risks.append(risk)
            return changed
        }
        form = f
    }

    /// Save it; on an error the form stays as written and the error names the field.
    func submit(store: VaultStore) async -> Bool {
        guard let input = form else { return false }
        let id = clientId
        let editing = editingId
        guard await screen.perform({
            try await store.withWorker { w in
                if let editing {
                    _ = try w.updateAssessment(assessmentId: editing, input: input)
                } else {
                    _ = try w.addAssessment(clientId: id, input: input)
                }
            }
        }) != nil
        else { return false }
        form = nil
        editingId = nil
        await load(store: store)
        return true
    }
}
