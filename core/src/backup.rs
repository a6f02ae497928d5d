//! Encrypted backup and restore: the whole vault in one file, sealed under a backup passphrase the
//! worker chooses, so a lost or replaced phone loses nothing.
//!
//! The file format is specified in `docs/backup-format.md` (kept in step with the constants here).
//! In short: a plaintext header (magic, format version, PBKDF2 parameters, chunk size, a keyed
//! passphrase check and a SHA-256 digest of the header), then the payload as a STREAM of
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
use ring::{digest, hkdf, hmac};
use rusqlite::params;
use std::ffi::OsString;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use zeroize::Zeroize;

use crate::crypto::{
    self, Keys, Secret, DEFAULT_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, SALT_LEN,
};
use crate::error::{Error, Result, Rule};
use crate::store;
use crate::vault::{self, Vault, WorkerSession};

/// The first 16 bytes of every backup file, in every format version.
pub const MAGIC: &[u8; 16] = b"ALONGSIDE-BACKUP";
/// The newest backup format this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;
/// Key derivation id 1: PBKDF2-HMAC-SHA256.
pub const KDF_PBKDF2_HMAC_SHA256: u8 = 1;
/// AEAD id 1: AES-256-GCM.
pub const AEAD_AES_256_GCM: u8 = 1;
/// Plaintext bytes in every chunk but the last.
pub const DEFAULT_CHUNK_SIZE: u32 = 64 * 1024;
pub const MIN_CHUNK_SIZE: u32 = 64;
pub const MAX_CHUNK_SIZE: u32 = 1024 * 1024;
/// A file asking for more is refused as damaged, so a hostile header cannot pin the phone's CPU
/// for minutes (10,000,000 is about 1.6 s here, several seconds on a phone).
pub const MAX_KDF_ITERATIONS: u32 = 10_000_000;
/// The largest entry (one row) a reader accepts.
pub const MAX_ENTRY_LEN: u32 = 16 * 1024 * 1024;

const HEADER_LEN: usize = 115;
/// Bytes 0..51 of the header: everything the passphrase check covers.
const CHECKED_LEN: usize = 51;
/// Bytes 0..83: everything the header digest covers.
const DIGESTED_LEN: usize = 83;
const NONCE_PREFIX_LEN: usize = 7;
const TAG_LEN: usize = 16;
const HKDF_SALT: &[u8] = b"alongside/backup/v1";

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
    pub records: u64,
    pub audit_entries: u64,
    /// Size of the backup file.
    pub bytes: u64,
}

/// Settings for [`WorkerSession::write_backup`]. The defaults are what the phone uses.
#[derive(Clone, Debug)]
pub struct BackupOptions {
    pub kdf_iterations: u32,
    pub chunk_size: u32,
}

impl Default for BackupOptions {
    fn default() -> Self {
        BackupOptions {
            kdf_iterations: DEFAULT_PBKDF2_ITERATIONS,
            chunk_size: DEFAULT_CHUNK_SIZE,
        }
    }
}

fn corrupt(detail: impl Into<String>) -> Error {
    Error::BackupCorrupt {
        detail: detail.into(),
    }
}

fn check_iterations(field: &str, iterations: u32) -> Result<()> {
    if !(MIN_PBKDF2_ITERATIONS..=MAX_KDF_ITERATIONS).contains(&iterations) {
        return Err(Error::invalid(
            field,
            Rule::OutOfRange {
                min: MIN_PBKDF2_ITERATIONS as i64,
                max: MAX_KDF_ITERATIONS as i64,
            },
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Header and keys

struct Header {
    iterations: u32,
    salt: [u8; SALT_LEN],
    chunk_size: u32,
    nonce_prefix: [u8; NONCE_PREFIX_LEN],
}

impl Header {
    fn checked_bytes(&self) -> [u8; CHECKED_LEN] {
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
    fn parse(b: &[u8; HEADER_LEN]) -> Result<Self> {
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
struct FileKeys {
    stream: LessSafeKey,
    check: hmac::Key,
}

fn file_keys(passphrase: &str, salt: &[u8], iterations: u32) -> Result<FileKeys> {
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

fn chunk_nonce(prefix: &[u8; NONCE_PREFIX_LEN], counter: u32, last: bool) -> Nonce {
    let mut n = [0u8; 12];
    n[..NONCE_PREFIX_LEN].copy_from_slice(prefix);
    n[7..11].copy_from_slice(&counter.to_be_bytes());
    n[11] = u8::from(last);
    Nonce::assume_unique_for_key(n)
}

// ---------------------------------------------------------------------------------------------
// The chunk stream

/// Seals a byte stream into chunks. Holds at most one chunk of plaintext (plus its tag): the
/// buffer is allocated once and never grows.
pub struct ChunkWriter<W: Write> {
    out: W,
    key: LessSafeKey,
    nonce_prefix: [u8; NONCE_PREFIX_LEN],
    ad: [u8; 32],
    counter: u32,
    chunk_size: usize,
    buf: Vec<u8>,
    written: u64,
}

impl<W: Write> ChunkWriter<W> {
    fn new(
        out: W,
        key: LessSafeKey,
        nonce_prefix: [u8; NONCE_PREFIX_LEN],
        ad: [u8; 32],
        chunk_size: u32,
    ) -> Self {
        let chunk_size = chunk_size as usize;
        ChunkWriter {
            out,
            key,
            nonce_prefix,
            ad,
            counter: 0,
            chunk_size,
            buf: Vec::with_capacity(chunk_size + TAG_LEN),
            written: 0,
        }
    }

    pub fn write_all(&mut self, mut data: &[u8]) -> Result<()> {
        while !data.is_empty() {
            let n = (self.chunk_size - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..n]);
            data = &data[n..];
            // A full chunk is never the last one (the last holds fewer bytes, maybe none), so it
            // can go out at once.
            if self.buf.len() == self.chunk_size {
                self.seal_chunk(false)?;
            }
        }
        Ok(())
    }

    fn seal_chunk(&mut self, last: bool) -> Result<()> {
        let nonce = chunk_nonce(&self.nonce_prefix, self.counter, last);
        self.key
            .seal_in_place_append_tag(nonce, Aad::from(&self.ad), &mut self.buf)
            .map_err(|_| corrupt("sealing"))?;
        self.out.write_all(&self.buf)?;
        self.written += self.buf.len() as u64;
        // The buffer now holds ciphertext; plaintext only ever sat in it before sealing.
        self.buf.clear();
        self.counter = self
            .counter
            .checked_add(1)
            .ok_or_else(|| corrupt("too many chunks"))?;
        Ok(())
    }

    /// Seal the final chunk and hand back the sink and the number of bytes written.
    pub fn finish(mut self) -> Result<u64> {
        self.seal_chunk(true)?;
        self.out.flush()?;
        Ok(self.written)
    }

    /// The buffer's capacity: allocated once, it must never grow (tests check this).
    pub fn buffer_capacity(&self) -> usize {
        self.buf.capacity()
    }
}

impl<W: Write> Drop for ChunkWriter<W> {
    fn drop(&mut self) {
        self.buf.zeroize();
    }
}

/// Opens the chunk stream, one chunk at a time.
struct ChunkReader<R: Read> {
    input: R,
    key: LessSafeKey,
    nonce_prefix: [u8; NONCE_PREFIX_LEN],
    ad: [u8; 32],
    counter: u32,
    chunk_size: usize,
    buf: Vec<u8>,
    pos: usize,
    seen_last: bool,
    bytes: u64,
}

/// Read until `buf` is full or the input ends; returns how much was read.
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(n)
}

impl<R: Read> ChunkReader<R> {
    /// Load the next chunk. `false` once the final chunk has been consumed.
    fn next_chunk(&mut self) -> Result<bool> {
        if self.seen_last {
            return Ok(false);
        }
        // Each chunk overwrites the last; the buffer is wiped when the reader is dropped.
        self.buf.clear();
        self.buf.resize(self.chunk_size + TAG_LEN, 0);
        let n = read_full(&mut self.input, &mut self.buf)?;
        self.bytes += n as u64;
        if n < TAG_LEN {
            return Err(corrupt("the file ends early (truncated)"));
        }
        // Only the final chunk is shorter than a full one; anything after it would have been read
        // into it and broken its tag.
        let last = n < self.chunk_size + TAG_LEN;
        self.buf.truncate(n);
        let nonce = chunk_nonce(&self.nonce_prefix, self.counter, last);
        let plain_len = self
            .key
            .open_in_place(nonce, Aad::from(&self.ad), &mut self.buf)
            .map_err(|_| {
                corrupt(format!(
                    "chunk {} does not authenticate (altered, reordered or truncated)",
                    self.counter
                ))
            })?
            .len();
        self.buf.truncate(plain_len);
        self.pos = 0;
        self.seen_last = last;
        self.counter = self
            .counter
            .checked_add(1)
            .ok_or_else(|| corrupt("too many chunks"))?;
        Ok(true)
    }
}

impl<R: Read> Drop for ChunkReader<R> {
    fn drop(&mut self) {
        self.buf.zeroize();
    }
}

/// Where payload bytes come from: the decrypted chunk stream, or (for the fuzzer) plain bytes.
trait Source {
    /// Fill `out` completely, or fail with a typed error if the payload ends first.
    fn read_exact(&mut self, out: &mut [u8]) -> Result<()>;
    /// Whether the payload has ended (and, for a file, its final chunk has authenticated).
    fn at_end(&mut self) -> Result<bool>;
}

impl<R: Read> Source for ChunkReader<R> {
    fn read_exact(&mut self, mut out: &mut [u8]) -> Result<()> {
        while !out.is_empty() {
            if self.pos == self.buf.len() {
                if !self.next_chunk()? {
                    return Err(corrupt("the payload ends before its end marker"));
                }
                continue;
            }
            let n = (self.buf.len() - self.pos).min(out.len());
            out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
            self.pos += n;
            out = &mut out[n..];
        }
        Ok(())
    }

    fn at_end(&mut self) -> Result<bool> {
        loop {
            if self.pos < self.buf.len() {
                return Ok(false);
            }
            if !self.next_chunk()? {
                return Ok(true);
            }
        }
    }
}

struct SliceSource<'a>(&'a [u8]);

impl Source for SliceSource<'_> {
    fn read_exact(&mut self, out: &mut [u8]) -> Result<()> {
        if self.0.len() < out.len() {
            return Err(corrupt("the payload ends before its end marker"));
        }
        let (head, rest) = self.0.split_at(out.len());
        out.copy_from_slice(head);
        self.0 = rest;
        Ok(())
    }

    fn at_end(&mut self) -> Result<bool> {
        Ok(self.0.is_empty())
    }
}

// ---------------------------------------------------------------------------------------------
// Entries

fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_be_bytes());
}

fn put_bytes(b: &mut Vec<u8>, v: &[u8]) -> Result<()> {
    let len = u32::try_from(v.len()).map_err(|_| corrupt("a value is too large to back up"))?;
    put_u32(b, len);
    b.extend_from_slice(v);
    Ok(())
}

fn put_opt(b: &mut Vec<u8>, v: Option<&[u8]>) -> Result<()> {
    match v {
        None => b.push(0),
        Some(v) => {
            b.push(1);
            put_bytes(b, v)?;
        }
    }
    Ok(())
}

fn emit<W: Write>(w: &mut ChunkWriter<W>, tag: u8, body: &[u8]) -> Result<()> {
    let len = u32::try_from(body.len())
        .ok()
        .filter(|l| *l <= MAX_ENTRY_LEN)
        .ok_or_else(|| corrupt("a row is too large to back up"))?;
    w.write_all(&[tag])?;
    w.write_all(&len.to_be_bytes())?;
    w.write_all(body)
}

/// A cursor over one entry's body; every read is bounds-checked.
struct Body<'a>(&'a [u8]);

impl<'a> Body<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.0.len() < n {
            return Err(corrupt("an entry is shorter than its fields"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_be_bytes(self.take(4)?.try_into().expect("4")))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_be_bytes(self.take(8)?.try_into().expect("8")))
    }
    fn i64(&mut self) -> Result<i64> {
        Ok(i64::from_be_bytes(self.take(8)?.try_into().expect("8")))
    }
    fn bytes(&mut self) -> Result<Vec<u8>> {
        let n = self.u32()? as usize;
        Ok(self.take(n)?.to_vec())
    }
    fn text(&mut self) -> Result<String> {
        String::from_utf8(self.bytes()?).map_err(|_| corrupt("a text field is not UTF-8"))
    }
    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        match self.u8()? {
            0 => Ok(None),
            1 => f(self).map(Some),
            _ => Err(corrupt("bad optional marker")),
        }
    }
    fn done(&self) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(corrupt("an entry is longer than its fields"))
        }
    }
}

/// One row of the `records` table, exactly as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordRow {
    pub id: String,
    pub kind: String,
    pub owner: Option<String>,
    pub day_tag: Option<Vec<u8>>,
    pub rev: i64,
    pub body: Vec<u8>,
}

/// A row of the payload, in the order the format requires: all meta, then records, then audit.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    Meta {
        name: String,
        value: Vec<u8>,
    },
    Record(RecordRow),
    Audit {
        seq: i64,
        body: Vec<u8>,
        mac: Vec<u8>,
    },
}

impl Row {
    fn phase(&self) -> u8 {
        match self {
            Row::Meta { .. } => 1,
            Row::Record(_) => 2,
            Row::Audit { .. } => 3,
        }
    }
}

#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
struct Counts {
    meta: u64,
    records: u64,
    audit: u64,
}

/// Reads one entry: tag, length, body. The body is read in pieces, so a length that claims more
/// than the payload holds fails before it is allocated.
fn read_entry(src: &mut impl Source, body: &mut Vec<u8>) -> Result<u8> {
    let mut head = [0u8; 5];
    src.read_exact(&mut head)?;
    let len = u32::from_be_bytes(head[1..5].try_into().expect("4"));
    if len > MAX_ENTRY_LEN {
        return Err(corrupt("an entry is too large"));
    }
    // Rows are still sealed under the data key; only the vault entry (wiped by its reader) holds
    // a secret in the clear.
    body.clear();
    let mut left = len as usize;
    let mut piece = [0u8; 4096];
    while left > 0 {
        let n = left.min(piece.len());
        src.read_exact(&mut piece[..n])?;
        body.extend_from_slice(&piece[..n]);
        left -= n;
    }
    Ok(head[0])
}

/// Walks the payload: the vault entry first, then rows in order, then the end marker, which must
/// match the rows seen and be the last thing in the payload.
struct Payload<S: Source> {
    src: S,
    body: Vec<u8>,
    phase: u8,
    counts: Counts,
    finished: bool,
}

struct VaultEntry {
    schema: u32,
    data_key: Secret,
}

impl<S: Source> Payload<S> {
    fn start(mut src: S) -> Result<(Self, VaultEntry)> {
        let mut body = Vec::new();
        let tag = read_entry(&mut src, &mut body)?;
        if tag != ENTRY_VAULT {
            return Err(corrupt("the payload does not start with the vault entry"));
        }
        let vault = {
            let mut b = Body(&body);
            let schema = b.u32()?;
            let data_key = Secret::from_slice(b.take(32)?).expect("32 bytes");
            b.done()?;
            VaultEntry { schema, data_key }
        };
        body.zeroize();
        if vault.schema == 0 {
            return Err(corrupt("schema version 0"));
        }
        if vault.schema > store::SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                found: vault.schema,
                supported: store::SCHEMA_VERSION,
            });
        }
        let payload = Payload {
            src,
            body,
            phase: 0,
            counts: Counts::default(),
            finished: false,
        };
        Ok((payload, vault))
    }

    /// The next row, or `None` after a valid end marker.
    fn next(&mut self) -> Result<Option<Row>> {
        if self.finished {
            return Ok(None);
        }
        let tag = read_entry(&mut self.src, &mut self.body)?;
        let mut b = Body(&self.body);
        let row = match tag {
            ENTRY_META => Row::Meta {
                name: b.text()?,
                value: b.bytes()?,
            },
            ENTRY_RECORD => Row::Record(RecordRow {
                id: b.text()?,
                kind: b.text()?,
                owner: b.opt(Body::text)?,
                day_tag: b.opt(Body::bytes)?,
                rev: b.i64()?,
                body: b.bytes()?,
            }),
            ENTRY_AUDIT => Row::Audit {
                seq: b.i64()?,
                body: b.bytes()?,
                mac: b.bytes()?,
            },
            ENTRY_END => {
                let claimed = Counts {
                    meta: b.u64()?,
                    records: b.u64()?,
                    audit: b.u64()?,
                };
                b.done()?;
                if claimed != self.counts {
                    return Err(corrupt("the row counts do not match the end marker"));
                }
                if !self.src.at_end()? {
                    return Err(corrupt("data follows the end marker"));
                }
                self.finished = true;
                return Ok(None);
            }
            ENTRY_VAULT => return Err(corrupt("a second vault entry")),
            _ => return Err(corrupt("unknown entry")),
        };
        b.done()?;
        if row.phase() < self.phase {
            return Err(corrupt("entries out of order"));
        }
        self.phase = row.phase();
        let n = match row {
            Row::Meta { .. } => &mut self.counts.meta,
            Row::Record(_) => &mut self.counts.records,
            Row::Audit { .. } => &mut self.counts.audit,
        };
        *n += 1;
        Ok(Some(row))
    }
}

impl<S: Source> Drop for Payload<S> {
    fn drop(&mut self) {
        self.body.zeroize();
    }
}

/// Read and check the header, derive the keys and return the open chunk stream.
fn open_file<R: Read>(
    mut input: R,
    backup_passphrase: &str,
    max_iterations: u32,
) -> Result<ChunkReader<R>> {
    let mut h = [0u8; HEADER_LEN];
    // Magic and version first: their place is fixed in every format version, so a newer file is
    // recognised as newer even if the rest of its header looks different.
    let n = read_full(&mut input, &mut h[..18])?;
    if n < 18 || &h[..16] != MAGIC {
        return Err(corrupt("not an Alongside backup"));
    }
    let version = u16::from_be_bytes([h[16], h[17]]);
    if version > FORMAT_VERSION {
        return Err(Error::BackupTooNew {
            found: version.into(),
            supported: FORMAT_VERSION.into(),
        });
    }
    if version == 0 {
        return Err(corrupt("format version 0"));
    }
    if read_full(&mut input, &mut h[18..])? < HEADER_LEN - 18 {
        return Err(corrupt("the file ends early (truncated header)"));
    }
    // The plain digest tells accidental damage to the header from a wrong passphrase.
    let digest = digest::digest(&digest::SHA256, &h[..DIGESTED_LEN]);
    if digest.as_ref() != &h[DIGESTED_LEN..] {
        return Err(corrupt("the header is damaged"));
    }
    let header = Header::parse(&h)?;
    if header.iterations > max_iterations {
        return Err(corrupt("key derivation iterations out of range"));
    }
    let keys = file_keys(backup_passphrase, &header.salt, header.iterations)?;
    hmac::verify(
        &keys.check,
        &h[..CHECKED_LEN],
        &h[CHECKED_LEN..DIGESTED_LEN],
    )
    .map_err(|_| Error::BackupWrongPassphrase)?;
    Ok(ChunkReader {
        input,
        key: keys.stream,
        nonce_prefix: header.nonce_prefix,
        ad: h[DIGESTED_LEN..].try_into().expect("32 bytes"),
        counter: 0,
        chunk_size: header.chunk_size as usize,
        buf: Vec::with_capacity(header.chunk_size as usize + TAG_LEN),
        pos: 0,
        seen_last: false,
        bytes: HEADER_LEN as u64,
    })
}

/// Prove that the backup's data key is the key of the vault whose rows it carries.
fn check_data_key(
    data_key: &Secret,
    vault_id: Option<Vec<u8>>,
    key_check: Option<Vec<u8>>,
) -> Result<()> {
    let (Some(vault_id), Some(check)) = (vault_id, key_check) else {
        return Err(corrupt("the vault id or key check is missing"));
    };
    let vault_id = String::from_utf8(vault_id).map_err(|_| corrupt("the vault id is not UTF-8"))?;
    Keys::derive(data_key)?
        .open_record(&vault::key_check_ad(&vault_id), &check)
        .map(|_| ())
        .map_err(|_| corrupt("the data key does not open the vault's key check"))
}

/// Walk a whole payload without writing anything.
fn verify_payload<S: Source>(src: S) -> Result<Counts> {
    let (mut payload, vault) = Payload::start(src)?;
    let (mut vault_id, mut key_check) = (None, None);
    while let Some(row) = payload.next()? {
        if let Row::Meta { name, value } = row {
            match name.as_str() {
                "vault_id" => vault_id = Some(value),
                "key_check" => key_check = Some(value),
                _ => {}
            }
        }
    }
    check_data_key(&vault.data_key, vault_id, key_check)?;
    Ok(payload.counts)
}

// ---------------------------------------------------------------------------------------------
// Writing

impl WorkerSession {
    /// Stream a backup of the whole vault into `out`. `passphrase` is the worker's unlock
    /// passphrase, asked again because a backup carries everything (wrong attempts are throttled
    /// as at unlock). The rows are read from one consistent snapshot through a second connection,
    /// so the app stays usable while it runs; locking the vault stops it.
    pub fn write_backup<W: Write>(
        &self,
        passphrase: &str,
        backup_passphrase: &str,
        out: W,
        options: &BackupOptions,
    ) -> Result<BackupSummary> {
        vault::check_passphrase("backup_passphrase", backup_passphrase)?;
        check_iterations("kdf_iterations", options.kdf_iterations)?;
        if !(MIN_CHUNK_SIZE..=MAX_CHUNK_SIZE).contains(&options.chunk_size) {
            return Err(Error::invalid(
                "chunk_size",
                Rule::OutOfRange {
                    min: MIN_CHUNK_SIZE.into(),
                    max: MAX_CHUNK_SIZE.into(),
                },
            ));
        }
        let data_key = self.export_data_key(passphrase)?;
        let alive = || self.state().map(drop);

        let mut conn = store::connect(&self.inner.dir, false)?;
        // One read transaction: meta, records and audit come from the same snapshot.
        let tx = conn.transaction()?;
        let schema = store::schema_version(&tx)?;

        let header = Header {
            iterations: options.kdf_iterations,
            salt: crypto::random_bytes()?,
            chunk_size: options.chunk_size,
            nonce_prefix: crypto::random_bytes()?,
        };
        let keys = file_keys(backup_passphrase, &header.salt, header.iterations)?;
        let mut h = Vec::with_capacity(HEADER_LEN);
        h.extend_from_slice(&header.checked_bytes());
        h.extend_from_slice(hmac::sign(&keys.check, &h).as_ref());
        let digest = digest::digest(&digest::SHA256, &h);
        h.extend_from_slice(digest.as_ref());
        debug_assert_eq!(h.len(), HEADER_LEN);

        let mut out = out;
        out.write_all(&h)?;
        let ad: [u8; 32] = digest.as_ref().try_into().expect("32 bytes");
        let mut w = ChunkWriter::new(
            &mut out,
            keys.stream,
            header.nonce_prefix,
            ad,
            header.chunk_size,
        );

        let mut body = Vec::with_capacity(256);
        put_u32(&mut body, schema);
        body.extend_from_slice(data_key.as_bytes());
        let sent = emit(&mut w, ENTRY_VAULT, &body);
        body.zeroize();
        sent?;

        let mut counts = Counts::default();
        {
            let mut stmt = tx.prepare("SELECT name, value FROM meta ORDER BY name")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                body.clear();
                put_bytes(&mut body, r.get::<_, String>(0)?.as_bytes())?;
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(1)?)?;
                emit(&mut w, ENTRY_META, &body)?;
                counts.meta += 1;
            }
        }
        {
            let mut stmt = tx.prepare(
                "SELECT id, kind, owner, day_tag, rev, body FROM records ORDER BY rowid",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                body.clear();
                put_bytes(&mut body, r.get::<_, String>(0)?.as_bytes())?;
                put_bytes(&mut body, r.get::<_, String>(1)?.as_bytes())?;
                put_opt(
                    &mut body,
                    r.get::<_, Option<String>>(2)?.as_deref().map(str::as_bytes),
                )?;
                put_opt(&mut body, r.get::<_, Option<Vec<u8>>>(3)?.as_deref())?;
                body.extend_from_slice(&r.get::<_, i64>(4)?.to_be_bytes());
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(5)?)?;
                emit(&mut w, ENTRY_RECORD, &body)?;
                counts.records += 1;
                if counts.records % LIVENESS_EVERY == 0 {
                    alive()?;
                }
            }
        }
        {
            let mut stmt = tx.prepare("SELECT seq, body, mac FROM audit ORDER BY seq")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                body.clear();
                body.extend_from_slice(&r.get::<_, i64>(0)?.to_be_bytes());
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(1)?)?;
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(2)?)?;
                emit(&mut w, ENTRY_AUDIT, &body)?;
                counts.audit += 1;
                if counts.audit % LIVENESS_EVERY == 0 {
                    alive()?;
                }
            }
        }
        body.clear();
        for n in [counts.meta, counts.records, counts.audit] {
            body.extend_from_slice(&n.to_be_bytes());
        }
        emit(&mut w, ENTRY_END, &body)?;
        alive()?;
        let written = w.finish()?;
        drop(tx);
        Ok(BackupSummary {
            records: counts.records,
            audit_entries: counts.audit,
            bytes: HEADER_LEN as u64 + written,
        })
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Back up the whole vault to the file at `path` (replaced only when the backup is complete).
    /// `passphrase` is the worker's unlock passphrase; `backup_passphrase` seals the file and may
    /// differ from it. `kdf_iterations` defaults to 600,000; tests pass fewer.
    pub fn backup(
        &self,
        path: String,
        passphrase: String,
        backup_passphrase: String,
        kdf_iterations: Option<u32>,
    ) -> Result<BackupSummary> {
        let path = PathBuf::from(path);
        let Some(name) = path.file_name() else {
            return Err(Error::invalid(
                "path",
                Rule::Format {
                    expected: "a file path".into(),
                },
            ));
        };
        let suffix = hex(&crypto::random_bytes::<6>()?);
        let mut partial_name = OsString::from(".");
        partial_name.push(name);
        partial_name.push(format!(".partial-{suffix}"));
        let partial = path.with_file_name(partial_name);
        let options = BackupOptions {
            kdf_iterations: kdf_iterations.unwrap_or(DEFAULT_PBKDF2_ITERATIONS),
            ..BackupOptions::default()
        };
        let written = (|| {
            let mut file = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&partial)?;
            let summary =
                self.write_backup(&passphrase, &backup_passphrase, &mut file, &options)?;
            file.sync_all()?;
            drop(file);
            fs::rename(&partial, &path)?;
            Ok(summary)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&partial);
        }
        written
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// ---------------------------------------------------------------------------------------------
// Verifying and restoring

/// Read a whole backup without writing anything: authenticity, completeness, version and that its
/// data key opens its vault. For "check this backup" and for tests.
pub fn verify_backup_stream<R: Read>(input: R, backup_passphrase: &str) -> Result<BackupSummary> {
    let mut reader = open_file(input, backup_passphrase, MAX_KDF_ITERATIONS)?;
    let counts = verify_payload(&mut reader)?;
    Ok(BackupSummary {
        records: counts.records,
        audit_entries: counts.audit,
        bytes: reader.bytes,
    })
}

impl<S: Source> Source for &mut S {
    fn read_exact(&mut self, out: &mut [u8]) -> Result<()> {
        (**self).read_exact(out)
    }
    fn at_end(&mut self) -> Result<bool> {
        (**self).at_end()
    }
}

/// Check a backup file: it opens with this passphrase, is complete and unaltered, and this build
/// can restore it. Writes nothing.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn verify_backup(path: String, backup_passphrase: String) -> Result<BackupSummary> {
    let file = fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::not_found("backup", "file"),
        _ => e.into(),
    })?;
    verify_backup_stream(std::io::BufReader::new(file), &backup_passphrase)
}

/// Restore a backup from `input` into a new vault at `vault_dir`, unlocked with `new_passphrase`,
/// and say what it held. See [`Vault::restore`].
pub fn restore_stream<R: Read>(
    input: R,
    backup_passphrase: &str,
    vault_dir: &str,
    new_passphrase: &str,
    kdf_iterations: Option<u32>,
) -> Result<(Arc<Vault>, BackupSummary)> {
    vault::check_passphrase("new_passphrase", new_passphrase)?;
    let iterations = kdf_iterations.unwrap_or(DEFAULT_PBKDF2_ITERATIONS);
    check_iterations("kdf_iterations", iterations)?;
    let target = PathBuf::from(vault_dir);
    if target.join(store::DB_FILE).exists() {
        return Err(Error::AlreadyExists);
    }
    if target.exists() && !target.is_dir() {
        return Err(Error::invalid(
            "vault_dir",
            Rule::Format {
                expected: "a folder".into(),
            },
        ));
    }
    let name = target.file_name().ok_or_else(|| {
        Error::invalid(
            "vault_dir",
            Rule::Format {
                expected: "a folder path".into(),
            },
        )
    })?;
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };

    // The header and the vault entry are checked before anything touches the disk.
    let reader = open_file(input, backup_passphrase, MAX_KDF_ITERATIONS)?;
    let (payload, vault) = Payload::start(reader)?;

    fs::create_dir_all(&parent)?;
    let mut staging_name = OsString::from(".");
    staging_name.push(name);
    staging_name.push(format!(".restoring-{}", hex(&crypto::random_bytes::<6>()?)));
    let staging = parent.join(staging_name);
    fs::create_dir(&staging)?;
    let restored = fill_staging(&staging, payload, &vault, new_passphrase, iterations)
        .and_then(|summary| move_into_place(&staging, &target).map(|()| summary));
    match restored {
        Ok(summary) => Ok((Vault::open_with_key(&target, &vault.data_key)?, summary)),
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            Err(e)
        }
    }
}

/// Write every row into a fresh database in `dir`, in one transaction that commits only after the
/// whole payload has been read and checked.
fn fill_staging<R: Read>(
    dir: &Path,
    mut payload: Payload<ChunkReader<R>>,
    vault: &VaultEntry,
    new_passphrase: &str,
    iterations: u32,
) -> Result<BackupSummary> {
    let mut conn = store::connect(dir, true)?;
    // The backup's own schema first, so its rows fit; later migrations run after they are in.
    store::migrate_to(&mut conn, vault.schema)?;
    let tx = conn.transaction()?;
    // A record may come before the client that owns it; the owner key is checked at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let (mut vault_id, mut key_check) = (None, None);
    {
        let mut meta = tx.prepare("INSERT INTO meta (name, value) VALUES (?1, ?2)")?;
        let mut record = tx.prepare(
            "INSERT INTO records (id, kind, owner, day_tag, rev, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut audit = tx.prepare("INSERT INTO audit (seq, body, mac) VALUES (?1, ?2, ?3)")?;
        while let Some(row) = payload.next()? {
            match row {
                Row::Meta { name, value } => {
                    meta.execute(params![name, value])
                        .map_err(rows_do_not_fit)?;
                    match name.as_str() {
                        "vault_id" => vault_id = Some(value),
                        "key_check" => key_check = Some(value),
                        _ => {}
                    }
                }
                Row::Record(r) => {
                    record
                        .execute(params![r.id, r.kind, r.owner, r.day_tag, r.rev, r.body])
                        .map_err(rows_do_not_fit)?;
                }
                Row::Audit { seq, body, mac } => {
                    audit
                        .execute(params![seq, body, mac])
                        .map_err(rows_do_not_fit)?;
                }
            }
        }
    }
    let vault_id_bytes = vault_id.clone();
    check_data_key(&vault.data_key, vault_id, key_check)?;
    let vault_id = vault_id_bytes.expect("checked above");
    vault::write_passphrase_slot(&tx, &vault_id, &vault.data_key, new_passphrase, iterations)?;
    tx.commit().map_err(rows_do_not_fit)?;
    store::migrate(&mut conn)?;
    store::checkpoint(&conn)?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(BackupSummary {
        records: payload.counts.records,
        audit_entries: payload.counts.audit,
        bytes: payload.src.bytes,
    })
}

/// Only an authenticated payload reaches the database, so a row SQLite refuses (a duplicate id, an
/// owner that is not there) means a backup written wrongly, not an attack; still its own error.
fn rows_do_not_fit(e: rusqlite::Error) -> Error {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            corrupt("the rows do not fit together (duplicate or dangling)")
        }
        other => other.into(),
    }
}

/// Move the finished staging folder to `target`: a rename of the folder when the target does not
/// exist (or is an empty folder), else a rename of its files into the target folder.
fn move_into_place(staging: &Path, target: &Path) -> Result<()> {
    if target.join(store::DB_FILE).exists() {
        return Err(Error::AlreadyExists);
    }
    if fs::rename(staging, target).is_ok() {
        return Ok(());
    }
    // The target is a folder with other files in it: move the database file itself.
    for entry in fs::read_dir(staging)? {
        let entry = entry?;
        fs::rename(entry.path(), target.join(entry.file_name()))?;
    }
    fs::remove_dir(staging)?;
    Ok(())
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl Vault {
    /// Restore the backup at `backup_path` into a new vault at `vault_dir` (a missing or empty
    /// folder), unlocked with `new_passphrase`, and return it unlocked. Record ids, revisions and
    /// the audit chain are kept exactly. The whole file is checked before the vault appears: a
    /// wrong backup passphrase, a damaged or truncated file and a newer format each fail with
    /// their own error and leave `vault_dir` as it was. `kdf_iterations` (for the new unlock
    /// passphrase) defaults to 600,000.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn restore(
        backup_path: String,
        backup_passphrase: String,
        vault_dir: String,
        new_passphrase: String,
        kdf_iterations: Option<u32>,
    ) -> Result<Arc<Self>> {
        let file = fs::File::open(&backup_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::not_found("backup", "file"),
            _ => e.into(),
        })?;
        restore_stream(
            std::io::BufReader::new(file),
            &backup_passphrase,
            &vault_dir,
            &new_passphrase,
            kdf_iterations,
        )
        .map(|(vault, _)| vault)
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points for the fuzzer and the property tests

/// Hooks for `fuzz/` and the stable property tests: the reader on raw bytes, with the key
/// derivation capped low so each input is cheap. Not part of the app's API.
#[doc(hidden)]
pub mod fuzzing {
    use super::*;

    /// Passphrase the fuzz corpus and property tests use.
    pub const PASSPHRASE: &str = "fuzzing backup passphrase";
    /// Highest iteration count the fuzz reader accepts (the tests write at 1,000).
    pub const MAX_ITERATIONS: u32 = 2_000;

    /// Read `data` as a whole backup file.
    pub fn read_file(data: &[u8]) -> Result<BackupSummary> {
        let mut reader = open_file(data, PASSPHRASE, MAX_ITERATIONS)?;
        let counts = verify_payload(&mut reader)?;
        Ok(BackupSummary {
            records: counts.records,
            audit_entries: counts.audit,
            bytes: reader.bytes,
        })
    }

    /// Read `data` as an already decrypted payload (what the chunks carry).
    pub fn read_payload(data: &[u8]) -> Result<BackupSummary> {
        let counts = verify_payload(SliceSource(data))?;
        Ok(BackupSummary {
            records: counts.records,
            audit_entries: counts.audit,
            bytes: data.len() as u64,
        })
    }

    /// Decrypt a valid backup file into its payload, as a seed for mutating the payload.
    pub fn payload_of(file: &[u8], passphrase: &str) -> Result<Vec<u8>> {
        let mut reader = open_file(file, passphrase, MAX_KDF_ITERATIONS)?;
        let mut out = Vec::new();
        while reader.next_chunk()? {
            out.extend_from_slice(&reader.buf);
        }
        Ok(out)
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
