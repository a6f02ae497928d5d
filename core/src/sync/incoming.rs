//! Storing what other phones wrote: open and check each received revision, keep it in the
//! record's revision graph, store the record when it follows this phone's head, and merge forks.

use alongside_wire::{Envelope, Hash32, RecordClass};
use std::collections::BTreeMap;

use super::local::{self, Choice, Keyspace, Parked, Review, Tracked};
use super::merge;
use super::outgoing::{grants_keyspace, Grant, Maker, Payload};
use super::refusal::{Refusal, RefusalReason};
use super::seal::{self, Header};
use crate::crypto::Secret;
use crate::error::Result;
use crate::storage::{self, outbox, RawRow};
use crate::time::{Day, Timestamp};

/// What became of one received revision.
#[derive(Debug, PartialEq, Eq)]
pub enum Applied {
    /// Stored (or already known).
    Stored,
    /// A key grant for this device.
    Granted,
    /// Kept aside until its key or client arrives.
    Parked,
    /// Another device's key grant, a grant already held, or this phone's own revision: nothing
    /// to store.
    NotForMe,
    /// Refused: its author is not in the verified team, or it does not open, verify or match.
    Refused(Refusal),
}

/// Store a record's value as another phone wrote it (no outbox mark), keeping the value it
/// replaces among its earlier revisions.
fn store_value(
    m: &Maker<'_>,
    kind: &str,
    id: &str,
    owner: Option<&str>,
    value: &serde_json::Value,
) -> Result<()> {
    let day = if kind == "activity" {
        value
            .get("day")
            .and_then(|d| serde_json::from_value::<Day>(d.clone()).ok())
    } else {
        None
    };
    let row = RawRow {
        kind,
        id,
        owner,
        day,
    };
    outbox::receiving(|| storage::revise_plain(m.tx, m.keys, &row, value))?;
    Ok(())
}

/// Open, check and apply one received revision; `ahead` is what [`open_ahead`] made of it.
pub fn apply(
    m: &Maker<'_>,
    e: &Envelope,
    ahead: Option<Ahead>,
    forks: &mut Vec<alongside_wire::RecordId>,
) -> Result<Applied> {
    if e.author == m.me {
        return Ok(Applied::NotForMe);
    }
    if !m.state.devices.contains_key(&e.author) {
        return Ok(Applied::Refused(RefusalReason::UnknownDevice.into()));
    }
    let h = Header::of(&m.team.team, e);
    if e.keyspace == grants_keyspace(&m.me) {
        let json = match seal::open_grant(&h, &m.team.agreement, &e.body.0) {
            Ok(json) => json,
            Err(why) => return Ok(Applied::Refused(why.into())),
        };
        let Ok(g) = serde_json::from_slice::<Grant>(&json) else {
            return Ok(Applied::Refused(RefusalReason::Unreadable.into()));
        };
        let row = local::keyspace_row(&g.keyspace);
        let known = storage::find::<Keyspace>(m.tx, m.keys, &row)?.map(|s| s.value);
        // Held already (read first, or read again after an interrupted sync): applied again, an
        // older epoch's grant would count its granter as holding the newest key.
        if known
            .as_ref()
            .is_some_and(|k| k.keys.get(&g.epoch) == Some(&g.key))
        {
            return Ok(Applied::NotForMe);
        }
        let mut k = known.unwrap_or(Keyspace {
            id: row,
            keyspace: g.keyspace,
            client: g.client.clone(),
            staff: g.staff,
            keys: BTreeMap::new(),
            granted: Vec::new(),
            origin: Some(e.author),
            next_key: None,
        });
        // A newer epoch's key: who holds it is known afresh (only its granter so far).
        if k.keys
            .keys()
            .next_back()
            .is_none_or(|newest| g.epoch > *newest)
        {
            k.granted.clear();
        }
        k.keys.insert(g.epoch, g.key);
        if !k.granted.contains(&e.author) {
            k.granted.push(e.author);
        }
        storage::put(m.tx, m.keys, &k)?;
        m.held.borrow_mut().clear();
        return Ok(Applied::Granted);
    }
    if m.grants_keyspaces.contains(&e.keyspace) {
        return Ok(Applied::NotForMe);
    }
    let Some(key) = key_of(m, e)? else {
        return park(m, e);
    };
    // Opened ahead with the key held when the page began: used only if a grant earlier in the
    // page did not replace that key since.
    let payload = match ahead {
        Some(a) if a.key.as_bytes() == key.as_bytes() => a.payload,
        _ => open_payload(&h, &key, e),
    };
    let p = match payload {
        Ok(p) => p,
        Err(why) => return Ok(Applied::Refused(why.into())),
    };
    if let Some(owner) = &p.owner {
        if storage::row_place(m.tx, owner)?.is_none() {
            return park(m, e);
        }
    }
    let mut t = match local::tracked(m.tx, m.keys, &e.record)? {
        Some(t) => t,
        None => Tracked {
            id: format!("sync:rec:{}", e.record),
            record: e.record,
            local: p.id.clone(),
            kind: p.kind.clone(),
            class: e.class,
            keyspace: e.keyspace,
            heads: Vec::new(),
            revs: BTreeMap::new(),
        },
    };
    if t.local != p.id || t.kind != p.kind {
        return Ok(Applied::Refused(Refusal {
            reason: RefusalReason::RecordMismatch,
            kind: Some(p.kind),
        }));
    }
    if t.revs.contains_key(&e.rev.to_text()) {
        return Ok(Applied::Stored);
    }
    t.revs.insert(
        e.rev.to_text(),
        local::Rev {
            parents: e.parents.clone(),
            value: p.value.clone(),
            author: e.author,
            at: p.at,
        },
    );
    let named = t.revs.values().any(|r| r.parents.contains(&e.rev));
    t.heads.retain(|h| !e.parents.contains(h));
    if !named {
        t.heads.push(e.rev);
    }
    t.heads.sort();
    if t.heads == [e.rev] || t.class == RecordClass::AppendOnly {
        store_value(m, &p.kind, &p.id, p.owner.as_deref(), &p.value)?;
        if t.class == RecordClass::AppendOnly {
            t.heads = vec![e.rev];
        }
    } else if t.heads.len() > 1 && !forks.contains(&t.record) {
        forks.push(t.record);
    }
    for (field, choices) in &p.conflicts {
        raise(m, &t, field, choices.clone())?;
    }
    for field in &p.resolved {
        let row = local::review_row(&t.local, field);
        if storage::find::<Review>(m.tx, m.keys, &row)?.is_some() {
            storage::erase(m.tx, m.keys, "sync_review", &row)?;
        }
    }
    local::put_tracked(m.tx, m.keys, &t)?;
    Ok(Applied::Stored)
}

/// A record revision opened ahead of its turn: the key it was opened with, and its payload
/// (or why it did not open, verify or parse: refused when its turn comes).
pub struct Ahead {
    key: Secret,
    payload: std::result::Result<Payload, RefusalReason>,
}

/// Fewer revisions than this are opened where they are applied: threads would cost more.
const AHEAD_MIN: usize = 16;

/// Open and verify a page's record revisions whose keys this phone holds, on every core, before
/// they are applied in order (one per envelope, `None` where there is nothing to open ahead).
/// Opening and verifying are pure, so applying gives what it gives without this, only sooner:
/// Ed25519 verification is the largest single share of a received revision's work.
pub fn open_ahead(m: &Maker<'_>, envelopes: &[&Envelope]) -> Result<Vec<Option<Ahead>>> {
    let mut jobs = Vec::new();
    for (i, e) in envelopes.iter().enumerate() {
        let record = e.author != m.me
            && m.state.devices.contains_key(&e.author)
            && e.keyspace != grants_keyspace(&m.me)
            && !m.grants_keyspaces.contains(&e.keyspace);
        if record {
            if let Some(key) = key_of(m, e)? {
                jobs.push((i, *e, key));
            }
        }
    }
    let mut out: Vec<Option<Ahead>> = envelopes.iter().map(|_| None).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || jobs.len() < AHEAD_MIN {
        return Ok(out);
    }
    let team = &m.team.team;
    let open = |chunk: &[(usize, &Envelope, Secret)]| -> Vec<(usize, Ahead)> {
        chunk
            .iter()
            .map(|(i, e, key)| {
                let payload = open_payload(&Header::of(team, e), key, e);
                (
                    *i,
                    Ahead {
                        key: key.clone(),
                        payload,
                    },
                )
            })
            .collect()
    };
    let size = jobs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let mut chunks = jobs.chunks(size);
        let mine = chunks.next();
        let others: Vec<_> = chunks.map(|c| s.spawn(move || open(c))).collect();
        let mut done = mine.map(open).unwrap_or_default();
        // A thread that could not finish leaves its revisions to be opened where applied.
        for h in others {
            done.extend(h.join().unwrap_or_default());
        }
        for (i, a) in done {
            if let Some(slot) = out.get_mut(i) {
                *slot = Some(a);
            }
        }
    });
    Ok(out)
}

/// Open a record revision, check its signature and read its payload; why not if a step fails.
fn open_payload(
    h: &Header<'_>,
    key: &Secret,
    e: &Envelope,
) -> std::result::Result<Payload, RefusalReason> {
    let json = seal::open_record(h, key, &e.body.0)?;
    serde_json::from_slice::<Payload>(&json).map_err(|_| RefusalReason::Unreadable)
}

/// The key a revision is sealed under, if this phone holds it.
fn key_of(m: &Maker<'_>, e: &Envelope) -> Result<Option<Secret>> {
    if let Some(key) = m.held.borrow().get(&(e.keyspace, e.epoch)) {
        return Ok(Some(key.clone()));
    }
    let key = storage::find::<Keyspace>(m.tx, m.keys, &local::keyspace_row(&e.keyspace))?
        .and_then(|k| k.value.keys.get(&e.epoch).copied())
        .and_then(|k| Secret::from_slice(&k));
    if let Some(key) = &key {
        m.held
            .borrow_mut()
            .insert((e.keyspace, e.epoch), key.clone());
    }
    Ok(key)
}

fn park(m: &Maker<'_>, e: &Envelope) -> Result<Applied> {
    storage::put(
        m.tx,
        m.keys,
        &Parked {
            id: format!("sync:park:{}", e.rev),
            envelope: e.clone(),
        },
    )?;
    Ok(Applied::Parked)
}

/// What became of parked revisions tried again.
#[derive(Default)]
pub struct Retried {
    /// How many were stored (or granted) now.
    pub stored: u32,
    /// Those refused now: the revision, its author, and why.
    pub refused: Vec<(Hash32, alongside_wire::DeviceId, Refusal)>,
}

/// Try every parked revision again (after a grant or a client arrived).
pub fn retry_parked(m: &Maker<'_>, forks: &mut Vec<alongside_wire::RecordId>) -> Result<Retried> {
    let mut done = Retried::default();
    // Keyspaces and epochs whose key is still missing: their revisions stay parked untouched
    // (a phone that holds few of the team's clients parks every other client's revisions).
    let mut keyless = BTreeMap::new();
    loop {
        let mut progress = false;
        for p in storage::list::<Parked>(m.tx, m.keys)? {
            let e = &p.envelope;
            let missing = match keyless.get(&(e.keyspace, e.epoch)) {
                Some(missing) => *missing,
                None => {
                    let missing = key_of(m, e)?.is_none();
                    keyless.insert((e.keyspace, e.epoch), missing);
                    missing
                }
            };
            if missing {
                continue;
            }
            storage::erase(m.tx, m.keys, "sync_parked", &p.id)?;
            match apply(m, &p.envelope, None, forks)? {
                Applied::Parked => {}
                Applied::Refused(why) => {
                    progress = true;
                    done.refused.push((e.rev, e.author, why));
                }
                _ => {
                    progress = true;
                    done.stored += 1;
                }
            }
        }
        if !progress {
            return Ok(done);
        }
    }
}

fn raise(m: &Maker<'_>, t: &Tracked, field: &str, choices: Vec<Choice>) -> Result<()> {
    let review = Review {
        id: local::review_row(&t.local, field),
        local: t.local.clone(),
        kind: t.kind.clone(),
        field: field.to_string(),
        choices,
        raised: Timestamp::now(),
    };
    storage::put(m.tx, m.keys, &review)?;
    Ok(())
}

/// Merge a record's heads (see [`merge`]): store the merged value, raise a review item for each
/// field changed differently, and make a merge revision naming every head, carrying those items
/// so every phone raises them. Heads that all hold the same value are left as they are (the next
/// edit names them all), so two phones merging at once do not merge each other's merges forever.
pub fn resolve_fork(m: &Maker<'_>, record: &alongside_wire::RecordId) -> Result<()> {
    let Some(mut t) = local::tracked(m.tx, m.keys, record)? else {
        return Ok(());
    };
    if t.heads.len() < 2 {
        return Ok(());
    }
    let heads: Vec<(Hash32, serde_json::Value)> = t
        .heads
        .iter()
        .filter_map(|h| t.revs.get(&h.to_text()).map(|r| (*h, r.value.clone())))
        .collect();
    let Some((_, first)) = heads.first() else {
        return Ok(());
    };
    let owner = first
        .get("client_id")
        .and_then(|c| c.as_str())
        .map(str::to_string)
        .or_else(|| {
            storage::row_place(m.tx, &t.local)
                .ok()
                .flatten()
                .and_then(|r| r.1)
        });
    if heads.iter().all(|(_, v)| v == first) {
        let first = first.clone();
        return store_value(m, &t.kind, &t.local, owner.as_deref(), &first);
    }
    let base = merge::common_ancestor(&t.revs, &t.heads)
        .and_then(|a| t.revs.get(&a.to_text()))
        .map(|r| r.value.clone())
        .unwrap_or(serde_json::Value::Null);
    let (merged, conflicts) = merge::merge(&base, &heads);
    let mut notes = Vec::new();
    for c in conflicts {
        let choices: Vec<Choice> = c
            .sides
            .iter()
            .filter_map(|(h, v)| {
                t.revs.get(&h.to_text()).map(|r| Choice {
                    value: v.clone(),
                    device: r.author,
                    at: r.at,
                })
            })
            .collect();
        raise(m, &t, &c.field, choices.clone())?;
        notes.push((c.field, choices));
    }
    store_value(m, &t.kind, &t.local, owner.as_deref(), &merged)?;
    let payload = Payload {
        kind: t.kind.clone(),
        id: t.local.clone(),
        owner,
        value: merged,
        at: Timestamp::now(),
        conflicts: notes,
        resolved: Vec::new(),
    };
    m.revision(&mut t, &payload)
}
