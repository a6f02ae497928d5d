import AlongsideCore
import SwiftUI

/// Shared mode: the client holds the phone and sees their own plan in their own words. This
/// screen reaches the core only through the shared session, which has no call for anything else.
/// Guided Access keeps the phone on it (requested where the phone allows, advised where not);
/// the phone goes back to the worker only with the worker's passphrase or Face ID / Touch ID.
struct SharedModePage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let clientId: String
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<SharedScreen>()
    @State private var rating: SharedGoal?
    @State private var writingAbout: WordsTarget?
    @State private var handingBack = false
    @State private var boundary: BoundaryCard?
    @State private var showingBoundary = false
    @State private var guided = GuidedAccess.isActive
    private let today = Days.today()

    var body: some View {
        NavigationStack {
            List {
                ErrorBanner(error: model.error) { model.error = nil }
                if !guided {
                    Section {
                        Text(words.iosGuidedAccess)
                            .font(.footnote)
                    }
                }
                if let screen = model.data {
                    Section {
                        Text(screen.greeting).font(.title).accessibilityAddTraits(.isHeader)
                    }
                    ForEach(screen.goals, id: \.goalId) { (goal: SharedGoal) in
                        Section {
                            SharedGoalView(goal: goal, words: screen.words) { stepId in
                                Task { await change { s in try s.markStepDone(goalId: goal.goalId, stepId: stepId, on: today) } }
                            }
                            Button(screen.words.rate) { rating = goal }
                            Button(screen.words.addWords) { writingAbout = WordsTarget(goalId: goal.goalId, title: goal.words) }
                        }
                    }
                    Section {
                        ForEach(screen.myEntries, id: \.self) { Text($0) }
                        Button(screen.words.addWords) { writingAbout = WordsTarget(goalId: nil, title: nil) }
                    }
                    SharedWellnessSection(today: today)
                    Section(screen.nextVisitsLabel) {
                        ForEach(screen.upcomingVisits, id: \.self) { (visit: SharedVisit) in
                            Text([Days.display(visit.on), visit.time.map { Days.display(clockTime: $0) } ?? ""].joined(separator: " "))
                        }
                    }
                }
                if let card = boundary {
                    Section {
                        Button(card.title) { showingBoundary = true }
                    }
                }
                Section {
                    Button(model.data?.words.giveBack ?? words.sharedGiveBack) { handingBack = true }
                }
            }
            .environment(\.locale, Locale(identifier: model.data?.language ?? Locale.current.identifier))
        }
        .task {
            await reload()
            GuidedAccess.begin { on in guided = on }
        }
        .onDisappear { GuidedAccess.end() }
        .sheet(item: $rating) { (goal: SharedGoal) in
            RateSheet(title: goal.words, scale: model.data?.ratingScale ?? ratingScale(language: lang)) { score, words in
                Task { await change { s in try s.rate(goalId: goal.goalId, on: today, score: score, words: words) } }
            }
        }
        .sheet(item: $writingAbout) { (target: WordsTarget) in
            OwnWordsSheet(title: target.title, kinds: model.data?.entryKinds ?? []) { kind, text in
                Task { await change { s in try s.addEntry(kind: kind, text: text, goalId: target.goalId, on: today) } }
            }
        }
        .sheet(isPresented: $handingBack) { HandBackSheet() }
        .sheet(isPresented: $showingBoundary) {
            if let card = boundary { BoundaryCardSheet(card: card) }
        }
        // Everything here, sheets and errors too, in the client's language and its direction.
        .worded(in: model.data?.lang ?? store.language)
    }

    private func reload() async {
        let day = today
        await model.load { try await store.withShared { s in try s.screen(today: day) } }
        boundary = await model.perform { try await store.withShared { s in try s.boundaryCard() } }
    }

    private func change(_ body: @escaping @Sendable (SharedSession) throws -> Void) async {
        if await model.perform({ try await store.withShared(body) }) != nil { await reload() }
    }
}

extension SharedGoal: Identifiable {
    public var id: String { goalId }
}

/// What the client is writing about: one goal, or in general.
private struct WordsTarget: Identifiable {
    let goalId: String?
    let title: String?
    var id: String { goalId ?? "" }
}

private struct SharedGoalView: View {
    let goal: SharedGoal
    /// The client's screen's words, in the client's language.
    let words: SharedWords
    let stepDone: (String) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Text(goal.area).font(.caption).foregroundStyle(.secondary)
            Text(goal.words).font(.title3)
            Text([goal.status, goal.targetDate.map { Days.display($0) } ?? ""].filter { !$0.isEmpty }.joined(separator: " · "))
            ForEach(goal.steps, id: \.stepId) { (step: SharedStep) in
                HStack {
                    VStack(alignment: .leading) {
                        Text(step.text)
                        if let note = step.note { Text(note).font(.caption) }
                    }
                    .accessibilityElement(children: .combine)
                    Spacer()
                    if !step.done { Button(words.stepDone) { stepDone(step.stepId) }.buttonStyle(.bordered) }
                }
            }
            if !goal.myRatings.isEmpty { Text(words.myRatings).font(.caption).foregroundStyle(.secondary) }
            ForEach(Array(goal.myRatings.enumerated()), id: \.offset) { _, rating in RatingLine(rating: rating) }
            if !goal.workerRatings.isEmpty { Text(words.workerRatings).font(.caption).foregroundStyle(.secondary) }
            ForEach(Array(goal.workerRatings.enumerated()), id: \.offset) { _, rating in RatingLine(rating: rating) }
            ForEach(goal.myEntries, id: \.self) { Text($0).font(.subheadline) }
        }
    }
}

private struct RatingLine: View {
    let rating: SharedRating

    var body: some View {
        VStack(alignment: .leading) {
            Text(rating.said)
            Text(rating.band).font(.caption)
            if let words = rating.words { Text(words).font(.caption) }
        }
        .accessibilityElement(children: .combine)
    }
}

/// The client writes in their own words: what helps them, or a reflection.
private struct OwnWordsSheet: View {
    @Environment(\.words) private var words
    let title: String?
    /// The core's `SharedScreen.entryKinds`, in the client's language.
    let kinds: [Choice]
    let save: (EntryKind, String) -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var kind = EntryKind.whatHelpsMe
    @State private var text = ""

    var body: some View {
        NavigationStack {
            Form {
                Picker(words.visitKind, selection: $kind) {
                    ForEach(kinds, id: \.value) { (choice: Choice) in
                        Text(choice.label).tag(EntryKind(choiceValue: choice.value) ?? .whatHelpsMe)
                    }
                }
                .pickerStyle(.segmented)
                TextField(words.fieldMyWords, text: $text, axis: .vertical).lineLimit(3...)
            }
            .navigationTitle(title ?? words.sharedAddWords)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { dismiss() } }
                ToolbarItem(placement: .confirmationAction) {
                    Button(words.actionSave) {
                        save(kind, text)
                        dismiss()
                    }
                    .disabled(text.isEmpty)
                }
            }
        }
    }
}

/// The worker takes the phone back: passphrase (wrong ones keep shared mode and are throttled by
/// the core) or Face ID / Touch ID. When it works the status changes and the sheet goes with it.
private struct HandBackSheet: View {
    @Environment(\.words) private var words
    @EnvironmentObject private var store: VaultStore
    @Environment(\.dismiss) private var dismiss
    @StateObject private var model = ScreenModel<Void>()
    @State private var passphrase = ""
    @State private var biometrics = false

    var body: some View {
        NavigationStack {
            Form {
                ErrorBanner(error: model.error) { model.error = nil }
                SecureField(words.fieldWorkerPassphrase, text: $passphrase)
                    .textContentType(.password)
                    .onSubmit(leave)
                Button(words.actionTakeBack, action: leave).disabled(passphrase.isEmpty || model.busy)
                if biometrics {
                    Button {
                        Task { await model.perform { try await store.leaveSharedWithBiometrics() } }
                    } label: {
                        Label(words.iosActionUnlockBiometrics, systemImage: "faceid")
                    }
                }
            }
            .navigationTitle(words.handBackTitle)
            .toolbar { ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { dismiss() } } }
            .task { biometrics = await store.hasPlatformKey() && KeychainPlatformKey.biometricsAvailable }
        }
    }

    private func leave() {
        guard !passphrase.isEmpty else { return }
        let typed = passphrase
        passphrase = ""
        Task { await model.perform { try await store.leaveShared(passphrase: typed) } }
    }
}
