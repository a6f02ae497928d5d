package org.alongside.state

import org.alongside.core.LanguageHint
import org.alongside.core.NoteView
import org.alongside.core.languageHints

/**
 * A case note: a draft the worker types (with the core's person-first language hints as they
 * type), saved, signed, then only added to by addenda. Whether a note can still be edited is the
 * core's [NoteView.editable]; a refused edit comes back as the core's error.
 */
class NoteState(
    vault: VaultRepository,
    val clientId: String,
    val activityId: String? = null,
    private val language: String? = null,
) : StateHolder<NoteState.NoteScreen>(vault) {
    data class NoteScreen(
        /** The note as stored; null until first saved. */
        val note: NoteView? = null,
        /** What is in the text box. */
        val draft: String = "",
        /** Hints on [draft] (the saved note carries its own in [NoteView.hints]). */
        val hints: List<LanguageHint> = emptyList(),
        /** True once the draft was discarded. */
        val discarded: Boolean = false,
    ) {
        val unsaved: Boolean get() = note?.note?.text != draft && !(note == null && draft.isEmpty())
    }

    /** Open a saved note. */
    fun open(noteId: String): Boolean = show {
        val view = vault.withWorker { it.note(noteId) }
        NoteScreen(view, view.note.text, view.hints)
    }

    fun setText(text: String) {
        val hints = languageHints(text, language)
        edit { (it ?: NoteScreen()).copy(draft = text, hints = hints) }
    }

    /** Save the draft: the first save makes the note, later ones edit it. */
    fun save(): Boolean {
        val current = screen.data ?: NoteScreen()
        if (current.note != null && !current.unsaved) return true
        return show {
            val id = current.note?.note?.id
            val view = vault.withWorker { s ->
                if (id == null) s.addNote(clientId, activityId, current.draft) else s.editNote(id, current.draft)
            }
            current.copy(note = view, draft = view.note.text, hints = view.hints)
        }
    }

    /** Save what is typed, then sign: the note becomes a record that never changes. */
    fun sign(): Boolean {
        if (!save()) return false
        val id = screen.data?.note?.note?.id ?: return false
        return show { screen.data!!.copy(note = vault.withWorker { it.signNote(id) }) }
    }

    /** A dated correction or addition to a signed note. */
    fun addAddendum(reason: String, text: String): Boolean {
        val id = screen.data?.note?.note?.id ?: return false
        return show { screen.data!!.copy(note = vault.withWorker { it.addAddendum(id, reason, text) }) }
    }

    /** Throw a draft away (the core refuses for a signed note). */
    fun discard(): Boolean {
        val id = screen.data?.note?.note?.id
        if (id == null) {
            edit { NoteScreen(discarded = true) }
            return true
        }
        return show { vault.withWorker { it.discardNote(id) }; NoteScreen(discarded = true) }
    }
}
