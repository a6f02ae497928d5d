//! The audit trail breaks when anything is changed behind the API, and erasing a client takes
//! everything of theirs with it.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::Duty;
use alongside_core::Error;
use alongside_core::Op;
use alongside_core::{ActivityKind, FollowUpInput};
use alongside_core::{IncidentInput, IncidentKind};
use std::path::Path;

use common::worker::*;

fn db(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("alongside.db")).unwrap()
}

fn flip(bytes: &mut [u8]) {
    let i = bytes.len() / 2;
    bytes[i] ^= 0x01;
}

#[test]
fn the_audit_chain_breaks_when_anything_is_changed_behind_the_api() {
    let (dir, _v, s) = vault();
    let sam = client(&s, "Sam");
    let visit = s
        .add_activity(
            sam.clone(),
            done(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Educate]),
        )
        .unwrap();
    s.add_follow_up(
        visit.id.clone(),
        FollowUpInput {
            what: "Post the form".into(),
            due: day("2026-02-05"),
        },
    )
    .unwrap();
    let note = s
        .add_note(sam.clone(), Some(visit.id.clone()), "Budget done.".into())
        .unwrap();
    s.sign_note(note.note.id.clone()).unwrap();
    s.add_addendum(note.note.id.clone(), "Detail".into(), "On Monday.".into())
        .unwrap();
    let report = s.verify_audit().unwrap();
    assert!(report.ok, "{report:?}");
    let entries = report.entries;
    assert!(entries >= 6);

    let ops: Vec<Op> = s
        .audit_entries(100)
        .unwrap()
        .into_iter()
        .map(|e| e.op)
        .collect();
    for op in [Op::Create, Op::Update, Op::Sign, Op::Addendum] {
        assert!(ops.contains(&op), "{op:?} missing from {ops:?}");
    }
    let note_seq = s
        .audit_entries(100)
        .unwrap()
        .into_iter()
        .find(|e| e.id == note.note.id)
        .unwrap()
        .seq;

    let conn = db(dir.path());

    // A sealed note changed in place.
    let body: Vec<u8> = conn
        .query_row(
            "SELECT body FROM records WHERE id = ?1",
            [&note.note.id],
            |r| r.get(0),
        )
        .unwrap();
    let mut bad = body.clone();
    flip(&mut bad);
    conn.execute(
        "UPDATE records SET body = ?1 WHERE id = ?2",
        rusqlite::params![bad, note.note.id],
    )
    .unwrap();
    let report = s.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.first_broken, Some(note_seq));
    assert!(matches!(
        s.note(note.note.id.clone()),
        Err(Error::Tampered { kind, .. }) if kind == "note"
    ));
    conn.execute(
        "UPDATE records SET body = ?1 WHERE id = ?2",
        rusqlite::params![body, note.note.id],
    )
    .unwrap();
    assert!(s.verify_audit().unwrap().ok);

    // An audit entry changed.
    let entry: Vec<u8> = conn
        .query_row("SELECT body FROM audit WHERE seq = 3", [], |r| r.get(0))
        .unwrap();
    let mut bad = entry.clone();
    flip(&mut bad);
    conn.execute(
        "UPDATE audit SET body = ?1 WHERE seq = 3",
        rusqlite::params![bad],
    )
    .unwrap();
    let report = s.verify_audit().unwrap();
    assert_eq!((report.ok, report.first_broken), (false, Some(3)));
    conn.execute(
        "UPDATE audit SET body = ?1 WHERE seq = 3",
        rusqlite::params![entry],
    )
    .unwrap();
    assert!(s.verify_audit().unwrap().ok);

    // An entry dropped from the end of the chain: the record it named no longer matches.
    conn.execute("DELETE FROM audit WHERE seq = ?1", [entries as i64])
        .unwrap();
    assert!(!s.verify_audit().unwrap().ok);

    // And the open follow-up's own row deleted behind the API's back is noticed too.
    let (dir2, _v2, s2) = vault();
    let ria = client(&s2, "Ria");
    let a = s2
        .add_activity(
            ria,
            done(ActivityKind::Office, "2026-02-02", &[Duty::Empower]),
        )
        .unwrap();
    s2.add_follow_up(
        a.id,
        FollowUpInput {
            what: "Call back".into(),
            due: day("2026-02-03"),
        },
    )
    .unwrap();
    assert_eq!(s2.today(day("2026-02-03")).unwrap().due_follow_ups.len(), 1);
    db(dir2.path())
        .execute("DELETE FROM records WHERE kind = 'follow_up_open'", [])
        .unwrap();
    let report = s2.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.problem.as_deref(), Some("a record is missing"));
}

#[test]
fn erasing_a_client_takes_their_activities_notes_and_follow_ups() {
    let (dir, _v, s) = vault();
    let sam = client(&s, "Sam");
    let a = s
        .add_activity(
            sam.clone(),
            done(ActivityKind::Office, "2026-02-02", &[Duty::Educate]),
        )
        .unwrap();
    s.add_follow_up(
        a.id.clone(),
        FollowUpInput {
            what: "Call back".into(),
            due: day("2026-02-03"),
        },
    )
    .unwrap();
    let n = s
        .add_note(sam.clone(), Some(a.id.clone()), "Notes".into())
        .unwrap();
    s.sign_note(n.note.id.clone()).unwrap();
    s.add_addendum(n.note.id, "Why".into(), "More".into())
        .unwrap();
    s.report_incident(
        sam.clone(),
        IncidentInput {
            kind: IncidentKind::Other,
            occurred_on: day("2026-02-02"),
            occurred_at: None,
            description: "Fell on the stairs".into(),
            activity_id: Some(a.id.clone()),
        },
    )
    .unwrap();
    s.erase_client(sam).unwrap();
    let left: i64 = db(dir.path())
        .query_row(
            "SELECT COUNT(*) FROM records WHERE kind IN \
             ('activity', 'note', 'addendum', 'incident', 'follow_up_open')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    let v = s.today(day("2026-02-03")).unwrap();
    assert!(v.due_follow_ups.is_empty() && v.open_incidents.is_empty());
    assert!(matches!(s.activity(a.id), Err(Error::NotFound { .. })));
    assert!(s.verify_audit().unwrap().ok);
}
