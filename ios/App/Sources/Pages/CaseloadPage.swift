import AlongsideCore
import SwiftUI

/// The caseload in the core's order, each with what is next due; adding a client.
struct CaseloadPage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
    @EnvironmentObject private var store: VaultStore
    @StateObject private var model = ScreenModel<CaseloadView>()
    @State private var adding = false
    private let today = Days.today()

    var body: some View {
        List {
            ErrorBanner(error: model.error) { model.error = nil }
            ForEach(model.data?.rows ?? [], id: \.clientId) { (row: CaseloadRow) in
                NavigationLink(value: Route.client(row.clientId)) {
                    RowText(
                        title: row.pronouns.map { "\(row.preferredName) (\($0))" } ?? row.preferredName,
                        lines: [row.statusLabel, phrase(lang, .activeGoals(count: UInt32(row.activeGoals))), row.nextDue?.label ?? ""])
                }
            }
            // Records that could not be opened, in the core's words, after everything that did.
            ForEach(model.data?.unreadable ?? [], id: \.id) { (record: UnreadableRecord) in
                RowText(title: record.kindLabel, lines: [record.summary])
            }
        }
        .navigationTitle(words.tabCaseload)
        .toolbar {
            ToolbarItem(placement: .primaryAction) {
                Button { adding = true } label: { Label(words.actionAddClient, systemImage: "person.badge.plus") }
            }
            ToolbarItem(placement: .secondaryAction) { LockButton() }
        }
        .sheet(isPresented: $adding) {
            AddClientSheet { input in
                let added = await model.perform { try await store.withWorker { w in try w.addClient(input: input) } }
                if added != nil { await reload() }
                return model.error
            }
        }
        .task { await reload() }
        .refreshable { await reload() }
    }

    private func reload() async {
        let day = today
        await model.load { try await store.withWorker { w in try w.caseload(today: day) } }
    }
}

/// A new client: the name they go by, pronouns, and the language they read (shared mode speaks to
/// them in it). Empty boxes are "not given"; the core checks the rest and names the field.
private struct AddClientSheet: View {
    @Environment(\.words) private var words
    let add: (ClientInput) async -> Error?
    @Environment(\.dismiss) private var dismiss
    @State private var name = ""
    @State private var pronouns = ""
    @State private var language = ""
    @State private var error: Error?

    var body: some View {
        NavigationStack {
            Form {
                ErrorBanner(error: error) { error = nil }
                TextField(words.fieldPreferredName, text: $name)
                TextField(words.fieldPronouns, text: $pronouns)
                TextField(words.fieldLanguage, text: $language, prompt: Text(words.fieldLanguageHint))
                // The languages the core's words ship in, one tap each; any other tag may be typed.
                Picker(words.fieldLanguageOptions, selection: $language) {
                    ForEach(clientLanguages(), id: \.self) { (tag: String) in Text(tag).tag(tag) }
                }
                    .textInputAutocapitalization(.never)
            }
            .navigationTitle(words.actionAddClient)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { dismiss() } }
                ToolbarItem(placement: .confirmationAction) {
                    Button(words.actionAdd) {
                        let input = ClientInput(
                            preferredName: name, legalName: nil,
                            pronouns: pronouns.isEmpty ? nil : pronouns,
                            language: language.isEmpty ? nil : language,
                            culturalNotes: nil, contacts: [], consents: [])
                        Task {
                            error = await add(input)
                            if error == nil { dismiss() }
                        }
                    }
                }
            }
        }
    }
}
