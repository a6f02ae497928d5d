//! Follow-ups agreed at an activity, and the small index of open ones that the today view reads
//! (see the activity module's docs for why the index exists). A follow-up's wording and due day
//! can be corrected while it is open or done; each change keeps what it replaced in the
//! activity's history.

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::{load, Activity};
use crate::crypto::Keys;
use crate::error::{Error, Result, Rule};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, LABEL_MAX};
use crate::vault::WorkerSession;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// Something agreed at an activity to be done by a day (a call back, a form to bring). Open until
/// `done_on` is set.
pub struct FollowUp {
    /// The follow-up's id, for `set_follow_up_done`.
    pub id: String,
    /// What is to be done, in the worker's words.
    pub what: String,
    /// The day it is due.
    pub due: Day,
    /// The day it was done; none while it is open.
    pub done_on: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new follow-up for `add_follow_up`: what, and by when (on or after the activity's day).
pub struct FollowUpInput {
    /// What is to be done, in the worker's words.
    pub what: String,
    /// The day it is due: on or after the activity's day.
    pub due: Day,
}

/// A follow-up that is not done yet, as indexed for the today view (see the module comment).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct OpenFollowUp {
    /// The follow-up's own id.
    pub id: String,
    pub client_id: String,
    pub activity_id: String,
    pub what: String,
    pub due: Day,
}

storage::client_record!(OpenFollowUp, "follow_up_open");

pub(crate) fn open_follow_ups(conn: &Connection, keys: &Keys) -> Result<Vec<OpenFollowUp>> {
    storage::list::<OpenFollowUp>(conn, keys)
}

/// Write an activity and bring the open follow-up index in line with it, in the caller's
/// transaction, so the two can never disagree after a crash.
pub(crate) fn save(tx: &Transaction<'_>, keys: &Keys, activity: &Activity) -> Result<()> {
    storage::revise(tx, keys, activity)?;
    let indexed: Vec<OpenFollowUp> =
        storage::list_owned::<OpenFollowUp>(tx, keys, &activity.client_id)?
            .into_iter()
            .filter(|o| o.activity_id == activity.id)
            .collect();
    for f in &activity.follow_ups {
        let existing = indexed.iter().find(|o| o.id == f.id);
        if f.done_on.is_some() {
            if existing.is_some() {
                storage::erase(tx, keys, OpenFollowUp::KIND, &f.id)?;
            }
            continue;
        }
        let open = OpenFollowUp {
            id: f.id.clone(),
            client_id: activity.client_id.clone(),
            activity_id: activity.id.clone(),
            what: f.what.clone(),
            due: f.due,
        };
        if existing != Some(&open) {
            storage::put(tx, keys, &open)?;
        }
    }
    Ok(())
}

/// A follow-up's due day must not come before its activity's day. `field` places it in the
/// call's input (`follow_ups[2].due` when a visit is saved with several).
fn check_due(field: &str, due: Day, activity_day: Day) -> Result<()> {
    if due < activity_day {
        return Err(Error::invalid(
            field,
            Rule::NotBefore {
                other: "the activity's day".into(),
            },
        ));
    }
    Ok(())
}

/// A new follow-up, checked: `what` given, due on or after the activity's day. `prefix` places
/// its fields in the call's input (`follow_ups[2].`) when there are several.
pub(super) fn new_follow_up(
    prefix: &str,
    activity_day: Day,
    input: FollowUpInput,
) -> Result<FollowUp> {
    let what = validate::text(&format!("{prefix}what"), &input.what, LABEL_MAX)?;
    check_due(&format!("{prefix}due"), input.due, activity_day)?;
    Ok(FollowUp {
        id: validate::new_id(),
        what,
        due: input.due,
        done_on: None,
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Add a follow-up agreed at an activity; it is due on or after the activity's day.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`activity_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn add_follow_up(&self, activity_id: String, input: FollowUpInput) -> Result<Activity> {
        validate::text("what", &input.what, LABEL_MAX)?;
        self.write(|tx, keys| {
            let mut a = load(tx, keys, &activity_id)?;
            let follow_up = new_follow_up("", a.day, input)?;
            a.follow_ups.push(follow_up);
            a.updated = Timestamp::now();
            save(tx, keys, &a)?;
            Ok(a)
        })
    }

    /// Mark a follow-up done on a day, or open again with none.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`activity_id`, `follow_up_id`),
    /// and the errors every call has (see `WorkerSession`).
    pub fn set_follow_up_done(
        &self,
        activity_id: String,
        follow_up_id: String,
        done_on: Option<Day>,
    ) -> Result<Activity> {
        self.write(|tx, keys| {
            let mut a = load(tx, keys, &activity_id)?;
            let f = a
                .follow_ups
                .iter_mut()
                .find(|f| f.id == follow_up_id.trim())
                .ok_or_else(|| Error::not_found("follow_up", &follow_up_id))?;
            f.done_on = done_on;
            a.updated = Timestamp::now();
            save(tx, keys, &a)?;
            Ok(a)
        })
    }

    /// Correct a follow-up's wording or due day (on or after the activity's day), open or done.
    /// The activity as it was is kept in its history.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`activity_id`, `follow_up_id`),
    /// and the errors every call has (see `WorkerSession`).
    pub fn update_follow_up(
        &self,
        activity_id: String,
        follow_up_id: String,
        input: FollowUpInput,
    ) -> Result<Activity> {
        let what = validate::text("what", &input.what, LABEL_MAX)?;
        self.write(|tx, keys| {
            let mut a = load(tx, keys, &activity_id)?;
            check_due("due", input.due, a.day)?;
            let f = a
                .follow_ups
                .iter_mut()
                .find(|f| f.id == follow_up_id.trim())
                .ok_or_else(|| Error::not_found("follow_up", &follow_up_id))?;
            f.what = what;
            f.due = input.due;
            a.updated = Timestamp::now();
            save(tx, keys, &a)?;
            Ok(a)
        })
    }
}
