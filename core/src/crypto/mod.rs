//! Keys and sealing. The data key never leaves this module in the clear except to be wrapped;
//! every buffer that holds key material is zeroized when dropped.
//!
//! This file holds the keys callers use (`Secret`, `Keys`, `RecordAd`, `Opened`); the raw AEAD
//! calls, key schedules and the crate's only `unsafe` are in `hazmat`, private to this module.

// The sealed path only: the benchmark's plaintext baseline leaves these unused.
#[cfg_attr(feature = "baseline-plaintext", allow(unused_imports))]
use ring::aead::{Aad, Nonce, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{hkdf, hmac};
use zeroize::{Zeroize, ZeroizeOnDrop};

mod hazmat;
mod kdf;

#[cfg_attr(feature = "baseline-plaintext", allow(unused_imports))]
use hazmat::open_in_place;
pub use hazmat::{open, seal};
use hazmat::{AeadKey, HmacKey, Len32};
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

/// `N` bytes from the operating system's random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    SystemRandom::new()
        .fill(&mut out)
        .map_err(|_| Error::random_source())?;
    Ok(out)
}

/// A 256-bit secret that wipes itself.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Secret([u8; 32]);

impl Secret {
    /// A fresh random secret.
    pub fn random() -> Result<Self> {
        Ok(Secret(random_bytes()?))
    }

    /// A secret from exactly 32 bytes; none for any other length.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; 32] = bytes.try_into().ok()?;
        Some(Secret(arr))
    }

    /// The secret's bytes.
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
    /// The lookup and audit keys' HMAC states, built once per unlock (see [`HmacKey`]).
    #[zeroize(skip)]
    lookup: HmacKey,
    #[zeroize(skip)]
    audit: HmacKey,
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
    /// Derive the working keys (sealing, lookup tags, audit chain) from the vault's data key.
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
            lookup: HmacKey::new(&sub(b"lookup tags")?),
            audit: HmacKey::new(&sub(b"audit chain")?),
        })
    }

    /// Seal one stored value. `ad` binds it to its place (kind, id, field, revision).
    #[cfg(not(feature = "baseline-plaintext"))]
    pub fn seal_record(&self, ad: &RecordAd<'_>, plaintext: &[u8]) -> Result<Vec<u8>> {
        self.seal_with(&ad.full_bytes(None), plaintext)
    }

    /// Seal a record's row: bound to its kind, id, field and revision as [`Keys::seal_record`],
    /// and to the row's other plaintext columns (`place`), so a row moved to another owner or day
    /// with a plain SQLite tool no longer opens.
    #[cfg(not(feature = "baseline-plaintext"))]
    pub fn seal_row(
        &self,
        ad: &RecordAd<'_>,
        place: &RowPlace<'_>,
        plaintext: &[u8],
    ) -> Result<Vec<u8>> {
        self.seal_with(&ad.full_bytes(Some(place)), plaintext)
    }

    /// Open a row sealed by [`Keys::seal_row`], in the buffer it was read into.
    #[cfg(not(feature = "baseline-plaintext"))]
    pub fn open_row_owned(
        &self,
        ad: &RecordAd<'_>,
        place: &RowPlace<'_>,
        envelope: Vec<u8>,
    ) -> Result<Opened> {
        self.open_with(ad, &ad.full_bytes(Some(place)), envelope)
    }

    /// The padded plaintext is written straight into the envelope and encrypted there, so no
    /// plaintext copy is left to wipe.
    #[cfg(not(feature = "baseline-plaintext"))]
    fn seal_with(&self, full_ad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
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
                Aad::from(full_ad),
                &mut out[body_at..],
            )
            .map_err(|_| Error::corrupt("sealing"))?;
        out.extend_from_slice(tag.as_ref());
        Ok(out)
    }

    #[cfg(not(feature = "baseline-plaintext"))]
    /// Open a sealed value bound to `ad`; `Tampered` if it does not authenticate there.
    pub fn open_record(&self, ad: &RecordAd<'_>, envelope: &[u8]) -> Result<Vec<u8>> {
        Ok(self.open_record_owned(ad, envelope.to_vec())?.to_vec())
    }

    /// Open a stored value inside the buffer it was read into, with no copy of the plaintext.
    #[cfg(not(feature = "baseline-plaintext"))]
    pub fn open_record_owned(&self, ad: &RecordAd<'_>, envelope: Vec<u8>) -> Result<Opened> {
        self.open_with(ad, &ad.full_bytes(None), envelope)
    }

    #[cfg(not(feature = "baseline-plaintext"))]
    fn open_with(&self, ad: &RecordAd<'_>, full_ad: &[u8], envelope: Vec<u8>) -> Result<Opened> {
        let mut opened = Opened {
            buf: envelope,
            start: 0,
            len: 0,
        };
        let tampered = || Error::tampered(ad.kind, ad.id);
        let padded_len =
            open_in_place(&self.aead, full_ad, &mut opened.buf).ok_or_else(tampered)?;
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

    /// Benchmark baseline only: the value is stored as it is.
    #[cfg(feature = "baseline-plaintext")]
    pub fn seal_row(
        &self,
        ad: &RecordAd<'_>,
        _place: &RowPlace<'_>,
        plaintext: &[u8],
    ) -> Result<Vec<u8>> {
        self.seal_record(ad, plaintext)
    }

    /// Benchmark baseline only: the stored value is the plaintext, used where it was read.
    #[cfg(feature = "baseline-plaintext")]
    pub fn open_row_owned(
        &self,
        ad: &RecordAd<'_>,
        _place: &RowPlace<'_>,
        stored: Vec<u8>,
    ) -> Result<Opened> {
        self.open_record_owned(ad, stored)
    }

    /// A keyed hash for exact-match lookups; `field` keeps tags of different fields apart.
    pub fn lookup_tag(&self, field: &str, value: &[u8]) -> Vec<u8> {
        let mut ctx = hmac::Context::with_key(&self.lookup);
        ctx.update(field.as_bytes());
        ctx.update(&[0]);
        ctx.update(value);
        ctx.sign().as_ref()[..16].to_vec()
    }

    /// The keyed hash that chains audit entries: without the key, no one can forge a consistent chain.
    pub fn audit_mac(&self, parts: &[&[u8]]) -> Vec<u8> {
        let mut ctx = hmac::Context::with_key(&self.audit);
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
    /// The record kind (the table's `kind` column).
    pub kind: &'a str,
    /// The record's id.
    pub id: &'a str,
    /// The field or column the value is stored in.
    pub field: &'a str,
    /// The revision the value was written at.
    pub rev: i64,
}

/// The rest of a record row's plaintext columns, bound into its sealed value from schema 2 on:
/// the owning client's id and the keyed day tag. Both decide what a read returns (a client's
/// lists, the day's view), so a row moved to another client or day must fail to open there.
#[derive(Clone, Copy, Debug, Default)]
pub struct RowPlace<'a> {
    /// The `owner` column: the client the record belongs to, if any.
    pub owner: Option<&'a str>,
    /// The `day_tag` column: the keyed tag of the day the record is about, if any.
    pub day_tag: Option<&'a [u8]>,
}

impl RowPlace<'_> {
    /// Appended after the record's own associated data. The record's part ends with its
    /// fixed-length revision, and each part here is marked present or absent and then
    /// length-prefixed, so no two places give the same bytes, and no schema 1 binding (which
    /// stops at the revision) equals a schema 2 one.
    #[cfg_attr(feature = "baseline-plaintext", allow(dead_code))]
    fn write(&self, ad: &mut Vec<u8>) {
        ad.extend_from_slice(b"/row");
        for part in [self.owner.map(str::as_bytes), self.day_tag] {
            match part {
                None => ad.push(0),
                Some(bytes) => {
                    ad.push(1);
                    ad.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                    ad.extend_from_slice(bytes);
                }
            }
        }
    }
}

impl RecordAd<'_> {
    /// The associated data as the AEAD sees it: the envelope header, then [`RecordAd::bytes`]
    /// (the same bytes `envelope_ad(&self.bytes())` gives, built in one buffer), then the row's
    /// place when there is one.
    #[cfg_attr(feature = "baseline-plaintext", allow(dead_code))]
    fn full_bytes(&self, place: Option<&RowPlace<'_>>) -> Vec<u8> {
        let mut ad = Vec::with_capacity(
            HEADER_LEN + 17 + 12 + self.kind.len() + self.id.len() + self.field.len() + 8 + 64,
        );
        ad.push(ENVELOPE_FORMAT);
        ad.push(ALG_AES_256_GCM);
        self.write(&mut ad);
        if let Some(place) = place {
            place.write(&mut ad);
        }
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
    fn a_row_is_bound_to_its_owner_and_day_tag() {
        let k = keys();
        let ad = RecordAd {
            kind: "goal",
            id: "a",
            field: "body",
            rev: 1,
        };
        let place = RowPlace {
            owner: Some("client-1"),
            day_tag: Some(b"tag-1"),
        };
        let sealed = k.seal_row(&ad, &place, b"a flat of my own").unwrap();
        let open = |p: &RowPlace<'_>| k.open_row_owned(&ad, p, sealed.clone()).map(|o| o.to_vec());
        assert_eq!(open(&place).unwrap(), b"a flat of my own");
        for other in [
            RowPlace {
                owner: Some("client-2"),
                ..place
            },
            RowPlace {
                owner: None,
                ..place
            },
            RowPlace {
                day_tag: Some(b"tag-2"),
                ..place
            },
            RowPlace {
                day_tag: None,
                ..place
            },
            // The same bytes split differently between the two columns.
            RowPlace {
                owner: Some("client-1tag-1"),
                day_tag: None,
            },
        ] {
            assert!(matches!(open(&other), Err(Error::Tampered { .. })));
        }
        // Nor does it open as a value bound to its record alone (schema 1), or the other way round.
        assert!(k.open_record(&ad, &sealed).is_err());
        let legacy = k.seal_record(&ad, b"x").unwrap();
        assert!(k.open_row_owned(&ad, &RowPlace::default(), legacy).is_err());
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
        assert_eq!(ad.full_bytes(None), envelope_ad(&ad.bytes()));
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
