//! The worker's day in one view.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::ClientStatus;
use alongside_core::Duty;
use alongside_core::{ActivityInput, ActivityKind, FollowUpInput};
use alongside_core::{IncidentInput, IncidentKind, RequiredAction};
use alongside_core::{ReferralInput, ResourceCategory};

use common::worker::*;

#[test]
fn the_day_in_one_view() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let ria = client(&s, "Ria");
    let al = client(&s, "Al");
    let today = day("2026-03-10");

    let plan = |c: &str, due: &str| {
        s.create_plan(c.into(), day("2026-01-05"), day(due))
            .unwrap();
    };
    plan(&sam, "2026-03-13");
    plan(&ria, "2026-05-01");
    plan(&al, "2026-03-01");
    s.set_client_status(
        al.clone(),
        ClientStatus::Paused {
            since: day("2026-03-01"),
        },
    )
    .unwrap();

    let at = |c: &str, kind: ActivityKind, t: Option<&str>| {
        let input = ActivityInput {
            time: t.map(time),
            place: Some("Home".into()),
            ..activity(kind, "2026-03-10", &[Duty::Educate])
        };
        s.add_activity(c.into(), input).unwrap()
    };
    let late = at(&sam, ActivityKind::HomeVisit, Some("14:00"));
    let early = at(&ria, ActivityKind::Office, Some("09:30"));
    let any = at(&sam, ActivityKind::PhoneOrVideo, None);
    s.add_activity(
        ria.clone(),
        activity(ActivityKind::Office, "2026-03-11", &[Duty::Educate]),
    )
    .unwrap();

    let earlier = s
        .add_activity(
            sam.clone(),
            done(ActivityKind::Office, "2026-03-02", &[Duty::Educate]),
        )
        .unwrap();
    let follow = |what: &str, due: &str| {
        s.add_follow_up(
            earlier.id.clone(),
            FollowUpInput {
                what: what.into(),
                due: day(due),
            },
        )
        .unwrap()
    };
    follow("Post the housing form", "2026-03-07");
    follow("Ring the GP surgery", "2026-03-10");
    follow("Check the bus pass arrived", "2026-03-20");
    let a = follow("Book the dentist", "2026-03-03");
    let dentist = a.follow_ups.last().unwrap().id.clone();
    s.set_follow_up_done(earlier.id.clone(), dentist, Some(day("2026-03-04")))
        .unwrap();

    s.report_incident(
        ria.clone(),
        IncidentInput {
            kind: IncidentKind::SafetyRisk,
            occurred_on: day("2026-03-08"),
            occurred_at: None,
            description: "Gas smell in the hallway; Ria left the flat.".into(),
            activity_id: None,
        },
    )
    .unwrap();

    let legal = s
        .add_resource(resource("Legal Aid", ResourceCategory::LegalAid, &["en"]))
        .unwrap();
    s.refer(
        sam.clone(),
        ReferralInput {
            resource_id: legal.id,
            reason: None,
            made_on: day("2026-03-01"),
            follow_up_due: Some(day("2026-03-09")),
        },
    )
    .unwrap();

    let v = s.today(today).unwrap();
    assert_eq!(v.title, "Your day", "the date is the platform's to write");
    assert_eq!(v.day, today);
    assert_eq!(
        v.visits
            .iter()
            .map(|x| (
                x.activity_id.as_str(),
                x.time_label.as_str(),
                x.client_name.as_str()
            ))
            .collect::<Vec<_>>(),
        [
            (early.id.as_str(), "09:30", "Ria"),
            (late.id.as_str(), "14:00", "Sam"),
            (any.id.as_str(), "Any time", "Sam"),
        ]
    );
    assert_eq!(v.visits[1].kind_label, "Home visit");
    assert!(v.visits[1].planned);
    assert_eq!(
        v.overdue_follow_ups
            .iter()
            .map(|f| (f.what.clone(), alongside_core::plain(&f.due_label)))
            .collect::<Vec<_>>(),
        [(
            "Post the housing form".to_string(),
            "3 days overdue".to_string()
        )]
    );
    assert_eq!(v.due_follow_ups.len(), 1);
    assert_eq!(v.due_follow_ups[0].due_label, "Due today");
    assert_eq!(v.due_follow_ups[0].client_name, "Sam");
    // Sam's review is in three days; Ria's is far off; Al is paused.
    assert_eq!(
        v.reviews_due
            .iter()
            .map(|r| (r.client_name.clone(), alongside_core::plain(&r.due_label)))
            .collect::<Vec<_>>(),
        [("Sam".to_string(), "Review due in 3 days".to_string())]
    );
    assert_eq!(v.open_incidents.len(), 1);
    assert_eq!(v.open_incidents[0].client_name, "Ria");
    assert_eq!(
        v.open_incidents[0].missing_actions,
        [RequiredAction::AssessRisk, RequiredAction::InformSupervisor]
    );
    assert_eq!(v.referrals_to_follow_up.len(), 1);
    assert_eq!(
        alongside_core::plain(&v.referrals_to_follow_up[0].due_label),
        "1 day overdue"
    );
    assert_eq!(
        alongside_core::plain(&v.summary),
        "3 visits \u{b7} 2 follow-ups due (1 overdue) \u{b7} 1 plan review \u{b7} 1 open incident \
         \u{b7} 1 referral to check"
    );

    // Days later the form is posted: it leaves the list.
    let posted = s.activity(earlier.id.clone()).unwrap().follow_ups[0]
        .id
        .clone();
    s.set_follow_up_done(earlier.id.clone(), posted.clone(), Some(day("2026-03-11")))
        .unwrap();
    let v = s.today(day("2026-03-12")).unwrap();
    assert!(v
        .overdue_follow_ups
        .iter()
        .all(|f| f.follow_up_id != posted));
    assert_eq!(v.overdue_follow_ups.len(), 1);
    // Opened again, it comes back.
    s.set_follow_up_done(earlier.id.clone(), posted, None)
        .unwrap();
    assert_eq!(
        s.today(day("2026-03-12")).unwrap().overdue_follow_ups.len(),
        2
    );

    let quiet = s.today(day("2025-01-01")).unwrap();
    assert!(quiet.visits.is_empty());
    assert!(quiet.summary.contains("open incident"));
    assert!(s.verify_audit().unwrap().ok);
}
