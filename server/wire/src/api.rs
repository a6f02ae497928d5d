//! Request and response bodies of every endpoint (JSON), and the error body.
//!
//! Field names are the JSON names. Responses that a phone uses to notice a restored relay carry a
//! [`ServerInfo`].

use crate::canon::Canon;
use crate::log::LogError;
use crate::{
    Blob, DeviceId, DeviceKeys, Envelope, Hash32, Id16, OpId, Signature, SignedLogEntry, TeamId,
};
use serde::{Deserialize, Serialize};

/// Who the relay's storage is: a phone stores it and compares it at each exchange.
///
/// `instance_id` is made once when the database is first set up; `system_identifier` and
/// `timeline` are PostgreSQL's (a cluster made anew by `initdb`, including a restore from a logical
/// dump into a new cluster, has a new system identifier; a point-in-time recovery or a promoted
/// standby has a new timeline). A change of any of them means the relay's history may have gone
/// back: the phone checks its chain value ([`ChangesResponse::chain_at_after`]) and re-pushes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    /// The protocol version (see [`crate::PROTOCOL_VERSION`]).
    pub protocol: u32,
    /// Random, made when the relay's database was set up.
    pub instance_id: Id16,
    /// PostgreSQL's system identifier (decimal), or empty if the relay may not read it.
    pub system_identifier: String,
    /// PostgreSQL's timeline, or 0 if the relay may not read it.
    pub timeline: u32,
}

/// `POST /v1/teams`: a device creates a team with the log's first entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateTeamRequest {
    /// The `CreateTeam` entry, signed by the creating device.
    pub genesis: SignedLogEntry,
}

/// `POST /v1/auth/challenge`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeRequest {
    /// The team.
    pub team: TeamId,
    /// The device asking.
    pub device: DeviceId,
}

/// The answer to [`ChallengeRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeResponse {
    /// 32 random bytes to sign (see [`auth_signing_bytes`]); usable once.
    pub challenge: Blob,
    /// How long the challenge stays valid.
    pub expires_in_secs: u64,
    /// The relay's identity (its `instance_id` is part of what is signed).
    pub server: ServerInfo,
}

/// The bytes a device signs to authenticate: domain `alongside/auth/v1`, the relay's instance id,
/// the team, the device and the challenge.
pub fn auth_signing_bytes(
    instance: &Id16,
    team: &TeamId,
    device: &DeviceId,
    challenge: &[u8],
) -> Vec<u8> {
    let mut c = Canon::new("alongside/auth/v1");
    c.fixed(&instance.0)
        .fixed(&team.0)
        .fixed(&device.0)
        .var(challenge);
    c.bytes().to_vec()
}

/// `POST /v1/auth/token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRequest {
    /// The team.
    pub team: TeamId,
    /// The device.
    pub device: DeviceId,
    /// The challenge received.
    pub challenge: Blob,
    /// Ed25519 signature of [`auth_signing_bytes`].
    pub signature: Signature,
}

/// A device's standing in its team, as the relay applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceStatus {
    /// Joined with a code; waits for an admin's `AddDevice` entry. May read the log only.
    Pending,
    /// In the team.
    Active,
    /// Cut off. The relay refuses it everywhere (with `device_removed`).
    Removed,
}

/// The answer to [`TokenRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    /// The bearer token (`Authorization: Bearer <token>`).
    pub token: String,
    /// Its lifetime; the device authenticates again after it (or on `token_expired`).
    pub expires_in_secs: u64,
    /// The device's standing.
    pub status: DeviceStatus,
    /// The relay's identity.
    pub server: ServerInfo,
}

/// `POST /v1/join`: a device joins with an invite code (no token needed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequest {
    /// The team (from the code).
    pub team: TeamId,
    /// The invite's lookup id (from the code).
    pub invite: Id16,
    /// The joining device's keys.
    pub device: DeviceKeys,
    /// [`crate::join_proof`] of those keys under the code's secret.
    pub proof: Hash32,
}

/// The answer to [`JoinRequest`]: the device is pending until an admin adds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinResponse {
    /// The device's standing (`pending`).
    pub status: DeviceStatus,
    /// The relay's identity.
    pub server: ServerInfo,
}

/// `POST /v1/teams/{team}/invites` (admin devices): the relay stores only the lookup hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateInviteRequest {
    /// [`crate::invite_hash`] of the code's team and id.
    pub invite_hash: Hash32,
    /// How long the code stays usable (the relay caps it, see the protocol page).
    pub expires_in_secs: u64,
}

/// One join waiting for an admin, from `GET /v1/teams/{team}/joins` (admin devices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingJoin {
    /// The invite used (the admin matches it to the code it showed).
    pub invite_hash: Hash32,
    /// The joining device's keys.
    pub device: DeviceKeys,
    /// The proof to check with the code's secret.
    pub proof: Hash32,
    /// When the relay received the join, milliseconds since the Unix epoch (relay's clock).
    pub requested_at_ms: u64,
}

/// The answer to `GET /v1/teams/{team}/joins`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinsResponse {
    /// Pending joins, oldest first.
    pub joins: Vec<PendingJoin>,
}

/// The answer to `GET /v1/teams/{team}/log?after=N`: entries with index ≥ `after`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogResponse {
    /// Entries from the requested index on, in order (bounded page).
    pub entries: Vec<SignedLogEntry>,
    /// The log's length (the next index).
    pub length: u64,
    /// The hash of the log's last entry.
    pub head: Hash32,
}

/// `POST /v1/teams/{team}/log` (admin devices): the next entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppendLogRequest {
    /// The entry; its `index` and `prev` must be the log's current length and head.
    pub entry: SignedLogEntry,
}

/// The answer to [`AppendLogRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppendLogResponse {
    /// The log's new length.
    pub length: u64,
    /// The hash of the entry just stored.
    pub head: Hash32,
}

/// One operation of a push: a revision under a random op id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushOp {
    /// Random per operation, kept in the phone's outbox with it; a retry sends the same id.
    pub op: OpId,
    /// The revision.
    pub envelope: Envelope,
}

/// `POST /v1/teams/{team}/push`: one transaction; each op gets its own result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushRequest {
    /// The ops, in the order they are to be sequenced.
    pub ops: Vec<PushOp>,
}

/// Why the relay refuses one op. A refused op wrote nothing and left no outcome behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    /// The keyspace moved to a newer epoch: re-seal under `current` (new rev, new op id) and push.
    EpochSuperseded {
        /// The keyspace's current epoch.
        current: u64,
    },
    /// No admin has rotated the keyspace to this epoch yet.
    EpochUnknown {
        /// The keyspace's current epoch.
        current: u64,
    },
    /// `rev` is not the revision hash of the envelope.
    BadRevision,
    /// The author is not the pushing device.
    NotAuthor,
    /// Parents not strictly ascending, or too many.
    BadParents,
    /// The record exists with another class.
    ClassMismatch,
    /// The record exists in another keyspace.
    KeyspaceMismatch,
    /// An immutable record already has its revision (or this one names parents).
    Immutable,
    /// The op id was already used for another revision.
    OpIdReused,
}

/// What happened to an op. The outcome of a stored op is itself stored under its op id, and a
/// retry returns it unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PushOutcome {
    /// Stored at `seq`.
    Stored {
        /// Its sequence number in the team.
        seq: u64,
        /// The record's head count after it (editable: more than 1 is a fork; append-only: every
        /// revision is a head; immutable: 1).
        heads: u32,
    },
    /// The same revision was already stored (pushed before under another op id, or by another
    /// device). Nothing new was written.
    AlreadyStored {
        /// Its sequence number.
        seq: u64,
    },
    /// Refused.
    Refused(Refusal),
}

/// One op's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResult {
    /// The op.
    pub op: OpId,
    /// What happened.
    pub outcome: PushOutcome,
    /// True when this is the stored outcome of an earlier push of the same op.
    pub replayed: bool,
}

/// The answer to [`PushRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// One result per op, in the request's order.
    pub results: Vec<PushResult>,
    /// The team's last sequence number after the push.
    pub head_seq: u64,
    /// The relay's identity.
    pub server: ServerInfo,
}

/// One change in the team's sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Its sequence number (gap-free from 1).
    pub seq: u64,
    /// The chain value after it ([`crate::chain_next`]).
    pub chain: Hash32,
    /// The revision.
    pub envelope: Envelope,
}

/// The answer to `GET /v1/teams/{team}/changes?after=SEQ&limit=N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesResponse {
    /// Changes with `seq > after`, ascending, contiguous, bounded in count and bytes.
    pub changes: Vec<Change>,
    /// The chain value at `after` (the start value for 0), or `None` if the relay has no change
    /// `after` (its history is shorter than the phone's cursor: it went back).
    pub chain_at_after: Option<Hash32>,
    /// The cursor to ask with next (the last change's seq, or `after` when there is none).
    pub next_after: u64,
    /// Whether more changes follow now.
    pub more: bool,
    /// The team's last sequence number.
    pub head_seq: u64,
    /// The relay's identity.
    pub server: ServerInfo,
}

/// One current head, from a snapshot page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotItem {
    /// Its sequence number.
    pub seq: u64,
    /// The revision.
    pub envelope: Envelope,
}

/// The answer to `GET /v1/teams/{team}/snapshot?after_record=R&after_seq=S&limit=N`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotResponse {
    /// Current heads ordered by (record, seq), after the given position.
    pub items: Vec<SnapshotItem>,
    /// The team's last sequence number when this page was read. A new device keeps the value of
    /// its *first* page and pulls changes after it once the snapshot is done.
    pub as_of_seq: u64,
    /// The chain value at `as_of_seq`.
    pub chain_at_as_of: Hash32,
    /// Where to continue (`after_record`, `after_seq`), or `None` at the end.
    pub next: Option<SnapshotCursor>,
    /// The relay's identity.
    pub server: ServerInfo,
}

/// A position in a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotCursor {
    /// The last record returned.
    pub after_record: Id16,
    /// The last seq returned within it.
    pub after_seq: u64,
}

/// `POST /v1/teams/{team}/ack`: the device has applied every change up to `seq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AckRequest {
    /// The device's cursor.
    pub seq: u64,
}

/// One device, from `GET /v1/teams/{team}/devices` (admin devices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceInfo {
    /// The device.
    pub device: DeviceId,
    /// Its standing.
    pub status: DeviceStatus,
    /// Its member, once an admin added it.
    pub member: Option<Id16>,
    /// When it last reached the relay (milliseconds since the Unix epoch; minute precision).
    pub last_seen_ms: Option<u64>,
    /// The last sequence number it acknowledged.
    pub acked_seq: u64,
}

/// The answer to `GET /v1/teams/{team}/devices`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevicesResponse {
    /// Every device the relay knows in the team.
    pub devices: Vec<DeviceInfo>,
    /// The team's last sequence number.
    pub head_seq: u64,
}

/// Machine-readable error codes (the `error` field of [`ErrorBody`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the body or a parameter is malformed.
    BadRequest,
    /// 401: no or unknown bearer token.
    Unauthenticated,
    /// 401: the token expired; authenticate again.
    TokenExpired,
    /// 401: the challenge is unknown, used or expired.
    BadChallenge,
    /// 401: the signature does not verify.
    BadSignature,
    /// 401: the device is not known in the team.
    UnknownDevice,
    /// 401: the device was removed; the phone wipes its team data.
    DeviceRemoved,
    /// 403: the device waits for an admin to add it.
    DevicePending,
    /// 403: an admin device is needed.
    NotAdmin,
    /// 403: the token is for another team.
    WrongTeam,
    /// 403: team creation needs the relay's creation key.
    CreationRefused,
    /// 404: no such team.
    UnknownTeam,
    /// 404: no such invite, or it expired, or it was used.
    InviteInvalid,
    /// 409: the team exists.
    TeamExists,
    /// 409: the log moved on; re-read it and re-base the entry (see `log_length`, `log_head`).
    LogConflict,
    /// 409: the device key is already known in the team.
    DeviceExists,
    /// 413: the body is larger than the relay accepts.
    BodyTooLarge,
    /// 422: the log entry breaks a rule (see `log_rule`).
    LogRejected,
    /// 429: too many requests; wait `retry_after_secs`.
    RateLimited,
    /// 503: the database is unreachable; retry later (nothing was written).
    Unavailable,
    /// 500: a fault in the relay.
    Internal,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The code.
    pub error: ErrorCode,
    /// A sentence for logs (never personal data; there is none on the relay).
    pub message: String,
    /// For `rate_limited` and `unavailable`: seconds to wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
    /// For `log_conflict`: the log's current length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_length: Option<u64>,
    /// For `log_conflict`: the log's current head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_head: Option<Hash32>,
    /// For `log_rejected`: the rule broken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_rule: Option<LogError>,
}

/// `GET /health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `ok`, or `degraded` when the database is unreachable (then HTTP 503).
    pub status: String,
    /// Whether a query reached PostgreSQL.
    pub database: bool,
}
