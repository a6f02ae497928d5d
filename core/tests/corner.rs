//! The worker's own corner: private debriefs, the heavy-week signal and its no-nag rule,
//! supervision actions and certifications on Today, working hours (off duty), and the boundary
//! card in shared mode. All through the public API.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{
    plain, ActivityInput, ActivityKind, ActivityStatus, BackupOptions, CertificationInput,
    ClientInput, CornerSettings, DebriefInput, DebriefOccasion, Duty, Error, FollowUpInput,
    HeavyReasonKind, HeavyWeekThresholds, IncidentInput, IncidentKind, KdfCost, Lang,
    ResourceCategory, Rule, Scheduling, SuggestionKind, SupervisionActionInput, SupervisionInput,
    WorkerSession, WorkingHours,
};
use common::worker::{assert_rule, client, day, resource, time, vault};

/// Monday of ISO week 2026-W48.
const MONDAY: &str = "2026-11-23";

fn debrief(on: &str, score: i32, words: &str) -> DebriefInput {
    DebriefInput {
        day: day(on),
        occasion: DebriefOccasion::EndOfDay,
        score,
        words: Some(words.into()),
        what_helped: Some(format!("{words} helped")),
        for_myself: Some(format!("{words} for me")),
        took_break: None,
        share_with_supervisor: false,
    }
}

fn weekdays_nine_to_five() -> CornerSettings {
    CornerSettings {
        working_hours: Some(WorkingHours {
            days: vec![5, 1, 2, 3, 4, 3],
            start: time("09:00"),
            end: time("17:00"),
        }),
        ..CornerSettings::default()
    }
}

fn crisis(s: &WorkerSession, client_id: &str, on: &str, at: &str, minutes: i32) {
    s.add_activity(
        client_id.into(),
        ActivityInput {
            scheduling: Scheduling::Emergency,
            status: Some(ActivityStatus::Done),
            time: Some(time(at)),
            duration_minutes: Some(minutes),
            ..ActivityInput::new(ActivityKind::CrisisResponse, day(on), vec![Duty::Advocate])
        },
    )
    .unwrap();
}

#[test]
fn debriefs_are_private_records_that_belong_to_no_client() {
    let (dir, _vault, s) = vault();
    let robin = client(&s, "Robin");
    let first = s.add_debrief(debrief(MONDAY, 4, "long day")).unwrap();
    // A score out of range is refused by the rule, never wrapped into range on the way in.
    for score in [0, 11, 260, -1] {
        assert_rule(
            s.add_debrief(debrief(MONDAY, score, "x")),
            "score",
            Rule::OutOfRange { min: 1, max: 10 },
        );
    }
    let mut second_input = debrief("2026-11-24", 8, "lighter");
    second_input.occasion = DebriefOccasion::AfterCrisis;
    let second = s.add_debrief(second_input.clone()).unwrap();
    assert_eq!(
        s.debriefs()
            .unwrap()
            .iter()
            .map(|d| &d.id)
            .collect::<Vec<_>>(),
        vec![&second.id, &first.id],
        "newest day first"
    );

    // The scale is the same neutral 1 to 10; a debrief is never about a day to come.
    assert_rule(
        s.add_debrief(debrief(MONDAY, 0, "x")),
        "score",
        Rule::OutOfRange { min: 1, max: 10 },
    );
    assert_rule(
        s.add_debrief(debrief(MONDAY, 11, "x")),
        "score",
        Rule::OutOfRange { min: 1, max: 10 },
    );
    let tomorrow = alongside_core::Day::today().add_days(1).to_string();
    assert!(matches!(
        s.add_debrief(debrief(&tomorrow, 5, "x")),
        Err(Error::Invalid { field, .. }) if field == "day"
    ));

    // The share flag is stored for the sync to come.
    second_input.share_with_supervisor = true;
    let shared = s.update_debrief(second.id.clone(), second_input).unwrap();
    assert!(shared.share_with_supervisor);
    assert_eq!(shared.recorded, second.recorded);
    let screen = s.corner(day("2026-11-24"), None, Lang::En).unwrap();
    assert_eq!(screen.recent_debriefs.len(), 2);
    assert_eq!(
        screen.recent_debriefs[0].share_label.as_deref(),
        Some("Marked to share with your supervisor")
    );
    assert_eq!(plain(&screen.recent_debriefs[0].score_label), "8 out of 10");

    // No client owns them: the rows' owner column is empty, and erasing a client keeps them.
    let owners: Vec<Option<String>> = common::raw(dir.path())
        .prepare("SELECT owner FROM records WHERE kind = 'debrief'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(owners, vec![None, None]);
    s.erase_client(robin).unwrap();
    assert_eq!(s.debriefs().unwrap().len(), 2);

    s.delete_debrief(first.id.clone()).unwrap();
    assert_eq!(s.debriefs().unwrap().len(), 1);
    assert!(matches!(
        s.delete_debrief(first.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn no_debrief_text_reaches_any_shared_mode_answer() {
    let (_dir, _vault, s) = vault();
    let robin = s
        .add_client(ClientInput {
            language: Some("fr".into()),
            ..ClientInput::named("Robin")
        })
        .unwrap()
        .id;
    s.add_resource(resource("Agency office", ResourceCategory::Agency, &["fr"]))
        .unwrap();
    s.add_resource(resource("Night line", ResourceCategory::CrisisLine, &[]))
        .unwrap();
    let mut input = debrief(MONDAY, 2, "PRIVATEMARK words");
    input.share_with_supervisor = true;
    s.add_debrief(input).unwrap();
    s.add_supervision(SupervisionInput {
        day: day(MONDAY),
        with_whom: "PRIVATEMARK supervisor".into(),
        topics: vec!["PRIVATEMARK topic".into()],
        held: true,
        notes: Some("PRIVATEMARK notes".into()),
        actions: vec![SupervisionActionInput {
            what: "PRIVATEMARK action".into(),
            due: Some(day(MONDAY)),
        }],
    })
    .unwrap();
    s.add_certification(CertificationInput {
        name: "PRIVATEMARK first aid".into(),
        expires: Some(day("2026-12-01")),
        notes: Some("PRIVATEMARK".into()),
    })
    .unwrap();
    // The worker's own screens show them (so the marker is really there to find)...
    let corner = serde_json::to_string(&s.corner(day(MONDAY), None, Lang::En).unwrap()).unwrap();
    assert!(corner.contains("PRIVATEMARK words"));

    // ...and nothing the client's copy of their plan (made on the worker's side for the client
    // to keep) or shared mode's answers do, whatever the client asks.
    let mut answers = Vec::new();
    for offset in [0, 7] {
        answers.push(
            s.client_copy(robin.clone(), day(MONDAY).add_days(offset))
                .unwrap(),
        );
    }
    let shared = s.open_shared(robin, None).unwrap();
    for offset in [-30, -7, 0, 1, 7, 60] {
        let on = day(MONDAY).add_days(offset);
        answers.push(serde_json::to_string(&shared.screen(on).unwrap()).unwrap());
    }
    answers.push(serde_json::to_string(&shared.boundary_card().unwrap()).unwrap());
    let refused = shared
        .rate("not-a-goal".into(), day(MONDAY), 5, None)
        .unwrap_err();
    answers.push(format!("{refused:?} {refused}"));
    answers.push(shared.error_message(refused));
    for answer in &answers {
        assert!(
            !answer.contains("PRIVATEMARK"),
            "the client's copy or shared mode showed: {answer}"
        );
    }
}

#[test]
fn a_heavy_week_names_its_reasons_and_suggests_support() {
    let (_dir, _vault, s) = vault();
    let robin = client(&s, "Robin");
    s.set_corner_settings(weekdays_nine_to_five()).unwrap();
    let light = s.heavy_week(day(MONDAY), Lang::En).unwrap();
    assert_eq!(light, None, "an empty week is not heavy");

    // Two crisis responses (both emergencies), one running to 18:30 past the 17:00 end.
    crisis(&s, &robin, MONDAY, "10:00", 60);
    crisis(&s, &robin, "2026-11-25", "16:30", 120);
    // Two incidents this week, one the week before (not counted).
    for on in [MONDAY, "2026-11-26", "2026-11-20"] {
        s.report_incident(
            robin.clone(),
            IncidentInput {
                kind: IncidentKind::Crisis,
                occurred_on: day(on),
                occurred_at: None,
                description: "A hard moment".into(),
                activity_id: None,
            },
        )
        .unwrap();
    }
    // Two days that sat heavily, one said to be without a break.
    s.add_debrief(debrief("2026-11-24", 2, "heavy")).unwrap();
    let mut no_break = debrief("2026-11-26", 3, "heavy again");
    no_break.took_break = Some(false);
    s.add_debrief(no_break).unwrap();
    s.add_debrief(debrief("2026-11-27", 9, "fine")).unwrap();

    let week = s.heavy_week(day("2026-11-27"), Lang::En).unwrap().unwrap();
    assert_eq!(week.week, "2026-W48");
    assert_eq!(week.week_start, day(MONDAY));
    let reasons: Vec<(HeavyReasonKind, u32, String)> = week
        .reasons
        .iter()
        .map(|r| (r.kind, r.count, plain(&r.label)))
        .collect();
    // Defaults: 2 crisis responses, 2 incidents, 2 heavy debriefs reach their thresholds; 2
    // emergency visits (of 3), 1 late finish (of 3) and 1 day without a break (of 3) do not.
    assert_eq!(
        reasons,
        vec![
            (
                HeavyReasonKind::CrisisResponses,
                2,
                "2 crisis responses".into()
            ),
            (HeavyReasonKind::Incidents, 2, "2 incidents".into()),
            (
                HeavyReasonKind::HeavyDebriefs,
                2,
                "2 days that sat heavily with you".into()
            ),
        ]
    );
    let kinds: Vec<SuggestionKind> = week.suggestions.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        vec![
            SuggestionKind::Break,
            SuggestionKind::ColleagueDebrief,
            SuggestionKind::BookSupervision
        ],
        "no assistance line in the directory, so none is offered"
    );

    // Thresholds are settings: lower them and the other counts become reasons; 0 leaves one out.
    let mut settings = weekdays_nine_to_five();
    settings.heavy_week = HeavyWeekThresholds {
        crisis_responses: 0,
        emergency_visits: 2,
        late_finishes: 1,
        days_without_break: 1,
        ..HeavyWeekThresholds::default()
    };
    s.set_corner_settings(settings).unwrap();
    s.add_resource(resource(
        "Staff support line",
        ResourceCategory::EmployeeAssistance,
        &[],
    ))
    .unwrap();
    let week = s.heavy_week(day(MONDAY), Lang::En).unwrap().unwrap();
    let kinds: Vec<(HeavyReasonKind, u32)> =
        week.reasons.iter().map(|r| (r.kind, r.count)).collect();
    assert_eq!(
        kinds,
        vec![
            (HeavyReasonKind::Incidents, 2),
            (HeavyReasonKind::EmergencyVisits, 2),
            (HeavyReasonKind::LateFinishes, 1),
            (HeavyReasonKind::DaysWithoutBreak, 1),
            (HeavyReasonKind::HeavyDebriefs, 2),
        ]
    );
    let line = week.suggestions.last().unwrap();
    assert_eq!(line.kind, SuggestionKind::EmployeeAssistance);
    assert!(line.label.contains("Staff support line"));
    assert_eq!(line.contact.as_deref(), Some("0161 000 0000"));

    // In the worker's other languages too.
    let fr = s.heavy_week(day(MONDAY), Lang::Fr).unwrap().unwrap();
    assert_eq!(fr.title, "Cette semaine a été lourde");
    let ar = s.heavy_week(day(MONDAY), Lang::Ar).unwrap().unwrap();
    assert_eq!(ar.title, "كان هذا أسبوعًا ثقيلًا");
}

#[test]
fn a_dismissed_week_never_asks_again() {
    let (_dir, _vault, s) = vault();
    let robin = client(&s, "Robin");
    crisis(&s, &robin, MONDAY, "10:00", 30);
    crisis(&s, &robin, "2026-11-24", "10:00", 30);
    assert!(s.heavy_week(day(MONDAY), Lang::En).unwrap().is_some());
    assert!(s
        .today_at(day(MONDAY), None)
        .unwrap()
        .corner
        .heavy_week
        .is_some());

    s.dismiss_heavy_week(day("2026-11-25")).unwrap();
    // Any day of that ISO week, and however the week goes on: not again.
    crisis(&s, &robin, "2026-11-26", "10:00", 30);
    for offset in 0..7 {
        let on = day(MONDAY).add_days(offset);
        assert_eq!(s.heavy_week(on, Lang::En).unwrap(), None);
        assert_eq!(s.today_at(on, None).unwrap().corner.heavy_week, None);
        assert_eq!(s.corner(on, None, Lang::En).unwrap().heavy_week, None);
    }
    // Dismissing twice is harmless; the next heavy week is its own.
    s.dismiss_heavy_week(day(MONDAY)).unwrap();
    crisis(&s, &robin, "2026-11-30", "10:00", 30);
    crisis(&s, &robin, "2026-12-01", "10:00", 30);
    let next = s.heavy_week(day("2026-12-01"), Lang::En).unwrap().unwrap();
    assert_eq!(next.week, "2026-W49");
}

#[test]
fn off_duty_today_shows_no_reminders_and_a_crisis_can_still_be_logged() {
    let (_dir, _vault, s) = vault();
    let robin = client(&s, "Robin");
    let visit = s
        .add_activity(
            robin.clone(),
            ActivityInput::new(ActivityKind::PhoneOrVideo, day(MONDAY), vec![Duty::Educate]),
        )
        .unwrap();
    s.add_follow_up(
        visit.id,
        FollowUpInput {
            what: "Call the landlord".into(),
            due: day(MONDAY),
        },
    )
    .unwrap();
    s.add_supervision(SupervisionInput {
        day: day("2026-11-16"),
        with_whom: "Sam".into(),
        topics: vec![],
        held: true,
        notes: None,
        actions: vec![SupervisionActionInput {
            what: "Read the lone-working policy".into(),
            due: Some(day(MONDAY)),
        }],
    })
    .unwrap();

    // Without working hours the day is never quiet, whatever the time.
    let late = s.today_at(day(MONDAY), Some(time("22:00"))).unwrap();
    assert!(!late.corner.off_duty);
    assert_eq!(late.due_follow_ups.len(), 1);

    s.set_corner_settings(weekdays_nine_to_five()).unwrap();
    let at_work = s.today_at(day(MONDAY), Some(time("10:00"))).unwrap();
    assert!(!at_work.corner.off_duty);
    assert_eq!(at_work.due_follow_ups.len(), 1);
    assert_eq!(at_work.corner.supervision_actions.len(), 1);
    assert_eq!(at_work.corner.supervision_actions[0].due_label, "Due today");

    // A crisis response logged in the evening: it shows; no reminder does.
    crisis(&s, &robin, MONDAY, "20:00", 45);
    let evening = s.today_at(day(MONDAY), Some(time("21:00"))).unwrap();
    assert!(evening.corner.off_duty);
    assert!(evening
        .corner
        .off_duty_label
        .as_deref()
        .unwrap()
        .starts_with("You are off duty"));
    assert!(
        evening.summary.starts_with("Off duty"),
        "{}",
        evening.summary
    );
    assert!(evening.due_follow_ups.is_empty() && evening.overdue_follow_ups.is_empty());
    assert!(evening.corner.supervision_actions.is_empty());
    assert!(evening
        .visits
        .iter()
        .any(|v| v.kind == ActivityKind::CrisisResponse));
    // A Saturday is off duty all day; 17:00 is already off duty, 16:59 is not.
    assert!(
        s.today_at(day("2026-11-28"), Some(time("11:00")))
            .unwrap()
            .corner
            .off_duty
    );
    assert!(
        s.today_at(day(MONDAY), Some(time("17:00")))
            .unwrap()
            .corner
            .off_duty
    );
    assert!(
        !s.today_at(day(MONDAY), Some(time("16:59")))
            .unwrap()
            .corner
            .off_duty
    );
    let corner = s
        .corner(day(MONDAY), Some(time("21:00")), Lang::Es)
        .unwrap();
    assert!(corner.off_duty);
    assert!(corner
        .duty_label
        .unwrap()
        .starts_with("Estás fuera de servicio"));
}

#[test]
fn working_hours_and_thresholds_are_checked() {
    let (_dir, _vault, s) = vault();
    assert_eq!(s.corner_settings().unwrap(), CornerSettings::default());
    let mut bad = weekdays_nine_to_five();
    bad.working_hours.as_mut().unwrap().end = time("08:00");
    assert!(matches!(
        s.set_corner_settings(bad),
        Err(Error::Invalid { field, rule: Rule::NotBefore { .. }, .. }) if field == "working_hours.end"
    ));
    let mut bad = weekdays_nine_to_five();
    bad.working_hours.as_mut().unwrap().days = vec![0];
    assert_rule(
        s.set_corner_settings(bad),
        "working_hours.days",
        Rule::OutOfRange { min: 1, max: 7 },
    );
    let bad = CornerSettings {
        certification_notice_days: 0,
        ..CornerSettings::default()
    };
    assert_rule(
        s.set_corner_settings(bad),
        "certification_notice_days",
        Rule::OutOfRange { min: 1, max: 365 },
    );
    let saved = s.set_corner_settings(weekdays_nine_to_five()).unwrap();
    assert_eq!(saved.working_hours.unwrap().days, vec![1, 2, 3, 4, 5]);
    assert_eq!(
        s.corner_settings().unwrap().working_hours.unwrap().days,
        vec![1, 2, 3, 4, 5]
    );
}

#[test]
fn supervision_actions_come_due_on_today_until_done() {
    let (_dir, _vault, s) = vault();
    let session = s
        .add_supervision(SupervisionInput {
            day: day("2026-11-16"),
            with_whom: "Sam".into(),
            topics: vec!["Caseload size".into(), "  ".into()],
            held: true,
            notes: None,
            actions: vec![
                SupervisionActionInput {
                    what: "Book first-aid refresher".into(),
                    due: Some(day("2026-11-20")),
                },
                SupervisionActionInput {
                    what: "Shadow a colleague".into(),
                    due: Some(day("2026-12-20")),
                },
                SupervisionActionInput {
                    what: "Think about training".into(),
                    due: None,
                },
            ],
        })
        .unwrap();
    assert_eq!(session.topics, vec!["Caseload size"]);
    let today = s.today_at(day(MONDAY), None).unwrap();
    let due: Vec<(&str, String)> = today
        .corner
        .supervision_actions
        .iter()
        .map(|a| (a.action.what.as_str(), plain(&a.due_label)))
        .collect();
    assert_eq!(
        due,
        vec![("Book first-aid refresher", "3 days overdue".to_string())]
    );

    let done = s
        .set_supervision_action_done(
            session.id.clone(),
            session.actions[0].id.clone(),
            Some(day(MONDAY)),
        )
        .unwrap();
    assert_eq!(done.actions[0].done_on, Some(day(MONDAY)));
    assert!(s
        .today_at(day(MONDAY), None)
        .unwrap()
        .corner
        .supervision_actions
        .is_empty());

    // The corner lists every open action; the next planned session and a held one in the future
    // is refused.
    let planned = s
        .add_supervision(SupervisionInput {
            day: day("2099-01-05"),
            with_whom: "Sam".into(),
            topics: vec!["A heavy month".into()],
            held: false,
            notes: None,
            actions: vec![],
        })
        .unwrap();
    let corner = s.corner(day(MONDAY), None, Lang::En).unwrap();
    assert_eq!(corner.open_actions.len(), 2);
    assert_eq!(corner.next_supervision.unwrap().id, planned.id);
    assert_eq!(
        plain(&corner.supervision_label),
        "Next session: 2099-01-05 with Sam"
    );
    assert!(corner.words.supervision_request_note.contains("sync"));
    let mut held_later = SupervisionInput {
        day: day("2099-01-05"),
        with_whom: "Sam".into(),
        topics: vec![],
        held: true,
        notes: None,
        actions: vec![],
    };
    assert!(matches!(
        s.update_supervision(planned.id.clone(), held_later.clone()),
        Err(Error::Invalid { field, .. }) if field == "held"
    ));
    held_later.held = false;
    held_later.actions = vec![SupervisionActionInput {
        what: "Bring the rota".into(),
        due: None,
    }];
    let updated = s.update_supervision(planned.id, held_later).unwrap();
    assert_eq!(updated.actions.len(), 1);
    assert_eq!(s.supervision_sessions().unwrap().len(), 2);
}

#[test]
fn certifications_expiring_within_the_notice_show_on_today() {
    let (_dir, _vault, s) = vault();
    let soon = s
        .add_certification(CertificationInput {
            name: "First aid".into(),
            expires: Some(day("2026-12-23")),
            notes: None,
        })
        .unwrap();
    s.add_certification(CertificationInput {
        name: "Crisis intervention".into(),
        expires: Some(day("2027-03-01")),
        notes: None,
    })
    .unwrap();
    s.add_certification(CertificationInput {
        name: "Driving licence".into(),
        expires: None,
        notes: None,
    })
    .unwrap();
    let names = |d: &str| -> Vec<(String, String)> {
        s.today_at(day(d), None)
            .unwrap()
            .corner
            .certifications_expiring
            .into_iter()
            .map(|r| (r.certification.name, plain(&r.expiry_label)))
            .collect()
    };
    // 30 days ahead is within the default 60; 98 days is not.
    assert_eq!(
        names(MONDAY),
        vec![("First aid".to_string(), "Expires in 30 days".to_string())]
    );
    assert_eq!(
        names("2026-12-25"),
        vec![("First aid".to_string(), "Expired 2 days ago".to_string()),]
    );
    let settings = CornerSettings {
        certification_notice_days: 120,
        ..CornerSettings::default()
    };
    s.set_corner_settings(settings).unwrap();
    assert_eq!(names(MONDAY).len(), 2);

    // Renewed: it leaves Today.
    s.update_certification(
        soon.id,
        CertificationInput {
            name: "First aid".into(),
            expires: Some(day("2029-12-23")),
            notes: Some("Renewed at the Red Cross".into()),
        },
    )
    .unwrap();
    assert_eq!(
        names(MONDAY),
        vec![(
            "Crisis intervention".to_string(),
            "Expires in 98 days".to_string()
        )]
    );
    let all = s.certifications().unwrap();
    assert_eq!(
        all.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        vec!["Crisis intervention", "First aid", "Driving licence"]
    );
    assert_rule(
        s.add_certification(CertificationInput {
            name: " ".into(),
            expires: None,
            notes: None,
        }),
        "name",
        Rule::Required,
    );
}

#[test]
fn the_boundary_card_offers_the_agency_and_crisis_lines_in_the_clients_language() {
    let (_dir, _vault, s) = vault();
    let amira = s
        .add_client(ClientInput {
            language: Some("ar".into()),
            ..ClientInput::named("Amira")
        })
        .unwrap()
        .id;
    s.add_resource(resource(
        "Agency reception",
        ResourceCategory::Agency,
        &["en"],
    ))
    .unwrap();
    s.add_resource(resource("Duty line", ResourceCategory::Agency, &["ar-EG"]))
        .unwrap();
    s.add_resource(resource(
        "Night crisis line",
        ResourceCategory::CrisisLine,
        &[],
    ))
    .unwrap();
    s.add_resource(resource("Food bank", ResourceCategory::FoodBank, &["ar"]))
        .unwrap();
    s.add_resource(resource(
        "Staff support line",
        ResourceCategory::EmployeeAssistance,
        &["ar"],
    ))
    .unwrap();
    let shared = s.open_shared(amira, None).unwrap();
    let card = shared.boundary_card().unwrap();
    assert_eq!(card.language, "ar");
    assert!(card.right_to_left);
    assert_eq!(card.title, "البقاء على تواصل");
    // The agency's routes, the one in the client's language first; no other category, and never
    // the workers' own support line.
    let routes: Vec<(&str, bool)> = card
        .routes
        .iter()
        .map(|r| (r.name.as_str(), r.speaks_my_language))
        .collect();
    assert_eq!(
        routes,
        vec![("Duty line", true), ("Agency reception", false)]
    );
    assert_eq!(card.crisis_lines.len(), 1);
    assert_eq!(card.crisis_lines[0].name, "Night crisis line");
    assert!(card.routes[0]
        .hours
        .as_deref()
        .unwrap()
        .contains("Mon-Fri 9-5"));
    let json = serde_json::to_string(&card).unwrap();
    assert!(!json.contains("Staff support line") && !json.contains("Food bank"));
}

#[test]
fn the_backup_carries_the_corner_sealed_under_the_workers_backup_passphrase() {
    let (dir, _vault, s) = vault();
    s.add_debrief(debrief(MONDAY, 3, "BACKUPMARK")).unwrap();
    let file = dir.path().join("corner.backup");
    s.backup_with(
        file.display().to_string(),
        common::PASSPHRASE.into(),
        "purple monkey dishwasher lantern".into(),
        BackupOptions {
            kdf: KdfCost::Test,
            ..BackupOptions::default()
        },
    )
    .unwrap();
    let bytes = std::fs::read(&file).unwrap();
    assert!(common::find(&bytes, b"BACKUPMARK").is_none());
    assert!(
        common::find(&bytes, b"debrief").is_none(),
        "not even the kind is readable"
    );
    // Opened only with the backup passphrase the worker chose.
    assert!(alongside_core::verify_backup(
        file.display().to_string(),
        "another long passphrase entirely".into()
    )
    .is_err());
}

#[test]
fn a_damaged_debrief_is_listed_apart_and_hides_nothing_else() {
    let (dir, _vault, s) = vault();
    let kept = s.add_debrief(debrief(MONDAY, 6, "kept")).unwrap();
    let damaged = s.add_debrief(debrief("2026-11-24", 6, "damaged")).unwrap();
    common::raw(dir.path())
        .execute(
            "UPDATE records SET body = (SELECT body FROM records WHERE id = ?1) WHERE id = ?2",
            [&kept.id, &damaged.id],
        )
        .unwrap();
    let screen = s.corner(day(MONDAY), None, Lang::En).unwrap();
    assert_eq!(screen.recent_debriefs.len(), 1);
    assert_eq!(screen.recent_debriefs[0].debrief.id, kept.id);
    assert_eq!(screen.unreadable.len(), 1);
    assert_eq!(screen.unreadable[0].id, damaged.id);
    assert_eq!(screen.unreadable[0].kind_label, "Debrief");
    assert!(matches!(s.debriefs(), Err(Error::Tampered { .. })));
}
