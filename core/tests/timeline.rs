//! A client's timeline: every kind of record merged, newest first, in pages.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::Duty;
use alongside_core::Rule;
use alongside_core::TimelineKind;
use alongside_core::{ActivityInput, ActivityKind};
use alongside_core::{Author, RatingInput, ReviewInput};
use alongside_core::{IncidentInput, IncidentKind};
use alongside_core::{ReferralInput, ResourceCategory};

use common::worker::*;

#[test]
fn the_client_timeline_merges_everything_newest_first_in_pages() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let other = client(&s, "Ria");
    let g = goal(&s, &sam, "A flat of my own");
    let plan = s.plan(sam.clone()).unwrap().unwrap();
    s.add_activity(
        sam.clone(),
        done(ActivityKind::Office, "2026-02-02", &[Duty::Advocate]),
    )
    .unwrap();
    s.add_activity(
        other.clone(),
        done(ActivityKind::Office, "2026-02-03", &[Duty::Advocate]),
    )
    .unwrap();
    let visit = s
        .add_activity(
            sam.clone(),
            ActivityInput {
                time: Some(time("10:00")),
                ..done(
                    ActivityKind::HomeVisit,
                    "2026-02-09",
                    &[Duty::Educate, Duty::Empower],
                )
            },
        )
        .unwrap();
    s.add_note(
        sam.clone(),
        Some(visit.id.clone()),
        "Went through the budget.".into(),
    )
    .unwrap();
    s.rate_goal(
        g,
        RatingInput {
            on: day("2026-02-16"),
            score: 6,
            by: Author::Client,
            words: None,
        },
    )
    .unwrap();
    s.report_incident(
        sam.clone(),
        IncidentInput {
            kind: IncidentKind::Crisis,
            occurred_on: day("2026-02-20"),
            occurred_at: Some(time("22:40")),
            description: "Called the out-of-hours line.".into(),
            activity_id: None,
        },
    )
    .unwrap();
    let res = s
        .add_resource(resource("Housing Options", ResourceCategory::Housing, &[]))
        .unwrap();
    s.refer(
        sam.clone(),
        ReferralInput {
            resource_id: res.id,
            reason: None,
            made_on: day("2026-02-23"),
            follow_up_due: None,
        },
    )
    .unwrap();
    s.review_plan(
        plan.id,
        ReviewInput {
            on: day("2026-03-02"),
            what_changed: "Moved the housing goal forward".into(),
            why: "Sam is ready to bid".into(),
            next_due: day("2026-06-01"),
        },
    )
    .unwrap();

    let all = s.timeline(sam.clone(), 0, 50).unwrap().items;
    assert_eq!(
        all.iter().map(|i| i.kind).collect::<Vec<_>>(),
        [
            TimelineKind::Review,
            TimelineKind::Referral,
            TimelineKind::Incident,
            TimelineKind::Rating,
            TimelineKind::Activity,
            TimelineKind::Note,
            TimelineKind::Activity,
        ]
    );
    assert_eq!(
        alongside_core::plain(&all[1].title),
        "Referral to Housing Options: referral made"
    );
    assert_eq!(
        alongside_core::plain(&all[2].title),
        "Incident: crisis (open)"
    );
    assert_eq!(
        alongside_core::plain(&all[3].title),
        "Progress 6/10, rated by Sam"
    );
    assert_eq!(all[3].detail.as_deref(), Some("A flat of my own"));
    assert_eq!(
        alongside_core::plain(&all[4].title),
        "Home visit \u{b7} Educate, Empower"
    );
    assert_eq!(all[4].duties, [Duty::Educate, Duty::Empower]);
    assert_eq!(alongside_core::plain(&all[5].title), "Case note (draft)");
    assert_eq!(all[5].detail.as_deref(), Some("Went through the budget."));

    let page1 = s.timeline(sam.clone(), 0, 3).unwrap().items;
    let page2 = s.timeline(sam.clone(), 3, 3).unwrap().items;
    let page3 = s.timeline(sam.clone(), 6, 3).unwrap().items;
    assert_eq!((page1.len(), page2.len(), page3.len()), (3, 3, 1));
    let paged: Vec<_> = page1.into_iter().chain(page2).chain(page3).collect();
    assert_eq!(paged, all);
    assert!(s.timeline(sam.clone(), 50, 10).unwrap().items.is_empty());
    assert_rule(
        s.timeline(sam, 0, 0),
        "limit",
        Rule::OutOfRange { min: 1, max: 200 },
    );
}
