//! Hooks for `fuzz/` and the stable property tests: the reader on raw bytes, with the key
//! derivation capped low so each input is cheap. Not part of the app's API; reached through the
//! `test-support` feature.

use super::*;

/// Passphrase the fuzz corpus and property tests use.
pub const PASSPHRASE: &str = "fuzzing backup passphrase";
/// Highest PBKDF2 iteration count the fuzz reader accepts (format-1 seeds were written at 1,000);
/// Argon2id is capped likewise at 256 KiB and 2 passes (format 2 is written at the test cost).
pub const MAX_ITERATIONS: u32 = 2_000;

/// Read `data` as a whole backup file.
pub fn read_file(data: &[u8]) -> Result<BackupSummary> {
    let mut reader = open_file(data, PASSPHRASE, true)?;
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
    let mut reader = open_file(file, passphrase, false)?;
    let mut out = Vec::new();
    while reader.next_chunk()? {
        out.extend_from_slice(&reader.buf);
    }
    Ok(out)
}
