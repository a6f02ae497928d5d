//! Sealing a revision for the team, and wrapping a keyspace key to one device.
//!
//! A record's body (what the relay stores, opaque to it):
//! `u32 length || wrapped content key || sealed payload`, where
//! - the content key is fresh for every revision (32 random bytes), sealed (AES-256-GCM, the
//!   core's envelope) under the keyspace's epoch key, with the routing header as associated data
//!   and the suffix `/ck`;
//! - the payload is the author's Ed25519 signature (64 bytes) followed by the record's JSON,
//!   sealed under the content key with the routing header as associated data.
//!
//! The signature covers the header and the JSON (domain `alongside/record-sig/v1`), so a relay
//! cannot move a body to another record, keyspace, epoch or parent set, and a member's phone
//! cannot write as another device.
//!
//! A key grant (a keyspace key for one device) has the same shape, except that the content key is
//! not wrapped under a keyspace key but derived for the recipient: `u32 32 || ephemeral X25519
//! public key || sealed payload`, with the payload's key =
//! HKDF-SHA256(salt = team id, ikm = X25519(ephemeral secret, recipient's X25519 public key),
//! info = `alongside/wrap/v1` || ephemeral public || recipient public || author signing key).
//! The ephemeral key is used once; the signature inside shows which device granted it.

use alongside_wire::canon::Canon;
use alongside_wire::{DeviceId, Envelope, Hash32, KeyspaceId, RecordClass, TeamId};
use ring::signature::{Ed25519KeyPair, KeyPair};
use x25519_dalek::{PublicKey, StaticSecret};

use super::refusal::RefusalReason;
use crate::crypto::{open, random_bytes, seal, Secret};
use crate::error::{Error, Result};

/// The header fields every revision is bound to (everything in the envelope but `rev` and `body`).
pub struct Header<'a> {
    /// The team.
    pub team: &'a TeamId,
    /// The envelope's header.
    pub record: &'a alongside_wire::RecordId,
    /// The class.
    pub class: RecordClass,
    /// The keyspace.
    pub keyspace: &'a KeyspaceId,
    /// The epoch.
    pub epoch: u64,
    /// The parents, ascending.
    pub parents: &'a [Hash32],
    /// The author device.
    pub author: &'a DeviceId,
}

impl<'a> Header<'a> {
    /// The header of a received envelope.
    pub fn of(team: &'a TeamId, e: &'a Envelope) -> Self {
        Header {
            team,
            record: &e.record,
            class: e.class,
            keyspace: &e.keyspace,
            epoch: e.epoch,
            parents: &e.parents,
            author: &e.author,
        }
    }

    fn canon(&self, domain: &str) -> Canon {
        let mut c = Canon::new(domain);
        c.fixed(&self.team.0)
            .fixed(&self.record.0)
            .u8(self.class.code())
            .fixed(&self.keyspace.0)
            .u64(self.epoch)
            .count(self.parents.len());
        for p in self.parents {
            c.fixed(&p.0);
        }
        c.fixed(&self.author.0);
        c
    }

    fn ad(&self) -> Vec<u8> {
        self.canon("alongside/record-ad/v1").bytes().to_vec()
    }

    fn signing_bytes(&self, json: &[u8]) -> Vec<u8> {
        let mut c = self.canon("alongside/record-sig/v1");
        c.var(json);
        c.bytes().to_vec()
    }
}

/// The device's signing key pair from its stored PKCS#8 bytes.
pub fn signer(pkcs8: &[u8]) -> Result<Ed25519KeyPair> {
    Ed25519KeyPair::from_pkcs8(pkcs8).map_err(|_| Error::corrupt("team device key"))
}

/// A new Ed25519 key (PKCS#8) and X25519 secret for this device.
pub fn new_device_keys() -> Result<(Vec<u8>, [u8; 32])> {
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 =
        Ed25519KeyPair::generate_pkcs8(&rng).map_err(|_| crate::error::Error::random_source())?;
    Ok((pkcs8.as_ref().to_vec(), random_bytes()?))
}

/// The device's public keys, as the team log names them.
pub fn public_keys(pkcs8: &[u8], agreement: &[u8; 32]) -> Result<alongside_wire::DeviceKeys> {
    let pair = signer(pkcs8)?;
    let signing = DeviceId::from_slice(pair.public_key().as_ref())
        .ok_or_else(|| Error::corrupt("team device key"))?;
    let public = PublicKey::from(&StaticSecret::from(*agreement));
    Ok(alongside_wire::DeviceKeys {
        signing,
        agreement: alongside_wire::AgreementKey(*public.as_bytes()),
    })
}

/// Ed25519 signature over bytes, as the wire's fixed-size type.
pub fn sign(pair: &Ed25519KeyPair, bytes: &[u8]) -> alongside_wire::Signature {
    let mut out = [0u8; 64];
    out.copy_from_slice(pair.sign(bytes).as_ref());
    alongside_wire::Signature(out)
}

fn frame(first: &[u8], sealed: Vec<u8>) -> Vec<u8> {
    let mut body = Vec::with_capacity(4 + first.len() + sealed.len());
    body.extend_from_slice(&(first.len() as u32).to_be_bytes());
    body.extend_from_slice(first);
    body.extend_from_slice(&sealed);
    body
}

fn unframe(body: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = u32::from_be_bytes(body.get(..4)?.try_into().ok()?) as usize;
    let first = body.get(4..4 + len)?;
    Some((first, body.get(4 + len..)?))
}

fn seal_payload(
    h: &Header<'_>,
    pair: &Ed25519KeyPair,
    key: &Secret,
    json: &[u8],
) -> Result<Vec<u8>> {
    let sig = sign(pair, &h.signing_bytes(json));
    let mut plain = Vec::with_capacity(64 + json.len());
    plain.extend_from_slice(&sig.0);
    plain.extend_from_slice(json);
    let sealed = seal(key, &h.ad(), &plain);
    zeroize::Zeroize::zeroize(&mut plain);
    sealed
}

fn open_payload(h: &Header<'_>, key: &Secret, sealed: &[u8]) -> Result<Vec<u8>, RefusalReason> {
    let plain = open(key, &h.ad(), sealed).ok_or(RefusalReason::CouldNotOpen)?;
    // Opened: whoever sealed it held the key, so what fails from here is the author's signature.
    let (sig, json) = plain
        .split_at_checked(64)
        .ok_or(RefusalReason::BadSignature)?;
    let public = ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, &h.author.0);
    public
        .verify(&h.signing_bytes(json), sig)
        .map_err(|_| RefusalReason::BadSignature)?;
    Ok(json.to_vec())
}

/// Seal a record's JSON under a fresh content key wrapped by the keyspace's epoch key.
pub fn seal_record(
    h: &Header<'_>,
    pair: &Ed25519KeyPair,
    epoch_key: &Secret,
    json: &[u8],
) -> Result<Vec<u8>> {
    let content = Secret::random()?;
    let mut ck_ad = h.ad();
    ck_ad.extend_from_slice(b"/ck");
    let wrapped = seal(epoch_key, &ck_ad, content.as_bytes())?;
    Ok(frame(&wrapped, seal_payload(h, pair, &content, json)?))
}

/// Open a record sealed by [`seal_record`] and check its author's signature; fails with why when
/// it does not open or the signature does not verify (damage or forgery: the caller refuses it).
pub fn open_record(
    h: &Header<'_>,
    epoch_key: &Secret,
    body: &[u8],
) -> Result<Vec<u8>, RefusalReason> {
    let (wrapped, sealed) = unframe(body).ok_or(RefusalReason::CouldNotOpen)?;
    let mut ck_ad = h.ad();
    ck_ad.extend_from_slice(b"/ck");
    let content = open(epoch_key, &ck_ad, wrapped)
        .and_then(|ck| Secret::from_slice(&ck))
        .ok_or(RefusalReason::CouldNotOpen)?;
    open_payload(h, &content, sealed)
}

fn wrap_key(
    team: &TeamId,
    shared: &[u8; 32],
    ephemeral: &[u8; 32],
    recipient: &[u8; 32],
    author: &DeviceId,
) -> Result<Secret> {
    let mut info = Vec::with_capacity(17 + 96);
    info.extend_from_slice(b"alongside/wrap/v1");
    info.extend_from_slice(ephemeral);
    info.extend_from_slice(recipient);
    info.extend_from_slice(&author.0);
    Secret::hkdf(&team.0, &[shared], &info)
}

/// Seal a grant's JSON for one recipient's X25519 key (see the module's docs).
pub fn seal_grant(
    h: &Header<'_>,
    pair: &Ed25519KeyPair,
    recipient: &[u8; 32],
    json: &[u8],
) -> Result<Vec<u8>> {
    let secret = StaticSecret::from(random_bytes::<32>()?);
    let ephemeral = PublicKey::from(&secret);
    let shared = secret.diffie_hellman(&PublicKey::from(*recipient));
    let key = wrap_key(
        h.team,
        shared.as_bytes(),
        ephemeral.as_bytes(),
        recipient,
        h.author,
    )?;
    Ok(frame(
        ephemeral.as_bytes(),
        seal_payload(h, pair, &key, json)?,
    ))
}

/// Open a grant sealed for this device's X25519 secret; fails with why if it is not for it or is
/// forged.
pub fn open_grant(
    h: &Header<'_>,
    agreement: &[u8; 32],
    body: &[u8],
) -> Result<Vec<u8>, RefusalReason> {
    let (ephemeral, sealed) = unframe(body).ok_or(RefusalReason::CouldNotOpen)?;
    let ephemeral: [u8; 32] = ephemeral
        .try_into()
        .map_err(|_| RefusalReason::CouldNotOpen)?;
    let secret = StaticSecret::from(*agreement);
    let mine = PublicKey::from(&secret);
    let shared = secret.diffie_hellman(&PublicKey::from(ephemeral));
    let key = wrap_key(
        h.team,
        shared.as_bytes(),
        &ephemeral,
        mine.as_bytes(),
        h.author,
    )
    .map_err(|_| RefusalReason::CouldNotOpen)?;
    open_payload(h, &key, sealed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alongside_wire::Id16;

    #[test]
    fn a_record_opens_only_as_sealed_and_a_grant_only_for_its_recipient() {
        let (pkcs8, agreement) = new_device_keys().unwrap();
        let me = public_keys(&pkcs8, &agreement).unwrap();
        let pair = signer(&pkcs8).unwrap();
        let (team, record, keyspace) = (Id16([1; 16]), Id16([2; 16]), Id16([3; 16]));
        let h = Header {
            team: &team,
            record: &record,
            class: RecordClass::Editable,
            keyspace: &keyspace,
            epoch: 0,
            parents: &[],
            author: &me.signing,
        };
        let key = Secret::random().unwrap();
        let body = seal_record(&h, &pair, &key, b"{\"a\":1}").unwrap();
        assert_eq!(open_record(&h, &key, &body).unwrap(), b"{\"a\":1}");
        // Another epoch, another key, or one flipped byte: nothing opens.
        let moved = Header { epoch: 1, ..h };
        let not_opened = Err(RefusalReason::CouldNotOpen);
        assert_eq!(open_record(&moved, &key, &body), not_opened);
        assert_eq!(
            open_record(&h, &Secret::random().unwrap(), &body),
            not_opened
        );
        let mut flipped = body.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(open_record(&h, &key, &flipped), not_opened);
        // Sealed with the key but signed by another device than the header names.
        let (pkcs8_c, _) = new_device_keys().unwrap();
        let other_signer = signer(&pkcs8_c).unwrap();
        let forged = seal_record(&h, &other_signer, &key, b"{\"a\":1}").unwrap();
        assert_eq!(
            open_record(&h, &key, &forged),
            Err(RefusalReason::BadSignature)
        );

        let (_, other) = new_device_keys().unwrap();
        let grant = seal_grant(&h, &pair, &me.agreement.0, b"{\"k\":2}").unwrap();
        assert_eq!(open_grant(&h, &agreement, &grant).unwrap(), b"{\"k\":2}");
        assert_eq!(open_grant(&h, &other, &grant), not_opened);
        // Claimed by another author: the signature (and the wrap) no longer match.
        let (pkcs8_b, agreement_b) = new_device_keys().unwrap();
        let b = public_keys(&pkcs8_b, &agreement_b).unwrap();
        let forged = Header {
            author: &b.signing,
            ..h
        };
        assert_eq!(open_grant(&forged, &agreement, &grant), not_opened);
    }
}
