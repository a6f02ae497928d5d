//! The balance between duties over a period, and the empowerment hint after weeks of advocacy
//! alone.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::Rule;
use alongside_core::{ActivityInput, ActivityKind, ActivityStatus};
use alongside_core::{Duty, DutySettings, DutyTrend};

use common::worker::*;

/// Thirteen weeks from Monday 5 January 2026. For the first six weeks Sam's visits are advocacy
/// (twice a week), then they turn to education with Sam doing more themself; Ria has one
/// education visit a week throughout. Planned, missed and cancelled visits do not count.
#[test]
fn balance_over_a_generated_quarter() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let ria = client(&s, "Ria");
    let from = day("2026-01-05");
    let to = from.add_days(13 * 7 - 1);
    let mut expected_sam = [0u32; 3];
    for week in 0..13i64 {
        let monday = from.add_days(week * 7);
        let duties: &[Duty] = if week < 6 {
            &[Duty::Advocate]
        } else {
            &[Duty::Empower, Duty::Educate]
        };
        for offset in [1, 3] {
            let on = monday.add_days(offset).to_string();
            s.add_activity(sam.clone(), done(ActivityKind::Office, &on, duties))
                .unwrap();
            for d in duties {
                expected_sam[*d as usize] += 1;
            }
        }
        s.add_activity(
            ria.clone(),
            done(
                ActivityKind::GroupSession,
                &monday.add_days(2).to_string(),
                &[Duty::Educate],
            ),
        )
        .unwrap();
    }
    // These do not count: not done, or outside the period.
    s.add_activity(
        sam.clone(),
        activity(ActivityKind::Office, "2026-02-10", &[Duty::Advocate]),
    )
    .unwrap();
    s.add_activity(
        sam.clone(),
        ActivityInput {
            status: Some(ActivityStatus::Missed),
            ..activity(ActivityKind::Office, "2026-02-11", &[Duty::Advocate])
        },
    )
    .unwrap();
    s.add_activity(
        sam.clone(),
        done(ActivityKind::Office, "2026-04-07", &[Duty::Advocate]),
    )
    .unwrap();

    let b = s.client_duty_balance(sam.clone(), from, to).unwrap();
    assert_eq!(b.activities, 26);
    let counts: Vec<u32> = b.duties.iter().map(|d| d.count).collect();
    assert_eq!(counts, expected_sam);
    assert_eq!(counts, [14, 14, 12]);
    let total: f64 = b.duties.iter().map(|d| d.share).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert_eq!(b.duties[2].percent, 30);
    assert_eq!(b.duties[2].trend, DutyTrend::Falling);
    assert_eq!(b.duties[1].trend, DutyTrend::Rising);
    assert_eq!(b.weeks.len(), 13);
    assert_eq!(b.weeks[0].advocate, 2);
    assert_eq!(b.weeks[12].empower, 2);
    assert_eq!(
        alongside_core::plain(&b.summary),
        "26 activities: 35% educate, 35% empower, 30% advocate"
    );
    // Advocacy turned into empowerment, so no prompt.
    assert_eq!(b.hint, None);

    let all = s.duty_balance(from, to).unwrap();
    assert_eq!(all.activities, 39);
    assert_eq!(all.duties[0].count, 14 + 13);
    assert_eq!(all.hint, None);

    let empty = s
        .client_duty_balance(sam.clone(), day("2025-01-01"), day("2025-01-31"))
        .unwrap();
    assert_eq!(empty.activities, 0);
    assert_eq!(empty.duties[0].trend, DutyTrend::NotEnoughData);
    assert_eq!(empty.summary, "No activities recorded in this period.");

    assert_rule(
        s.duty_balance(to, from),
        "to",
        Rule::NotBefore {
            other: "the period's first day".into(),
        },
    );
    assert_not_allowed(s.duty_balance(from, from.add_days(400)), "to");
}

#[test]
fn weeks_of_advocacy_with_no_empowerment_prompt_an_empowerment_step() {
    let (_d, _v, s) = vault();
    let sam = client(&s, "Sam");
    let start = day("2026-03-02");
    for week in 0..6 {
        s.add_activity(
            sam.clone(),
            done(
                ActivityKind::ThirdPartyContact,
                &start.add_days(week * 7).to_string(),
                &[Duty::Advocate],
            ),
        )
        .unwrap();
    }
    let to = start.add_days(5 * 7 + 2);
    let b = s.client_duty_balance(sam.clone(), start, to).unwrap();
    let hint = b.hint.expect("a prompt after five weeks of advocacy");
    assert_eq!(hint.weeks, 5);
    assert_eq!(hint.since, start);
    assert_eq!(hint.advocacy_activities, 6);
    assert_eq!(
        alongside_core::plain(&hint.message),
        "For 5 weeks, the work with Sam has been advocacy, with no empowerment step recorded. \
         Could the next visit plan a step Sam takes, with your support?"
    );

    // Not yet as of three weeks in.
    let early = s
        .client_duty_balance(sam.clone(), start, start.add_days(20))
        .unwrap();
    assert_eq!(early.hint, None);

    // The threshold is a setting.
    assert_eq!(s.duty_settings().unwrap().advocacy_hint_weeks, 4);
    s.set_duty_settings(DutySettings {
        advocacy_hint_weeks: 8,
    })
    .unwrap();
    assert_eq!(
        s.client_duty_balance(sam.clone(), start, to).unwrap().hint,
        None
    );
    assert_rule(
        s.set_duty_settings(DutySettings {
            advocacy_hint_weeks: 0,
        }),
        "advocacy_hint_weeks",
        Rule::OutOfRange { min: 1, max: 52 },
    );
    s.set_duty_settings(DutySettings {
        advocacy_hint_weeks: 2,
    })
    .unwrap();
    assert!(s
        .client_duty_balance(sam.clone(), start, to)
        .unwrap()
        .hint
        .is_some());

    // One step Sam takes themself resets it.
    s.add_activity(
        sam.clone(),
        done(
            ActivityKind::Office,
            &to.add_days(-1).to_string(),
            &[Duty::Empower],
        ),
    )
    .unwrap();
    assert_eq!(s.client_duty_balance(sam, start, to).unwrap().hint, None);
}
