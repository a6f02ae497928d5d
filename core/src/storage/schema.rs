//! The SQLite file: where it lives, the settings every connection gets, the schema and its
//! migrations, and the few plaintext settings in `meta`.
//!
//! Every column, and why it may be plaintext (DESIGN.md, "Nothing readable at rest": plaintext
//! holds only what indexing strictly needs):
//!
//! | table       | column       | holds                                         | why it is plaintext |
//! |-------------|--------------|-----------------------------------------------|---------------------|
//! | `meta`      | `name`       | a fixed setting name (`vault_id`, `key_check`) | the code looks settings up by name; names are the same in every vault |
//! | `meta`      | `value`      | the vault's random id; the key check (sealed); `duress` (sealed); `notice` (sealed, or random bytes of the same size); `attempts` (the wrong-attempt count and the time before which no attempt is taken) | the id is random and must be readable before unlock to bind key slots; the others are AEAD envelopes, except `attempts`, which the throttle must read before any key exists |
//! | `key_slots` | `name`       | `passphrase-1`, `passphrase-2`, `platform` (`passphrase` in vaults from before Argon2id) | unlock picks the slot by name before any key exists |
//! | `key_slots` | `iterations` | the PBKDF2 count of a slot from before Argon2id; NULL otherwise | needed to derive the key-encryption key, before any key exists |
//! | `key_slots` | `salt`       | the slot header: format, Argon2id parameters, device-bound flag, random salt (vault/slots.rs) | as `iterations` |
//! | `key_slots` | `wrapped`    | the data key, sealed under the slot's key      | ciphertext |
//! | `records`   | `id`         | the record's random id                         | primary key; random, says nothing |
//! | `records`   | `kind`       | the record kind (`client`, `note`, ...)        | listing by kind; bound into the body's associated data, so a changed kind fails to open |
//! | `records`   | `owner`      | the owning client's random id, or none         | listing a client's records and erasing with them (cascade); bound into the audit trail |
//! | `records`   | `day_tag`    | a keyed hash (HMAC) of the day, for the day's view | exact-match index for the today screen; keyed, so it cannot be read or guessed without the vault key |
//! | `records`   | `rev`        | the revision counter                           | replay protection: bound into the body's associated data, so an older body fails to open |
//! | `records`   | `body`       | the record as JSON, sealed (AES-256-GCM)       | ciphertext |
//! | `audit`     | `seq`        | the entry's position in the chain              | order of the chain; a gap or swap breaks the MAC chain |
//! | `audit`     | `body`       | the entry (operation, kind, id, revision, hash), sealed | ciphertext |
//! | `audit`     | `mac`        | the chain MAC under the audit key              | a keyed MAC, not readable |
//!
//! A new column goes in this table with its reason, or it is sealed into `body`.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

use crate::error::{Error, Result};

pub const DB_FILE: &str = "alongside.db";
/// The newest schema this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Forward migrations: entry `n` takes a vault from schema `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1: the first schema.
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
     CREATE TABLE key_slots (
         name TEXT PRIMARY KEY,
         iterations INTEGER,
         salt BLOB,
         wrapped BLOB NOT NULL
     ) WITHOUT ROWID;
     CREATE TABLE records (
         id TEXT PRIMARY KEY,
         kind TEXT NOT NULL,
         owner TEXT REFERENCES records(id) ON DELETE CASCADE,
         day_tag BLOB,
         rev INTEGER NOT NULL,
         body BLOB NOT NULL
     );
     CREATE INDEX records_by_owner ON records(owner, kind);
     CREATE INDEX records_by_kind ON records(kind);
     CREATE INDEX records_by_day ON records(day_tag) WHERE day_tag IS NOT NULL;
     CREATE TABLE audit (seq INTEGER PRIMARY KEY, body BLOB NOT NULL, mac BLOB NOT NULL);",
];

/// Open (or create) the database with the settings the vault relies on.
pub fn connect(dir: &Path, create: bool) -> Result<Connection> {
    use rusqlite::OpenFlags;
    let path = dir.join(DB_FILE);
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    } else if !path.exists() {
        return Err(Error::not_found("vault", &dir.display().to_string()));
    }
    let conn = Connection::open_with_flags(&path, flags)?;
    #[cfg(feature = "baseline-sqlcipher")]
    sqlcipher::key(&conn)?;
    // FULL makes every acknowledged commit survive power loss, not only a crash of the app:
    // a note the worker saw saved must still be there after the battery dies.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA synchronous = FULL;
         PRAGMA busy_timeout = 5000;",
    )?;
    Ok(conn)
}

/// Benchmark baseline only (lib.rs refuses it in a phone build): SQLCipher encrypts every page
/// under a raw key set on connect, while records are stored unsealed.
#[cfg(feature = "baseline-sqlcipher")]
pub mod sqlcipher {
    use std::sync::Mutex;

    use crate::crypto::Secret;
    use crate::error::{Error, Result};

    static KEY: Mutex<Option<Secret>> = Mutex::new(None);

    /// The key every later connection is opened with: the benchmark derives it from the vault's
    /// passphrase, as a SQLCipher app would (`PRAGMA key` before the first read).
    pub fn set_key(key: Secret) {
        *KEY.lock().unwrap_or_else(|p| p.into_inner()) = Some(key);
    }

    pub(crate) fn key(conn: &rusqlite::Connection) -> Result<()> {
        let guard = KEY.lock().unwrap_or_else(|p| p.into_inner());
        let key = guard.as_ref().ok_or_else(|| Error::Storage {
            detail: "the SQLCipher baseline needs its key before connecting".into(),
        })?;
        let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
        conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))?;
        Ok(())
    }
}

pub fn schema_version(conn: &Connection) -> Result<u32> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    u32::try_from(v).map_err(|_| Error::corrupt("schema version"))
}

/// Bring the schema up to date. A vault from a newer build is refused before anything is written.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Bring the schema up to `target` (at most [`SCHEMA_VERSION`]). A restore recreates a backup's
/// own schema with this before its rows go in, then migrates the rest of the way.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION || target > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found: found.max(target),
            supported: SCHEMA_VERSION,
        });
    }
    if found >= target {
        return Ok(());
    }
    // WAL is a property of the file; set it only when this build writes the file.
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    let tx = conn.transaction()?;
    for (step, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(found as usize)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (step + 1) as i64)?;
    }
    tx.commit()?;
    Ok(())
}

pub fn get_meta(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_meta(conn: &Connection, name: &str, value: &[u8]) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (name, value) VALUES (?1, ?2)
         ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        params![name, value],
    )?;
    Ok(())
}

/// Fold the WAL back into the database and truncate it, so erased pages leave no copy behind.
pub fn checkpoint(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}
