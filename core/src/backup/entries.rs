//! The payload's entries: length-prefixed vault, meta, record, audit and end entries, written and
//! parsed one row at a time so memory does not grow with the vault.

#[allow(unused_imports)]
use super::*;

pub(super) fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_be_bytes());
}

pub(super) fn put_bytes(b: &mut Vec<u8>, v: &[u8]) -> Result<()> {
    let len = u32::try_from(v.len()).map_err(|_| corrupt("a value is too large to back up"))?;
    put_u32(b, len);
    b.extend_from_slice(v);
    Ok(())
}

pub(super) fn put_opt(b: &mut Vec<u8>, v: Option<&[u8]>) -> Result<()> {
    match v {
        None => b.push(0),
        Some(v) => {
            b.push(1);
            put_bytes(b, v)?;
        }
    }
    Ok(())
}

pub(super) fn emit<W: Write>(w: &mut ChunkWriter<W>, tag: u8, body: &[u8]) -> Result<()> {
    let len = u32::try_from(body.len())
        .ok()
        .filter(|l| *l <= MAX_ENTRY_LEN)
        .ok_or_else(|| corrupt("a row is too large to back up"))?;
    w.write_all(&[tag])?;
    w.write_all(&len.to_be_bytes())?;
    w.write_all(body)
}

/// A cursor over one entry's body; every read is bounds-checked.
pub(super) struct Body<'a>(&'a [u8]);

impl<'a> Body<'a> {
    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.0.len() < n {
            return Err(corrupt("an entry is shorter than its fields"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    pub(super) fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    pub(super) fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_be_bytes(self.take(4)?.try_into().expect("4")))
    }
    pub(super) fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_be_bytes(self.take(8)?.try_into().expect("8")))
    }
    pub(super) fn i64(&mut self) -> Result<i64> {
        Ok(i64::from_be_bytes(self.take(8)?.try_into().expect("8")))
    }
    pub(super) fn bytes(&mut self) -> Result<Vec<u8>> {
        let n = self.u32()? as usize;
        Ok(self.take(n)?.to_vec())
    }
    pub(super) fn text(&mut self) -> Result<String> {
        String::from_utf8(self.bytes()?).map_err(|_| corrupt("a text field is not UTF-8"))
    }
    pub(super) fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        match self.u8()? {
            0 => Ok(None),
            1 => f(self).map(Some),
            _ => Err(corrupt("bad optional marker")),
        }
    }
    pub(super) fn done(&self) -> Result<()> {
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
pub(super) enum Row {
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
    pub(super) fn phase(&self) -> u8 {
        match self {
            Row::Meta { .. } => 1,
            Row::Record(_) => 2,
            Row::Audit { .. } => 3,
        }
    }
}

#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Counts {
    pub(super) meta: u64,
    pub(super) records: u64,
    pub(super) audit: u64,
}

/// Reads one entry: tag, length, body. The body is read in pieces, so a length that claims more
/// than the payload holds fails before it is allocated.
pub(super) fn read_entry(src: &mut impl Source, body: &mut Vec<u8>) -> Result<u8> {
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
pub(super) struct Payload<S: Source> {
    pub(super) src: S,
    pub(super) body: Vec<u8>,
    pub(super) phase: u8,
    pub(super) counts: Counts,
    pub(super) finished: bool,
}

pub(super) struct VaultEntry {
    pub(super) schema: u32,
    pub(super) data_key: Secret,
}

impl<S: Source> Payload<S> {
    pub(super) fn start(mut src: S) -> Result<(Self, VaultEntry)> {
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
        if vault.schema > storage::SCHEMA_VERSION {
            return Err(Error::SchemaTooNew {
                found: vault.schema,
                supported: storage::SCHEMA_VERSION,
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
    pub(super) fn next(&mut self) -> Result<Option<Row>> {
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
pub(super) fn open_file<R: Read>(
    mut input: R,
    backup_passphrase: &str,
    cheap_only: bool,
) -> Result<ChunkReader<R>> {
    let mut h = [0u8; MAX_HEADER_LEN];
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
    let (checked_len, digested_len, header_len) = layout(version);
    let h = &mut h[..header_len];
    if read_full(&mut input, &mut h[18..])? < header_len - 18 {
        return Err(corrupt("the file ends early (truncated header)"));
    }
    // The plain digest tells accidental damage to the header from a wrong passphrase.
    let digest = digest::digest(&digest::SHA256, &h[..digested_len]);
    if digest.as_ref() != &h[digested_len..] {
        return Err(corrupt("the header is damaged"));
    }
    let header = Header::parse(version, h)?;
    if cheap_only && !header.kdf.is_cheap() {
        return Err(corrupt("key derivation iterations out of range"));
    }
    let keys = file_keys(backup_passphrase, &header)?;
    hmac::verify(
        &keys.check,
        &h[..checked_len],
        &h[checked_len..digested_len],
    )
    .map_err(|_| Error::backup_wrong_passphrase())?;
    Ok(ChunkReader {
        input,
        key: keys.stream,
        nonce_prefix: header.nonce_prefix,
        ad: h[digested_len..].try_into().expect("32 bytes"),
        counter: 0,
        chunk_size: header.chunk_size as usize,
        buf: Vec::with_capacity(header.chunk_size as usize + TAG_LEN),
        pos: 0,
        seen_last: false,
        bytes: header_len as u64,
    })
}

/// Prove that the backup's data key is the key of the vault whose rows it carries.
pub(super) fn check_data_key(
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
pub(super) fn verify_payload<S: Source>(src: S) -> Result<Counts> {
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
