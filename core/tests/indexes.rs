//! The sealed indexes behind the screens: every screen built from them equals the same screen
//! built by opening every record, after random writes, edits, erasures and a backup restore, and
//! a vault from a build before the indexes (or from an earlier version of them) has them built
//! at the first read.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::test_support::by_full_scan;
use alongside_core::{ActivityInput, ActivityKind, ClockTime, CornerSettings, DebriefInput};
use alongside_core::{ActivityStatus, BackupOptions, KdfCost, ReferralStatus, WorkerSession};
use alongside_core::{Author, DebriefOccasion, HeavyWeekThresholds, Lang, RatingInput};
use alongside_core::{ClientInput, ClientStatus, ReviewInput};
use alongside_core::{Day, Duty, IncidentInput, IncidentKind, ReferralInput, ResourceCategory};
use alongside_core::{Scheduling, WorkingHours};
use common::worker::*;
use common::*;
use std::sync::Arc;

/// A small seeded generator (xorshift), so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
    fn day(&mut self) -> Day {
        day("2026-01-01").add_days(self.below(300) as i64)
    }
}

struct World {
    clients: Vec<String>,
    activities: Vec<String>,
    incidents: Vec<String>,
    referrals: Vec<String>,
    resource: String,
    goals: Vec<String>,
}

fn duties(rng: &mut Rng) -> Vec<Duty> {
    let mut d: Vec<Duty> = Duty::ALL
        .iter()
        .copied()
        .filter(|_| rng.below(2) == 0)
        .collect();
    if d.is_empty() {
        d.push(Duty::ALL[rng.below(3)]);
    }
    d
}

fn step(s: &WorkerSession, w: &mut World, rng: &mut Rng) {
    match rng.below(13) {
        0 => w
            .clients
            .push(client(s, &format!("Client {}", w.clients.len()))),
        1..=3 => {
            let Some(c) = rng.pick(&w.clients).cloned() else {
                return;
            };
            let kind = [ActivityKind::HomeVisit, ActivityKind::CrisisResponse][rng.below(2)];
            let mut input = ActivityInput::new(kind, rng.day(), duties(rng));
            input.purpose = Some("Check in on the week".into());
            input.scheduling = [Scheduling::Planned, Scheduling::Emergency][rng.below(2)];
            if rng.below(4) > 0 {
                // Days of back-to-back visits and of visits past the working day's end.
                input.time = ClockTime::from_hm(8 + rng.below(10) as u32, 0);
                input.duration_minutes = Some([30, 60, 120, 200][rng.below(4)]);
            }
            input.status = Some(if rng.below(3) == 0 {
                ActivityStatus::Scheduled
            } else {
                ActivityStatus::Done
            });
            w.activities.push(s.add_activity(c, input).unwrap().id);
        }
        4 => {
            let Some(a) = rng.pick(&w.activities).cloned() else {
                return;
            };
            let Ok(current) = s.activity(a.clone()) else {
                return; // erased with its client
            };
            let mut input = ActivityInput::new(current.kind, rng.day(), duties(rng));
            input.purpose = current.purpose.clone();
            input.status = Some(current.status);
            s.update_activity(a.clone(), input).unwrap();
            let status = [
                ActivityStatus::Done,
                ActivityStatus::Missed,
                ActivityStatus::Scheduled,
            ][rng.below(3)]
            .clone();
            s.set_activity_status(a, status).unwrap();
        }
        5 => {
            let Some(c) = rng.pick(&w.clients).cloned() else {
                return;
            };
            let input = IncidentInput {
                kind: IncidentKind::SafetyRisk,
                occurred_on: rng.day(),
                occurred_at: None,
                description: "Gas smell in the hallway.".into(),
                activity_id: None,
            };
            w.incidents
                .push(s.report_incident(c, input).unwrap().incident.id);
        }
        6 => {
            let Some(i) = rng.pick(&w.incidents).cloned() else {
                return;
            };
            let Ok(v) = s.incident(i.clone()) else {
                return;
            };
            if !v.incident.is_open() {
                return;
            }
            for a in v.incident.missing_actions() {
                s.record_incident_action(i.clone(), action(a, "Sam", "2026-11-20"))
                    .unwrap();
            }
            if rng.below(2) == 0 {
                s.close_incident(i, day("2026-11-21"), None).unwrap();
            }
        }
        7 => {
            let Some(c) = rng.pick(&w.clients).cloned() else {
                return;
            };
            let input = ReferralInput {
                resource_id: w.resource.clone(),
                reason: None,
                made_on: day("2026-01-01"),
                follow_up_due: (rng.below(4) > 0).then(|| rng.day()),
            };
            w.referrals.push(s.refer(c, input).unwrap().referral.id);
        }
        8 => {
            let Some(r) = rng.pick(&w.referrals).cloned() else {
                return;
            };
            let status = [ReferralStatus::Accepted, ReferralStatus::Completed][rng.below(2)];
            // Refused when the move is not allowed, or the referral went with its client.
            let _ = s.set_referral_status(r, status, day("2026-01-05"), None);
        }
        9 if rng.below(5) == 0 => {
            let input = DebriefInput {
                day: rng.day(),
                occasion: DebriefOccasion::EndOfDay,
                score: 1 + rng.below(6) as i32,
                words: None,
                what_helped: None,
                for_myself: None,
                took_break: [None, Some(false), Some(true)][rng.below(3)],
                share_with_supervisor: false,
            };
            let d = s.add_debrief(input.clone()).unwrap();
            if rng.below(3) == 0 {
                s.update_debrief(d.id.clone(), DebriefInput { score: 9, ..input })
                    .unwrap();
            } else if rng.below(3) == 0 {
                s.delete_debrief(d.id).unwrap();
            }
        }
        9 if rng.below(2) == 0 => {
            let Some(c) = rng.pick(&w.clients).cloned() else {
                return;
            };
            let g = goal(s, &c, "A flat of my own");
            if rng.below(2) == 0 {
                let input = s.goal(g.clone()).unwrap();
                // Refused when the day drawn is before the plan's start.
                let _ = s.update_goal(
                    g.clone(),
                    alongside_core::GoalInput {
                        area: input.area,
                        client_words: "A flat near my sister".into(),
                        worker_step: None,
                        measure: None,
                        target_date: Some(rng.day()),
                        visible_to_client: None,
                    },
                );
            }
            w.goals.push(g);
        }
        9 => {
            let Some(g) = rng.pick(&w.goals).cloned() else {
                return;
            };
            // Refused when the goal went with its client.
            let _ = s.set_goal_status(g, alongside_core::GoalStatus::Paused);
        }
        11 => {
            // A client renamed, given pronouns, paused, discharged or taken back.
            let Some(c) = rng.pick(&w.clients).cloned() else {
                return;
            };
            let since = rng.day();
            match rng.below(3) {
                0 => {
                    let current = s.client(c.clone()).unwrap();
                    let mut input = ClientInput::named(&format!("{} Jr", current.preferred_name));
                    input.pronouns = Some(["she/her", "they/them"][rng.below(2)].into());
                    s.update_client(c, input).unwrap();
                }
                1 => {
                    let status = [
                        ClientStatus::Paused { since },
                        ClientStatus::Discharged { on: since },
                        ClientStatus::Active { since },
                    ][rng.below(3)]
                    .clone();
                    // Refused when the move is not allowed.
                    let _ = s.set_client_status(c, status);
                }
                _ => {
                    let _ = s.set_client_status(c, ClientStatus::Active { since });
                }
            }
        }
        12 => {
            // A plan made, or reviewed with a new day for the next review.
            let Some(c) = rng.pick(&w.clients).cloned() else {
                return;
            };
            let next_due = day("2026-01-06").add_days(rng.below(300) as i64);
            match s.plan(c.clone()).unwrap() {
                None => {
                    s.create_plan(c, day("2026-01-05"), next_due).unwrap();
                }
                Some(plan) => {
                    let input = ReviewInput {
                        on: day("2026-01-05"),
                        what_changed: "Moved the housing goal on".into(),
                        why: "The flat came through".into(),
                        next_due,
                    };
                    // Refused when the review day is not allowed.
                    let _ = s.review_plan(plan.id, input);
                }
            }
        }
        _ => {
            if w.clients.len() > 3 && rng.below(3) == 0 {
                let i = rng.below(w.clients.len());
                s.erase_client(w.clients.remove(i)).unwrap();
            }
        }
    }
}

/// Every indexed screen, from the indexes and by opening every record, must agree.
fn assert_same_screens(s: &WorkerSession) {
    for c in s.clients().unwrap().clients {
        for (offset, limit) in [(0, 5), (3, 7), (0, 200), (11, 4), (60, 10)] {
            let id = c.id.clone();
            let indexed = s.timeline(id.clone(), offset, limit).unwrap();
            assert_eq!(
                indexed,
                by_full_scan(|| s.timeline(id, offset, limit).unwrap())
            );
        }
    }
    for d in ["2026-01-10", "2026-04-01", "2026-09-30", "2026-11-01"] {
        let d = day(d);
        let indexed = s.caseload(d).unwrap();
        assert_eq!(indexed, by_full_scan(|| s.caseload(d).unwrap()));
        let indexed = s.today_at(d, None).unwrap();
        assert_eq!(indexed, by_full_scan(|| s.today_at(d, None).unwrap()));
        for week in 0..4 {
            let d = d.add_days(-7 * week);
            let indexed = s.heavy_week(d, Lang::En).unwrap();
            assert_eq!(indexed, by_full_scan(|| s.heavy_week(d, Lang::En).unwrap()));
        }
        let (from, to) = (d.add_days(-364), d);
        let indexed = s.duty_balance(from, to).unwrap();
        assert_eq!(indexed, by_full_scan(|| s.duty_balance(from, to).unwrap()));
        let (from, to) = (d.add_days(-30), d);
        let indexed = s.duty_balance(from, to).unwrap();
        assert_eq!(indexed, by_full_scan(|| s.duty_balance(from, to).unwrap()));
    }
}

fn world(s: &WorkerSession) -> World {
    // Every reason of the heavy-week signal shows its count from one of it, so the screens
    // compare the week's counts themselves.
    s.set_corner_settings(CornerSettings {
        working_hours: Some(WorkingHours {
            days: (1..=7).collect(),
            start: time("08:00"),
            end: time("17:00"),
        }),
        heavy_week: HeavyWeekThresholds {
            crisis_responses: 1,
            incidents: 1,
            emergency_visits: 1,
            late_finishes: 1,
            days_without_break: 1,
            heavy_debriefs: 1,
        },
        ..CornerSettings::default()
    })
    .unwrap();
    let resource = s
        .add_resource(resource("Legal Aid", ResourceCategory::LegalAid, &["en"]))
        .unwrap()
        .id;
    World {
        clients: (0..4).map(|i| client(s, &format!("Client {i}"))).collect(),
        activities: Vec::new(),
        incidents: Vec::new(),
        referrals: Vec::new(),
        resource,
        goals: Vec::new(),
    }
}

/// The walk from `seed` after 80 steps on `s`: its world and its generator, to go on with.
fn walk(s: &WorkerSession, seed: u64) -> (World, Rng) {
    let mut w = world(s);
    let mut rng = Rng(seed);
    for _ in 0..80 {
        step(s, &mut w, &mut rng);
    }
    (w, rng)
}

#[test]
fn screens_from_the_indexes_equal_screens_from_every_record() {
    for seed in [1u64, 7, 42] {
        let (_dir, _vault, s) = new_vault();
        let mut w = world(&s);
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        for round in 0..6 {
            for _ in 0..25 {
                step(&s, &mut w, &mut rng);
            }
            assert_same_screens(&s);
            // The counts are not trivially empty: the walk has made done work and open items.
            if round == 5 {
                let year = s
                    .duty_balance(day("2025-12-01"), day("2026-11-30"))
                    .unwrap();
                assert!(year.activities > 0, "seed {seed}");
            }
        }
    }
}

#[test]
fn a_restored_backup_keeps_its_indexes_in_step() {
    let (_dir, _vault, s) = new_vault();
    let (mut w, mut rng) = walk(&s, 99);
    let mut bytes = Vec::new();
    s.write_backup(
        PASSPHRASE,
        "a different backup passphrase",
        &mut bytes,
        &BackupOptions {
            kdf: KdfCost::Test,
            ..BackupOptions::default()
        },
    )
    .unwrap();
    let target = tempfile::tempdir().unwrap();
    let into = target.path().join("restored");
    let (restored, _) = alongside_core::restore_stream(
        &bytes[..],
        "a different backup passphrase",
        &dir_string(&into),
        "the new phone's passphrase",
        None,
        KdfCost::Test,
    )
    .unwrap();
    let r: Arc<WorkerSession> = restored.worker().unwrap();
    assert_same_screens(&r);
    assert_eq!(
        r.today_at(day("2026-11-01"), None).unwrap(),
        s.today_at(day("2026-11-01"), None).unwrap()
    );
    // Writes after the restore keep them in step too.
    for _ in 0..40 {
        step(&r, &mut w, &mut rng);
    }
    assert_same_screens(&r);
    assert!(r.verify_audit().unwrap().ok);
}

#[test]
fn a_vault_from_before_the_indexes_has_them_built_at_the_first_read() {
    let (dir, vault, s) = new_vault();
    walk(&s, 5);
    let before = by_full_scan(|| s.today_at(day("2026-11-01"), None).unwrap());
    let balance = by_full_scan(|| {
        s.duty_balance(day("2025-11-02"), day("2026-11-01"))
            .unwrap()
    });
    drop((s, vault));
    // As an earlier build left it: no index rows at all.
    let raw = raw(dir.path());
    let gone = raw
        .execute(
            "DELETE FROM records WHERE kind IN ('index_mark', 'index_total', 'index_built')",
            [],
        )
        .unwrap();
    assert!(gone > 0);
    drop(raw);
    let (_vault, s) = unlock(dir.path());
    assert_eq!(s.today_at(day("2026-11-01"), None).unwrap(), before);
    assert_eq!(
        s.duty_balance(day("2025-11-02"), day("2026-11-01"))
            .unwrap(),
        balance
    );
    assert_same_screens(&s);
}

#[test]
fn every_page_of_a_dense_history_equals_the_page_from_every_record() {
    // Several records a day for weeks, so pages start and end inside a week's bucket, span
    // several weeks, and name goals and services of their own.
    let (_dir, _vault, s) = new_vault();
    let c = client(&s, "Dense history");
    let goals = [
        goal(&s, &c, "A flat near my sister"),
        goal(&s, &c, "Back to college"),
    ];
    let services = [
        s.add_resource(resource("Legal Aid", ResourceCategory::LegalAid, &["en"]))
            .unwrap()
            .id,
        s.add_resource(resource("Food bank", ResourceCategory::FoodBank, &["en"]))
            .unwrap()
            .id,
    ];
    for i in 0..40i64 {
        let on = day("2026-03-01").add_days(i);
        let mut input = ActivityInput::new(ActivityKind::HomeVisit, on, vec![Duty::Educate]);
        input.purpose = Some("Check in on the week".into());
        input.time = ClockTime::from_hm(9 + (i % 8) as u32, 0);
        let visit = s.add_activity(c.clone(), input).unwrap().id;
        if i % 2 == 0 {
            s.add_note(c.clone(), Some(visit), format!("Visit {i}."))
                .unwrap();
        }
        let by = [Author::Client, Author::Worker][(i % 2) as usize];
        let rating = RatingInput {
            on,
            score: 1 + (i % 10) as i32,
            by,
            words: None,
        };
        s.rate_goal(goals[(i % 2) as usize].clone(), rating)
            .unwrap();
        if i % 5 == 0 {
            let input = ReferralInput {
                resource_id: services[(i % 2) as usize].clone(),
                reason: Some("Advice on the lease".into()),
                made_on: on,
                follow_up_due: None,
            };
            s.refer(c.clone(), input).unwrap();
        }
    }
    let all = by_full_scan(|| s.timeline(c.clone(), 0, 200).unwrap());
    assert_eq!(all.items.len(), 108);
    for limit in [1, 7, 15, 50] {
        for offset in (0..110).step_by(3) {
            let indexed = s.timeline(c.clone(), offset, limit).unwrap();
            let end = (offset + limit).min(108) as usize;
            let expected = all.items.get(offset as usize..end).unwrap_or_default();
            assert_eq!(indexed.items, expected, "offset {offset}, limit {limit}");
        }
    }
    // The rows name their goals and services, read for the page alone.
    let details: Vec<_> = all.items.iter().filter_map(|i| i.detail.clone()).collect();
    assert!(details.iter().any(|d| d == "Back to college"));
    assert!(all.items.iter().any(|i| i.title.contains("Food bank")));
}

#[test]
fn a_vault_marked_by_an_earlier_version_of_the_indexes_is_marked_again_once() {
    let (dir, vault, s) = new_vault();
    walk(&s, 11);
    assert_same_screens(&s);
    drop((s, vault));
    // An earlier version's marks, without this version's record of having built them.
    let db = raw(dir.path());
    let count = |raw: &rusqlite::Connection| -> i64 {
        raw.query_row(
            "SELECT COUNT(*) FROM records WHERE kind = 'index_mark'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let marks = count(&db);
    assert!(
        db.execute("DELETE FROM records WHERE kind = 'index_built'", [])
            .unwrap()
            > 0
    );
    drop(db);
    let (_vault, s) = unlock(dir.path());
    assert_same_screens(&s);
    // Marked again in place: each record's marks once, none twice.
    assert_eq!(count(&raw(dir.path())), marks);
}
