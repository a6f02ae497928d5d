//! Canonical bytes: what gets hashed or signed, independent of JSON's spelling.
//!
//! Every canonical message starts with a domain tag (so a signature made for one purpose can never
//! be replayed as another), then its fields in a fixed order: fixed-size values as their bytes,
//! integers as 8-byte big-endian, variable-size values and lists prefixed with their length as a
//! 4-byte big-endian count.

/// Builds canonical bytes field by field.
#[derive(Debug, Default, Clone)]
pub struct Canon(Vec<u8>);

impl Canon {
    /// Starts a message with its domain tag (length-prefixed).
    pub fn new(domain: &str) -> Self {
        let mut c = Canon(Vec::with_capacity(128));
        c.var(domain.as_bytes());
        c
    }

    /// A fixed-size value, as its bytes.
    pub fn fixed(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.extend_from_slice(bytes);
        self
    }

    /// A variable-size value, prefixed with its length.
    pub fn var(&mut self, bytes: &[u8]) -> &mut Self {
        self.count(bytes.len());
        self.0.extend_from_slice(bytes);
        self
    }

    /// A length or count, as 4 bytes big-endian (saturating; no message here comes near 4 GiB).
    pub fn count(&mut self, n: usize) -> &mut Self {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }

    /// An integer, as 8 bytes big-endian.
    pub fn u64(&mut self, n: u64) -> &mut Self {
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }

    /// One byte (an enum's tag).
    pub fn u8(&mut self, n: u8) -> &mut Self {
        self.0.push(n);
        self
    }

    /// The bytes built so far.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// SHA-256 of the bytes built so far.
    pub fn sha256(&self) -> crate::Hash32 {
        let d = ring::digest::digest(&ring::digest::SHA256, &self.0);
        let mut out = [0u8; 32];
        out.copy_from_slice(d.as_ref());
        crate::Hash32(out)
    }
}
