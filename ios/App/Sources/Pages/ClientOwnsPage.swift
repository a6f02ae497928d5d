import AlongsideCore
import SwiftUI

/// What the client owns, as the worker reads it: their progress as a picture, their wellness and
/// crisis plan (read only: the client writes it in shared mode), and their copy to share, after a
/// clear warning that it leaves the vault unsealed.
struct ClientOwnsPage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    let clientId: String
    @EnvironmentObject private var store: VaultStore
    @StateObject private var wellness = ScreenModel<WellnessView>()
    @StateObject private var progress = ScreenModel<ProgressChart>()
    @StateObject private var versions = ScreenModel<[WellnessPlan]>()
    @State private var warning = false
    @State private var copy: ClientCopy?

    var body: some View {
        List {
            ErrorBanner(error: wellness.error ?? progress.error) { wellness.error = nil; progress.error = nil }
            Section { Button(words.copyAction) { warning = true } }
            if let chart = progress.data {
                Section(words.clientProgress) {
                    ForEach(chart.goals, id: \.goalId) { (goal: GoalProgress) in
                        VStack(alignment: .leading) {
                            Text(goal.words).font(.headline)
                            GoalProgressChart(chart: chart, goal: goal)
                        }
                    }
                }
            }
            if let view = wellness.data { WellnessPlanView(view: view) }
            // Each save of the wellness plan is a version (`wellnessVersions`).
            if let saved = versions.data, saved.count > 1 {
                Section(words.wellnessVersionsTitle) {
                    ForEach(saved, id: \.id) { (plan: WellnessPlan) in
                        VStack(alignment: .leading) {
                            Text(phrase(lang, .fieldValue(field: String(plan.version), value: plan.saved.formatted(date: .abbreviated, time: .shortened))))
                            ForEach(Array(plan.entries.enumerated()), id: \.offset) { _, entry in Text(entry.text).font(.caption) }
                        }
                    }
                }
            }
        }
        .navigationTitle(words.clientOwns)
        .task {
            let id = clientId
            await wellness.load { try await store.withWorker { w in try w.wellnessView(clientId: id) } }
            await progress.load { try await store.withWorker { w in try w.progressChart(clientId: id) } }
            await versions.load { try await store.withWorker { w in try w.wellnessVersions(clientId: id) } }
        }
        .alert(words.copyWarningTitle, isPresented: $warning) {
            Button(words.copyShareAnyway) { Task { await makeCopy() } }
            Button(words.actionCancel, role: .cancel) {}
        } message: {
            Text(words.copyWarning)
        }
        .sheet(item: $copy) { (c: ClientCopy) in ShareLink(item: c.html) { Text(words.copyShareTitle) } }
    }

    private func makeCopy() async {
        let id = clientId
        let day = Days.today()
        if let html = await wellness.perform({ try await store.withWorker { w in try w.clientCopy(clientId: id, today: day) } }) {
            copy = ClientCopy(html: html)
        }
    }
}

/// The copy's HTML, handed to the share sheet as text: nothing readable is written to the phone.
private struct ClientCopy: Identifiable {
    let html: String
    var id: Int { html.hashValue }
}

/// In shared mode: the client's progress as a picture and their wellness and crisis plan, each
/// section written in their own words.
struct SharedWellnessSection: View {
    @EnvironmentObject private var store: VaultStore
    @StateObject private var wellness = ScreenModel<WellnessView>()
    @StateObject private var progress = ScreenModel<ProgressChart>()
    @State private var editing: WellnessSectionView?
    @State private var text = ""
    let today: Day

    var body: some View {
        Group {
            if let chart = progress.data {
                Section {
                    ForEach(chart.goals, id: \.goalId) { (goal: GoalProgress) in GoalProgressChart(chart: chart, goal: goal) }
                }
            }
            if let view = wellness.data {
                WellnessPlanView(view: view) { section in
                    text = section.text ?? ""
                    editing = section
                }
            }
        }
        .task {
            await wellness.load { try await store.withShared { s in try s.wellness() } }
            await progress.load { try await store.withShared { s in try s.progressChart() } }
        }
        .alert(editing?.heading ?? "", isPresented: Binding(get: { editing != nil }, set: { if !$0 { editing = nil } })) {
            TextField("", text: $text)
            Button(words.actionSave) { Task { await save() } }
            Button(words.actionCancel, role: .cancel) { editing = nil }
        }
    }

    private func save() async {
        guard let section = editing?.section else { return }
        let words = text
        let day = today
        await wellness.load { try await store.withShared { s in try s.writeWellness(section: section, text: words, on: day) } }
        editing = nil
    }
}
