//! The Alongside sync protocol, shared by the relay (`alongside-server`) and the phones' core.
//!
//! Everything that crosses the wire is here: the JSON request and response bodies ([`api`]), the
//! routing header of a sealed record ([`envelope`]), the signed, hash-chained team log and the rules
//! every reader of it applies ([`log`]), the one-time invite code ([`invite`]), and the canonical
//! bytes that get hashed or signed ([`canon`]). The relay and the phones use these very types, so a
//! rule checked by the relay is checked by the same code on a phone.
//!
//! Binary values travel as unpadded base64url strings (RFC 4648 §5). The protocol is described for
//! people in `docs/sync-protocol.md`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod api;
mod b64;
pub mod bytes;
pub mod canon;
pub mod envelope;
pub mod invite;
pub mod log;

pub use api::*;
pub use bytes::{
    AgreementKey, Blob, DeviceId, Hash32, Id16, KeyspaceId, MemberId, OpId, RecordId, Signature,
    TeamId,
};
pub use envelope::{chain_next, chain_start, revision_hash, Envelope, RecordClass};
pub use invite::{invite_hash, join_proof, InviteCode};
pub use log::{DeviceKeys, LogAction, LogEntry, LogError, Role, SignedLogEntry, TeamState};

/// The protocol version this crate speaks; the relay returns it in [`ServerInfo`].
pub const PROTOCOL_VERSION: u32 = 1;

#[cfg(test)]
mod tests;
