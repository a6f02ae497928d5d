//! A note as a screen shows it: the note, its addenda, person-first language hints on its words,
//! and whether it can still be edited. The calls that write a note answer with this view, so a
//! screen shows what was saved without a second call.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::activity::{self, Activity};
use crate::domain::client;
use crate::domain::note::{draft_only, load, notes_of, Addendum, Note, NoteStatus};
use crate::error::{Error, Result, Rule};
use crate::rules::person_first::{self, FieldHints, LanguageHint};
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
    let mut out: Vec<NoteView> = notes.into_iter().map(|n| view(n, &addenda)).collect();
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
    Ok(view(note, &addenda))
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Start a draft note about a client, on one of their activities or on its own.
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
            Ok(view(note, &[]))
        })
    }

    /// Replace a draft's text. A signed note refuses: corrections are addenda.
    pub fn edit_note(&self, note_id: String, text: String) -> Result<NoteView> {
        self.write(|tx, keys| {
            let mut note = load(tx, keys, &note_id)?;
            draft_only(&note)?;
            note.text = validate::text("text", &text, NOTE_MAX)?;
            note.updated = Timestamp::now();
            storage::put(tx, keys, &note)?;
            Ok(view(note, &[]))
        })
    }

    /// Sign a draft. From now on the note never changes.
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
            storage::put_as(tx, keys, &note, Op::Sign)?;
            Ok(view(note, &[]))
        })
    }

    /// Add a dated correction or addition to a signed note, saying why.
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
    pub fn note(&self, note_id: String) -> Result<NoteView> {
        self.with(|conn, keys| {
            let note = load(conn, keys, &note_id)?;
            load_view(conn, keys, note)
        })
    }

    /// A client's notes, newest first, with those that could not be opened listed apart.
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
    pub fn activity_notes(&self, activity_id: String) -> Result<Vec<NoteView>> {
        self.with(|conn, keys| {
            let activity = activity::load(conn, keys, &activity_id)?;
            views_of_activity(conn, keys, &activity)
        })
    }
}
