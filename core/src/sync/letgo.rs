//! Letting go of team data: a client this phone no longer holds (handed over, a cover ended) and,
//! for a device removed from the team, everything the team shared with it.

use rusqlite::{params, Transaction};

use super::local::{self, Keyspace, Op, Parked, Review, Tracked};
use crate::crypto::Keys;
use crate::error::Result;
use crate::storage::{self, outbox, Record};

/// Erase a local record (and what it owns) if it is still here.
fn erase_local(tx: &Transaction<'_>, keys: &Keys, id: &str) -> Result<()> {
    if let Some((kind, _, _)) = storage::row_place(tx, id)? {
        storage::erase(tx, keys, &kind, id)?;
    }
    Ok(())
}

/// Whether a write for this keyspace is still to leave the phone: an op the relay has not
/// stored, or an outbox mark on the client or a record of theirs.
fn unsent(tx: &Transaction<'_>, keys: &Keys, k: &Keyspace) -> Result<bool> {
    let ops = storage::list::<Op>(tx, keys)?;
    if ops
        .iter()
        .any(|o| o.acked.is_none() && o.envelope.keyspace == k.keyspace)
    {
        return Ok(true);
    }
    let Some(client) = &k.client else {
        return Ok(false);
    };
    for (id, _) in outbox::pending(tx)? {
        let owner = storage::row_place(tx, &id)?.and_then(|(_, owner, _)| owner);
        if id == *client || owner.as_deref() == Some(client) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Erase a keyspace's data here: its client and every record of theirs, the records it sealed,
/// their revisions, ops, parked revisions and review items, and its keys. Unless `force`, waits
/// (returns false) while a write of it has not reached the relay, so nothing unsent is lost.
pub fn keyspace(tx: &Transaction<'_>, keys: &Keys, k: &Keyspace, force: bool) -> Result<bool> {
    if !force && unsent(tx, keys, k)? {
        return Ok(false);
    }
    for op in storage::list::<Op>(tx, keys)? {
        if op.envelope.keyspace == k.keyspace {
            storage::erase(tx, keys, Op::KIND, &op.id)?;
        }
    }
    let reviews = storage::list::<Review>(tx, keys)?;
    for t in storage::list::<Tracked>(tx, keys)? {
        if t.keyspace != k.keyspace {
            continue;
        }
        erase_local(tx, keys, &t.local)?;
        let link = format!("sync:loc:{}", t.local);
        if storage::find::<local::Link>(tx, keys, &link)?.is_some() {
            storage::erase(tx, keys, local::Link::KIND, &link)?;
        }
        for r in reviews.iter().filter(|r| r.local == t.local) {
            storage::erase(tx, keys, Review::KIND, &r.id)?;
        }
        storage::erase(tx, keys, Tracked::KIND, &t.id)?;
        outbox::clear(tx, &t.local)?;
    }
    if let Some(client) = &k.client {
        erase_local(tx, keys, client)?;
        outbox::clear(tx, client)?;
    }
    for p in storage::list::<Parked>(tx, keys)? {
        if p.envelope.keyspace == k.keyspace {
            storage::erase(tx, keys, Parked::KIND, &p.id)?;
        }
    }
    storage::erase(tx, keys, Keyspace::KIND, &k.id)?;
    Ok(true)
}

/// This device was removed from the team: erase the team row, every keyspace and what it
/// sealed, every op, parked revision and review item, and the outbox. The worker's own corner
/// and settings, which never left the phone, stay.
pub fn everything(tx: &Transaction<'_>, keys: &Keys) -> Result<()> {
    for k in storage::list::<Keyspace>(tx, keys)? {
        keyspace(tx, keys, &k, true)?;
    }
    let rest: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT kind, id FROM records WHERE kind IN
             ('sync_team', 'sync_record', 'sync_link', 'sync_op', 'sync_parked', 'sync_review')",
        )?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for (kind, id) in rest {
        storage::erase(tx, keys, &kind, &id)?;
    }
    tx.execute_batch("DROP TABLE IF EXISTS sync_pending;")?;
    storage::lease::set(tx, None)
}
