//! The backup file's plaintext header (magic, version, key derivation, chunk size, passphrase
//! check, digest) and the keys derived from the backup passphrase.

#[allow(unused_imports)]
use super::*;

pub(super) struct Header {
    pub(super) iterations: u32,
    pub(super) salt: [u8; SALT_LEN],
    pub(super) chunk_size: u32,
    pub(super) nonce_prefix: [u8; NONCE_PREFIX_LEN],
}

impl Header {
    pub(super) fn checked_bytes(&self) -> [u8; CHECKED_LEN] {
        let mut b = [0u8; CHECKED_LEN];
        b[0..16].copy_from_slice(MAGIC);
        b[16..18].copy_from_slice(&FORMAT_VERSION.to_be_bytes());
        b[18] = KDF_PBKDF2_HMAC_SHA256;
        b[19..23].copy_from_slice(&self.iterations.to_be_bytes());
        b[23..39].copy_from_slice(&self.salt);
        b[39] = AEAD_AES_256_GCM;
        b[40..44].copy_from_slice(&self.chunk_size.to_be_bytes());
        b[44..51].copy_from_slice(&self.nonce_prefix);
        b
    }

    /// Parse the fields after magic and version; range checks only (authenticity comes later).
    pub(super) fn parse(b: &[u8; HEADER_LEN]) -> Result<Self> {
        if b[18] != KDF_PBKDF2_HMAC_SHA256 {
            return Err(corrupt("unknown key derivation"));
        }
        if b[39] != AEAD_AES_256_GCM {
            return Err(corrupt("unknown cipher"));
        }
        let iterations = u32::from_be_bytes(b[19..23].try_into().expect("4 bytes"));
        if !(MIN_PBKDF2_ITERATIONS..=MAX_KDF_ITERATIONS).contains(&iterations) {
            return Err(corrupt("key derivation iterations out of range"));
        }
        let chunk_size = u32::from_be_bytes(b[40..44].try_into().expect("4 bytes"));
        if !(MIN_CHUNK_SIZE..=MAX_CHUNK_SIZE).contains(&chunk_size) {
            return Err(corrupt("chunk size out of range"));
        }
        Ok(Header {
            iterations,
            salt: b[23..39].try_into().expect("16 bytes"),
            chunk_size,
            nonce_prefix: b[44..51].try_into().expect("7 bytes"),
        })
    }
}

/// The two keys a backup passphrase yields: one seals the stream, one proves the passphrase.
pub(super) struct FileKeys {
    pub(super) stream: LessSafeKey,
    pub(super) check: hmac::Key,
}

pub(super) fn file_keys(passphrase: &str, salt: &[u8], iterations: u32) -> Result<FileKeys> {
    let ikm = Secret::from_passphrase(passphrase, salt, iterations)?;
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, HKDF_SALT).extract(ikm.as_bytes());
    let expand = |info: &'static [u8]| -> Result<Secret> {
        let mut out = [0u8; 32];
        prk.expand(&[info], hkdf::HKDF_SHA256)
            .and_then(|okm| okm.fill(&mut out))
            .map_err(|_| corrupt("key derivation"))?;
        let key = Secret::from_slice(&out).expect("32 bytes");
        out.zeroize();
        Ok(key)
    };
    let stream = expand(b"stream key")?;
    let check = expand(b"key check")?;
    Ok(FileKeys {
        // ring keeps its own copy of the key schedule; it lives only as long as the backup call.
        stream: UnboundKey::new(&AES_256_GCM, stream.as_bytes())
            .map(LessSafeKey::new)
            .map_err(|_| corrupt("key"))?,
        check: hmac::Key::new(hmac::HMAC_SHA256, check.as_bytes()),
    })
}

pub(super) fn chunk_nonce(prefix: &[u8; NONCE_PREFIX_LEN], counter: u32, last: bool) -> Nonce {
    let mut n = [0u8; 12];
    n[..NONCE_PREFIX_LEN].copy_from_slice(prefix);
    n[7..11].copy_from_slice(&counter.to_be_bytes());
    n[11] = u8::from(last);
    Nonce::assume_unique_for_key(n)
}
