//! The client's wellness and crisis plan: written by the client in shared mode or by the worker
//! with the client (marked so), every version kept, read by the worker, one step away from a
//! crisis-response visit, erased with the client, carried by a backup.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{ActivityKind, ClientInput, Duty, Error, WellnessAuthor, WellnessSection};
use common::worker::{activity, client, day, done, PASS};
use common::*;

#[test]
fn the_client_writes_their_plan_in_shared_mode_and_the_worker_reads_it() {
    let (_dir, _vault, s) = new_vault();
    let robin = s
        .add_client(ClientInput {
            language: Some("fr".into()),
            ..ClientInput::named("Robin")
        })
        .unwrap()
        .id;

    // Nothing written yet: every section is there, empty.
    let empty = s.wellness_view(robin.clone()).unwrap();
    assert_eq!(empty.version, 0);
    assert_eq!(empty.sections.len(), WellnessSection::ALL.len());
    assert!(empty.sections.iter().all(|x| x.text.is_none()));

    let shared = s.open_shared(robin.clone(), None).unwrap();
    shared
        .write_wellness(
            WellnessSection::KeepingWell,
            Some("Marcher le matin, appeler ma sœur".into()),
            day("2026-03-02"),
        )
        .unwrap();
    let after = shared
        .write_wellness(
            WellnessSection::CrisisDoNotContact,
            Some("Pas mon ancien propriétaire".into()),
            day("2026-03-02"),
        )
        .unwrap();
    // The client reads it in their language, each entry marked as theirs.
    assert_eq!(after.language, "fr");
    assert_eq!(after.title, "Mon plan de bien-être et de crise");
    assert_eq!(after.version, 2);
    let keeping = &after.sections[1];
    assert_eq!(keeping.section, WellnessSection::KeepingWell);
    assert_eq!(keeping.written_by, Some(WellnessAuthor::Client));
    assert_eq!(keeping.written_by_label, "Avec vos propres mots");
    assert_eq!(shared.wellness().unwrap(), after);
    // Hidden control characters (a right-to-left override) are refused, as everywhere.
    assert!(matches!(
        shared.write_wellness(
            WellnessSection::Medication,
            Some("abc\u{202e}def".into()),
            day("2026-03-02")
        ),
        Err(Error::Invalid { .. })
    ));
    // A day to come cannot be when it was written.
    assert!(matches!(
        shared.write_wellness(
            WellnessSection::Medication,
            Some("Pas de sédatifs".into()),
            alongside_core::Day::today().add_days(2)
        ),
        Err(Error::Invalid { .. })
    ));

    // Back with the worker: the same words, who wrote them, and the worker writes one with the
    // client, marked so.
    let w = shared.leave(PASS.into()).unwrap();
    let view = w.wellness_view(robin.clone()).unwrap();
    assert_eq!(
        view.sections[1].text.as_deref(),
        Some("Marcher le matin, appeler ma sœur")
    );
    assert_eq!(view.sections[6].written_by, Some(WellnessAuthor::Client));
    // In the worker's words: who wrote each entry, said to the worker.
    assert_eq!(view.language, "en");
    assert_eq!(view.sections[6].written_by_label, "Written by the client");
    w.write_wellness_with_client(
        robin.clone(),
        WellnessSection::Medication,
        Some("Pas de sédatifs, s'il vous plaît".into()),
        day("2026-03-09"),
    )
    .unwrap();
    // The client empties a section: a new version, the older ones untouched.
    let shared = w.open_shared(robin.clone(), None).unwrap();
    let now = shared
        .write_wellness(
            WellnessSection::KeepingWell,
            Some("  ".into()),
            day("2026-03-10"),
        )
        .unwrap();
    assert!(now.sections[1].text.is_none());
    let med = now
        .sections
        .iter()
        .find(|x| x.section == WellnessSection::Medication)
        .unwrap();
    assert_eq!(med.written_by, Some(WellnessAuthor::WorkerWithClient));
    assert_eq!(med.written_by_label, "Écrit avec votre intervenant");
    assert_eq!(med.written_on, Some(day("2026-03-09")));
    let w = shared.leave(PASS.into()).unwrap();

    let versions = w.wellness_versions(robin.clone()).unwrap();
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(versions[0].entries.len(), 1);
    assert_eq!(
        versions[0].entries[0].text,
        "Marcher le matin, appeler ma sœur"
    );
    assert_eq!(versions[2].entries.len(), 3);
    assert_eq!(versions[3].entries.len(), 2);
    // Every save is in the audit trail.
    assert!(w.verify_audit().unwrap().ok);
}

#[test]
fn a_crisis_response_visit_carries_the_clients_plan() {
    let (_dir, _vault, s) = new_vault();
    let robin = client(&s, "Robin");
    let other = client(&s, "Sam");
    s.write_wellness_with_client(
        robin.clone(),
        WellnessSection::CrisisContact,
        Some("My sister Ana".into()),
        day("2026-04-01"),
    )
    .unwrap();
    s.write_wellness_with_client(
        other.clone(),
        WellnessSection::CrisisContact,
        Some("Sam's neighbour".into()),
        day("2026-04-01"),
    )
    .unwrap();
    let crisis = s
        .add_activity(
            robin.clone(),
            done(
                ActivityKind::CrisisResponse,
                "2026-04-03",
                &[Duty::Advocate],
            ),
        )
        .unwrap();
    let view = s.activity_view(crisis.id).unwrap();
    let plan = view.crisis_plan.expect("a crisis visit carries the plan");
    assert_eq!(plan.client_id, robin);
    let contact = plan
        .sections
        .iter()
        .find(|x| x.section == WellnessSection::CrisisContact)
        .unwrap();
    assert_eq!(contact.text.as_deref(), Some("My sister Ana"));
    // Other visits do not carry it.
    let home = s
        .add_activity(
            robin.clone(),
            activity(ActivityKind::HomeVisit, "2026-04-04", &[Duty::Educate]),
        )
        .unwrap();
    assert!(s.activity_view(home.id).unwrap().crisis_plan.is_none());
    // A client with no plan yet: the crisis visit says so (version 0) rather than nothing.
    let third = client(&s, "Kai");
    let crisis = s
        .add_activity(
            third,
            done(
                ActivityKind::CrisisResponse,
                "2026-04-03",
                &[Duty::Advocate],
            ),
        )
        .unwrap();
    assert_eq!(
        s.activity_view(crisis.id)
            .unwrap()
            .crisis_plan
            .unwrap()
            .version,
        0
    );
}

#[test]
fn erasing_the_client_erases_every_version_and_the_worker_needs_a_real_client() {
    let (_dir, _vault, s) = new_vault();
    let robin = client(&s, "Robin");
    for text in ["one", "two", "three"] {
        s.write_wellness_with_client(
            robin.clone(),
            WellnessSection::WhenWell,
            Some(text.into()),
            day("2026-04-01"),
        )
        .unwrap();
    }
    assert_eq!(s.wellness_versions(robin.clone()).unwrap().len(), 3);
    s.erase_client(robin.clone()).unwrap();
    assert!(matches!(
        s.wellness_versions(robin.clone()),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        s.write_wellness_with_client(
            robin,
            WellnessSection::WhenWell,
            Some("x".into()),
            day("2026-04-01")
        ),
        Err(Error::NotFound { .. })
    ));
    assert!(s.verify_audit().unwrap().ok);
}
