//! Many hands on one vault: writers that run at the same time all succeed. Every write
//! transaction starts as a writer, so a second writer waits for the first (up to the busy
//! timeout) instead of failing with "database is locked".

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{ClientInput, Vault};
use common::*;
use std::collections::BTreeSet;
use std::sync::Arc;

const WRITERS: usize = 4;
const WRITES: usize = 100;

fn names(writer: usize) -> Vec<String> {
    (0..WRITES)
        .map(|n| format!("Writer {writer} client {n}"))
        .collect()
}

fn check_all_there(dir: &std::path::Path) {
    let (_vault, session) = unlock(dir);
    let stored: BTreeSet<String> = session
        .clients()
        .unwrap()
        .clients
        .into_iter()
        .map(|c| c.preferred_name)
        .collect();
    let expected: BTreeSet<String> = (0..WRITERS).flat_map(names).collect();
    assert_eq!(stored, expected);
    let report = session.verify_audit().unwrap();
    assert!(report.ok, "{report:?}");
    // Each new client is three audited writes: the client, its summary mark and the summary
    // total it is gathered into (see `storage::indexes`).
    assert_eq!(report.entries, 3 * (WRITERS * WRITES) as u64);
}

/// The phone: several threads call into one open vault at once.
#[test]
fn four_threads_on_one_vault_lose_nothing() {
    let (tmp, vault, session) = new_vault();
    let threads: Vec<_> = (0..WRITERS)
        .map(|w| {
            let session = Arc::clone(&session);
            std::thread::spawn(move || {
                for name in names(w) {
                    session.add_client(ClientInput::named(&name)).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    drop((session, vault));
    check_all_there(tmp.path());
}

/// Several handles on one folder (two processes, or an app and its background task), each with
/// its own connection, writing at once.
#[test]
fn four_connections_on_one_folder_lose_nothing() {
    let (tmp, vault, session) = new_vault();
    drop((session, vault));
    let dir = dir_string(tmp.path());
    let threads: Vec<_> = (0..WRITERS)
        .map(|w| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let vault = Vault::open(dir).unwrap();
                let session = vault.unlock(PASSPHRASE.into(), None).unwrap();
                let mut failures = Vec::new();
                for name in names(w) {
                    if let Err(e) = session.add_client(ClientInput::named(&name)) {
                        failures.push(e.to_string());
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert!(
        failures.is_empty(),
        "{} writes failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(3)]
    );
    check_all_there(tmp.path());
}
