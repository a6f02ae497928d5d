//! Input that must never slip through: control characters and direction overrides in any text
//! field, and dates and times that cannot be right. Each is refused with a typed `Invalid` error
//! that names the field and the rule, and nothing is written.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::Duty;
use alongside_core::EntryKind;
use alongside_core::{ActivityInput, ActivityKind, ActivityStatus, FollowUpInput};
use alongside_core::{AreaAssessment, AssessmentInput, LifeArea, Risk, RiskLevel};
use alongside_core::{Author, GoalInput, GoalStatus, RatingInput, ReviewInput};
use alongside_core::{ClientInput, Consent, Contact};
use alongside_core::{ClockTime, Day, Error, Rule, WorkerSession};
use alongside_core::{IncidentActionInput, IncidentInput, IncidentKind, RequiredAction};
use alongside_core::{ReferralInput, ReferralStatus, ResourceCategory, ResourceInput};
use common::*;

/// One of each kind the core must refuse: C0 controls (NUL, BEL, ESC, CR), DEL, C1 controls (NEL,
/// CSI), and the bidirectional overrides, embeddings and isolates.
const HIDDEN: &[char] = &[
    '\u{0}', '\u{7}', '\u{1b}', '\r', '\u{7f}', '\u{85}', '\u{9b}', '\u{202a}', '\u{202b}',
    '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

fn day(s: &str) -> Day {
    Day::parse("test", s).unwrap()
}

fn past() -> Day {
    Day::today().add_days(-30)
}

/// The ids a call needs, made once.
struct World {
    client: String,
    plan: String,
    goal: String,
    activity: String,
    draft: String,
    signed: String,
    incident: String,
    resource: String,
    referral: String,
}

fn world(s: &WorkerSession) -> World {
    let client = s.add_client(ClientInput::named("Robin")).unwrap().id;
    let plan = s
        .create_plan(client.clone(), past(), past().add_days(90))
        .unwrap()
        .id;
    let goal = s
        .add_goal(client.clone(), plan.clone(), goal_input("a flat"))
        .unwrap()
        .id;
    s.add_step(goal.clone(), "call the agent".into()).unwrap();
    let activity = s
        .add_activity(
            client.clone(),
            ActivityInput::new(ActivityKind::PhoneOrVideo, past(), vec![Duty::Advocate]),
        )
        .unwrap()
        .id;
    let draft = s
        .add_note(client.clone(), None, "a draft".into())
        .unwrap()
        .note
        .id;
    let signed = s
        .add_note(client.clone(), None, "signed".into())
        .unwrap()
        .note
        .id;
    s.sign_note(signed.clone()).unwrap();
    let incident = s
        .report_incident(client.clone(), incident_input("fell on the stairs", past()))
        .unwrap()
        .incident
        .id;
    // Every required action recorded, so the incident can close.
    for action in s
        .incident(incident.clone())
        .unwrap()
        .incident
        .missing_actions()
    {
        s.record_incident_action(
            incident.clone(),
            IncidentActionInput {
                action,
                by: "Sam".into(),
                on: past(),
                at: None,
                details: None,
            },
        )
        .unwrap();
    }
    let resource = s.add_resource(resource_input("Shelter")).unwrap().id;
    let referral = s
        .refer(
            client.clone(),
            ReferralInput {
                resource_id: resource.clone(),
                reason: None,
                made_on: past(),
                follow_up_due: None,
            },
        )
        .unwrap()
        .referral
        .id;
    World {
        client,
        plan,
        goal,
        activity,
        draft,
        signed,
        incident,
        resource,
        referral,
    }
}

fn goal_input(words: &str) -> GoalInput {
    GoalInput {
        area: LifeArea::Housing,
        client_words: words.into(),
        worker_step: None,
        measure: None,
        target_date: None,
        visible_to_client: None,
    }
}

fn incident_input(description: &str, on: Day) -> IncidentInput {
    IncidentInput {
        kind: IncidentKind::SafetyRisk,
        occurred_on: on,
        occurred_at: None,
        description: description.into(),
        activity_id: None,
    }
}

fn resource_input(name: &str) -> ResourceInput {
    ResourceInput {
        name: name.into(),
        category: ResourceCategory::Housing,
        contact: None,
        hours: None,
        languages: vec![],
        notes: None,
    }
}

fn area(needs: Option<String>) -> AreaAssessment {
    AreaAssessment {
        area: LifeArea::Safety,
        needs,
        strengths: None,
        risks: vec![],
        client_words: None,
    }
}

type Call = Box<dyn Fn(&WorkerSession, &World, String) -> Result<(), Error>>;

/// Every text field of every input the worker's session takes, by the field name the core
/// reports, with a call that puts `text` in that field (and valid values everywhere else).
fn every_text_field() -> Vec<(&'static str, Call)> {
    fn call<T>(f: impl Fn(&WorkerSession, &World, String) -> Result<T, Error> + 'static) -> Call {
        Box::new(move |s, w, t| f(s, w, t).map(drop))
    }
    let client = |f: fn(&mut ClientInput, String)| {
        call(move |s: &WorkerSession, _w: &World, t: String| {
            let mut input = ClientInput::named("Sam");
            f(&mut input, t);
            s.add_client(input)
        })
    };
    let contact = |f: fn(&mut Contact, String)| {
        call(move |s: &WorkerSession, _w: &World, t: String| {
            let mut c = Contact {
                name: "Nadia".into(),
                relationship: None,
                phone: None,
                notes: None,
            };
            f(&mut c, t);
            s.add_client(ClientInput {
                contacts: vec![c],
                ..ClientInput::named("Sam")
            })
        })
    };
    let consent = |f: fn(&mut Consent, String)| {
        call(move |s: &WorkerSession, _w: &World, t: String| {
            let mut c = Consent {
                with_whom: "GP".into(),
                what: "medication".into(),
                until: None,
            };
            f(&mut c, t);
            s.add_client(ClientInput {
                consents: vec![c],
                ..ClientInput::named("Sam")
            })
        })
    };
    let assessment = |f: fn(&mut AssessmentInput, String)| {
        call(move |s: &WorkerSession, w: &World, t: String| {
            let mut input = AssessmentInput {
                on: past(),
                areas: vec![area(Some("a safe place".into()))],
                client_words: None,
            };
            f(&mut input, t);
            s.add_assessment(w.client.clone(), input)
        })
    };
    let goal = |f: fn(&mut GoalInput, String)| {
        call(move |s: &WorkerSession, w: &World, t: String| {
            let mut input = goal_input("a job");
            f(&mut input, t);
            s.add_goal(w.client.clone(), w.plan.clone(), input)
        })
    };
    let resource = |f: fn(&mut ResourceInput, String)| {
        call(move |s: &WorkerSession, _w: &World, t: String| {
            let mut input = resource_input("Food bank");
            f(&mut input, t);
            s.add_resource(input)
        })
    };
    let activity = |f: fn(&mut ActivityInput, String)| {
        call(move |s: &WorkerSession, w: &World, t: String| {
            let mut input =
                ActivityInput::new(ActivityKind::PhoneOrVideo, past(), vec![Duty::Educate]);
            f(&mut input, t);
            s.add_activity(w.client.clone(), input)
        })
    };
    vec![
        ("preferred_name", client(|i, t| i.preferred_name = t)),
        ("legal_name", client(|i, t| i.legal_name = Some(t))),
        ("pronouns", client(|i, t| i.pronouns = Some(t))),
        ("cultural_notes", client(|i, t| i.cultural_notes = Some(t))),
        ("contacts.name", contact(|c, t| c.name = t)),
        (
            "contacts.relationship",
            contact(|c, t| c.relationship = Some(t)),
        ),
        ("contacts.phone", contact(|c, t| c.phone = Some(t))),
        ("contacts.notes", contact(|c, t| c.notes = Some(t))),
        ("consents.with_whom", consent(|c, t| c.with_whom = t)),
        ("consents.what", consent(|c, t| c.what = t)),
        (
            "preferred_name",
            call(|s, w, t| s.update_client(w.client.clone(), ClientInput::named(&t))),
        ),
        ("areas.needs", assessment(|i, t| i.areas[0].needs = Some(t))),
        (
            "areas.strengths",
            assessment(|i, t| i.areas[0].strengths = Some(t)),
        ),
        (
            "areas.client_words",
            assessment(|i, t| i.areas[0].client_words = Some(t)),
        ),
        (
            "areas.risks.description",
            assessment(|i, t| {
                i.areas[0].risks.push(Risk {
                    description: t,
                    level: RiskLevel::Low,
                })
            }),
        ),
        ("client_words", assessment(|i, t| i.client_words = Some(t))),
        ("client_words", goal(|i, t| i.client_words = t)),
        ("worker_step", goal(|i, t| i.worker_step = Some(t))),
        ("measure", goal(|i, t| i.measure = Some(t))),
        (
            "client_words",
            call(|s, w, t| {
                let mut input = goal_input("a flat");
                input.client_words = t;
                s.update_goal(w.goal.clone(), input)
            }),
        ),
        ("text", call(|s, w, t| s.add_step(w.goal.clone(), t))),
        (
            "reason",
            call(|s, w, t| s.set_goal_status(w.goal.clone(), GoalStatus::Dropped { reason: t })),
        ),
        (
            "words",
            call(|s, w, t| {
                s.rate_goal(
                    w.goal.clone(),
                    RatingInput {
                        on: past(),
                        score: 5,
                        by: Author::Worker,
                        words: Some(t),
                    },
                )
            }),
        ),
        (
            "what_changed",
            call(|s, w, t| {
                s.review_plan(
                    w.plan.clone(),
                    ReviewInput {
                        on: past(),
                        what_changed: t,
                        why: "why".into(),
                        next_due: past().add_days(90),
                    },
                )
            }),
        ),
        (
            "why",
            call(|s, w, t| {
                s.review_plan(
                    w.plan.clone(),
                    ReviewInput {
                        on: past(),
                        what_changed: "what".into(),
                        why: t,
                        next_due: past().add_days(90),
                    },
                )
            }),
        ),
        ("place", activity(|i, t| i.place = Some(t))),
        ("purpose", activity(|i, t| i.purpose = Some(t))),
        (
            "status.reason",
            activity(|i, t| i.status = Some(ActivityStatus::Cancelled { reason: t })),
        ),
        (
            "place",
            call(|s, w, t| {
                let mut input =
                    ActivityInput::new(ActivityKind::PhoneOrVideo, past(), vec![Duty::Educate]);
                input.place = Some(t);
                s.update_activity(w.activity.clone(), input)
            }),
        ),
        (
            "status.reason",
            call(|s, w, t| {
                s.set_activity_status(w.activity.clone(), ActivityStatus::Cancelled { reason: t })
            }),
        ),
        (
            "what",
            call(|s, w, t| {
                s.add_follow_up(
                    w.activity.clone(),
                    FollowUpInput {
                        what: t,
                        due: past(),
                    },
                )
            }),
        ),
        (
            "text",
            call(|s, w, t| s.add_note(w.client.clone(), None, t)),
        ),
        ("text", call(|s, w, t| s.edit_note(w.draft.clone(), t))),
        (
            "reason",
            call(|s, w, t| s.add_addendum(w.signed.clone(), t, "more".into())),
        ),
        (
            "text",
            call(|s, w, t| s.add_addendum(w.signed.clone(), "why".into(), t)),
        ),
        (
            "description",
            call(|s, w, t| s.report_incident(w.client.clone(), incident_input(&t, past()))),
        ),
        (
            "by",
            call(|s, w, t| {
                s.record_incident_action(
                    w.incident.clone(),
                    IncidentActionInput {
                        action: RequiredAction::AssessRisk,
                        by: t,
                        on: past(),
                        at: None,
                        details: None,
                    },
                )
            }),
        ),
        (
            "details",
            call(|s, w, t| {
                s.record_incident_action(
                    w.incident.clone(),
                    IncidentActionInput {
                        action: RequiredAction::AssessRisk,
                        by: "Sam".into(),
                        on: past(),
                        at: None,
                        details: Some(t),
                    },
                )
            }),
        ),
        (
            "outcome",
            call(|s, w, t| s.close_incident(w.incident.clone(), past(), Some(t))),
        ),
        ("name", resource(|i, t| i.name = t)),
        ("contact", resource(|i, t| i.contact = Some(t))),
        ("hours", resource(|i, t| i.hours = Some(t))),
        ("notes", resource(|i, t| i.notes = Some(t))),
        (
            "name",
            call(|s, w, t| s.update_resource(w.resource.clone(), resource_input(&t))),
        ),
        (
            "reason",
            call(|s, w, t| {
                s.refer(
                    w.client.clone(),
                    ReferralInput {
                        resource_id: w.resource.clone(),
                        reason: Some(t),
                        made_on: past(),
                        follow_up_due: None,
                    },
                )
            }),
        ),
        (
            "outcome",
            call(|s, w, t| {
                s.set_referral_status(
                    w.referral.clone(),
                    ReferralStatus::Completed,
                    past(),
                    Some(t),
                )
            }),
        ),
    ]
}

/// Everything the worker can see, to show that a refused call wrote nothing.
fn everything(s: &WorkerSession) -> String {
    let mut out = String::new();
    for c in s.clients().unwrap().clients {
        out += &serde_json::to_string(&c).unwrap();
        out += &serde_json::to_string(&s.timeline(c.id.clone(), 0, 200).unwrap()).unwrap();
        out += &serde_json::to_string(&s.plan_screen(c.id.clone(), past()).unwrap()).unwrap();
        out += &serde_json::to_string(&s.incidents(c.id.clone()).unwrap()).unwrap();
        out += &serde_json::to_string(&s.referrals(c.id.clone()).unwrap()).unwrap();
    }
    out += &serde_json::to_string(&s.resources(None, None).unwrap()).unwrap();
    out
}

fn assert_invalid(r: Result<(), Error>, field: &str, what: &str) -> Rule {
    match r {
        Err(Error::Invalid { field: f, rule, .. }) if f == field => rule,
        other => panic!("{what}: expected Invalid naming {field}, got {other:?}"),
    }
}

#[test]
fn control_characters_are_refused_in_every_text_field_naming_it() {
    let (_tmp, _vault, s) = new_vault();
    let w = world(&s);
    let before = everything(&s);
    let fields = every_text_field();
    for (field, call) in &fields {
        for &c in HIDDEN {
            for text in [
                format!("Ro{c}bin"),
                format!("{c}Robin"),
                format!("Robin{c}"),
                format!(" {c} "),
            ] {
                let what = format!("{field} with U+{:04X}", c as u32);
                let rule = assert_invalid(call(&s, &w, text), field, &what);
                assert!(matches!(rule, Rule::Format { .. }), "{what}: {rule:?}");
            }
        }
    }
    assert_eq!(everything(&s), before, "a refused call wrote something");
    // The same calls with ordinary text pass (so each one above failed on the character alone),
    // and so do the marks right-to-left writing needs. Each on records of its own.
    for (field, call) in &fields {
        let w = world(&s);
        call(&s, &w, "Robin \u{200f}روبن\u{200e}".into())
            .unwrap_or_else(|e| panic!("{field}: plain text refused: {e:?}"));
    }
}

#[test]
fn newlines_and_tabs_stay_in_free_text_but_not_in_one_line_fields() {
    let (_tmp, _vault, s) = new_vault();
    let w = world(&s);
    let note = s
        .add_note(w.client.clone(), None, "first line\n\tindented".into())
        .unwrap();
    assert_eq!(note.note.text, "first line\n\tindented");
    for name in ["Ro\nbin", "Ro\tbin"] {
        assert_invalid(
            s.add_client(ClientInput::named(name)).map(drop),
            "preferred_name",
            name,
        );
    }
}

#[test]
fn shared_mode_refuses_control_characters_too() {
    let (_tmp, _vault, s) = new_vault();
    let w = world(&s);
    let shared = s.open_shared(w.client.clone(), None).unwrap();
    for &c in HIDDEN {
        let text = format!("walking{c}");
        assert_invalid(
            shared.add_entry(EntryKind::Reflection, text.clone(), None, past()),
            "text",
            "entry",
        );
        assert_invalid(
            shared.rate(w.goal.clone(), past(), 5, Some(text)),
            "words",
            "rating",
        );
    }
    let screen = shared.screen(past()).unwrap();
    assert!(screen.my_entries.is_empty() && screen.goals[0].my_ratings.is_empty());
}

#[test]
fn impossible_dates_and_times_are_refused_naming_the_rule() {
    for bad in [
        "0000-01-01",
        "10000-01-01",
        "+10000-01-01",
        "1899-12-31",
        "-0001-01-01",
        "2026-02-30",
        "2026-1-5",
        "2026-01-05T00:00",
        "20260105",
    ] {
        match Day::parse("on", bad) {
            Err(Error::Invalid {
                field,
                rule: Rule::Format { expected },
                ..
            }) => {
                assert_eq!(field, "on");
                assert!(expected.contains("YYYY-MM-DD"), "{expected}");
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
    for good in ["1900-01-01", "9999-12-31", " 2026-11-24 "] {
        assert!(Day::parse("on", good).is_ok(), "{good}");
    }
    // Seconds are never cut off silently: a time is to the minute, or refused.
    for bad in [
        "10:30:45",
        "10:30:00.5",
        "23:59:60",
        "24:00",
        "9:5",
        "10:3",
        "10h30",
    ] {
        assert!(
            matches!(
                ClockTime::parse("at", bad),
                Err(Error::Invalid { ref field, rule: Rule::Format { .. }, .. }) if field == "at"
            ),
            "{bad}"
        );
    }
    assert_eq!(
        ClockTime::parse("at", "10:30:00").unwrap(),
        ClockTime::from_hm(10, 30).unwrap()
    );
    assert_eq!(
        ClockTime::parse("at", "07:05").unwrap().to_string(),
        "07:05"
    );
}

#[test]
fn ratings_and_incidents_dated_in_the_future_are_refused() {
    let (_tmp, _vault, s) = new_vault();
    let w = world(&s);
    let tomorrow = Day::today().add_days(1);
    let before = everything(&s);
    let future_rating = |by| RatingInput {
        on: tomorrow,
        score: 5,
        by,
        words: None,
    };
    let rule = assert_invalid(
        s.rate_goal(w.goal.clone(), future_rating(Author::Worker))
            .map(drop),
        "on",
        "rating",
    );
    assert!(matches!(rule, Rule::NotAfter { .. }), "{rule:?}");
    let rule = assert_invalid(
        s.report_incident(w.client.clone(), incident_input("fell", tomorrow))
            .map(drop),
        "occurred_on",
        "incident",
    );
    assert!(matches!(rule, Rule::NotAfter { .. }), "{rule:?}");
    assert_invalid(
        s.record_incident_action(
            w.incident.clone(),
            IncidentActionInput {
                action: RequiredAction::AssessRisk,
                by: "Sam".into(),
                on: tomorrow,
                at: None,
                details: None,
            },
        )
        .map(drop),
        "on",
        "incident action",
    );
    assert_invalid(
        s.close_incident(w.incident.clone(), tomorrow, None)
            .map(drop),
        "on",
        "closing an incident",
    );
    assert_eq!(everything(&s), before);
    // Today itself is fine.
    s.rate_goal(
        w.goal.clone(),
        RatingInput {
            on: Day::today(),
            ..future_rating(Author::Worker)
        },
    )
    .unwrap();
    // The client in shared mode cannot date a rating ahead either.
    let shared = s.open_shared(w.client.clone(), None).unwrap();
    assert_invalid(
        shared.rate(w.goal.clone(), tomorrow, 5, None),
        "on",
        "shared rating",
    );
    assert_eq!(day("2026-11-24").to_string(), "2026-11-24");
}
