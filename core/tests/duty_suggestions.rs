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

#[test]
fn the_issues_own_sentences_are_read_right() {
    assert_eq!(
        suggested("Accompanied her to the housing tribunal"),
        [Duty::Advocate]
    );
    assert_eq!(
        suggested("Phoned the housing office for her"),
        [Duty::Advocate]
    );
    assert_eq!(suggested("advocacy with landlord"), [Duty::Advocate]);
    assert_eq!(
        suggested("Did not advocate; she handled it herself"),
        [Duty::Empower]
    );
    assert!(suggested("No need to advocate, didn't phone for him").is_empty());
    assert_eq!(suggested("Self-advocacy with the GP"), [Duty::Empower]);
}

/// Precision and recall per duty over the checked-in sentences (`data/duty_sentences.tsv`); a
/// change to the rules that reads fewer of them right fails here. The figures are in
/// docs/testing.md.
#[test]
fn precision_and_recall_over_realistic_sentences() {
    let data = include_str!("data/duty_sentences.tsv");
    let parse = |s: &str| match s.trim() {
        "educate" => Duty::Educate,
        "empower" => Duty::Empower,
        "advocate" => Duty::Advocate,
        other => panic!("unknown duty {other:?}"),
    };
    let mut rows = 0;
    // (true positives, false positives, false negatives) per duty.
    let mut counts = [(0u32, 0u32, 0u32); 3];
    let mut misread = Vec::new();
    for line in data.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (sentence, expected) = line.split_once('\t').unwrap();
        let expected: Vec<Duty> = if expected.trim() == "-" {
            Vec::new()
        } else {
            expected.split(',').map(parse).collect()
        };
        let got = suggested(sentence);
        rows += 1;
        for (i, duty) in Duty::ALL.iter().enumerate() {
            match (expected.contains(duty), got.contains(duty)) {
                (true, true) => counts[i].0 += 1,
                (false, true) => counts[i].1 += 1,
                (true, false) => counts[i].2 += 1,
                (false, false) => {}
            }
        }
        let mut e = expected.clone();
        e.sort();
        if e != got {
            misread.push(format!("{sentence:?}: expected {e:?}, got {got:?}"));
        }
    }
    assert!(rows >= 150, "only {rows} sentences");
    println!("{rows} sentences; misread:\n  {}", misread.join("\n  "));
    for (i, duty) in Duty::ALL.iter().enumerate() {
        let (tp, fp, fn_) = counts[i];
        let precision = f64::from(tp) / f64::from(tp + fp);
        let recall = f64::from(tp) / f64::from(tp + fn_);
        println!(
            "{:<9} precision {precision:.2} ({tp}/{}), recall {recall:.2} ({tp}/{})",
            duty.label(),
            tp + fp,
            tp + fn_
        );
        assert!(precision >= 0.9, "{duty:?} precision {precision:.2}");
        assert!(recall >= 0.9, "{duty:?} recall {recall:.2}");
    }
}
