//! What the sync engine keeps on the phone, each a sealed record of a kind the outbox never sends:
//! the device's keys and the verified team log (`sync_team`), keyspace keys (`sync_keyspace`),
//! each shared record's revisions and heads (`sync_record`, found from the local id through
//! `sync_link`), the outbox's ops (`sync_op`), received revisions waiting for a key or their
//! client (`sync_parked`) and the "needs review" items (`sync_review`).

use alongside_wire::{
    DeviceId, Envelope, Hash32, Id16, KeyspaceId, OpId, RecordClass, ServerInfo, SignedLogEntry,
    TeamId, TeamState,
};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::crypto::Keys;
use crate::error::{Error, Result};
use crate::storage::{self, Record};
use crate::time::Timestamp;

/// The id of the one `sync_team` row.
const TEAM_ROW: &str = "sync:team";

/// The device in its team.
#[derive(Clone, Serialize, Deserialize)]
pub struct Team {
    /// The team.
    pub team: TeamId,
    /// The relay's base URL.
    pub server: String,
    /// The device's Ed25519 key (PKCS#8).
    pub signing: Vec<u8>,
    /// The device's X25519 secret.
    pub agreement: [u8; 32],
    /// Every log entry, verified (replayed with `TeamState` before it is kept).
    pub log: Vec<SignedLogEntry>,
    /// The last change applied.
    pub cursor: u64,
    /// The chain value at the cursor.
    pub chain: Hash32,
    /// The relay's identity at the last exchange.
    pub server_info: Option<ServerInfo>,
    /// The team-wide keyspace (the resource directory).
    pub team_keyspace: KeyspaceId,
    /// Invites this device made and not yet used: lookup id and secret.
    pub invites: Vec<(Id16, [u8; 16])>,
    /// Review items a person settled here, by local record id and field, to announce with the
    /// record's next revision.
    #[serde(default)]
    pub resolved: Vec<(String, String)>,
    /// When a sync last completed.
    pub last_sync: Option<Timestamp>,
    /// Times the relay's history was found to have gone back (and the phone re-pushed).
    pub restores_seen: u32,
}

impl Record for Team {
    const KIND: &'static str = "sync_team";
    fn id(&self) -> &str {
        TEAM_ROW
    }
}

impl Team {
    /// The verified state of the log.
    pub fn state(&self) -> Result<TeamState> {
        TeamState::replay(&self.log).map_err(|_| Error::corrupt("team log"))
    }

    /// This device's id.
    pub fn device(&self) -> Result<DeviceId> {
        Ok(super::seal::public_keys(&self.signing, &self.agreement)?.signing)
    }
}

/// The team row, if the vault is in a team.
pub fn team(conn: &Connection, keys: &Keys) -> Result<Option<Team>> {
    Ok(storage::find::<Team>(conn, keys, TEAM_ROW)?.map(|s| s.value))
}

/// One keyspace's keys, by epoch.
#[derive(Clone, Serialize, Deserialize)]
pub struct Keyspace {
    /// `sync:ks:` and the keyspace id.
    pub id: String,
    /// The keyspace.
    pub keyspace: KeyspaceId,
    /// The client whose records it seals; none for the team-wide keyspace.
    pub client: Option<String>,
    /// The staff member whose own keyspace this is (their shared debriefs and supervision requests):
    /// held by them and the team's admins.
    #[serde(default)]
    pub staff: Option<alongside_wire::MemberId>,
    /// Keys by epoch.
    pub keys: BTreeMap<u64, [u8; 32]>,
    /// Devices known to hold the current key (granted by this phone, or the one that granted it
    /// here); every other active device gets a grant at the next sync.
    #[serde(default)]
    pub granted: Vec<DeviceId>,
    /// The device that made it (this one) or first granted it here: until the log assigns a
    /// client keyspace, its member holds it.
    #[serde(default)]
    pub origin: Option<DeviceId>,
    /// The key of a rotation this admin's phone is appending to the log, kept before the entry
    /// is sent so an interrupted rotation never leaves an epoch nobody holds.
    #[serde(default)]
    pub next_key: Option<(u64, [u8; 32])>,
}

impl Record for Keyspace {
    const KIND: &'static str = "sync_keyspace";
    fn id(&self) -> &str {
        &self.id
    }
}

/// The row id of a keyspace.
pub fn keyspace_row(k: &KeyspaceId) -> String {
    format!("sync:ks:{k}")
}

/// One revision as this phone knows it.
#[derive(Clone, Serialize, Deserialize)]
pub struct Rev {
    /// Its parents.
    pub parents: Vec<Hash32>,
    /// The record's JSON at this revision.
    pub value: serde_json::Value,
    /// The author device.
    pub author: DeviceId,
    /// When the author wrote it, by its clock (shown in review items, never used to choose).
    pub at: Timestamp,
}

/// A shared record's revisions and heads.
#[derive(Clone, Serialize, Deserialize)]
pub struct Tracked {
    /// `sync:rec:` and the team record id.
    pub id: String,
    /// The team record id.
    pub record: alongside_wire::RecordId,
    /// The local record's id.
    pub local: String,
    /// Its kind.
    pub kind: String,
    /// Its class.
    pub class: RecordClass,
    /// Its keyspace.
    pub keyspace: KeyspaceId,
    /// The current heads (revisions no known revision names as a parent).
    pub heads: Vec<Hash32>,
    /// Every revision known, by hash (base64url).
    pub revs: BTreeMap<String, Rev>,
}

impl Record for Tracked {
    const KIND: &'static str = "sync_record";
    fn id(&self) -> &str {
        &self.id
    }
}

/// From a local record id to its team record, with the device that wrote its first revision: the
/// screens that give records to members (the briefing, the members' counts) read this small row
/// rather than the record's every revision.
#[derive(Clone, Serialize, Deserialize)]
pub struct Link {
    /// `sync:loc:` and the local id.
    pub id: String,
    /// The team record id.
    pub record: alongside_wire::RecordId,
    /// The author of the record's first revision; none in a row kept from before it was written
    /// here (its tracked record is read instead).
    #[serde(default)]
    pub author: Option<DeviceId>,
}

impl Record for Link {
    const KIND: &'static str = "sync_link";
    fn id(&self) -> &str {
        &self.id
    }
}

/// The tracked record for a local id, if it was ever shared.
pub fn tracked_by_local(conn: &Connection, keys: &Keys, local: &str) -> Result<Option<Tracked>> {
    let Some(link) = storage::find::<Link>(conn, keys, &format!("sync:loc:{local}"))? else {
        return Ok(None);
    };
    tracked(conn, keys, &link.value.record)
}

/// The tracked record for a team record id.
pub fn tracked(
    conn: &Connection,
    keys: &Keys,
    record: &alongside_wire::RecordId,
) -> Result<Option<Tracked>> {
    Ok(storage::find::<Tracked>(conn, keys, &format!("sync:rec:{record}"))?.map(|s| s.value))
}

impl Tracked {
    /// The device that wrote the first revision: the one with no parent, else the earliest known.
    pub fn first_author(&self) -> Option<DeviceId> {
        self.revs
            .values()
            .find(|r| r.parents.is_empty())
            .or_else(|| self.revs.values().min_by_key(|r| r.at))
            .map(|r| r.author)
    }
}

/// Store a tracked record and its link (written again only when its first author changed, as
/// when the first revision arrives after later ones).
pub fn put_tracked(tx: &rusqlite::Transaction<'_>, keys: &Keys, t: &Tracked) -> Result<()> {
    storage::put(tx, keys, t)?;
    let link = Link {
        id: format!("sync:loc:{}", t.local),
        record: t.record,
        author: t.first_author(),
    };
    match storage::find::<Link>(tx, keys, &link.id)? {
        Some(old) if old.value.author == link.author => {}
        // The first link of a local id stays its record's (as before the author was kept).
        Some(old) => {
            storage::put(
                tx,
                keys,
                &Link {
                    record: old.value.record,
                    ..link
                },
            )?;
        }
        None => {
            storage::put(tx, keys, &link)?;
        }
    }
    Ok(())
}

/// The device that wrote a local record's first revision: `Ok(None)` when it was never shared
/// (written here), `Ok(Some(None))` when no revision is known.
pub fn first_author_by_local(
    conn: &Connection,
    keys: &Keys,
    local: &str,
) -> Result<Option<Option<DeviceId>>> {
    let Some(link) = storage::find::<Link>(conn, keys, &format!("sync:loc:{local}"))? else {
        return Ok(None);
    };
    if let Some(author) = link.value.author {
        return Ok(Some(Some(author)));
    }
    // A link kept from before the author was written: read the tracked record once.
    Ok(Some(
        tracked(conn, keys, &link.value.record)?.and_then(|t| t.first_author()),
    ))
}

/// One op of the outbox: kept after the relay stored it (`acked`), so that a relay restored from
/// an older backup gets this phone's revisions again, under their original op ids.
#[derive(Clone, Serialize, Deserialize)]
pub struct Op {
    /// `sync:op:` and the op id.
    pub id: String,
    /// The op id.
    pub op: OpId,
    /// The sealed revision.
    pub envelope: Envelope,
    /// The sequence number the relay gave it, once it did.
    pub acked: Option<u64>,
}

impl Record for Op {
    const KIND: &'static str = "sync_op";
    fn id(&self) -> &str {
        &self.id
    }
}

/// A received revision that cannot be stored yet (its key or its client has not arrived).
#[derive(Clone, Serialize, Deserialize)]
pub struct Parked {
    /// `sync:park:` and the revision hash.
    pub id: String,
    /// The revision.
    pub envelope: Envelope,
}

impl Record for Parked {
    const KIND: &'static str = "sync_parked";
    fn id(&self) -> &str {
        &self.id
    }
}

/// One value in a "needs review" item: what a phone wrote, who and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// The field's value on that side (JSON).
    pub value: serde_json::Value,
    /// The device that wrote it.
    pub device: DeviceId,
    /// When, by that device's clock.
    pub at: Timestamp,
}

/// A field two phones changed differently since their common revision: a person chooses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// `sync:rev:` the team record and the field.
    pub id: String,
    /// The local record id.
    pub local: String,
    /// Its kind.
    pub kind: String,
    /// The field.
    pub field: String,
    /// The values, in the order of their revision hashes.
    pub choices: Vec<Choice>,
    /// When this phone raised it.
    pub raised: Timestamp,
}

impl Record for Review {
    const KIND: &'static str = "sync_review";
    fn id(&self) -> &str {
        &self.id
    }
}

/// The row id of the review item for a record's field.
pub fn review_row(local: &str, field: &str) -> String {
    format!("sync:review:{local}:{field}")
}
