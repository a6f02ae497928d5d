//! Plan reviews: each files the plan's current version whole (its goals as they were), records
//! what changed and why with the review's day, and starts the next version. A filed version is
//! history: no call changes it.

use serde::{Deserialize, Serialize};

use super::{check_review_dates, goals_of, load_plan, Goal};
use crate::domain::client;
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::validate::{self, TEXT_MAX};
use crate::vault::WorkerSession;

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

storage::timeline_record!(Review, "review", |r| (r.on, None, r.recorded));

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

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Review the plan: file the current version whole, record what changed and why, set the
    /// next review date, and start the next version.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`plan_id`), and the errors every
    /// call has (see `WorkerSession`).
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
            // This version started at the last review (the plan's start for the first).
            let started = storage::list_owned::<Review>(tx, keys, &plan.client_id)?
                .iter()
                .map(|r| r.on)
                .max()
                .unwrap_or(plan.started);
            if input.on < started {
                return Err(Error::invalid(
                    "on",
                    Rule::NotBefore {
                        other: "the last review".into(),
                    },
                ));
            }
            let filed = PlanVersion {
                id: validate::new_id(),
                client_id: plan.client_id.clone(),
                plan_id: plan.id.clone(),
                version: plan.version,
                started,
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
            storage::revise(tx, keys, &plan)?;
            Ok(review)
        })
    }

    /// The plan's filed versions, oldest first.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn plan_versions(&self, client_id: String) -> Result<Vec<PlanVersion>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<PlanVersion>(conn, keys, &client.id)
        })?;
        all.sort_by_key(|v| v.version);
        Ok(all)
    }

    /// The plan's reviews, oldest first.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn reviews(&self, client_id: String) -> Result<Vec<Review>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<Review>(conn, keys, &client.id)
        })?;
        all.sort_by_key(|r| (r.on, r.recorded));
        Ok(all)
    }
}
