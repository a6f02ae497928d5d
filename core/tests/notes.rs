//! Case notes: drafts, signing, dated addenda, and person-first language hints that never block
//! saving.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::language_hints;
use alongside_core::ActivityKind;
use alongside_core::Duty;
use alongside_core::Op;
use alongside_core::{Error, Rule};

use common::worker::*;

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

    // Each addendum is also listed under its note (an index row of its own, in the trail too).
    let trail: Vec<_> = s
        .audit_entries(5)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind != "index_mark")
        .collect();
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
    assert_eq!(s.notes(sam.clone()).unwrap().notes.len(), 2);
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

#[test]
fn hints_also_run_on_addenda_the_purpose_and_an_incidents_description() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let note = s
        .add_note(sam.clone(), None, "Visit went well.".into())
        .unwrap();
    s.sign_note(note.note.id.clone()).unwrap();
    let with = s
        .add_addendum(
            note.note.id.clone(),
            "Forgot that he is an addict in recovery".into(),
            "Sam is schizophrenic, not bipolar.".into(),
        )
        .unwrap();
    let addendum_id = with.addenda[0].id.clone();
    let found: Vec<(&str, &str, &str)> = with
        .addendum_hints
        .iter()
        .flat_map(|f| {
            f.hints
                .iter()
                .map(move |h| (f.record_id.as_str(), f.field.as_str(), h.span.text.as_str()))
        })
        .collect();
    assert_eq!(
        found,
        [
            (addendum_id.as_str(), "text", "schizophrenic"),
            (addendum_id.as_str(), "reason", "an addict"),
        ]
    );
    // The note's own hints stay about the note's own words.
    assert!(with.hints.is_empty());
    // A clean addendum adds nothing.
    let clean = s
        .add_addendum(note.note.id, "Detail".into(), "Sam cooked pasta.".into())
        .unwrap();
    assert_eq!(clean.addenda.len(), 2);
    assert_eq!(clean.addendum_hints, with.addendum_hints);

    let input = alongside_core::ActivityInput {
        purpose: Some("Check on Sam, who suffers from anxiety".into()),
        ..activity(ActivityKind::HomeVisit, "2026-02-02", &[Duty::Educate])
    };
    let a = s.add_activity(sam.clone(), input).unwrap();
    let view = s.activity_view(a.id.clone()).unwrap();
    assert_eq!(view.purpose_hints.len(), 1);
    assert_eq!(view.purpose_hints[0].field, "purpose");
    assert_eq!(view.purpose_hints[0].record_id, a.id);
    assert_eq!(view.purpose_hints[0].hints[0].span.text, "suffers from");

    let incident = s
        .report_incident(
            sam,
            alongside_core::IncidentInput {
                kind: alongside_core::IncidentKind::MedicationRefusal,
                occurred_on: day("2026-02-03"),
                occurred_at: None,
                description: "Refused the dose; the mentally ill often do, staff said.".into(),
                activity_id: None,
            },
        )
        .unwrap();
    assert_eq!(incident.description_hints.len(), 1);
    assert_eq!(incident.description_hints[0].field, "description");
    assert_eq!(
        incident.description_hints[0].hints[0].span.text,
        "the mentally ill"
    );
}
