//! Progress as a picture: each goal's client and worker ratings as two separate series (never
//! averaged), review days marked, the duty balance by month, and the sentence a screen reader
//! speaks, in every language the client's words ship in.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{client_languages, ActivityKind, Author, ClientInput, Duty, RatingInput};
use alongside_core::{plain, ReviewInput, WorkerSession};
use common::worker::{day, done, goal};
use common::*;

/// Six months of ratings from both sides on one goal: the client 3 to 7, the worker 4 to 6, a
/// plan review in June, and done visits with their duties. Returns (client, goal).
fn six_months(s: &WorkerSession, language: Option<&str>) -> (String, String) {
    let c = s
        .add_client(ClientInput {
            language: language.map(str::to_string),
            ..ClientInput::named("Robin")
        })
        .unwrap()
        .id;
    let g = goal(s, &c, "Keep my flat");
    let client_scores = [3, 4, 4, 5, 6, 7];
    let worker_scores = [4, 4, 5, 5, 6, 6];
    for (i, month) in ["03", "04", "05", "06", "07", "08"].iter().enumerate() {
        for (by, score, d) in [
            (Author::Client, client_scores[i], "10"),
            (Author::Worker, worker_scores[i], "12"),
        ] {
            s.rate_goal(
                g.clone(),
                RatingInput {
                    on: day(&format!("2026-{month}-{d}")),
                    score,
                    by,
                    words: Some(format!("words {by:?} {month}")),
                },
            )
            .unwrap();
        }
        let duties: &[Duty] = if i < 3 {
            &[Duty::Advocate]
        } else {
            &[Duty::Empower, Duty::Educate]
        };
        s.add_activity(
            c.clone(),
            done(ActivityKind::HomeVisit, &format!("2026-{month}-15"), duties),
        )
        .unwrap();
    }
    let plan = s.plan(c.clone()).unwrap().unwrap();
    s.review_plan(
        plan.id,
        ReviewInput {
            on: day("2026-06-20"),
            what_changed: "Added a budget step".into(),
            why: "Rent went up".into(),
            next_due: day("2026-09-20"),
        },
    )
    .unwrap();
    (c, g)
}

#[test]
fn six_months_of_ratings_from_both_sides_as_two_series() {
    let (_dir, _vault, s) = new_vault();
    let (c, g) = six_months(&s, None);
    let chart = s.progress_chart(c.clone()).unwrap();
    assert_eq!((chart.score_min, chart.score_max), (1, 10));
    assert_eq!(chart.time_axis, "Month");
    assert_eq!(chart.score_axis, "Rating, 1 to 10");
    assert_eq!(chart.goals.len(), 1);
    let goal = &chart.goals[0];
    assert_eq!(goal.goal_id, g);
    assert_eq!(goal.words, "Keep my flat");
    let scores = |series: &[alongside_core::ChartPoint]| -> Vec<u8> {
        series.iter().map(|p| p.score).collect()
    };
    // Two lines, each its own author's scores in order, nothing averaged or merged.
    assert_eq!(scores(&goal.client_series), [3, 4, 4, 5, 6, 7]);
    assert_eq!(scores(&goal.worker_series), [4, 4, 5, 5, 6, 6]);
    assert_eq!(goal.client_series[0].on, day("2026-03-10"));
    assert_eq!(goal.worker_series[5].on, day("2026-08-12"));
    assert_eq!(goal.review_days, [day("2026-06-20")]);
    assert_eq!(
        plain(&goal.sentence),
        "The client's own rating went from 3 in March to 7 in August. \
         Your rating went from 4 in March to 6 in August."
    );
    // The duty balance by month: advocacy carried the first three months, then empower and
    // educate.
    let months: Vec<(String, u32, u32, u32)> = chart
        .duty_months
        .iter()
        .map(|m| (m.label.clone(), m.educate, m.empower, m.advocate))
        .collect();
    assert_eq!(
        months,
        [
            ("March".to_string(), 0, 0, 1),
            ("April".to_string(), 0, 0, 1),
            ("May".to_string(), 0, 0, 1),
            ("June".to_string(), 1, 1, 0),
            ("July".to_string(), 1, 1, 0),
            ("August".to_string(), 1, 1, 0),
        ]
    );
    assert_eq!(chart.duty_months[0].month_start, day("2026-03-01"));

    // The client's own chart: the same lines, in their voice, and no duty balance.
    let shared = s.open_shared(c, None).unwrap();
    let theirs = shared.progress_chart().unwrap();
    assert_eq!(theirs.goals[0].client_series, goal.client_series);
    assert_eq!(theirs.goals[0].worker_series, goal.worker_series);
    assert_eq!(
        plain(&theirs.goals[0].sentence),
        "Your own rating went from 3 in March to 7 in August. \
         Your worker's rating went from 4 in March to 6 in August."
    );
    assert!(theirs.duty_months.is_empty());
    // The worker's words on ratings are nowhere in either chart.
    for json in [
        serde_json::to_string(&chart).unwrap(),
        serde_json::to_string(&theirs).unwrap(),
    ] {
        assert!(!json.contains("words "), "{json}");
    }
}

#[test]
fn one_rating_no_rating_and_a_year_apart() {
    let (_dir, _vault, s) = new_vault();
    let c = s.add_client(ClientInput::named("Sam")).unwrap().id;
    let g = goal(&s, &c, "Sleep better");
    let chart = s.progress_chart(c.clone()).unwrap();
    assert_eq!(plain(&chart.goals[0].sentence), "No ratings yet.");
    s.rate_goal(
        g.clone(),
        RatingInput {
            on: day("2025-11-03"),
            score: 2,
            by: Author::Client,
            words: None,
        },
    )
    .unwrap();
    let chart = s.progress_chart(c.clone()).unwrap();
    assert_eq!(
        plain(&chart.goals[0].sentence),
        "The client's own rating was 2 in November."
    );
    s.rate_goal(
        g,
        RatingInput {
            on: day("2026-02-03"),
            score: 5,
            by: Author::Client,
            words: None,
        },
    )
    .unwrap();
    let chart = s.progress_chart(c).unwrap();
    assert_eq!(
        plain(&chart.goals[0].sentence),
        "The client's own rating went from 2 in November 2025 to 5 in February 2026."
    );
}

/// The sentence each shipped language gives for the six months above, in the client's voice.
fn expected(language: &str) -> &'static str {
    match language {
        "en" => {
            "Your own rating went from 3 in March to 7 in August. \
             Your worker's rating went from 4 in March to 6 in August."
        }
        "fr" => {
            "Votre propre note est passée de 3 en mars à 7 en août. \
             La note de votre intervenant est passée de 4 en mars à 6 en août."
        }
        "es" => {
            "Tu propia puntuación pasó de 3 en marzo a 7 en agosto. \
             La puntuación de tu acompañante pasó de 4 en marzo a 6 en agosto."
        }
        "ar" => {
            "تقييمك الخاص تغيّر من 3 في مارس إلى 7 في أغسطس. \
             تقييم مرافقك تغيّر من 4 في مارس إلى 6 في أغسطس."
        }
        other => panic!("a language ships without its expected sentence here: {other}"),
    }
}

#[test]
fn the_accessible_sentence_in_every_language_shipped() {
    let languages = client_languages();
    assert_eq!(languages, ["en", "fr", "es", "ar"]);
    for language in languages {
        let (_dir, _vault, s) = new_vault();
        let (c, _) = six_months(&s, Some(&language));
        let shared = s.open_shared(c, None).unwrap();
        let chart = shared.progress_chart().unwrap();
        assert_eq!(chart.language, language);
        assert_eq!(
            plain(&chart.goals[0].sentence),
            expected(&language),
            "{language}"
        );
        // Every word on the chart is in that language: none is left in English unless it is
        // English.
        if language != "en" {
            assert_ne!(chart.time_axis, "Month", "{language}");
            assert_ne!(chart.score_axis, "Rating, 1 to 10", "{language}");
            assert_ne!(chart.review_label, "Plan review", "{language}");
        }
    }
}
