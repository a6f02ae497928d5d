//! Incidents: each stays open until every action its kind requires is recorded.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::Rule;
use alongside_core::{
    IncidentActionInput, IncidentInput, IncidentKind, IncidentStatus, RequiredAction,
};

use common::worker::*;

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
    assert_eq!(
        alongside_core::plain(&refusal.status_label),
        "3 required actions to record"
    );
    assert!(refusal.donts.iter().any(|d| d.contains("force")));
    let id = refusal.incident.id.clone();

    let reason = assert_not_allowed(
        s.close_incident(id.clone(), day("2026-02-03"), None),
        "actions",
    );
    assert!(reason.contains("Inform the supervisor"), "{reason}");
    assert!(
        reason.starts_with("The incident cannot close yet"),
        "{reason}"
    );

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
    assert_eq!(
        alongside_core::plain(&v.status_label),
        "1 required action to record"
    );
    let reason = assert_not_allowed(
        s.close_incident(id.clone(), day("2026-02-03"), None),
        "actions",
    );
    assert_eq!(
        reason,
        "The incident cannot close yet: first record this required action: Inform the supervisor."
    );
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
    assert_eq!(
        alongside_core::plain(&closed.status_label),
        "Closed on 2026-02-04"
    );
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
