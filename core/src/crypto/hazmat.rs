//! The raw AEAD calls and key schedules under `crypto`: AES-256-GCM envelopes with a fresh
//! random nonce, the long-lived key schedule built once per unlock, and the crate's only `unsafe`
//! (wiping that schedule, which ring's types do not do). Nothing outside `crypto` sees this
//! module: callers seal and open through `Keys` and `RecordAd`, or the envelope pair `seal`/`open`
//! re-exported by `crypto`.

#![allow(unsafe_code)]

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::{hkdf, hmac};
use zeroize::Zeroize;

use super::{random_bytes, Secret, ALG_AES_256_GCM, ENVELOPE_FORMAT, HEADER_LEN, TAG_LEN};
use crate::error::{Error, Result};

pub(super) struct Len32;
impl hkdf::KeyType for Len32 {
    fn len(&self) -> usize {
        32
    }
}

/// A key schedule built once per unlock that wipes itself when dropped: the sealing key's
/// AES-256-GCM schedule ([`AeadKey`]) and the lookup and audit keys' HMAC states ([`HmacKey`]).
///
/// Building the AES schedule (key expansion and the GHASH table) cost more than decrypting a whole
/// note, and every screen opens hundreds of records; an HMAC key's two padded-key hashes cost as
/// much as a lookup tag itself, and every screen takes a dozen tags. So each is built once at
/// unlock rather than per use. ring's key types do not wipe themselves; since an AES-256 schedule
/// starts with the key itself, and an HMAC state stands in for its key, each is overwritten with
/// zeros when the keys are dropped (at lock), as the secrets they come from are.
pub(super) struct Schedule<T: PlainData>(Box<std::mem::ManuallyDrop<T>>);

/// The sealing key's AES-256-GCM schedule.
pub(super) type AeadKey = Schedule<LessSafeKey>;
/// An HMAC-SHA256 key's inner and outer states.
pub(super) type HmacKey = Schedule<hmac::Key>;

/// ring key types that are plain data (fixed arrays and `&'static` algorithm references: no heap,
/// no `Drop`), so overwriting their bytes leaves nothing behind and breaks nothing.
pub(super) trait PlainData {}
impl PlainData for LessSafeKey {}
impl PlainData for hmac::Key {}

impl AeadKey {
    pub(super) fn new(key: &Secret) -> Result<Self> {
        Ok(Schedule(Box::new(std::mem::ManuallyDrop::new(aead_key(
            key,
        )?))))
    }
}

impl HmacKey {
    pub(super) fn new(key: &Secret) -> Self {
        Schedule(Box::new(std::mem::ManuallyDrop::new(hmac::Key::new(
            hmac::HMAC_SHA256,
            key.as_bytes(),
        ))))
    }
}

impl<T: PlainData> std::ops::Deref for Schedule<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: PlainData> Drop for Schedule<T> {
    fn drop(&mut self) {
        let key: *mut T = &mut **self.0;
        // SAFETY: `T` is plain data (see `PlainData`): no heap, no `Drop`. It is never read
        // again: `ManuallyDrop` keeps the Box from dropping it, and freeing the Box does not read
        // it. The writes are volatile so they are not dropped as dead stores before the memory is
        // freed.
        unsafe {
            let bytes = key.cast::<u8>();
            for i in 0..std::mem::size_of::<T>() {
                std::ptr::write_volatile(bytes.add(i), 0);
            }
        }
        std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
    }
}

/// Seal with AES-256-GCM under a fresh random nonce: `format | alg | nonce | ciphertext+tag`.
pub fn seal(key: &Secret, ad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
    let nonce_bytes: [u8; NONCE_LEN] = random_bytes()?;
    let sealing = aead_key(key)?;
    let mut out = Vec::with_capacity(HEADER_LEN + NONCE_LEN + plaintext.len() + TAG_LEN);
    out.push(ENVELOPE_FORMAT);
    out.push(ALG_AES_256_GCM);
    out.extend_from_slice(&nonce_bytes);
    let mut body = plaintext.to_vec();
    let full_ad = envelope_ad(ad);
    sealing
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce_bytes),
            Aad::from(&full_ad),
            &mut body,
        )
        .map_err(|_| Error::corrupt("sealing"))?;
    out.extend_from_slice(&body);
    body.zeroize();
    Ok(out)
}

/// Open an envelope; `None` for anything that does not authenticate, whatever the reason.
pub fn open(key: &Secret, ad: &[u8], envelope: &[u8]) -> Option<Vec<u8>> {
    if envelope.len() < HEADER_LEN + NONCE_LEN + TAG_LEN
        || envelope[0] != ENVELOPE_FORMAT
        || envelope[1] != ALG_AES_256_GCM
    {
        return None;
    }
    let opening = aead_key(key).ok()?;
    let mut body = envelope.to_vec();
    let len = open_in_place(&opening, &envelope_ad(ad), &mut body)?;
    body.drain(..HEADER_LEN + NONCE_LEN);
    body.truncate(len);
    Some(body)
}

/// Open `envelope` where it lies: on success the plaintext is the `len` bytes after the header and
/// nonce, and `len` is returned. `full_ad` already starts with the envelope header.
pub(super) fn open_in_place(
    key: &LessSafeKey,
    full_ad: &[u8],
    envelope: &mut [u8],
) -> Option<usize> {
    if envelope.len() < HEADER_LEN + NONCE_LEN + TAG_LEN
        || envelope[0] != ENVELOPE_FORMAT
        || envelope[1] != ALG_AES_256_GCM
    {
        return None;
    }
    let nonce: [u8; NONCE_LEN] = envelope[HEADER_LEN..HEADER_LEN + NONCE_LEN]
        .try_into()
        .ok()?;
    key.open_in_place(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(full_ad),
        &mut envelope[HEADER_LEN + NONCE_LEN..],
    )
    .ok()
    .map(|plain| plain.len())
}

/// The envelope's own header is authenticated too, so a changed format or algorithm byte fails.
pub(super) fn envelope_ad(ad: &[u8]) -> Vec<u8> {
    let mut full = Vec::with_capacity(ad.len() + HEADER_LEN);
    full.push(ENVELOPE_FORMAT);
    full.push(ALG_AES_256_GCM);
    full.extend_from_slice(ad);
    full
}

fn aead_key(key: &Secret) -> Result<LessSafeKey> {
    // Built per call from the zeroizing secret, so no long-lived key schedule outlives a lock.
    UnboundKey::new(&AES_256_GCM, key.as_bytes())
        .map(LessSafeKey::new)
        .map_err(|_| Error::corrupt("key"))
}
