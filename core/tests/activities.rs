//! Activities: the rules an activity is checked against (duties, the lesson in mind, duration,
//! linked goals) and how activities list with their follow-ups, driven through the public API as a
//! worker would.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::Duty;
use alongside_core::{ActivityInput, ActivityKind, ActivityStatus, FollowUpInput, Scheduling};
use alongside_core::{Error, Rule};

use common::worker::*;

#[test]
fn an_activity_needs_at_least_one_duty_and_none_twice() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    assert_rule(
        s.add_activity(
            sam.clone(),
            activity(ActivityKind::Office, "2026-02-02", &[]),
        ),
        "duties",
        Rule::Required,
    );
    assert_not_allowed(
        s.add_activity(
            sam.clone(),
            activity(
                ActivityKind::Office,
                "2026-02-02",
                &[Duty::Empower, Duty::Empower],
            ),
        ),
        "duties",
    );
    let a = s
        .add_activity(
            sam.clone(),
            activity(
                ActivityKind::Office,
                "2026-02-02",
                &[Duty::Advocate, Duty::Educate],
            ),
        )
        .unwrap();
    assert_eq!(a.duties, [Duty::Advocate, Duty::Educate]);
    // Editing is held to the same rule.
    assert_rule(
        s.update_activity(a.id, activity(ActivityKind::Office, "2026-02-02", &[])),
        "duties",
        Rule::Required,
    );
    assert!(s.activities(sam).unwrap().len() == 1);
}

#[test]
fn a_home_visit_needs_the_lesson_in_mind() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    for purpose in [None, Some("   ".to_string())] {
        let input = ActivityInput {
            purpose,
            ..activity(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Educate])
        };
        assert_rule(
            s.add_activity(sam.clone(), input),
            "purpose",
            Rule::Required,
        );
    }
    // Other kinds may leave it out.
    let call = ActivityInput {
        purpose: None,
        ..activity(ActivityKind::PhoneOrVideo, "2026-02-02", &[Duty::Empower])
    };
    assert!(s.add_activity(sam.clone(), call).is_ok());
    let visit = s
        .add_activity(
            sam.clone(),
            activity(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Educate]),
        )
        .unwrap();
    assert_eq!(visit.purpose.as_deref(), Some("Check in on the week"));
    assert_eq!(visit.status, ActivityStatus::Scheduled);
    // An emergency is recorded after the fact, so it counts as done unless told otherwise.
    let crisis = ActivityInput {
        scheduling: Scheduling::Emergency,
        ..activity(
            ActivityKind::CrisisResponse,
            "2026-02-03",
            &[Duty::Advocate],
        )
    };
    assert_eq!(
        s.add_activity(sam, crisis).unwrap().status,
        ActivityStatus::Done
    );
}

#[test]
fn a_duration_is_between_nothing_and_a_whole_day() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    for minutes in [-1, -90, 24 * 60 + 1, i32::MAX] {
        let input = ActivityInput {
            duration_minutes: Some(minutes),
            ..activity(ActivityKind::Community, "2026-02-02", &[Duty::Educate])
        };
        assert_rule(
            s.add_activity(sam.clone(), input),
            "duration_minutes",
            Rule::OutOfRange { min: 0, max: 1440 },
        );
    }
    for minutes in [0, 45, 24 * 60] {
        let input = ActivityInput {
            duration_minutes: Some(minutes),
            ..activity(ActivityKind::Community, "2026-02-02", &[Duty::Educate])
        };
        assert_eq!(
            s.add_activity(sam.clone(), input).unwrap().duration_minutes,
            Some(minutes)
        );
    }
}

#[test]
fn only_the_clients_own_goals_can_be_linked() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let ria = client(&s, "Ria");
    let sams_goal = goal(&s, &sam, "A flat of my own");
    let rias_goal = goal(&s, &ria, "Back to college");
    let input = ActivityInput {
        goal_ids: vec![sams_goal.clone(), rias_goal.clone()],
        ..activity(ActivityKind::Office, "2026-02-02", &[Duty::Advocate])
    };
    assert_rule(
        s.add_activity(sam.clone(), input),
        "goal_ids",
        Rule::WrongOwner,
    );

    let input = ActivityInput {
        // The same goal twice is kept once.
        goal_ids: vec![sams_goal.clone(), sams_goal.clone()],
        ..activity(ActivityKind::Office, "2026-02-02", &[Duty::Advocate])
    };
    let a = s.add_activity(sam.clone(), input).unwrap();
    assert_eq!(a.goal_ids, std::slice::from_ref(&sams_goal));
    let view = s.activity_view(a.id.clone()).unwrap();
    assert_eq!(view.goals[0].client_words, "A flat of my own");
    assert_eq!(view.client_name, "Sam");

    let input = ActivityInput {
        goal_ids: vec![rias_goal],
        ..activity(ActivityKind::Office, "2026-02-02", &[Duty::Advocate])
    };
    assert_rule(
        s.update_activity(a.id.clone(), input),
        "goal_ids",
        Rule::WrongOwner,
    );
    let input = ActivityInput {
        goal_ids: vec!["not an id".into()],
        ..activity(ActivityKind::Office, "2026-02-02", &[Duty::Advocate])
    };
    assert!(matches!(
        s.add_activity(sam.clone(), input),
        Err(Error::Invalid { field, rule: Rule::Format { .. }, .. }) if field == "goal_ids"
    ));
    let input = ActivityInput {
        goal_ids: vec![ria.clone()],
        ..activity(ActivityKind::Office, "2026-02-02", &[Duty::Advocate])
    };
    assert!(matches!(
        s.add_activity(sam, input),
        Err(Error::NotFound { kind, .. }) if kind == "goal"
    ));
}

#[test]
fn activities_list_newest_first_and_keep_their_follow_ups() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let first = s
        .add_activity(
            sam.clone(),
            done(ActivityKind::Office, "2026-02-02", &[Duty::Educate]),
        )
        .unwrap();
    let morning = ActivityInput {
        time: Some(time("09:00")),
        ..done(ActivityKind::Community, "2026-02-09", &[Duty::Empower])
    };
    let afternoon = ActivityInput {
        time: Some(time("15:30")),
        place: Some("  Library ".into()),
        ..done(ActivityKind::Community, "2026-02-09", &[Duty::Empower])
    };
    let m = s.add_activity(sam.clone(), morning).unwrap();
    let a = s.add_activity(sam.clone(), afternoon).unwrap();
    assert_eq!(a.place.as_deref(), Some("Library"));
    let order: Vec<String> = s
        .activities(sam.clone())
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(order, [a.id.clone(), m.id, first.id.clone()]);

    assert_rule(
        s.add_follow_up(
            first.id.clone(),
            FollowUpInput {
                what: "Call the housing office".into(),
                due: day("2026-02-01"),
            },
        ),
        "due",
        Rule::NotBefore {
            other: "the activity's day".into(),
        },
    );
    assert_rule(
        s.add_follow_up(
            first.id.clone(),
            FollowUpInput {
                what: " ".into(),
                due: day("2026-02-05"),
            },
        ),
        "what",
        Rule::Required,
    );
    let with = s
        .add_follow_up(
            first.id.clone(),
            FollowUpInput {
                what: "Call the housing office".into(),
                due: day("2026-02-05"),
            },
        )
        .unwrap();
    let f = with.follow_ups[0].clone();
    assert_eq!(f.done_on, None);
    let after = s
        .set_follow_up_done(first.id.clone(), f.id.clone(), Some(day("2026-02-05")))
        .unwrap();
    assert_eq!(after.follow_ups[0].done_on, Some(day("2026-02-05")));
    assert!(matches!(
        s.set_follow_up_done(first.id, "nope".into(), None),
        Err(Error::NotFound { .. })
    ));

    let cancelled = s
        .set_activity_status(
            a.id.clone(),
            ActivityStatus::Cancelled {
                reason: "  ".into(),
            },
        )
        .map(|_| ());
    assert_rule(cancelled, "status.reason", Rule::Required);
    let c = s
        .set_activity_status(
            a.id,
            ActivityStatus::Cancelled {
                reason: "Sam was unwell".into(),
            },
        )
        .unwrap();
    assert!(matches!(c.status, ActivityStatus::Cancelled { .. }));
}

#[test]
fn a_visit_and_its_follow_ups_are_saved_in_one_call() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let a = s
        .add_activity_with_follow_ups(
            sam.clone(),
            done(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Empower]),
            vec![
                FollowUpInput {
                    what: "Call the council".into(),
                    due: day("2026-02-09"),
                },
                FollowUpInput {
                    what: "Bring the form".into(),
                    due: day("2026-02-02"),
                },
            ],
        )
        .unwrap();
    assert_eq!(a.follow_ups.len(), 2);
    assert_eq!(s.activity(a.id.clone()).unwrap(), a);
    // Both are open follow-ups on the day they fall due, like those added one by one.
    let due: Vec<String> = s
        .today(day("2026-02-09"))
        .unwrap()
        .due_follow_ups
        .into_iter()
        .chain(s.today(day("2026-02-09")).unwrap().overdue_follow_ups)
        .map(|f| f.what)
        .collect();
    assert!(due.contains(&"Call the council".to_string()), "{due:?}");
    assert!(due.contains(&"Bring the form".to_string()), "{due:?}");
}

#[test]
fn one_bad_follow_up_saves_nothing_and_names_itself() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let input = done(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Empower]);
    let good = FollowUpInput {
        what: "Call the council".into(),
        due: day("2026-02-09"),
    };
    assert_rule(
        s.add_activity_with_follow_ups(
            sam.clone(),
            input.clone(),
            vec![
                good.clone(),
                FollowUpInput {
                    what: "Too early".into(),
                    due: day("2026-02-01"),
                },
            ],
        ),
        "follow_ups[1].due",
        Rule::NotBefore {
            other: "the activity's day".into(),
        },
    );
    assert_rule(
        s.add_activity_with_follow_ups(
            sam.clone(),
            input,
            vec![FollowUpInput {
                what: "  ".into(),
                due: day("2026-02-09"),
            }],
        ),
        "follow_ups[0].what",
        Rule::Required,
    );
    // A goal of nobody's: refused inside the write, and the follow-ups with it.
    let mut bad_goal = done(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Empower]);
    bad_goal.goal_ids = vec!["0123456789abcdef0123456789abcdef".into()];
    assert!(s
        .add_activity_with_follow_ups(sam.clone(), bad_goal, vec![good])
        .is_err());
    assert!(s.activities(sam).unwrap().is_empty());
    assert!(s
        .today(day("2026-02-09"))
        .unwrap()
        .due_follow_ups
        .is_empty());
}

#[test]
fn forms_start_from_the_cores_days() {
    use alongside_core::{follow_up_due, form_defaults, review_due};
    assert_eq!(follow_up_due(day("2026-01-30")), day("2026-02-06"));
    assert_eq!(review_due(day("2026-01-15")), day("2026-04-15"));
    // A month without the day: its last day.
    assert_eq!(review_due(day("2025-11-30")), day("2026-02-28"));
    let d = form_defaults(day("2026-03-01"));
    assert_eq!(d.today, day("2026-03-01"));
    assert_eq!(d.follow_up_due, day("2026-03-08"));
    assert_eq!(d.plan_review_due, day("2026-06-01"));
    assert_eq!(d.next_review_due, day("2026-06-01"));
    assert_eq!(d.duty_balance_from, day("2025-12-07"));
}
