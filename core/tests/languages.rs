//! Every word a person reads comes in their language: a French-speaking and an Arabic-speaking
//! client see shared mode with no English left in it, errors included.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use alongside_core::{plain, say, ActivityInput, ActivityKind, Author, ClientInput, Lang};
use alongside_core::{EntryKind, Error, RatingInput, SharedScreen, WorkerSession};
use common::worker::{day, goal, time};
use common::PASSPHRASE;

/// What the people wrote (the same in every screen), which the check leaves aside.
const GOAL_WORDS: &str = "Sleep better";
const STEP: &str = "Bed by eleven";
const ENTRY: &str = "A walk after dinner";

/// A client speaking `tag`, with a goal, a step they marked done, a rating from each side, an
/// entry, and a visit to come.
fn client_with_a_plan(worker: &WorkerSession, name: &str, tag: &str) -> String {
    let id = worker
        .add_client(ClientInput {
            language: Some(tag.into()),
            ..ClientInput::named(name)
        })
        .unwrap()
        .id;
    let goal_id = goal(worker, &id, GOAL_WORDS);
    let g = worker.add_step(goal_id.clone(), STEP.into()).unwrap();
    worker
        .rate_goal(
            goal_id.clone(),
            RatingInput {
                on: day("2026-02-01"),
                score: 4,
                by: Author::Worker,
                words: None,
            },
        )
        .unwrap();
    let mut visit = ActivityInput::new(
        ActivityKind::HomeVisit,
        day("2026-02-20"),
        vec![alongside_core::Duty::Empower],
    );
    visit.purpose = Some("Check in".into());
    visit.time = Some(time("10:30"));
    worker.add_activity(id.clone(), visit).unwrap();
    let _ = g;
    id
}

/// The client's screen after they rated, wrote and marked a step, and a shared-mode error.
fn shared_screen(
    worker: &WorkerSession,
    client: &str,
) -> (SharedScreen, Vec<String>, Arc<WorkerSession>) {
    let today = day("2026-02-10");
    let shared = worker.open_shared(client.into(), None).unwrap();
    let screen = shared.screen(today).unwrap();
    let goal_id = screen.goals[0].goal_id.clone();
    let step_id = screen.goals[0].steps[0].step_id.clone();
    shared.rate(goal_id.clone(), today, 7, None).unwrap();
    shared
        .add_entry(
            EntryKind::WhatHelpsMe,
            ENTRY.into(),
            Some(goal_id.clone()),
            today,
        )
        .unwrap();
    shared
        .mark_step_done(goal_id.clone(), step_id, today)
        .unwrap();
    let errors = [
        shared.add_entry(EntryKind::Reflection, "x".repeat(20_000), None, today),
        shared.add_entry(EntryKind::Reflection, " ".into(), None, today),
        shared.rate(goal_id, today, 11, None),
        shared.rate("no-such-goal".into(), today, 5, None),
    ]
    .into_iter()
    .map(|r| shared.error_message(r.unwrap_err()))
    .collect();
    let screen = shared.screen(today).unwrap();
    let back = shared.leave(PASSPHRASE.into()).unwrap();
    (screen, errors, back)
}

/// Every string of the screen the core worded (not ids, days, or what the people wrote).
fn worded(screen: &SharedScreen, errors: &[String]) -> Vec<String> {
    fn walk(key: &str, v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => {
                let written = [GOAL_WORDS, STEP, ENTRY].contains(&s.as_str());
                let data = [
                    "goal_id",
                    "step_id",
                    "on",
                    "target_date",
                    "time",
                    "value",
                    "language",
                    "lang",
                    "preferred_name",
                ];
                if !written && !data.contains(&key) {
                    out.push(plain(s));
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(key, v, out)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, v)| walk(k, v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", &serde_json::to_value(screen).unwrap(), &mut out);
    out.extend(errors.iter().map(|e| plain(e)));
    out
}

#[test]
fn french_and_arabic_clients_read_shared_mode_with_no_english_left() {
    let (_dir, _vault, worker) = common::new_vault();
    let en = client_with_a_plan(&worker, "Sam", "en-GB");
    let fr = client_with_a_plan(&worker, "Robin", "fr-CA");
    let ar = client_with_a_plan(&worker, "Sam", "ar-EG");

    let (english, english_errors, worker) = shared_screen(&worker, &en);
    let english_words: BTreeSet<String> = worded(&english, &english_errors).into_iter().collect();
    // The check has something to find: buttons, bands, the greeting, errors ...
    assert!(english_words.len() > 30, "{english_words:?}");
    assert!(english_words.contains("How is it going?"));
    assert!(english_words.contains("Getting there"));
    assert!(english_words.contains("Hello Sam. This is your plan."));

    let (french, french_errors, worker) = shared_screen(&worker, &fr);
    let (arabic, arabic_errors, _worker) = shared_screen(&worker, &ar);
    assert_eq!(
        (
            french.lang,
            arabic.lang,
            arabic.right_to_left,
            french.right_to_left
        ),
        (Lang::Fr, Lang::Ar, true, false)
    );
    for (lang, screen, errors) in [
        (Lang::Fr, &french, &french_errors),
        (Lang::Ar, &arabic, &arabic_errors),
    ] {
        let theirs = worded(screen, errors);
        assert!(
            theirs.len() >= english_words.len() - 2,
            "{lang:?}: {theirs:?}"
        );
        for text in &theirs {
            assert!(
                !english_words.contains(text),
                "{lang:?} shows English: {text:?}"
            );
        }
        // Every error reads as something to do, in the client's language.
        assert_eq!(errors.len(), 4);
        let english_errors: BTreeSet<_> = english_errors.iter().collect();
        assert!(errors.iter().all(|e| !english_errors.contains(e)));
    }
    assert_eq!(plain(&french.greeting), "Bonjour Robin. Voici votre plan.");
    assert_eq!(
        plain(&french.goals[0].my_ratings[0].said),
        "Vous avez dit 7 sur 10"
    );
    assert_eq!(french.words.rate, "Comment ça va ?");
    assert_eq!(french.rating_scale.len(), 10);
    assert_eq!(french.rating_scale[5].value, "6");
    assert_eq!(french.rating_scale[5].label, "Ça avance");
    assert_eq!(arabic.words.give_back, "إعادة الهاتف");
    assert_eq!(
        arabic.goals_count,
        say(Lang::Ar, "shared-goals-count", &[("count", 1_i64.into())])
    );
    // The client's name keeps its own direction inside the Arabic sentence.
    assert!(arabic.greeting.contains("\u{2068}Sam\u{2069}"));
    assert_eq!(arabic_errors[2], "يُرجى اختيار رقم من 1 إلى 10.");
}

#[test]
fn a_locked_shared_screen_says_so_in_the_clients_language() {
    let (_dir, _vault, worker) = common::new_vault();
    let fr = client_with_a_plan(&worker, "Robin", "fr");
    let shared = worker.open_shared(fr, None).unwrap();
    let _back = shared.leave(PASSPHRASE.into()).unwrap();
    let err = shared.screen(day("2026-02-10")).unwrap_err();
    assert!(matches!(err, Error::Locked { .. }));
    assert_eq!(
        shared.error_message(err),
        "Cet écran s'est fermé. Merci de rendre le téléphone à votre intervenant."
    );
}
