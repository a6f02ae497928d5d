//! Earlier revisions: an edit never throws away what it replaced. Before a record is written
//! again, the value it held is kept as a sealed row of its own (kind `revision`), owned by the
//! record itself, so it goes wherever the record goes: erased with it (and with its client), and
//! copied by every backup. Screens show the history as "edited on <day>, earlier: ...", and sync
//! can later find a common ancestor of two phones' edits here.
//!
//! Why rows of their own rather than a list inside the record: the record stays the size of one
//! revision however often it is edited, and a list of a client's records never opens its history.
//! At rest this shows how many times each record was edited, which its `rev` column shows anyway.

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::error::{Error, Result};
use crate::storage::audit::Op;
use crate::storage::{find, list_owned, put, put_as, Record};
use crate::time::Timestamp;
use crate::validate;

/// Fields that change at every write and say nothing about what was edited.
const BOOKKEEPING: &[&str] = &["updated"];

/// A record's value as it was before an edit replaced it. Stored sealed (kind `revision`); renaming
/// a field is a migration plus a frozen fixture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Earlier {
    /// This row's own random id.
    pub id: String,
    /// The edited record's id (also the row's owner).
    pub record_id: String,
    /// The edited record's kind.
    pub record_kind: String,
    /// The revision this value was.
    pub rev: i64,
    /// The value, exactly as it was stored at that revision.
    pub value: serde_json::Value,
    /// When the edit replaced it.
    pub replaced: Timestamp,
}

impl Record for Earlier {
    const KIND: &'static str = "revision";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.record_id)
    }
}

fn without_bookkeeping(mut value: serde_json::Value) -> serde_json::Value {
    if let Some(map) = value.as_object_mut() {
        for key in BOOKKEEPING {
            map.remove(*key);
        }
    }
    value
}

/// Write `value` as the record's next revision, keeping the revision it replaces (see the
/// module's docs); the audit trail gets an `update` for the record and a `create` for the kept
/// revision. A new record is simply created. An edit that changes nothing writes nothing and
/// returns the current revision.
pub fn revise<T: Record>(tx: &Transaction<'_>, keys: &Keys, value: &T) -> Result<i64> {
    revise_as(tx, keys, value, Op::Update)
}

/// Like [`revise`], naming the operation for the audit trail (sign, correction, ...).
pub fn revise_as<T: Record>(tx: &Transaction<'_>, keys: &Keys, value: &T, op: Op) -> Result<i64> {
    let Some(current) = find::<T>(tx, keys, value.id())? else {
        return put(tx, keys, value);
    };
    let encode = |v: &T| serde_json::to_value(v).map_err(|e| Error::encoding(T::KIND, &e));
    let before = encode(&current.value)?;
    if without_bookkeeping(before.clone()) == without_bookkeeping(encode(value)?) {
        return Ok(current.rev);
    }
    let earlier = Earlier {
        id: validate::new_id(),
        record_id: value.id().to_string(),
        record_kind: T::KIND.to_string(),
        rev: current.rev,
        value: before,
        replaced: Timestamp::now(),
    };
    put(tx, keys, &earlier)?;
    put_as(tx, keys, value, op)
}

/// Like [`revise`] for a record given as its JSON (what another phone of the team wrote).
pub fn revise_plain(
    tx: &Transaction<'_>,
    keys: &Keys,
    row: &super::RawRow<'_>,
    value: &serde_json::Value,
) -> Result<i64> {
    let current = match super::row_place(tx, row.id)? {
        Some((kind, _, rev)) if kind == row.kind => {
            Some((rev, super::current_value(tx, keys, row.kind, row.id)?))
        }
        Some(_) => return Err(Error::not_found(row.kind, row.id)),
        None => None,
    };
    let plain = serde_json::to_vec(value).map_err(|e| Error::encoding(row.kind, &e))?;
    let Some((rev, before)) = current else {
        return super::put_plain(tx, keys, row, plain, Op::Create, 1);
    };
    if without_bookkeeping(before.clone()) == without_bookkeeping(value.clone()) {
        return Ok(rev);
    }
    let earlier = Earlier {
        id: validate::new_id(),
        record_id: row.id.to_string(),
        record_kind: row.kind.to_string(),
        rev,
        value: before,
        replaced: Timestamp::now(),
    };
    put(tx, keys, &earlier)?;
    super::put_plain(tx, keys, row, plain, Op::Update, rev + 1)
}

/// A record's earlier revisions, oldest first.
pub fn earlier_of(conn: &Connection, keys: &Keys, record_id: &str) -> Result<Vec<Earlier>> {
    let mut all = list_owned::<Earlier>(conn, keys, record_id)?;
    all.sort_by_key(|e| e.rev);
    Ok(all)
}
