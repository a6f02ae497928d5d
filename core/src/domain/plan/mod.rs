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
use crate::validate::{self, TEXT_MAX};
use crate::vault::WorkerSession;

mod goal;
mod review;
pub use review::{PlanVersion, Review, ReviewInput};

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

impl storage::Record for Plan {
    const KIND: &'static str = "plan";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.client_id)
    }
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        let due = PlanDue {
            client_id: self.client_id.clone(),
            review_due: self.review_due,
        };
        vec![storage::indexes::Mark::gathered(
            REVIEW_INDEX,
            "",
            serde_json::to_value(due).unwrap_or_default(),
        )]
    }
}

/// The index of every plan's next review, gathered in one sealed total row: the today view and
/// the caseload list read it instead of every plan.
const REVIEW_INDEX: &str = "plan_review";

/// A plan's next review, as the screens that show every client's need it (the value of its
/// review mark, gathered under the plan's id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlanDue {
    /// The plan's client.
    pub client_id: String,
    /// The day the plan is next reviewed.
    pub review_due: Day,
}

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

/// The index of active goals, for the caseload list: what it shows of each (how many a client
/// has, the soonest target) gathered in one sealed total row, without opening every goal and
/// its steps.
pub(crate) const ACTIVE_GOAL_INDEX: &str = "active_goal";

/// An active goal as the caseload list needs it (the value of its mark).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ActiveGoal {
    /// The goal's client.
    pub client_id: String,
    /// The goal, in the client's words.
    pub client_words: String,
    /// The day it is aimed at, if one was set.
    pub target_date: Option<Day>,
    /// When it was set (a client's goals are listed oldest first).
    pub created: Timestamp,
}

impl storage::Record for Goal {
    const KIND: &'static str = "goal";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.client_id)
    }
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        if self.status != GoalStatus::Active {
            return Vec::new();
        }
        vec![storage::indexes::Mark::gathered(
            ACTIVE_GOAL_INDEX,
            "",
            serde_json::to_value(self.active()).unwrap_or_default(),
        )]
    }
}

impl Goal {
    fn active(&self) -> ActiveGoal {
        ActiveGoal {
            client_id: self.client_id.clone(),
            client_words: self.client_words.clone(),
            target_date: self.target_date,
            created: self.created,
        }
    }
}

/// Every client's active goals, by client id, each client's oldest first: through their index
/// when `indexed` (what `storage::indexes::ensure::<Goal>` said), else by opening every goal.
pub(crate) fn active_goals_by_client(
    conn: &Connection,
    keys: &Keys,
    indexed: bool,
) -> Result<std::collections::HashMap<String, Vec<ActiveGoal>>> {
    let mut out: std::collections::HashMap<String, Vec<ActiveGoal>> =
        std::collections::HashMap::new();
    if !indexed || storage::indexes::bypassed() {
        for (client, goals) in goals_by_client(conn, keys)? {
            let active = goals
                .iter()
                .filter(|g| g.status == GoalStatus::Active)
                .map(Goal::active);
            out.entry(client).or_default().extend(active);
        }
    } else {
        for g in storage::indexes::gathered::<ActiveGoal>(conn, keys, ACTIVE_GOAL_INDEX, "")?
            .into_values()
        {
            out.entry(g.client_id.clone()).or_default().push(g);
        }
    }
    // Goals set in the same millisecond come in the same order either way.
    for goals in out.values_mut() {
        goals.sort_by(|a, b| {
            (a.created, &a.client_words, a.target_date).cmp(&(
                b.created,
                &b.client_words,
                b.target_date,
            ))
        });
    }
    Ok(out)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new or changed goal for `add_goal` / `update_goal`.
pub struct GoalInput {
    /// The life area it is in.
    pub area: LifeArea,
    /// The goal in the client's own words.
    pub client_words: String,
    /// The worker's concrete framing of the goal, if any.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub worker_step: Option<String>,
    /// How progress will be seen, if set.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub measure: Option<String>,
    /// The day the goal aims for, if set.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub target_date: Option<Day>,
    /// Defaults to shown.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
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

storage::timeline_record!(Rating, "rating", |r| (r.on, None, r.recorded));

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A rating for `rate_goal`: a score from 1 to 10 by the client or the worker, with optional words.
pub struct RatingInput {
    /// The day of the rating.
    pub on: Day,
    /// The score, 1 (low) to 10 (high). A wide integer so that 260 reaches the core and is
    /// refused (`OutOfRange`) rather than wrapped by the phone into a valid-looking 4.
    pub score: i32,
    /// Who gave it: the client or the worker.
    pub by: Author,
    /// Words given with it, if any.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub words: Option<String>,
}

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

/// Every client's current plan's id and next review, by client id: from the review index when
/// `indexed` (what `storage::indexes::ensure::<Plan>` said), else by opening every plan.
pub(crate) fn reviews_by_client(
    conn: &Connection,
    keys: &Keys,
    indexed: bool,
) -> Result<std::collections::HashMap<String, (String, Day)>> {
    let mut out = std::collections::HashMap::new();
    if indexed && !storage::indexes::bypassed() {
        for (plan_id, due) in storage::indexes::gathered::<PlanDue>(conn, keys, REVIEW_INDEX, "")? {
            out.entry(due.client_id)
                .or_insert((plan_id, due.review_due));
        }
        return Ok(out);
    }
    for p in storage::list::<Plan>(conn, keys)? {
        out.entry(p.client_id).or_insert((p.id, p.review_due));
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
        score: u8::try_from(input.score).map_err(|_| {
            Error::invalid(
                "score",
                Rule::OutOfRange {
                    min: SCORE_MIN.into(),
                    max: SCORE_MAX.into(),
                },
            )
        })?,
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

pub(super) fn validated_goal(input: GoalInput, plan: &Plan) -> Result<GoalInput> {
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

pub(super) fn check_review_dates(
    field: &str,
    due: Day,
    after: Day,
    after_what: &str,
) -> Result<()> {
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
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
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
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn plan(&self, client_id: String) -> Result<Option<Plan>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            current_plan(conn, keys, &client.id)
        })
    }

    /// Record a rating of progress on a goal, by the client or the worker.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`), and the errors every
    /// call has (see `WorkerSession`).
    pub fn rate_goal(&self, goal_id: String, input: RatingInput) -> Result<Rating> {
        let input = validate_rating(input)?;
        self.write(|tx, keys| {
            let goal = load_goal(tx, keys, &goal_id)?;
            record_rating(tx, keys, &goal, input)
        })
    }

    /// Every rating on a goal, oldest first.
    /// Fails with `NotFound` (`goal_id`), and the errors every call has (see `WorkerSession`).
    pub fn ratings(&self, goal_id: String) -> Result<Vec<Rating>> {
        self.with(|conn, keys| {
            let goal = load_goal(conn, keys, &goal_id)?;
            Ok(ratings_of(conn, keys, &goal.client_id)?
                .into_iter()
                .filter(|r| r.goal_id == goal.id)
                .collect())
        })
    }
}
