//! Any bytes as the decrypted payload (what the chunks carry once authenticated): the entry
//! parser must answer with a typed error or a summary, never panic or allocate without bound.
//! The file target rarely gets past authentication, so this one reaches the parser directly.
#![no_main]

use alongside_core::test_support::fuzzing;
use alongside_core::Error;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match fuzzing::read_payload(data) {
        Ok(_) | Err(Error::BackupCorrupt { .. }) | Err(Error::SchemaTooNew { .. }) => {}
        Err(other) => panic!("not a backup error: {other:?}"),
    }
});
