//! Screen state for the caseload: plain records a screen renders as they are. Sorting, labels and
//! wording are decided here so Android and iOS show the same thing.

use serde::Serialize;

use crate::activity;
use crate::assessment::LifeArea;
use crate::client::{self, Client, ClientStatus};
use crate::error::Result;
use crate::plan::{self, Author, Goal, GoalStatus, Plan, PlanVersion, Rating, Review, Step};
use crate::shared::ClientEntry;
use crate::store;
use crate::time::Day;
use crate::vault::WorkerSession;

/// How far ahead the caseload list looks for a client's next visit.
const NEXT_VISIT_DAYS: u32 = 14;

/// Direction of the latest rating against the one before it, from the same person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Same,
    Down,
    /// Fewer than two ratings.
    NotEnough,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    Visit,
    FollowUp,
    PlanReview,
    GoalTarget,
}

/// The next dated thing for a client.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DueItem {
    pub on: Day,
    pub kind: DueKind,
    /// e.g. "Plan review", "Goal: find a flat near my sister".
    pub label: String,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CaseloadRow {
    pub client_id: String,
    pub preferred_name: String,
    pub pronouns: Option<String>,
    pub status: ClientStatus,
    pub status_label: String,
    pub active_goals: u32,
    pub next_due: Option<DueItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RatingView {
    pub on: Day,
    pub score: u8,
    pub words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct GoalCard {
    pub goal_id: String,
    pub area: LifeArea,
    pub area_label: String,
    pub client_words: String,
    pub worker_step: Option<String>,
    pub measure: Option<String>,
    pub target_date: Option<Day>,
    pub status: GoalStatus,
    pub status_label: String,
    pub visible_to_client: bool,
    pub latest_client_rating: Option<RatingView>,
    pub latest_worker_rating: Option<RatingView>,
    pub client_trend: Trend,
    pub worker_trend: Trend,
    pub steps: Vec<Step>,
    pub steps_done: u32,
    /// Steps the client marked done that the worker has not confirmed yet.
    pub steps_to_confirm: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlanScreen {
    pub client_id: String,
    pub preferred_name: String,
    pub pronouns: Option<String>,
    pub plan: Option<Plan>,
    pub review_overdue: bool,
    /// Active goals first, then paused, achieved, dropped; by target date within each.
    pub goals: Vec<GoalCard>,
    /// What the client wrote themself in shared mode, newest first.
    pub client_entries: Vec<ClientEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct GoalReviewRow {
    pub goal_id: String,
    pub client_words: String,
    pub status_label: String,
    /// Ratings since the plan's last review (or its start), oldest first.
    pub client_ratings: Vec<RatingView>,
    pub worker_ratings: Vec<RatingView>,
    pub client_change: Option<i32>,
    pub worker_change: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ReviewScreen {
    pub client_id: String,
    pub preferred_name: String,
    pub plan: Plan,
    pub days_until_due: i64,
    pub since: Day,
    pub goals: Vec<GoalReviewRow>,
    pub last_review: Option<Review>,
    pub versions: Vec<PlanVersionSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlanVersionSummary {
    pub version: u32,
    pub started: Day,
    pub closed_on: Day,
    pub goals: u32,
}

pub fn status_label(status: &ClientStatus) -> String {
    match status {
        ClientStatus::Active { .. } => "Active".into(),
        ClientStatus::Paused { since } => format!("Paused since {since}"),
        ClientStatus::Discharged { on } => format!("Discharged {on}"),
    }
}

pub fn goal_status_label(status: &GoalStatus) -> String {
    match status {
        GoalStatus::Active => "Working on it".into(),
        GoalStatus::Achieved { on } => format!("Achieved {on}"),
        GoalStatus::Paused => "Paused".into(),
        GoalStatus::Dropped { .. } => "Set aside".into(),
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

/// A goal's ratings by one author, oldest first (`ratings` is already in that order).
pub(crate) fn by_author<'a>(ratings: &'a [Rating], goal_id: &str, by: Author) -> Vec<&'a Rating> {
    ratings
        .iter()
        .filter(|r| r.goal_id == goal_id && r.by == by)
        .collect()
}

/// The soonest dated item among a client's plan review and goal targets.
pub(crate) fn plan_due_items(plan: Option<&Plan>, goals: &[Goal], today: Day) -> Vec<DueItem> {
    let mut items = Vec::new();
    if let Some(plan) = plan {
        items.push(DueItem {
            on: plan.review_due,
            kind: DueKind::PlanReview,
            label: "Plan review".into(),
            overdue: plan.review_due < today,
        });
    }
    for g in goals.iter().filter(|g| g.status == GoalStatus::Active) {
        if let Some(target) = g.target_date {
            items.push(DueItem {
                on: target,
                kind: DueKind::GoalTarget,
                label: format!("Goal: {}", g.client_words),
                overdue: target < today,
            });
        }
    }
    items
}

fn goal_card(goal: Goal, ratings: &[Rating]) -> GoalCard {
    let client = by_author(ratings, &goal.id, Author::Client);
    let worker = by_author(ratings, &goal.id, Author::Worker);
    GoalCard {
        area_label: goal.area.label().into(),
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
    /// The caseload list: active clients first, then by what is due soonest, then by name.
    pub fn caseload(&self, today: Day) -> Result<Vec<CaseloadRow>> {
        let mut rows =
            self.with(|conn, keys| {
                let clients = store::list::<Client>(conn, keys)?;
                let visits = activity::scheduled_between(conn, keys, today, NEXT_VISIT_DAYS)?;
                let follow_ups = activity::open_follow_ups(conn, keys)?;
                // Plans and goals of every client in two queries, not two per client.
                let mut plans = plan::current_plans(conn, keys)?;
                let mut all_goals = plan::goals_by_client(conn, keys)?;
                let mut rows = Vec::with_capacity(clients.len());
                for c in clients {
                    let plan = plans.remove(&c.id);
                    let goals = all_goals.remove(&c.id).unwrap_or_default();
                    let mut due = plan_due_items(plan.as_ref(), &goals, today);
                    if let Some(v) = visits.iter().find(|v| v.client_id == c.id) {
                        due.push(DueItem {
                            on: v.day,
                            kind: DueKind::Visit,
                            label: match v.time {
                                Some(t) => format!("{} at {t}", v.kind.label()),
                                None => v.kind.label().to_string(),
                            },
                            overdue: false,
                        });
                    }
                    due.extend(follow_ups.iter().filter(|f| f.client_id == c.id).map(|f| {
                        DueItem {
                            on: f.due,
                            kind: DueKind::FollowUp,
                            label: format!("Follow up: {}", f.what),
                            overdue: f.due < today,
                        }
                    }));
                    rows.push(CaseloadRow {
                        status_label: status_label(&c.status),
                        active_goals: goals
                            .iter()
                            .filter(|g| g.status == GoalStatus::Active)
                            .count() as u32,
                        next_due: due.into_iter().min_by_key(|d| (d.on, d.kind)),
                        client_id: c.id,
                        preferred_name: c.preferred_name,
                        pronouns: c.pronouns,
                        status: c.status,
                    });
                }
                Ok(rows)
            })?;
        rows.sort_by_cached_key(|r| {
            (
                !matches!(r.status, ClientStatus::Active { .. }),
                r.next_due
                    .as_ref()
                    .map_or(Day(chrono::NaiveDate::MAX), |d| d.on),
                r.preferred_name.to_lowercase(),
            )
        });
        Ok(rows)
    }

    /// A client's plan screen: goals with the latest client and worker ratings side by side.
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
            let mut client_entries = store::list_owned::<ClientEntry>(conn, keys, &client.id)?;
            client_entries.sort_by_key(|e| std::cmp::Reverse((e.on, e.recorded)));
            Ok(PlanScreen {
                client_entries,
                review_overdue: plan.as_ref().is_some_and(|p| p.review_due < today),
                goals: goals.into_iter().map(|g| goal_card(g, &ratings)).collect(),
                client_id: client.id,
                preferred_name: client.preferred_name,
                pronouns: client.pronouns,
                plan,
            })
        })
    }

    /// The review screen: what moved since the last review, per goal, from both sides.
    pub fn review_screen(&self, client_id: String, today: Day) -> Result<ReviewScreen> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let plan = plan::current_plan(conn, keys, &client.id)?
                .ok_or_else(|| crate::Error::not_found("plan", &client.id))?;
            let mut reviews = store::list_owned::<Review>(conn, keys, &client.id)?;
            reviews.sort_by_key(|r| (r.on, r.recorded));
            let last_review = reviews.pop();
            let since = last_review.as_ref().map_or(plan.started, |r| r.on);
            let ratings: Vec<Rating> = plan::ratings_of(conn, keys, &client.id)?
                .into_iter()
                .filter(|r| r.on >= since)
                .collect();
            let goals = plan::goals_of(conn, keys, &client.id)?
                .into_iter()
                .filter(|g| !matches!(g.status, GoalStatus::Dropped { .. }))
                .map(|g| {
                    let client_r = by_author(&ratings, &g.id, Author::Client);
                    let worker_r = by_author(&ratings, &g.id, Author::Worker);
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
            let mut versions = store::list_owned::<PlanVersion>(conn, keys, &client.id)?;
            versions.sort_by_key(|v| v.version);
            Ok(ReviewScreen {
                days_until_due: today.days_until(plan.review_due),
                client_id: client.id,
                preferred_name: client.preferred_name,
                since,
                goals,
                last_review,
                versions: versions
                    .iter()
                    .map(|v| PlanVersionSummary {
                        version: v.version,
                        started: v.started,
                        closed_on: v.closed_on,
                        goals: v.goals.len() as u32,
                    })
                    .collect(),
                plan,
            })
        })
    }
}
