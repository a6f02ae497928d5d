//! The chunk stream: the payload as a STREAM of AES-256-GCM chunks whose nonces carry a counter
//! and a final-chunk flag; the writer holds one chunk, the reader one chunk.

#[allow(unused_imports)]
use super::*;

/// Seals a byte stream into chunks. Holds at most one chunk of plaintext (plus its tag): the
/// buffer is allocated once and never grows.
pub struct ChunkWriter<W: Write> {
    pub(super) out: W,
    pub(super) key: LessSafeKey,
    pub(super) nonce_prefix: [u8; NONCE_PREFIX_LEN],
    pub(super) ad: [u8; 32],
    pub(super) counter: u32,
    pub(super) chunk_size: usize,
    pub(super) buf: Vec<u8>,
    pub(super) written: u64,
}

impl<W: Write> ChunkWriter<W> {
    pub(super) fn new(
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

    pub(super) fn seal_chunk(&mut self, last: bool) -> Result<()> {
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
    #[cfg(test)]
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
pub(super) struct ChunkReader<R: Read> {
    pub(super) input: R,
    pub(super) key: LessSafeKey,
    pub(super) nonce_prefix: [u8; NONCE_PREFIX_LEN],
    pub(super) ad: [u8; 32],
    pub(super) counter: u32,
    pub(super) chunk_size: usize,
    pub(super) buf: Vec<u8>,
    pub(super) pos: usize,
    pub(super) seen_last: bool,
    pub(super) bytes: u64,
}

/// Read until `buf` is full or the input ends; returns how much was read.
pub(super) fn read_full(input: &mut impl Read, buf: &mut [u8]) -> Result<usize> {
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
    pub(super) fn next_chunk(&mut self) -> Result<bool> {
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
pub(super) trait Source {
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

#[cfg(any(test, feature = "test-support"))]
pub(super) struct SliceSource<'a>(pub(super) &'a [u8]);

#[cfg(any(test, feature = "test-support"))]
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
