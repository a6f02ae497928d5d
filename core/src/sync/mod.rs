//! Team sync, sans-IO: the core builds every request body and applies every answer; the shell's
//! [`SyncTransport`] (OkHttp, URLSession, the CLI's HTTP client) carries them to the relay.
//! Protocol: docs/sync-protocol.md; decisions: docs/adr/0014-phone-sync-engine.md.
//!
//! One sync: sign in (Ed25519 challenge), read and verify the team log, admit devices that
//! joined with this admin's invite codes, turn the outbox's marks into sealed revisions, push,
//! pull changes (checking the relay's chain; a relay whose history went back gets this phone's
//! revisions again), merge forks, push the merges, acknowledge.

mod admin;
mod api;
mod engine;
mod holders;
mod incoming;
mod letgo;
mod link;
mod local;
mod membership;
mod merge;
mod outgoing;
mod refusal;
pub(crate) mod roster;
mod seal;
mod teamlog;

pub use api::{ReviewChoice, ReviewItem, SyncReport, SyncStatus, TeamIdentity};
pub use refusal::{RefusalReason, RefusedRevision, REFUSED_NAMED};

/// What the relay answered: the HTTP status (0 when it could not be reached at all: no
/// connection, a timeout, a dropped reply) and the body as text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SyncReply {
    /// The HTTP status, or 0 when no answer came.
    pub status: u16,
    /// The answer's body (JSON), or empty.
    pub body: String,
}

/// The network, as the shell provides it: one HTTP exchange with the relay. The core never opens
/// a socket; it calls this from inside `sync_now` and the team calls, on the caller's thread
/// (call those off the main thread).
#[cfg_attr(feature = "ffi", uniffi::export(foreign))]
pub trait SyncTransport: Send + Sync {
    /// Send `method` (`GET` or `POST`) to `url` with `Authorization: Bearer <token>` when a token
    /// is given and the JSON `body` (with `Content-Type: application/json`) when one is given;
    /// return the status and body. A transport failure is status 0: the core keeps everything
    /// and the next sync retries with the same op ids.
    fn send(
        &self,
        method: String,
        url: String,
        token: Option<String>,
        body: Option<String>,
    ) -> SyncReply;
}
