//! Every plaintext column that changes what a read returns (owner, day tag, kind, revision) is
//! bound into the record's sealed value. Someone with the file and a plain SQLite tool, but no
//! key, moves a row to another client, changes its day tag or its kind: each read of it is
//! `Tampered` naming it, the other client's shared screen never shows it, erasing the other client
//! does not remove it unseen, and audit verify names it.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{
    ActivityInput, ActivityKind, Author, ClientInput, Day, Duty, EntryKind, Error, GoalInput,
    IncidentInput, IncidentKind, LifeArea, RatingInput, WorkerSession,
};
use common::*;
use std::path::Path;

fn day(s: &str) -> Day {
    Day::parse("test", s).unwrap()
}

const TODAY: &str = "2026-03-02";
const A_DAY: &str = "2026-03-03";
const B_DAY: &str = "2026-03-04";
const A_GOAL: &str = "A flat of my own near the park";
const A_ENTRY: &str = "Walking the dog helps me";
const B_GOAL: &str = "Back to college in September";

/// Robin (A) and Sam (B), each with a plan and a goal the client sees, a visit on a day of their
/// own, and for Robin also a rating of their own, words of their own, an incident and a note.
struct Caseload {
    _dir: tempfile::TempDir,
    a: String,
    b: String,
    /// Robin's records by kind as stored.
    a_rows: Vec<(&'static str, String)>,
    b_visit: String,
}

fn caseload() -> Caseload {
    let (dir, vault, s) = new_vault();
    let a = s.add_client(ClientInput::named("Robin")).unwrap().id;
    let b = s.add_client(ClientInput::named("Sam")).unwrap().id;
    let mut goals = Vec::new();
    for (client, words) in [(&a, A_GOAL), (&b, B_GOAL)] {
        let plan = s
            .create_plan(client.clone(), day("2026-01-05"), day("2026-06-05"))
            .unwrap();
        let goal = s
            .add_goal(
                client.clone(),
                plan.id,
                GoalInput {
                    area: LifeArea::Housing,
                    client_words: words.into(),
                    worker_step: None,
                    measure: None,
                    target_date: None,
                    visible_to_client: Some(true),
                },
            )
            .unwrap();
        goals.push(goal.id);
    }
    let rating = s
        .rate_goal(
            goals[0].clone(),
            RatingInput {
                on: day("2026-02-01"),
                score: 7,
                by: Author::Client,
                words: Some("Getting closer".into()),
            },
        )
        .unwrap();
    let shared = s.open_shared(a.clone(), None).unwrap();
    shared
        .add_entry(
            EntryKind::WhatHelpsMe,
            A_ENTRY.into(),
            Some(goals[0].clone()),
            day("2026-02-01"),
        )
        .unwrap();
    let s = shared.leave(PASSPHRASE.into()).unwrap();
    let entry = s.client_entries(a.clone()).unwrap()[0].id.clone();
    let visit = |client: &str, on: &str| {
        let mut input = ActivityInput::new(ActivityKind::HomeVisit, day(on), vec![Duty::Educate]);
        input.purpose = Some("Check in".into());
        s.add_activity(client.to_string(), input).unwrap().id
    };
    let a_visit = visit(&a, A_DAY);
    let b_visit = visit(&b, B_DAY);
    let incident = s
        .report_incident(
            a.clone(),
            IncidentInput {
                kind: IncidentKind::SafetyRisk,
                occurred_on: day("2026-02-01"),
                occurred_at: None,
                description: "The stairwell light is out again".into(),
                activity_id: None,
            },
        )
        .unwrap()
        .incident
        .id;
    let note = s
        .add_note(a.clone(), None, "Talked about the move.".into())
        .unwrap()
        .note
        .id;
    assert!(s.verify_audit().unwrap().ok);
    drop((s, vault));
    Caseload {
        _dir: dir,
        a,
        b,
        a_rows: vec![
            ("goal", goals[0].clone()),
            ("rating", rating.id),
            ("client_entry", entry),
            ("activity", a_visit),
            ("incident", incident),
            ("note", note),
        ],
        b_visit,
    }
}

fn sql(dir: &Path, statement: &str, id: &str, value: &str) {
    let n = raw(dir)
        .execute(statement, rusqlite::params![value, id])
        .unwrap();
    assert_eq!(n, 1);
}

fn is_tampered<T: std::fmt::Debug>(got: Result<T, Error>, kind: &str, id: &str) {
    match got {
        Err(Error::Tampered { kind: k, id: i }) if k == kind && i == id => {}
        other => panic!("expected Tampered {{ {kind}, {id} }}, got {other:?}"),
    }
}

/// The worker's read of one record of Robin's, by kind.
fn read(s: &WorkerSession, kind: &str, id: &str, a: &str) -> Result<String, Error> {
    match kind {
        "goal" => s.ratings(id.into()).map(|r| format!("{r:?}")),
        "rating" | "client_entry" => {
            // No single-record read: the client's own list refuses as a whole.
            if kind == "rating" {
                s.plan_screen(a.into(), day(TODAY))
                    .map(|p| format!("{p:?}"))
            } else {
                s.client_entries(a.into()).map(|e| format!("{e:?}"))
            }
        }
        "activity" => s.activity(id.into()).map(|a| format!("{a:?}")),
        "incident" => s.incident(id.into()).map(|i| format!("{i:?}")),
        "note" => s.note(id.into()).map(|n| format!("{n:?}")),
        other => panic!("{other}"),
    }
}

#[test]
fn a_row_moved_to_another_client_is_tampered_and_never_on_their_screen() {
    for index in 0..caseload().a_rows.len() {
        let c = caseload();
        let (kind, id) = c.a_rows[index].clone();
        // The attacker: a plain SQLite connection, no key.
        sql(
            c._dir.path(),
            "UPDATE records SET owner = ?1 WHERE id = ?2",
            &id,
            &c.b,
        );
        let (vault, s) = unlock(c._dir.path());

        // Read as what it is, where it now claims to be: Tampered, naming it.
        match kind {
            // The rating and the words moved away from Robin's lists; read as Sam's they fail.
            "rating" => is_tampered(s.plan_screen(c.b.clone(), day(TODAY)), kind, &id),
            "client_entry" => is_tampered(s.client_entries(c.b.clone()), kind, &id),
            _ => is_tampered(read(&s, kind, &id, &c.a), kind, &id),
        }

        // Sam's timeline lists it as a record that could not be opened (for the kinds a
        // timeline shows), and everything of Sam's that did open.
        let page = s.timeline(c.b.clone(), 0, 200).unwrap();
        assert!(page.items.iter().all(|i| i.id != id), "{kind}");
        if ["rating", "activity", "incident", "note"].contains(&kind) {
            assert!(
                page.unreadable.iter().any(|u| u.kind == kind && u.id == id),
                "{kind}: {page:?}"
            );
        }
        assert!(page.items.iter().any(|i| i.id == c.b_visit), "{kind}");

        // Sam's shared screen is as it was: the moved goal, rating or words never appear there.
        let shared = s.open_shared(c.b.clone(), None).unwrap();
        let screen = shared.screen(day(TODAY)).unwrap();
        let shown = format!("{screen:?}");
        assert_eq!(screen.goals.len(), 1, "{kind}");
        assert_eq!(screen.goals[0].words, B_GOAL);
        assert!(screen.goals[0].my_ratings.is_empty(), "{kind}");
        assert!(screen.my_entries.is_empty() && screen.goals[0].my_entries.is_empty());
        for secret in [A_GOAL, A_ENTRY, "Getting closer"] {
            assert!(!shown.contains(secret), "{kind}: {secret} on Sam's screen");
        }
        let s = shared.leave(PASSPHRASE.into()).unwrap();

        // Erasing Sam does not take the moved row with it unseen: the erase refuses, naming it,
        // and nothing is erased.
        is_tampered(s.erase_client(c.b.clone()), kind, &id);
        assert_eq!(s.client(c.b.clone()).unwrap().preferred_name, "Sam");
        let still_there: bool = raw(c._dir.path())
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM records WHERE id = ?1)",
                [&id],
                |r| r.get(0),
            )
            .unwrap();
        assert!(still_there, "{kind}");

        // Audit verify names it.
        let report = s.verify_audit().unwrap();
        assert!(!report.ok, "{kind}");
        assert_eq!(report.record_kind.as_deref(), Some(kind));
        assert_eq!(report.record_id.as_deref(), Some(id.as_str()));
        drop((s, vault));
    }
}

#[test]
fn a_changed_day_tag_is_tampered_and_not_on_the_other_day() {
    let c = caseload();
    let (_, a_visit) = c
        .a_rows
        .iter()
        .find(|(k, _)| *k == "activity")
        .unwrap()
        .clone();
    // Robin's visit given the day tag of Sam's visit's day.
    raw(c._dir.path())
        .execute(
            "UPDATE records SET day_tag = (SELECT day_tag FROM records WHERE id = ?1) WHERE id = ?2",
            [&c.b_visit, &a_visit],
        )
        .unwrap();
    let (_vault, s) = unlock(c._dir.path());
    is_tampered(s.activity(a_visit.clone()), "activity", &a_visit);
    // The other day shows what is really on it, and names the record it could not open.
    let other_day = s.today(day(B_DAY)).unwrap();
    let visits: Vec<&str> = other_day
        .visits
        .iter()
        .map(|v| v.activity_id.as_str())
        .collect();
    assert_eq!(visits, [c.b_visit.as_str()]);
    assert_eq!(other_day.unreadable.len(), 1);
    assert_eq!(
        (
            other_day.unreadable[0].kind.as_str(),
            other_day.unreadable[0].id.as_str()
        ),
        ("activity", a_visit.as_str())
    );
    let report = s.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.record_kind.as_deref(), Some("activity"));
    assert_eq!(report.record_id.as_deref(), Some(a_visit.as_str()));
}

#[test]
fn a_changed_kind_is_tampered_and_named() {
    let c = caseload();
    let (_, note) = c.a_rows.iter().find(|(k, _)| *k == "note").unwrap().clone();
    sql(
        c._dir.path(),
        "UPDATE records SET kind = ?1 WHERE id = ?2",
        &note,
        "activity",
    );
    let (_vault, s) = unlock(c._dir.path());
    is_tampered(s.note(note.clone()), "note", &note);
    // Listed as an activity now, it does not open as one either: named, not shown.
    is_tampered(s.activity(note.clone()), "activity", &note);
    let page = s.timeline(c.a.clone(), 0, 200).unwrap();
    assert!(page.items.iter().all(|i| i.id != note));
    assert!(page.unreadable.iter().any(|u| u.id == note));
    let report = s.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.record_kind.as_deref(), Some("activity"));
    assert_eq!(report.record_id.as_deref(), Some(note.as_str()));
}

/// The upgrade to schema 2 happens once, at the first unlock, in one transaction with the version
/// bump. A schema 2 vault whose version is put back to 1 by a tamperer would have its rows read
/// without their binding if the build trusted the number: instead the unlock fails, loudly, and
/// nothing is written.
#[test]
fn a_schema_2_vault_put_back_to_schema_1_fails_loudly() {
    let c = caseload();
    raw(c._dir.path())
        .pragma_update(None, "user_version", 1)
        .unwrap();
    let before = snapshot(c._dir.path());
    let vault = open(c._dir.path());
    match vault.unlock(PASSPHRASE.into(), None) {
        Err(Error::Tampered { .. }) => {}
        other => panic!("expected Tampered, got {:?}", other.map(|_| ())),
    }
    assert!(vault.is_locked());
    drop(vault);
    let version: i64 = raw(c._dir.path())
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    assert_eq!(
        snapshot(c._dir.path()).get("alongside.db"),
        before.get("alongside.db")
    );
}
