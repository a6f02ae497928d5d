//! A deterministic generator of realistic caseloads, for benchmarks and for trying the app at the
//! size a phone reaches after years of use. It drives only the public [`WorkerSession`] API, one
//! call per thing a worker would do, so the vault it leaves is exactly what years of real use would
//! leave: the same records, revisions, indexes and audit chain.
//!
//! The same seed and size give the same caseload (names, days, texts, duties, outcomes); only the
//! random ids and the recorded instants differ between runs. Days run day by day across the whole
//! caseload, as a worker's phone fills, so one client's records are spread through the file as
//! they would be.
//!
//! Each call is its own transaction, as on the phone; only while generating, commits do not wait
//! for the disk (`synchronous = OFF` on this session, set back to `FULL` after), which makes the
//! heavy caseload's quarter of a million writes take minutes rather than most of an hour.
//!
//! Built with the `generate` feature (and in tests); the phone library leaves it out.

use std::collections::BTreeMap;

use chrono::Datelike;

use crate::activity::{ActivityInput, ActivityKind, ActivityStatus, FollowUpInput, Scheduling};
use crate::assessment::{AreaAssessment, AssessmentInput, LifeArea, Risk, RiskLevel};
use crate::client::{ClientInput, ClientStatus, Consent, Contact};
use crate::duty::Duty;
use crate::error::Result;
use crate::incident::{IncidentActionInput, IncidentInput, IncidentKind};
use crate::plan::{Author, GoalInput, GoalStatus, RatingInput, ReviewInput};
use crate::referral::{ReferralInput, ReferralStatus, ResourceCategory, ResourceInput};
use crate::time::{ClockTime, Day};
use crate::vault::WorkerSession;

/// How big a caseload to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// Clients over the whole period (most from the start, some taken on later).
    pub clients: u32,
    pub years: u32,
    /// Activities on an average working day, across the caseload.
    pub per_day: u32,
}

impl Size {
    /// One worker at the field's usual ceiling: 40 clients, three years, about 8 activities a
    /// working day (about 6,000 activities, each with a signed note).
    pub const TYPICAL: Size = Size {
        clients: 40,
        years: 3,
        per_day: 8,
    };
    /// A whole team's records on one phone: 250 clients over five years (about 60,000 activities).
    pub const HEAVY: Size = Size {
        clients: 250,
        years: 5,
        per_day: 46,
    };
    /// Small enough for a unit test.
    pub const TINY: Size = Size {
        clients: 4,
        years: 1,
        per_day: 2,
    };
}

#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub seed: u64,
    pub size: Size,
    /// The caseload's present day: history runs up to it, planned visits two weeks past it.
    pub today: Day,
}

/// What was made, by count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    pub clients: u64,
    pub resources: u64,
    pub activities: u64,
    pub scheduled: u64,
    pub notes: u64,
    pub signed: u64,
    pub follow_ups: u64,
    pub goals: u64,
    pub ratings: u64,
    pub reviews: u64,
    pub incidents: u64,
    pub referrals: u64,
    /// Calls into the session, each one write and one transaction.
    pub writes: u64,
}

/// SplitMix64: tiny, fast, and the same on every platform. Not for anything secret.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1A4_F87D)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// One of some fixed lines of text.
    pub fn line(&mut self, lines: &[&'static str]) -> &'static str {
        lines[self.below(lines.len() as u64) as usize]
    }

    /// An index chosen by weight.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < u64::from(*w) {
                return i;
            }
            x -= u64::from(*w);
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Words

const FIRST_NAMES: &[&str] = &[
    "Amira",
    "Tomasz",
    "Joy",
    "Marcus",
    "Leila",
    "Kwame",
    "Sofia",
    "Dmitri",
    "Aroha",
    "Mei",
    "Fatima",
    "Liam",
    "Nadia",
    "Oluwaseun",
    "Priya",
    "Mateo",
    "Hana",
    "Connor",
    "Zainab",
    "Yusuf",
    "Ingrid",
    "Tevita",
    "Rosa",
    "Bao",
    "Chloe",
    "Hamid",
    "Anya",
    "Diego",
    "Maryam",
    "Jonah",
    "Aisha",
    "Pawel",
    "Lucia",
    "Kofi",
    "Eleni",
    "Rangi",
    "Samira",
    "Finn",
    "Thandiwe",
    "Omar",
    "Grace",
    "Ahmed",
    "Marta",
    "Kenji",
    "Abebe",
    "Siobhan",
    "Luca",
    "Noor",
    "Ewa",
    "Desmond",
    "Isabel",
    "Tariq",
    "Wiremu",
    "Lin",
    "Dalia",
    "Bogdan",
    "Esi",
    "Ruth",
    "Sami",
    "Vera",
];
const INITIALS: &str = "ABCDEFGHJKLMNOPRSTVWZ";
const PRONOUNS: &[&str] = &["she/her", "he/him", "they/them", "she/they", "he/they"];
const LANGUAGES: &[&str] = &[
    "en", "en", "en", "en", "pl", "fr-CA", "es", "ar", "so", "vi", "pt-BR", "zh-Hant", "mi", "tr",
];
const CULTURAL_NOTES: &[&str] = &[
    "Prefers visits after midday prayers on Fridays",
    "Likes an interpreter for appointments about money; talks in English at home visits",
    "Family is central: ask before involving the eldest daughter",
    "Observes Shabbat; no visits Friday evening or Saturday",
    "Prefers a woman worker for home visits",
    "Would like karakia before longer meetings",
    "Fasts during Ramadan; schedule visits in the morning then",
    "Uncomfortable with phone calls; text first",
];
const RELATIONSHIPS: &[&str] = &[
    "sister",
    "brother",
    "GP",
    "housing officer",
    "counsellor",
    "mother",
    "probation officer",
    "friend",
    "social worker",
    "son",
];

const AREA_GOALS: &[(LifeArea, &[&str], &str, &str)] = &[
    (
        LifeArea::Housing,
        &[
            "A flat of my own",
            "Keep my tenancy",
            "Somewhere quiet near my sister",
            "Get the mould fixed",
        ],
        "Apply for housing together; one call to the landlord each week",
        "Applications made and answers received",
    ),
    (
        LifeArea::MentalHealth,
        &[
            "Take the bus without panicking",
            "Sleep through the night",
            "Fewer bad days",
            "Go back to the group on Tuesdays",
        ],
        "Practise the breathing plan; keep the mood diary",
        "Good days in the week, by the diary",
    ),
    (
        LifeArea::PhysicalHealth,
        &[
            "See a dentist",
            "Walk to the shops again",
            "Stop missing GP appointments",
            "Eat more than one meal a day",
        ],
        "Book appointments together; reminders the day before",
        "Appointments kept",
    ),
    (
        LifeArea::DailyLiving,
        &[
            "Cook three dinners a week",
            "Keep the kitchen clean",
            "Do my own shopping",
            "Get up before ten",
        ],
        "Menu plan and shopping list together",
        "Dinners cooked each week",
    ),
    (
        LifeArea::WorkEducation,
        &[
            "Part-time work with numbers",
            "Finish my English course",
            "Volunteer at the community garden",
            "Get my forklift licence",
        ],
        "Update the CV; one application a week",
        "Applications and interviews",
    ),
    (
        LifeArea::Money,
        &[
            "Clear the rent arrears",
            "Make the money last the month",
            "Open a bank account",
            "Stop the payday loans",
        ],
        "Budget sheet every fortnight; call the creditors together",
        "Weeks without running out",
    ),
    (
        LifeArea::Relationships,
        &[
            "See my kids every weekend",
            "Make one friend here",
            "Talk to my mum again",
            "Join the Friday lunch club",
        ],
        "Plan contact visits; practise what to say",
        "Visits that happened",
    ),
    (
        LifeArea::SubstanceUse,
        &[
            "Drink less on weekdays",
            "Stay off the pills",
            "Keep going to my meetings",
            "Cut down smoking",
        ],
        "Harm reduction plan; go to the first meeting together",
        "Days kept to the plan",
    ),
    (
        LifeArea::Legal,
        &[
            "Sort out the court letters",
            "Keep to my probation appointments",
            "Get my residency papers",
            "Deal with the fines",
        ],
        "Read the letters together; book legal aid",
        "Deadlines met",
    ),
    (
        LifeArea::Safety,
        &[
            "Feel safe at home",
            "Keep my safety plan up to date",
            "Stay away from him",
            "Have somewhere to go if it gets bad",
        ],
        "Review the safety plan each month",
        "Safety plan reviewed",
    ),
];

const STEPS: &[&str] = &[
    "Write down what matters most",
    "Make the first phone call together",
    "Fill in the form",
    "Go to the first appointment",
    "Try it alone once",
    "Tell someone close about the plan",
    "Do it two weeks running",
    "Ask for help at the right moment",
];

const OPENERS: &[&str] = &[
    "Met {n} at home as planned; {n} answered the door quickly and seemed rested.",
    "Visited {n} at home. The flat was tidier than last time and the heating was on.",
    "Met {n} at the library café, {n}'s choice, which felt easier than the office.",
    "Called {n} at the agreed time; {n} picked up on the second try.",
    "{n} was waiting at the bus stop when I arrived, a little early and in good spirits.",
    "Saw {n} at the office. {n} came on time and had brought the letters we talked about.",
    "Went with {n} to the appointment. We met outside twenty minutes before, as agreed.",
    "{n} rang this morning asking for a visit; went round after lunch.",
    "Short visit: {n} had friends over, so we agreed to keep it to the essentials.",
    "Met {n} at the community centre after the group session.",
];

const MIDDLES: &[&str] = &[
    "We went through the budget sheet line by line; {n} spotted the phone contract going up without prompting.",
    "{n} talked about the week: two bad nights, but {n} used the breathing plan both times and went back to sleep.",
    "We wrote the shopping list together and {n} chose three dinners to cook, starting with the soup {n} knows well.",
    "{n} showed me the letter from the housing office. We read it together; the deadline is in two weeks.",
    "I explained how the appeal works and what evidence helps; {n} asked good questions and took notes.",
    "{n} made the call to the landlord while I sat alongside. The repair is booked for Thursday.",
    "We practised what {n} wants to say at the meeting. {n} decided to lead it, with me there for support.",
    "{n} said the new medication makes mornings hard. Agreed {n} will raise it with the GP, not stop it alone.",
    "I contacted the benefits office on {n}'s behalf, with {n}'s consent, about the missing payment.",
    "We looked at the safety plan again. Nothing has changed, and {n} knows who to call.",
    "{n} has been to the food bank on their own twice this month, which {n} is proud of.",
    "We filled in the application form together; {n} wrote the personal statement in their own words.",
    "{n} was low today and did not want to talk about the plan. We went for a short walk instead.",
    "{n} wants to see the children more. We drafted a message to the contact centre together.",
    "Talked through the court letter. {n} will go to legal aid on Monday; I will go along if asked.",
    "{n} cooked while we talked, something that would not have happened three months ago.",
];

const CLOSERS: &[&str] = &[
    "Agreed next steps: {n} to make one call before Friday; I will check in by text.",
    "{n} rated the week as better than last. Next visit as planned.",
    "No concerns about safety today. Next visit in a week.",
    "{n} asked me to bring the leaflet about the English course next time.",
    "Left the number of the crisis line again; {n} has it saved.",
    "We ended on the plan for the week; {n} wrote it on the fridge calendar.",
];

const MISSED: &[&str] = &[
    "{n} was not home at the agreed time. Knocked twice and left a card; sent a text afterwards.",
    "No answer when I called at the agreed time, or ten minutes later. Will try again tomorrow.",
    "{n} texted an hour before to say they could not make it today. Rebooked for next week.",
];

const PURPOSES: &[&str] = &[
    "Go through the budget together; {n} to lead the call to the bank",
    "Practise the bus route; {n} plans the journey",
    "Teach menu planning for the week",
    "Review the safety plan with {n}",
    "Read the housing letter together and decide the reply",
    "Support {n} at the GP appointment",
    "Prepare for the court date",
    "Fill in the job application with {n}",
    "Check how the new routine is going",
    "Plan contact with the children",
];

const FOLLOW_UPS: &[&str] = &[
    "Check the landlord replied about the repair",
    "Ring the benefits office about the payment",
    "Send the form to the housing office",
    "Book the next GP appointment",
    "Ask legal aid about the letter",
    "Bring the English course leaflet",
    "Confirm the interview time",
];

const INCIDENTS: &[(IncidentKind, &str)] = &[
    (
        IncidentKind::MedicationRefusal,
        "Declined the evening medication; says it makes them too tired to cook.",
    ),
    (
        IncidentKind::SafetyRisk,
        "Former partner seen outside the building twice this week.",
    ),
    (
        IncidentKind::Crisis,
        "Rang in distress late afternoon, talking about not coping. Stayed on the line until the crisis team called back.",
    ),
    (
        IncidentKind::SuspectedAbuse,
        "Bruising on the forearm; explanation changed between visits.",
    ),
    (
        IncidentKind::Other,
        "Fire alarm went off during the visit; a pan left on the hob.",
    ),
];

const RESOURCES: &[(ResourceCategory, &str)] = &[
    (ResourceCategory::CrisisLine, "24-hour Crisis Line"),
    (ResourceCategory::FoodBank, "Eastside Community Pantry"),
    (ResourceCategory::LegalAid, "Tenants' Legal Clinic"),
    (ResourceCategory::Housing, "City Housing Options"),
    (ResourceCategory::Healthcare, "Riverside Health Centre"),
    (ResourceCategory::MentalHealth, "Harbour Counselling"),
    (ResourceCategory::SubstanceUse, "Open Door Recovery"),
    (ResourceCategory::Employment, "Skills and Work Hub"),
    (ResourceCategory::Childcare, "Little Steps Nursery"),
    (ResourceCategory::Education, "Community English Classes"),
    (ResourceCategory::Other, "Repair Café"),
];

const REFERRAL_REASONS: &[&str] = &[
    "Food runs out mid-month",
    "Questions about the tenancy agreement",
    "Wants counselling closer to home",
    "Looking for part-time work",
    "Needs help with the court letters",
    "Childcare so she can attend the course",
];

const OUTCOMES: &[&str] = &[
    "Attended three sessions; says it helped",
    "Parcel collected; will go back next month",
    "Advice given; letter answered in time",
    "Started the course",
    "Placed on the waiting list, then seen",
];

fn fill(template: &str, name: &str) -> String {
    template.replace("{n}", name)
}

// ---------------------------------------------------------------------------------------------
// The caseload as it unfolds

struct GoalState {
    id: String,
    steps: Vec<String>,
    steps_done: usize,
    score_client: i64,
    score_worker: i64,
}

struct ClientState {
    id: String,
    name: String,
    start: Day,
    /// Discharged on this day (if it comes before today).
    end: Option<Day>,
    paused_from: Option<Day>,
    weight: u32,
    plan_id: Option<String>,
    review_due: Day,
    goals: Vec<GoalState>,
    used_areas: Vec<LifeArea>,
}

impl ClientState {
    fn active_on(&self, day: Day) -> bool {
        day >= self.start
            && self.end.is_none_or(|e| day < e)
            && self.paused_from.is_none_or(|p| day < p)
    }
}

/// Things decided earlier that happen on a later day.
enum Later {
    FollowUpDone {
        activity_id: String,
        follow_up_id: String,
    },
    ReferralStatus {
        referral_id: String,
        status: ReferralStatus,
        outcome: Option<String>,
    },
    IncidentActions {
        incident_id: String,
        kind: IncidentKind,
        close_after: i64,
    },
    IncidentClose {
        incident_id: String,
    },
}

fn is_working_day(day: Day) -> bool {
    day.0.weekday().num_days_from_monday() < 5
}

struct Generator<'a> {
    s: &'a WorkerSession,
    rng: Rng,
    spec: Spec,
    clients: Vec<ClientState>,
    resources: Vec<String>,
    later: BTreeMap<Day, Vec<Later>>,
    /// The day being made.
    current: Day,
    out: Generated,
}

impl Generator<'_> {
    /// Keep `what` for `day`; the earliest is tomorrow, as today's deferred work has already run.
    fn schedule(&mut self, day: Day, what: Later) {
        let day = day.max(self.current.add_days(1));
        if day <= self.spec.today {
            self.later.entry(day).or_default().push(what);
        }
    }

    fn add_resources(&mut self) -> Result<()> {
        let n = (self.spec.size.clients / 4).clamp(RESOURCES.len() as u32, 80) as usize;
        for i in 0..n {
            let (category, base) = RESOURCES[i % RESOURCES.len()];
            let name = if i < RESOURCES.len() {
                base.to_string()
            } else {
                format!(
                    "{base} ({})",
                    ["North", "South", "West", "Central", "Harbour"][i % 5]
                )
            };
            let r = self.s.add_resource(ResourceInput {
                name,
                category,
                contact: Some(format!("555-{:04}", 100 + i)),
                hours: Some("Weekdays 09:00-17:00".into()),
                languages: vec!["en".into(), (*self.rng.pick(LANGUAGES)).into()],
                notes: self
                    .rng
                    .chance(0.3)
                    .then(|| "No referral letter needed".into()),
            })?;
            self.resources.push(r.id);
            self.out.resources += 1;
            self.out.writes += 1;
        }
        Ok(())
    }

    fn new_goal(&mut self, c: usize, plan_id: &str, on: Day) -> Result<()> {
        let areas: Vec<usize> = (0..AREA_GOALS.len())
            .filter(|i| !self.clients[c].used_areas.contains(&AREA_GOALS[*i].0))
            .collect();
        let i = if areas.is_empty() {
            self.rng.below(AREA_GOALS.len() as u64) as usize
        } else {
            *self.rng.pick(&areas)
        };
        let (area, words, step, measure) = AREA_GOALS[i];
        let client_id = self.clients[c].id.clone();
        let goal = self.s.add_goal(
            client_id,
            plan_id.to_string(),
            GoalInput {
                area,
                client_words: (*self.rng.pick(words)).into(),
                worker_step: Some(step.into()),
                measure: Some(measure.into()),
                target_date: Some(on.add_days(self.rng.range(90, 365))),
                visible_to_client: Some(!self.rng.chance(0.1)),
            },
        )?;
        self.out.goals += 1;
        self.out.writes += 1;
        let mut steps = Vec::new();
        let n = self.rng.range(2, 4);
        let mut g = goal;
        for k in 0..n {
            let text = STEPS[(i + k as usize * 3) % STEPS.len()];
            g = self.s.add_step(g.id.clone(), text.into())?;
            self.out.writes += 1;
        }
        steps.extend(g.steps.iter().map(|s| s.id.clone()));
        let state = GoalState {
            id: g.id,
            steps,
            steps_done: 0,
            score_client: self.rng.range(2, 5),
            score_worker: self.rng.range(2, 5),
        };
        self.clients[c].used_areas.push(area);
        self.clients[c].goals.push(state);
        Ok(())
    }

    /// A client joins the caseload: details, assessment, a plan with goals and steps.
    fn take_on(&mut self, c: usize) -> Result<()> {
        let start = self.clients[c].start;
        let name = self.clients[c].name.clone();
        let r = &mut self.rng;
        let input = ClientInput {
            preferred_name: name.clone(),
            legal_name: r.chance(0.7).then(|| {
                format!(
                    "{name}{}",
                    ["son", "ova", "ez", "i", "ić"][r.below(5) as usize]
                )
            }),
            pronouns: Some((*r.pick(PRONOUNS)).into()),
            language: Some((*r.pick(LANGUAGES)).into()),
            cultural_notes: r.chance(0.4).then(|| (*r.pick(CULTURAL_NOTES)).into()),
            contacts: (0..r.range(0, 2))
                .map(|k| Contact {
                    name: format!(
                        "{} {}",
                        FIRST_NAMES[(c * 7 + k as usize) % FIRST_NAMES.len()],
                        "Contact"
                    ),
                    relationship: Some((*r.pick(RELATIONSHIPS)).into()),
                    phone: Some(format!("555-{:04}", r.below(10_000))),
                    notes: None,
                })
                .collect(),
            consents: vec![Consent {
                with_whom: "City housing office".into(),
                what: "Status of the housing application".into(),
                until: Some(start.add_days(365)),
            }],
        };
        let client = self.s.add_client(input)?;
        self.clients[c].id = client.id.clone();
        self.out.clients += 1;
        self.out.writes += 1;

        let mut areas: Vec<AreaAssessment> = Vec::new();
        for k in 0..self.rng.range(2, 4) {
            let i = (c + k as usize * 3) % AREA_GOALS.len();
            let area = AREA_GOALS[i].0;
            if areas.iter().any(|a| a.area == area) {
                continue;
            }
            areas.push(AreaAssessment {
                area,
                needs: Some(format!("{} is hard at the moment", area.label())),
                strengths: Some("Knows what has helped before".into()),
                risks: if area == LifeArea::Safety {
                    vec![Risk {
                        description: "Former partner lives nearby".into(),
                        level: RiskLevel::Medium,
                    }]
                } else {
                    Vec::new()
                },
                client_words: Some((*self.rng.pick(AREA_GOALS[i].1)).into()),
            });
        }
        self.s.add_assessment(
            client.id.clone(),
            AssessmentInput {
                on: start,
                areas,
                client_words: Some("I want things to be steadier".into()),
            },
        )?;
        self.out.writes += 1;

        let review_due = start.add_days(182);
        let plan = self
            .s
            .create_plan(client.id.clone(), start.add_days(2), review_due)?;
        self.out.writes += 1;
        self.clients[c].plan_id = Some(plan.id.clone());
        self.clients[c].review_due = review_due;
        for _ in 0..3 {
            self.new_goal(c, &plan.id, start.add_days(2))?;
        }
        Ok(())
    }

    /// Monthly: both sides rate each goal; steps get done; a goal is reached and another begun.
    fn monthly(&mut self, c: usize, day: Day) -> Result<()> {
        let n = self.clients[c].goals.len();
        for g in 0..n {
            for by in [Author::Client, Author::Worker] {
                let drift = self.rng.range(-1, 2);
                let goal = &mut self.clients[c].goals[g];
                let score = match by {
                    Author::Client => &mut goal.score_client,
                    Author::Worker => &mut goal.score_worker,
                };
                *score = (*score + drift).clamp(1, 10);
                let score = *score as u8;
                let goal_id = goal.id.clone();
                let words = (by == Author::Client && self.rng.chance(0.2))
                    .then(|| "Better than last month, some bad days".to_string());
                self.s.rate_goal(
                    goal_id,
                    RatingInput {
                        on: day,
                        score,
                        by,
                        words,
                    },
                )?;
                self.out.ratings += 1;
                self.out.writes += 1;
            }
            let goal = &self.clients[c].goals[g];
            if goal.steps_done < goal.steps.len() && self.rng.chance(0.3) {
                let (gid, sid) = (goal.id.clone(), goal.steps[goal.steps_done].clone());
                self.s.set_step_done(gid, sid, Some(day))?;
                self.clients[c].goals[g].steps_done += 1;
                self.out.writes += 1;
            }
        }
        // A goal with every step done and a good score is reached; a new one takes its place.
        if let Some(g) = self.clients[c]
            .goals
            .iter()
            .position(|g| g.steps_done == g.steps.len() && g.score_client >= 6)
        {
            if self.rng.chance(0.5) {
                let goal = self.clients[c].goals.remove(g);
                self.s
                    .set_goal_status(goal.id, GoalStatus::Achieved { on: day })?;
                self.out.writes += 1;
                if let Some(plan_id) = self.clients[c].plan_id.clone() {
                    self.new_goal(c, &plan_id, day)?;
                }
            }
        }
        Ok(())
    }

    fn review(&mut self, c: usize, day: Day) -> Result<()> {
        let Some(plan_id) = self.clients[c].plan_id.clone() else {
            return Ok(());
        };
        let next_due = day.add_days(182);
        self.s.review_plan(
            plan_id,
            ReviewInput {
                on: day,
                what_changed: "Goals reworded in the client's words; one step split in two".into(),
                why: "The first step was too big to start on alone".into(),
                next_due,
            },
        )?;
        self.clients[c].review_due = next_due;
        self.out.reviews += 1;
        self.out.writes += 1;
        Ok(())
    }

    fn note_text(&mut self, name: &str) -> String {
        let mut parts = vec![fill(self.rng.line(OPENERS), name)];
        let middles = self.rng.range(2, 4);
        for _ in 0..middles {
            parts.push(fill(self.rng.line(MIDDLES), name));
        }
        parts.push(fill(self.rng.line(CLOSERS), name));
        parts.join(" ")
    }

    fn activity(&mut self, c: usize, day: Day, time: ClockTime, past: bool) -> Result<()> {
        const KINDS: [ActivityKind; 8] = ActivityKind::ALL;
        let kind = KINDS[self.rng.weighted(&[35, 15, 10, 20, 8, 3, 2, 7])];
        // Crises are not booked ahead.
        let kind = match kind {
            ActivityKind::CrisisResponse if !past => ActivityKind::HomeVisit,
            k => k,
        };
        let scheduling = match kind {
            ActivityKind::CrisisResponse => Scheduling::Emergency,
            _ if past && self.rng.chance(0.15) => Scheduling::AsNeeded,
            _ => Scheduling::Planned,
        };
        let status = if !past {
            ActivityStatus::Scheduled
        } else {
            match self.rng.weighted(&[90, 6, 4]) {
                0 => ActivityStatus::Done,
                1 => ActivityStatus::Missed,
                _ => ActivityStatus::Cancelled {
                    reason: "Client asked to move it".into(),
                },
            }
        };
        let first = [Duty::Educate, Duty::Empower, Duty::Advocate][self.rng.weighted(&[4, 4, 3])];
        let mut duties = vec![first];
        if self.rng.chance(0.35) {
            let second = Duty::ALL[self.rng.below(3) as usize];
            if second != first {
                duties.push(second);
            }
        }
        let name = self.clients[c].name.clone();
        let goal_ids = if self.rng.chance(0.6) && !self.clients[c].goals.is_empty() {
            let g = self.rng.below(self.clients[c].goals.len() as u64) as usize;
            vec![self.clients[c].goals[g].id.clone()]
        } else {
            Vec::new()
        };
        let place = match kind {
            ActivityKind::HomeVisit => "Home",
            ActivityKind::Community => "Library café",
            ActivityKind::Office | ActivityKind::GroupSession => "Office",
            ActivityKind::Accompanying => "GP surgery",
            _ => "",
        };
        let input = ActivityInput {
            kind,
            scheduling,
            status: Some(status.clone()),
            day,
            time: Some(time),
            duration_minutes: Some(self.rng.range(2, 8) as i32 * 15),
            place: (!place.is_empty()).then(|| place.to_string()),
            purpose: Some(fill(self.rng.line(PURPOSES), &name)),
            duties,
            goal_ids,
        };
        let activity = self.s.add_activity(self.clients[c].id.clone(), input)?;
        self.out.writes += 1;
        if !past {
            self.out.scheduled += 1;
            return Ok(());
        }
        self.out.activities += 1;
        let text = match status {
            ActivityStatus::Done => Some(self.note_text(&name)),
            ActivityStatus::Missed => Some(fill(self.rng.line(MISSED), &name)),
            _ => None,
        };
        if let Some(text) = text {
            let note =
                self.s
                    .add_note(self.clients[c].id.clone(), Some(activity.id.clone()), text)?;
            self.out.notes += 1;
            self.out.writes += 1;
            // The last few days keep a draft or two, as a phone in use would.
            let draft = day.days_until(self.spec.today) < 3 && self.rng.chance(0.3);
            if !draft {
                self.s.sign_note(note.note.id)?;
                self.out.signed += 1;
                self.out.writes += 1;
            }
        }
        if status == ActivityStatus::Done && self.rng.chance(0.15) {
            let due = day.add_days(self.rng.range(2, 10));
            let a = self.s.add_follow_up(
                activity.id.clone(),
                FollowUpInput {
                    what: (*self.rng.pick(FOLLOW_UPS)).into(),
                    due,
                },
            )?;
            self.out.follow_ups += 1;
            self.out.writes += 1;
            // Most are done around when due; a few are forgotten.
            if !self.rng.chance(0.005) {
                let done = due.add_days(self.rng.range(-2, 3)).max(day);
                let follow_up_id = a
                    .follow_ups
                    .last()
                    .map(|f| f.id.clone())
                    .unwrap_or_default();
                self.schedule(
                    done,
                    Later::FollowUpDone {
                        activity_id: a.id,
                        follow_up_id,
                    },
                );
            }
        }
        if past && self.rng.chance(0.012) {
            self.incident(c, day, Some(activity.id))?;
        }
        if past && self.rng.chance(0.02) {
            self.referral(c, day)?;
        }
        Ok(())
    }

    fn incident(&mut self, c: usize, day: Day, activity_id: Option<String>) -> Result<()> {
        let (kind, description) = *self.rng.pick(INCIDENTS);
        let v = self.s.report_incident(
            self.clients[c].id.clone(),
            IncidentInput {
                kind,
                occurred_on: day,
                occurred_at: ClockTime::from_hm(self.rng.range(9, 18) as u32, 0),
                description: description.into(),
                activity_id,
            },
        )?;
        self.out.incidents += 1;
        self.out.writes += 1;
        let after = self.rng.range(0, 2);
        let close_after = self.rng.range(1, 10);
        self.schedule(
            day.add_days(after),
            Later::IncidentActions {
                incident_id: v.incident.id,
                kind,
                close_after,
            },
        );
        Ok(())
    }

    fn referral(&mut self, c: usize, day: Day) -> Result<()> {
        let resource_id = self.rng.pick(&self.resources).clone();
        let v = self.s.refer(
            self.clients[c].id.clone(),
            ReferralInput {
                resource_id,
                reason: Some((*self.rng.pick(REFERRAL_REASONS)).into()),
                made_on: day,
                follow_up_due: Some(day.add_days(self.rng.range(7, 14))),
            },
        )?;
        self.out.referrals += 1;
        self.out.writes += 1;
        let id = v.referral.id;
        match self.rng.weighted(&[70, 15, 15]) {
            0 => {
                let accepted = day.add_days(self.rng.range(3, 14));
                let completed = accepted.add_days(self.rng.range(14, 56));
                self.schedule(
                    accepted,
                    Later::ReferralStatus {
                        referral_id: id.clone(),
                        status: ReferralStatus::Accepted,
                        outcome: None,
                    },
                );
                let outcome = Some((*self.rng.pick(OUTCOMES)).into());
                self.schedule(
                    completed,
                    Later::ReferralStatus {
                        referral_id: id,
                        status: ReferralStatus::Completed,
                        outcome,
                    },
                );
            }
            1 => {
                let on = day.add_days(self.rng.range(3, 21));
                self.schedule(
                    on,
                    Later::ReferralStatus {
                        referral_id: id,
                        status: ReferralStatus::Declined,
                        outcome: Some("Did not feel right for now".into()),
                    },
                );
            }
            _ => {}
        }
        Ok(())
    }

    fn run_later(&mut self, day: Day) -> Result<()> {
        let Some(items) = self.later.remove(&day) else {
            return Ok(());
        };
        for item in items {
            match item {
                Later::FollowUpDone {
                    activity_id,
                    follow_up_id,
                } => {
                    self.s
                        .set_follow_up_done(activity_id, follow_up_id, Some(day))?;
                }
                Later::ReferralStatus {
                    referral_id,
                    status,
                    outcome,
                } => {
                    self.s
                        .set_referral_status(referral_id, status, day, outcome)?;
                }
                Later::IncidentActions {
                    incident_id,
                    kind,
                    close_after,
                } => {
                    for action in kind.required_actions() {
                        self.s.record_incident_action(
                            incident_id.clone(),
                            IncidentActionInput {
                                action: *action,
                                by: "Worker on shift".into(),
                                on: day,
                                at: ClockTime::from_hm(17, 30),
                                details: None,
                            },
                        )?;
                        self.out.writes += 1;
                    }
                    self.schedule(
                        day.add_days(close_after),
                        Later::IncidentClose { incident_id },
                    );
                    continue;
                }
                Later::IncidentClose { incident_id } => {
                    self.s.close_incident(
                        incident_id,
                        day,
                        Some("Required actions taken; plan updated".into()),
                    )?;
                }
            }
            self.out.writes += 1;
        }
        Ok(())
    }

    /// The day's activities at times through the working day, each for an active client.
    fn day_of_work(&mut self, day: Day, past: bool) -> Result<()> {
        let active: Vec<usize> = (0..self.clients.len())
            .filter(|c| self.clients[*c].active_on(day))
            .collect();
        if active.is_empty() {
            return Ok(());
        }
        let weights: Vec<u32> = active.iter().map(|c| self.clients[*c].weight).collect();
        let per_day = i64::from(self.spec.size.per_day);
        let n = self.rng.range(per_day * 3 / 4, per_day * 5 / 4).max(1);
        let mut slots: Vec<(u32, u32)> = (0..n)
            .map(|_| {
                (
                    self.rng.range(8, 17) as u32,
                    [0, 15, 30, 45][self.rng.below(4) as usize],
                )
            })
            .collect();
        slots.sort_unstable();
        for (h, m) in slots {
            let c = active[self.rng.weighted(&weights)];
            let Some(time) = ClockTime::from_hm(h, m) else {
                continue;
            };
            self.activity(c, day, time, past)?;
        }
        Ok(())
    }

    fn run(&mut self, progress: &mut dyn FnMut(&Generated, i64, i64)) -> Result<()> {
        let today = self.spec.today;
        let days = i64::from(self.spec.size.years) * 365;
        let first = today.add_days(-days);
        self.add_resources()?;

        // Who is on the caseload when: most from the start, the rest taken on through the period.
        for c in 0..self.spec.size.clients as usize {
            let r = &mut self.rng;
            let start = if r.chance(0.7) {
                first.add_days(r.range(0, 20))
            } else {
                first.add_days(r.range(20, days - 30))
            };
            let end = (r.chance(0.2) && start.days_until(today) > 240)
                .then(|| start.add_days(r.range(180, start.days_until(today) - 30)));
            let paused_from = (end.is_none() && r.chance(0.05))
                .then(|| today.add_days(-r.range(5, 60)).max(start.add_days(30)));
            let name = format!(
                "{} {}.",
                FIRST_NAMES[c % FIRST_NAMES.len()],
                INITIALS
                    .chars()
                    .nth((c / FIRST_NAMES.len() + r.below(5) as usize) % INITIALS.len())
                    .unwrap_or('A')
            );
            self.clients.push(ClientState {
                id: String::new(),
                name,
                start,
                end,
                paused_from,
                weight: r.weighted(&[3, 5, 2]) as u32 + 1,
                plan_id: None,
                review_due: start,
                goals: Vec::new(),
                used_areas: Vec::new(),
            });
        }

        let mut day = first;
        while day <= today.add_days(14) {
            self.current = day;
            let past = day < today;
            if day <= today {
                for c in 0..self.clients.len() {
                    let cs = &self.clients[c];
                    if cs.start == day {
                        self.take_on(c)?;
                    }
                    let cs = &self.clients[c];
                    if cs.id.is_empty() || !cs.active_on(day) || day < cs.start.add_days(3) {
                        continue;
                    }
                    let since = cs.start.days_until(day);
                    // A few reviews are late, so some show as overdue on the day's view.
                    let review_on = cs
                        .review_due
                        .add_days(i64::from((c % 7 == 3) as u8) * (c as i64 % 11));
                    if since % 30 == 0 {
                        self.monthly(c, day)?;
                    }
                    if day == review_on {
                        self.review(c, day)?;
                    }
                }
                self.run_later(day)?;
                for c in 0..self.clients.len() {
                    let cs = &self.clients[c];
                    if cs.id.is_empty() {
                        continue;
                    }
                    if cs.end == Some(day) {
                        self.s.set_client_status(
                            cs.id.clone(),
                            ClientStatus::Discharged { on: day },
                        )?;
                        self.out.writes += 1;
                    } else if cs.paused_from == Some(day) {
                        self.s.set_client_status(
                            cs.id.clone(),
                            ClientStatus::Paused { since: day },
                        )?;
                        self.out.writes += 1;
                    }
                }
            }
            if is_working_day(day) {
                self.day_of_work(day, past)?;
            }
            progress(&self.out, first.days_until(day), days + 14);
            day = day.add_days(1);
        }
        Ok(())
    }
}

/// Fill an unlocked vault with a caseload. `progress` hears the counts so far, the day reached
/// and the days in all, once a day.
pub fn generate(
    session: &WorkerSession,
    spec: Spec,
    progress: &mut dyn FnMut(&Generated, i64, i64),
) -> Result<Generated> {
    let mut g = Generator {
        s: session,
        rng: Rng::new(spec.seed),
        spec,
        clients: Vec::new(),
        resources: Vec::new(),
        later: BTreeMap::new(),
        current: spec.today,
        out: Generated::default(),
    };
    // Every write still goes through the worker's API as its own transaction, so the vault is what
    // years of use would leave; only the wait for the disk at each commit is skipped while the
    // generator runs (a crash would only mean generating again), then restored.
    let durability =
        |mode: &str| session.with(|conn, _| Ok(conn.pragma_update(None, "synchronous", mode)?));
    durability("OFF")?;
    let made = g.run(progress);
    durability("FULL")?;
    made?;
    Ok(g.out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vault;

    fn tiny(seed: u64) -> (tempfile::TempDir, std::sync::Arc<WorkerSession>, Generated) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("v").to_str().unwrap().to_string();
        let vault = Vault::create(dir, "generated caseload".into(), Some(1_000)).unwrap();
        let session = vault.worker().unwrap();
        let spec = Spec {
            seed,
            size: Size::TINY,
            today: Day::from_ymd(2026, 11, 24).unwrap(),
        };
        let made = generate(&session, spec, &mut |_, _, _| {}).unwrap();
        (tmp, session, made)
    }

    #[test]
    fn rng_is_stable() {
        let mut r = Rng::new(7);
        let first: Vec<u64> = (0..3).map(|_| r.below(1000)).collect();
        let mut r = Rng::new(7);
        assert_eq!(first, (0..3).map(|_| r.below(1000)).collect::<Vec<_>>());
        assert!((0..1000).all(|_| r.range(-2, 3) >= -2));
    }

    #[test]
    fn a_seed_gives_the_same_caseload() {
        let (_a, sa, ga) = tiny(11);
        let (_b, sb, gb) = tiny(11);
        assert_eq!(ga, gb);
        assert!(
            ga.activities > 100 && ga.notes > 0 && ga.ratings > 0,
            "{ga:?}"
        );
        let names = |s: &WorkerSession| {
            s.clients()
                .unwrap()
                .into_iter()
                .map(|c| c.preferred_name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&sa), names(&sb));
        let today = Day::from_ymd(2026, 11, 24).unwrap();
        let (ta, tb) = (sa.today(today).unwrap(), sb.today(today).unwrap());
        assert_eq!(ta.summary, tb.summary);
        assert!(!ta.visits.is_empty());
        assert!(sa.verify_audit().unwrap().ok);
    }
}
