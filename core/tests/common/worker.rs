//! Setup shared by the worker-flow tests (activities, duties, notes, incidents, referrals, the
//! day, the timeline, the audit trail): a fresh vault, days and times from text, a client, an
//! activity, a goal, and assertions on the rule an input broke.

use alongside_core::{suggest_duties, Duty, Error, GoalInput, LifeArea, Rule};
use alongside_core::{ActivityInput, ActivityKind, ActivityStatus};
use alongside_core::{ClientInput, ClockTime, Day, Vault, WorkerSession};
use alongside_core::{IncidentActionInput, RequiredAction, ResourceCategory, ResourceInput};
use std::sync::Arc;

pub const PASS: &str = super::PASSPHRASE;

/// A fresh vault, unlocked, with its worker session (the same as `common::new_vault`).
pub fn vault() -> (tempfile::TempDir, Arc<Vault>, Arc<WorkerSession>) {
    super::new_vault()
}

pub fn day(s: &str) -> Day {
    Day::parse("test", s).unwrap()
}

pub fn time(s: &str) -> ClockTime {
    ClockTime::parse("test", s).unwrap()
}

pub fn client(s: &WorkerSession, name: &str) -> String {
    s.add_client(ClientInput::named(name)).unwrap().id
}

pub fn activity(kind: ActivityKind, on: &str, duties: &[Duty]) -> ActivityInput {
    let mut input = ActivityInput::new(kind, day(on), duties.to_vec());
    if kind == ActivityKind::HomeVisit {
        input.purpose = Some("Check in on the week".into());
    }
    input
}

/// A done activity, as recorded after the fact.
pub fn done(kind: ActivityKind, on: &str, duties: &[Duty]) -> ActivityInput {
    ActivityInput {
        status: Some(ActivityStatus::Done),
        ..activity(kind, on, duties)
    }
}

pub fn goal(s: &WorkerSession, client_id: &str, words: &str) -> String {
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

pub fn assert_rule(result: Result<impl std::fmt::Debug, Error>, field: &str, rule: Rule) {
    match result {
        Err(Error::Invalid {
            field: f, rule: r, ..
        }) => assert_eq!((f.as_str(), &r), (field, &rule)),
        other => panic!("expected {field} {rule:?}, got {other:?}"),
    }
}

/// The error's sentence (without isolation marks), after checking it is `field` not allowed.
pub fn assert_not_allowed(result: Result<impl std::fmt::Debug, Error>, field: &str) -> String {
    match result {
        Err(Error::Invalid {
            field: f,
            rule: Rule::NotAllowed { .. },
            summary,
        }) if f == field => alongside_core::plain(&summary),
        other => panic!("expected {field} not allowed, got {other:?}"),
    }
}

pub fn suggested(text: &str) -> Vec<Duty> {
    suggest_duties(text.into(), None)
        .into_iter()
        .map(|s| s.duty)
        .collect()
}

pub fn action(a: RequiredAction, by: &str, on: &str) -> IncidentActionInput {
    IncidentActionInput {
        action: a,
        by: by.into(),
        on: day(on),
        at: Some(time("16:10")),
        details: None,
    }
}

pub fn resource(name: &str, category: ResourceCategory, languages: &[&str]) -> ResourceInput {
    ResourceInput {
        name: name.into(),
        category,
        contact: Some("0161 000 0000".into()),
        hours: Some("Mon-Fri 9-5".into()),
        languages: languages.iter().map(|l| l.to_string()).collect(),
        notes: None,
    }
}
