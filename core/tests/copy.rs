//! The client's copy: one self-contained HTML document in the client's language, with their goals
//! in their words, their ratings drawn as SVG and their wellness and crisis plan, everything
//! escaped, nothing fetched, no script, and none of what the client's screen does not show.
//! (tests/copy/run.sh renders it in a real browser to PNG and PDF.)

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{Author, ClientInput, GoalInput, GoalStatus, LifeArea, RatingInput};
use alongside_core::{WellnessSection, WorkerSession};
use common::worker::day;
use common::*;
use std::sync::Arc;

/// A client whose every text tries to break out of the document, with a goal they see, one they
/// do not, ratings from both sides and a wellness plan. Returns the worker's session (handed back
/// by shared mode) and the client's id.
fn hostile(s: &WorkerSession, language: Option<&str>) -> (Arc<WorkerSession>, String) {
    let c = s
        .add_client(ClientInput {
            language: language.map(str::to_string),
            ..ClientInput::named("Robin <script>alert(1)</script>")
        })
        .unwrap()
        .id;
    let plan = s
        .create_plan(c.clone(), day("2026-01-05"), day("2026-04-05"))
        .unwrap();
    let goal = |words: &str, visible: bool| {
        s.add_goal(
            c.clone(),
            plan.id.clone(),
            GoalInput {
                area: LifeArea::Housing,
                client_words: words.into(),
                worker_step: Some("HIDDEN-worker-step".into()),
                measure: Some("HIDDEN-measure".into()),
                target_date: None,
                visible_to_client: Some(visible),
            },
        )
        .unwrap()
        .id
    };
    let seen = goal("Keep my flat & pay \"rent\" <on time>", true);
    let hidden = goal("HIDDEN-goal", false);
    let dropped = goal("HIDDEN-dropped", true);
    s.set_goal_status(
        dropped,
        GoalStatus::Dropped {
            reason: "HIDDEN-reason".into(),
        },
    )
    .unwrap();
    s.add_step(seen.clone(), "Call the <b>landlord</b>".into())
        .unwrap();
    for (on, score, by, words) in [
        ("2026-03-10", 3, Author::Client, "It's hard <img src=x>"),
        ("2026-03-12", 4, Author::Worker, "HIDDEN-worker-words"),
        ("2026-08-10", 7, Author::Client, "Better now"),
        ("2026-08-12", 6, Author::Worker, "HIDDEN-worker-words-2"),
    ] {
        s.rate_goal(
            seen.clone(),
            RatingInput {
                on: day(on),
                score,
                by,
                words: Some(words.into()),
            },
        )
        .unwrap();
    }
    s.rate_goal(
        hidden,
        RatingInput {
            on: day("2026-03-10"),
            score: 9,
            by: Author::Worker,
            words: Some("HIDDEN-on-hidden".into()),
        },
    )
    .unwrap();
    s.add_note(c.clone(), None, "HIDDEN-note".into()).unwrap();
    let shared = s.open_shared(c.clone(), None).unwrap();
    shared
        .write_wellness(
            WellnessSection::CrisisHelps,
            Some("Quiet </p><a href=\"https://example.org\">link</a>".into()),
            day("2026-03-01"),
        )
        .unwrap();
    (shared.leave(PASSPHRASE.into()).unwrap(), c)
}

#[test]
fn the_copy_is_self_contained_escaped_and_holds_only_the_clients_own() {
    let (_dir, _vault, s) = new_vault();
    let other = s.add_client(ClientInput::named("HIDDEN-other")).unwrap().id;
    s.write_wellness_with_client(
        other,
        WellnessSection::WhenWell,
        Some("HIDDEN-other-plan".into()),
        day("2026-03-01"),
    )
    .unwrap();
    let (s, c) = hostile(&s, None);
    let html = s.client_copy(c, day("2026-11-30")).unwrap();

    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    // Escaped where they were written.
    let escaped = [
        "Robin &lt;script&gt;alert(1)&lt;/script&gt;",
        "Keep my flat &amp; pay &quot;rent&quot; &lt;on time&gt;",
        "Call the &lt;b&gt;landlord&lt;/b&gt;",
        "It&#39;s hard &lt;img src=x&gt;",
        "Quiet &lt;/p&gt;&lt;a href=&quot;https://example.org&quot;&gt;link&lt;/a&gt;",
    ];
    let mut markup = html.clone();
    for text in escaped {
        assert!(html.contains(text), "{text} not escaped");
        markup = markup.replace(text, "");
    }
    // Beside the client's (escaped) words, nothing runs and nothing is fetched: no script, no
    // link, no source, no import, no url().
    let lower = markup.to_lowercase();
    for banned in [
        "<script", "<a ", "href=", "src=", "@import", "url(", "<link", "<iframe", "<img",
    ] {
        assert!(!lower.contains(banned), "{banned} in the copy");
    }
    // The only address is the SVG namespace's name, which is never fetched.
    assert_eq!(lower.matches("http").count(), lower.matches("<svg").count());
    // The client's own: their words on their ratings, the picture, the sentence, their plan.
    assert!(html.contains("Better now"));
    assert_eq!(html.matches("<svg").count(), 1);
    assert_eq!(
        html.matches("<polyline").count(),
        2,
        "two lines, never averaged"
    );
    assert!(html.contains("Your own rating went from 3 in March to 7 in August."));
    assert!(html.contains("In a crisis, this helps me"));
    assert!(html.contains("In your own words"));
    // Printable on A4 and Letter.
    assert!(html.contains("@page") && html.contains("@media print"));
    // Nothing the client's screen does not show.
    assert!(!html.contains("HIDDEN"), "{html}");
}

#[test]
fn the_copy_is_in_the_clients_language() {
    let (_dir, _vault, s) = new_vault();
    let (s, c) = hostile(&s, Some("es-MX"));
    let html = s.client_copy(c, day("2026-11-30")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\" dir=\"ltr\">"));
    assert!(html.contains("Mis metas"));
    assert!(html.contains("Tu propia puntuación pasó de 3 en marzo a 7 en agosto."));
    assert!(html.contains("Mi plan de bienestar y de crisis"));
    assert!(!html.contains("HIDDEN"));
}

#[test]
fn an_arabic_copy_reads_right_to_left() {
    let (_dir, _vault, s) = new_vault();
    let (s, c) = hostile(&s, Some("ar"));
    let html = s.client_copy(c, day("2026-11-30")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("أهدافي"));
    assert!(html.contains("خطتي للعافية والأزمات"));
    // The client's Latin name inside the Arabic title keeps its own direction.
    assert!(html.contains("<h1>خطتي: <bdi>Robin &lt;script&gt;alert(1)&lt;/script&gt;</bdi></h1>"));
    // No isolation mark is left raw: each became a <bdi>.
    assert!(!html.contains('\u{2068}') && !html.contains('\u{2069}'));
    assert!(!html.contains("HIDDEN"));
}
