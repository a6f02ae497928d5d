//! Keys and sealing. The data key never leaves this module in the clear except to be wrapped;
//! every buffer that holds key material is zeroized when dropped.
//!
//! This file holds the keys callers use (`Secret`, `Keys`, `RecordAd`, `Opened`); the raw AEAD
//! calls, key schedules and the crate's only `unsafe` are in `hazmat`, private to this module.

use ring::aead::{Aad, Nonce, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{hkdf, hmac};
use zeroize::{Zeroize, ZeroizeOnDrop};

mod hazmat;
mod kdf;

pub use hazmat::{open, seal};
use hazmat::{open_in_place, AeadKey, Len32};
pub use kdf::{argon2id, pbkdf2_sha256, KdfCost, KdfParams};

use crate::error::{Error, Result};

/// First byte of every envelope. A later format bumps it; old envelopes stay readable.
pub const ENVELOPE_FORMAT: u8 = 1;
/// Second byte of every envelope: the AEAD.
pub const ALG_AES_256_GCM: u8 = 1;
const HEADER_LEN: usize = 2;
const TAG_LEN: usize = 16;
/// Plaintext is padded to a multiple of this, so a sealed note's length says less about its words.
#[cfg_attr(feature = "baseline-plaintext", allow(dead_code))]
const PAD_BUCKET: usize = 64;

/// What PBKDF2-HMAC-SHA256 slots and backups were written with (OWASP's 2023 figure); only read now
/// (the tests make such vaults to check that they still open and are upgraded).
#[cfg_attr(not(feature = "test-support"), allow(dead_code))]
pub const DEFAULT_PBKDF2_ITERATIONS: u32 = 600_000;
/// Below this a PBKDF2 slot is refused outright as damage.
pub const MIN_PBKDF2_ITERATIONS: u32 = 1_000;
/// Above this a stored count is damage, not a setting: it would stall an unlock for minutes.
pub const MAX_PBKDF2_ITERATIONS: u32 = 50_000_000;
pub const SALT_LEN: usize = 16;

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    SystemRandom::new()
        .fill(&mut out)
        .map_err(|_| Error::Storage {
            detail: "the system random source failed".into(),
        })?;
    Ok(out)
}

/// A 256-bit secret that wipes itself.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Secret([u8; 32]);

impl Secret {
    pub fn random() -> Result<Self> {
        Ok(Secret(random_bytes()?))
    }

    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; 32] = bytes.try_into().ok()?;
        Some(Secret(arr))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// HKDF-SHA256 (RFC 5869): extract from the concatenation of `ikm` under `salt`, expand with
    /// `info` to 32 bytes. The concatenated input is wiped.
    pub fn hkdf(salt: &[u8], ikm: &[&[u8]], info: &[u8]) -> Result<Self> {
        let mut joined: Vec<u8> = ikm.concat();
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(&joined);
        joined.zeroize();
        let mut out = [0u8; 32];
        let info = [info];
        prk.expand(&info, Len32)
            .and_then(|okm| okm.fill(&mut out))
            .map_err(|_| Error::corrupt("key derivation"))?;
        let key = Secret(out);
        out.zeroize();
        Ok(key)
    }
}

/// The working keys of an unlocked vault, each derived from the data key for one purpose.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct Keys {
    seal: Secret,
    lookup: Secret,
    audit: Secret,
    /// The sealing key's AES-GCM schedule, built once per unlock (see [`AeadKey`]).
    #[zeroize(skip)]
    #[cfg_attr(feature = "baseline-plaintext", allow(dead_code))]
    aead: AeadKey,
}

/// A record's plaintext, opened inside the buffer it was read into (no copy); wiped when dropped.
pub struct Opened {
    buf: Vec<u8>,
    start: usize,
    len: usize,
}

impl std::ops::Deref for Opened {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[self.start..self.start + self.len]
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        self.buf.zeroize();
    }
}

impl Keys {
    pub fn derive(data_key: &Secret) -> Result<Self> {
        let prk =
            hkdf::Salt::new(hkdf::HKDF_SHA256, b"alongside/keys/v1").extract(data_key.as_bytes());
        let sub = |info: &'static [u8]| -> Result<Secret> {
            let mut out = [0u8; 32];
            let info = [info];
            prk.expand(&info, Len32)
                .and_then(|okm| okm.fill(&mut out))
                .map_err(|_| Error::corrupt("key derivation"))?;
            Ok(Secret(out))
        };
        let seal = sub(b"seal records")?;
        Ok(Keys {
            aead: AeadKey::new(&seal)?,
            seal,
            lookup: sub(b"lookup tags")?,
            audit: sub(b"audit chain")?,
        })
    }

    /// Seal one stored value. `ad` binds it to its place (kind, id, field, revision).
    /// The padded plaintext is written straight into the envelope and encrypted there, so no
    /// plaintext copy is left to wipe.
    #[cfg(not(feature = "baseline-plaintext"))]
    pub fn seal_record(&self, ad: &RecordAd<'_>, plaintext: &[u8]) -> Result<Vec<u8>> {
        let nonce_bytes: [u8; NONCE_LEN] = random_bytes()?;
        let padded_len = (4 + plaintext.len()).div_ceil(PAD_BUCKET) * PAD_BUCKET;
        let body_at = HEADER_LEN + NONCE_LEN;
        let mut out = Vec::with_capacity(body_at + padded_len + TAG_LEN);
        out.push(ENVELOPE_FORMAT);
        out.push(ALG_AES_256_GCM);
        out.extend_from_slice(&nonce_bytes);
        out.extend_from_slice(&(plaintext.len() as u32).to_be_bytes());
        out.extend_from_slice(plaintext);
        out.resize(body_at + padded_len, 0);
        let tag = self
            .aead
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce_bytes),
                Aad::from(&ad.full_bytes()),
                &mut out[body_at..],
            )
            .map_err(|_| Error::corrupt("sealing"))?;
        out.extend_from_slice(tag.as_ref());
        Ok(out)
    }

    #[cfg(not(feature = "baseline-plaintext"))]
    pub fn open_record(&self, ad: &RecordAd<'_>, envelope: &[u8]) -> Result<Vec<u8>> {
        Ok(self.open_record_owned(ad, envelope.to_vec())?.to_vec())
    }

    /// Open a stored value inside the buffer it was read into, with no copy of the plaintext.
    #[cfg(not(feature = "baseline-plaintext"))]
    pub fn open_record_owned(&self, ad: &RecordAd<'_>, envelope: Vec<u8>) -> Result<Opened> {
        let mut opened = Opened {
            buf: envelope,
            start: 0,
            len: 0,
        };
        let tampered = || Error::tampered(ad.kind, ad.id);
        let padded_len =
            open_in_place(&self.aead, &ad.full_bytes(), &mut opened.buf).ok_or_else(tampered)?;
        let at = HEADER_LEN + NONCE_LEN;
        let len = opened.buf[at..at + padded_len]
            .get(..4)
            .and_then(|b| b.try_into().ok())
            .map(|b: [u8; 4]| u32::from_be_bytes(b) as usize)
            .filter(|len| 4 + len <= padded_len)
            .ok_or_else(tampered)?;
        opened.start = at + 4;
        opened.len = len;
        Ok(opened)
    }

    /// Benchmark baseline only (lib.rs refuses it in a phone build): the value is stored as it is.
    #[cfg(feature = "baseline-plaintext")]
    pub fn seal_record(&self, _ad: &RecordAd<'_>, plaintext: &[u8]) -> Result<Vec<u8>> {
        Ok(plaintext.to_vec())
    }

    /// Benchmark baseline only: the stored value is the plaintext.
    #[cfg(feature = "baseline-plaintext")]
    pub fn open_record(&self, _ad: &RecordAd<'_>, stored: &[u8]) -> Result<Vec<u8>> {
        Ok(stored.to_vec())
    }

    /// Benchmark baseline only: the stored value is the plaintext, used where it was read.
    #[cfg(feature = "baseline-plaintext")]
    pub fn open_record_owned(&self, _ad: &RecordAd<'_>, stored: Vec<u8>) -> Result<Opened> {
        let len = stored.len();
        Ok(Opened {
            buf: stored,
            start: 0,
            len,
        })
    }

    /// A keyed hash for exact-match lookups; `field` keeps tags of different fields apart.
    pub fn lookup_tag(&self, field: &str, value: &[u8]) -> Vec<u8> {
        let key = hmac::Key::new(hmac::HMAC_SHA256, self.lookup.as_bytes());
        let mut ctx = hmac::Context::with_key(&key);
        ctx.update(field.as_bytes());
        ctx.update(&[0]);
        ctx.update(value);
        ctx.sign().as_ref()[..16].to_vec()
    }

    /// The keyed hash that chains audit entries: without the key, no one can forge a consistent chain.
    pub fn audit_mac(&self, parts: &[&[u8]]) -> Vec<u8> {
        let key = hmac::Key::new(hmac::HMAC_SHA256, self.audit.as_bytes());
        let mut ctx = hmac::Context::with_key(&key);
        for p in parts {
            ctx.update(&(p.len() as u64).to_be_bytes());
            ctx.update(p);
        }
        ctx.sign().as_ref().to_vec()
    }
}

/// What a sealed record is bound to. Moving the ciphertext to another row or column, or putting
/// back an older revision, changes this and the value no longer opens.
pub struct RecordAd<'a> {
    pub kind: &'a str,
    pub id: &'a str,
    pub field: &'a str,
    pub rev: i64,
}

impl RecordAd<'_> {
    /// The associated data as the AEAD sees it: the envelope header, then [`RecordAd::bytes`]
    /// (the same bytes `envelope_ad(&self.bytes())` gives, built in one buffer).
    #[cfg_attr(feature = "baseline-plaintext", allow(dead_code))]
    fn full_bytes(&self) -> Vec<u8> {
        let mut ad = Vec::with_capacity(
            HEADER_LEN + 17 + 12 + self.kind.len() + self.id.len() + self.field.len() + 8,
        );
        ad.push(ENVELOPE_FORMAT);
        ad.push(ALG_AES_256_GCM);
        self.write(&mut ad);
        ad
    }

    #[cfg(test)]
    fn bytes(&self) -> Vec<u8> {
        let mut ad = Vec::with_capacity(64);
        self.write(&mut ad);
        ad
    }

    #[cfg_attr(feature = "baseline-plaintext", allow(dead_code))]
    fn write(&self, ad: &mut Vec<u8>) {
        ad.extend_from_slice(b"alongside/record");
        ad.push(ENVELOPE_FORMAT);
        for part in [self.kind, self.id, self.field] {
            ad.extend_from_slice(&(part.len() as u32).to_be_bytes());
            ad.extend_from_slice(part.as_bytes());
        }
        ad.extend_from_slice(&self.rev.to_be_bytes());
    }
}

/// A short, stable, non-secret digest (audit entries record the hash of each sealed value).
pub fn digest(bytes: &[u8]) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, bytes)
        .as_ref()
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::hazmat::envelope_ad;
    use super::*;
    use std::collections::HashSet;

    fn keys() -> Keys {
        Keys::derive(&Secret::random().unwrap()).unwrap()
    }

    #[test]
    fn record_round_trip_and_binding() {
        let k = keys();
        let ad = RecordAd {
            kind: "client",
            id: "a",
            field: "body",
            rev: 1,
        };
        let sealed = k.seal_record(&ad, b"Maya").unwrap();
        assert_eq!(k.open_record(&ad, &sealed).unwrap(), b"Maya");
        for other in [
            RecordAd {
                kind: "note",
                id: "a",
                field: "body",
                rev: 1,
            },
            RecordAd {
                kind: "client",
                id: "b",
                field: "body",
                rev: 1,
            },
            RecordAd {
                kind: "client",
                id: "a",
                field: "other",
                rev: 1,
            },
            RecordAd {
                kind: "client",
                id: "a",
                field: "body",
                rev: 2,
            },
        ] {
            assert!(matches!(
                k.open_record(&other, &sealed),
                Err(Error::Tampered { .. })
            ));
        }
    }

    #[test]
    fn every_byte_flip_is_detected() {
        let k = keys();
        let ad = RecordAd {
            kind: "client",
            id: "a",
            field: "body",
            rev: 1,
        };
        let sealed = k.seal_record(&ad, b"hello").unwrap();
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(k.open_record(&ad, &bad).is_err(), "byte {i}");
        }
        for len in 0..sealed.len() {
            assert!(k.open_record(&ad, &sealed[..len]).is_err());
        }
    }

    #[test]
    fn envelopes_from_the_generic_path_still_open() {
        // Records sealed before the key schedule was cached went through `seal` with
        // `RecordAd::bytes` and a padded body; they must open exactly as before.
        let k = keys();
        let ad = RecordAd {
            kind: "note",
            id: "a",
            field: "body",
            rev: 3,
        };
        assert_eq!(ad.full_bytes(), envelope_ad(&ad.bytes()));
        let text = b"Visited at home; the heating was on.";
        let mut padded = (text.len() as u32).to_be_bytes().to_vec();
        padded.extend_from_slice(text);
        padded.resize(PAD_BUCKET, 0);
        let old = seal(&k.seal, &ad.bytes(), &padded).unwrap();
        assert_eq!(k.open_record(&ad, &old).unwrap(), text);
        assert_eq!(&*k.open_record_owned(&ad, old).unwrap(), text);
        let new = k.seal_record(&ad, text).unwrap();
        assert_eq!(open(&k.seal, &ad.bytes(), &new).unwrap(), padded);
    }

    #[test]
    fn lengths_are_bucketed() {
        let k = keys();
        let ad = RecordAd {
            kind: "note",
            id: "a",
            field: "body",
            rev: 1,
        };
        let a = k.seal_record(&ad, &[b'x'; 3]).unwrap();
        let b = k.seal_record(&ad, &[b'x'; 50]).unwrap();
        assert_eq!(a.len(), b.len());
    }

    #[test]
    fn no_nonce_repeats_over_100k_writes() {
        let k = Secret::random().unwrap();
        let mut seen = HashSet::with_capacity(100_000);
        for _ in 0..100_000 {
            let env = seal(&k, b"", b"x").unwrap();
            let nonce: [u8; NONCE_LEN] = env[2..2 + NONCE_LEN].try_into().unwrap();
            assert!(seen.insert(nonce));
        }
    }
}
