//! Any bytes as a backup file: the reader must answer with one of the backup's typed errors (or
//! accept an authentic file) and never panic, hang or allocate without bound.
#![no_main]

use alongside_core::test_support::fuzzing;
use alongside_core::Error;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match fuzzing::read_file(data) {
        Ok(_)
        | Err(Error::BackupCorrupt { .. })
        | Err(Error::BackupWrongPassphrase { .. })
        | Err(Error::BackupTooNew { .. })
        | Err(Error::SchemaTooNew { .. }) => {}
        Err(other) => panic!("not a backup error: {other:?}"),
    }
});
