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
pub enum EntryKind {
    WhatHelpsMe,
    Reflection,
}

/// Something the client wrote in their own words, in shared mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClientEntry {
    pub id: String,
    pub client_id: String,
    pub goal_id: Option<String>,
    pub kind: EntryKind,
    pub text: String,
    pub on: Day,
    pub recorded: Timestamp,
}

storage::client_record!(ClientEntry, "client_entry");

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// What the client wrote in shared mode, oldest first.
    pub fn client_entries(&self, client_id: String) -> Result<Vec<ClientEntry>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<ClientEntry>(conn, keys, &client.id)
        })?;
        all.sort_by_key(|e| (e.on, e.recorded));
        Ok(all)
    }
}
