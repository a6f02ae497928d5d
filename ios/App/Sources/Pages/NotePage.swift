import AlongsideCore
import SwiftUI

/// A case note. As a draft: typed with the core's person-first language hints marked in the text
/// and listed under it, saved, then signed. Once signed it never changes; corrections and additions
/// are dated addenda, each with its reason.
struct NotePage: View {
    @Environment(\.words) private var words
    @Environment(\.lang) private var lang
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
            Section(words.fieldNote) {
                if editable {
                    TextEditor(text: $text)
                        .frame(minHeight: 160)
                        .accessibilityLabel(Text(words.fieldNote))
                    if let message = ErrorText.field(model.error, "text") {
                        Text(message).foregroundStyle(.red)
                    }
                } else {
                    Text(model.data?.note.text ?? "")
                }
            }
            if editable && !hints.isEmpty {
                Section(words.noteHints) {
                    Text(highlighted(text, spans: hints.map { $0.span }))
                    ForEach(hints, id: \.self) { (hint: LanguageHint) in
                        VStack(alignment: .leading, spacing: 2) {
                            Text(phrase(lang, .noteHintLine(words: hint.span.text, suggestions: hint.suggestions.joined(separator: ", "))))
                            Text(hint.why).font(.caption).foregroundStyle(.secondary)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
            if editable {
                Section {
                    Button(words.actionSaveDraft) { Task { await save() } }
                    Button(words.actionSign) { confirmingSign = true }.disabled(text.isEmpty)
                    Button(words.actionDiscard, role: .destructive) { Task { await discard() } }
                }
            } else if let view = model.data {
                if !view.addenda.isEmpty {
                    Section(words.noteAddenda) {
                        ForEach(view.addenda, id: \.id) { (entry: Addendum) in
                            VStack(alignment: .leading, spacing: 2) {
                                Text("\(entry.written.formatted(date: .abbreviated, time: .shortened)): \(entry.reason)").font(.subheadline)
                                Text(entry.text)
                            }
                            .accessibilityElement(children: .combine)
                        }
                    }
                }
                Section { Button(words.actionAddAddendum) { addingAddendum = true } }
            }
        }
        .navigationTitle(words.noteTitle)
        .onChange(of: text) { typed in hints = languageHints(text: typed, language: language) }
        .task {
            guard let noteId, model.data == nil else { return }
            await model.load { try await store.withWorker { w in try w.note(noteId: noteId) } }
            text = model.data?.note.text ?? ""
        }
        .confirmationDialog(words.signTitle, isPresented: $confirmingSign, titleVisibility: .visible) {
            Button(words.actionSign) { Task { await sign() } }
        } message: {
            Text(words.signExplainer)
        }
        .sheet(isPresented: $addingAddendum) {
            NavigationStack {
                Form {
                    TextField(words.fieldAddendumReason, text: $reason)
                    TextField(words.fieldAddendumText, text: $addendum, axis: .vertical).lineLimit(3...)
                }
                .navigationTitle(words.actionAddAddendum)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) { Button(words.actionCancel) { addingAddendum = false } }
                    ToolbarItem(placement: .confirmationAction) {
                        Button(words.actionAdd) {
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
            return phrase(lang, .noteSignedAt(at: at.formatted(date: .abbreviated, time: .shortened)))
        case NoteStatus.draft:
            return phrase(lang, .noteDraftSaved(at: view.note.updated.formatted(date: .abbreviated, time: .shortened)))
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
