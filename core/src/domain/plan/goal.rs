//! A plan's goals and their steps: added, reworded, set active, paused, achieved or dropped, and
//! their steps marked done. A goal is the client's own words, so it can be corrected at any time;
//! each correction keeps the wording it replaced (`storage::revise`). A reviewed plan's versions
//! keep their own copies of the goals, which no edit reaches.

use super::{
    load_goal, load_plan, mark_step, validated_goal, Author, Goal, GoalInput, GoalStatus, Step,
};
use crate::domain::client;
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::validate::{self, LABEL_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Add a goal to a client's plan. The plan must be that client's.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`, `plan_id`), and the
    /// errors every call has (see `WorkerSession`).
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

    /// One goal by id.
    /// Fails with `NotFound` (`goal_id`), and the errors every call has (see `WorkerSession`).
    pub fn goal(&self, goal_id: String) -> Result<Goal> {
        self.with(|conn, keys| load_goal(conn, keys, &goal_id))
    }

    /// Correct a goal's words, framing, area, target day or visibility to the client. The goal as
    /// it was is kept in its history; a reviewed plan version keeps its own copy unchanged.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`), and the errors every
    /// call has (see `WorkerSession`).
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
            storage::revise(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Set a goal active, paused, achieved or dropped.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`), and the errors every
    /// call has (see `WorkerSession`).
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
            storage::revise(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Add a step at the end of a goal's steps.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`), and the errors every
    /// call has (see `WorkerSession`).
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
            storage::revise(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Correct a step's wording. The wording it replaces is kept in the goal's history.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`, `step_id`), and the
    /// errors every call has (see `WorkerSession`).
    pub fn edit_step(&self, goal_id: String, step_id: String, text: String) -> Result<Goal> {
        let text = validate::text("text", &text, LABEL_MAX)?;
        self.write(|tx, keys| {
            let mut goal = load_goal(tx, keys, &goal_id)?;
            let step = goal
                .steps
                .iter_mut()
                .find(|s| s.id == step_id.trim())
                .ok_or_else(|| Error::not_found("step", &step_id))?;
            step.text = text;
            storage::revise(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Mark a step done (or not done again). Done by the worker counts as confirmed.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`, `step_id`), and the
    /// errors every call has (see `WorkerSession`).
    pub fn set_step_done(
        &self,
        goal_id: String,
        step_id: String,
        done_on: Option<Day>,
    ) -> Result<Goal> {
        self.write(|tx, keys| {
            let mut goal = load_goal(tx, keys, &goal_id)?;
            mark_step(&mut goal, &step_id, done_on, Author::Worker)?;
            storage::revise(tx, keys, &goal)?;
            Ok(goal)
        })
    }

    /// Confirm a step the client marked done in shared mode.
    /// Fails with `NotFound` (`goal_id`, `step_id`), and the errors every call has (see
    /// `WorkerSession`).
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
            storage::revise(tx, keys, &goal)?;
            Ok(goal)
        })
    }
}
