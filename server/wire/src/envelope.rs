//! A sealed record as the relay sees it: the routing header and an opaque body.

use crate::canon::Canon;
use crate::{Blob, DeviceId, Hash32, KeyspaceId, RecordId, TeamId};
use serde::{Deserialize, Serialize};

/// How a record may change; the only thing the relay knows about what a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordClass {
    /// One revision only, with no parents (a signed note; a correction is a new record).
    Immutable,
    /// Revisions accumulate and none replaces another (ratings, a visit's events, incident actions).
    AppendOnly,
    /// Revisions form a DAG; the record's heads are the revisions no other revision names as a
    /// parent. Two heads are a fork a person resolves (plans, goals, client details).
    Editable,
}

impl RecordClass {
    /// The one-byte code used in canonical bytes and in the relay's database.
    pub fn code(self) -> u8 {
        match self {
            RecordClass::Immutable => 1,
            RecordClass::AppendOnly => 2,
            RecordClass::Editable => 3,
        }
    }

    /// The class for a code, or `None`.
    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(RecordClass::Immutable),
            2 => Some(RecordClass::AppendOnly),
            3 => Some(RecordClass::Editable),
            _ => None,
        }
    }
}

/// The most parents a revision may name (a merge of this many heads at once).
pub const MAX_PARENTS: usize = 16;

/// One revision of a record: the routing header in the clear, the body sealed by the author's
/// device under the keyspace's key of `epoch`. The relay reads nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// The record's random id.
    pub record: RecordId,
    /// How the record may change (fixed at its first revision).
    pub class: RecordClass,
    /// The keyspace whose key seals the body (fixed at the record's first revision).
    pub keyspace: KeyspaceId,
    /// The keyspace epoch of that key.
    pub epoch: u64,
    /// The revisions this one follows, strictly ascending, at most [`MAX_PARENTS`]; empty for a
    /// record's first revision and always for immutable records.
    pub parents: Vec<Hash32>,
    /// [`revision_hash`] of this envelope.
    pub rev: Hash32,
    /// The device that sealed it (must be the device that pushes it).
    pub author: DeviceId,
    /// The sealed body.
    pub body: Blob,
}

impl Envelope {
    /// The revision hash of this envelope's header and body (to compare with `rev`).
    pub fn computed_rev(&self, team: &TeamId) -> Hash32 {
        revision_hash(
            team,
            &self.record,
            self.class,
            &self.keyspace,
            self.epoch,
            &self.parents,
            &self.author,
            &self.body.0,
        )
    }

    /// True when `parents` is strictly ascending (so sorted and without repeats) and not too long.
    pub fn parents_are_canonical(&self) -> bool {
        self.parents.len() <= MAX_PARENTS && self.parents.windows(2).all(|w| w[0] < w[1])
    }
}

/// A revision's hash: SHA-256 over the domain `alongside/rev/v1`, the team, record, class code,
/// keyspace, epoch, the count and list of parents (ascending), the author and the sealed body.
/// The relay refuses an envelope whose `rev` is not this value.
#[allow(clippy::too_many_arguments)]
pub fn revision_hash(
    team: &TeamId,
    record: &RecordId,
    class: RecordClass,
    keyspace: &KeyspaceId,
    epoch: u64,
    parents: &[Hash32],
    author: &DeviceId,
    body: &[u8],
) -> Hash32 {
    let mut c = Canon::new("alongside/rev/v1");
    c.fixed(&team.0)
        .fixed(&record.0)
        .u8(class.code())
        .fixed(&keyspace.0)
        .u64(epoch)
        .count(parents.len());
    for p in parents {
        c.fixed(&p.0);
    }
    c.fixed(&author.0).var(body);
    c.sha256()
}

/// The team's change chain before its first change: SHA-256 of `alongside/chain/v1/start` and the team.
pub fn chain_start(team: &TeamId) -> Hash32 {
    let mut c = Canon::new("alongside/chain/v1/start");
    c.fixed(&team.0);
    c.sha256()
}

/// The chain value after the change at `seq`: SHA-256 of `alongside/chain/v1`, the previous chain
/// value, `seq` and the revision. A phone keeps the value at its cursor; if the relay later reports a
/// different value for that sequence number, the relay's history was replaced (a restore).
pub fn chain_next(prev: &Hash32, seq: u64, rev: &Hash32) -> Hash32 {
    let mut c = Canon::new("alongside/chain/v1");
    c.fixed(&prev.0).u64(seq).fixed(&rev.0);
    c.sha256()
}
