//! The append-only audit trail. Each entry says what changed (operation, record kind, id,
//! revision, hash of the sealed value), never the content; it is sealed itself, and chained to the
//! previous entry by a MAC under a key derived from the vault key, so an entry cannot be altered,
//! dropped, reordered or forged without `verify` naming where.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::crypto::{digest, Keys, RecordAd, RowPlace};
use crate::error::{Error, Result};
use crate::time::Timestamp;

const KIND: &str = "audit";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// What an audit entry records was done to a record.
pub enum Op {
    /// The record was created.
    Create,
    /// The record was changed.
    Update,
    /// A note was signed.
    Sign,
    /// An addendum was added to a signed note.
    Addendum,
    /// The record was erased.
    Erase,
    /// The record was sealed again, unchanged, under a newer storage format (at the first unlock
    /// after an upgrade); its revision stays the same.
    Reseal,
    /// A backup of the whole vault was written (kind `vault`).
    BackupMade,
    /// This vault was restored from a backup (kind `vault`; the first entry after the backup's).
    Restored,
    /// The unlock passphrase was changed (kind `vault`).
    PassphraseChanged,
    /// A platform key (biometrics) was enrolled (kind `vault`).
    PlatformKeyEnabled,
    /// The platform key was removed (kind `vault`).
    PlatformKeyDisabled,
    /// The phone was handed to a client in shared mode (kind `client`, their id).
    SharedOpened,
    /// The worker took the phone back from shared mode (kind `client`, their id).
    SharedLeft,
    /// The duress passphrase was used to open the phone while the real vault stayed shut
    /// (kind `vault`; `at` is the latest such unlock, `rev` how many since the last real unlock;
    /// recorded at the next real unlock).
    DuressUnlock,
    /// A duress passphrase was set or replaced (kind `vault`).
    DuressSet,
    /// The duress passphrase was removed (kind `vault`).
    DuressRemoved,
    /// A dated correction was added beside a closed record (an incident), which itself stays as
    /// it was closed.
    Correction,
}

impl Op {
    /// Whether the entry is about a stored record (and so checked against it by `verify`), rather
    /// than about the vault as a whole.
    pub fn is_record_change(self) -> bool {
        matches!(
            self,
            Op::Create
                | Op::Update
                | Op::Sign
                | Op::Addendum
                | Op::Correction
                | Op::Erase
                | Op::Reseal
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One entry of the audit trail: what changed, never the content.
pub struct AuditEntry {
    /// The entry's place in the chain, from 1.
    pub seq: i64,
    /// When the change was made.
    pub at: Timestamp,
    /// What was done.
    pub op: Op,
    /// The record kind (`client`, `note`, ...).
    pub kind: String,
    /// The record's random id.
    pub id: String,
    /// The record's revision after the change (0 for an erase).
    pub rev: i64,
    /// SHA-256 of the sealed value written (empty for an erase).
    pub value_hash: Vec<u8>,
}

/// What `verify` found.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct AuditReport {
    /// How many entries were checked.
    pub entries: u64,
    /// Whether the chain and every record check out.
    pub ok: bool,
    /// The first entry (by sequence number) that does not check out, and why.
    pub first_broken: Option<i64>,
    /// What is wrong, in words for a log (names entries, kinds and ids, never content).
    pub problem: Option<String>,
    /// The record the problem is about, when it is about one (a row deleted, inserted,
    /// relabelled or changed behind the app's back): its kind as stored ...
    pub record_kind: Option<String>,
    /// ... and its id.
    pub record_id: Option<String>,
}

/// The field name every record's body is sealed under (see `records`).
pub(crate) const RECORD_FIELD: &str = "body";

/// Whether the row's body opens under everything the row says about it (its stored kind, id,
/// revision, owner and day tag). The audit trail's verification asks this of every row.
pub(crate) fn row_opens(
    keys: &Keys,
    kind: &str,
    id: &str,
    owner: Option<&str>,
    day_tag: Option<&[u8]>,
    rev: i64,
    body: Vec<u8>,
) -> bool {
    keys.open_row_owned(
        &RecordAd {
            kind,
            id,
            field: RECORD_FIELD,
            rev,
        },
        &RowPlace { owner, day_tag },
        body,
    )
    .is_ok()
}

fn ad(seq: &str) -> RecordAd<'_> {
    RecordAd {
        kind: KIND,
        id: seq,
        field: "entry",
        rev: 0,
    }
}

pub(crate) fn append(
    tx: &Transaction<'_>,
    keys: &Keys,
    op: Op,
    kind: &str,
    id: &str,
    rev: i64,
    sealed_value: &[u8],
) -> Result<()> {
    append_at(tx, keys, Timestamp::now(), op, kind, id, rev, sealed_value)
}

/// [`append`] with the time the event happened (a duress unlock, recorded later).
#[allow(clippy::too_many_arguments)]
pub(crate) fn append_at(
    tx: &Transaction<'_>,
    keys: &Keys,
    at: Timestamp,
    op: Op,
    kind: &str,
    id: &str,
    rev: i64,
    sealed_value: &[u8],
) -> Result<()> {
    // Cached: a sync stores three rows, so three entries, per received revision.
    let last: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev_mac) = last.map_or((1, Vec::new()), |(s, m)| (s + 1, m));
    let entry = AuditEntry {
        seq,
        at,
        op,
        kind: kind.to_string(),
        id: id.to_string(),
        rev,
        value_hash: if sealed_value.is_empty() {
            Vec::new()
        } else {
            digest(sealed_value)
        },
    };
    let plain = serde_json::to_vec(&entry).map_err(|_| Error::corrupt("audit entry"))?;
    let body = keys.seal_record(&ad(&seq.to_string()), &plain)?;
    let mac = keys.audit_mac(&[&prev_mac, &seq.to_be_bytes(), &body]);
    tx.prepare_cached("INSERT INTO audit (seq, body, mac) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, body, mac])?;
    Ok(())
}

/// Check the file's own structure (SQLite's integrity check), walk the chain from the first
/// entry, then check that every stored record is exactly the value its latest entry names (which
/// catches a row rolled back to an older revision and body) and opens where it is stored (which
/// catches a row moved to another owner or day, or relabelled as another kind). Damage to the file
/// that stops the walk is reported as not ok, never as an error that a caller might mistake for
/// "could not check".
pub fn verify(conn: &Connection, keys: &Keys) -> Result<AuditReport> {
    let damaged = |what: &str| AuditReport {
        entries: 0,
        ok: false,
        first_broken: None,
        problem: Some(format!("the database file is damaged ({what})")),
        record_kind: None,
        record_id: None,
    };
    match integrity_problem(conn) {
        Ok(None) => {}
        Ok(Some(what)) => return Ok(damaged(&what)),
        Err(Error::Corrupt { .. }) => return Ok(damaged("it cannot be read")),
        Err(e) => return Err(e),
    }
    match walk(conn, keys) {
        Err(Error::Corrupt { .. }) => Ok(damaged("it cannot be read")),
        other => other,
    }
}

/// SQLite's own check of the file: pages, free list, and that every index matches its table.
/// `None` when it finds nothing; else the first thing it reports (names of tables and indexes
/// only, never a value).
fn integrity_problem(conn: &Connection) -> Result<Option<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check(1)")?;
    let first: String = stmt.query_row([], |r| r.get(0))?;
    Ok((first != "ok").then_some(first))
}

fn walk(conn: &Connection, keys: &Keys) -> Result<AuditReport> {
    let mut stmt = conn.prepare("SELECT seq, body, mac FROM audit ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let mut prev_mac = Vec::new();
    let mut expected_seq = 1;
    let mut latest: HashMap<String, AuditEntry> = HashMap::new();
    let mut count = 0u64;
    let broken = |seq: i64, why: &str, count: u64| AuditReport {
        entries: count,
        ok: false,
        first_broken: Some(seq),
        problem: Some(why.to_string()),
        record_kind: None,
        record_id: None,
    };
    let about = |report: AuditReport, kind: &str, id: &str| AuditReport {
        record_kind: Some(kind.to_string()),
        record_id: Some(id.to_string()),
        ..report
    };
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let body: Vec<u8> = row.get(1)?;
        let mac: Vec<u8> = row.get(2)?;
        count += 1;
        if seq != expected_seq {
            return Ok(broken(expected_seq, "entry missing", count));
        }
        if keys.audit_mac(&[&prev_mac, &seq.to_be_bytes(), &body]) != mac {
            return Ok(broken(seq, "chain does not match", count));
        }
        let entry: AuditEntry = match keys
            .open_record(&ad(&seq.to_string()), &body)
            .ok()
            .and_then(|p| serde_json::from_slice(&p).ok())
        {
            Some(e) => e,
            None => return Ok(broken(seq, "entry does not open", count)),
        };
        if entry.seq != seq {
            return Ok(broken(seq, "entry out of place", count));
        }
        // Entries about the vault itself (a backup, a key change) name no stored record.
        if entry.op.is_record_change() {
            latest.insert(entry.id.clone(), entry);
        }
        prev_mac = mac;
        expected_seq += 1;
    }
    let mut stmt = conn.prepare("SELECT id, kind, rev, body, owner, day_tag FROM records")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let kind: String = row.get(1)?;
        let rev: i64 = row.get(2)?;
        let body: Vec<u8> = row.get(3)?;
        let owner: Option<String> = row.get(4)?;
        let day_tag: Option<Vec<u8>> = row.get(5)?;
        // The kind too: a row relabelled as another kind would otherwise vanish from its lists
        // while its value still matched the trail.
        let matches = latest.get(&id).is_some_and(|e| {
            e.op != Op::Erase && e.kind == kind && e.rev == rev && e.value_hash == digest(&body)
        });
        if matches
            && !row_opens(
                keys,
                &kind,
                &id,
                owner.as_deref(),
                day_tag.as_deref(),
                rev,
                body,
            )
        {
            // The value is the one the trail recorded, but its row now says another owner or
            // day than it was sealed with: it was moved.
            let seq = latest.get(&id).map_or(0, |e| e.seq);
            return Ok(about(
                broken(
                    seq,
                    "a record has been moved to another client or day",
                    count,
                ),
                &kind,
                &id,
            ));
        }
        if !matches {
            let report = match latest.get(&id) {
                Some(e) => broken(e.seq, "a record differs from its last audited value", count),
                // A row the trail never recorded was put in from outside: there is no entry to
                // name, only the row.
                None => AuditReport {
                    first_broken: None,
                    ..broken(0, "a record is not in the audit trail", count)
                },
            };
            return Ok(about(report, &kind, &id));
        }
    }
    drop(rows);
    let mut exists = conn.prepare("SELECT 1 FROM records WHERE id = ?1")?;
    // Oldest first, so a record deleted with the rows it owns is the one named.
    let mut latest: Vec<&AuditEntry> = latest.values().collect();
    latest.sort_by_key(|e| e.seq);
    for entry in latest {
        if entry.op != Op::Erase && !exists.exists([&entry.id])? {
            return Ok(about(
                broken(entry.seq, "a record is missing", count),
                &entry.kind,
                &entry.id,
            ));
        }
    }
    Ok(AuditReport {
        entries: count,
        ok: true,
        first_broken: None,
        problem: None,
        record_kind: None,
        record_id: None,
    })
}

/// The most recent entries, newest first, for a support screen.
pub fn recent(conn: &Connection, keys: &Keys, limit: u32) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare("SELECT seq, body FROM audit ORDER BY seq DESC LIMIT ?1")?;
    let rows = stmt.query_map([limit], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, body) = row?;
        let plain = keys.open_record(&ad(&seq.to_string()), &body)?;
        out.push(
            serde_json::from_slice(&plain).map_err(|_| Error::tampered(KIND, &seq.to_string()))?,
        );
    }
    Ok(out)
}
