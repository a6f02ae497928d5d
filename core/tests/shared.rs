//! Shared mode: the client sees their own plan and nothing else, and only the worker can leave it.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use alongside_core::Duty;
use alongside_core::EntryKind;
use alongside_core::KdfCost;
use alongside_core::WellnessSection;
use alongside_core::{ActivityInput, ActivityKind};
use alongside_core::{AreaAssessment, AssessmentInput, LifeArea, Risk, RiskLevel};
use alongside_core::{Author, GoalInput, GoalStatus, RatingInput};
use alongside_core::{CertificationInput, DebriefInput, DebriefOccasion};
use alongside_core::{ClientInput, Consent, Contact};
use alongside_core::{ClockTime, Day, Error, PlatformKey, SharedSession, Vault, WorkerSession};
use alongside_core::{IncidentInput, IncidentKind};
use alongside_core::{ReferralInput, ResourceCategory, ResourceInput};
use alongside_core::{SupervisionActionInput, SupervisionInput};
use std::sync::Arc;

const PASS: &str = "correct horse battery";

/// A fresh vault at the test cost of the key derivation, unlocked, with its worker session.
fn worker_vault() -> (tempfile::TempDir, Arc<Vault>, Arc<WorkerSession>) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create_with_cost(
        dir.path().display().to_string(),
        PASS.into(),
        None,
        KdfCost::Test,
    )
    .unwrap();
    let worker = vault.worker().unwrap();
    (dir, vault, worker)
}

fn day(s: &str) -> Day {
    Day::parse("test", s).unwrap()
}

/// A small deterministic generator, so a failing caseload can be replayed from its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Caseload {
    _dir: tempfile::TempDir,
    _vault: Arc<Vault>,
    session: Arc<WorkerSession>,
    client_id: String,
    /// Goals the client may act on.
    visible_goals: Vec<(String, Vec<String>)>,
    /// Every other id that exists on the phone: other clients' goals, hidden goals, steps of those.
    other_ids: Vec<String>,
    /// Goal and step pairs the client must not write to: another client's goal with its real
    /// step, a hidden goal with its real step, a dropped goal with its real step, and mismatched
    /// pairs (a visible goal with a step of another goal, and the other way round).
    forbidden: Vec<(String, String)>,
    /// Goals of the client's own that the client does not see (hidden or dropped).
    unseen_goals: Vec<String>,
    /// The other clients on the phone.
    other_clients: Vec<String>,
    /// Strings that must never appear in anything the shared view returns.
    secrets: Vec<String>,
}

fn goal_input(words: String, visible: bool, rng_marker: &str) -> GoalInput {
    GoalInput {
        area: LifeArea::Housing,
        client_words: words,
        worker_step: Some(format!("{rng_marker}-worker-step")),
        measure: Some(format!("{rng_marker}-measure")),
        target_date: Some(day("2026-09-01")),
        visible_to_client: Some(visible),
    }
}

/// Clients with a unique marker in every field; the client handed the phone is client 0.
fn caseload(seed: u64) -> Caseload {
    let mut rng = Rng(seed | 1);
    let (dir, vault, s) = worker_vault();
    let resource = s
        .add_resource(ResourceInput {
            name: format!("SECRET{seed}-resource"),
            category: ResourceCategory::Housing,
            contact: None,
            hours: None,
            languages: vec![],
            notes: Some(format!("SECRET{seed}-resource-notes")),
        })
        .unwrap();
    let clients = 2 + rng.below(4);
    let mut out = Caseload {
        _dir: dir,
        _vault: vault.clone(),
        session: s.clone(),
        client_id: String::new(),
        visible_goals: vec![],
        other_ids: vec![],
        forbidden: vec![],
        unseen_goals: vec![],
        other_clients: vec![],
        secrets: vec![],
    };
    for i in 0..clients {
        let m = |what: &str| format!("SECRET{seed}c{i}-{what}");
        let c = s
            .add_client(ClientInput {
                preferred_name: if i == 0 { "Robin".into() } else { m("name") },
                legal_name: Some(m("legal")),
                pronouns: Some("they/them".into()),
                language: None,
                cultural_notes: Some(m("culture")),
                contacts: vec![Contact {
                    name: m("contact"),
                    relationship: Some(m("relationship")),
                    phone: Some("555-0199".into()),
                    notes: Some(m("contact-notes")),
                }],
                consents: vec![Consent {
                    with_whom: m("consent-with"),
                    what: m("consent-what"),
                    until: None,
                }],
            })
            .unwrap();
        for what in [
            "legal",
            "culture",
            "contact",
            "relationship",
            "contact-notes",
            "consent-with",
            "consent-what",
        ] {
            out.secrets.push(m(what));
        }
        if i > 0 {
            out.secrets.push(m("name"));
        }
        s.add_assessment(
            c.id.clone(),
            AssessmentInput {
                on: day("2026-01-05"),
                areas: vec![AreaAssessment {
                    area: LifeArea::Safety,
                    needs: Some(m("needs")),
                    strengths: Some(m("strengths")),
                    risks: vec![Risk {
                        description: m("risk"),
                        level: RiskLevel::High,
                    }],
                    client_words: Some(m("assessment-words")),
                }],
                client_words: Some(m("assessment-summary")),
            },
        )
        .unwrap();
        out.secrets.extend(
            [
                "needs",
                "strengths",
                "risk",
                "assessment-words",
                "assessment-summary",
            ]
            .map(m),
        );
        let plan = s
            .create_plan(c.id.clone(), day("2026-01-05"), day("2026-04-05"))
            .unwrap();
        let goals = 1 + rng.below(3);
        for g in 0..goals {
            let visible = i == 0 && g % 2 == 0;
            let words = if visible {
                format!("Robin goal {g}")
            } else {
                m(&format!("goal{g}"))
            };
            let goal = s
                .add_goal(
                    c.id.clone(),
                    plan.id.clone(),
                    goal_input(words.clone(), visible || i > 0, &m(&format!("g{g}"))),
                )
                .unwrap();
            let goal = s
                .add_step(
                    goal.id.clone(),
                    if visible {
                        format!("Robin step {g}")
                    } else {
                        m(&format!("step{g}"))
                    },
                )
                .unwrap();
            out.secrets.push(m(&format!("g{g}-worker-step")));
            out.secrets.push(m(&format!("g{g}-measure")));
            s.rate_goal(
                goal.id.clone(),
                RatingInput {
                    on: day("2026-02-01"),
                    score: 5,
                    by: Author::Worker,
                    words: Some(m(&format!("worker-rating{g}"))),
                },
            )
            .unwrap();
            out.secrets.push(m(&format!("worker-rating{g}")));
            if i == 0 && g == 1 {
                // A goal the client does not see, hidden by the worker.
                s.update_goal(goal.id.clone(), goal_input(words.clone(), false, &m("g1")))
                    .unwrap();
            }
            if visible {
                out.visible_goals.push((
                    goal.id.clone(),
                    goal.steps.iter().map(|st| st.id.clone()).collect(),
                ));
            } else {
                out.secrets.push(words);
                out.secrets.push(m(&format!("step{g}")));
                out.other_ids.push(goal.id.clone());
                out.other_ids
                    .extend(goal.steps.iter().map(|st| st.id.clone()));
                out.forbidden
                    .push((goal.id.clone(), goal.steps[0].id.clone()));
                if i == 0 {
                    out.unseen_goals.push(goal.id.clone());
                }
            }
        }
        if i == 0 {
            let dropped = s
                .add_goal(
                    c.id.clone(),
                    plan.id.clone(),
                    goal_input(m("dropped-goal"), true, &m("gd")),
                )
                .unwrap();
            let dropped = s.add_step(dropped.id, m("dropped-step")).unwrap();
            s.set_goal_status(
                dropped.id.clone(),
                GoalStatus::Dropped {
                    reason: m("drop-reason"),
                },
            )
            .unwrap();
            out.secrets.extend([
                m("dropped-goal"),
                m("dropped-step"),
                m("drop-reason"),
                m("gd-worker-step"),
                m("gd-measure"),
            ]);
            out.forbidden
                .push((dropped.id.clone(), dropped.steps[0].id.clone()));
            out.unseen_goals.push(dropped.id.clone());
            out.other_ids.push(dropped.id);
            out.client_id = c.id.clone();
        }
        let activity = s
            .add_activity(
                c.id.clone(),
                ActivityInput {
                    time: ClockTime::from_hm(10, 0),
                    place: Some(m("place")),
                    purpose: Some(m("purpose")),
                    ..ActivityInput::new(
                        ActivityKind::HomeVisit,
                        day("2026-06-01"),
                        vec![Duty::Advocate],
                    )
                },
            )
            .unwrap();
        let note = s
            .add_note(c.id.clone(), Some(activity.id.clone()), m("note"))
            .unwrap();
        s.sign_note(note.note.id.clone()).unwrap();
        s.add_addendum(note.note.id, m("addendum-reason"), m("addendum"))
            .unwrap();
        s.report_incident(
            c.id.clone(),
            IncidentInput {
                kind: IncidentKind::SafetyRisk,
                occurred_on: day("2026-02-02"),
                occurred_at: None,
                description: m("incident"),
                activity_id: None,
            },
        )
        .unwrap();
        s.refer(
            c.id.clone(),
            ReferralInput {
                resource_id: resource.id.clone(),
                reason: Some(m("referral")),
                made_on: day("2026-02-03"),
                follow_up_due: None,
            },
        )
        .unwrap();
        out.secrets.extend(
            [
                "place",
                "purpose",
                "note",
                "addendum-reason",
                "addendum",
                "incident",
                "referral",
            ]
            .map(m),
        );
        // Each client's wellness and crisis plan: client 0's is theirs to see; everyone else's is
        // a secret from client 0.
        for section in [WellnessSection::CrisisContact, WellnessSection::Medication] {
            let text = if i == 0 {
                format!("Robin's plan {section:?}")
            } else {
                m(&format!("wellness-{section:?}"))
            };
            s.write_wellness_with_client(
                c.id.clone(),
                section,
                Some(text.clone()),
                day("2026-02-04"),
            )
            .unwrap();
            if i > 0 {
                out.secrets.push(text);
            }
        }
        if i > 0 {
            out.other_ids.push(c.id.clone());
            out.other_clients.push(c.id.clone());
        }
    }
    // Mismatched pairs: a goal the client sees with a step that is not its own, a goal the client
    // does not see with a step of a visible goal, and two visible goals crossed.
    let visible = out.visible_goals.clone();
    let unseen = out.forbidden.clone();
    for (v, (g, steps)) in visible.iter().enumerate() {
        for (fg, fs) in unseen.iter().cloned() {
            out.forbidden.push((g.clone(), fs));
            out.forbidden.push((fg, steps[0].clone()));
        }
        if let Some((_, other_steps)) = visible.get(v + 1) {
            out.forbidden.push((g.clone(), other_steps[0].clone()));
        }
    }
    out.secrets.push(format!("SECRET{seed}-resource"));
    out.secrets.push(format!("SECRET{seed}-resource-notes"));
    // The worker's own corner: private to the worker, never in any shared-mode answer.
    out.session
        .add_debrief(DebriefInput {
            day: day("2026-05-29"),
            occasion: DebriefOccasion::AfterCrisis,
            score: 2,
            words: Some(format!("SECRET{seed}-debrief-words")),
            what_helped: Some(format!("SECRET{seed}-debrief-helped")),
            for_myself: Some(format!("SECRET{seed}-debrief-for-myself")),
            took_break: Some(false),
            share_with_supervisor: true,
        })
        .unwrap();
    out.session
        .add_supervision(SupervisionInput {
            day: day("2026-05-28"),
            with_whom: format!("SECRET{seed}-supervisor"),
            topics: vec![format!("SECRET{seed}-topic")],
            held: true,
            notes: Some(format!("SECRET{seed}-supervision-notes")),
            actions: vec![SupervisionActionInput {
                what: format!("SECRET{seed}-action"),
                due: Some(day("2026-05-30")),
            }],
        })
        .unwrap();
    out.session
        .add_certification(CertificationInput {
            name: format!("SECRET{seed}-certification"),
            expires: Some(day("2026-06-30")),
            notes: None,
        })
        .unwrap();
    for what in [
        "debrief-words",
        "debrief-helped",
        "debrief-for-myself",
        "supervisor",
        "topic",
    ] {
        out.secrets.push(format!("SECRET{seed}-{what}"));
    }
    out
}

fn answer<T: serde::Serialize>(r: Result<T, Error>) -> String {
    match r {
        Ok(v) => serde_json::to_string(&v).unwrap(),
        Err(e) => format!("{e:?} {e}"),
    }
}

fn check(seen: &str, secrets: &[String]) {
    for s in secrets {
        assert!(!seen.contains(s.as_str()), "shared mode showed {s}: {seen}");
    }
    // Every marker starts with the same prefix: a catch-all for any field the list above missed.
    assert!(!seen.contains("SECRET"), "{seen}");
}

/// What the worker sees of everything the client must not touch: other clients' plan screens and
/// entries, and for the client in shared mode the cards, ratings and entries of goals they do not
/// see.
fn untouchable(worker: &WorkerSession, c: &Caseload, today: Day) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for client in &c.other_clients {
        out.insert(
            format!("plan {client}"),
            json(&worker.plan_screen(client.clone(), today).unwrap()),
        );
        out.insert(
            format!("entries {client}"),
            json(&worker.client_entries(client.clone()).unwrap()),
        );
        out.insert(
            format!("wellness {client}"),
            json(&worker.wellness_versions(client.clone()).unwrap()),
        );
    }
    let own = worker.plan_screen(c.client_id.clone(), today).unwrap();
    for goal in &c.unseen_goals {
        let card = own.goals.iter().find(|g| &g.goal_id == goal).unwrap();
        out.insert(format!("card {goal}"), json(card));
        out.insert(
            format!("ratings {goal}"),
            json(&worker.ratings(goal.clone()).unwrap()),
        );
    }
    let entries = worker.client_entries(c.client_id.clone()).unwrap();
    let on_unseen: Vec<_> = entries
        .iter()
        .filter(|e| {
            e.goal_id
                .as_ref()
                .is_some_and(|g| c.unseen_goals.contains(g))
        })
        .collect();
    out.insert("entries on unseen goals".into(), json(&on_unseen));
    serde_json::Value::Object(out)
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap()
}

/// A shared-mode write to something the client cannot see is refused as not found (or, for a
/// rating, an out-of-range score may be named first), never accepted and never answered with an
/// error that tells the client it exists.
fn assert_refused(what: &str, r: &Result<(), Error>) {
    match r {
        Err(Error::NotFound { .. }) => {}
        Err(Error::Invalid { field, .. }) if field == "score" => {}
        other => panic!("{what}: expected a refusal as not found, got {other:?}"),
    }
}

/// A write the client may make succeeds (a score outside 1 to 10 is refused, naming the score).
fn assert_accepted(what: &str, r: &Result<(), Error>) {
    match r {
        Ok(()) => {}
        Err(Error::Invalid { field, .. }) if field == "score" => {}
        other => panic!("{what}: expected the write to be accepted, got {other:?}"),
    }
}

#[test]
fn shared_view_never_shows_anything_else() {
    for seed in [11u64, 12, 13, 14, 15] {
        let c = caseload(seed);
        assert!(!c.forbidden.is_empty() && !c.unseen_goals.is_empty());
        let today = day("2026-05-30");
        let before = untouchable(&c.session, &c, today);
        let shared = c.session.open_shared(c.client_id.clone(), None).unwrap();
        let mut rng = Rng(seed * 7919);
        let first = shared.screen(today).unwrap();
        assert_eq!(first.preferred_name, "Robin");
        assert_eq!(first.goals.len(), c.visible_goals.len());
        assert_eq!(first.upcoming_visits.len(), 1);
        // (goal, step, whether the client may write to the goal, and to the pair)
        let sees = |goal: &str| c.visible_goals.iter().any(|(g, _)| g == goal);
        let pick = |rng: &mut Rng| -> (String, String, bool, bool) {
            if rng.below(2) == 0 {
                let (g, st) = &c.forbidden[rng.below(c.forbidden.len())];
                (g.clone(), st.clone(), sees(g), false)
            } else {
                let (g, steps) = &c.visible_goals[rng.below(c.visible_goals.len())];
                (g.clone(), steps[0].clone(), true, true)
            }
        };
        let (mut refused, mut accepted) = (0, 0);
        let mut judge = |what: &str, allowed: bool, r: &Result<(), Error>| {
            if allowed {
                assert_accepted(what, r);
                accepted += 1;
            } else {
                assert_refused(what, r);
                refused += 1;
            }
        };
        for _ in 0..600 {
            let seen = match rng.below(8) {
                0 => answer(shared.screen(today)),
                5 => answer(shared.wellness()),
                6 => answer(shared.progress_chart()),
                7 => {
                    // The first five sections: the two the worker wrote with Robin stay as written.
                    let section = WellnessSection::ALL[rng.below(5)];
                    let r = shared.write_wellness(section, Some("a quiet room".into()), today);
                    assert!(r.is_ok(), "{r:?}");
                    answer(r)
                }
                1 => {
                    let (g, _, allowed, _) = pick(&mut rng);
                    let r =
                        shared.rate(g, today, (rng.below(12)) as i32, Some("it went ok".into()));
                    judge("rate", allowed, &r);
                    answer(r)
                }
                2 => {
                    let (g, _, allowed, _) = pick(&mut rng);
                    let (goal, allowed) = if rng.below(2) == 0 {
                        (Some(g), allowed)
                    } else {
                        (None, true)
                    };
                    let r = shared.add_entry(
                        EntryKind::WhatHelpsMe,
                        "walking in the park".into(),
                        goal,
                        today,
                    );
                    judge("add_entry", allowed, &r);
                    answer(r)
                }
                3 => {
                    let (g, st, _, allowed) = pick(&mut rng);
                    let r = shared.mark_step_done(g, st, today);
                    judge("mark_step_done", allowed, &r);
                    answer(r)
                }
                _ => answer(shared.screen(today.add_days(rng.below(400) as i64 - 200))),
            };
            check(&seen, &c.secrets);
        }
        assert!(
            refused > 50 && accepted > 50,
            "{refused} refused, {accepted} accepted"
        );
        // The boundary card reads the directory only: none of the above, no corner record.
        check(&answer(shared.boundary_card()), &c.secrets);
        // The worker's handle was dead throughout.
        assert!(matches!(c.session.clients(), Err(Error::Locked { .. })));
        let worker = shared.leave(PASS.into()).unwrap();
        assert!(worker.clients().unwrap().clients.len() >= 2);
        // Nothing the client could not see changed in the worker's view.
        assert_eq!(untouchable(&worker, &c, today), before, "seed {seed}");
        // The client's copy holds their goals and plan, and nothing else of the vault.
        let copy = worker.client_copy(c.client_id.clone(), today).unwrap();
        check(&copy, &c.secrets);
        assert!(copy.contains("Robin goal 0") && copy.contains("a quiet room"));
        assert!(copy.contains("Robin&#39;s plan CrisisContact"), "{copy}");
    }
}

fn robin(session: &WorkerSession) -> (String, String, String) {
    let c = session
        .add_client(ClientInput {
            language: Some("fr-CA".into()),
            ..ClientInput::named("Robin")
        })
        .unwrap();
    let plan = session
        .create_plan(c.id.clone(), day("2026-01-01"), day("2026-04-01"))
        .unwrap();
    let g = session
        .add_goal(
            c.id.clone(),
            plan.id,
            goal_input("Dormir mieux".into(), true, "x"),
        )
        .unwrap();
    let g = session.add_step(g.id, "Coucher à 23 h".into()).unwrap();
    (c.id, g.id, g.steps[0].id.clone())
}

#[test]
fn leaving_needs_the_worker_and_client_words_come_back_marked_as_theirs() {
    let (_dir, vault, worker) = worker_vault();
    let (client, goal, step) = robin(&worker);
    let shared = worker.open_shared(client.clone(), None).unwrap();
    let today = day("2026-02-10");

    // The client's language is used where the table has it.
    let screen = shared.screen(today).unwrap();
    assert_eq!(screen.language, "fr");
    assert_eq!(screen.goals[0].area, "Mon logement");

    shared
        .rate(goal.clone(), today, 6, Some("Mieux cette semaine".into()))
        .unwrap();
    shared
        .add_entry(
            EntryKind::WhatHelpsMe,
            "Une tisane le soir".into(),
            None,
            today,
        )
        .unwrap();
    shared
        .mark_step_done(goal.clone(), step.clone(), today)
        .unwrap();
    let screen = shared.screen(today).unwrap();
    assert_eq!(
        alongside_core::plain(&screen.goals[0].my_ratings[0].said),
        "Vous avez dit 6 sur 10"
    );
    assert!(screen.goals[0].steps[0].done && screen.goals[0].steps[0].note.is_some());
    assert_eq!(screen.my_entries, ["Une tisane le soir"]);

    // A wrong passphrase fails and stays in shared mode; the old worker handle stays dead.
    assert!(matches!(
        shared.leave("wrong passphrase".into()),
        Err(Error::WrongPassphrase { .. })
    ));
    assert!(shared.screen(today).is_ok());
    assert!(matches!(worker.clients(), Err(Error::Locked { .. })));
    assert!(matches!(vault.worker(), Err(Error::Locked { .. })));

    let back = shared.leave(PASS.into()).unwrap();
    assert!(matches!(shared.screen(today), Err(Error::Locked { .. })));
    assert!(matches!(worker.clients(), Err(Error::Locked { .. })));
    let plan = back.plan_screen(client.clone(), today).unwrap();
    let card = &plan.goals[0];
    assert_eq!(card.latest_client_rating.as_ref().map(|r| r.score), Some(6));
    assert_eq!(card.steps[0].marked_by, Some(Author::Client));
    assert_eq!(card.steps_to_confirm, 1);
    assert_eq!(plan.client_entries[0].text, "Une tisane le soir");
    assert_eq!(back.ratings(goal.clone()).unwrap()[0].by, Author::Client);
    let confirmed = back.confirm_step(goal, step).unwrap();
    assert!(confirmed.steps[0].confirmed);
}

#[test]
fn wrong_attempts_are_throttled() {
    let (_dir, _vault, worker) = worker_vault();
    let (client, ..) = robin(&worker);
    let shared = worker.open_shared(client, None).unwrap();
    for _ in 0..3 {
        assert!(matches!(
            shared.leave("not the passphrase".into()),
            Err(Error::WrongPassphrase { .. })
        ));
    }
    // Even the right passphrase waits now.
    assert!(
        matches!(shared.leave(PASS.into()), Err(Error::TooManyAttempts { retry_after_seconds }) if retry_after_seconds >= 1)
    );
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    assert!(shared.leave(PASS.into()).is_ok());
}

#[test]
fn idle_shared_mode_locks_the_whole_vault() {
    let (_dir, vault, worker) = worker_vault();
    let (client, ..) = robin(&worker);
    let shared: Arc<SharedSession> = worker.open_shared(client, Some(1)).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    assert!(matches!(
        shared.screen(day("2026-02-10")),
        Err(Error::Locked { .. })
    ));
    assert!(vault.is_locked());
    assert!(matches!(
        shared.leave(PASS.into()),
        Err(Error::Locked { .. })
    ));
    assert!(vault.unlock(PASS.into(), None).is_ok());
}

struct FixedKey;
impl PlatformKey for FixedKey {
    fn wrap(&self, secret: Vec<u8>) -> Result<Vec<u8>, Error> {
        Ok(secret.iter().map(|b| b ^ 0x5a).collect())
    }
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, Error> {
        self.wrap(wrapped)
    }
    fn device_secret(&self, input: Vec<u8>) -> Result<Vec<u8>, Error> {
        self.wrap(input)
    }
}

#[test]
fn leaving_with_the_platform_key() {
    let (_dir, _vault, worker) = worker_vault();
    worker
        .enable_platform_key(PASS.into(), Arc::new(FixedKey))
        .unwrap();
    let (client, ..) = robin(&worker);
    let shared = worker.open_shared(client, None).unwrap();
    assert!(shared.leave_with_platform_key(Arc::new(FixedKey)).is_ok());
}

#[test]
fn a_score_past_ten_is_refused_not_wrapped() {
    let (_dir, _vault, worker) = worker_vault();
    let (client, goal, _) = robin(&worker);
    let out_of_range = |r: Result<(), Error>| {
        assert!(
            matches!(
                &r,
                Err(Error::Invalid { field, rule: alongside_core::Rule::OutOfRange { min: 1, max: 10 }, .. })
                    if field == "score"
            ),
            "{r:?}"
        );
    };
    // 260 would be 4 as a byte: the core sees 260 and refuses it.
    for score in [260, 0, -6, 11] {
        out_of_range(
            worker
                .rate_goal(
                    goal.clone(),
                    RatingInput {
                        on: day("2026-02-01"),
                        score,
                        by: Author::Worker,
                        words: None,
                    },
                )
                .map(drop),
        );
    }
    let shared = worker.open_shared(client, None).unwrap();
    out_of_range(shared.rate(goal.clone(), day("2026-02-01"), 260, None));
    shared.rate(goal, day("2026-02-01"), 4, None).unwrap();
}
