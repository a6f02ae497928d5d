//! The team outbox: a team-shared record written once the vault is in a team is marked for the
//! team in its own write transaction; the worker's corner never is; a failed sync or a failed
//! write leaves the outbox as it was. (End to end through a real relay: bindings/cli/tests/sync.rs.)
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{ClientInput, Day, DebriefInput, DebriefOccasion, Error};

fn client(name: &str) -> ClientInput {
    ClientInput {
        preferred_name: name.into(),
        ..Default::default()
    }
}

fn pending_ids(dir: &std::path::Path) -> Vec<(String, String)> {
    let conn = common::raw(dir);
    let mut stmt = conn
        .prepare("SELECT id, kind FROM sync_pending ORDER BY id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    rows
}

#[test]
fn shared_writes_are_marked_with_the_write_and_private_ones_never_are() {
    let (dir, _vault, s) = common::new_vault();
    let before = s.add_client(client("Sam")).unwrap();
    assert!(!s.sync_status().unwrap().in_team);
    let transport = common::team::lead(&s);
    // What the phone held before the team goes to the team too.
    assert_eq!(s.sync_status().unwrap().outbox, 1);

    let after = s.add_client(client("Robin")).unwrap();
    let debrief = s
        .add_debrief(DebriefInput {
            day: Day::from_ymd(2026, 11, 23).unwrap(),
            occasion: DebriefOccasion::EndOfDay,
            score: 3,
            words: Some("A heavy day".into()),
            what_helped: None,
            for_myself: None,
            took_break: None,
            share_with_supervisor: true,
        })
        .unwrap();
    let mut expected = vec![
        (before.id.clone(), "client".to_string()),
        (after.id.clone(), "client".to_string()),
    ];
    expected.sort();
    assert_eq!(pending_ids(dir.path()), expected);
    assert!(!pending_ids(dir.path())
        .iter()
        .any(|(id, _)| *id == debrief.id));

    // A refused write marks nothing.
    let refused = s.update_client("no-such-client".into(), client("Alex"));
    assert!(refused.is_err());
    assert_eq!(pending_ids(dir.path()), expected);

    // A sync that cannot reach the relay fails as `Sync` and keeps every change for the next try.
    let failed = s.sync_now(transport).unwrap_err();
    assert!(matches!(failed, Error::Sync { .. }), "{failed:?}");
    assert_eq!(s.sync_status().unwrap().outbox, 2);
}
