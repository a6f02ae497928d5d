//! Internals for tests, the benchmark and the fuzzer (feature `test-support`, never in the phone
//! library): raw keys and sealing, the storage layer and the backup reader on raw bytes. Nothing
//! here is a stable API.

use crate::error::Result;
use crate::vault::WorkerSession;

pub use crate::backup::fuzzing;
pub use crate::crypto::{
    argon2id, pbkdf2_sha256, random_bytes, Keys, RecordAd, RowPlace, Secret,
    DEFAULT_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS,
};

pub use crate::storage::indexes::by_full_scan;

/// Sealing and opening raw envelopes under a 256-bit secret (what a platform key does).
pub mod envelope {
    pub use crate::crypto::{open, seal};
}

/// The SQLite file and its sealed records, as the vault uses them.
pub mod storage {
    pub use crate::storage::audit::verify as verify_audit;
    pub use crate::storage::outbox::SHARED_KINDS;
    #[cfg(feature = "baseline-sqlcipher")]
    pub use crate::storage::sqlcipher;
    pub use crate::storage::{
        checkpoint, connect, erase, find, get, get_meta, list, list_on_day, list_owned, migrate,
        migrate_to, put, put_as, schema_version, set_meta, tolerant, upgrade_sealed, write_tx,
        Record, Stored, Unreadable, DB_FILE, SCHEMA_VERSION,
    };
}

/// Turn the wait for the disk at each commit off (`synchronous = OFF`) or back on (`FULL`, the
/// vault's setting) for this session's connection. The caseload generator writes with it off.
pub fn set_durable(session: &WorkerSession, durable: bool) -> Result<()> {
    let mode = if durable { "FULL" } else { "OFF" };
    session.with(|conn, _| Ok(conn.pragma_update(None, "synchronous", mode)?))
}
