//! The worker's language: a setting sealed in the vault like the others. The worker's screens,
//! labels, form options and error sentences are worded in it; shared mode uses the client's own.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::error::Result;
use crate::storage::{self, Record};
use crate::vault::WorkerSession;
use crate::words::{self, Lang};

/// Stored under a fixed id: one per vault, and the id says nothing about anyone.
const SETTINGS_ID: &str = "settings-worker";

#[derive(Serialize, Deserialize)]
struct StoredWorkerSettings {
    id: String,
    language: Lang,
}

impl Record for StoredWorkerSettings {
    const KIND: &'static str = "worker_settings";
    fn id(&self) -> &str {
        &self.id
    }
}

/// The vault's worker language (English until the worker chooses).
pub(crate) fn load(conn: &Connection, keys: &Keys) -> Result<Lang> {
    Ok(
        storage::find::<StoredWorkerSettings>(conn, keys, SETTINGS_ID)?
            .map(|s| s.value.language)
            .unwrap_or_default(),
    )
}

/// Word what is made without a session (error summaries) in this vault's worker language. A
/// setting that does not open leaves English: the worker's screens name the damaged record.
pub(crate) fn apply(conn: &Connection, keys: &Keys) {
    words::set_worker_lang(load(conn, keys).unwrap_or_default());
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The language the worker's screens, form options and error sentences are in.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn language(&self) -> Result<Lang> {
        self.with(|conn, keys| load(conn, keys))
    }

    /// Choose the worker's language; from now on the worker's screens, options and error
    /// sentences are worded in it. Returns the language set.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn set_language(&self, language: Lang) -> Result<Lang> {
        self.write(|tx, keys| {
            let stored = StoredWorkerSettings {
                id: SETTINGS_ID.into(),
                language,
            };
            storage::put(tx, keys, &stored)?;
            Ok(())
        })?;
        words::set_worker_lang(language);
        Ok(language)
    }
}
