//! The plan screen and the review screen: a client's goals with the latest ratings from both
//! sides, trends and what is due. Wording and order are decided here so both phones agree.

use serde::Serialize;

use crate::domain::assessment::LifeArea;
use crate::domain::client::{self};
use crate::domain::entry::ClientEntry;
use crate::domain::plan::{
    self, Author, Goal, GoalStatus, Plan, PlanVersion, Rating, Review, Step,
};
use crate::error::Result;
use crate::screens::history::{self, EarlierRevision};
use crate::storage;
use crate::time::Day;
use crate::vault::WorkerSession;
use crate::words::{say, word};

/// Direction of the latest rating against the one before it, from the same person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Higher than the rating before.
    Up,
    /// The same as the rating before.
    Same,
    /// Lower than the rating before.
    Down,
    /// Fewer than two ratings.
    NotEnough,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One rating as the plan screen shows it.
pub struct RatingView {
    /// The day of the rating.
    pub on: Day,
    /// The score, 1 (low) to 10 (high).
    pub score: u8,
    /// Words given with it, if any.
    pub words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One goal on the plan screen: its words, status, the latest ratings from both sides and their
/// trends, and its steps.
pub struct GoalCard {
    /// The goal's id.
    pub goal_id: String,
    /// The life area.
    pub area: LifeArea,
    /// `area`'s label, as a screen shows it.
    pub area_label: String,
    /// The goal in the client's own words.
    pub client_words: String,
    /// The worker's concrete framing of the goal, if any.
    pub worker_step: Option<String>,
    /// How progress will be seen, if set.
    pub measure: Option<String>,
    /// The day the goal aims for, if set.
    pub target_date: Option<Day>,
    /// Active, paused, achieved or dropped.
    pub status: GoalStatus,
    /// `status`'s label, as a screen shows it.
    pub status_label: String,
    /// Whether the client sees this goal in shared mode.
    pub visible_to_client: bool,
    /// The client's latest rating, if any.
    pub latest_client_rating: Option<RatingView>,
    /// The worker's latest rating, if any.
    pub latest_worker_rating: Option<RatingView>,
    /// The client's latest rating against their one before.
    pub client_trend: Trend,
    /// The worker's latest rating against their one before.
    pub worker_trend: Trend,
    /// The goal's steps, in order.
    pub steps: Vec<Step>,
    /// How many steps are done.
    pub steps_done: u32,
    /// Steps the client marked done that the worker has not confirmed yet.
    pub steps_to_confirm: u32,
    /// The goal's earlier revisions, oldest first: each change, with what it replaced.
    pub edits: Vec<EarlierRevision>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// The plan screen in one call: the plan, its goal cards and what is due.
pub struct PlanScreen {
    /// The client.
    pub client_id: String,
    /// The name the client wants to be called by: use it on every screen.
    pub preferred_name: String,
    /// The client's pronouns, as they gave them.
    pub pronouns: Option<String>,
    /// The plan, if one was created.
    pub plan: Option<Plan>,
    /// The day the current version started: the last review's day, or the plan's start.
    pub version_started: Option<Day>,
    /// "Version 2, since 2026-11-16", or none without a plan.
    pub version_label: Option<String>,
    /// The plan's earlier versions, oldest first, each with its review: the day, what changed
    /// and why.
    pub versions: Vec<PlanVersionSummary>,
    /// Whether the plan's review day has passed.
    pub review_overdue: bool,
    /// Active goals first, then paused, achieved, dropped; by target date within each.
    pub goals: Vec<GoalCard>,
    /// What the client wrote themself in shared mode, newest first.
    pub client_entries: Vec<ClientEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One goal on the review screen: every rating from both sides and the change since the last
/// review.
pub struct GoalReviewRow {
    /// The goal's id.
    pub goal_id: String,
    /// The goal in the client's own words.
    pub client_words: String,
    /// `status`'s label, as a screen shows it.
    pub status_label: String,
    /// Ratings since the plan's last review (or its start), oldest first.
    pub client_ratings: Vec<RatingView>,
    /// The worker's ratings, oldest first.
    pub worker_ratings: Vec<RatingView>,
    /// The client's latest score minus their first since `ReviewScreen.since`, if two exist.
    pub client_change: Option<i32>,
    /// The worker's latest score minus their first since `ReviewScreen.since`, if two exist.
    pub worker_change: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// The review screen in one call: the goals to go through, the entries the client wrote, earlier
/// versions.
pub struct ReviewScreen {
    /// The client.
    pub client_id: String,
    /// The name the client wants to be called by: use it on every screen.
    pub preferred_name: String,
    /// The plan under review.
    pub plan: Plan,
    /// Days until the review is due (negative when overdue).
    pub days_until_due: i64,
    /// The last review's day (or the plan's start): the review covers what happened since.
    pub since: Day,
    /// The goals to go through.
    pub goals: Vec<GoalReviewRow>,
    /// The last review, if there was one.
    pub last_review: Option<Review>,
    /// Earlier versions of the plan, oldest first.
    pub versions: Vec<PlanVersionSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// An earlier version of the plan, as the review screen lists it.
pub struct PlanVersionSummary {
    /// The version number.
    pub version: u32,
    /// The day it started.
    pub started: Day,
    /// The day this version was replaced by a review.
    pub closed_on: Day,
    /// How many goals it had.
    pub goals: u32,
    /// The day of the review that closed it (none if its review record is missing).
    pub reviewed_on: Option<Day>,
    /// What changed at that review, in the worker's words.
    pub what_changed: Option<String>,
    /// Why it changed.
    pub why: Option<String>,
    /// "Version 1, 2026-08-10 to 2026-11-16: reviewed 2026-11-16".
    pub label: String,
}

/// The plan's earlier versions with their reviews, oldest first. A version starts where the one
/// before it closed (the first on the plan's start), whatever older builds filed as its start.
pub(crate) fn version_summaries(
    plan: &Plan,
    versions: &[PlanVersion],
    reviews: &[Review],
) -> Vec<PlanVersionSummary> {
    let mut out: Vec<PlanVersionSummary> = Vec::with_capacity(versions.len());
    for v in versions {
        let started = out.last().map_or(plan.started, |p| p.closed_on);
        let review = reviews.iter().rev().find(|r| r.plan_version == v.version);
        let mut label = format!("Version {}, {started} to {}", v.version, v.closed_on);
        if let Some(r) = review {
            label.push_str(&format!(": reviewed {}", r.on));
        }
        out.push(PlanVersionSummary {
            version: v.version,
            started,
            closed_on: v.closed_on,
            goals: v.goals.len() as u32,
            reviewed_on: review.map(|r| r.on),
            what_changed: review.map(|r| r.what_changed.clone()),
            why: review.map(|r| r.why.clone()),
            label,
        });
    }
    out
}

/// The day the plan's current version started: the last review's day, or the plan's start.
pub(crate) fn version_started(plan: &Plan, reviews: &[Review]) -> Day {
    reviews
        .iter()
        .filter(|r| r.plan_version < plan.version)
        .map(|r| r.on)
        .max()
        .unwrap_or(plan.started)
}

fn plan_history(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
    client_id: &str,
) -> Result<(Vec<PlanVersion>, Vec<Review>)> {
    let mut versions = storage::list_owned::<PlanVersion>(conn, keys, client_id)?;
    versions.sort_by_key(|v| v.version);
    let mut reviews = storage::list_owned::<Review>(conn, keys, client_id)?;
    reviews.sort_by_key(|r| (r.on, r.recorded));
    Ok((versions, reviews))
}

/// A goal status's label ("Working on it", "Achieved ..."), in the worker's language.
pub fn goal_status_label(status: &GoalStatus) -> String {
    let lang = crate::words::worker_lang();
    match status {
        GoalStatus::Active => word(lang, "label-goal_status-active"),
        GoalStatus::Achieved { on } => say(
            lang,
            "label-goal_status-achieved",
            &[("on", on.to_string().into())],
        ),
        GoalStatus::Paused => word(lang, "label-goal_status-paused"),
        GoalStatus::Dropped { .. } => word(lang, "label-goal_status-dropped"),
    }
}

fn goal_rank(status: &GoalStatus) -> u8 {
    match status {
        GoalStatus::Active => 0,
        GoalStatus::Paused => 1,
        GoalStatus::Achieved { .. } => 2,
        GoalStatus::Dropped { .. } => 3,
    }
}

pub(crate) fn rating_view(r: &Rating) -> RatingView {
    RatingView {
        on: r.on,
        score: r.score,
        words: r.words.clone(),
    }
}

pub(crate) fn trend(ratings: &[&Rating]) -> Trend {
    match ratings {
        [.., before, last] => match last.score.cmp(&before.score) {
            std::cmp::Ordering::Greater => Trend::Up,
            std::cmp::Ordering::Equal => Trend::Same,
            std::cmp::Ordering::Less => Trend::Down,
        },
        _ => Trend::NotEnough,
    }
}

fn goal_card(goal: Goal, ratings: &[Rating]) -> GoalCard {
    let client = plan::by_author(ratings, &goal.id, Author::Client);
    let worker = plan::by_author(ratings, &goal.id, Author::Worker);
    GoalCard {
        area_label: goal.area.label(),
        status_label: goal_status_label(&goal.status),
        latest_client_rating: client.last().map(|r| rating_view(r)),
        latest_worker_rating: worker.last().map(|r| rating_view(r)),
        client_trend: trend(&client),
        worker_trend: trend(&worker),
        steps_done: goal.steps.iter().filter(|s| s.done_on.is_some()).count() as u32,
        steps_to_confirm: goal
            .steps
            .iter()
            .filter(|s| s.done_on.is_some() && !s.confirmed)
            .count() as u32,
        goal_id: goal.id,
        area: goal.area,
        client_words: goal.client_words,
        worker_step: goal.worker_step,
        measure: goal.measure,
        target_date: goal.target_date,
        status: goal.status,
        visible_to_client: goal.visible_to_client,
        steps: goal.steps,
        edits: Vec::new(),
    }
}

fn change(ratings: &[&Rating]) -> Option<i32> {
    match ratings {
        [first, .., last] => Some(i32::from(last.score) - i32::from(first.score)),
        _ => None,
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// A client's plan screen: goals with the latest client and worker ratings side by side.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn plan_screen(&self, client_id: String, today: Day) -> Result<PlanScreen> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let plan = plan::current_plan(conn, keys, &client.id)?;
            let ratings = plan::ratings_of(conn, keys, &client.id)?;
            let mut goals = plan::goals_of(conn, keys, &client.id)?;
            goals.sort_by_key(|g| {
                (
                    goal_rank(&g.status),
                    g.target_date.is_none(),
                    g.target_date,
                    g.created,
                )
            });
            let mut client_entries = storage::list_owned::<ClientEntry>(conn, keys, &client.id)?;
            client_entries.sort_by_key(|e| std::cmp::Reverse((e.on, e.recorded)));
            let (versions, reviews) = plan_history(conn, keys, &client.id)?;
            let version_started = plan.as_ref().map(|p| version_started(p, &reviews));
            let cards = goals
                .into_iter()
                .map(|g| {
                    let edits = history::history(conn, keys, &g.id, &g)?;
                    Ok(GoalCard {
                        edits,
                        ..goal_card(g, &ratings)
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(PlanScreen {
                client_entries,
                versions: plan
                    .as_ref()
                    .map(|p| version_summaries(p, &versions, &reviews))
                    .unwrap_or_default(),
                version_label: plan
                    .as_ref()
                    .zip(version_started)
                    .map(|(p, d)| format!("Version {}, since {d}", p.version)),
                version_started,
                review_overdue: plan.as_ref().is_some_and(|p| p.review_due < today),
                goals: cards,
                client_id: client.id,
                preferred_name: client.preferred_name,
                pronouns: client.pronouns,
                plan,
            })
        })
    }

    /// The review screen: what moved since the last review, per goal, from both sides.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn review_screen(&self, client_id: String, today: Day) -> Result<ReviewScreen> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let plan = plan::current_plan(conn, keys, &client.id)?
                .ok_or_else(|| crate::Error::not_found("plan", &client.id))?;
            let (versions, reviews) = plan_history(conn, keys, &client.id)?;
            let summaries = version_summaries(&plan, &versions, &reviews);
            let last_review = reviews.last().cloned();
            let since = last_review.as_ref().map_or(plan.started, |r| r.on);
            let ratings: Vec<Rating> = plan::ratings_of(conn, keys, &client.id)?
                .into_iter()
                .filter(|r| r.on >= since)
                .collect();
            let goals = plan::goals_of(conn, keys, &client.id)?
                .into_iter()
                .filter(|g| !matches!(g.status, GoalStatus::Dropped { .. }))
                .map(|g| {
                    let client_r = plan::by_author(&ratings, &g.id, Author::Client);
                    let worker_r = plan::by_author(&ratings, &g.id, Author::Worker);
                    GoalReviewRow {
                        client_change: change(&client_r),
                        worker_change: change(&worker_r),
                        client_ratings: client_r.iter().map(|r| rating_view(r)).collect(),
                        worker_ratings: worker_r.iter().map(|r| rating_view(r)).collect(),
                        status_label: goal_status_label(&g.status),
                        goal_id: g.id,
                        client_words: g.client_words,
                    }
                })
                .collect();
            Ok(ReviewScreen {
                days_until_due: today.days_until(plan.review_due),
                client_id: client.id,
                preferred_name: client.preferred_name,
                since,
                goals,
                last_review,
                versions: summaries,
                plan,
            })
        })
    }

    /// The plan's earlier versions, oldest first, each with the review that closed it: the day,
    /// what changed and why. Empty without a plan or before its first review.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn plan_history(&self, client_id: String) -> Result<Vec<PlanVersionSummary>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let Some(plan) = plan::current_plan(conn, keys, &client.id)? else {
                return Ok(Vec::new());
            };
            let (versions, reviews) = plan_history(conn, keys, &client.id)?;
            Ok(version_summaries(&plan, &versions, &reviews))
        })
    }
}
