//! From the outbox's marks to sealed, signed revisions (ops), and key grants.

use alongside_wire::{
    revision_hash, DeviceId, Envelope, Hash32, Id16, KeyspaceId, RecordClass, TeamState,
};
use ring::signature::Ed25519KeyPair;
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

use super::holders;
use super::local::{self, Choice, Keyspace, Op, Rev, Team, Tracked};
use super::seal::{self, Header};
use crate::crypto::{random_bytes, Keys, Secret};
use crate::error::{Error, Result};
use crate::storage::{self, outbox, Record};
use crate::time::Timestamp;
use crate::vault::WorkerSession;

/// What a record revision carries, sealed: the record as stored, where it goes, and the review
/// items a merge raised or a person settled.
#[derive(Serialize, Deserialize)]
pub struct Payload {
    /// The record kind.
    pub kind: String,
    /// The local record id (the same on every phone).
    pub id: String,
    /// The owning client's id.
    pub owner: Option<String>,
    /// The record's JSON.
    pub value: serde_json::Value,
    /// When the author wrote it, by its clock (shown, never used to choose).
    pub at: Timestamp,
    /// Fields a merge found changed differently on two phones: each phone raises a review item.
    #[serde(default)]
    pub conflicts: Vec<(String, Vec<Choice>)>,
    /// Fields a person settled: each phone drops its review item.
    #[serde(default)]
    pub resolved: Vec<String>,
}

/// A keyspace key for one device.
#[derive(Serialize, Deserialize)]
pub struct Grant {
    /// The keyspace.
    pub keyspace: KeyspaceId,
    /// The client it seals, if any.
    pub client: Option<String>,
    /// The staff member whose own keyspace this is (their shared debriefs and supervision requests):
    /// held by them and the team's admins.
    #[serde(default)]
    pub staff: Option<alongside_wire::MemberId>,
    /// The epoch.
    pub epoch: u64,
    /// The key.
    pub key: [u8; 32],
}

/// How a kind may change on the team (the only thing the relay learns of it).
pub fn class_of(kind: &str) -> RecordClass {
    match kind {
        "note" | "addendum" | "incident_correction" => RecordClass::Immutable,
        "rating" | "review" | "plan_version" => RecordClass::AppendOnly,
        _ => RecordClass::Editable,
    }
}

/// The keyspace that carries one device's key grants: derived from its signing key.
pub fn grants_keyspace(device: &DeviceId) -> KeyspaceId {
    let mut c = alongside_wire::canon::Canon::new("alongside/grants/v1");
    c.fixed(&device.0);
    let h = c.sha256();
    let mut id = [0u8; 16];
    id.copy_from_slice(&h.0[..16]);
    Id16(id)
}

/// The staff member a record is about, when its JSON names one in `staff_member` (their shared
/// debriefs, supervision requests, what their supervisor asked of them): it goes to their own
/// keyspace, not the team's.
fn staff_of(value: &serde_json::Value) -> Option<alongside_wire::MemberId> {
    value
        .get("staff_member")
        .and_then(|m| m.as_str())
        .and_then(Id16::from_text)
}

/// Everything one write transaction needs to make ops.
pub struct Maker<'a> {
    /// The transaction.
    pub tx: &'a Transaction<'a>,
    /// The vault's keys.
    pub keys: &'a Keys,
    /// The team row.
    pub team: &'a Team,
    /// The verified team state.
    pub state: &'a TeamState,
    /// This device's key pair.
    pub pair: &'a Ed25519KeyPair,
    /// This device.
    pub me: DeviceId,
    /// Today, as the team log counts days (covers end by it).
    pub today: u32,
    /// Keyspace keys read in this transaction, by keyspace and epoch: a page of received
    /// revisions opens the same few keyspaces hundreds of times. Emptied whenever a grant is
    /// stored.
    pub held: RefCell<BTreeMap<(KeyspaceId, u64), Secret>>,
    /// Grants keyspaces of the team's devices (a received revision in one is nobody's record).
    pub grants_keyspaces: Vec<KeyspaceId>,
}

/// Run `f` in one write transaction with a maker for this device (its signer, its id, today).
pub fn with_maker<T>(
    session: &WorkerSession,
    team: &Team,
    state: &TeamState,
    f: impl FnOnce(&Maker<'_>) -> Result<T>,
) -> Result<T> {
    let pair = seal::signer(&team.signing)?;
    let me = team.device()?;
    session.write(|tx, keys| {
        f(&Maker {
            tx,
            keys,
            team,
            state,
            pair: &pair,
            me,
            today: holders::today(),
            held: RefCell::new(BTreeMap::new()),
            grants_keyspaces: state.devices.keys().map(grants_keyspace).collect(),
        })
    })
}

impl Maker<'_> {
    fn store_op(&self, envelope: Envelope) -> Result<()> {
        let op = Id16(random_bytes()?);
        storage::put(
            self.tx,
            self.keys,
            &Op {
                id: format!("sync:op:{op}"),
                op,
                envelope,
                acked: None,
            },
        )?;
        Ok(())
    }

    /// Wrap a keyspace key to one device, as an op.
    pub fn grant(&self, to: &DeviceId, grant: &Grant) -> Result<()> {
        let agreement = self
            .state
            .devices
            .get(to)
            .map(|d| d.agreement.0)
            .ok_or_else(|| Error::not_found("device", &to.to_text()))?;
        let record = Id16(random_bytes()?);
        let keyspace = grants_keyspace(to);
        let epoch = self.state.epoch(&keyspace);
        let h = Header {
            team: &self.team.team,
            record: &record,
            class: RecordClass::Immutable,
            keyspace: &keyspace,
            epoch,
            parents: &[],
            author: &self.me,
        };
        let json = serde_json::to_vec(grant).map_err(|e| Error::encoding("grant", &e))?;
        let body = seal::seal_grant(&h, self.pair, &agreement, &json)?;
        self.store_op(self.envelope(&h, body))
    }

    fn envelope(&self, h: &Header<'_>, body: Vec<u8>) -> Envelope {
        let rev = revision_hash(
            h.team, h.record, h.class, h.keyspace, h.epoch, h.parents, h.author, &body,
        );
        Envelope {
            record: *h.record,
            class: h.class,
            keyspace: *h.keyspace,
            epoch: h.epoch,
            parents: h.parents.to_vec(),
            rev,
            author: *h.author,
            body: alongside_wire::Blob(body),
        }
    }

    /// The keyspace for a new record: a staff member's own one for a record about them (its JSON
    /// names them in `staff_member`), the client's for a client's record, else the team-wide one.
    /// A staff member's or client's keyspace is made here at its first record and granted to its
    /// holders by `grant_missing` in this same transaction (until an admin assigns a client, this
    /// phone's member holds it with the admins).
    /// None while the team-wide keyspace's key has not reached a phone that joined (its record
    /// waits in the outbox until it has).
    fn keyspace_for(
        &self,
        owner: Option<&str>,
        staff: Option<alongside_wire::MemberId>,
    ) -> Result<Option<KeyspaceId>> {
        // A client's record is sealed under the client's keyspace and marked before what it owns,
        // so its tracked record names the keyspace: two lookups instead of opening every keyspace
        // (a first sync of 250 clients' records was mostly spent there).
        if let (Some(client), None) = (owner, staff) {
            if let Some(t) = local::tracked_by_local(self.tx, self.keys, client)? {
                return Ok(Some(t.keyspace));
            }
        }
        let all = storage::list::<Keyspace>(self.tx, self.keys)?;
        if owner.is_none() && staff.is_none() {
            // A joined phone learns the team-wide keyspace from its grant: the one of no client
            // and no staff member.
            return Ok(all
                .iter()
                .find(|k| k.keyspace == self.team.team_keyspace)
                .or_else(|| all.iter().find(|k| k.client.is_none() && k.staff.is_none()))
                .map(|k| k.keyspace));
        }
        let held = |k: &&Keyspace| match staff {
            Some(member) => k.staff == Some(member),
            None => k.client.as_deref() == owner,
        };
        if let Some(k) = all.iter().find(held) {
            return Ok(Some(k.keyspace));
        }
        let keyspace = Id16(random_bytes()?);
        let key: [u8; 32] = random_bytes()?;
        let k = Keyspace {
            id: local::keyspace_row(&keyspace),
            keyspace,
            client: if staff.is_some() {
                None
            } else {
                owner.map(str::to_string)
            },
            staff,
            keys: BTreeMap::from([(self.state.epoch(&keyspace), key)]),
            granted: Vec::new(),
            origin: Some(self.me),
            next_key: None,
        };
        storage::put(self.tx, self.keys, &k)?;
        Ok(Some(keyspace))
    }

    /// Grant every keyspace key this phone holds to each active device of the keyspace's holders
    /// not known to hold it (a device or holder added since, whoever added it); never to anyone
    /// else, and nothing from a keyspace this phone's member no longer holds.
    pub fn grant_missing(&self) -> Result<u32> {
        let mine = self.state.member_of(&self.me);
        let mut made = 0;
        for mut k in storage::list::<Keyspace>(self.tx, self.keys)? {
            let holders = holders::holders(self.state, &k, &self.team.team_keyspace, self.today);
            if !mine.is_some_and(|m| holders.contains(&m)) {
                continue;
            }
            let missing: Vec<DeviceId> = self
                .state
                .devices_of(&holders)
                .into_iter()
                .filter(|d| *d != self.me && !k.granted.contains(d))
                .collect();
            if missing.is_empty() {
                continue;
            }
            for d in missing {
                if self.grant_to(&d, &k)? {
                    k.granted.push(d);
                    made += 1;
                }
            }
            storage::put(self.tx, self.keys, &k)?;
        }
        Ok(made)
    }

    /// Grant every key of a keyspace this phone holds, up to the current epoch, to one device: a
    /// new holder opens the history sealed under the older epochs too. Returns whether the
    /// current epoch's key was among them (false: this phone waits for it itself).
    pub fn grant_to(&self, to: &DeviceId, k: &Keyspace) -> Result<bool> {
        let current = self.state.epoch(&k.keyspace);
        for (epoch, key) in k.keys.range(..=current) {
            self.grant(
                to,
                &Grant {
                    keyspace: k.keyspace,
                    client: k.client.clone(),
                    staff: k.staff,
                    epoch: *epoch,
                    key: *key,
                },
            )?;
        }
        Ok(k.keys.contains_key(&current))
    }

    /// Seal a revision of a tracked record (new or not) with this payload, store it as an op and
    /// as the record's only head. Sealed under the current epoch's key, or, while its grant has not arrived, the newest key
    /// held: the relay refuses that as superseded and the phone re-seals once the key is here.
    pub fn revision(&self, t: &mut Tracked, payload: &Payload) -> Result<()> {
        let current = self.state.epoch(&t.keyspace);
        let k = storage::find::<Keyspace>(self.tx, self.keys, &local::keyspace_row(&t.keyspace))?
            .ok_or_else(|| Error::not_found("keyspace", &t.keyspace.to_text()))?;
        let (epoch, key) = k
            .value
            .keys
            .range(..=current)
            .next_back()
            .and_then(|(e, k)| Some((*e, Secret::from_slice(k)?)))
            .ok_or_else(|| Error::not_found("keyspace key", &t.keyspace.to_text()))?;
        let mut parents = t.heads.clone();
        parents.sort();
        parents.dedup();
        parents.truncate(alongside_wire::envelope::MAX_PARENTS);
        let h = Header {
            team: &self.team.team,
            record: &t.record,
            class: t.class,
            keyspace: &t.keyspace,
            epoch,
            parents: &parents,
            author: &self.me,
        };
        let json = serde_json::to_vec(payload).map_err(|e| Error::encoding("payload", &e))?;
        let body = seal::seal_record(&h, self.pair, &key, &json)?;
        let envelope = self.envelope(&h, body);
        t.revs.insert(
            envelope.rev.to_text(),
            Rev {
                parents: parents.clone(),
                value: payload.value.clone(),
                author: self.me,
                at: payload.at,
            },
        );
        t.heads = vec![envelope.rev];
        local::put_tracked(self.tx, self.keys, t)?;
        self.store_op(envelope)
    }

    /// Seal again, under the keyspace's current key, an op the relay refuses as superseded (sealed
    /// before a rotation reached this phone): same record, same JSON, a new revision and op id;
    /// the record's graph names the new revision instead. `renamed` maps old revisions to new
    /// ones so a later op naming the old one as parent names the new one. Returns false while the
    /// current key has not arrived.
    pub fn reseal(&self, op: &Op, renamed: &mut BTreeMap<Hash32, Hash32>) -> Result<bool> {
        let e = &op.envelope;
        let current = self.state.epoch(&e.keyspace);
        let Some(k) =
            storage::find::<Keyspace>(self.tx, self.keys, &local::keyspace_row(&e.keyspace))?
        else {
            return Ok(false);
        };
        let (Some(old), Some(new)) = (
            k.value
                .keys
                .get(&e.epoch)
                .and_then(|k| Secret::from_slice(k)),
            k.value
                .keys
                .get(&current)
                .and_then(|k| Secret::from_slice(k)),
        ) else {
            return Ok(false);
        };
        let json = seal::open_record(&Header::of(&self.team.team, e), &old, &e.body.0)
            .map_err(|_| Error::corrupt("team outbox"))?;
        let mut parents: Vec<Hash32> = e
            .parents
            .iter()
            .map(|p| renamed.get(p).copied().unwrap_or(*p))
            .collect();
        parents.sort();
        let h = Header {
            team: &self.team.team,
            record: &e.record,
            class: e.class,
            keyspace: &e.keyspace,
            epoch: current,
            parents: &parents,
            author: &self.me,
        };
        let body = seal::seal_record(&h, self.pair, &new, &json)?;
        let envelope = self.envelope(&h, body);
        renamed.insert(e.rev, envelope.rev);
        if let Some(mut t) = local::tracked(self.tx, self.keys, &e.record)? {
            if let Some(mut rev) = t.revs.remove(&e.rev.to_text()) {
                rev.parents.clone_from(&parents);
                t.revs.insert(envelope.rev.to_text(), rev);
            }
            for h in t.heads.iter_mut().filter(|h| **h == e.rev) {
                *h = envelope.rev;
            }
            for r in t.revs.values_mut() {
                for p in r.parents.iter_mut().filter(|p| **p == e.rev) {
                    *p = envelope.rev;
                }
            }
            local::put_tracked(self.tx, self.keys, &t)?;
        }
        storage::erase(self.tx, self.keys, Op::KIND, &op.id)?;
        self.store_op(envelope)?;
        Ok(true)
    }

    /// Turn one outbox mark into an op (or drop it when there is nothing to send). Returns
    /// whether an op was made.
    pub fn mark(&self, id: &str, kind: &str, resolved: &mut Vec<(String, String)>) -> Result<bool> {
        let Some(made) = self.mark_inner(id, kind, resolved)? else {
            // Its keyspace's key has not arrived: the mark stays for a later sync.
            return Ok(false);
        };
        outbox::clear(self.tx, id)?;
        Ok(made)
    }

    fn mark_inner(
        &self,
        id: &str,
        kind: &str,
        resolved: &mut Vec<(String, String)>,
    ) -> Result<Option<bool>> {
        let Some((stored_kind, owner, _)) = storage::row_place(self.tx, id)? else {
            return Ok(Some(false));
        };
        if stored_kind != kind {
            return Ok(Some(false));
        }
        let value = storage::current_value(self.tx, self.keys, kind, id)?;
        // A draft note stays on the phone: only what is signed is the team's record.
        if kind == "note"
            && value.get("status").and_then(|s| s.get("status")) != Some(&"signed".into())
        {
            return Ok(Some(false));
        }
        let tracked = local::tracked_by_local(self.tx, self.keys, id)?;
        let mut t = match tracked {
            Some(t) => {
                if t.class == RecordClass::Immutable {
                    return Ok(Some(false));
                }
                let same = t.heads.len() == 1
                    && t.revs
                        .get(&t.heads[0].to_text())
                        .is_some_and(|r| r.value == value);
                // A review settled with the value already held still goes out, to settle it on
                // the other phones too.
                let settles = resolved.iter().any(|(local, _)| local == id);
                if same && !settles {
                    return Ok(Some(false));
                }
                t
            }
            None => {
                let record = Id16(random_bytes()?);
                let owner_of = if kind == "client" {
                    Some(id)
                } else {
                    owner.as_deref()
                };
                let Some(keyspace) = self.keyspace_for(owner_of, staff_of(&value))? else {
                    return Ok(None);
                };
                Tracked {
                    id: format!("sync:rec:{record}"),
                    record,
                    local: id.to_string(),
                    kind: kind.to_string(),
                    class: class_of(kind),
                    keyspace,
                    heads: Vec::new(),
                    revs: BTreeMap::new(),
                }
            }
        };
        let mut settled = Vec::new();
        resolved.retain(|(local, field)| {
            if local == id {
                settled.push(field.clone());
                false
            } else {
                true
            }
        });
        let payload = Payload {
            kind: kind.to_string(),
            id: id.to_string(),
            owner,
            value,
            at: Timestamp::now(),
            conflicts: Vec::new(),
            resolved: settled,
        };
        self.revision(&mut t, &payload)?;
        Ok(Some(true))
    }
}
