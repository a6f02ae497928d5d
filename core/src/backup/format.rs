//! The backup file's plaintext header (magic, version, key derivation, chunk size, passphrase
//! check, digest) and the keys derived from the backup passphrase.
//!
//! Two header layouts: format 1 (PBKDF2-HMAC-SHA256, 115 bytes), which this build still reads, and
//! format 2 (Argon2id, 123 bytes), which it writes. Both start with the magic and the version, and
//! end with the keyed passphrase check and the plain digest.

#[allow(unused_imports)]
use super::*;

/// How the backup passphrase becomes the file's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileKdf {
    /// Format 1.
    Pbkdf2 { iterations: u32 },
    /// Format 2.
    Argon2id(KdfParams),
}

impl FileKdf {
    /// Within what the fuzz reader spends on one input (PBKDF2 at most 2,000 iterations, Argon2id
    /// at most 256 KiB and 2 passes).
    pub(super) fn is_cheap(&self) -> bool {
        match *self {
            FileKdf::Pbkdf2 { iterations } => iterations <= 2_000,
            FileKdf::Argon2id(p) => p.m_kib <= 256 && p.t <= 2,
        }
    }
}

pub(super) struct Header {
    pub(super) version: u16,
    pub(super) kdf: FileKdf,
    pub(super) salt: [u8; SALT_LEN],
    pub(super) chunk_size: u32,
    pub(super) nonce_prefix: [u8; NONCE_PREFIX_LEN],
}

/// Where a header's parts end, per format: (checked, digested, whole).
pub(super) fn layout(version: u16) -> (usize, usize, usize) {
    match version {
        1 => (51, 83, 115),
        _ => (59, 91, 123),
    }
}

impl Header {
    /// The bytes the passphrase check covers (everything before it).
    pub(super) fn checked_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(layout(self.version).0);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&self.version.to_be_bytes());
        match self.kdf {
            FileKdf::Pbkdf2 { iterations } => {
                b.push(KDF_PBKDF2_HMAC_SHA256);
                b.extend_from_slice(&iterations.to_be_bytes());
            }
            FileKdf::Argon2id(params) => {
                b.push(KDF_ARGON2ID);
                b.extend_from_slice(&params.to_bytes());
            }
        }
        b.extend_from_slice(&self.salt);
        b.push(AEAD_AES_256_GCM);
        b.extend_from_slice(&self.chunk_size.to_be_bytes());
        b.extend_from_slice(&self.nonce_prefix);
        debug_assert_eq!(b.len(), layout(self.version).0);
        b
    }

    /// Parse the fields after magic and version; range checks only (authenticity comes later).
    pub(super) fn parse(version: u16, b: &[u8]) -> Result<Self> {
        let (kdf, at) = match version {
            1 => {
                if b[18] != KDF_PBKDF2_HMAC_SHA256 {
                    return Err(corrupt("unknown key derivation"));
                }
                let iterations = u32::from_be_bytes(b[19..23].try_into().expect("4 bytes"));
                if !(MIN_PBKDF2_ITERATIONS..=MAX_KDF_ITERATIONS).contains(&iterations) {
                    return Err(corrupt("key derivation iterations out of range"));
                }
                (FileKdf::Pbkdf2 { iterations }, 23)
            }
            _ => {
                if b[18] != KDF_ARGON2ID {
                    return Err(corrupt("unknown key derivation"));
                }
                let params = KdfParams::from_bytes(b[19..31].try_into().expect("12 bytes"));
                if !params.is_readable() {
                    return Err(corrupt("key derivation parameters out of range"));
                }
                (FileKdf::Argon2id(params), 31)
            }
        };
        if b[at + 16] != AEAD_AES_256_GCM {
            return Err(corrupt("unknown cipher"));
        }
        let chunk_size = u32::from_be_bytes(b[at + 17..at + 21].try_into().expect("4 bytes"));
        if !(MIN_CHUNK_SIZE..=MAX_CHUNK_SIZE).contains(&chunk_size) {
            return Err(corrupt("chunk size out of range"));
        }
        Ok(Header {
            version,
            kdf,
            salt: b[at..at + 16].try_into().expect("16 bytes"),
            chunk_size,
            nonce_prefix: b[at + 21..at + 28].try_into().expect("7 bytes"),
        })
    }
}

/// The two keys a backup passphrase yields: one seals the stream, one proves the passphrase.
pub(super) struct FileKeys {
    pub(super) stream: LessSafeKey,
    pub(super) check: hmac::Key,
}

pub(super) fn file_keys(passphrase: &str, header: &Header) -> Result<FileKeys> {
    let (ikm, hkdf_salt): (Secret, &[u8]) = match header.kdf {
        FileKdf::Pbkdf2 { iterations } => (
            crypto::pbkdf2_sha256(passphrase, &header.salt, iterations)?,
            b"alongside/backup/v1",
        ),
        FileKdf::Argon2id(params) => (
            crypto::argon2id(passphrase, &header.salt, &params)
                .map_err(|_| corrupt("key derivation parameters out of range"))?,
            b"alongside/backup/v2",
        ),
    };
    let stream = Secret::hkdf(hkdf_salt, &[ikm.as_bytes()], b"stream key")?;
    let check = Secret::hkdf(hkdf_salt, &[ikm.as_bytes()], b"key check")?;
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
