//! The worker's side in words: each refusal its own sentence saying what to do next, form
//! options as `Choice`s, and the worker's language as a sealed vault setting.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use alongside_core::{
    activity_kind_choices, auto_lock_choices, duty_choices, entry_kind_choices,
    incident_kind_choices, language_choices, life_area_choices, rating_scale,
    resource_category_choices, risk_level_choices, scheduling_choices,
};
use alongside_core::{error_message, plain, Duty, Error, Lang, LockReason, NotAllowedReason, Rule};
use alongside_core::{ActivityKind, Scheduling};
use common::worker::{activity, client, day, goal};

/// The worker's language words error summaries for the whole process, and one test here
/// changes it: the tests take turns.
static LANGUAGE: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    LANGUAGE.lock().unwrap_or_else(|e| e.into_inner())
}

fn summary<T: std::fmt::Debug>(r: Result<T, Error>) -> String {
    match r {
        Err(Error::Invalid { summary, .. }) => plain(&summary),
        other => panic!("expected an invalid input, got {other:?}"),
    }
}

#[test]
fn each_refusal_has_its_own_sentence_saying_what_to_do_next() {
    let _turn = one_at_a_time();
    let (_dir, _vault, s) = common::new_vault();
    let sam = client(&s, "Sam");
    let robin = client(&s, "Robin");
    let robins_goal = goal(&s, &robin, "Find a flat");
    goal(&s, &sam, "Sleep better");

    let twice = summary(s.create_plan(sam.clone(), day("2026-01-05"), day("2026-04-06")));
    assert_eq!(
        twice,
        "This client already has a plan. Review it to start a new version."
    );
    let long = summary(s.duty_balance(day("2026-01-01"), day("2027-06-01")));
    assert!(
        long.starts_with("The period is too long: choose one of at most"),
        "{long}"
    );
    assert!(long.ends_with(" days."), "{long}");
    let mut visit = activity(ActivityKind::Office, "2026-02-02", &[Duty::Educate]);
    visit.goal_ids = vec![robins_goal];
    let other = summary(s.add_activity(sam.clone(), visit));
    assert_eq!(
        other,
        "One of the goals belongs to another client: choose only this client's goals."
    );
    let duty_twice = summary(s.add_activity(
        sam,
        activity(
            ActivityKind::Office,
            "2026-02-02",
            &[Duty::Empower, Duty::Empower],
        ),
    ));
    assert_eq!(
        duty_twice,
        "Empower is chosen twice. Choose each duty once."
    );

    let all = [&twice, &long, &other, &duty_twice];
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), all.len());
}

#[test]
fn every_error_has_a_sentence_in_every_language() {
    let _turn = one_at_a_time();
    let reasons = [
        NotAllowedReason::PlanExists,
        NotAllowedReason::PeriodTooLong { max_days: 366 },
        NotAllowedReason::RestoreFolderNotEmpty,
        NotAllowedReason::ReferralTransition {
            from: "completed".into(),
            to: "made".into(),
        },
        NotAllowedReason::DischargedReopensActive,
        NotAllowedReason::DutyTwice {
            duty: "advocate".into(),
        },
        NotAllowedReason::GoalDropped,
        NotAllowedReason::GoalClosed,
        NotAllowedReason::StepNotDone,
        NotAllowedReason::NoteSigned,
        NotAllowedReason::NoteAlreadySigned,
        NotAllowedReason::NoteDraft,
        NotAllowedReason::IncidentClosed,
        NotAllowedReason::ActionsOpen {
            actions: vec!["inform_supervisor".into(), "assess_risk".into()],
        },
        NotAllowedReason::AreaTwice {
            area: "housing".into(),
        },
        NotAllowedReason::AreaEmpty {
            area: "money".into(),
        },
        NotAllowedReason::SessionNotHeldYet,
    ];
    let rules = [
        Rule::Required,
        Rule::TooLong { max: 80 },
        Rule::TooShort { min: 1 },
        Rule::OutOfRange { min: 1, max: 10 },
        Rule::WrongOwner,
        Rule::Format {
            expected: "a date as YYYY-MM-DD in the years 1900 to 9999".into(),
        },
        Rule::NotBefore {
            other: "the plan's start".into(),
        },
        Rule::NotAfter {
            other: "today".into(),
        },
        Rule::NotBefore {
            other: "the start of the working day".into(),
        },
        Rule::NotAfter {
            other: "the last review".into(),
        },
        Rule::SameAs {
            other: "the unlock passphrase".into(),
        },
        Rule::Weak {
            warning: None,
            suggestions: vec![],
        },
    ];
    let mut errors: Vec<Error> = vec![
        Error::wrong_passphrase(),
        Error::tampered("note", "n1"),
        Error::corrupt("key slot"),
        Error::SchemaTooNew {
            found: 9,
            supported: 1,
        },
        Error::locked(LockReason::LockedNow),
        Error::not_found("goal", "g1"),
        Error::already_exists(),
        Error::PlatformKey {
            reason: "refused".into(),
        },
        Error::TooManyAttempts {
            retry_after_seconds: 1,
        },
        Error::Storage {
            detail: "disk".into(),
        },
        Error::Sync {
            detail: "unreachable".into(),
        },
        Error::backup_wrong_passphrase(),
        Error::BackupCorrupt {
            detail: "short".into(),
        },
        Error::BackupTooNew {
            found: 9,
            supported: 1,
        },
    ];
    errors.extend(reasons.into_iter().map(|r| Error::not_allowed("x", r)));
    errors.extend(rules.into_iter().map(|r| Error::invalid("text", r)));
    for lang in Lang::ALL {
        let said: Vec<String> = errors
            .iter()
            .map(|e| plain(&error_message(clone(e), lang)))
            .collect();
        // One sentence each, none the same as another, none an id or a code.
        assert_eq!(
            said.iter().collect::<BTreeSet<_>>().len(),
            said.len(),
            "{lang:?}"
        );
        for s in &said {
            assert!(
                s.len() > 10 && !s.contains("error-") && !s.contains("not-allowed-"),
                "{s}"
            );
        }
        if lang != Lang::En {
            let english: Vec<String> = errors
                .iter()
                .map(|e| plain(&error_message(clone(e), Lang::En)))
                .collect();
            for (theirs, en) in said.iter().zip(&english) {
                assert_ne!(theirs, en, "{lang:?} left English");
            }
        }
    }
    let open = plain(&error_message(
        Error::not_allowed(
            "actions",
            NotAllowedReason::ActionsOpen {
                actions: vec!["inform_supervisor".into(), "assess_risk".into()],
            },
        ),
        Lang::En,
    ));
    assert_eq!(
        open,
        "The incident cannot close yet: first record these required actions: \
         Inform the supervisor, Assess the risk."
    );
    let date = Error::invalid(
        "on",
        Rule::Format {
            expected: "a date as YYYY-MM-DD in the years 1900 to 9999".into(),
        },
    );
    assert_eq!(
        plain(&error_message(date, Lang::Fr)),
        "Le jour n'a pas la bonne forme : écrivez-le comme une date AAAA-MM-JJ entre 1900 et 9999."
    );
    let wait = |n| {
        plain(&error_message(
            Error::TooManyAttempts {
                retry_after_seconds: n,
            },
            Lang::En,
        ))
    };
    assert_eq!(wait(1), "Too many tries. Try again in 1 second.");
    assert_eq!(wait(30), "Too many tries. Try again in 30 seconds.");
}

/// The core's errors are not `Clone` (the phones never need it); tests rebuild them.
fn clone(e: &Error) -> Error {
    match e {
        Error::Invalid {
            field,
            rule,
            summary,
        } => Error::Invalid {
            field: field.clone(),
            rule: rule.clone(),
            summary: summary.clone(),
        },
        Error::WrongPassphrase { .. } => Error::wrong_passphrase(),
        Error::Tampered { kind, id } => Error::tampered(kind, id),
        Error::Corrupt { what } => Error::corrupt(what),
        Error::SchemaTooNew { found, supported } => Error::SchemaTooNew {
            found: *found,
            supported: *supported,
        },
        Error::Locked { reason } => Error::locked(*reason),
        Error::NotFound { kind, id } => Error::not_found(kind, id),
        Error::AlreadyExists { .. } => Error::already_exists(),
        Error::PlatformKey { reason } => Error::PlatformKey {
            reason: reason.clone(),
        },
        Error::TooManyAttempts {
            retry_after_seconds,
        } => Error::TooManyAttempts {
            retry_after_seconds: *retry_after_seconds,
        },
        Error::Storage { detail } => Error::Storage {
            detail: detail.clone(),
        },
        Error::Sync { detail } => Error::Sync {
            detail: detail.clone(),
        },
        Error::BackupWrongPassphrase { .. } => Error::backup_wrong_passphrase(),
        Error::BackupCorrupt { detail } => Error::BackupCorrupt {
            detail: detail.clone(),
        },
        Error::BackupTooNew { found, supported } => Error::BackupTooNew {
            found: *found,
            supported: *supported,
        },
    }
}

#[test]
fn every_form_offers_its_options_worded_in_the_workers_language() {
    let _turn = one_at_a_time();
    for lang in Lang::ALL {
        let lists = [
            scheduling_choices(lang),
            life_area_choices(lang),
            resource_category_choices(lang),
            risk_level_choices(lang),
            entry_kind_choices(lang),
            activity_kind_choices(lang),
            incident_kind_choices(lang),
            duty_choices(lang),
            auto_lock_choices(lang),
            rating_scale(lang),
            language_choices(),
        ];
        for list in &lists {
            assert!(list.len() >= 2);
            let values: BTreeSet<_> = list.iter().map(|c| &c.value).collect();
            let labels: BTreeSet<_> = list.iter().map(|c| &c.label).collect();
            assert_eq!(values.len(), list.len(), "{list:?}");
            assert!(list.iter().all(|c| !c.label.is_empty()));
            // The rating scale's bands repeat (four bands over ten scores); the rest do not.
            if list.len() != 10 {
                assert_eq!(labels.len(), list.len(), "{list:?}");
            }
        }
    }
    // Values are what the calls take.
    let scheduling = scheduling_choices(Lang::Fr);
    let values: Vec<Scheduling> = scheduling
        .iter()
        .map(|c| serde_json::from_value(serde_json::Value::String(c.value.clone())).unwrap())
        .collect();
    assert_eq!(values, Scheduling::ALL);
    assert_eq!(scheduling[2].label, "Au besoin");
    let minutes: Vec<String> = auto_lock_choices(Lang::En)
        .into_iter()
        .map(|c| format!("{}={}", c.value, plain(&c.label)))
        .collect();
    assert_eq!(
        minutes,
        [
            "1=1 minute",
            "5=5 minutes",
            "15=15 minutes",
            "30=30 minutes"
        ]
    );
    assert_eq!(plain(&auto_lock_choices(Lang::Ar)[0].label), "دقيقة واحدة");
    assert_eq!(rating_scale(Lang::Es)[9].label, "Donde quiero estar");
}

/// One test, because the worker's language also words error summaries for the whole process.
#[test]
fn the_workers_language_is_a_sealed_setting_the_screens_follow() {
    let _turn = one_at_a_time();
    let (dir, vault, s) = common::new_vault();
    assert_eq!(s.language().unwrap(), Lang::En);
    let sam = client(&s, "Sam");
    assert_eq!(
        s.caseload(day("2026-02-02")).unwrap().rows[0].status_label,
        "Active"
    );

    assert_eq!(s.set_language(Lang::Fr).unwrap(), Lang::Fr);
    assert_eq!(s.language().unwrap(), Lang::Fr);
    assert_eq!(
        s.caseload(day("2026-02-02")).unwrap().rows[0].status_label,
        "Actif"
    );
    assert_eq!(ActivityKind::HomeVisit.label(), "Visite à domicile");
    // A rule and a lock reason print (Kotlin's toString, Swift's description) in the worker's
    // language too, reading as a sentence.
    assert_eq!(
        Rule::Required.to_string(),
        "Ce champ est obligatoire : remplissez-le."
    );
    assert_eq!(
        LockReason::ClockWentBack.to_string(),
        "l'horloge du téléphone a reculé"
    );
    assert_eq!(s.today(day("2026-02-02")).unwrap().summary, "Rien de prévu");
    s.add_activity(
        sam.clone(),
        activity(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Educate]),
    )
    .unwrap();
    let today = s.today(day("2026-02-02")).unwrap();
    assert_eq!(plain(&today.summary), "1 visite");
    assert_eq!(today.visits[0].time_label, "À n'importe quelle heure");
    let timeline = s.timeline(sam.clone(), 0, 10).unwrap().items;
    assert_eq!(
        plain(&timeline[0].title),
        "Visite à domicile · Éduquer (prévue)"
    );
    assert_eq!(
        Duty::Empower.description(),
        "La personne agit elle-même, avec votre soutien"
    );
    let twice = summary(
        s.create_plan(sam.clone(), day("2026-01-05"), day("2026-04-06"))
            .and_then(|_| s.create_plan(sam.clone(), day("2026-01-05"), day("2026-04-06"))),
    );
    assert_eq!(
        twice,
        "Cette personne a déjà un plan. Faites-en la révision pour commencer une nouvelle version."
    );

    // Kept in the vault (sealed like every setting): it comes back after locking.
    vault.lock();
    let (_vault, s) = common::unlock(dir.path());
    assert_eq!(s.language().unwrap(), Lang::Fr);
    assert_eq!(
        s.caseload(day("2026-02-02")).unwrap().rows[0].status_label,
        "Actif"
    );
    s.set_language(Lang::En).unwrap();
    assert_eq!(
        s.caseload(day("2026-02-02")).unwrap().rows[0].status_label,
        "Active"
    );
    assert_eq!(
        Rule::Required.to_string(),
        "This field is required: fill it in."
    );
}
