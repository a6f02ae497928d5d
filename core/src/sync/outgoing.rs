//! From the outbox's marks to sealed, signed revisions (ops), and key grants.

use alongside_wire::{revision_hash, DeviceId, Envelope, Id16, KeyspaceId, RecordClass, TeamState};
use ring::signature::Ed25519KeyPair;
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::local::{self, Choice, Keyspace, Op, Rev, Team, Tracked};
use super::seal::{self, Header};
use crate::crypto::{random_bytes, Keys, Secret};
use crate::error::{Error, Result};
use crate::storage::{self, outbox};
use crate::time::Timestamp;

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

    /// Every active device but this one.
    fn others(&self) -> Vec<DeviceId> {
        self.state
            .devices
            .iter()
            .filter(|(d, s)| !s.removed && **d != self.me)
            .map(|(d, _)| *d)
            .collect()
    }

    /// The keyspace for a new record: the team-wide one for records of no client, else the
    /// client's (made now, and granted to every other device, if it is the client's first).
    fn keyspace_for(&self, owner: Option<&str>) -> Result<KeyspaceId> {
        let Some(client) = owner else {
            return Ok(self.team.team_keyspace);
        };
        // A client's record is sealed under the client's keyspace and marked before what it owns,
        // so its tracked record names the keyspace: two lookups instead of opening every keyspace
        // (a first sync of 250 clients' records was mostly spent there).
        if let Some(t) = local::tracked_by_local(self.tx, self.keys, client)? {
            return Ok(t.keyspace);
        }
        let all = storage::list::<Keyspace>(self.tx, self.keys)?;
        if let Some(k) = all.iter().find(|k| k.client.as_deref() == Some(client)) {
            return Ok(k.keyspace);
        }
        let keyspace = Id16(random_bytes()?);
        let key: [u8; 32] = random_bytes()?;
        let k = Keyspace {
            id: local::keyspace_row(&keyspace),
            keyspace,
            client: Some(client.to_string()),
            keys: BTreeMap::from([(self.state.epoch(&keyspace), key)]),
            granted: Vec::new(),
        };
        // Granted to the others by `grant_missing`, in this same transaction.
        storage::put(self.tx, self.keys, &k)?;
        Ok(keyspace)
    }

    /// Grant every keyspace key this phone holds to each active device not known to hold it (a
    /// device added since, whoever added it): keys reach every member whichever phone made them.
    pub fn grant_missing(&self) -> Result<u32> {
        let mut made = 0;
        for mut k in storage::list::<Keyspace>(self.tx, self.keys)? {
            let missing: Vec<DeviceId> = self
                .others()
                .into_iter()
                .filter(|d| !k.granted.contains(d))
                .collect();
            if missing.is_empty() {
                continue;
            }
            for d in missing {
                self.grant_to(&d, &k)?;
                k.granted.push(d);
                made += 1;
            }
            storage::put(self.tx, self.keys, &k)?;
        }
        Ok(made)
    }

    /// Grant a keyspace's current key to one device.
    pub fn grant_to(&self, to: &DeviceId, k: &Keyspace) -> Result<()> {
        let epoch = self.state.epoch(&k.keyspace);
        let Some(key) = k.keys.get(&epoch) else {
            return Ok(());
        };
        self.grant(
            to,
            &Grant {
                keyspace: k.keyspace,
                client: k.client.clone(),
                epoch,
                key: *key,
            },
        )
    }

    /// Seal a revision of a tracked record (new or not) with this payload, store it as an op and
    /// as the record's only head.
    pub fn revision(&self, t: &mut Tracked, payload: &Payload) -> Result<()> {
        let epoch = self.state.epoch(&t.keyspace);
        let k = storage::find::<Keyspace>(self.tx, self.keys, &local::keyspace_row(&t.keyspace))?
            .ok_or_else(|| Error::not_found("keyspace", &t.keyspace.to_text()))?;
        let key = k
            .value
            .keys
            .get(&epoch)
            .and_then(|k| Secret::from_slice(k))
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

    /// Turn one outbox mark into an op (or drop it when there is nothing to send). Returns
    /// whether an op was made.
    pub fn mark(&self, id: &str, kind: &str, resolved: &mut Vec<(String, String)>) -> Result<bool> {
        let made = self.mark_inner(id, kind, resolved)?;
        outbox::clear(self.tx, id)?;
        Ok(made)
    }

    fn mark_inner(
        &self,
        id: &str,
        kind: &str,
        resolved: &mut Vec<(String, String)>,
    ) -> Result<bool> {
        let Some((stored_kind, owner, _)) = storage::row_place(self.tx, id)? else {
            return Ok(false);
        };
        if stored_kind != kind {
            return Ok(false);
        }
        let value = storage::current_value(self.tx, self.keys, kind, id)?;
        // A draft note stays on the phone: only what is signed is the team's record.
        if kind == "note"
            && value.get("status").and_then(|s| s.get("status")) != Some(&"signed".into())
        {
            return Ok(false);
        }
        let tracked = local::tracked_by_local(self.tx, self.keys, id)?;
        let mut t = match tracked {
            Some(t) => {
                if t.class == RecordClass::Immutable {
                    return Ok(false);
                }
                let same = t.heads.len() == 1
                    && t.revs
                        .get(&t.heads[0].to_text())
                        .is_some_and(|r| r.value == value);
                // A review settled with the value already held still goes out, to settle it on
                // the other phones too.
                let settles = resolved.iter().any(|(local, _)| local == id);
                if same && !settles {
                    return Ok(false);
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
                Tracked {
                    id: format!("sync:rec:{record}"),
                    record,
                    local: id.to_string(),
                    kind: kind.to_string(),
                    class: class_of(kind),
                    keyspace: self.keyspace_for(owner_of)?,
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
        Ok(true)
    }
}
