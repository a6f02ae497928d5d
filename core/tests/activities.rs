//! Visits and activities under the three duties, case notes, incidents, referrals, the day's view,
//! the client's timeline and the audit trail, driven through the public API as a worker would.

use alongside_core::language_hints;
use alongside_core::KdfCost;
use alongside_core::LifeArea;
use alongside_core::Op;
use alongside_core::TimelineKind;
use alongside_core::{suggest_duties, Duty, DutySettings, DutyTrend};
use alongside_core::{ActivityInput, ActivityKind, ActivityStatus, FollowUpInput, Scheduling};
use alongside_core::{Author, GoalInput, RatingInput, ReviewInput};
use alongside_core::{ClientInput, ClientStatus};
use alongside_core::{ClockTime, Day, Error, Rule, Vault, WorkerSession};
use alongside_core::{
    IncidentActionInput, IncidentInput, IncidentKind, IncidentStatus, RequiredAction,
};
use alongside_core::{ReferralInput, ReferralStatus, ResourceCategory, ResourceInput};
use std::path::Path;
use std::sync::Arc;

const PASS: &str = "correct horse battery";

fn vault() -> (tempfile::TempDir, Arc<Vault>, Arc<WorkerSession>) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create_with_cost(
        dir.path().display().to_string(),
        PASS.into(),
        None,
        KdfCost::Test,
    )
    .unwrap();
    let session = vault.worker().unwrap();
    (dir, vault, session)
}

fn day(s: &str) -> Day {
    Day::parse("test", s).unwrap()
}

fn time(s: &str) -> ClockTime {
    ClockTime::parse("test", s).unwrap()
}

fn client(s: &WorkerSession, name: &str) -> String {
    s.add_client(ClientInput::named(name)).unwrap().id
}

fn activity(kind: ActivityKind, on: &str, duties: &[Duty]) -> ActivityInput {
    let mut input = ActivityInput::new(kind, day(on), duties.to_vec());
    if kind == ActivityKind::HomeVisit {
        input.purpose = Some("Check in on the week".into());
    }
    input
}

/// A done activity, as recorded after the fact.
fn done(kind: ActivityKind, on: &str, duties: &[Duty]) -> ActivityInput {
    ActivityInput {
        status: Some(ActivityStatus::Done),
        ..activity(kind, on, duties)
    }
}

fn goal(s: &WorkerSession, client_id: &str, words: &str) -> String {
    let plan = match s.plan(client_id.into()).unwrap() {
        Some(p) => p,
        None => s
            .create_plan(client_id.into(), day("2026-01-05"), day("2026-04-06"))
            .unwrap(),
    };
    s.add_goal(
        client_id.into(),
        plan.id,
        GoalInput {
            area: LifeArea::Housing,
            client_words: words.into(),
            worker_step: None,
            measure: None,
            target_date: None,
            visible_to_client: None,
        },
    )
    .unwrap()
    .id
}

fn assert_rule(result: Result<impl std::fmt::Debug, Error>, field: &str, rule: Rule) {
    match result {
        Err(Error::Invalid {
            field: f, rule: r, ..
        }) => assert_eq!((f.as_str(), &r), (field, &rule)),
        other => panic!("expected {field} {rule:?}, got {other:?}"),
    }
}

fn assert_not_allowed(result: Result<impl std::fmt::Debug, Error>, field: &str) -> String {
    match result {
        Err(Error::Invalid {
            field: f,
            rule: Rule::NotAllowed { reason },
            ..
        }) if f == field => reason,
        other => panic!("expected {field} not allowed, got {other:?}"),
    }
}

fn suggested(text: &str) -> Vec<Duty> {
    suggest_duties(text.into(), None)
        .into_iter()
        .map(|s| s.duty)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Rules and errors

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

// ---------------------------------------------------------------------------------------------
// Duty suggestions

#[test]
fn suggestions_follow_the_fields_own_examples() {
    assert_eq!(
        suggested("Teach menu planning, grocery shopping and cooking."),
        [Duty::Educate]
    );
    assert_eq!(
        suggested("Explained why staying psychiatrically stable matters and how to do it."),
        [Duty::Educate]
    );
    assert_eq!(
        suggested("Sam raised the mould with the landlord themself."),
        [Duty::Empower]
    );
    assert_eq!(
        suggested("She called the landlord herself about the broken fridge."),
        [Duty::Empower]
    );
    assert_eq!(
        suggested("Empower Sam to take personal responsibility for staying well."),
        [Duty::Empower]
    );
    assert_eq!(
        suggested("Speak with the psychiatrist about the side effects."),
        [Duty::Advocate]
    );
    assert_eq!(
        suggested("Request a new placement from the housing team."),
        [Duty::Advocate]
    );
    assert_eq!(
        suggested("Spoke on his behalf to secure access to legal aid."),
        [Duty::Advocate]
    );

    // One home visit doing all three.
    let visit = "Home visit: showed Sam how to keep the kitchen clean. Sam rang the landlord \
                 herself about the mould. I requested a change of housing placement.";
    let all = suggest_duties(visit.into(), None);
    assert_eq!(
        all.iter().map(|s| s.duty).collect::<Vec<_>>(),
        [Duty::Educate, Duty::Empower, Duty::Advocate]
    );
    // Each carries the words that triggered it, where they are.
    let words = |d: usize| -> Vec<&str> {
        all[d]
            .triggers
            .iter()
            .map(|t| t.span.text.as_str())
            .collect()
    };
    assert_eq!(words(0), ["showed Sam how"]);
    assert_eq!(words(1), ["herself"]);
    assert_eq!(words(2), ["requested", "placement"]);
    let t = &all[1].triggers[0].span;
    assert_eq!(
        visit
            .chars()
            .skip(t.start as usize)
            .take((t.end - t.start) as usize)
            .collect::<String>(),
        "herself"
    );
    assert!(all[2].reason.contains("requested"));

    // Rules are per language; one without rules suggests nothing rather than guessing.
    assert!(suggest_duties("Enseigner la cuisine".into(), Some("fr".into())).is_empty());
    assert_eq!(
        suggest_duties("Taught budgeting".into(), Some("en-CA".into()))[0].duty,
        Duty::Educate
    );
}

#[test]
fn the_activity_view_suggests_only_what_the_worker_has_not_chosen() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let input = ActivityInput {
        purpose: Some("Teach how to plan a week of meals".into()),
        ..activity(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Educate])
    };
    let a = s.add_activity(sam.clone(), input).unwrap();
    let note = s
        .add_note(
            sam,
            Some(a.id.clone()),
            "Sam wrote the shopping list herself.".into(),
        )
        .unwrap();
    let view = s.activity_view(a.id).unwrap();
    assert_eq!(view.suggestions.len(), 1);
    assert_eq!(view.suggestions[0].duty, Duty::Empower);
    assert_eq!(
        view.suggestions[0].triggers[0].note_id.as_deref(),
        Some(note.note.id.as_str())
    );
    // Suggestions are never applied by the core.
    assert_eq!(view.activity.duties, [Duty::Educate]);
    assert_eq!(view.notes.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Balance

/// Thirteen weeks from Monday 5 January 2026. For the first six weeks Sam's visits are advocacy
/// (twice a week), then they turn to education with Sam doing more themself; Ria has one
/// education visit a week throughout. Planned, missed and cancelled visits do not count.
#[test]
fn balance_over_a_generated_quarter() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let ria = client(&s, "Ria");
    let from = day("2026-01-05");
    let to = from.add_days(13 * 7 - 1);
    let mut expected_sam = [0u32; 3];
    for week in 0..13i64 {
        let monday = from.add_days(week * 7);
        let duties: &[Duty] = if week < 6 {
            &[Duty::Advocate]
        } else {
            &[Duty::Empower, Duty::Educate]
        };
        for offset in [1, 3] {
            let on = monday.add_days(offset).to_string();
            s.add_activity(sam.clone(), done(ActivityKind::Office, &on, duties))
                .unwrap();
            for d in duties {
                expected_sam[*d as usize] += 1;
            }
        }
        s.add_activity(
            ria.clone(),
            done(
                ActivityKind::GroupSession,
                &monday.add_days(2).to_string(),
                &[Duty::Educate],
            ),
        )
        .unwrap();
    }
    // These do not count: not done, or outside the period.
    s.add_activity(
        sam.clone(),
        activity(ActivityKind::Office, "2026-02-10", &[Duty::Advocate]),
    )
    .unwrap();
    s.add_activity(
        sam.clone(),
        ActivityInput {
            status: Some(ActivityStatus::Missed),
            ..activity(ActivityKind::Office, "2026-02-11", &[Duty::Advocate])
        },
    )
    .unwrap();
    s.add_activity(
        sam.clone(),
        done(ActivityKind::Office, "2026-04-07", &[Duty::Advocate]),
    )
    .unwrap();

    let b = s.client_duty_balance(sam.clone(), from, to).unwrap();
    assert_eq!(b.activities, 26);
    let counts: Vec<u32> = b.duties.iter().map(|d| d.count).collect();
    assert_eq!(counts, expected_sam);
    assert_eq!(counts, [14, 14, 12]);
    let total: f64 = b.duties.iter().map(|d| d.share).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert_eq!(b.duties[2].percent, 30);
    assert_eq!(b.duties[2].trend, DutyTrend::Falling);
    assert_eq!(b.duties[1].trend, DutyTrend::Rising);
    assert_eq!(b.weeks.len(), 13);
    assert_eq!(b.weeks[0].advocate, 2);
    assert_eq!(b.weeks[12].empower, 2);
    assert_eq!(
        b.summary,
        "26 activities: 35% educate, 35% empower, 30% advocate"
    );
    // Advocacy turned into empowerment, so no prompt.
    assert_eq!(b.hint, None);

    let all = s.duty_balance(from, to).unwrap();
    assert_eq!(all.activities, 39);
    assert_eq!(all.duties[0].count, 14 + 13);
    assert_eq!(all.hint, None);

    let empty = s
        .client_duty_balance(sam.clone(), day("2025-01-01"), day("2025-01-31"))
        .unwrap();
    assert_eq!(empty.activities, 0);
    assert_eq!(empty.duties[0].trend, DutyTrend::NotEnoughData);
    assert_eq!(empty.summary, "No activities recorded in this period.");

    assert_rule(
        s.duty_balance(to, from),
        "to",
        Rule::NotBefore {
            other: "the period's first day".into(),
        },
    );
    assert_not_allowed(s.duty_balance(from, from.add_days(400)), "to");
}

#[test]
fn weeks_of_advocacy_with_no_empowerment_prompt_an_empowerment_step() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let start = day("2026-03-02");
    for week in 0..6 {
        s.add_activity(
            sam.clone(),
            done(
                ActivityKind::ThirdPartyContact,
                &start.add_days(week * 7).to_string(),
                &[Duty::Advocate],
            ),
        )
        .unwrap();
    }
    let to = start.add_days(5 * 7 + 2);
    let b = s.client_duty_balance(sam.clone(), start, to).unwrap();
    let hint = b.hint.expect("a prompt after five weeks of advocacy");
    assert_eq!(hint.weeks, 5);
    assert_eq!(hint.since, start);
    assert_eq!(hint.advocacy_activities, 6);
    assert!(hint.message.contains("Sam"));
    assert!(hint.message.contains("5 weeks"));

    // Not yet as of three weeks in.
    let early = s
        .client_duty_balance(sam.clone(), start, start.add_days(20))
        .unwrap();
    assert_eq!(early.hint, None);

    // The threshold is a setting.
    assert_eq!(s.duty_settings().unwrap().advocacy_hint_weeks, 4);
    s.set_duty_settings(DutySettings {
        advocacy_hint_weeks: 8,
    })
    .unwrap();
    assert_eq!(
        s.client_duty_balance(sam.clone(), start, to).unwrap().hint,
        None
    );
    assert_rule(
        s.set_duty_settings(DutySettings {
            advocacy_hint_weeks: 0,
        }),
        "advocacy_hint_weeks",
        Rule::OutOfRange { min: 1, max: 52 },
    );
    s.set_duty_settings(DutySettings {
        advocacy_hint_weeks: 2,
    })
    .unwrap();
    assert!(s
        .client_duty_balance(sam.clone(), start, to)
        .unwrap()
        .hint
        .is_some());

    // One step Sam takes themself resets it.
    s.add_activity(
        sam.clone(),
        done(
            ActivityKind::Office,
            &to.add_days(-1).to_string(),
            &[Duty::Empower],
        ),
    )
    .unwrap();
    assert_eq!(s.client_duty_balance(sam, start, to).unwrap().hint, None);
}

// ---------------------------------------------------------------------------------------------
// Notes

#[test]
fn a_signed_note_never_changes_and_takes_dated_addenda() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let ria = client(&s, "Ria");
    let visit = s
        .add_activity(
            sam.clone(),
            done(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Educate]),
        )
        .unwrap();
    assert_rule(
        s.add_note(ria.clone(), Some(visit.id.clone()), "Wrong client".into()),
        "activity_id",
        Rule::WrongOwner,
    );
    assert_rule(
        s.add_note(sam.clone(), None, "  \n ".into()),
        "text",
        Rule::Required,
    );

    let draft = s
        .add_note(
            sam.clone(),
            Some(visit.id.clone()),
            "Kitchen clean. Budget done.".into(),
        )
        .unwrap();
    assert!(draft.editable);
    assert_eq!(draft.note.on, day("2026-02-02"));
    let edited = s
        .edit_note(
            draft.note.id.clone(),
            "Kitchen clean. Sam did the budget.".into(),
        )
        .unwrap();
    assert_eq!(edited.note.text, "Kitchen clean. Sam did the budget.");
    assert_not_allowed(
        s.add_addendum(draft.note.id.clone(), "Why".into(), "Text".into()),
        "note_id",
    );

    let signed = s.sign_note(draft.note.id.clone()).unwrap();
    assert!(!signed.editable);
    let reason = assert_not_allowed(
        s.edit_note(draft.note.id.clone(), "Changed my mind".into()),
        "note_id",
    );
    assert!(reason.contains("addendum"));
    assert_not_allowed(s.sign_note(draft.note.id.clone()), "note_id");
    assert_not_allowed(s.discard_note(draft.note.id.clone()), "note_id");
    assert_rule(
        s.add_addendum(draft.note.id.clone(), " ".into(), "Text".into()),
        "reason",
        Rule::Required,
    );

    let before = s.audit_entries(1).unwrap()[0].clone();
    assert_eq!(before.op, Op::Sign);
    assert_eq!(before.id, draft.note.id);

    let one = s
        .add_addendum(
            draft.note.id.clone(),
            "Wrong day in the original".into(),
            "The budget was done on Monday, not Sunday.".into(),
        )
        .unwrap();
    let two = s
        .add_addendum(
            draft.note.id.clone(),
            "Added after speaking with Sam".into(),
            "Sam asked for the budget sheet in large print.".into(),
        )
        .unwrap();
    assert_eq!(one.addenda.len(), 1);
    assert_eq!(two.addenda.len(), 2);
    assert_eq!(two.addenda[0].reason, "Wrong day in the original");
    assert!(two.addenda[0].written <= two.addenda[1].written);
    // The signed text is exactly what was signed.
    assert_eq!(two.note, signed.note);
    assert_eq!(s.note(draft.note.id.clone()).unwrap().note, signed.note);

    let trail = s.audit_entries(3).unwrap();
    assert_eq!(
        trail.iter().map(|e| e.op).collect::<Vec<_>>(),
        [Op::Addendum, Op::Addendum, Op::Sign]
    );
    // The note's own row stayed at its signed revision.
    assert_eq!(trail[2].rev, before.rev);

    // A separate note without an activity; drafts can be discarded.
    let alone = s
        .add_note(sam.clone(), None, "Phoned about the letter.".into())
        .unwrap();
    assert_eq!(alone.note.activity_id, None);
    assert_eq!(s.notes(sam.clone()).unwrap().len(), 2);
    assert_eq!(s.activity_notes(visit.id.clone()).unwrap().len(), 1);
    s.discard_note(alone.note.id.clone()).unwrap();
    assert!(matches!(s.note(alone.note.id), Err(Error::NotFound { .. })));
    assert!(s.verify_audit().unwrap().ok);
}

#[test]
fn language_hints_point_out_wording_and_never_block_saving() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let text = "Sam is schizophrenic and suffers from anxiety. Met other addicts at the \
                drop-in; the mentally ill are often turned away.";
    let note = s.add_note(sam, None, text.into()).unwrap();
    assert_eq!(note.note.text, text);
    let found: Vec<(&str, &str)> = note
        .hints
        .iter()
        .map(|h| (h.span.text.as_str(), h.suggestions[0].as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("schizophrenic", "person with schizophrenia"),
            ("suffers from", "lives with"),
            ("addicts", "people who use drugs"),
            ("the mentally ill", "people with mental illness"),
        ]
    );
    let h = &note.hints[0].span;
    assert_eq!((h.start, h.end), (7, 20));
    // Signing does not wait on hints either.
    assert!(s.sign_note(note.note.id).is_ok());
    let addict = language_hints("He is an addict.".into(), None);
    assert_eq!(
        addict[0].suggestions,
        [
            "a person who uses drugs",
            "a person with a substance use disorder"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Incidents

fn action(a: RequiredAction, by: &str, on: &str) -> IncidentActionInput {
    IncidentActionInput {
        action: a,
        by: by.into(),
        on: day(on),
        at: Some(time("16:10")),
        details: None,
    }
}

#[test]
fn an_incident_stays_open_until_each_required_action_is_recorded() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let refusal = s
        .report_incident(
            sam.clone(),
            IncidentInput {
                kind: IncidentKind::MedicationRefusal,
                occurred_on: day("2026-02-03"),
                occurred_at: Some(time("09:15")),
                description: "Sam declined the morning dose; said it makes them drowsy at work."
                    .into(),
                activity_id: None,
            },
        )
        .unwrap();
    assert_eq!(
        refusal
            .required
            .iter()
            .map(|r| r.action)
            .collect::<Vec<_>>(),
        [
            RequiredAction::ListenToConcerns,
            RequiredAction::DocumentRefusal,
            RequiredAction::InformSupervisor
        ]
    );
    assert!(!refusal.can_close);
    assert_eq!(refusal.status_label, "3 required actions to record");
    assert!(refusal.donts.iter().any(|d| d.contains("force")));
    let id = refusal.incident.id.clone();

    let reason = assert_not_allowed(
        s.close_incident(id.clone(), day("2026-02-03"), None),
        "actions",
    );
    assert!(reason.contains("inform the supervisor"), "{reason}");

    assert_rule(
        s.record_incident_action(
            id.clone(),
            action(RequiredAction::ListenToConcerns, " ", "2026-02-03"),
        ),
        "by",
        Rule::Required,
    );
    assert_rule(
        s.record_incident_action(
            id.clone(),
            action(RequiredAction::ListenToConcerns, "Me", "2026-02-02"),
        ),
        "on",
        Rule::NotBefore {
            other: "the day of the incident".into(),
        },
    );
    s.record_incident_action(
        id.clone(),
        action(RequiredAction::ListenToConcerns, "Me", "2026-02-03"),
    )
    .unwrap();
    let v = s
        .record_incident_action(
            id.clone(),
            action(RequiredAction::DocumentRefusal, "Me", "2026-02-03"),
        )
        .unwrap();
    assert_eq!(v.status_label, "1 required action to record");
    let reason = assert_not_allowed(
        s.close_incident(id.clone(), day("2026-02-03"), None),
        "actions",
    );
    assert_eq!(reason, "still to record: inform the supervisor");
    assert_eq!(s.open_incidents().unwrap().len(), 1);

    let v = s
        .record_incident_action(
            id.clone(),
            IncidentActionInput {
                details: Some("By phone; will raise at Thursday's team meeting".into()),
                ..action(
                    RequiredAction::InformSupervisor,
                    "J. Ortiz (supervisor) informed by me",
                    "2026-02-04",
                )
            },
        )
        .unwrap();
    assert!(v.can_close);
    let done = v.required[2].done.as_ref().unwrap();
    assert_eq!(
        (done.by.as_str(), done.on, done.at),
        (
            "J. Ortiz (supervisor) informed by me",
            day("2026-02-04"),
            Some(time("16:10"))
        )
    );
    assert_rule(
        s.close_incident(id.clone(), day("2026-02-03"), None),
        "on",
        Rule::NotBefore {
            other: "the last recorded action".into(),
        },
    );
    let closed = s
        .close_incident(
            id.clone(),
            day("2026-02-04"),
            Some("Prescriber review booked".into()),
        )
        .unwrap();
    assert!(matches!(
        closed.incident.status,
        IncidentStatus::Closed { on, .. } if on == day("2026-02-04")
    ));
    assert_eq!(closed.status_label, "Closed on 2026-02-04");
    assert_not_allowed(
        s.record_incident_action(
            id.clone(),
            action(RequiredAction::AssessRisk, "Me", "2026-02-05"),
        ),
        "incident_id",
    );
    assert_not_allowed(s.close_incident(id, day("2026-02-05"), None), "incident_id");
    assert!(s.open_incidents().unwrap().is_empty());

    // Suspected abuse needs a report per agency protocol, nothing less.
    let abuse = s
        .report_incident(
            sam.clone(),
            IncidentInput {
                kind: IncidentKind::SuspectedAbuse,
                occurred_on: day("2026-02-10"),
                occurred_at: None,
                description: "Bruising on both forearms; Sam did not want to talk about it.".into(),
                activity_id: None,
            },
        )
        .unwrap();
    let id = abuse.incident.id;
    s.record_incident_action(
        id.clone(),
        action(RequiredAction::InformSupervisor, "Me", "2026-02-10"),
    )
    .unwrap();
    assert_not_allowed(
        s.close_incident(id.clone(), day("2026-02-10"), None),
        "actions",
    );
    s.record_incident_action(
        id.clone(),
        action(RequiredAction::ReportPerProtocol, "Me", "2026-02-10"),
    )
    .unwrap();
    assert!(s.close_incident(id, day("2026-02-10"), None).is_ok());
    assert_eq!(s.incidents(sam).unwrap().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Resources and referrals

fn resource(name: &str, category: ResourceCategory, languages: &[&str]) -> ResourceInput {
    ResourceInput {
        name: name.into(),
        category,
        contact: Some("0161 000 0000".into()),
        hours: Some("Mon-Fri 9-5".into()),
        languages: languages.iter().map(|l| l.to_string()).collect(),
        notes: None,
    }
}

#[test]
fn a_referral_moves_from_made_to_completed_with_its_outcome() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    assert_rule(
        s.add_resource(resource(" ", ResourceCategory::FoodBank, &[])),
        "name",
        Rule::Required,
    );
    assert!(matches!(
        s.add_resource(resource("Bad", ResourceCategory::FoodBank, &["en_GB"])),
        Err(Error::Invalid { field, rule: Rule::Format { .. }, .. }) if field == "languages"
    ));
    let food = s
        .add_resource(resource(
            "Northside Food Bank",
            ResourceCategory::FoodBank,
            &["en", "PL"],
        ))
        .unwrap();
    assert_eq!(food.languages, ["en", "pl"]);
    let legal = s
        .add_resource(resource(
            "Community Legal Aid",
            ResourceCategory::LegalAid,
            &["en", "fr-CA"],
        ))
        .unwrap();
    let names =
        |r: Vec<alongside_core::Resource>| r.into_iter().map(|r| r.name).collect::<Vec<_>>();
    assert_eq!(
        names(s.resources(None, None).unwrap()),
        ["Community Legal Aid", "Northside Food Bank"]
    );
    assert_eq!(
        names(s.resources(Some(ResourceCategory::FoodBank), None).unwrap()),
        ["Northside Food Bank"]
    );
    assert_eq!(
        names(s.resources(None, Some("fr".into())).unwrap()),
        ["Community Legal Aid"]
    );

    assert_rule(
        s.refer(
            sam.clone(),
            ReferralInput {
                resource_id: legal.id.clone(),
                reason: None,
                made_on: day("2026-02-02"),
                follow_up_due: Some(day("2026-02-01")),
            },
        ),
        "follow_up_due",
        Rule::NotBefore {
            other: "the day the referral was made".into(),
        },
    );
    let r = s
        .refer(
            sam.clone(),
            ReferralInput {
                resource_id: legal.id.clone(),
                reason: Some("Deposit dispute with the landlord".into()),
                made_on: day("2026-02-02"),
                follow_up_due: Some(day("2026-02-09")),
            },
        )
        .unwrap();
    assert_eq!(r.resource_name, "Community Legal Aid");
    assert_eq!(r.referral.status, ReferralStatus::Made);
    let id = r.referral.id.clone();

    assert_rule(
        s.set_referral_status(
            id.clone(),
            ReferralStatus::Accepted,
            day("2026-02-01"),
            None,
        ),
        "on",
        Rule::NotBefore {
            other: "the referral's last change".into(),
        },
    );
    s.set_referral_status(
        id.clone(),
        ReferralStatus::Accepted,
        day("2026-02-05"),
        None,
    )
    .unwrap();
    assert_not_allowed(
        s.set_referral_status(id.clone(), ReferralStatus::Made, day("2026-02-06"), None),
        "status",
    );
    assert_rule(
        s.set_referral_status(
            id.clone(),
            ReferralStatus::Completed,
            day("2026-02-20"),
            None,
        ),
        "outcome",
        Rule::Required,
    );
    let done = s
        .set_referral_status(
            id.clone(),
            ReferralStatus::Completed,
            day("2026-02-20"),
            Some("Deposit returned in full".into()),
        )
        .unwrap();
    assert_eq!(
        done.referral
            .history
            .iter()
            .map(|c| (c.status, c.on))
            .collect::<Vec<_>>(),
        [
            (ReferralStatus::Made, day("2026-02-02")),
            (ReferralStatus::Accepted, day("2026-02-05")),
            (ReferralStatus::Completed, day("2026-02-20")),
        ]
    );
    assert_eq!(
        done.referral.outcome.as_deref(),
        Some("Deposit returned in full")
    );
    assert_not_allowed(
        s.set_referral_status(id, ReferralStatus::Declined, day("2026-02-21"), None),
        "status",
    );

    let declined = s
        .refer(
            sam.clone(),
            ReferralInput {
                resource_id: food.id,
                reason: None,
                made_on: day("2026-03-01"),
                follow_up_due: None,
            },
        )
        .unwrap();
    s.set_referral_status(
        declined.referral.id,
        ReferralStatus::Declined,
        day("2026-03-02"),
        Some("Sam would rather use the pantry at church".into()),
    )
    .unwrap();
    let list = s.referrals(sam.clone()).unwrap();
    assert_eq!(
        list.iter()
            .map(|r| r.resource_name.as_str())
            .collect::<Vec<_>>(),
        ["Northside Food Bank", "Community Legal Aid"]
    );

    // Erasing a client keeps the directory.
    s.erase_client(sam).unwrap();
    assert_eq!(s.resources(None, None).unwrap().len(), 2);
    assert!(s.verify_audit().unwrap().ok);
}

// ---------------------------------------------------------------------------------------------
// Today and the timeline

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
    assert_eq!(v.title, "Tuesday 10 March");
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
            .map(|f| (f.what.as_str(), f.due_label.as_str()))
            .collect::<Vec<_>>(),
        [("Post the housing form", "3 days overdue")]
    );
    assert_eq!(v.due_follow_ups.len(), 1);
    assert_eq!(v.due_follow_ups[0].due_label, "Due today");
    assert_eq!(v.due_follow_ups[0].client_name, "Sam");
    // Sam's review is in three days; Ria's is far off; Al is paused.
    assert_eq!(
        v.reviews_due
            .iter()
            .map(|r| (r.client_name.as_str(), r.due_label.as_str()))
            .collect::<Vec<_>>(),
        [("Sam", "Review due in 3 days")]
    );
    assert_eq!(v.open_incidents.len(), 1);
    assert_eq!(v.open_incidents[0].client_name, "Ria");
    assert_eq!(
        v.open_incidents[0].missing_actions,
        [RequiredAction::AssessRisk, RequiredAction::InformSupervisor]
    );
    assert_eq!(v.referrals_to_follow_up.len(), 1);
    assert_eq!(v.referrals_to_follow_up[0].due_label, "1 day overdue");
    assert_eq!(
        v.summary,
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

    let all = s.timeline(sam.clone(), 0, 50).unwrap();
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
    assert_eq!(all[1].title, "Referral to Housing Options: referral made");
    assert_eq!(all[2].title, "Incident: crisis (open)");
    assert_eq!(all[3].title, "Progress 6/10, rated by Sam");
    assert_eq!(all[3].detail.as_deref(), Some("A flat of my own"));
    assert_eq!(all[4].title, "Home visit \u{b7} Educate, Empower");
    assert_eq!(all[4].duties, [Duty::Educate, Duty::Empower]);
    assert_eq!(all[5].title, "Case note (draft)");
    assert_eq!(all[5].detail.as_deref(), Some("Went through the budget."));

    let page1 = s.timeline(sam.clone(), 0, 3).unwrap();
    let page2 = s.timeline(sam.clone(), 3, 3).unwrap();
    let page3 = s.timeline(sam.clone(), 6, 3).unwrap();
    assert_eq!((page1.len(), page2.len(), page3.len()), (3, 3, 1));
    let paged: Vec<_> = page1.into_iter().chain(page2).chain(page3).collect();
    assert_eq!(paged, all);
    assert!(s.timeline(sam.clone(), 50, 10).unwrap().is_empty());
    assert_rule(
        s.timeline(sam, 0, 0),
        "limit",
        Rule::OutOfRange { min: 1, max: 200 },
    );
}

// ---------------------------------------------------------------------------------------------
// The audit trail

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
