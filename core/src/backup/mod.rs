//! Encrypted backup and restore: the whole vault in one file, sealed under a backup passphrase the
//! worker chooses, so a lost or replaced phone loses nothing.
//!
//! The file format is specified in `docs/backup-format.md` (kept in step with the constants here).
//! In short: a plaintext header (magic, format version, Argon2id parameters (PBKDF2 in format 1),
//! chunk size, a keyed passphrase check and a SHA-256 digest of the header), then the payload as a STREAM of
//! AES-256-GCM chunks whose nonces carry a counter and a final-chunk flag and whose associated data
//! is the header digest. The payload is a sequence of length-prefixed entries: the vault's data key
//! and schema version, every row of `meta`, `records` and `audit` exactly as stored (still sealed
//! under the data key), and an end marker with the row counts.
//!
//! Memory does not grow with the vault: the writer holds one chunk, the reader one chunk plus the
//! entry being parsed (one row, at most [`MAX_ENTRY_LEN`]).
//!
//! Restore reads the file once, into a staging folder beside the target; only when every chunk
//! has authenticated, the end marker's counts match and the data key opens the vault's key check
//! is the staging folder moved into place. On any failure the staging folder is removed and the
//! target is as it was.

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM};
use ring::{digest, hmac};
use rusqlite::params;
use std::ffi::OsString;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use zeroize::Zeroize;

use crate::crypto::{self, KdfCost, KdfParams, Keys, Secret, MIN_PBKDF2_ITERATIONS, SALT_LEN};
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::storage::audit::Op;
use crate::vault::{self, PlatformKey, Vault, WorkerSession};

mod entries;
mod format;
#[cfg(any(test, feature = "test-support"))]
pub mod fuzzing;
mod restore;
mod stream;
mod write;

use entries::*;
use format::*;
pub use restore::{restore_stream, verify_backup, verify_backup_stream};
use stream::*;
#[allow(unused_imports)]
use write::*;

/// The first 16 bytes of every backup file, in every format version.
pub const MAGIC: &[u8; 16] = b"ALONGSIDE-BACKUP";
/// The newest backup format this build writes and reads (it reads every older one too).
pub const FORMAT_VERSION: u16 = 2;
/// Key derivation id 1: PBKDF2-HMAC-SHA256 (format 1 only; read, never written).
pub const KDF_PBKDF2_HMAC_SHA256: u8 = 1;
/// Key derivation id 2: Argon2id (format 2).
pub const KDF_ARGON2ID: u8 = 2;
/// AEAD id 1: AES-256-GCM.
pub const AEAD_AES_256_GCM: u8 = 1;
/// Plaintext bytes in every chunk but the last.
pub const DEFAULT_CHUNK_SIZE: u32 = 64 * 1024;
/// The smallest chunk a backup may be written with (bytes of plaintext).
pub const MIN_CHUNK_SIZE: u32 = 64;
/// The largest chunk a backup may be written with, and the largest a reader accepts.
pub const MAX_CHUNK_SIZE: u32 = 1024 * 1024;
/// A format-1 file asking for more PBKDF2 iterations is refused as damaged, so a hostile header
/// cannot pin the phone's CPU for minutes (10,000,000 is about 1.6 s here, several seconds on a
/// phone). Format 2's Argon2id parameters have their own bounds (`KdfParams::is_readable`).
pub const MAX_KDF_ITERATIONS: u32 = 10_000_000;
/// The largest entry (one row) a reader accepts.
pub const MAX_ENTRY_LEN: u32 = 16 * 1024 * 1024;

/// The longest header of any format (format 2's); see `format::layout`.
const MAX_HEADER_LEN: usize = 123;
const NONCE_PREFIX_LEN: usize = 7;
const TAG_LEN: usize = 16;

const ENTRY_VAULT: u8 = 0x01;
const ENTRY_META: u8 = 0x02;
const ENTRY_RECORD: u8 = 0x03;
const ENTRY_AUDIT: u8 = 0x04;
const ENTRY_END: u8 = 0x7F;

/// Rows between checks that the session that started a backup is still unlocked.
const LIVENESS_EVERY: u64 = 256;

/// What a backup holds (after writing it, verifying it, or restoring it).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct BackupSummary {
    /// Records in the backup (rows of the vault's `records` table).
    pub records: u64,
    /// Audit trail entries in the backup.
    pub audit_entries: u64,
    /// Size of the backup file.
    pub bytes: u64,
}

/// Settings for [`WorkerSession::write_backup`]. The defaults are what the phone uses; a release
/// build has no other KDF cost.
#[derive(Clone, Debug)]
pub struct BackupOptions {
    /// The Argon2id cost for the backup passphrase.
    pub kdf: KdfCost,
    /// Plaintext bytes per chunk (default 64 KiB; `MIN_CHUNK_SIZE` to `MAX_CHUNK_SIZE`).
    pub chunk_size: u32,
}

impl Default for BackupOptions {
    fn default() -> Self {
        BackupOptions {
            kdf: KdfCost::Production,
            chunk_size: DEFAULT_CHUNK_SIZE,
        }
    }
}

fn corrupt(detail: impl Into<String>) -> Error {
    Error::BackupCorrupt {
        detail: detail.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writer(sink: &mut Vec<u8>, chunk: u32) -> ChunkWriter<&mut Vec<u8>> {
        let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &[7; 32]).unwrap());
        ChunkWriter::new(sink, key, [1; 7], [2; 32], chunk)
    }

    fn reader(data: &[u8], chunk: u32) -> ChunkReader<&[u8]> {
        ChunkReader {
            input: data,
            key: LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &[7; 32]).unwrap()),
            nonce_prefix: [1; 7],
            ad: [2; 32],
            counter: 0,
            chunk_size: chunk as usize,
            buf: Vec::new(),
            pos: 0,
            seen_last: false,
            bytes: 0,
        }
    }

    fn read_all(data: &[u8], chunk: u32) -> Result<Vec<u8>> {
        let mut r = reader(data, chunk);
        let mut out = Vec::new();
        while r.next_chunk()? {
            out.extend_from_slice(&r.buf);
        }
        Ok(out)
    }

    /// The writer's memory is one chunk, whatever is written through it.
    #[test]
    fn the_writer_buffers_one_chunk_at_most() {
        let mut sink = Vec::new();
        let mut w = writer(&mut sink, 1024);
        let cap = w.buffer_capacity();
        assert_eq!(cap, 1024 + TAG_LEN);
        let piece: Vec<u8> = (0..=255u8).cycle().take(777).collect();
        for _ in 0..10_000 {
            w.write_all(&piece).unwrap();
            assert_eq!(w.buffer_capacity(), cap);
            assert!(w.buf.len() < 1024);
        }
        // One big write is sealed chunk by chunk too.
        w.write_all(&vec![9u8; 5 * 1024 * 1024]).unwrap();
        assert_eq!(w.buffer_capacity(), cap);
        w.finish().unwrap();
        assert!(sink.len() > 12 * 1024 * 1024);
    }

    #[test]
    fn chunks_round_trip_at_every_boundary() {
        for len in [0usize, 1, 63, 64, 65, 127, 128, 129, 640] {
            let data: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let mut sink = Vec::new();
            let mut w = writer(&mut sink, 64);
            w.write_all(&data).unwrap();
            w.finish().unwrap();
            // Full chunks then one shorter final chunk (empty when the data fills whole chunks).
            assert_eq!(sink.len(), len / 64 * (64 + TAG_LEN) + len % 64 + TAG_LEN);
            assert_eq!(read_all(&sink, 64).unwrap(), data, "len {len}");
        }
    }

    #[test]
    fn dropped_reordered_or_cut_chunks_fail() {
        let data = vec![5u8; 64 * 4 + 10];
        let mut sink = Vec::new();
        let mut w = writer(&mut sink, 64);
        w.write_all(&data).unwrap();
        w.finish().unwrap();
        let c = 64 + TAG_LEN;
        let chunks: Vec<&[u8]> = sink.chunks(c).collect();
        assert_eq!(chunks.len(), 5);
        // Drop the second chunk.
        let dropped: Vec<u8> = [chunks[0], chunks[2], chunks[3], chunks[4]].concat();
        assert!(read_all(&dropped, 64).is_err());
        // Swap two chunks.
        let swapped: Vec<u8> = [chunks[1], chunks[0], chunks[2], chunks[3], chunks[4]].concat();
        assert!(read_all(&swapped, 64).is_err());
        // Cut at a chunk boundary: every remaining chunk authenticates, the final one is missing.
        let cut = &sink[..3 * c];
        let mut r = reader(cut, 64);
        assert!(r.next_chunk().unwrap());
        assert!(r.next_chunk().unwrap());
        assert!(r.next_chunk().unwrap());
        assert!(matches!(
            r.next_chunk(),
            Err(Error::BackupCorrupt { detail }) if detail.contains("truncated")
        ));
        // The last full chunk passed off as the final one.
        assert!(read_all(&sink[..4 * c - 1], 64).is_err());
        // Bytes appended after the final chunk.
        let mut longer = sink.clone();
        longer.push(0);
        assert!(read_all(&longer, 64).is_err());
    }
}
