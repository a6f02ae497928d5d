//! Nothing readable at rest: marker strings written through the vault appear in no byte of the
//! database, its WAL or its shared-memory file, whether the vault is open or closed.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::test_support::storage as store;
use alongside_core::test_support::{Keys, Secret};
use alongside_core::Duty;
use alongside_core::{ActivityInput, ActivityKind};
use alongside_core::{ClientInput, Contact};
use common::*;
use std::path::Path;

const MARKERS: &[&str] = &[
    "Zephyrine Okonkwo-Marchetti",
    "Quillon Vasquez-Thornbury",
    "xenial-kumquat-347",
    "panic attacks on the number 12 bus",
    "Beatrix Fairweather-Nakamura",
    "07700 900461",
    "told me about the flat on Wrenfield Crescent",
    "Larkspur Community Hall",
    "mould behind the wardrobe again",
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
        let id = session.add_client(input.clone()).unwrap().id;
        // A visit with its place and purpose, and a signed case note with an addendum.
        let mut visit = ActivityInput::new(
            ActivityKind::HomeVisit,
            alongside_core::Day::from_ymd(2026, 11, 23).unwrap(),
            vec![Duty::Educate, Duty::Advocate],
        );
        visit.place = Some(MARKERS[7].into());
        visit.purpose = Some(MARKERS[8].into());
        let visit = session.add_activity(id.clone(), visit).unwrap();
        let note = session
            .add_note(id.clone(), Some(visit.id), format!("She {}.", MARKERS[6]))
            .unwrap();
        session.sign_note(note.note.id.clone()).unwrap();
        session
            .add_addendum(
                note.note.id,
                "a detail was missing".into(),
                MARKERS[3].into(),
            )
            .unwrap();
        ids.push(id);
        if round % 3 == 0 {
            let id = ids[round / 2].clone();
            session.update_client(id, input).unwrap();
        }
    }
    // Erasing leaves no copy either (secure_delete and the checkpoint). The markers were never on
    // disk to begin with, so what is checked is the erased rows themselves: no id and no sealed
    // value of the client or of anything of theirs is left in any file.
    let erased: Vec<(String, Vec<u8>)> = {
        let conn = raw(tmp.path());
        let mut stmt = conn
            .prepare("SELECT id, body FROM records WHERE id = ?1 OR owner = ?1")
            .unwrap();
        let rows = stmt
            .query_map([&ids[1]], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert!(erased.len() >= 3, "the client, a visit, a note");
    session.erase_client(ids[1].clone()).unwrap();
    let check_erased = |when: &str| {
        for (name, bytes) in snapshot(tmp.path()) {
            for (id, body) in &erased {
                assert_eq!(
                    find(&bytes, id.as_bytes()),
                    None,
                    "{when}: erased id in {name}"
                );
                assert_eq!(find(&bytes, body), None, "{when}: erased value in {name}");
            }
        }
    };
    check_erased("after erase");

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
    check_erased("after close");

    // And the data is really there: the markers come back through the keys.
    let (_vault, session) = unlock(tmp.path());
    let clients = session.clients().unwrap().clients;
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

/// Every string the sample caseload holds (names, goals in the client's words, notes, purposes,
/// places), read back through the views, is absent from every file on disk.
#[test]
fn the_sample_caseload_leaves_no_readable_trace() {
    let (tmp, vault, session) = new_vault();
    let today = alongside_core::Day::from_ymd(2026, 11, 23).unwrap();
    alongside_fixtures::sample::load(&session, today).unwrap();

    let mut shown = Vec::new();
    shown.push(serde_json::to_value(session.today(today).unwrap()).unwrap());
    for client in session.clients().unwrap().clients {
        shown.push(serde_json::to_value(&client).unwrap());
        shown.push(serde_json::to_value(session.notes(client.id.clone()).unwrap()).unwrap());
        shown.push(serde_json::to_value(session.plan_screen(client.id, today).unwrap()).unwrap());
    }
    // What may legitimately be plaintext: ids, and the kind names in the `kind` column.
    let kinds: Vec<String> = {
        let conn = raw(tmp.path());
        let mut stmt = conn.prepare("SELECT DISTINCT kind FROM records").unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let mut words = std::collections::BTreeSet::new();
    fn walk(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                out.insert(s.clone());
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    shown.iter().for_each(|v| walk(v, &mut words));
    words.retain(|w| {
        w.len() >= 8 && uuid::Uuid::parse_str(w).is_err() && !kinds.iter().any(|k| k == w)
    });
    assert!(
        words.len() > 30,
        "the sample should hold many strings: {words:?}"
    );

    let check = |when: &str| {
        for (name, bytes) in snapshot(tmp.path()) {
            for w in &words {
                assert_eq!(
                    find(&bytes, w.as_bytes()),
                    None,
                    "{when}: {w:?} found in {name}"
                );
            }
        }
    };
    check("open");
    drop((session, vault));
    check("closed");
}
