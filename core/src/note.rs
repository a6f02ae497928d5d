//! Case notes: written promptly, on an activity or on their own (always about one client). A draft
//! can be edited; signing makes it a legal record that never changes again; corrections are dated
//! addenda with a reason.
//!
//! Addenda are records of their own rather than a list inside the note, so a signed note's sealed
//! row stays byte for byte what was signed: the audit trail shows its `sign` entry as its last, and
//! each addendum as an `addendum` entry of its own.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::activity::{self, Activity};
use crate::audit::Op;
use crate::client;
use crate::crypto::Keys;
use crate::error::{Error, Result, Rule};
use crate::language::{self, LanguageHint};
use crate::store::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, NOTE_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum NoteStatus {
    Draft,
    Signed { at: Timestamp },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Note {
    pub id: String,
    pub client_id: String,
    pub activity_id: Option<String>,
    /// The day the note is about: its activity's day, or the day it was started.
    pub on: Day,
    pub text: String,
    pub status: NoteStatus,
    pub written: Timestamp,
    pub updated: Timestamp,
}

store::client_record!(Note, "note");

/// A correction or addition to a signed note, written later and never changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Addendum {
    pub id: String,
    pub client_id: String,
    pub note_id: String,
    pub reason: String,
    pub text: String,
    pub written: Timestamp,
}

store::client_record!(Addendum, "addendum");

/// A note as a screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct NoteView {
    pub note: Note,
    /// Oldest first.
    pub addenda: Vec<Addendum>,
    /// Person-first language hints on the note's text. Advice only: saving never waits on them.
    pub hints: Vec<LanguageHint>,
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
    NoteView {
        hints: language::language_hints(note.text.clone(), None),
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
    let addenda = store::list_owned::<Addendum>(conn, keys, client_id)?;
    let mut out: Vec<NoteView> = notes.into_iter().map(|n| view(n, &addenda)).collect();
    out.sort_by_key(|v| std::cmp::Reverse((v.note.on, v.note.written)));
    Ok(out)
}

pub(crate) fn notes_of(conn: &Connection, keys: &Keys, client_id: &str) -> Result<Vec<Note>> {
    store::list_owned::<Note>(conn, keys, client_id)
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

fn load(conn: &Connection, keys: &Keys, note_id: &str) -> Result<Note> {
    let id = validate::id("note_id", note_id)?;
    Ok(store::get::<Note>(conn, keys, &id)?.value)
}

fn load_view(conn: &Connection, keys: &Keys, note: Note) -> Result<NoteView> {
    let addenda = store::list_owned::<Addendum>(conn, keys, &note.client_id)?;
    Ok(view(note, &addenda))
}

fn signed() -> Error {
    Error::invalid(
        "note_id",
        Rule::NotAllowed {
            reason: "the note is signed; add an addendum instead".into(),
        },
    )
}

fn draft_only(note: &Note) -> Result<()> {
    match note.status {
        NoteStatus::Draft => Ok(()),
        NoteStatus::Signed { .. } => Err(signed()),
    }
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
            store::put(tx, keys, &note)?;
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
            store::put(tx, keys, &note)?;
            Ok(view(note, &[]))
        })
    }

    /// Sign a draft. From now on the note never changes.
    pub fn sign_note(&self, note_id: String) -> Result<NoteView> {
        self.write(|tx, keys| {
            let mut note = load(tx, keys, &note_id)?;
            if matches!(note.status, NoteStatus::Signed { .. }) {
                return Err(Error::invalid(
                    "note_id",
                    Rule::NotAllowed {
                        reason: "the note is already signed".into(),
                    },
                ));
            }
            let now = Timestamp::now();
            note.status = NoteStatus::Signed { at: now };
            note.updated = now;
            store::put_as(tx, keys, &note, Op::Sign)?;
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
                return Err(Error::invalid(
                    "note_id",
                    Rule::NotAllowed {
                        reason: "the note is a draft; edit it instead".into(),
                    },
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
            store::put_as(tx, keys, &addendum, Op::Addendum)?;
            load_view(tx, keys, note)
        })
    }

    /// Throw away a draft that should not have been started. Signed notes stay for good.
    pub fn discard_note(&self, note_id: String) -> Result<()> {
        self.write(|tx, keys| {
            let note = load(tx, keys, &note_id)?;
            draft_only(&note)?;
            store::erase(tx, keys, Note::KIND, &note.id)
        })
    }

    pub fn note(&self, note_id: String) -> Result<NoteView> {
        self.with(|conn, keys| {
            let note = load(conn, keys, &note_id)?;
            load_view(conn, keys, note)
        })
    }

    /// A client's notes, newest first.
    pub fn notes(&self, client_id: String) -> Result<Vec<NoteView>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let notes = notes_of(conn, keys, &client.id)?;
            views(conn, keys, &client.id, notes)
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
