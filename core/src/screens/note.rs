//! A note as a screen shows it: the note, its addenda, person-first language hints on its words,
//! and whether it can still be edited. The calls that write a note answer with this view, so a
//! screen shows what was saved without a second call.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::activity::{self, Activity};
use crate::domain::client;
use crate::domain::note::{
    draft_only, load, mark_draft, notes_of, unmark_draft, Addendum, Note, NoteStatus,
};
use crate::error::{Error, Result, Rule};
use crate::rules::person_first::{self, FieldHints, LanguageHint};
use crate::screens::history::{self, EarlierRevision};
use crate::screens::{unreadable, UnreadableRecord};
use crate::storage::{self, audit::Op};
use crate::time::{Day, Timestamp};
use crate::validate::{self, NOTE_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

/// A client's notes, as the list of notes shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct NoteList {
    /// Newest first.
    pub notes: Vec<NoteView>,
    /// Notes and addenda of the client's that could not be opened: a damaged one is listed here
    /// and never hides the rest.
    pub unreadable: Vec<UnreadableRecord>,
}

/// A note as a screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct NoteView {
    /// The note as stored.
    pub note: Note,
    /// Oldest first.
    pub addenda: Vec<Addendum>,
    /// Person-first language hints on the note's text. Advice only: saving never waits on them.
    pub hints: Vec<LanguageHint>,
    /// Person-first language hints on the addenda's text and reason, by addendum id; an addendum
    /// with none is left out.
    pub addendum_hints: Vec<FieldHints>,
    /// A draft can be edited, signed or discarded; a signed note only takes addenda.
    pub editable: bool,
    /// The note's earlier revisions, oldest first: each edit of the draft, with the words it
    /// replaced (a signed note takes no more).
    pub edits: Vec<EarlierRevision>,
    /// Whole days since the note was written, while it waits for a signature; none once signed.
    pub unsigned_days: Option<u32>,
}

fn view(note: Note, all_addenda: &[Addendum]) -> NoteView {
    let mut addenda: Vec<Addendum> = all_addenda
        .iter()
        .filter(|a| a.note_id == note.id)
        .cloned()
        .collect();
    addenda.sort_by_key(|a| a.written);
    let addendum_hints = addenda
        .iter()
        .flat_map(|a| {
            person_first::field_hints(
                &a.id,
                &[("text", Some(&a.text)), ("reason", Some(&a.reason))],
            )
        })
        .collect();
    NoteView {
        edits: Vec::new(),
        unsigned_days: match note.status {
            NoteStatus::Draft => Some(note.written.day().days_until(Day::today()).max(0) as u32),
            NoteStatus::Signed { .. } => None,
        },
        hints: person_first::language_hints(note.text.clone(), None),
        addendum_hints,
        editable: note.status == NoteStatus::Draft,
        addenda,
        note,
    }
}

fn views(
    conn: &Connection,
    keys: &Keys,
    client_id: &str,
    notes: Vec<Note>,
) -> Result<Vec<NoteView>> {
    let addenda = storage::list_owned::<Addendum>(conn, keys, client_id)?;
    let mut out: Vec<NoteView> = notes
        .into_iter()
        .map(|n| with_edits(conn, keys, view(n, &addenda)))
        .collect::<Result<_>>()?;
    out.sort_by_key(|v| std::cmp::Reverse((v.note.on, v.note.written)));
    Ok(out)
}

/// The notes on one activity, newest first.
pub(crate) fn views_of_activity(
    conn: &Connection,
    keys: &Keys,
    activity: &Activity,
) -> Result<Vec<NoteView>> {
    let notes = notes_of(conn, keys, &activity.client_id)?
        .into_iter()
        .filter(|n| n.activity_id.as_deref() == Some(activity.id.as_str()))
        .collect();
    views(conn, keys, &activity.client_id, notes)
}

fn load_view(conn: &Connection, keys: &Keys, note: Note) -> Result<NoteView> {
    let addenda = storage::list_owned::<Addendum>(conn, keys, &note.client_id)?;
    with_edits(conn, keys, view(note, &addenda))
}

fn with_edits(conn: &Connection, keys: &Keys, mut v: NoteView) -> Result<NoteView> {
    v.edits = history::history(conn, keys, &v.note.id, &v.note)?;
    Ok(v)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Start a draft note about a client, on one of their activities or on its own.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`, `activity_id`), and
    /// the errors every call has (see `WorkerSession`).
    pub fn add_note(
        &self,
        client_id: String,
        activity_id: Option<String>,
        text: String,
    ) -> Result<NoteView> {
        let text = validate::text("text", &text, NOTE_MAX)?;
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            let activity = activity_id
                .filter(|a| !a.trim().is_empty())
                .map(|a| activity::load(tx, keys, &a))
                .transpose()?;
            if activity.as_ref().is_some_and(|a| a.client_id != client.id) {
                return Err(Error::invalid("activity_id", Rule::WrongOwner));
            }
            let now = Timestamp::now();
            let note = Note {
                id: validate::new_id(),
                client_id: client.id,
                on: activity.as_ref().map_or_else(Day::today, |a| a.day),
                activity_id: activity.map(|a| a.id),
                text,
                status: NoteStatus::Draft,
                written: now,
                updated: now,
            };
            storage::put(tx, keys, &note)?;
            mark_draft(tx, keys, &note)?;
            Ok(view(note, &[]))
        })
    }

    /// Replace a draft's text; the words it replaces are kept in the note's history. A signed
    /// note refuses: corrections are addenda.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`note_id`), and the errors every
    /// call has (see `WorkerSession`).
    pub fn edit_note(&self, note_id: String, text: String) -> Result<NoteView> {
        self.write(|tx, keys| {
            let mut note = load(tx, keys, &note_id)?;
            draft_only(&note)?;
            note.text = validate::text("text", &text, NOTE_MAX)?;
            note.updated = Timestamp::now();
            storage::revise(tx, keys, &note)?;
            load_view(tx, keys, note)
        })
    }

    /// Sign a draft. From now on the note never changes.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`note_id`), and the errors every
    /// call has (see `WorkerSession`).
    pub fn sign_note(&self, note_id: String) -> Result<NoteView> {
        self.write(|tx, keys| {
            let mut note = load(tx, keys, &note_id)?;
            if matches!(note.status, NoteStatus::Signed { .. }) {
                return Err(Error::not_allowed(
                    "note_id",
                    crate::error::NotAllowedReason::NoteAlreadySigned,
                ));
            }
            let now = Timestamp::now();
            note.status = NoteStatus::Signed { at: now };
            note.updated = now;
            // The draft's index row goes first, so the note's `sign` is the trail's last word on it.
            unmark_draft(tx, keys, &note)?;
            storage::revise_as(tx, keys, &note, Op::Sign)?;
            load_view(tx, keys, note)
        })
    }

    /// Add a dated correction or addition to a signed note, saying why.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`note_id`), and the errors every
    /// call has (see `WorkerSession`).
    pub fn add_addendum(&self, note_id: String, reason: String, text: String) -> Result<NoteView> {
        let reason = validate::text("reason", &reason, TEXT_MAX)?;
        let text = validate::text("text", &text, NOTE_MAX)?;
        self.write(|tx, keys| {
            let note = load(tx, keys, &note_id)?;
            if note.status == NoteStatus::Draft {
                return Err(Error::not_allowed(
                    "note_id",
                    crate::error::NotAllowedReason::NoteDraft,
                ));
            }
            let addendum = Addendum {
                id: validate::new_id(),
                client_id: note.client_id.clone(),
                note_id: note.id.clone(),
                reason,
                text,
                written: Timestamp::now(),
            };
            storage::put_as(tx, keys, &addendum, Op::Addendum)?;
            load_view(tx, keys, note)
        })
    }

    /// One note by id, as a screen shows it.
    /// Fails with `NotFound` (`note_id`), and the errors every call has (see `WorkerSession`).
    pub fn note(&self, note_id: String) -> Result<NoteView> {
        self.with(|conn, keys| {
            let note = load(conn, keys, &note_id)?;
            load_view(conn, keys, note)
        })
    }

    /// A client's notes, newest first, with those that could not be opened listed apart.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn notes(&self, client_id: String) -> Result<NoteList> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let (notes, left_out) = storage::tolerant(|| {
                let notes = notes_of(conn, keys, &client.id)?;
                views(conn, keys, &client.id, notes)
            })?;
            Ok(NoteList {
                notes,
                unreadable: unreadable(left_out),
            })
        })
    }

    /// The notes on one activity, newest first.
    /// Fails with `NotFound` (`activity_id`), and the errors every call has (see `WorkerSession`).
    pub fn activity_notes(&self, activity_id: String) -> Result<Vec<NoteView>> {
        self.with(|conn, keys| {
            let activity = activity::load(conn, keys, &activity_id)?;
            views_of_activity(conn, keys, &activity)
        })
    }
}
