import AlongsideCore
import Combine
import Foundation

/// The corner's forms as plain values, as CornerForms.kt is on Android: what has been typed so
/// far, made from a stored record to edit it, and turned into the core's input to save. The core
/// checks every field and words any refusal.
private func orNil(_ s: String) -> String? {
    let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
    return t.isEmpty ? nil : t
}

struct DebriefFormValues {
    var editing: String?
    var day: Day
    var occasion = DebriefOccasion.endOfDay
    /// 1 to 10, from the core's `scoreScale`; nil until chosen.
    var score: Int32?
    var words = ""
    var whatHelped = ""
    var forMyself = ""
    var tookBreak: Bool?
    var shareWithSupervisor = false

    var canSave: Bool { score != nil }

    func toInput() -> DebriefInput? {
        guard let score else { return nil }
        return DebriefInput(
            day: day, occasion: occasion, score: score, words: orNil(words), whatHelped: orNil(whatHelped),
            forMyself: orNil(forMyself), tookBreak: tookBreak, shareWithSupervisor: shareWithSupervisor)
    }

    static func of(_ d: Debrief) -> DebriefFormValues {
        DebriefFormValues(
            editing: d.id, day: d.day, occasion: d.occasion, score: Int32(d.score), words: d.words ?? "",
            whatHelped: d.whatHelped ?? "", forMyself: d.forMyself ?? "", tookBreak: d.tookBreak,
            shareWithSupervisor: d.shareWithSupervisor)
    }
}

struct ActionDraft {
    var what = ""
    var due: Day?
}

struct SupervisionFormValues {
    var editing: String?
    var day: Day
    var withWhom = ""
    var topics: [String] = []
    var held = false
    var notes = ""
    /// Actions agreed before: kept as they are, ticked on the corner.
    var agreed: [SupervisionAction] = []
    /// Actions added on save.
    var newActions: [ActionDraft] = []

    func toInput() -> SupervisionInput {
        SupervisionInput(
            day: day, withWhom: withWhom,
            topics: topics.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
            held: held, notes: orNil(notes),
            actions: newActions.filter { !$0.what.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { SupervisionActionInput(what: $0.what, due: $0.due) })
    }

    static func of(_ s: SupervisionSession) -> SupervisionFormValues {
        SupervisionFormValues(
            editing: s.id, day: s.day, withWhom: s.withWhom, topics: s.topics, held: s.held,
            notes: s.notes ?? "", agreed: s.actions)
    }
}

struct CertificationFormValues {
    var editing: String?
    var name = ""
    var expires: Day?
    var notes = ""

    func toInput() -> CertificationInput {
        CertificationInput(name: name, expires: expires, notes: orNil(notes))
    }

    static func of(_ c: Certification) -> CertificationFormValues {
        CertificationFormValues(editing: c.id, name: c.name, expires: c.expires, notes: c.notes ?? "")
    }
}

struct CornerSettingsFormValues {
    var hoursSet = false
    /// 1 (Monday) to 7 (Sunday).
    var days: Set<UInt32> = [1, 2, 3, 4, 5]
    var start: ClockTime = "09:00"
    var end: ClockTime = "17:00"
    var thresholds = HeavyWeekThresholds()
    var noticeDays: UInt32 = 60

    func toSettings() -> CornerSettings {
        CornerSettings(
            workingHours: hoursSet ? WorkingHours(days: days.sorted(), start: start, end: end) : nil,
            heavyWeek: thresholds, certificationNoticeDays: noticeDays)
    }

    static func of(_ s: CornerSettings) -> CornerSettingsFormValues {
        var form = CornerSettingsFormValues(thresholds: s.heavyWeek, noticeDays: s.certificationNoticeDays)
        if let h = s.workingHours {
            form.hoursSet = true
            form.days = Set(h.days)
            form.start = h.start
            form.end = h.end
        }
        return form
    }
}

/// "My corner" and its writes, as CornerState is on Android: every write shows the corner again,
/// so the page never words or sorts anything itself.
@MainActor
final class CornerModel: ObservableObject {
    let screen = ScreenModel<CornerScreen>()
    @Published private(set) var sessions: [SupervisionSession] = []
    @Published private(set) var settings: CornerSettings?
    private var day: Day = Days.today()
    private var now: ClockTime?

    init() {
        screen.forwardChanges(to: self)
    }

    /// The corner on `day`, in the worker's language; `now` says whether they are off duty.
    func load(store: VaultStore, day: Day, now: ClockTime?) async {
        self.day = day
        self.now = now
        let loaded = await screen.perform {
            try await store.withWorker { w in
                (try w.supervisionSessions(), try w.cornerSettings(), try w.corner(day: day, now: now, lang: try w.language()))
            }
        }
        guard let loaded else { return }
        sessions = loaded.0
        settings = loaded.1
        screen.data = loaded.2
    }

    func newDebrief() -> DebriefFormValues { DebriefFormValues(day: day) }

    func newSupervision() -> SupervisionFormValues { SupervisionFormValues(day: day) }

    func settingsForm() -> CornerSettingsFormValues {
        settings.map(CornerSettingsFormValues.of) ?? CornerSettingsFormValues()
    }

    func saveDebrief(store: VaultStore, form: DebriefFormValues) async -> Bool {
        guard let input = form.toInput() else { return false }
        let id = form.editing
        return await change(store) { w in
            if let id { _ = try w.updateDebrief(debriefId: id, input: input) } else { _ = try w.addDebrief(input: input) }
        }
    }

    func saveSupervision(store: VaultStore, form: SupervisionFormValues) async -> Bool {
        let input = form.toInput()
        let id = form.editing
        return await change(store) { w in
            if let id {
                _ = try w.updateSupervision(sessionId: id, input: input)
            } else {
                _ = try w.addSupervision(input: input)
            }
        }
    }

    func saveCertification(store: VaultStore, form: CertificationFormValues) async -> Bool {
        let input = form.toInput()
        let id = form.editing
        return await change(store) { w in
            if let id {
                _ = try w.updateCertification(certificationId: id, input: input)
            } else {
                _ = try w.addCertification(input: input)
            }
        }
    }

    func deleteCertification(store: VaultStore, id: String) async -> Bool {
        await change(store) { w in try w.deleteCertification(certificationId: id) }
    }

    func saveSettings(store: VaultStore, form: CornerSettingsFormValues) async -> Bool {
        let settings = form.toSettings()
        return await change(store) { w in _ = try w.setCornerSettings(settings: settings) }
    }

    func actionDone(store: VaultStore, sessionId: String, actionId: String) async -> Bool {
        let day = self.day
        return await change(store) { w in
            _ = try w.setSupervisionActionDone(sessionId: sessionId, actionId: actionId, doneOn: day)
        }
    }

    func dismissHeavyWeek(store: VaultStore) async -> Bool {
        let day = self.day
        return await change(store) { w in try w.dismissHeavyWeek(day: day) }
    }

    /// Ask the team's supervisors for a supervision session, with the topics if written; it
    /// reaches them at the next sync. Needs a team.
    func askForSupervision(store: VaultStore, topics: String) async -> Bool {
        let text = orNil(topics.trimmingCharacters(in: .whitespacesAndNewlines))
        return await screen.perform({ try await store.withWorker { w in try w.supervisionRequest(topics: text) } }) != nil
    }

    /// Share one debrief with the supervisors: a copy of its day, score and words; the entry stays
    /// private on this phone otherwise. Needs a team.
    func shareDebrief(store: VaultStore, debriefId: String) async -> Bool {
        await screen.perform({ try await store.withWorker { w in try w.debriefShare(debriefId: debriefId) } }) != nil
    }

    private func change(_ store: VaultStore, _ body: @escaping @Sendable (WorkerSession) throws -> Void) async -> Bool {
        guard await screen.perform({ try await store.withWorker(body) }) != nil else { return false }
        await load(store: store, day: day, now: now)
        return true
    }
}
