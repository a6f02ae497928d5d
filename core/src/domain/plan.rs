//! The recovery plan, made with the client: goals in the client's own words, the worker's concrete
//! framing, steps, ratings from both sides (never merged), and scheduled reviews that keep the
//! plan's earlier versions.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::assessment::LifeArea;
use crate::domain::client;
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::validate::{self, LABEL_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A client's recovery plan: when it started, when it is next reviewed, and its version (bumped at
/// each review).
pub struct Plan {
    /// The plan's id, for `add_goal` and `review_plan`.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// 1 for a new plan; each review files the current version and starts the next.
    pub version: u32,
    /// The day the plan started.
    pub started: Day,
    /// The day the plan is next reviewed.
    pub review_due: Day,
    /// When it was last changed.
    pub updated: Timestamp,
}

storage::client_record!(Plan, "plan");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "status", rename_all = "snake_case")]
/// Where a goal stands. Achieved and dropped goals keep the day (and, when dropped, the reason).
pub enum GoalStatus {
    /// Being worked on.
    Active,
    /// Reached.
    Achieved {
        /// The day it was reached.
        on: Day,
    },
    /// Set aside for now; can become active again.
    Paused,
    /// Given up, with the reason; the client no longer sees it in shared mode.
    Dropped {
        /// Why, in the worker's words.
        reason: String,
    },
}

/// Who said it: the client in their own right, or the worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// The client.
    Client,
    /// The worker.
    Worker,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One concrete step towards a goal. A step the client marks done waits for the worker to confirm
/// it.
pub struct Step {
    /// The step's id, for `set_step_done` and `confirm_step`.
    pub id: String,
    /// The step, in the words written.
    pub text: String,
    /// The day it was done; none while to do.
    pub done_on: Option<Day>,
    /// Who marked it done. A step the client marked waits for the worker to confirm.
    pub marked_by: Option<Author>,
    /// Whether the worker confirmed it (a step the client marks done waits for this).
    pub confirmed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A goal of the plan, in the client's own words, with the worker's framing and its steps.
pub struct Goal {
    /// The goal's id, for the goal calls (`update_goal`, `rate_goal`, ...).
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The plan it belongs to.
    pub plan_id: String,
    /// The life area it is in.
    pub area: LifeArea,
    /// The goal as the client says it. Always shown first.
    pub client_words: String,
    /// The worker's concrete framing: the next step, how progress is measured, by when.
    pub worker_step: Option<String>,
    /// How progress will be seen, if set.
    pub measure: Option<String>,
    /// The day the goal aims for, if set.
    pub target_date: Option<Day>,
    /// Active, paused, achieved or dropped.
    pub status: GoalStatus,
    /// The goal's steps, in order.
    pub steps: Vec<Step>,
    /// Whether the client sees it in shared mode.
    pub visible_to_client: bool,
    /// When it was added.
    pub created: Timestamp,
}

storage::client_record!(Goal, "goal");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new or changed goal for `add_goal` / `update_goal`.
pub struct GoalInput {
    /// The life area it is in.
    pub area: LifeArea,
    /// The goal in the client's own words.
    pub client_words: String,
    /// The worker's concrete framing of the goal, if any.
    pub worker_step: Option<String>,
    /// How progress will be seen, if set.
    pub measure: Option<String>,
    /// The day the goal aims for, if set.
    pub target_date: Option<Day>,
    /// Defaults to shown.
    pub visible_to_client: Option<bool>,
}

/// A 1-to-10 rating of progress on one goal, by the client or by the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Rating {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The goal it is about.
    pub goal_id: String,
    /// The day of the rating.
    pub on: Day,
    /// The score, 1 (low) to 10 (high).
    pub score: u8,
    /// Who gave it: the client or the worker.
    pub by: Author,
    /// Words given with it, if any.
    pub words: Option<String>,
    /// When it was recorded, by the phone's clock.
    pub recorded: Timestamp,
}

storage::client_record!(Rating, "rating");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A rating for `rate_goal`: a score from 1 to 10 by the client or the worker, with optional words.
pub struct RatingInput {
    /// The day of the rating.
    pub on: Day,
    /// The score, 1 (low) to 10 (high).
    pub score: u8,
    /// Who gave it: the client or the worker.
    pub by: Author,
    /// Words given with it, if any.
    pub words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A plan review: what changed, and the next review's day. The plan's version before it is kept.
pub struct Review {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The plan it belongs to.
    pub plan_id: String,
    /// The day of the review.
    pub on: Day,
    /// The plan version this review closed.
    pub plan_version: u32,
    /// What changed at the review, in the worker's words.
    pub what_changed: String,
    /// Why it changed.
    pub why: String,
    /// The day the next review is due.
    pub next_due: Day,
    /// When it was recorded, by the phone's clock.
    pub recorded: Timestamp,
}

storage::client_record!(Review, "review");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A review for `review_plan`.
pub struct ReviewInput {
    /// The day of the review.
    pub on: Day,
    /// What changed at the review, in the worker's words.
    pub what_changed: String,
    /// Why it changed.
    pub why: String,
    /// The day the next review is due.
    pub next_due: Day,
}

/// An earlier version of a plan, filed whole when a review starts the next one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct PlanVersion {
    /// The version's id.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The plan it belongs to.
    pub plan_id: String,
    /// The plan's version number: 1, then one more at each review.
    pub version: u32,
    /// The day this version started.
    pub started: Day,
    /// The day this version was replaced by a review.
    pub closed_on: Day,
    /// The goals as they were in this version.
    pub goals: Vec<Goal>,
}

storage::client_record!(PlanVersion, "plan_version");

/// The lowest score a rating may have.
pub const SCORE_MIN: u8 = 1;
/// The highest score a rating may have.
pub const SCORE_MAX: u8 = 10;

pub(crate) fn load_goal(conn: &Connection, keys: &Keys, goal_id: &str) -> Result<Goal> {
    let id = validate::id("goal_id", goal_id)?;
    Ok(storage::get::<Goal>(conn, keys, &id)?.value)
}

pub(crate) fn load_plan(conn: &Connection, keys: &Keys, plan_id: &str) -> Result<Plan> {
    let id = validate::id("plan_id", plan_id)?;
    Ok(storage::get::<Plan>(conn, keys, &id)?.value)
}

/// The client's current plan, if one has been made.
pub(crate) fn current_plan(
    conn: &Connection,
    keys: &Keys,
    client_id: &str,
) -> Result<Option<Plan>> {
    Ok(storage::list_owned::<Plan>(conn, keys, client_id)?
        .into_iter()
        .next())
}

/// Every client's current plan, by client id: one query for a screen that shows them all.
pub(crate) fn current_plans(
    conn: &Connection,
    keys: &Keys,
) -> Result<std::collections::HashMap<String, Plan>> {
    let mut out = std::collections::HashMap::new();
    for p in storage::list::<Plan>(conn, keys)? {
        out.entry(p.client_id.clone()).or_insert(p);
    }
    Ok(out)
}

/// Every client's goals, by client id, each client's oldest first (as [`goals_of`]).
pub(crate) fn goals_by_client(
    conn: &Connection,
    keys: &Keys,
) -> Result<std::collections::HashMap<String, Vec<Goal>>> {
    let mut out: std::collections::HashMap<String, Vec<Goal>> = std::collections::HashMap::new();
    for g in storage::list::<Goal>(conn, keys)? {
        out.entry(g.client_id.clone()).or_default().push(g);
    }
    for goals in out.values_mut() {
        goals.sort_by_key(|g| g.created);
    }
    Ok(out)
}

pub(crate) fn goals_of(conn: &Connection, keys: &Keys, client_id: &str) -> Result<Vec<Goal>> {
    let mut goals = storage::list_owned::<Goal>(conn, keys, client_id)?;
    goals.sort_by_key(|g| g.created);
    Ok(goals)
}

pub(crate) fn ratings_of(conn: &Connection, keys: &Keys, client_id: &str) -> Result<Vec<Rating>> {
    let mut ratings = storage::list_owned::<Rating>(conn, keys, client_id)?;
    ratings.sort_by_key(|r| (r.on, r.recorded));
    Ok(ratings)
}

pub(crate) fn validate_rating(input: RatingInput) -> Result<RatingInput> {
    validate::range(
        "score",
        input.score.into(),
        SCORE_MIN.into(),
        SCORE_MAX.into(),
    )?;
    Ok(RatingInput {
        on: input.on.not_in_future("on")?,
        words: validate::optional_text("words", input.words, TEXT_MAX)?,
        ..input
    })
}

pub(crate) fn record_rating(
    tx: &rusqlite::Transaction<'_>,
    keys: &Keys,
    goal: &Goal,
    input: RatingInput,
) -> Result<Rating> {
    let rating = Rating {
        id: validate::new_id(),
        client_id: goal.client_id.clone(),
        goal_id: goal.id.clone(),
        on: input.on,
        score: input.score,
        by: input.by,
        words: input.words,
        recorded: Timestamp::now(),
    };
    storage::put(tx, keys, &rating)?;
    Ok(rating)
}

/// Mark a step done or not done; `by` says who.
pub(crate) fn mark_step(
    goal: &mut Goal,
    step_id: &str,
    done_on: Option<Day>,
    by: Author,
) -> Result<()> {
    let step = goal
        .steps
        .iter_mut()
        .find(|s| s.id == step_id)
        .ok_or_else(|| Error::not_found("step", step_id))?;
    step.done_on = done_on;
    step.marked_by = done_on.map(|_| by);
    step.confirmed = done_on.is_some() && by == Author::Worker;
    Ok(())
}

fn validated_goal(input: GoalInput, plan: &Plan) -> Result<GoalInput> {
    if let Some(target) = input.target_date {
        if target < plan.started {
            return Err(Error::invalid(
                "target_date",
                Rule::NotBefore {
                    other: "the plan's start".into(),
                },
            ));
        }
    }
    Ok(GoalInput {
        area: input.area,
        client_words: validate::text("client_words", &input.client_words, TEXT_MAX)?,
        worker_step: validate::optional_text("worker_step", input.worker_step, TEXT_MAX)?,
        measure: validate::optional_text("measure", input.measure, TEXT_MAX)?,
        target_date: input.target_date,
        visible_to_client: input.visible_to_client,
    })
}

fn check_review_dates(field: &str, due: Day, after: Day, after_what: &str) -> Result<()> {
    if due <= after {
        return Err(Error::invalid(
            field,
            Rule::NotBefore {
                other: after_what.into(),
            },
        ));
    }
    Ok(())
}

/// A goal's ratings by one author, oldest first (`ratings` is already in that order).
pub(crate) fn by_author<'a>(ratings: &'a [Rating], goal_id: &str, by: Author) -> Vec<&'a Rating> {
    ratings
        .iter()
        .filter(|r| r.goal_id == goal_id && r.by == by)
        .collect()
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Start the client's plan. A client has one current plan; reviews move it to new versions.
    pub fn create_plan(&self, client_id: String, started: Day, review_due: Day) -> Result<Plan> {
        check_review_dates(
            "review_due",
            review_due,
            started,
            "the day after the plan starts",
        )?;
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            if current_plan(tx, keys, &client.id)?.is_some() {
                return Err(Error::not_allowed(
                    "client_id",
                    crate::error::NotAllowedReason::PlanExists,
                ));
            }
            let plan = Plan {
                id: validate::new_id(),
                client_id: client.id,
                version: 1,
                started,
                review_due,
                updated: Timestamp::now(),
            };
            storage::put(tx, keys, &plan)?;
            Ok(plan)
        })
    }

    /// The client's current plan, or none if no plan was created yet.
    pub fn plan(&self, client_id: String) -> Result<Option<Plan>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            current_plan(conn, keys, &client.id)
        })
    }

    /// Add a goal to a client's plan. The plan must be that client's.
    pub fn add_goal(&self, client_id: String, plan_id: String, input: GoalInput) -> Result<Goal> {
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            let plan = load_plan(tx, keys, &plan_id)?;
            if plan.client_id != client.id {
                return Err(Error::invalid("plan_id", Rule::WrongOwner));
            }
            let input = validated_goal(input, &plan)?;
            let goal = Goal {
                id: validate::new_id(),
                client_id: client.id,
                plan_id: plan.id,
                area: input.area,
                client_words: input.client_words,
                worker_step: input.worker_step,
                measure: input.measure,
                target_date: input.target_date,
                status: GoalStatus::Active,
                steps: Vec::new(),
                visible_to_client: input.visible_to_client.unwrap_or(true),
                created: Timestamp::now(),
            };
            storage::put(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Change a goal's words, framing, area, target day or visibility to the client.
    pub fn update_goal(&self, goal_id: String, input: GoalInput) -> Result<Goal> {
        self.write(|tx, keys| {
            let mut goal = load_goal(tx, keys, &goal_id)?;
            let plan = load_plan(tx, keys, &goal.plan_id)?;
            let input = validated_goal(input, &plan)?;
            goal.area = input.area;
            goal.client_words = input.client_words;
            goal.worker_step = input.worker_step;
            goal.measure = input.measure;
            goal.target_date = input.target_date;
            if let Some(v) = input.visible_to_client {
                goal.visible_to_client = v;
            }
            storage::put(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Set a goal active, paused, achieved or dropped.
    pub fn set_goal_status(&self, goal_id: String, status: GoalStatus) -> Result<Goal> {
        let status = match status {
            GoalStatus::Dropped { reason } => GoalStatus::Dropped {
                reason: validate::text("reason", &reason, TEXT_MAX)?,
            },
            other => other,
        };
        self.write(|tx, keys| {
            let mut goal = load_goal(tx, keys, &goal_id)?;
            goal.status = status;
            storage::put(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Add a step at the end of a goal's steps.
    pub fn add_step(&self, goal_id: String, text: String) -> Result<Goal> {
        let text = validate::text("text", &text, LABEL_MAX)?;
        self.write(|tx, keys| {
            let mut goal = load_goal(tx, keys, &goal_id)?;
            if matches!(goal.status, GoalStatus::Dropped { .. }) {
                return Err(Error::not_allowed(
                    "goal_id",
                    crate::error::NotAllowedReason::GoalDropped,
                ));
            }
            goal.steps.push(Step {
                id: validate::new_id(),
                text,
                done_on: None,
                marked_by: None,
                confirmed: false,
            });
            storage::put(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Mark a step done (or not done again). Done by the worker counts as confirmed.
    pub fn set_step_done(
        &self,
        goal_id: String,
        step_id: String,
        done_on: Option<Day>,
    ) -> Result<Goal> {
        self.write(|tx, keys| {
            let mut goal = load_goal(tx, keys, &goal_id)?;
            mark_step(&mut goal, &step_id, done_on, Author::Worker)?;
            storage::put(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Confirm a step the client marked done in shared mode.
    pub fn confirm_step(&self, goal_id: String, step_id: String) -> Result<Goal> {
        self.write(|tx, keys| {
            let mut goal = load_goal(tx, keys, &goal_id)?;
            let step = goal
                .steps
                .iter_mut()
                .find(|s| s.id == step_id)
                .ok_or_else(|| Error::not_found("step", &step_id))?;
            if step.done_on.is_none() {
                return Err(Error::not_allowed(
                    "step_id",
                    crate::error::NotAllowedReason::StepNotDone,
                ));
            }
            step.confirmed = true;
            storage::put(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Record a rating of progress on a goal, by the client or the worker.
    pub fn rate_goal(&self, goal_id: String, input: RatingInput) -> Result<Rating> {
        let input = validate_rating(input)?;
        self.write(|tx, keys| {
            let goal = load_goal(tx, keys, &goal_id)?;
            record_rating(tx, keys, &goal, input)
        })
    }

    /// Every rating on a goal, oldest first.
    pub fn ratings(&self, goal_id: String) -> Result<Vec<Rating>> {
        self.with(|conn, keys| {
            let goal = load_goal(conn, keys, &goal_id)?;
            Ok(ratings_of(conn, keys, &goal.client_id)?
                .into_iter()
                .filter(|r| r.goal_id == goal.id)
                .collect())
        })
    }

    /// Review the plan: file the current version whole, record what changed and why, set the
    /// next review date, and start the next version.
    pub fn review_plan(&self, plan_id: String, input: ReviewInput) -> Result<Review> {
        let what_changed = validate::text("what_changed", &input.what_changed, TEXT_MAX)?;
        let why = validate::text("why", &input.why, TEXT_MAX)?;
        check_review_dates("next_due", input.next_due, input.on, "the review day")?;
        self.write(|tx, keys| {
            let mut plan = load_plan(tx, keys, &plan_id)?;
            if input.on < plan.started {
                return Err(Error::invalid(
                    "on",
                    Rule::NotBefore {
                        other: "the plan's start".into(),
                    },
                ));
            }
            let goals = goals_of(tx, keys, &plan.client_id)?;
            let filed = PlanVersion {
                id: validate::new_id(),
                client_id: plan.client_id.clone(),
                plan_id: plan.id.clone(),
                version: plan.version,
                started: plan.started,
                closed_on: input.on,
                goals,
            };
            storage::put(tx, keys, &filed)?;
            let review = Review {
                id: validate::new_id(),
                client_id: plan.client_id.clone(),
                plan_id: plan.id.clone(),
                on: input.on,
                plan_version: plan.version,
                what_changed,
                why,
                next_due: input.next_due,
                recorded: Timestamp::now(),
            };
            storage::put(tx, keys, &review)?;
            plan.version += 1;
            plan.review_due = input.next_due;
            plan.updated = Timestamp::now();
            storage::put(tx, keys, &plan)?;
            Ok(review)
        })
    }

    /// The plan's filed versions, oldest first.
    pub fn plan_versions(&self, client_id: String) -> Result<Vec<PlanVersion>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<PlanVersion>(conn, keys, &client.id)
        })?;
        all.sort_by_key(|v| v.version);
        Ok(all)
    }

    /// The plan's reviews, oldest first.
    pub fn reviews(&self, client_id: String) -> Result<Vec<Review>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<Review>(conn, keys, &client.id)
        })?;
        all.sort_by_key(|r| (r.on, r.recorded));
        Ok(all)
    }
}
