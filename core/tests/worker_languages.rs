//! A French-speaking and an Arabic-speaking worker read their day and their own corner (its forms
//! included), an incident, a record's edit history and a weak passphrase's feedback with no
//! English left in them: every sentence, label, "do not" and field name comes from the locale
//! files.
//!
//! One test in its own binary: the worker's language is the process's (a phone holds one
//! worker's vault), so nothing else may change it meanwhile.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use alongside_core::{
    plain, ActivityInput, ActivityKind, ActivityStatus, CertificationInput, ClientInput, Day, Duty,
    Error, IncidentInput, IncidentKind, Lang, ReferralInput, RequiredAction, ResourceCategory,
    Rule, Scheduling, SupervisionActionInput, SupervisionInput, WorkerSession,
};
use common::worker::{action, resource, time};

/// What the worker wrote (the same whatever the language), which the check leaves aside.
const WRITTEN: &[&str] = &[
    "Sam",
    "Sam declined the evening dose.",
    "Sam declined the dose after dinner; she was tired.",
    "Jo",
    "Food bank",
    "Food bank (north)",
    "0161 000 0000",
    "Mon-Fri 9-5",
    "Tue and Thu 10-2",
    "No food",
    "Benefits delayed",
    "Bring the form",
    "First aid",
    "Ask about caseload",
    "Read the lone working policy",
    "Lee",
    "they/them",
    "Prefers mornings",
    "Check in",
    "Check in on the week",
];

/// Words French writes as English does: allowed in the French screens, and only these.
const SAME_IN_FRENCH: &[&str] = &["Supervision", "Certifications", "Incidents", "Actions"];

/// Every string in a screen a person reads: data the worker entered, ids, days, times and enum
/// values (one snake_case word) left aside.
fn worded(value: &impl serde::Serialize) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => {
                let s = plain(s);
                let data = WRITTEN.iter().any(|w| s == *w)
                    || !s.chars().any(char::is_alphabetic)
                    || s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c))
                    || s.starts_with("20");
                if !data {
                    out.push(s);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(value).unwrap(), &mut out);
    out
}

/// A day's worth of records: a visit, three emergencies (a heavy week), an open incident with an
/// action, a referral to check on, a draft note, a supervision action due, a certification
/// running out; and edits to the incident, the client, the visit, the resource and the referral.
struct Made {
    incident: String,
    client: String,
    activity: String,
    resource: String,
    referral: String,
}

fn make(s: &WorkerSession, today: Day) -> Made {
    let sam = s.add_client(ClientInput::named("Sam")).unwrap().id;
    let mut visit = ActivityInput::new(ActivityKind::HomeVisit, today, vec![Duty::Educate]);
    visit.time = Some(time("10:30"));
    visit.purpose = Some("Check in".into());
    let activity = s.add_activity(sam.clone(), visit.clone()).unwrap().id;
    for _ in 0..3 {
        let mut crisis =
            ActivityInput::new(ActivityKind::CrisisResponse, today, vec![Duty::Advocate]);
        crisis.scheduling = Scheduling::Emergency;
        s.add_activity(sam.clone(), crisis).unwrap();
    }
    // Advocacy for ten weeks with no empowerment step: the dependence hint shows.
    let mut advocacy = ActivityInput::new(
        ActivityKind::HomeVisit,
        today.add_days(-70),
        vec![Duty::Advocate],
    );
    advocacy.purpose = Some("Check in".into());
    advocacy.status = Some(ActivityStatus::Done);
    s.add_activity(sam.clone(), advocacy).unwrap();
    let incident = s
        .report_incident(
            sam.clone(),
            IncidentInput {
                kind: IncidentKind::MedicationRefusal,
                occurred_on: today,
                occurred_at: None,
                description: "Sam declined the evening dose.".into(),
                activity_id: None,
            },
        )
        .unwrap()
        .incident
        .id;
    s.record_incident_action(
        incident.clone(),
        action(RequiredAction::ListenToConcerns, "Jo", &today.to_string()),
    )
    .unwrap();
    let bank = s
        .add_resource(resource("Food bank", ResourceCategory::FoodBank, &[]))
        .unwrap()
        .id;
    let referral = s
        .refer(
            sam.clone(),
            ReferralInput {
                resource_id: bank.clone(),
                reason: Some("No food".into()),
                made_on: today.add_days(-7),
                follow_up_due: Some(today),
            },
        )
        .unwrap()
        .referral
        .id;
    s.add_note(sam.clone(), None, "Visited.".into()).unwrap();
    s.add_supervision(SupervisionInput {
        day: today.add_days(3),
        with_whom: "Lee".into(),
        topics: vec!["Ask about caseload".into()],
        held: false,
        notes: None,
        actions: vec![SupervisionActionInput {
            what: "Read the lone working policy".into(),
            due: Some(today),
        }],
    })
    .unwrap();
    s.add_certification(CertificationInput {
        name: "First aid".into(),
        expires: Some(today.add_days(10)),
        notes: None,
    })
    .unwrap();

    // The edits whose history is read back.
    s.update_incident(
        incident.clone(),
        IncidentInput {
            kind: IncidentKind::MedicationRefusal,
            occurred_on: today,
            occurred_at: Some(time("19:00")),
            description: "Sam declined the dose after dinner; she was tired.".into(),
            activity_id: Some(activity.clone()),
        },
    )
    .unwrap();
    s.update_client(
        sam.clone(),
        ClientInput {
            pronouns: Some("they/them".into()),
            cultural_notes: Some("Prefers mornings".into()),
            ..ClientInput::named("Sam")
        },
    )
    .unwrap();
    visit.purpose = Some("Check in on the week".into());
    visit.duration_minutes = Some(45);
    s.update_activity(activity.clone(), visit).unwrap();
    let mut changed = resource("Food bank (north)", ResourceCategory::FoodBank, &["fr"]);
    changed.hours = Some("Tue and Thu 10-2".into());
    s.update_resource(bank.clone(), changed).unwrap();
    s.update_referral(
        referral.clone(),
        ReferralInput {
            resource_id: bank.clone(),
            reason: Some("Benefits delayed".into()),
            made_on: today.add_days(-6),
            follow_up_due: Some(today),
        },
        None,
    )
    .unwrap();
    Made {
        incident,
        client: sam,
        activity,
        resource: bank,
        referral,
    }
}

/// Everything the worker reads on those screens, in the language set now.
fn read(s: &WorkerSession, today: Day, made: &Made, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let day = s.today_at(today, None).unwrap();
    // The check has something to find in each part of the day.
    assert!(!day.open_incidents.is_empty() && !day.referrals_to_follow_up.is_empty());
    assert!(!day.corner.supervision_actions.is_empty());
    assert!(!day.corner.certifications_expiring.is_empty());
    assert!(day.corner.heavy_week.is_some());
    out.extend(worded(&day));
    // The worker's own corner and its forms' words.
    out.extend(worded(&s.corner(today, None, lang).unwrap()));
    let balance = s
        .client_duty_balance(made.client.clone(), today.add_days(-83), today)
        .unwrap();
    assert!(balance.hint.is_some(), "the dependence hint is read");
    out.extend(worded(&balance));
    let incident = s.incident(made.incident.clone()).unwrap();
    assert!(!incident.donts.is_empty() && !incident.edits.is_empty());
    out.extend(worded(&incident));
    out.extend(worded(&alongside_core::incident_kinds()));
    for id in [&made.client, &made.activity, &made.resource, &made.referral] {
        let history = s.record_history(id.clone()).unwrap();
        assert!(!history.is_empty(), "{id} has an edit to read");
        out.extend(worded(&history));
    }
    for weak in ["password1", "qwertyuiop", "aaaaaaaaaaaa", "Passw0rd!2024"] {
        match s.change_passphrase(common::PASSPHRASE.into(), weak.into()) {
            Err(Error::Invalid {
                summary,
                rule:
                    Rule::Weak {
                        warning,
                        suggestions,
                    },
                ..
            }) => {
                out.push(plain(&summary));
                out.extend(warning);
                out.extend(suggestions);
            }
            other => panic!("{weak} was not refused as weak: {other:?}"),
        }
    }
    out
}

#[test]
fn french_and_arabic_workers_read_their_day_incidents_history_and_feedback_with_no_english() {
    let (_dir, _vault, s) = common::new_vault();
    let today = Day::today();
    let made = make(&s, today);

    let english: BTreeSet<String> = read(&s, today, &made, Lang::En).into_iter().collect();
    // The check has something to find: labels, "do not"s, field names, feedback ...
    assert!(english.len() > 40, "{english:?}");
    for expected in ["Your day", "Do not force the person to take it"] {
        assert!(english.contains(expected), "{expected:?} in {english:?}");
    }
    assert!(
        english.iter().any(|s| s.starts_with("Edited on ")),
        "{english:?}"
    );
    assert!(
        english.iter().any(|s| s.contains("common password")),
        "the estimator's feedback is read: {english:?}"
    );

    for lang in [Lang::Fr, Lang::Ar] {
        s.set_language(lang).unwrap();
        let theirs = read(&s, today, &made, lang);
        assert!(theirs.len() >= english.len(), "{lang:?}: {theirs:?}");
        for text in &theirs {
            let cognate = lang == Lang::Fr && SAME_IN_FRENCH.contains(&text.as_str());
            assert!(
                cognate || !english.contains(text),
                "{lang:?} shows English: {text:?}"
            );
        }
        let day = s.today_at(today, None).unwrap();
        assert_eq!(
            day.title,
            if lang == Lang::Fr {
                "Votre journée"
            } else {
                "يومك"
            }
        );
    }
    s.set_language(Lang::En).unwrap();
}
