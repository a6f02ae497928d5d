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
//! | `records`   | `kind`       | the record kind (`client`, `note`, ...)        | listing by kind; bound into the body's associated data, so a changed kind fails to open (reveals which kinds of record each client has) |
//! | `records`   | `owner`      | the owning client's random id, or none         | listing a client's records and erasing with them (cascade); bound into the body's associated data (schema 2), so a row moved to another client fails to open, and erase opens every row it would take first (reveals how many records each client has) |
//! | `records`   | `day_tag`    | a keyed hash (HMAC) of the day, for the day's view; on an index's mark row, of its index and bucket (`indexes`) | exact-match index for the today screen and the sealed indexes; keyed, so it cannot be read or guessed without the vault key; bound into the body's associated data (schema 2), so a row moved to another day fails to open (reveals which records share a day, and which mark rows share a bucket: a client's month, the open incidents) |
//! | `records`   | `rev`        | the revision counter                           | replay protection: bound into the body's associated data, so an older body fails to open (reveals how often a record was edited) |
//! | `records`   | `body`       | the record as JSON, sealed (AES-256-GCM)       | ciphertext |
//! | `sync_pending` | `id`, `kind` | a team-shared record written since the last sync (only once the vault is in a team; `storage::outbox`) | the outbox's mark, made in the write's own transaction before any team key is at hand; the same id and kind as the record's row |
//! | `audit`     | `seq`        | the entry's position in the chain              | order of the chain; a gap or swap breaks the MAC chain |
//! | `audit`     | `body`       | the entry (operation, kind, id, revision, hash), sealed | ciphertext |
//! | `audit`     | `mac`        | the chain MAC under the audit key              | a keyed MAC, not readable |
//!
//! A new column goes in this table with its reason, or it is sealed into `body`. A new plaintext
//! column of `records` that changes what a read returns must also be bound into the body's
//! associated data (`crypto::RowPlace`), with a migration that seals every row again.
//!
//! Schema history: 1, the first schema; 2, every record's body bound to its row's owner and day
//! tag as well (no table changed; the rows were sealed again at the first unlock, see
//! [`upgrade_sealed`]).

use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

use crate::crypto::Keys;
use crate::error::{Error, Result};

/// The database file's name inside the vault folder.
pub const DB_FILE: &str = "alongside.db";
/// The newest schema this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;
/// From this schema on, every record's sealed body is bound to its row's owner and day tag too.
/// Reaching it re-seals every row, which needs the vault's keys: see [`upgrade_sealed`].
const ROWS_BOUND_TO_PLACE: u32 = 2;

/// Forward migrations: entry `n` takes a vault from schema `n` to `n + 1`. An entry of `None`
/// changes no table but needs the keys (see [`upgrade_sealed`]).
const MIGRATIONS: &[Option<&str>] = &[
    // 0 -> 1: the first schema.
    Some(
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
    ),
    // 1 -> 2: every record re-sealed with its owner and day tag bound in (no table changes).
    None,
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
    // Every write runs some ten cached statements (the row, its audit entry, its place, its
    // marks): rusqlite's default of 16 would make a sync's three writes a revision evict them.
    conn.set_prepared_statement_cache_capacity(64);
    #[cfg(feature = "baseline-sqlcipher")]
    sqlcipher::key(&conn)?;
    // A writer waits for another (a second handle, the CLI beside the app) for up to 30 s: SQLite's
    // busy wait is not fair, so under a burst of writes from elsewhere a shorter wait can run out
    // while the others take turns.
    // FULL makes every acknowledged commit survive power loss, not only a crash of the app:
    // a note the worker saw saved must still be there after the battery dies.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA synchronous = FULL;
         PRAGMA busy_timeout = 30000;",
    )?;
    Ok(conn)
}

/// `.NAME.restoring-`: the start of every staging folder's name for the target `NAME`.
pub fn staging_prefix(target_name: &std::ffi::OsStr) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(target_name);
    prefix.push(".restoring-");
    prefix
}

/// Remove the staging folders that restores (`backup::restore`) into `target` left behind when they were killed
/// part way. Best effort: what cannot be removed now is tried again next time.
pub fn remove_stale_staging(target: &Path) {
    let Some(name) = target.file_name() else {
        return;
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = staging_prefix(name);
    let prefix = prefix.as_encoded_bytes();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let stale = file_name.as_encoded_bytes().starts_with(prefix)
            && entry.file_type().is_ok_and(|t| t.is_dir());
        if stale {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Start a write transaction as a writer (`BEGIN IMMEDIATE`). A transaction that starts as a
/// reader and later writes cannot wait for another writer: when another process or connection
/// committed in between, SQLite fails it at once with "database is locked", busy timeout or not.
/// Taking the write lock first makes a second writer wait (up to the busy timeout) instead.
pub fn write_tx(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
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

/// The schema version the database file is at (SQLite's `user_version`).
pub fn schema_version(conn: &Connection) -> Result<u32> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    u32::try_from(v).map_err(|_| Error::corrupt("schema version"))
}

/// Bring the schema up to date as far as it can go without the keys. A vault from a newer build
/// is refused before anything is written. A vault of schema 1 with records in it stays at 1 until
/// it is unlocked ([`upgrade_sealed`]); an empty one (a new vault) goes straight to the newest.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Bring the schema up to `target` (at most [`SCHEMA_VERSION`]) as far as it can go without the
/// keys. A restore recreates a backup's own schema with this before its rows go in, then
/// migrates the rest of the way.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION || target > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found: found.max(target),
            supported: SCHEMA_VERSION,
        });
    }
    // Nothing to do; or only the step that needs the keys, with rows waiting for it.
    if found >= target
        || (found + 1 == ROWS_BOUND_TO_PLACE
            && target == ROWS_BOUND_TO_PLACE
            && !records_empty(conn)?)
    {
        return Ok(());
    }
    // WAL is a property of the file; set it only when this build writes the file.
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    let tx = write_tx(conn)?;
    // Read again as a writer: another connection may have migrated meanwhile.
    let found = schema_version(&tx)?;
    for (step, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(found as usize)
    {
        match sql {
            Some(sql) => tx.execute_batch(sql)?,
            // A step that re-seals rows needs the keys; with no rows there is nothing to re-seal.
            None if records_empty(&tx)? => {}
            None => break,
        }
        tx.pragma_update(None, "user_version", (step + 1) as i64)?;
    }
    tx.commit()?;
    Ok(())
}

fn records_empty(conn: &Connection) -> Result<bool> {
    Ok(!conn.query_row("SELECT EXISTS(SELECT 1 FROM records)", [], |r| r.get(0))?)
}

/// Finish the migration at unlock, with the keys: a vault of schema 1 has every record sealed
/// again with its row's owner and day tag bound in, in one transaction together with the version
/// bump, so the vault is wholly of one schema or the other. Every row must open under schema 1's
/// binding first, so a schema 2 vault whose version number was put back to 1 fails here, loudly
/// (`Tampered`, naming the first row), rather than being read without its rows' binding.
/// Returns how many records were sealed again.
pub fn upgrade_sealed(conn: &mut Connection, keys: &Keys) -> Result<u64> {
    if schema_version(conn)? >= ROWS_BOUND_TO_PLACE {
        return Ok(0);
    }
    let tx = write_tx(conn)?;
    // Read again as a writer: another process may have upgraded it meanwhile.
    if schema_version(&tx)? >= ROWS_BOUND_TO_PLACE {
        return Ok(0);
    }
    let count = super::records::reseal_for_schema_2(&tx, keys)?;
    tx.pragma_update(None, "user_version", ROWS_BOUND_TO_PLACE)?;
    tx.commit()?;
    Ok(count)
}

/// One plaintext setting from `meta`, if set.
pub fn get_meta(conn: &Connection, name: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Set one plaintext setting in `meta` (only what must be read before unlock).
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
