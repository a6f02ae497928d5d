//! Sealed records: every domain record is one row of `records`. Plaintext columns hold only the
//! random id, the record kind, the owning client's random id (for listing and erase), an optional
//! keyed day tag (for the day's view), and the revision (see [`super::schema`] for the table of
//! every column). Everything else is one sealed JSON body, bound to every one of those columns:
//! a row moved to another client or day, relabelled or given another revision with a plain SQLite
//! tool fails to open as [`Error::Tampered`] naming it.
//!
//! Reads are strict: one row that does not open fails the read. A screen that must show what did
//! open beside what did not runs its reads inside [`tolerant`]: there a list leaves out a row that
//! does not open and notes its kind and id instead, so one damaged record never hides the rest,
//! and the screen lists each one it left out. Single-record reads and writes stay strict.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{de::DeserializeOwned, Serialize};
use std::cell::RefCell;

use crate::crypto::{Keys, RecordAd, RowPlace};
use crate::error::{Error, Result};
use crate::storage::audit;
use crate::time::Day;

use crate::storage::audit::{row_opens, RECORD_FIELD as BODY};

/// A domain type that is stored as one sealed row.
pub trait Record: Serialize + DeserializeOwned {
    /// The record kind, stored in the plaintext `kind` column and bound into the sealed body.
    const KIND: &'static str;
    /// The record's random id.
    fn id(&self) -> &str;
    /// The client this record belongs to: erasing the client erases it too.
    fn owner(&self) -> Option<&str> {
        None
    }
    /// The day this record is about, if the day's view needs to find it.
    fn day(&self) -> Option<Day> {
        None
    }
    /// What this record contributes to the sealed indexes (see [`super::indexes`]); kept in
    /// line with every write of the record, in the same transaction.
    fn marks(&self) -> Vec<super::indexes::Mark> {
        Vec::new()
    }
}

/// Implements [`Record`] for the common shape: identified by its `id` field and belonging to the
/// client in its `client_id` field (so erasing the client erases it).
macro_rules! client_record {
    ($type:ty, $kind:literal) => {
        impl $crate::storage::Record for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn owner(&self) -> Option<&str> {
                Some(&self.client_id)
            }
        }
    };
}
/// As above, for a record on its client's timeline: `$place` turns the record into its
/// [`super::indexes::Place`] (day, time, recorded) for the per-client index by day.
macro_rules! timeline_record {
    ($type:ty, $kind:literal, |$r:ident| $place:expr) => {
        impl $crate::storage::Record for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn owner(&self) -> Option<&str> {
                Some(&self.client_id)
            }
            fn marks(&self) -> Vec<$crate::storage::indexes::Mark> {
                let $r = self;
                let (day, time, recorded) = $place;
                vec![$crate::storage::indexes::by_day_mark(
                    &self.client_id,
                    $crate::storage::indexes::Place {
                        day,
                        time,
                        recorded,
                        id: self.id.clone(),
                        kind: $kind.to_string(),
                    },
                )]
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use client_record;
pub(crate) use timeline_record;

fn ad<'a>(kind: &'a str, id: &'a str, rev: i64) -> RecordAd<'a> {
    RecordAd {
        kind,
        id,
        field: BODY,
        rev,
    }
}

/// One row as stored.
#[derive(Clone)]
struct Row {
    id: String,
    kind: String,
    owner: Option<String>,
    day_tag: Option<Vec<u8>>,
    rev: i64,
    body: Vec<u8>,
}

const ROW_COLUMNS: &str = "id, kind, owner, day_tag, rev, body";

impl Row {
    fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
        Ok(Row {
            id: r.get(0)?,
            kind: r.get(1)?,
            owner: r.get(2)?,
            day_tag: r.get(3)?,
            rev: r.get(4)?,
            body: r.get(5)?,
        })
    }

    fn place(&self) -> RowPlace<'_> {
        RowPlace {
            owner: self.owner.as_deref(),
            day_tag: self.day_tag.as_deref(),
        }
    }

    /// Open the body where it was read (no plaintext copy) under everything the row says about
    /// it, and decode it as `T`; the buffer is wiped when it drops.
    fn open<T: Record>(mut self, keys: &Keys) -> Result<Stored<T>> {
        let body = std::mem::take(&mut self.body);
        self.open_body(keys, body)
    }

    /// [`Row::open`] of `body`, the row's own body taken out of it (so a caller that has to name
    /// the row when it does not open need not copy its kind and id first).
    fn open_body<T: Record>(&self, keys: &Keys, body: Vec<u8>) -> Result<Stored<T>> {
        let plain = keys.open_row_owned(&ad(T::KIND, &self.id, self.rev), &self.place(), body)?;
        let value =
            serde_json::from_slice(&plain).map_err(|_| Error::tampered(T::KIND, &self.id))?;
        Ok(Stored {
            rev: self.rev,
            value,
        })
    }
}

/// A stored record that could not be opened: its kind and id as the row gives them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unreadable {
    /// The `kind` column, as stored (it may itself be what was changed).
    pub kind: String,
    /// The record's id.
    pub id: String,
}

thread_local! {
    /// Set while [`tolerant`] runs on this thread: the rows its lists left out.
    static LEFT_OUT: RefCell<Option<Vec<Unreadable>>> = const { RefCell::new(None) };
}

/// Run `f` with tolerant lists (see the module's docs), and return what it returned with every
/// record a list left out because it did not open, by kind and id, each once.
pub fn tolerant<T>(f: impl FnOnce() -> Result<T>) -> Result<(T, Vec<Unreadable>)> {
    /// Puts back the previous state however `f` ends (a panic included), so strict reads never
    /// turn tolerant by accident.
    struct Scope(Option<Vec<Unreadable>>);
    impl Drop for Scope {
        fn drop(&mut self) {
            let previous = self.0.take();
            LEFT_OUT.with(|l| *l.borrow_mut() = previous);
        }
    }
    let scope = Scope(LEFT_OUT.with(|l| l.borrow_mut().replace(Vec::new())));
    let out = f();
    let mut left_out = LEFT_OUT.with(|l| l.borrow_mut().take()).unwrap_or_default();
    drop(scope);
    let out = out?;
    left_out.sort();
    left_out.dedup();
    Ok((out, left_out))
}

/// Inside [`tolerant`], note a row that did not open and carry on; outside, fail.
fn leave_out(kind: &str, id: &str, e: Error) -> Result<()> {
    if !matches!(e, Error::Tampered { .. }) {
        return Err(e);
    }
    LEFT_OUT.with(|l| match l.borrow_mut().as_mut() {
        Some(list) => {
            list.push(Unreadable {
                kind: kind.to_string(),
                id: id.to_string(),
            });
            Ok(())
        }
        None => Err(e),
    })
}

/// A record and the revision it was read at.
pub struct Stored<T> {
    /// The revision (tests and the benchmark check it; the vault itself reads `value`).
    #[allow(dead_code)]
    pub rev: i64,
    /// The record.
    pub value: T,
}

/// Insert or replace a record as its next revision, and append the change to the audit trail.
pub fn put<T: Record>(tx: &Transaction<'_>, keys: &Keys, value: &T) -> Result<i64> {
    // One look-up for both (a sync puts two rows per received revision).
    let (op, rev) = match current_rev::<T>(tx, value.id())? {
        Some(r) => (audit::Op::Update, r + 1),
        None => (audit::Op::Create, 1),
    };
    put_at(tx, keys, value, op, rev)
}

/// Like [`put`], naming the operation for the audit trail (sign, addendum, ...).
pub fn put_as<T: Record>(
    tx: &Transaction<'_>,
    keys: &Keys,
    value: &T,
    op: audit::Op,
) -> Result<i64> {
    let rev = current_rev::<T>(tx, value.id())?.map_or(1, |r| r + 1);
    put_at(tx, keys, value, op, rev)
}

fn current_rev<T: Record>(conn: &Connection, id: &str) -> Result<Option<i64>> {
    let row: Option<(String, i64)> = conn
        .prepare_cached("SELECT kind, rev FROM records WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        // Ids are random, so this only happens when a caller passes an id of another kind.
        Some((kind, _)) if kind != T::KIND => Err(Error::not_found(T::KIND, id)),
        other => Ok(other.map(|(_, rev)| rev)),
    }
}

fn put_at<T: Record>(
    tx: &Transaction<'_>,
    keys: &Keys,
    value: &T,
    op: audit::Op,
    rev: i64,
) -> Result<i64> {
    let plain = serde_json::to_vec(value).map_err(|e| Error::encoding(T::KIND, &e))?;
    let row = RawRow {
        kind: T::KIND,
        id: value.id(),
        owner: value.owner(),
        day: value.day(),
    };
    write_raw(tx, keys, &row, plain, op, rev, None)?;
    super::indexes::on_put(tx, keys, value.id(), value.marks())?;
    Ok(rev)
}

/// Write an index's own row (see [`super::indexes`]): no marks of its own, and its tag given.
pub(crate) fn put_index_row<T: Record>(
    tx: &Transaction<'_>,
    keys: &Keys,
    value: &T,
    tag: Option<Vec<u8>>,
) -> Result<i64> {
    let (op, rev) = match current_rev::<T>(tx, value.id())? {
        Some(r) => (audit::Op::Update, r + 1),
        None => (audit::Op::Create, 1),
    };
    let plain = serde_json::to_vec(value).map_err(|e| Error::encoding(T::KIND, &e))?;
    let row = RawRow {
        kind: T::KIND,
        id: value.id(),
        owner: value.owner(),
        day: None,
    };
    write_raw(tx, keys, &row, plain, op, rev, tag)
}

/// The revision of the row with this id, whatever its kind.
pub(crate) fn current_rev_any(conn: &Connection, id: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT rev FROM records WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Where a record given as plain JSON goes: what [`Record`] says of a typed one.
pub struct RawRow<'a> {
    /// The record kind.
    pub kind: &'a str,
    /// The record's id.
    pub id: &'a str,
    /// The owning client's id, if any.
    pub owner: Option<&'a str>,
    /// The day the record is about, if the day's view needs to find it.
    pub day: Option<Day>,
}

/// Write a record given as its JSON as revision `rev` (team sync stores what another phone wrote
/// without knowing its type); sealed and audited like every other write. Its kind's sealed
/// indexes are marked stale, since its marks cannot be known without its type: the next screen
/// that reads them rebuilds them. `plain` is wiped once sealed.
pub fn put_plain(
    tx: &Transaction<'_>,
    keys: &Keys,
    row: &RawRow<'_>,
    plain: Vec<u8>,
    op: audit::Op,
    rev: i64,
) -> Result<i64> {
    write_raw(tx, keys, row, plain, op, rev, None)?;
    super::indexes::stale(tx, keys, row.kind)?;
    Ok(rev)
}

/// Seal, store and audit one row, and offer it to the team's outbox: the one place every write
/// passes. `tag` replaces the day's lookup tag (an index row's bucket).
fn write_raw(
    tx: &Transaction<'_>,
    keys: &Keys,
    row: &RawRow<'_>,
    mut plain: Vec<u8>,
    op: audit::Op,
    rev: i64,
    tag: Option<Vec<u8>>,
) -> Result<i64> {
    let RawRow {
        kind,
        id,
        owner,
        day,
    } = *row;
    let day_tag = tag.or_else(|| day.map(|d| keys.lookup_tag("day", d.to_string().as_bytes())));
    let place = RowPlace {
        owner,
        day_tag: day_tag.as_deref(),
    };
    let body = keys.seal_row(&ad(kind, id, rev), &place, &plain);
    zeroize::Zeroize::zeroize(&mut plain);
    let body = body?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO records (id, kind, owner, day_tag, rev, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, day_tag = excluded.day_tag,
             rev = excluded.rev, body = excluded.body",
    )?;
    stmt.execute(params![id, kind, owner, day_tag, rev, body])?;
    audit::append(tx, keys, op, kind, id, rev, &body)?;
    // The one place a team-shared record is offered to the outbox, in this same transaction.
    super::outbox::offer(tx, kind, id)?;
    Ok(rev)
}

/// A record's kind, owner and revision by its id, without opening it.
pub fn row_place(conn: &Connection, id: &str) -> Result<Option<(String, Option<String>, i64)>> {
    Ok(conn
        .prepare_cached("SELECT kind, owner, rev FROM records WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// Read and open one record; `NotFound` when there is none, `Tampered` when it does not open.
pub fn get<T: Record>(conn: &Connection, keys: &Keys, id: &str) -> Result<Stored<T>> {
    find(conn, keys, id)?.ok_or_else(|| Error::not_found(T::KIND, id))
}

/// The record with this id, if there is one of kind `T`. A row of another kind is looked at
/// too: if it opens as that kind, the caller passed an id of another kind (not found); if it does
/// not, the row was relabelled or damaged, and that is [`Error::Tampered`] naming the record.
pub fn find<T: Record>(conn: &Connection, keys: &Keys, id: &str) -> Result<Option<Stored<T>>> {
    super::lease::check(conn, T::KIND)?;
    // Cached: every screen finds a few rows by id on every call, and parsing the statement
    // again cost as much as reading the row.
    let row: Option<Row> = conn
        .prepare_cached(&format!("SELECT {ROW_COLUMNS} FROM records WHERE id = ?1"))?
        .query_row(params![id], Row::read)
        .optional()?;
    let Some(row) = row else {
        return Ok(None);
    };
    if row.kind != T::KIND {
        let place = row.place();
        let genuine = keys
            .open_row_owned(&ad(&row.kind, &row.id, row.rev), &place, row.body.clone())
            .is_ok();
        return if genuine {
            Ok(None)
        } else {
            Err(Error::tampered(T::KIND, id))
        };
    }
    row.open(keys).map(Some)
}

/// The record with this id and kind, opened as plain JSON (a record's edit history compares its
/// revisions field by field without knowing its type).
pub fn current_value(
    conn: &Connection,
    keys: &Keys,
    kind: &str,
    id: &str,
) -> Result<serde_json::Value> {
    let row: Option<Row> = conn
        .prepare_cached(&format!(
            "SELECT {ROW_COLUMNS} FROM records WHERE id = ?1 AND kind = ?2"
        ))?
        .query_row(params![id, kind], Row::read)
        .optional()?;
    let row = row.ok_or_else(|| Error::not_found(kind, id))?;
    let place = row.place();
    let plain = keys.open_row_owned(&ad(kind, &row.id, row.rev), &place, row.body.clone())?;
    serde_json::from_slice(&plain).map_err(|_| Error::tampered(kind, id))
}

fn collect<T: Record>(
    keys: &Keys,
    stmt: &mut rusqlite::Statement<'_>,
    args: impl rusqlite::Params,
) -> Result<Vec<T>> {
    let rows = stmt.query_map(args, Row::read)?;
    let mut out = Vec::new();
    for row in rows {
        let mut row = row?;
        // The body goes to be opened in place; the row keeps its kind and id for a leave-out.
        let body = std::mem::take(&mut row.body);
        match row.open_body::<T>(keys, body) {
            Ok(stored) => out.push(stored.value),
            Err(e) => leave_out(&row.kind, &row.id, e)?,
        }
    }
    Ok(out)
}

/// Every record of a kind that belongs to one client.
pub fn list_owned<T: Record>(conn: &Connection, keys: &Keys, owner: &str) -> Result<Vec<T>> {
    super::lease::check(conn, T::KIND)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM records WHERE owner = ?1 AND kind = ?2"
    ))?;
    collect(keys, &mut stmt, params![owner, T::KIND])
}

/// Every record of a kind.
pub fn list<T: Record>(conn: &Connection, keys: &Keys) -> Result<Vec<T>> {
    super::lease::check(conn, T::KIND)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM records WHERE kind = ?1"
    ))?;
    collect(keys, &mut stmt, params![T::KIND])
}

/// Every record of a kind whose row carries this tag (see [`super::indexes`]).
pub(crate) fn list_tagged<T: Record>(conn: &Connection, keys: &Keys, tag: &[u8]) -> Result<Vec<T>> {
    super::lease::check(conn, T::KIND)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM records WHERE day_tag = ?1 AND kind = ?2"
    ))?;
    collect(keys, &mut stmt, params![tag, T::KIND])
}

/// The records of kind `T` with these ids, in that order (a missing one is skipped; inside
/// `tolerant`, one that does not open is left out and noted).
pub fn get_many<T: Record>(conn: &Connection, keys: &Keys, ids: &[String]) -> Result<Vec<T>> {
    super::lease::check(conn, T::KIND)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM records WHERE id = ?1 AND kind = ?2"
    ))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.extend(collect::<T>(keys, &mut stmt, params![id, T::KIND])?);
    }
    Ok(out)
}

/// Every record of a kind that is about one day.
pub fn list_on_day<T: Record>(conn: &Connection, keys: &Keys, day: Day) -> Result<Vec<T>> {
    super::lease::check(conn, T::KIND)?;
    let tag = keys.lookup_tag("day", day.to_string().as_bytes());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM records WHERE day_tag = ?1 AND kind = ?2"
    ))?;
    collect(keys, &mut stmt, params![tag, T::KIND])
}

/// Seal every row again under the associated data of schema 2 (its owner and day tag bound in),
/// recording each in the audit trail with its revision unchanged. Each row must first open under
/// schema 1's binding: a row that does not (damaged, or already sealed for schema 2 in a file
/// whose schema version was put back) stops the whole upgrade as [`Error::Tampered`] naming it.
pub(crate) fn reseal_for_schema_2(tx: &Transaction<'_>, keys: &Keys) -> Result<u64> {
    let rows = {
        let mut stmt = tx.prepare(&format!("SELECT {ROW_COLUMNS} FROM records ORDER BY rowid"))?;
        let rows = stmt.query_map([], Row::read)?;
        rows.collect::<rusqlite::Result<Vec<Row>>>()?
    };
    let mut update = tx.prepare("UPDATE records SET body = ?1 WHERE id = ?2")?;
    let mut count = 0;
    for row in rows {
        let record_ad = ad(&row.kind, &row.id, row.rev);
        let place = row.place();
        let plain = keys.open_record_owned(&record_ad, row.body.clone())?;
        let body = keys.seal_row(&record_ad, &place, &plain)?;
        drop(plain);
        update.execute(params![body, row.id])?;
        audit::append(
            tx,
            keys,
            audit::Op::Reseal,
            &row.kind,
            &row.id,
            row.rev,
            &body,
        )?;
        count += 1;
    }
    Ok(count)
}

/// Remove a record and, through the owner key, everything that belongs to it, and what belongs
/// to that in turn (a client's note and the note's earlier revisions). Every row that would go
/// with it must open as its owner's first: a row moved here from another client with a SQLite
/// tool is [`Error::Tampered`] naming it, and nothing is erased, rather than being removed unseen
/// with the wrong client.
pub fn erase(tx: &Transaction<'_>, keys: &Keys, kind: &str, id: &str) -> Result<()> {
    let owned = {
        let mut stmt = tx.prepare(&format!(
            "WITH RECURSIVE owned(id) AS (
                 SELECT id FROM records WHERE owner = ?1
                 UNION SELECT r.id FROM records r JOIN owned o ON r.owner = o.id)
             SELECT {ROW_COLUMNS} FROM records WHERE id IN owned ORDER BY rowid"
        ))?;
        let rows = stmt.query_map([id], Row::read)?;
        rows.collect::<rusqlite::Result<Vec<Row>>>()?
    };
    for row in &owned {
        if !row_opens(
            keys,
            &row.kind,
            &row.id,
            row.owner.as_deref(),
            row.day_tag.as_deref(),
            row.rev,
            row.body.clone(),
        ) {
            return Err(Error::tampered(&row.kind, &row.id));
        }
    }
    let mut marks = Vec::new();
    for row in owned.iter().filter(|r| r.kind == super::indexes::MARK_KIND) {
        marks.push(row.clone().open::<super::indexes::MarkRow>(keys)?.value);
    }
    super::indexes::on_erase(tx, keys, &marks)?;
    let n = tx.execute(
        "DELETE FROM records WHERE id = ?1 AND kind = ?2",
        params![id, kind],
    )?;
    if n == 0 {
        return Err(Error::not_found(kind, id));
    }
    // The trail keeps that each record was erased, so a row deleted behind the API's back stands out.
    for row in &owned {
        audit::append(tx, keys, audit::Op::Erase, &row.kind, &row.id, 0, &[])?;
    }
    audit::append(tx, keys, audit::Op::Erase, kind, id, 0, &[])?;
    Ok(())
}
