//! What a client writes in their own words in shared mode ("what helps me", reflections): stored
//! records owned by the client, written only through `SharedSession`, read by the worker here.

use serde::{Deserialize, Serialize};

use crate::domain::client;
use crate::error::Result;
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::vault::WorkerSession;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// What a client's entry is: something that helps them, or a reflection.
pub enum EntryKind {
    /// Something that helps the client (a person, a habit, a place).
    WhatHelpsMe,
    /// The client's reflection on how things are going.
    Reflection,
}

/// Something the client wrote in their own words, in shared mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClientEntry {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The goal it is about; none for an entry about things in general.
    pub goal_id: Option<String>,
    /// Something that helps, or a reflection.
    pub kind: EntryKind,
    /// What the client wrote, exactly.
    pub text: String,
    /// The day the client wrote it.
    pub on: Day,
    /// When it was recorded, by the phone's clock.
    pub recorded: Timestamp,
}

storage::client_record!(ClientEntry, "client_entry");

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// What the client wrote in shared mode, oldest first.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn client_entries(&self, client_id: String) -> Result<Vec<ClientEntry>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<ClientEntry>(conn, keys, &client.id)
        })?;
        all.sort_by_key(|e| (e.on, e.recorded));
        Ok(all)
    }
}
