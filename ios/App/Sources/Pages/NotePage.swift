import AlongsideCore
import SwiftUI

/// A case note. As a draft: typed with the core's person-first language hints marked in the text
/// and listed under it, saved, then signed. Once signed it never changes; corrections and additions
/// are dated addenda, each with its reason.
struct NotePage: View {
    let clientId: String
    let noteId: String?
    let activityId: String?
    @EnvironmentObject private var store: VaultStore
    @Environment(\.dismiss) private var dismiss
    @StateObject private var model = ScreenModel<NoteView>()
    @State private var text = ""
    @State private var hints: [LanguageHint] = []
    @State private var confirmingSign = false
    @State private var addingAddendum = false
    @State private var reason = ""
    @State private var addendum = ""
    private let language = Locale.current.identifier(.bcp47)

    private var editable: Bool { model.data?.editable ?? true }

    var body: some View {
        Form {
            ErrorBanner(error: model.error) { model.error = nil }
            if let view = model.data { Section { Text(statusLine(view)).font(.subheadline) } }
            Section("Note") {
                if editable {
                    TextEditor(text: $text)
                        .frame(minHeight: 160)
                        .accessibilityLabel(Text("Note"))
                    if let message = ErrorText.field(model.error, "text") {
                        Text(message).foregroundStyle(.red)
                    }
                } else {
                    Text(model.data?.note.text ?? "")
                }
            }
            if editable && !hints.isEmpty {
                Section("Language") {
                    Text(highlighted(text, spans: hints.map { $0.span }))
                    ForEach(hints, id: \.self) { (hint: LanguageHint) in
                        VStack(alignment: .leading, spacing: 2) {
                            Text("\"\(hint.span.text)\": consider \(hint.suggestions.joined(separator: ", "))")
                            Text(hint.why).font(.caption).foregroundStyle(.secondary)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
            if editable {
                Section {
                    Button("Save draft") { Task { await save() } }
                    Button("Sign") { confirmingSign = true }.disabled(text.isEmpty)
                    Button("Discard", role: .destructive) { Task { await discard() } }
                }
            } else if let view = model.data {
                if !view.addenda.isEmpty {
                    Section("Addenda") {
                        ForEach(view.addenda, id: \.id) { (entry: Addendum) in
                            VStack(alignment: .leading, spacing: 2) {
                                Text("\(entry.written.formatted(date: .abbreviated, time: .shortened)): \(entry.reason)").font(.subheadline)
                                Text(entry.text)
                            }
                            .accessibilityElement(children: .combine)
                        }
                    }
                }
                Section { Button("Add an addendum") { addingAddendum = true } }
            }
        }
        .navigationTitle("Case note")
        .onChange(of: text) { typed in hints = languageHints(text: typed, language: language) }
        .task {
            guard let noteId, model.data == nil else { return }
            await model.load { try await store.withWorker { w in try w.note(noteId: noteId) } }
            text = model.data?.note.text ?? ""
        }
        .confirmationDialog("Sign this note?", isPresented: $confirmingSign, titleVisibility: .visible) {
            Button("Sign") { Task { await sign() } }
        } message: {
            Text("A signed note is a record that never changes. Corrections are added as dated addenda.")
        }
        .sheet(isPresented: $addingAddendum) {
            NavigationStack {
                Form {
                    TextField("Why this addendum", text: $reason)
                    TextField("Addendum", text: $addendum, axis: .vertical).lineLimit(3...)
                }
                .navigationTitle("Add an addendum")
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) { Button("Cancel") { addingAddendum = false } }
                    ToolbarItem(placement: .confirmationAction) {
                        Button("Add") {
                            addingAddendum = false
                            Task { await addAddendum() }
                        }
                    }
                }
            }
        }
    }

    private func statusLine(_ view: NoteView) -> String {
        switch view.note.status {
        case NoteStatus.signed(let at):
            return String(localized: "Signed \(at.formatted(date: .abbreviated, time: .shortened)). It can no longer change; add an addendum instead.")
        case NoteStatus.draft:
            return String(localized: "Draft, saved \(view.note.updated.formatted(date: .abbreviated, time: .shortened))")
        }
    }

    /// The first save makes the note, later ones edit it.
    @discardableResult
    private func save() async -> Bool {
        let (client, activity, draft, id) = (clientId, activityId, text, model.data?.note.id)
        guard let view = await model.perform({
            try await store.withWorker { w in
                if let id { return try w.editNote(noteId: id, text: draft) }
                return try w.addNote(clientId: client, activityId: activity, text: draft)
            }
        }) else { return false }
        model.data = view
        return true
    }

    private func sign() async {
        guard await save(), let id = model.data?.note.id else { return }
        await model.load { try await store.withWorker { w in try w.signNote(noteId: id) } }
    }

    private func addAddendum() async {
        guard let id = model.data?.note.id else { return }
        let (why, body) = (reason, addendum)
        await model.load { try await store.withWorker { w in try w.addAddendum(noteId: id, reason: why, text: body) } }
        if model.error == nil {
            reason = ""
            addendum = ""
        }
    }

    private func discard() async {
        guard let id = model.data?.note.id else { return dismiss() }
        if await model.perform({ try await store.withWorker { w in try w.discardNote(noteId: id) } }) != nil { dismiss() }
    }
}
