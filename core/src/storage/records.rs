//! Sealed records: every domain record is one row of `records`. Plaintext columns hold only the
//! random id, the record kind, the owning client's random id (for listing and erase), an optional
//! keyed day tag (for the day's view), and the revision (see [`super::schema`] for the table of
//! every column). Everything else is one sealed JSON body.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{de::DeserializeOwned, Serialize};

use crate::crypto::{Keys, RecordAd};
use crate::error::{Error, Result};
use crate::storage::audit;
use crate::time::Day;

const BODY: &str = "body";

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
#[allow(unused_imports)]
pub(crate) use client_record;

fn ad<'a>(kind: &'a str, id: &'a str, rev: i64) -> RecordAd<'a> {
    RecordAd {
        kind,
        id,
        field: BODY,
        rev,
    }
}

/// Open a row's body where it was read (no plaintext copy) and decode it; the buffer is wiped
/// when it drops.
fn open_body<T: Record>(keys: &Keys, id: &str, rev: i64, body: Vec<u8>) -> Result<T> {
    let plain = keys.open_record_owned(&ad(T::KIND, id, rev), body)?;
    serde_json::from_slice(&plain).map_err(|_| Error::tampered(T::KIND, id))
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
    let op = match current_rev::<T>(tx, value.id())? {
        Some(_) => audit::Op::Update,
        None => audit::Op::Create,
    };
    put_as(tx, keys, value, op)
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
        .query_row("SELECT kind, rev FROM records WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
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
    let id = value.id();
    let mut plain = serde_json::to_vec(value).map_err(|e| Error::encoding(T::KIND, &e))?;
    let body = keys.seal_record(&ad(T::KIND, id, rev), &plain);
    zeroize::Zeroize::zeroize(&mut plain);
    let body = body?;
    let day_tag = value
        .day()
        .map(|d| keys.lookup_tag("day", d.to_string().as_bytes()));
    tx.execute(
        "INSERT INTO records (id, kind, owner, day_tag, rev, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, day_tag = excluded.day_tag,
             rev = excluded.rev, body = excluded.body",
        params![id, T::KIND, value.owner(), day_tag, rev, body],
    )?;
    audit::append(tx, keys, op, T::KIND, id, rev, &body)?;
    Ok(rev)
}

/// Read and open one record; `NotFound` when there is none, `Tampered` when it does not open.
pub fn get<T: Record>(conn: &Connection, keys: &Keys, id: &str) -> Result<Stored<T>> {
    find(conn, keys, id)?.ok_or_else(|| Error::not_found(T::KIND, id))
}

/// Read and open one record, if there is one.
pub fn find<T: Record>(conn: &Connection, keys: &Keys, id: &str) -> Result<Option<Stored<T>>> {
    let row: Option<(i64, Vec<u8>)> = conn
        .query_row(
            "SELECT rev, body FROM records WHERE id = ?1 AND kind = ?2",
            params![id, T::KIND],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(rev, body)| {
        Ok(Stored {
            rev,
            value: open_body(keys, id, rev, body)?,
        })
    })
    .transpose()
}

fn collect<T: Record>(
    keys: &Keys,
    stmt: &mut rusqlite::Statement<'_>,
    args: impl rusqlite::Params,
) -> Result<Vec<T>> {
    let rows = stmt.query_map(args, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, rev, body) = row?;
        out.push(open_body(keys, &id, rev, body)?);
    }
    Ok(out)
}

/// Every record of a kind that belongs to one client.
pub fn list_owned<T: Record>(conn: &Connection, keys: &Keys, owner: &str) -> Result<Vec<T>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, rev, body FROM records WHERE owner = ?1 AND kind = ?2")?;
    collect(keys, &mut stmt, params![owner, T::KIND])
}

/// Every record of a kind.
pub fn list<T: Record>(conn: &Connection, keys: &Keys) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached("SELECT id, rev, body FROM records WHERE kind = ?1")?;
    collect(keys, &mut stmt, params![T::KIND])
}

/// Every record of a kind that is about one day.
pub fn list_on_day<T: Record>(conn: &Connection, keys: &Keys, day: Day) -> Result<Vec<T>> {
    let tag = keys.lookup_tag("day", day.to_string().as_bytes());
    let mut stmt =
        conn.prepare_cached("SELECT id, rev, body FROM records WHERE day_tag = ?1 AND kind = ?2")?;
    collect(keys, &mut stmt, params![tag, T::KIND])
}

/// Remove a record and, through the owner key, everything that belongs to it.
pub fn erase(tx: &Transaction<'_>, keys: &Keys, kind: &str, id: &str) -> Result<()> {
    let mut stmt = tx.prepare("SELECT kind, id FROM records WHERE owner = ?1")?;
    let owned = stmt
        .query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let n = tx.execute(
        "DELETE FROM records WHERE id = ?1 AND kind = ?2",
        params![id, kind],
    )?;
    if n == 0 {
        return Err(Error::not_found(kind, id));
    }
    // The trail keeps that each record was erased, so a row deleted behind the API's back stands out.
    for (owned_kind, owned_id) in &owned {
        audit::append(tx, keys, audit::Op::Erase, owned_kind, owned_id, 0, &[])?;
    }
    audit::append(tx, keys, audit::Op::Erase, kind, id, 0, &[])?;
    Ok(())
}
