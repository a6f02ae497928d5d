//! The team's screens on one phone, its lead's, with the relay out of reach: display names and
//! their checks, the members screen offline, a request asked and done (and on Today meanwhile),
//! and the briefing of the lead's own records. Across phones through the real relay:
//! bindings/cli/tests/briefing.rs.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{
    plain, Choice, ClientInput, ClientStatus, Day, Error, NotAllowedReason, Rule,
    DEFAULT_UNSIGNED_NOTE_DAYS,
};
use common::team::{day_of, lead};
use std::collections::BTreeSet;

fn invalid(e: Error) -> (String, Rule) {
    match e {
        Error::Invalid { field, rule, .. } => (field, rule),
        other => panic!("{other:?}"),
    }
}

#[test]
fn names_are_checked_and_members_show_without_the_relay() {
    let (_dir, _vault, s) = common::new_vault();
    assert!(matches!(
        s.team_set_name("Dana".into()),
        Err(Error::NotFound { .. })
    ));
    let t = lead(&s);
    assert_eq!(
        invalid(s.team_set_name("  ".into()).unwrap_err()),
        ("name".into(), Rule::Required)
    );
    assert_eq!(
        invalid(s.team_set_name("D".repeat(81)).unwrap_err()),
        ("name".into(), Rule::TooLong { max: 80 })
    );
    let before = s.team_members(t.clone()).unwrap();
    assert_eq!(before[0].name, "Unnamed member");
    assert!(!before[0].named);

    s.team_set_name(" Dana ".into()).unwrap();
    day_of(&s, Day::today());
    let members = s.team_members(t).unwrap();
    assert_eq!(members.len(), 1);
    let me = &members[0];
    assert_eq!(me.name, "Dana");
    assert!(me.named && me.is_me && me.admin && !me.removed);
    assert_eq!(me.role_label, "Team lead");
    assert_eq!(me.clients, 1);
    assert_eq!(me.devices.len(), 1);
    assert!(me.devices[0].this_phone);
    assert_eq!(me.devices[0].last_seen, None);
    assert_eq!(
        me.devices[0].status_label,
        "Last seen: the server could not be reached"
    );
    assert_eq!(plain(&me.summary), "Team lead · 1 device · 1 client");
}

#[test]
fn a_request_shows_on_today_until_it_is_done() {
    let (_dir, _vault, s) = common::new_vault();
    let t = lead(&s);
    s.team_set_name("Dana".into()).unwrap();
    let me = s.team_members(t).unwrap()[0].member_id.clone();
    let sam = day_of(&s, Day::today());

    let bad = |member: &str, client: Option<String>, text: &str| {
        invalid(
            s.team_ask(member.into(), client, text.into(), None)
                .unwrap_err(),
        )
    };
    assert_eq!(bad(&me, None, " ").0, "text");
    assert_eq!(bad("nobody", None, "Call").0, "member_id");
    assert_eq!(
        bad("AAAAAAAAAAAAAAAAAAAAAA", None, "Call"),
        (
            "member_id".into(),
            Rule::NotAllowed {
                reason: NotAllowedReason::NoSuchMember
            }
        )
    );
    assert_eq!(bad(&me, Some("x".into()), "Call").0, "client_id");
    assert!(s.team_requests().unwrap().is_empty());

    let due = Day::today().add_days(3);
    let asked = s
        .team_ask(
            me.clone(),
            Some(sam.clone()),
            "Call the GP".into(),
            Some(due),
        )
        .unwrap();
    assert_eq!(asked.client_name.as_deref(), Some("Sam"));
    assert_eq!(plain(&asked.summary), "Asked by Dana: Call the GP");
    assert_eq!(plain(&asked.status_label), format!("Wanted by {due}"));
    let today = s.today_at(Day::today(), None).unwrap();
    assert_eq!(today.requests, vec![asked.clone()]);
    assert!(
        plain(&today.summary).contains("1 request from your supervisor"),
        "{}",
        today.summary
    );

    let done = s.team_request_done(asked.id.clone()).unwrap();
    assert!(done.done);
    assert_eq!(done.status_label, "Done");
    assert!(s.today_at(Day::today(), None).unwrap().requests.is_empty());
    assert_eq!(s.team_requests().unwrap(), vec![done]);
    assert_eq!(
        invalid(s.team_request_done("nope".into()).unwrap_err()).0,
        "id"
    );
}

#[test]
fn the_briefing_gives_the_lead_their_own_day_and_no_notification_of_their_own_incident() {
    let (_dir, _vault, s) = common::new_vault();
    let t = lead(&s);
    s.team_set_name("Dana".into()).unwrap();
    let day = Day::today();
    let sam = day_of(&s, day);
    // A discharged client is no subject of a new request; one whose support is paused is.
    let ana = s.add_client(ClientInput::named("ana")).unwrap().id;
    s.set_client_status(ana.clone(), ClientStatus::Paused { since: day })
        .unwrap();
    let gone = s.add_client(ClientInput::named("Bo")).unwrap().id;
    s.set_client_status(gone, ClientStatus::Discharged { on: day })
        .unwrap();
    let alone = s.today_at(day, None).unwrap();
    let b = s.briefing(day).unwrap();
    assert_eq!(b.title, "Morning briefing");
    assert_eq!(b.unsigned_note_days, DEFAULT_UNSIGNED_NOTE_DAYS);
    assert_eq!(b.workers.len(), 1);
    let w = &b.workers[0];
    assert_eq!(w.name, "Dana");
    assert_eq!(
        w.clients,
        vec![
            Choice::new(ana.clone(), "ana".into()),
            Choice::new(sam.clone(), "Sam".into())
        ],
        "the lead's clients, by name whatever the case, discharged ones left out"
    );
    let ids = |v: Vec<String>| v.into_iter().collect::<BTreeSet<_>>();
    assert_eq!(
        ids(w.visits.iter().map(|v| v.activity_id.clone()).collect()),
        ids(alone.visits.iter().map(|v| v.activity_id.clone()).collect())
    );
    assert_eq!(w.visits.len(), 2);
    assert_eq!(w.overdue_follow_ups, alone.overdue_follow_ups);
    assert_eq!(w.open_incidents.len(), 1);
    assert_eq!(w.open_incidents[0].incident, alone.open_incidents[0]);
    assert!(w.open_incidents[0].inform_supervisor);
    assert_eq!(w.duty_balance.activities, 6);
    assert_eq!(w.dependence.len(), 1, "{:?}", w.dependence);
    assert_eq!(w.dependence[0].client_name, "Sam");
    assert_eq!(
        plain(&b.summary),
        "2 visits today · 1 open incident · 1 overdue follow-up"
    );
    assert_eq!(b.supervision_requests.len(), 1);
    assert_eq!(
        plain(&b.supervision_requests[0].summary),
        "Dana asks for a supervision session: Ask about caseload"
    );
    assert_eq!(b.shared_debriefs.len(), 1);
    assert_eq!(b.shared_debriefs[0].score, 4);
    // One's own incident is no notification to oneself.
    assert!(b.notifications.is_empty());
    assert!(s.team_notifications().unwrap().is_empty());

    // The draft's count is published when the phone syncs (here the relay is out of reach: the
    // count is kept for the next try) and shows once past the threshold.
    assert!(s.briefing(day.add_days(10)).unwrap().workers[0]
        .unsigned_notes
        .is_empty());
    assert!(s.sync_now(t).is_err());
    let later = s.briefing(day.add_days(10)).unwrap();
    let unsigned = &later.workers[0].unsigned_notes;
    assert_eq!(unsigned.len(), 1);
    assert_eq!((unsigned[0].count, unsigned[0].oldest_days), (1, 10));
    assert_eq!(
        plain(&unsigned[0].label),
        "1 note unsigned, the oldest for 10 days"
    );
    for days in [0, 93] {
        assert_eq!(
            invalid(s.team_set_unsigned_note_days(days).unwrap_err()).0,
            "unsigned_note_days"
        );
    }
    s.team_set_unsigned_note_days(10).unwrap();
    let strict = s.briefing(day.add_days(10)).unwrap();
    assert_eq!(strict.unsigned_note_days, 10);
    assert!(strict.workers[0].unsigned_notes.is_empty());
    assert_eq!(
        invalid(s.team_notifications_seen(vec!["x".into()]).unwrap_err()).0,
        "ids"
    );
}
