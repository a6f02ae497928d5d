//! No nonce repeats in 100,000 writes, on the path records and audit entries really take: each
//! write goes through `store::put` (seal the record, append its sealed audit entry, in one
//! transaction), and the nonces are read back out of the stored rows. Then the same through the
//! vault's own API, to show that its writes take that path.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::test_support::storage as store;
use alongside_core::test_support::{Keys, Secret};
use alongside_core::ClientInput;
use common::*;
use std::collections::HashSet;

/// The stored envelope is `format | algorithm | 12-byte nonce | ciphertext and tag`.
const NONCE_AT: usize = 2;
const NONCE_LEN: usize = 12;

/// Every nonce in the `records` and `audit` tables, checked unique as it is collected.
fn collect_nonces(conn: &rusqlite::Connection, seen: &mut HashSet<[u8; NONCE_LEN]>) -> usize {
    let mut n = 0;
    for table in ["records", "audit"] {
        let mut stmt = conn.prepare(&format!("SELECT body FROM {table}")).unwrap();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let body: Vec<u8> = row.get(0).unwrap();
            let nonce: [u8; NONCE_LEN] = body[NONCE_AT..NONCE_AT + NONCE_LEN].try_into().unwrap();
            assert!(seen.insert(nonce), "a nonce repeated in {table}");
            n += 1;
        }
    }
    n
}

#[test]
fn no_nonce_repeats_over_100k_record_and_audit_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut conn = store::connect(tmp.path(), true).unwrap();
    store::migrate(&mut conn).unwrap();
    // Durability is not what is tested here; without it the 100,000 writes take seconds.
    conn.execute_batch("PRAGMA synchronous = OFF").unwrap();
    let keys = Keys::derive(&Secret::random().unwrap()).unwrap();
    const WRITES: usize = 100_000;
    const PER_TRANSACTION: usize = 1_000;
    for _ in 0..WRITES / PER_TRANSACTION {
        let tx = conn.transaction().unwrap();
        for _ in 0..PER_TRANSACTION {
            store::put(&tx, &keys, &Memo::new("x")).unwrap();
        }
        tx.commit().unwrap();
    }
    let mut seen = HashSet::with_capacity(2 * WRITES);
    // One record row and one audit entry per write.
    assert_eq!(collect_nonces(&conn, &mut seen), 2 * WRITES);
}

#[test]
fn the_vaults_own_writes_seal_each_value_under_a_fresh_nonce() {
    let (tmp, _vault, session) = new_vault();
    let mut seen = HashSet::new();
    // Revisions overwrite a row, so the nonces are collected after every round of writes.
    let id = session.add_client(ClientInput::named("Robin")).unwrap().id;
    let mut rows = 0;
    for round in 0..50 {
        session
            .update_client(id.clone(), ClientInput::named(&format!("Robin {round}")))
            .unwrap();
        let conn = raw(tmp.path());
        let body: Vec<u8> = conn
            .query_row("SELECT body FROM records WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .unwrap();
        let nonce: [u8; NONCE_LEN] = body[NONCE_AT..NONCE_AT + NONCE_LEN].try_into().unwrap();
        assert!(seen.insert(nonce), "revision {round} reused a nonce");
        rows += 1;
    }
    // And every audit entry, each sealed on its own.
    let conn = raw(tmp.path());
    let mut audit = HashSet::new();
    let mut stmt = conn.prepare("SELECT body FROM audit").unwrap();
    for body in stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))
        .unwrap()
        .map(Result::unwrap)
    {
        let nonce: [u8; NONCE_LEN] = body[NONCE_AT..NONCE_AT + NONCE_LEN].try_into().unwrap();
        assert!(!seen.contains(&nonce) && audit.insert(nonce));
    }
    // Three entries for the client's creation (the client, its summary mark and the summary
    // total), then five per edit: the revision kept, the change, the old mark erased, the new
    // one and the total's update.
    assert_eq!((rows, audit.len()), (50, 253));
}
