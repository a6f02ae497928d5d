//! Nothing readable at rest: marker strings written through the vault appear in no byte of the
//! database, its WAL or its shared-memory file, whether the vault is open or closed.

mod common;

use alongside_core::client::{ClientInput, Contact};
use alongside_core::crypto::{Keys, Secret};
use alongside_core::store;
use common::*;
use std::path::Path;

const MARKERS: &[&str] = &[
    "Zephyrine Okonkwo-Marchetti",
    "Quillon Vasquez-Thornbury",
    "xenial-kumquat-347",
    "panic attacks on the number 12 bus",
    "Beatrix Fairweather-Nakamura",
    "07700 900461",
];

fn scan(dir: &Path, when: &str) -> usize {
    let files = snapshot(dir);
    assert!(files.contains_key(store::DB_FILE), "{when}: no database");
    let mut scanned = 0;
    for (name, bytes) in &files {
        for marker in MARKERS {
            // Plain UTF-8, and UTF-16 in case anything ever stored text that way.
            let utf16: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
            for needle in [marker.as_bytes(), &utf16[..]] {
                assert_eq!(
                    find(bytes, needle),
                    None,
                    "{when}: {marker:?} found in {name}"
                );
            }
        }
        scanned += bytes.len();
    }
    scanned
}

#[test]
fn marker_strings_never_reach_the_disk() {
    let (tmp, vault, session) = new_vault();
    let mut ids = Vec::new();
    for round in 0..40 {
        let mut input = ClientInput::named(MARKERS[round % 2]);
        input.legal_name = Some(MARKERS[4].into());
        input.cultural_notes = Some(format!("{} / {}", MARKERS[2], MARKERS[3]));
        input.contacts = vec![Contact {
            name: MARKERS[4].into(),
            relationship: Some("sister".into()),
            phone: Some(MARKERS[5].into()),
            notes: Some(MARKERS[3].repeat(20)),
        }];
        ids.push(session.add_client(input.clone()).unwrap().id);
        if round % 3 == 0 {
            let id = ids[round / 2].clone();
            session.update_client(id, input).unwrap();
        }
    }
    // Erasing leaves no copy either (secure_delete and the checkpoint).
    session.erase_client(ids[1].clone()).unwrap();

    // erase_client checkpoints the WAL; write once more so it holds fresh pages while open.
    session.add_client(ClientInput::named(MARKERS[0])).unwrap();
    let wal = tmp.path().join(format!("{}-wal", store::DB_FILE));
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the WAL is empty"
    );
    assert!(tmp.path().join(format!("{}-shm", store::DB_FILE)).exists());
    let scanned_open = scan(tmp.path(), "while open");
    assert!(scanned_open > 100_000, "too little data to mean anything");

    // Locked but still open.
    vault.lock();
    scan(tmp.path(), "while locked");

    drop((session, vault));
    scan(tmp.path(), "after close");

    // And the data is really there: the markers come back through the keys.
    let (_vault, session) = unlock(tmp.path());
    let clients = session.clients().unwrap();
    assert!(clients.iter().any(|c| c.preferred_name == MARKERS[0]));
    assert_eq!(
        clients
            .iter()
            .filter(|c| c.contacts.first().and_then(|k| k.phone.as_deref()) == Some(MARKERS[5]))
            .count(),
        39
    );
}

/// The same through the lowest layer: a record type of the test's own, sealed by `store::put`.
#[test]
fn the_store_layer_seals_any_record_type() {
    let tmp = tempfile::tempdir().unwrap();
    let mut conn = store::connect(tmp.path(), true).unwrap();
    store::migrate(&mut conn).unwrap();
    let keys = Keys::derive(&Secret::random().unwrap()).unwrap();
    let mut memos = Vec::new();
    for i in 0..200 {
        let mut memo = Memo::new(&format!("{} #{i}", MARKERS[3]));
        memo.day = alongside_core::Day::from_ymd(2026, 11, 23);
        let tx = conn.transaction().unwrap();
        store::put(&tx, &keys, &memo).unwrap();
        tx.commit().unwrap();
        memos.push(memo);
    }
    scan(tmp.path(), "store layer, open");
    for memo in &memos {
        let got: store::Stored<Memo> = store::get(&conn, &keys, &memo.id).unwrap();
        assert_eq!(&got.value, memo);
        assert_eq!(got.rev, 1);
    }
    drop(conn);
    scan(tmp.path(), "store layer, closed");
}
