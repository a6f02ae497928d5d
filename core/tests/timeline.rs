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

#[test]
fn a_page_counts_its_own_notes_addenda_and_no_others() {
    let (dir, v, s) = vault();
    let sam = client(&s, "Sam");
    let ria = client(&s, "Ria");
    // A signed note on each of six visits, a day apart, and one draft; the newest first.
    let mut notes = Vec::new();
    for i in 1..=6 {
        let on = format!("2026-03-{:02}", i);
        let visit = s
            .add_activity(
                sam.clone(),
                done(ActivityKind::HomeVisit, &on, &[Duty::Educate]),
            )
            .unwrap();
        let note = s
            .add_note(sam.clone(), Some(visit.id), format!("Visit {i}."))
            .unwrap();
        s.sign_note(note.note.id.clone()).unwrap();
        notes.push(note.note.id);
    }
    let addendum = |note: &str, n: usize| {
        for k in 0..n {
            s.add_addendum(note.into(), "Late detail".into(), format!("Also {k}."))
                .unwrap();
        }
    };
    // On the page (the newest two visits and their notes): two addenda, and none.
    addendum(&notes[5], 2);
    // Off the page: older notes with many addenda, and another client's note.
    addendum(&notes[0], 3);
    addendum(&notes[2], 1);
    let visit = s
        .add_activity(
            ria.clone(),
            done(ActivityKind::Office, "2026-03-06", &[Duty::Empower]),
        )
        .unwrap();
    let theirs = s
        .add_note(ria.clone(), Some(visit.id), "Ria's.".into())
        .unwrap();
    s.sign_note(theirs.note.id.clone()).unwrap();
    addendum(&theirs.note.id, 4);

    let page = s.timeline(sam.clone(), 0, 4).unwrap();
    assert!(page.unreadable.is_empty());
    let notes_on_page: Vec<(String, String)> = page
        .items
        .iter()
        .filter(|i| i.kind == TimelineKind::Note)
        .map(|i| (i.id.clone(), alongside_core::plain(&i.title)))
        .collect();
    assert_eq!(
        notes_on_page,
        [
            (notes[5].clone(), "Case note, 2 addenda".to_string()),
            (notes[4].clone(), "Case note".to_string()),
        ]
    );
    // Deeper pages count theirs the same way: the oldest note has three, the third one.
    let all = s.timeline(sam.clone(), 0, 200).unwrap().items;
    let title = |id: &str| {
        let item = all.iter().find(|i| i.id == id).unwrap();
        alongside_core::plain(&item.title)
    };
    assert_eq!(title(&notes[0]), "Case note, 3 addenda");
    assert_eq!(title(&notes[2]), "Case note, 1 addendum");
    assert_eq!(title(&notes[1]), "Case note");
    let ria_page = s.timeline(ria.clone(), 0, 15).unwrap().items;
    let ria_note = ria_page
        .iter()
        .find(|i| i.kind == TimelineKind::Note)
        .unwrap();
    assert_eq!(
        alongside_core::plain(&ria_note.title),
        "Case note, 4 addenda"
    );

    // A vault from a build before the addenda's marks (no index rows at all) counts the same
    // once its first page has marked them.
    let first = s.timeline(sam.clone(), 0, 4).unwrap();
    drop((s, v));
    let raw = common::raw(dir.path());
    raw.execute(
        "DELETE FROM records WHERE kind IN ('index_mark', 'index_total', 'index_built')",
        [],
    )
    .unwrap();
    drop(raw);
    let (_v, s) = common::unlock(dir.path());
    assert_eq!(s.timeline(sam.clone(), 0, 4).unwrap(), first);
    assert_eq!(s.timeline(sam, 0, 200).unwrap().items, all);
    assert_eq!(s.timeline(ria, 0, 15).unwrap().items, ria_page);
}
