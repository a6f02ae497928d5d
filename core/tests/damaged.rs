//! One damaged record never hides the rest: a screen lists everything that opened and, apart,
//! each record that could not be opened (kind, id and the core's sentence), while a read of the
//! damaged record itself stays loud. Damage to SQLite's own structure is `Corrupt`, and audit
//! verify reports it as not ok.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{ActivityInput, ActivityKind, ClientInput, Day, Duty, Error, WorkerSession};
use common::*;
use std::path::Path;

fn day(s: &str) -> Day {
    Day::parse("test", s).unwrap()
}

const SENTENCE: &str = "could not be opened: restore it from a backup.";

fn flip_body(dir: &Path, id: &str) {
    let conn = raw(dir);
    let mut body: Vec<u8> = conn
        .query_row("SELECT body FROM records WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    body[30] ^= 0x04;
    conn.execute(
        "UPDATE records SET body = ?1 WHERE id = ?2",
        rusqlite::params![body, id],
    )
    .unwrap();
}

fn visit(s: &WorkerSession, client: &str, on: &str) -> String {
    let mut input = ActivityInput::new(ActivityKind::HomeVisit, day(on), vec![Duty::Educate]);
    input.purpose = Some("Check in".into());
    s.add_activity(client.into(), input).unwrap().id
}

#[test]
fn one_flipped_byte_in_one_note_hides_nothing_else() {
    let (tmp, vault, s) = new_vault();
    let c = s.add_client(ClientInput::named("Maya")).unwrap().id;
    let v = visit(&s, &c, "2026-03-02");
    let notes: Vec<String> = (0..3)
        .map(|i| {
            s.add_note(c.clone(), None, format!("Note {i}"))
                .unwrap()
                .note
                .id
        })
        .collect();
    drop((s, vault));
    flip_body(tmp.path(), &notes[1]);
    let (_vault, s) = unlock(tmp.path());

    // The note itself: loud.
    assert!(matches!(
        s.note(notes[1].clone()),
        Err(Error::Tampered { kind, id }) if kind == "note" && id == notes[1]
    ));
    // The timeline: every other record, on every page, and the damaged one named apart.
    let page = s.timeline(c.clone(), 0, 200).unwrap();
    let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    for id in [&v, &notes[0], &notes[2]] {
        assert!(ids.contains(&id.as_str()), "{id} missing from {ids:?}");
    }
    assert!(!ids.contains(&notes[1].as_str()));
    assert_eq!(page.unreadable.len(), 1);
    let u = &page.unreadable[0];
    assert_eq!(
        (u.kind.as_str(), u.id.as_str()),
        ("note", notes[1].as_str())
    );
    assert_eq!(u.kind_label, "Case note");
    assert!(u.summary.contains(&notes[1]) && u.summary.ends_with(SENTENCE));
    for offset in [1, 2] {
        let later = s.timeline(c.clone(), offset, 1).unwrap();
        assert_eq!(later.items.len(), 1);
        assert_eq!(later.unreadable, page.unreadable);
    }
    // The note list: the other two, and the damaged one named apart.
    let list = s.notes(c.clone()).unwrap();
    let mut listed: Vec<String> = list.notes.iter().map(|n| n.note.id.clone()).collect();
    listed.sort();
    let mut expected = vec![notes[0].clone(), notes[2].clone()];
    expected.sort();
    assert_eq!(listed, expected);
    assert_eq!(list.unreadable, page.unreadable);
    assert!(!s.verify_audit().unwrap().ok);
}

#[test]
fn one_tampered_client_does_not_take_the_caseload_with_it() {
    let (tmp, vault, s) = new_vault();
    let maya = s.add_client(ClientInput::named("Maya")).unwrap().id;
    let joseph = s.add_client(ClientInput::named("Joseph")).unwrap().id;
    let today = "2026-03-02";
    visit(&s, &maya, today);
    let joseph_visit = visit(&s, &joseph, today);
    drop((s, vault));
    flip_body(tmp.path(), &maya);
    let (_vault, s) = unlock(tmp.path());

    let clients = s.clients().unwrap();
    assert_eq!(
        clients
            .clients
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        [joseph.as_str()]
    );
    let named = |list: &[alongside_core::UnreadableRecord]| {
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(
            (list[0].kind.as_str(), list[0].id.as_str()),
            ("client", maya.as_str())
        );
        assert!(list[0].summary.ends_with(SENTENCE));
    };
    named(&clients.unreadable);
    let caseload = s.caseload(day(today)).unwrap();
    assert_eq!(
        caseload
            .rows
            .iter()
            .map(|r| r.client_id.as_str())
            .collect::<Vec<_>>(),
        [joseph.as_str()]
    );
    named(&caseload.unreadable);
    let view = s.today(day(today)).unwrap();
    // Both visits of the day still show; Joseph's with his name.
    assert_eq!(view.visits.len(), 2);
    let j = view
        .visits
        .iter()
        .find(|v| v.activity_id == joseph_visit)
        .unwrap();
    assert_eq!(j.client_name, "Joseph");
    named(&view.unreadable);
}

/// The page number of an index's root, to damage it.
fn index_root(dir: &Path, index: &str) -> i64 {
    raw(dir)
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = ?1",
            [index],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_flipped_byte_in_an_index_page_is_corrupt_and_verify_says_so() {
    let (tmp, vault, s) = new_vault();
    for i in 0..30 {
        s.add_client(ClientInput::named(&format!("Client {i}")))
            .unwrap();
    }
    drop((s, vault));
    let root = index_root(tmp.path(), "records_by_kind");
    let page_size: i64 = raw(tmp.path())
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let path = tmp.path().join("alongside.db");
    // Fold any WAL into the file so the page on disk is the page SQLite reads.
    raw(tmp.path())
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    // The page's type byte: an index leaf (10) becomes a type SQLite does not know.
    let at = ((root - 1) * page_size) as usize;
    assert!(
        matches!(bytes[at], 2 | 10),
        "not an index page: {}",
        bytes[at]
    );
    bytes[at] = 0x07;
    std::fs::write(&path, &bytes).unwrap();

    let (_vault, s) = unlock(tmp.path());
    match s.clients() {
        Err(Error::Corrupt { what }) => assert!(what.contains("damaged"), "{what}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
    let report = s.verify_audit().unwrap();
    assert!(!report.ok);
    assert!(
        report
            .problem
            .as_deref()
            .unwrap()
            .contains("database file is damaged"),
        "{report:?}"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_corrupt() {
    let (tmp, vault, s) = new_vault();
    s.add_client(ClientInput::named("Maya")).unwrap();
    drop((s, vault));
    let path = tmp.path().join("alongside.db");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[..16].copy_from_slice(b"not a database!!");
    std::fs::write(&path, &bytes).unwrap();
    let _ = std::fs::remove_file(tmp.path().join("alongside.db-wal"));
    let _ = std::fs::remove_file(tmp.path().join("alongside.db-shm"));
    match alongside_core::Vault::open(dir_string(tmp.path())) {
        Err(Error::Corrupt { .. }) => {}
        other => panic!("expected Corrupt, got {:?}", other.map(|_| ())),
    }
}
