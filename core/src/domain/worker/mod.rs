//! The worker's own corner: what the worker records about themself, not about anyone they
//! support. Debriefs, supervision sessions, certifications and the corner's settings (working
//! hours, the heavy-week thresholds, how early a certification shows).
//!
//! Every record here is sealed like a client's but owned by no client (`Record::owner` is none),
//! so it never appears in a client's record, timeline or erase, and no shared-mode call reads it:
//! `SharedSession` reaches one client's plan and the directory only. Nothing here is synced yet
//! (the sync engine is not built); a debrief's "share with my supervisor" flag is stored for it.

pub(crate) mod certification;
pub(crate) mod debrief;
pub(crate) mod settings;
pub(crate) mod supervision;

use crate::error::{Error, Result};
use crate::storage::{self, Record};
use rusqlite::Connection;

use crate::crypto::Keys;

/// A worker-owned record by id, refusing an id of another kind as not found.
pub(crate) fn load<T: Record>(conn: &Connection, keys: &Keys, id: &str) -> Result<T> {
    let id = crate::validate::id("id", id)?;
    storage::find::<T>(conn, keys, &id)?
        .map(|s| s.value)
        .ok_or_else(|| Error::not_found(T::KIND, &id))
}
