//! The caseload and recovery plans, driven through the public API as a worker would.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{AreaAssessment, AssessmentInput, LifeArea, Risk, RiskLevel};
use alongside_core::{Author, GoalInput, GoalStatus, RatingInput, ReviewInput};
use alongside_core::{ClientInput, ClientStatus, Consent, Contact};
use alongside_core::{Day, Error, Rule};
use alongside_core::{DueKind, Trend};

use common::worker::{assert_rule, day, vault};

fn goal(area: LifeArea, words: &str, target: Option<&str>) -> GoalInput {
    GoalInput {
        area,
        client_words: words.into(),
        worker_step: None,
        measure: None,
        target_date: target.map(day),
        visible_to_client: None,
    }
}

fn rating(on: Day, score: u8, by: Author) -> RatingInput {
    RatingInput {
        on,
        score: score.into(),
        by,
        words: None,
    }
}

/// The example from the field: a woman in transitional housing with anxiety and a history of
/// domestic violence; goals for housing, work and confidence on transport; six months later,
/// subsidised housing, part-time work and more confidence.
#[test]
fn six_months_of_a_recovery_plan() {
    let (_dir, _vault, s) = vault();
    let start = day("2026-03-02");
    let amira = s
        .add_client(ClientInput {
            preferred_name: "Amira".into(),
            pronouns: Some("she/her".into()),
            language: Some("en-GB".into()),
            contacts: vec![Contact {
                name: "Counselling service".into(),
                relationship: Some("counsellor".into()),
                phone: None,
                notes: None,
            }],
            consents: vec![Consent {
                with_whom: "Housing office".into(),
                what: "Housing application status".into(),
                until: Some(day("2026-12-31")),
            }],
            ..Default::default()
        })
        .unwrap();

    s.add_assessment(
        amira.id.clone(),
        AssessmentInput {
            on: start,
            areas: vec![
                AreaAssessment {
                    area: LifeArea::Housing,
                    needs: Some("Transitional housing ends in the autumn".into()),
                    strengths: Some("Keeps her room tidy and pays her share on time".into()),
                    risks: vec![],
                    client_words: Some("I want a place that is mine".into()),
                },
                AreaAssessment {
                    area: LifeArea::Safety,
                    needs: None,
                    strengths: Some("Knows her safety plan by heart".into()),
                    risks: vec![Risk {
                        description: "Former partner lives nearby".into(),
                        level: RiskLevel::Medium,
                    }],
                    client_words: None,
                },
            ],
            client_words: Some("I am stronger than I was".into()),
        },
    )
    .unwrap();
    let assessments = s.assessments(amira.id.clone()).unwrap();
    assert_eq!(assessments.len(), 1);
    assert_eq!(
        assessments[0].areas[0].strengths.as_deref(),
        Some("Keeps her room tidy and pays her share on time")
    );

    let plan = s
        .create_plan(amira.id.clone(), start, day("2026-06-01"))
        .unwrap();
    let housing = s
        .add_goal(
            amira.id.clone(),
            plan.id.clone(),
            goal(LifeArea::Housing, "A flat of my own", Some("2026-09-30")),
        )
        .unwrap();
    let work = s
        .add_goal(
            amira.id.clone(),
            plan.id.clone(),
            goal(
                LifeArea::WorkEducation,
                "Part-time work",
                Some("2026-08-31"),
            ),
        )
        .unwrap();
    let transport = s
        .add_goal(
            amira.id.clone(),
            plan.id.clone(),
            GoalInput {
                worker_step: Some("One bus stop with me, then two, then alone".into()),
                measure: Some("Journeys made alone each week".into()),
                ..goal(
                    LifeArea::MentalHealth,
                    "Take the bus without panicking",
                    Some("2026-07-31"),
                )
            },
        )
        .unwrap();
    s.add_step(transport.id.clone(), "Ride one stop together".into())
        .unwrap();
    let with_steps = s
        .add_step(transport.id.clone(), "Ride one stop alone".into())
        .unwrap();
    assert_eq!(with_steps.steps.len(), 2);

    // The plan screen before any rating.
    let screen = s.plan_screen(amira.id.clone(), start).unwrap();
    assert_eq!(screen.preferred_name, "Amira");
    assert_eq!(screen.goals.len(), 3);
    assert_eq!(
        screen.goals[0].client_words,
        "Take the bus without panicking"
    ); // soonest target first
    assert!(screen
        .goals
        .iter()
        .all(|g| g.latest_client_rating.is_none() && g.client_trend == Trend::NotEnough));

    // Six months of monthly ratings from both sides, kept apart.
    for month in 0..6u32 {
        let on = Day::from_ymd(2026, 3 + month, 15).unwrap();
        let m = month as u8;
        s.rate_goal(housing.id.clone(), rating(on, 2 + m, Author::Client))
            .unwrap();
        s.rate_goal(housing.id.clone(), rating(on, 3 + m, Author::Worker))
            .unwrap();
        s.rate_goal(work.id.clone(), rating(on, 1 + m, Author::Client))
            .unwrap();
        s.rate_goal(
            transport.id.clone(),
            rating(on, (3 + m).min(7), Author::Client),
        )
        .unwrap();
        s.rate_goal(transport.id.clone(), rating(on, 4, Author::Worker))
            .unwrap();
    }
    let screen = s.plan_screen(amira.id.clone(), day("2026-08-20")).unwrap();
    let card = |id: &str| {
        screen
            .goals
            .iter()
            .find(|g| g.goal_id == id)
            .unwrap()
            .clone()
    };
    let h = card(&housing.id);
    assert_eq!(h.latest_client_rating.as_ref().map(|r| r.score), Some(7));
    assert_eq!(h.latest_worker_rating.as_ref().map(|r| r.score), Some(8));
    assert_eq!((h.client_trend, h.worker_trend), (Trend::Up, Trend::Up));
    let t = card(&transport.id);
    assert_eq!((t.client_trend, t.worker_trend), (Trend::Same, Trend::Same));
    assert!(card(&work.id).latest_worker_rating.is_none());
    assert!(screen.review_overdue);
    assert_eq!(s.ratings(housing.id.clone()).unwrap().len(), 12);

    // The review screen shows what moved since the plan started, from both sides.
    let review = s
        .review_screen(amira.id.clone(), day("2026-08-20"))
        .unwrap();
    assert_eq!(review.since, start);
    assert!(review.days_until_due < 0);
    let row = review
        .goals
        .iter()
        .find(|g| g.goal_id == housing.id)
        .unwrap();
    assert_eq!((row.client_change, row.worker_change), (Some(5), Some(5)));
    assert_eq!(row.client_ratings.len(), 6);

    // Achievements, then the review files version 1 and starts version 2.
    s.set_goal_status(
        work.id.clone(),
        GoalStatus::Achieved {
            on: day("2026-08-10"),
        },
    )
    .unwrap();
    s.set_goal_status(
        housing.id.clone(),
        GoalStatus::Achieved {
            on: day("2026-08-18"),
        },
    )
    .unwrap();
    let r = s
        .review_plan(
            plan.id.clone(),
            ReviewInput {
                on: day("2026-08-20"),
                what_changed: "Moved to subsidised housing; started part-time work".into(),
                why: "Both goals met; transport goal continues at her pace".into(),
                next_due: day("2026-11-20"),
            },
        )
        .unwrap();
    assert_eq!(r.plan_version, 1);
    let plan_now = s.plan(amira.id.clone()).unwrap().unwrap();
    assert_eq!(
        (plan_now.version, plan_now.review_due),
        (2, day("2026-11-20"))
    );
    let versions = s.plan_versions(amira.id.clone()).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].goals.len(), 3);
    assert!(versions[0].goals.iter().any(|g| g.status
        == GoalStatus::Achieved {
            on: day("2026-08-18")
        }));

    let screen = s.plan_screen(amira.id.clone(), day("2026-08-21")).unwrap();
    assert!(!screen.review_overdue);
    assert_eq!(screen.goals[0].goal_id, transport.id); // active goals before achieved ones
    assert_eq!(
        alongside_core::plain(&screen.goals[1].status_label),
        "Achieved 2026-08-10"
    );
    let review = s
        .review_screen(amira.id.clone(), day("2026-08-21"))
        .unwrap();
    assert_eq!(review.since, day("2026-08-20"));
    assert_eq!(review.versions.len(), 1);
    assert!(review.goals.iter().all(|g| g.client_ratings.is_empty()));

    // The caseload row names the next thing due.
    let rows = s.caseload(day("2026-08-21")).unwrap().rows;
    assert_eq!(rows.len(), 1);
    let next = rows[0].next_due.as_ref().unwrap();
    assert_eq!(
        (next.kind, next.on),
        (DueKind::GoalTarget, day("2026-07-31"))
    );
    assert!(next.overdue);
    assert_eq!(rows[0].active_goals, 1);
}

#[test]
fn caseload_sorts_active_clients_by_what_is_due() {
    let (_dir, _vault, s) = vault();
    let today = day("2026-05-01");
    let mut ids = Vec::new();
    for (name, review) in [
        ("Bea", "2026-06-01"),
        ("Cal", "2026-05-10"),
        ("Ann", "2026-07-01"),
    ] {
        let c = s.add_client(ClientInput::named(name)).unwrap();
        s.create_plan(c.id.clone(), day("2026-04-01"), day(review))
            .unwrap();
        ids.push(c.id);
    }
    let dee = s.add_client(ClientInput::named("Dee")).unwrap();
    s.set_client_status(ids[1].clone(), ClientStatus::Discharged { on: today })
        .unwrap();
    let names: Vec<String> = s
        .caseload(today)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.preferred_name)
        .collect();
    assert_eq!(names, ["Bea", "Ann", "Dee", "Cal"]);
    assert_eq!(s.clients().unwrap().clients.len(), 4);
    // Discharge keeps the record.
    assert!(matches!(
        s.client(ids[1].clone()).unwrap().status,
        ClientStatus::Discharged { .. }
    ));
    assert!(s
        .caseload(today)
        .unwrap()
        .rows
        .iter()
        .any(|r| r.client_id == dee.id && r.next_due.is_none()));
}

#[test]
fn every_rule_has_its_typed_error() {
    let (_dir, _vault, s) = vault();
    assert_rule(
        s.add_client(ClientInput::named("   ")),
        "preferred_name",
        Rule::Required,
    );
    assert_rule(
        s.add_client(ClientInput::named(&"x".repeat(201))),
        "preferred_name",
        Rule::TooLong { max: 200 },
    );
    let bad_language = ClientInput {
        language: Some("english please".into()),
        ..ClientInput::named("Kim")
    };
    assert!(
        matches!(s.add_client(bad_language), Err(Error::Invalid { field, rule: Rule::Format { .. }, .. }) if field == "language")
    );
    assert_rule(
        s.add_client(ClientInput {
            contacts: vec![Contact {
                name: "".into(),
                relationship: None,
                phone: None,
                notes: None,
            }],
            ..ClientInput::named("Kim")
        }),
        "contacts.name",
        Rule::Required,
    );

    let kim = s.add_client(ClientInput::named("Kim")).unwrap();
    let lee = s.add_client(ClientInput::named("Lee")).unwrap();
    assert!(
        matches!(s.client("not-an-id".into()), Err(Error::Invalid { field, .. }) if field == "client_id")
    );
    assert!(matches!(s.client(uuid_like()), Err(Error::NotFound { kind, .. }) if kind == "client"));

    assert_rule(
        s.add_assessment(
            kim.id.clone(),
            AssessmentInput {
                on: day("2026-01-01"),
                areas: vec![],
                client_words: None,
            },
        ),
        "areas",
        Rule::Required,
    );

    assert_rule(
        s.create_plan(kim.id.clone(), day("2026-02-01"), day("2026-01-01")),
        "review_due",
        Rule::NotBefore {
            other: "the day after the plan starts".into(),
        },
    );
    let plan = s
        .create_plan(kim.id.clone(), day("2026-02-01"), day("2026-05-01"))
        .unwrap();
    assert!(matches!(
        s.create_plan(kim.id.clone(), day("2026-02-01"), day("2026-05-01")),
        Err(Error::Invalid {
            rule: Rule::NotAllowed { .. },
            ..
        })
    ));
    let lee_plan = s
        .create_plan(lee.id.clone(), day("2026-02-01"), day("2026-05-01"))
        .unwrap();

    assert_rule(
        s.add_goal(
            kim.id.clone(),
            plan.id.clone(),
            goal(LifeArea::Money, " \n", None),
        ),
        "client_words",
        Rule::Required,
    );
    assert_rule(
        s.add_goal(
            kim.id.clone(),
            plan.id.clone(),
            goal(LifeArea::Money, "Save a little", Some("2026-01-15")),
        ),
        "target_date",
        Rule::NotBefore {
            other: "the plan's start".into(),
        },
    );
    // A goal of one client attached to another's plan.
    assert_rule(
        s.add_goal(
            kim.id.clone(),
            lee_plan.id.clone(),
            goal(LifeArea::Money, "Save", None),
        ),
        "plan_id",
        Rule::WrongOwner,
    );

    let g = s
        .add_goal(
            kim.id.clone(),
            plan.id.clone(),
            goal(LifeArea::Money, "Save a little", None),
        )
        .unwrap();
    for bad in [0u8, 11, 255] {
        assert_rule(
            s.rate_goal(g.id.clone(), rating(day("2026-03-01"), bad, Author::Client)),
            "score",
            Rule::OutOfRange { min: 1, max: 10 },
        );
    }
    assert_rule(
        s.set_goal_status(g.id.clone(), GoalStatus::Dropped { reason: "".into() }),
        "reason",
        Rule::Required,
    );
    s.set_goal_status(
        g.id.clone(),
        GoalStatus::Dropped {
            reason: "Kim chose another goal".into(),
        },
    )
    .unwrap();
    assert!(matches!(
        s.add_step(g.id.clone(), "Open an account".into()),
        Err(Error::Invalid {
            rule: Rule::NotAllowed { .. },
            ..
        })
    ));

    assert_rule(
        s.review_plan(
            plan.id.clone(),
            ReviewInput {
                on: day("2026-04-01"),
                what_changed: "x".into(),
                why: "y".into(),
                next_due: day("2026-03-01"),
            },
        ),
        "next_due",
        Rule::NotBefore {
            other: "the review day".into(),
        },
    );
    assert_rule(
        s.review_plan(
            plan.id.clone(),
            ReviewInput {
                on: day("2026-04-01"),
                what_changed: "".into(),
                why: "y".into(),
                next_due: day("2026-07-01"),
            },
        ),
        "what_changed",
        Rule::Required,
    );
    // Nothing was half-written by any of the failures above.
    assert!(s.plan_versions(kim.id.clone()).unwrap().is_empty());
    assert_eq!(s.plan(kim.id.clone()).unwrap().unwrap().version, 1);
}

fn uuid_like() -> String {
    "00000000-0000-4000-8000-000000000000".into()
}

#[test]
fn text_keeps_any_unicode_exactly() {
    let (_dir, _vault, s) = vault();
    let samples = [
        "سارة",
        "Zoë\u{0301}",
        "अनु 🌱",
        "李小龍",
        "e\u{0301}\u{0327}",
    ];
    for name in samples {
        let c = s.add_client(ClientInput::named(name)).unwrap();
        assert_eq!(s.client(c.id.clone()).unwrap().preferred_name, name);
        let plan = s
            .create_plan(c.id.clone(), day("2026-01-01"), day("2026-04-01"))
            .unwrap();
        let words = format!("{name} — أريد بيتًا 🏠\nsecond line  ");
        let g = s
            .add_goal(c.id.clone(), plan.id, goal(LifeArea::Housing, &words, None))
            .unwrap();
        assert_eq!(
            s.plan_screen(c.id, day("2026-01-02")).unwrap().goals[0].client_words,
            words
        );
        assert_eq!(g.client_words, words);
    }
}

fn read_all(dir: &std::path::Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn erase_leaves_nothing_of_the_client() {
    let (dir, vault, s) = vault();
    let keep = s.add_client(ClientInput::named("Stays")).unwrap();
    let gone = s
        .add_client(ClientInput {
            legal_name: Some("Erased Person".into()),
            ..ClientInput::named("Goes")
        })
        .unwrap();
    let plan = s
        .create_plan(gone.id.clone(), day("2026-01-01"), day("2026-04-01"))
        .unwrap();
    let g = s
        .add_goal(
            gone.id.clone(),
            plan.id.clone(),
            goal(LifeArea::Legal, "Settle the fine", None),
        )
        .unwrap();
    s.rate_goal(g.id.clone(), rating(day("2026-02-01"), 4, Author::Client))
        .unwrap();
    s.add_assessment(
        gone.id.clone(),
        AssessmentInput {
            on: day("2026-01-01"),
            areas: vec![AreaAssessment {
                area: LifeArea::Legal,
                needs: Some("A fine".into()),
                strengths: None,
                risks: vec![],
                client_words: None,
            }],
            client_words: None,
        },
    )
    .unwrap();

    s.erase_client(gone.id.clone()).unwrap();
    assert!(matches!(
        s.client(gone.id.clone()),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        s.plan_screen(gone.id.clone(), day("2026-02-02")),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        s.ratings(g.id.clone()),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        s.clients()
            .unwrap()
            .clients
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>(),
        std::slice::from_ref(&keep.id)
    );
    let report = s.verify_audit().unwrap();
    assert!(report.ok, "{report:?}");

    // Not even the random ids of the erased records remain in any file.
    let ids = [gone.id.clone(), plan.id.clone(), g.id.clone()];
    let bytes = read_all(dir.path());
    for id in &ids {
        assert!(
            !contains(&bytes, id.as_bytes()),
            "an erased id is still on disk"
        );
    }
    assert!(contains(&bytes, keep.id.as_bytes()));
    vault.lock();
    drop(s);
    drop(vault);
    let bytes = read_all(dir.path());
    for id in &ids {
        assert!(!contains(&bytes, id.as_bytes()));
    }
}
