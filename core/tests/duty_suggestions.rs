//! Duty suggestions: from the field's own examples, and in the activity view only what the worker
//! has not chosen.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{suggest_duties, Duty};
use alongside_core::{ActivityInput, ActivityKind};

use common::worker::*;

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
