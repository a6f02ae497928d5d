// A support worker's day through the generated Swift bindings, mirroring the Kotlin worker-day test
// (tests/kotlin/src/org/alongside/tests/WorkerDayTest.kt): unlock, a client with a plan, a rated
// goal, a visit tagged with duties, today, a signed note, shared mode, a platform key written in
// Swift, and each core error arriving as its typed AlongsideError case.
//
// Run with `make swift-test` (a Mac, or Linux with swift.org's toolchain). In Swift the core's days
// and times are strings ("2026-11-23", "10:30"); instants are Foundation Dates.

import AlongsideCore
import Foundation
import XCTest
#if canImport(CryptoKit)
import CryptoKit
#endif

private let passphrase = "correct horse battery staple"
/// Test vaults use few key-derivation rounds; phones use the core's default.
private let today: Day = "2026-11-23"

/// The day `offset` days from `today`, as the core writes days.
private func day(_ offset: Int) -> Day {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let base = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23))!
    let date = calendar.date(byAdding: .day, value: offset, to: base)!
    let format = DateFormatter()
    format.calendar = calendar
    format.timeZone = calendar.timeZone
    format.locale = Locale(identifier: "en_US_POSIX")
    format.dateFormat = "yyyy-MM-dd"
    return format.string(from: date)
}

/// The core's error from `body`, or nil if it succeeded. Any other error fails the test.
private func alongsideError<T>(
    _ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line
) -> AlongsideError? {
    do {
        _ = try body()
        return nil
    } catch let error as AlongsideError {
        return error
    } catch {
        XCTFail("not an AlongsideError: \(error)", file: file, line: line)
        return nil
    }
}

/// A test double for the Keychain / Secure Enclave key: AES-256-GCM under an in-memory key where
/// CryptoKit exists (Apple platforms); elsewhere a one-time pad of the same shape.
final class TestPlatformKey: PlatformKey, @unchecked Sendable {
    private let lock = NSLock()
    private var unwrapCount = 0
    var unwraps: Int { lock.lock(); defer { lock.unlock() }; return unwrapCount }

    #if canImport(CryptoKit)
    private let key = SymmetricKey(size: .bits256)
    private let deviceKey = SymmetricKey(size: .bits256)

    /// The device binding: HMAC-SHA256 under a key that stands in for the Secure Enclave's.
    func deviceSecret(input: Data) throws -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: input, using: deviceKey))
    }

    func wrap(secret: Data) throws -> Data {
        try AES.GCM.seal(secret, using: key).combined!
    }

    func unwrap(wrapped: Data) throws -> Data {
        lock.lock(); unwrapCount += 1; lock.unlock()
        return try AES.GCM.open(AES.GCM.SealedBox(combined: wrapped), using: key)
    }
    #else
    private let pad: [UInt8] = (0..<32).map { _ in UInt8.random(in: 0...255) }

    /// The device binding without CryptoKit: a fixed keyed mix of the input (same input, same
    /// answer), enough to stand in for the hardware here.
    func deviceSecret(input: Data) throws -> Data {
        Data((0..<32).map { i in input[input.startIndex + i % input.count] ^ pad[i] })
    }

    func wrap(secret: Data) throws -> Data {
        Data(zip(secret, pad).map { $0 ^ $1 })
    }

    func unwrap(wrapped: Data) throws -> Data {
        lock.lock(); unwrapCount += 1; lock.unlock()
        return Data(zip(wrapped, pad).map { $0 ^ $1 })
    }
    #endif
}

/// A key store that fails: as the user cancelling (a typed error) or as a crash (any error).
final class FailingPlatformKey: PlatformKey, @unchecked Sendable {
    private let failure: Error
    init(_ failure: Error) { self.failure = failure }
    func wrap(secret: Data) throws -> Data { throw failure }
    func unwrap(wrapped: Data) throws -> Data { throw failure }
    func deviceSecret(input: Data) throws -> Data { throw failure }
}

private struct KeystoreGone: Error {}

final class WorkerDayTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("alongside-swift-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var vaultDir: String { folder.appendingPathComponent("vault").path }

    private func newVault() throws -> (Vault, WorkerSession) {
        let vault = try Vault.create(dir: vaultDir, passphrase: passphrase, deviceBinding: nil)
        return (vault, try vault.worker())
    }

    /// Amira, with a plan, one goal in her words and one step.
    private func amira(_ worker: WorkerSession) throws -> (client: Client, goal: Goal, stepId: String) {
        let client = try worker.addClient(input: ClientInput(
            preferredName: "Amira", legalName: nil, pronouns: "she/her", language: "en",
            culturalNotes: nil, contacts: [], consents: []))
        let plan = try worker.createPlan(clientId: client.id, started: today, reviewDue: day(90))
        let goal = try worker.addGoal(clientId: client.id, planId: plan.id, input: GoalInput(
            area: .housing, clientWords: "find a flat near my sister",
            workerStep: "call two letting agents", measure: nil, targetDate: day(60),
            visibleToClient: nil))
        let withStep = try worker.addStep(goalId: goal.id, text: "ring the agent on Green Street")
        return (client, withStep, withStep.steps[0].id)
    }

    func testWorkerDay() throws {
        let (vault, first) = try newVault()
        _ = first

        // Lock; a wrong passphrase; the right one.
        vault.lock()
        XCTAssertTrue(vault.isLocked())
        guard case .WrongPassphrase? = alongsideError({ try vault.unlock(passphrase: "not the passphrase", deviceBinding: nil) }) else {
            return XCTFail("a wrong passphrase is WrongPassphrase")
        }
        let worker = try vault.unlock(passphrase: passphrase, deviceBinding: nil)
        XCTAssertFalse(vault.isLocked())

        // A client; the caseload shows her; instants arrive as Dates.
        let (client, goal, _) = try amira(worker)
        XCTAssertLessThan(abs(client.created.timeIntervalSinceNow), 300)
        let caseload = try worker.caseload(today: today)
        XCTAssertTrue(caseload.unreadable.isEmpty)
        let rows = caseload.rows
        XCTAssertEqual(rows.map(\.preferredName), ["Amira"])
        XCTAssertEqual(rows[0].pronouns, "she/her")

        // The worker rates the goal.
        _ = try worker.rateGoal(goalId: goal.id, input: RatingInput(
            on: today, score: 6, by: .worker, words: "first agent called back"))
        let card = try worker.planScreen(clientId: client.id, today: today).goals[0]
        XCTAssertEqual(card.clientWords, "find a flat near my sister")
        XCTAssertEqual(card.latestWorkerRating?.score, 6)
        XCTAssertNil(card.latestClientRating)

        // The visit form: the core's lists and its duty suggestions for the purpose.
        XCTAssertEqual(duties().map(\.duty), [.educate, .empower, .advocate])
        XCTAssertTrue(activityKinds().contains { $0.kind == .homeVisit && $0.needsPurpose })
        let purpose = "Showed her how to fill in the housing form; she will call the agent herself"
        let suggestions = suggestDuties(text: purpose, language: nil)
        XCTAssertTrue(suggestions.contains { $0.duty == .educate })
        XCTAssertTrue(suggestions.allSatisfy { !$0.reason.isEmpty && !$0.triggers.isEmpty })

        // Log the visit, tagged with two duties and the goal, with two follow-ups.
        let input = ActivityInput(
            kind: .homeVisit, scheduling: .planned, status: nil, day: today, time: "10:30",
            durationMinutes: 60, place: "her flat", purpose: purpose, duties: [.educate, .empower],
            goalIds: [goal.id])
        var activity = try worker.addActivity(clientId: client.id, input: input)
        activity = try worker.addFollowUp(activityId: activity.id, input: FollowUpInput(what: "Text her the form link", due: today))
        activity = try worker.addFollowUp(activityId: activity.id, input: FollowUpInput(what: "Call the housing office", due: day(2)))
        XCTAssertEqual(activity.duties, [.educate, .empower])
        XCTAssertEqual(activity.goalIds, [goal.id])
        XCTAssertEqual(activity.time, "10:30")
        XCTAssertEqual(activity.followUps.count, 2)
        let activityView = try worker.activityView(activityId: activity.id)
        XCTAssertEqual(activityView.clientName, "Amira")
        XCTAssertEqual(activityView.dutyLabels.count, 2)

        // Today: the visit and the follow-up due; tick it off.
        var todayView = try worker.today(day: today)
        XCTAssertEqual(todayView.day, today)
        XCTAssertFalse(todayView.title.isEmpty)
        XCTAssertFalse(todayView.summary.isEmpty)
        let visit = try XCTUnwrap(todayView.visits.first { $0.activityId == activity.id })
        XCTAssertEqual(visit.clientName, "Amira")
        XCTAssertEqual(visit.time, "10:30")
        XCTAssertEqual(todayView.dueFollowUps.map(\.what), ["Text her the form link"])
        let due = todayView.dueFollowUps[0]
        _ = try worker.setFollowUpDone(activityId: due.activityId, followUpId: due.followUpId, doneOn: today)
        _ = try worker.setActivityStatus(activityId: activity.id, status: .done)
        todayView = try worker.today(day: today)
        XCTAssertTrue(todayView.dueFollowUps.isEmpty)
        XCTAssertEqual(todayView.visits.first { $0.activityId == activity.id }?.status, .done)

        // A note with language hints; signed, it takes only addenda.
        let hints = languageHints(text: "Her neighbour called her an addict.", language: nil)
        XCTAssertFalse(hints.isEmpty)
        var note = try worker.addNote(clientId: client.id, activityId: activity.id,
                                      text: "Her neighbour called her an addict. We went through the housing form together.")
        XCTAssertTrue(note.editable)
        XCTAssertEqual(note.note.status, .draft)
        XCTAssertFalse(note.hints.isEmpty)
        note = try worker.signNote(noteId: note.note.id)
        XCTAssertFalse(note.editable)
        guard case .signed = note.note.status else { return XCTFail("signed") }
        guard case .Invalid(let field, let rule, _)? = alongsideError({ try worker.editNote(noteId: note.note.id, text: "rewritten") }) else {
            return XCTFail("a signed note cannot be edited")
        }
        XCTAssertEqual(field, "note_id")
        guard case .notAllowed = rule else { return XCTFail("rule: \(rule)") }
        note = try worker.addAddendum(noteId: note.note.id, reason: "date was wrong", text: "The visit was on Monday.")
        XCTAssertEqual(note.addenda.map(\.text), ["The visit was on Monday."])

        // The timeline, in pages that join up.
        let all = try worker.timeline(clientId: client.id, offset: 0, limit: 200).items
        let kinds = Set(all.map(\.kind))
        XCTAssertTrue(kinds.isSuperset(of: [.activity, .note, .rating]), "\(kinds)")
        var paged: [TimelineItem] = []
        while true {
            let page = try worker.timeline(clientId: client.id, offset: UInt32(paged.count), limit: 2).items
            paged += page
            if page.count < 2 { break }
        }
        XCTAssertEqual(paged, all)
    }

    func testSharedMode() throws {
        let (vault, worker) = try newVault()
        let (client, goal, stepId) = try amira(worker)
        _ = try worker.rateGoal(goalId: goal.id, input: RatingInput(on: today, score: 6, by: .worker, words: nil))

        let shared = try worker.openShared(clientId: client.id, idleSeconds: nil)
        // Every worker handle is dead while the client holds the phone.
        guard case .Locked? = alongsideError({ try worker.clients() }) else { return XCTFail("worker handle is Locked") }
        guard case .Locked? = alongsideError({ try vault.worker() }) else { return XCTFail("no new worker handle") }

        var screen = try shared.screen(today: today)
        XCTAssertEqual(screen.preferredName, "Amira")
        XCTAssertTrue(screen.greeting.contains("Amira"))
        XCTAssertEqual(screen.goals.map(\.words), ["find a flat near my sister"])
        try shared.rate(goalId: goal.id, on: today, score: 7, words: "I feel closer")
        try shared.addEntry(kind: .whatHelpsMe, text: "Walking with my sister", goalId: nil, on: today)
        try shared.markStepDone(goalId: goal.id, stepId: stepId, on: today)
        screen = try shared.screen(today: today)
        XCTAssertEqual(screen.goals[0].myRatings.map(\.score), [7])
        XCTAssertEqual(screen.goals[0].workerRatings.count, 1)
        XCTAssertFalse(screen.goals[0].myRatings[0].said.isEmpty)
        XCTAssertTrue(screen.myEntries.contains("Walking with my sister"))
        XCTAssertTrue(screen.goals[0].steps[0].done)
        guard case .Invalid(let field, _, _)? = alongsideError({ try shared.rate(goalId: goal.id, on: today, score: 0, words: nil) }) else {
            return XCTFail("a score of 0 is refused")
        }
        XCTAssertEqual(field, "score")

        // A wrong passphrase keeps shared mode; the right one hands the phone back.
        guard case .WrongPassphrase? = alongsideError({ try shared.leave(passphrase: "not the passphrase") }) else {
            return XCTFail("wrong passphrase")
        }
        XCTAssertNoThrow(try shared.screen(today: today))
        let back = try shared.leave(passphrase: passphrase)
        guard case .Locked? = alongsideError({ try shared.screen(today: today) }) else { return XCTFail("shared handle ends") }
        guard case .Locked? = alongsideError({ try worker.clients() }) else { return XCTFail("old worker handle stays dead") }

        let card = try back.planScreen(clientId: client.id, today: today).goals[0]
        XCTAssertEqual(card.latestClientRating?.score, 7)
        XCTAssertEqual(card.latestWorkerRating?.score, 6)
        XCTAssertEqual(card.stepsToConfirm, 1)
        _ = try back.confirmStep(goalId: goal.id, stepId: stepId)
        XCTAssertEqual(try back.planScreen(clientId: client.id, today: today).goals[0].stepsToConfirm, 0)
        XCTAssertEqual(try back.clientEntries(clientId: client.id).map(\.text), ["Walking with my sister"])

        // Left idle, shared mode locks the whole vault.
        let idle = try back.openShared(clientId: client.id, idleSeconds: 1)
        Thread.sleep(forTimeInterval: 1.3)
        guard case .Locked? = alongsideError({ try idle.screen(today: today) }) else { return XCTFail("idle locks") }
        XCTAssertTrue(vault.isLocked())
    }

    func testTypedErrors() throws {
        guard case .Invalid(let field, let rule, let summary)? = alongsideError({
            try Vault.create(dir: self.vaultDir, passphrase: "short", deviceBinding: nil)
        }) else { return XCTFail("a short passphrase is Invalid") }
        XCTAssertEqual(field, "passphrase")
        XCTAssertEqual(rule, .tooShort(min: 8))
        XCTAssertFalse(summary.isEmpty)

        let (vault, worker) = try newVault()
        guard case .AlreadyExists? = alongsideError({
            try Vault.create(dir: self.vaultDir, passphrase: passphrase, deviceBinding: nil)
        }) else { return XCTFail("AlreadyExists") }

        guard case .Invalid(let nameField, .required, _)? = alongsideError({
            try worker.addClient(input: ClientInput(preferredName: "   ", legalName: nil, pronouns: nil,
                                                    language: nil, culturalNotes: nil, contacts: [], consents: []))
        }) else { return XCTFail("a blank name is Invalid(required)") }
        XCTAssertEqual(nameField, "preferred_name")

        guard case .NotFound(let kind, _)? = alongsideError({ try worker.client(clientId: UUID().uuidString.lowercased()) }) else {
            return XCTFail("NotFound")
        }
        XCTAssertEqual(kind, "client")

        guard case .Invalid(let idField, .format, _)? = alongsideError({ try worker.client(clientId: "not-an-id") }) else {
            return XCTFail("an id that is not an id")
        }
        XCTAssertEqual(idField, "client_id")

        // Days are strings in Swift: a malformed one is the calling function's typed error.
        guard case .Invalid(let dayField, .format, _)? = alongsideError({ try worker.today(day: "23/11/2026") }) else {
            return XCTFail("a malformed day")
        }
        XCTAssertEqual(dayField, "date")

        let (client, goal, _) = try amira(worker)
        guard case .Invalid(let scoreField, .outOfRange, _)? = alongsideError({
            try worker.rateGoal(goalId: goal.id, input: RatingInput(on: today, score: 11, by: .worker, words: nil))
        }) else { return XCTFail("11 out of 10") }
        XCTAssertEqual(scoreField, "score")

        guard case .Invalid(let dutiesField, .required, _)? = alongsideError({
            try worker.addActivity(clientId: client.id, input: ActivityInput(
                kind: .phoneOrVideo, scheduling: .planned, status: nil, day: today, time: nil,
                durationMinutes: nil, place: nil, purpose: nil, duties: [], goalIds: []))
        }) else { return XCTFail("an activity needs a duty") }
        XCTAssertEqual(dutiesField, "duties")

        vault.lock()
        guard case .Locked? = alongsideError({ try worker.clients() }) else { return XCTFail("Locked") }
        let again = try vault.unlock(passphrase: passphrase, deviceBinding: nil)
        guard case .Locked? = alongsideError({ try worker.clients() }) else { return XCTFail("a handle from before the lock stays dead") }
        XCTAssertEqual(try again.clients().clients.count, 1)

        // Wrong attempts are throttled, and the wait is in the error.
        vault.lock()
        var waited: UInt32?
        for attempt in 1...5 {
            if case .TooManyAttempts(let seconds)? = alongsideError({ try vault.unlock(passphrase: "wrong \(attempt)", deviceBinding: nil) }) {
                waited = seconds
                break
            }
        }
        XCTAssertNotNil(waited)
    }

    func testPlatformKey() throws {
        let (vault, worker) = try newVault()
        let key = TestPlatformKey()
        XCTAssertFalse(try vault.hasPlatformKey())
        guard case .WrongPassphrase? = alongsideError({ try worker.enablePlatformKey(passphrase: "not the passphrase", key: key) }) else {
            return XCTFail("enrolling asks for the passphrase")
        }
        try worker.enablePlatformKey(passphrase: passphrase, key: key)
        XCTAssertTrue(try vault.hasPlatformKey())

        vault.lock()
        let unlocked = try vault.unlockWithPlatformKey(key: key)
        XCTAssertEqual(key.unwraps, 1)
        XCTAssertEqual(try unlocked.clients().clients.count, 0)

        // A Swift error inside the key store arrives as the typed PlatformKey error, without its text.
        vault.lock()
        guard case .PlatformKey(let reason)? = alongsideError({ try vault.unlockWithPlatformKey(key: FailingPlatformKey(KeystoreGone())) }) else {
            return XCTFail("an unexpected error in the key is PlatformKey")
        }
        XCTAssertFalse(reason.isEmpty)

        // The user cancelling, thrown as the core's own error, keeps its reason.
        guard case .PlatformKey(let cancelled)? = alongsideError({
            try vault.unlockWithPlatformKey(key: FailingPlatformKey(AlongsideError.PlatformKey(reason: "cancelled by the user")))
        }) else { return XCTFail("cancelled") }
        XCTAssertEqual(cancelled, "cancelled by the user")

        // Another phone's key does not open this vault.
        guard case .PlatformKey? = alongsideError({ try vault.unlockWithPlatformKey(key: TestPlatformKey()) }) else {
            return XCTFail("another key")
        }
        XCTAssertTrue(vault.isLocked())

        // Leave shared mode with the key; then disable it.
        let again = try vault.unlock(passphrase: passphrase, deviceBinding: nil)
        let (client, _, _) = try amira(again)
        let shared = try again.openShared(clientId: client.id, idleSeconds: nil)
        let back = try shared.leaveWithPlatformKey(key: key)
        try back.disablePlatformKey()
        XCTAssertFalse(try vault.hasPlatformKey())
    }
}
