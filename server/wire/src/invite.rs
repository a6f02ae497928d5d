//! The one-time invite code an admin device shows (as text or a QR code) to a joining device.
//!
//! The code carries the team, a lookup id and a secret. The relay is given only the SHA-256 of the
//! lookup id when the invite is made ([`invite_hash`]); the joining device sends the id and a proof
//! ([`join_proof`]): an HMAC of its public keys under the secret. The secret never reaches the relay,
//! so the relay cannot substitute its own keys for the joining device's: the admin device checks the
//! proof before it signs the `AddDevice` entry.

use crate::canon::Canon;
use crate::{DeviceKeys, Hash32, Id16, TeamId};

/// The text form's prefix.
const PREFIX: &str = "alongside-invite-1.";

/// An invite code's contents.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct InviteCode {
    /// The team to join.
    pub team: TeamId,
    /// The lookup id (the relay stores its hash).
    pub id: Id16,
    /// The secret (never sent to the relay).
    pub secret: [u8; 16],
}

impl std::fmt::Debug for InviteCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "InviteCode {{ team: {}, id: {}, secret: .. }}",
            self.team, self.id
        )
    }
}

impl InviteCode {
    /// A fresh code for the team.
    pub fn generate(team: TeamId) -> Result<Self, ring::error::Unspecified> {
        let id = Id16::random()?;
        let secret = Id16::random()?.0;
        Ok(InviteCode { team, id, secret })
    }

    /// The text a QR code carries: `alongside-invite-1.` and 48 bytes in base64url.
    pub fn to_text(&self) -> String {
        let mut b = Vec::with_capacity(48);
        b.extend_from_slice(&self.team.0);
        b.extend_from_slice(&self.id.0);
        b.extend_from_slice(&self.secret);
        format!("{PREFIX}{}", crate::b64::encode(&b))
    }

    /// Parses the text form (surrounding spaces ignored), or `None`.
    pub fn from_text(text: &str) -> Option<Self> {
        let b = crate::b64::decode(text.trim().strip_prefix(PREFIX)?)?;
        if b.len() != 48 {
            return None;
        }
        Some(InviteCode {
            team: Id16::from_slice(&b[..16])?,
            id: Id16::from_slice(&b[16..32])?,
            secret: b[32..].try_into().ok()?,
        })
    }

    /// What the relay stores for this code.
    pub fn lookup_hash(&self) -> Hash32 {
        invite_hash(&self.team, &self.id)
    }

    /// The joining device's proof for its keys.
    pub fn proof(&self, device: &DeviceKeys) -> Hash32 {
        join_proof(&self.secret, &self.team, &self.id, device)
    }
}

/// SHA-256 over domain `alongside/invite/v1`, the team and the invite's lookup id.
pub fn invite_hash(team: &TeamId, id: &Id16) -> Hash32 {
    let mut c = Canon::new("alongside/invite/v1");
    c.fixed(&team.0).fixed(&id.0);
    c.sha256()
}

/// HMAC-SHA256 under the invite's secret of domain `alongside/join/v1`, team, id and the device's
/// signing and agreement keys.
pub fn join_proof(secret: &[u8; 16], team: &TeamId, id: &Id16, device: &DeviceKeys) -> Hash32 {
    let mut c = Canon::new("alongside/join/v1");
    c.fixed(&team.0)
        .fixed(&id.0)
        .fixed(&device.signing.0)
        .fixed(&device.agreement.0);
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
    let tag = ring::hmac::sign(&key, c.bytes());
    let mut out = [0u8; 32];
    out.copy_from_slice(tag.as_ref());
    Hash32(out)
}
