//! Case notes: written promptly, on an activity or on their own (always about one client). A draft
//! can be edited; signing makes it a legal record that never changes again; corrections are dated
//! addenda with a reason.
//!
//! Addenda are records of their own rather than a list inside the note, so a signed note's sealed
//! row stays byte for byte what was signed: the audit trail shows its `sign` entry as its last, and
//! each addendum as an `addendum` entry of its own.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::error::{Error, Result};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self};
use crate::vault::WorkerSession;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "status", rename_all = "snake_case")]
/// A note is a draft (editable) or signed (never changed again; corrections are addenda).
pub enum NoteStatus {
    /// A draft: can be edited, signed or discarded.
    Draft,
    /// Signed: a legal record that never changes again; corrections are addenda.
    Signed {
        /// When it was signed.
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A case note about one client, as stored (sealed at rest). Screens get it inside a `NoteView`.
pub struct Note {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The activity the note is on; none for a note on its own.
    pub activity_id: Option<String>,
    /// The day the note is about: its activity's day, or the day it was started.
    pub on: Day,
    /// The note's words, exactly as written.
    pub text: String,
    /// Draft or signed.
    pub status: NoteStatus,
    /// When it was written.
    pub written: Timestamp,
    /// When it was last changed (or signed).
    pub updated: Timestamp,
}

storage::timeline_record!(Note, "note", |n| (n.on, None, n.written));

/// A correction or addition to a signed note, written later and never changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Addendum {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The note it belongs to.
    pub note_id: String,
    /// Why the correction or addition was made.
    pub reason: String,
    /// The correction or addition, exactly as written.
    pub text: String,
    /// When it was written.
    pub written: Timestamp,
}

impl Record for Addendum {
    const KIND: &'static str = "addendum";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.client_id)
    }
    /// Listed under its note, so a timeline page counts its own notes' addenda alone.
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        vec![storage::indexes::Mark::listed(
            storage::indexes::NOTE_ADDENDA,
            &self.note_id,
            serde_json::Value::Null,
        )]
    }
}

/// A draft waiting for a signature, as indexed for the today view: the day's list must find every
/// unsigned draft across all clients without opening years of signed notes. Owned by the note
/// itself, so discarding the draft takes it too; signing removes it. It holds nothing that an
/// edit of the draft changes. At rest this shows how many drafts are waiting, not whose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct DraftMark {
    /// The row's own random id.
    pub id: String,
    /// The draft note.
    pub note_id: String,
    /// The client the note is about.
    pub client_id: String,
    /// The day the note is about.
    pub on: Day,
    /// When the draft was started.
    pub written: Timestamp,
}

impl Record for DraftMark {
    const KIND: &'static str = "note_draft";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.note_id)
    }
}

/// Written once the drafts of a vault from an earlier build have been indexed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct DraftsIndexed {
    id: String,
}

impl Record for DraftsIndexed {
    const KIND: &'static str = "note_draft_indexed";
    fn id(&self) -> &str {
        &self.id
    }
}

/// Index a new draft for the today view, in the caller's transaction.
pub(crate) fn mark_draft(tx: &rusqlite::Transaction<'_>, keys: &Keys, note: &Note) -> Result<()> {
    storage::put(
        tx,
        keys,
        &DraftMark {
            id: validate::new_id(),
            note_id: note.id.clone(),
            client_id: note.client_id.clone(),
            on: note.on,
            written: note.written,
        },
    )?;
    Ok(())
}

/// Take a signed note off the today view's index.
pub(crate) fn unmark_draft(tx: &rusqlite::Transaction<'_>, keys: &Keys, note: &Note) -> Result<()> {
    for mark in storage::list_owned::<DraftMark>(tx, keys, &note.id)? {
        storage::erase(tx, keys, DraftMark::KIND, &mark.id)?;
    }
    Ok(())
}

/// Every draft waiting for a signature. A vault from a build before the index has its drafts
/// indexed at the first call (one pass over its notes, once).
pub(crate) fn drafts(conn: &mut Connection, keys: &Keys) -> Result<Vec<DraftMark>> {
    if storage::list::<DraftsIndexed>(conn, keys)?.is_empty() {
        let tx = storage::write_tx(conn)?;
        // Read again as a writer: another handle may have indexed them meanwhile.
        if !storage::list::<DraftsIndexed>(&tx, keys)?.is_empty() {
            return storage::list::<DraftMark>(&tx, keys);
        }
        let marked: Vec<String> = storage::list::<DraftMark>(&tx, keys)?
            .into_iter()
            .map(|m| m.note_id)
            .collect();
        for note in storage::list::<Note>(&tx, keys)? {
            if note.status == NoteStatus::Draft && !marked.contains(&note.id) {
                mark_draft(&tx, keys, &note)?;
            }
        }
        let done = DraftsIndexed {
            id: validate::new_id(),
        };
        storage::put(&tx, keys, &done)?;
        tx.commit()?;
    }
    storage::list::<DraftMark>(conn, keys)
}

pub(crate) fn notes_of(conn: &Connection, keys: &Keys, client_id: &str) -> Result<Vec<Note>> {
    storage::list_owned::<Note>(conn, keys, client_id)
}

pub(crate) fn load(conn: &Connection, keys: &Keys, note_id: &str) -> Result<Note> {
    let id = validate::id("note_id", note_id)?;
    Ok(storage::get::<Note>(conn, keys, &id)?.value)
}

pub(crate) fn signed() -> Error {
    Error::not_allowed("note_id", crate::error::NotAllowedReason::NoteSigned)
}

pub(crate) fn draft_only(note: &Note) -> Result<()> {
    match note.status {
        NoteStatus::Draft => Ok(()),
        NoteStatus::Signed { .. } => Err(signed()),
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Throw away a draft that should not have been started. Signed notes stay for good.
    /// Fails with `NotFound` (`note_id`), and the errors every call has (see `WorkerSession`).
    pub fn discard_note(&self, note_id: String) -> Result<()> {
        self.write(|tx, keys| {
            let note = load(tx, keys, &note_id)?;
            draft_only(&note)?;
            storage::erase(tx, keys, Note::KIND, &note.id)
        })
    }
}
