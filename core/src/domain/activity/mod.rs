//! Activities: visits, calls, accompanying, group sessions, crisis responses and contacts on the
//! client's behalf, each done "with a lesson in mind" under one or more duties, linked to the
//! client's goals, with the follow-ups they lead to.
//!
//! Follow-ups live inside their activity: that is where they were agreed, and the activity screen
//! shows them done or not. The today view, though, must find every open follow-up across all
//! clients without opening years of sealed activities. So each *open* follow-up also has a small
//! sealed row of its own (kind `follow_up_open`, owned by the client), written in the same
//! transaction as its activity and removed when the follow-up is done. Listing that kind opens only
//! what is still open: a handful of rows, however long the phone has been in use. What this shows at
//! rest is how many follow-ups each client has open, which the plaintext owner column would show
//! for any one-row-per-item design; a due-day tag is not kept, since "overdue" needs a range, not an
//! exact day, and the open list is small enough to filter after opening.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::client;
use crate::domain::duty::Duty;
use crate::domain::plan;
use crate::error::{Error, Result, Rule};
use crate::storage::{self, Record};
use crate::time::{ClockTime, Day, Timestamp};
use crate::validate::{self, LABEL_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

mod follow_up;
mod kind;
pub(crate) use follow_up::open_follow_ups;
use follow_up::{new_follow_up, save};
pub use follow_up::{FollowUp, FollowUpInput};
pub use kind::{activity_kinds, ActivityKind, ActivityKindInfo, ActivityStatus, Scheduling};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One activity with a client (a visit, a call, accompanying them, ...), as stored: sealed at rest,
/// changed only through the session's activity calls.
pub struct Activity {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// What kind it is.
    pub kind: ActivityKind,
    /// Whether it was planned, an emergency, or as needed.
    pub scheduling: Scheduling,
    /// Scheduled, done, missed or cancelled.
    pub status: ActivityStatus,
    /// The day it happened or is planned for.
    pub day: Day,
    /// The planned or actual start.
    pub time: Option<ClockTime>,
    /// How long it took, in minutes (at most a day).
    pub duration_minutes: Option<i32>,
    /// Where, in the worker's words.
    pub place: Option<String>,
    /// The lesson in mind.
    pub purpose: Option<String>,
    /// At least one, none twice, in the order chosen.
    pub duties: Vec<Duty>,
    /// Goals of this client's plan that the activity works on.
    pub goal_ids: Vec<String>,
    /// Follow-ups agreed at it, open and done.
    pub follow_ups: Vec<FollowUp>,
    /// When it was recorded, by the phone's clock.
    pub recorded: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl Record for Activity {
    const KIND: &'static str = "activity";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.client_id)
    }
    fn day(&self) -> Option<Day> {
        Some(self.day)
    }
    /// A done activity counts on its day: 1, then 1 for each of educate, empower, advocate it
    /// carries (the duty balance adds up days, not activities).
    /// It is on its client's timeline, too.
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        let mut marks = vec![storage::indexes::by_day_mark(
            &self.client_id,
            storage::indexes::Place {
                day: self.day,
                time: self.time,
                recorded: self.recorded,
                id: self.id.clone(),
                kind: Self::KIND.into(),
            },
        )];
        // One mark per activity for both the duty balance and the week's load, so a year's
        // figures and a week's signal open one small total a day.
        let mut counts = std::collections::BTreeMap::new();
        if self.status == ActivityStatus::Done {
            counts.insert(0, 1);
            for d in &self.duties {
                *counts.entry(*d as u64 + 1).or_insert(0) += 1;
            }
        }
        if matches!(
            self.status,
            ActivityStatus::Done | ActivityStatus::Scheduled
        ) {
            if self.kind == ActivityKind::CrisisResponse {
                counts.insert(day_load::CRISIS, 1);
            }
            if self.scheduling == Scheduling::Emergency {
                counts.insert(day_load::EMERGENCY, 1);
            }
            if let Some(span) = day_load::span(self.time, self.duration_minutes) {
                counts.insert(span, 1);
            }
        }
        // A scheduled one is listed on its day with what the caseload shows of it.
        let value = if self.status == ActivityStatus::Scheduled {
            serde_json::to_value(ScheduledVisit {
                client_id: self.client_id.clone(),
                day: self.day,
                time: self.time,
                kind: self.kind,
                id: self.id.clone(),
            })
            .unwrap_or_default()
        } else {
            serde_json::Value::Null
        };
        // Every activity has this mark, so that a mark row's presence says nothing of its status.
        let bucket = self.day.to_string();
        marks.push(storage::indexes::Mark {
            index: DUTY_DAY_INDEX.into(),
            bucket: bucket.clone(),
            value,
            counts,
            total: bucket,
            gathered: false,
        });
        marks
    }
}

/// The day's index: per day, the done activities and the duties they carried (the duty
/// balance), and what the heavy-week signal counts (see [`day_load`]).
pub(crate) const DUTY_DAY_INDEX: &str = "duty_day";

/// Where a day's total in [`DUTY_DAY_INDEX`] keeps what the heavy-week signal counts: positions
/// 0 to 3 are the duty balance's (done activities, then each duty).
pub(crate) mod day_load {
    use crate::time::ClockTime;
    use chrono::Timelike;

    /// Crisis responses done or scheduled.
    pub const CRISIS: u64 = 4;
    /// Emergency visits done or scheduled.
    pub const EMERGENCY: u64 = 5;
    /// Incidents that occurred on the day.
    pub const INCIDENTS: u64 = 6;
    /// Debriefs of the day that sat heavily.
    pub const HEAVY_DEBRIEFS: u64 = 7;
    /// Debriefs of the day that said there was no break.
    pub const NO_BREAK_DEBRIEFS: u64 = 8;
    /// Timed activities done or scheduled, by start and end minute: `SPANS + start * 100,000 +
    /// end + 50,000`, so the day's spans are read back without opening a visit.
    pub const SPANS: u64 = 1_000_000_000;

    /// A timed activity's position among the spans.
    pub fn span(time: Option<ClockTime>, duration_minutes: Option<i32>) -> Option<u64> {
        let start = i64::from(time?.0.num_seconds_from_midnight()) / 60;
        let end = (start + i64::from(duration_minutes.unwrap_or(0)) + 50_000).clamp(0, 99_999);
        Some(SPANS + u64::try_from(start * 100_000 + end).ok()?)
    }

    /// The start and end minute of a span's position.
    pub fn unspan(at: u64) -> Option<(i64, i64)> {
        let v = i64::try_from(at.checked_sub(SPANS)?).ok()?;
        Some((v / 100_000, v % 100_000 - 50_000))
    }
}

/// Everything a worker enters about an activity; used to add and to edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ActivityInput {
    /// What kind it is.
    pub kind: ActivityKind,
    /// Whether it was planned, an emergency, or as needed.
    pub scheduling: Scheduling,
    /// When adding: none means scheduled if planned, done if it came up (it is being recorded
    /// after the fact). When editing: none keeps the status.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub status: Option<ActivityStatus>,
    /// The day it happened or is planned for.
    pub day: Day,
    /// The time of day, if one was set.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub time: Option<ClockTime>,
    /// How long it took, in minutes (at most a day).
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub duration_minutes: Option<i32>,
    /// Where, in the worker's words.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub place: Option<String>,
    /// What it is for: the lesson in mind, in the worker's words.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub purpose: Option<String>,
    /// The duties the worker chose for it.
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub duties: Vec<Duty>,
    /// The client's goals it works towards.
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub goal_ids: Vec<String>,
}

impl ActivityInput {
    /// A planned activity with nothing else filled in.
    pub fn new(kind: ActivityKind, day: Day, duties: Vec<Duty>) -> Self {
        ActivityInput {
            kind,
            scheduling: Scheduling::Planned,
            status: None,
            day,
            time: None,
            duration_minutes: None,
            place: None,
            purpose: None,
            duties,
            goal_ids: Vec::new(),
        }
    }
}

/// The longest activity: a whole day (an accompanied hospital admission can take one).
pub const MAX_DURATION_MINUTES: i64 = 24 * 60;

fn validated_status(status: ActivityStatus) -> Result<ActivityStatus> {
    Ok(match status {
        ActivityStatus::Cancelled { reason } => ActivityStatus::Cancelled {
            reason: validate::text("status.reason", &reason, LABEL_MAX)?,
        },
        other => other,
    })
}

fn validated(input: ActivityInput) -> Result<ActivityInput> {
    if input.duties.is_empty() {
        return Err(Error::invalid("duties", Rule::Required));
    }
    for (i, d) in input.duties.iter().enumerate() {
        if input.duties[..i].contains(d) {
            return Err(Error::not_allowed(
                "duties",
                crate::error::NotAllowedReason::DutyTwice {
                    duty: super::value_of(d),
                },
            ));
        }
    }
    let purpose = validate::optional_text("purpose", input.purpose, TEXT_MAX)?;
    if purpose.is_none() && input.kind.needs_purpose() {
        return Err(Error::invalid("purpose", Rule::Required));
    }
    if let Some(minutes) = input.duration_minutes {
        validate::range("duration_minutes", minutes.into(), 0, MAX_DURATION_MINUTES)?;
    }
    let mut goal_ids: Vec<String> = Vec::new();
    for g in &input.goal_ids {
        let id = validate::id("goal_ids", g)?;
        if !goal_ids.contains(&id) {
            goal_ids.push(id);
        }
    }
    Ok(ActivityInput {
        status: input.status.map(validated_status).transpose()?,
        place: validate::optional_name("place", input.place, LABEL_MAX)?,
        purpose,
        goal_ids,
        ..input
    })
}

/// Every linked goal must exist and be this client's.
fn check_goals(conn: &Connection, keys: &Keys, client_id: &str, goal_ids: &[String]) -> Result<()> {
    for id in goal_ids {
        let goal = plan::load_goal(conn, keys, id)?;
        if goal.client_id != client_id {
            return Err(Error::invalid("goal_ids", Rule::WrongOwner));
        }
    }
    Ok(())
}

pub(crate) fn load(conn: &Connection, keys: &Keys, activity_id: &str) -> Result<Activity> {
    let id = validate::id("activity_id", activity_id)?;
    Ok(storage::get::<Activity>(conn, keys, &id)?.value)
}

/// One client's scheduled activities from `from` on, soonest first.
pub(crate) fn upcoming_for_client(
    conn: &Connection,
    keys: &Keys,
    client_id: &str,
    from: Day,
) -> Result<Vec<Activity>> {
    let mut out: Vec<Activity> = storage::list_owned::<Activity>(conn, keys, client_id)?
        .into_iter()
        .filter(|a| a.day >= from && a.status == ActivityStatus::Scheduled)
        .collect();
    out.sort_by_key(|a| (a.day, a.time.is_none(), a.time));
    Ok(out)
}

/// What the caseload shows of a scheduled activity (also its mark's value in the day index).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ScheduledVisit {
    /// Whose it is.
    pub client_id: String,
    /// Its day.
    pub day: Day,
    /// Its time, if set.
    pub time: Option<ClockTime>,
    /// Its kind.
    pub kind: ActivityKind,
    /// The activity's id (orders visits of the same day and time).
    pub id: String,
}

/// Every client's scheduled activities over `days` days from `from`, soonest first: with
/// `indexed`, from their marks in the day index, so no activity is opened; otherwise through the
/// day tags, opening only those days' activities.
pub(crate) fn scheduled_between(
    conn: &Connection,
    keys: &Keys,
    from: Day,
    days: u32,
    indexed: bool,
) -> Result<Vec<ScheduledVisit>> {
    let mut out = Vec::new();
    for offset in 0..i64::from(days) {
        let day = from.add_days(offset);
        if indexed {
            // Parsed straight into the type (a done activity's mark holds null): a fortnight of
            // a heavy caseload's marks went through `serde_json::Value` for most of the list's cost.
            out.extend(
                storage::indexes::listed_values::<Option<ScheduledVisit>>(
                    conn,
                    keys,
                    DUTY_DAY_INDEX,
                    &day.to_string(),
                )?
                .into_iter()
                .filter_map(|(_, v)| v),
            );
            continue;
        }
        out.extend(
            storage::list_on_day::<Activity>(conn, keys, day)?
                .into_iter()
                .filter(|a| a.status == ActivityStatus::Scheduled)
                .map(|a| ScheduledVisit {
                    client_id: a.client_id,
                    day: a.day,
                    time: a.time,
                    kind: a.kind,
                    id: a.id,
                }),
        );
    }
    out.sort_by(|a, b| {
        (a.day, a.time.is_none(), a.time, &a.id).cmp(&(b.day, b.time.is_none(), b.time, &b.id))
    });
    Ok(out)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Record an activity for a client. Without a status, a planned activity is scheduled and an
    /// emergency or as-needed one is done. Fails with `Invalid` (the field and rule), `NotFound`
    /// (the client or a linked goal), `Locked`.
    pub fn add_activity(&self, client_id: String, input: ActivityInput) -> Result<Activity> {
        self.add_activity_with_follow_ups(client_id, input, Vec::new())
    }

    /// Record an activity with the follow-ups agreed at it, in one write: all of it is saved, or
    /// (on any error) none of it. What the "log a visit" form's save button calls. Fails with
    /// `Invalid` (the field, e.g. `follow_ups[1].due` before the activity's day), `NotFound`
    /// (the client or a linked goal), `Locked`.
    pub fn add_activity_with_follow_ups(
        &self,
        client_id: String,
        input: ActivityInput,
        follow_ups: Vec<FollowUpInput>,
    ) -> Result<Activity> {
        let input = validated(input)?;
        let follow_ups = follow_ups
            .into_iter()
            .enumerate()
            .map(|(i, f)| new_follow_up(&format!("follow_ups[{i}]."), input.day, f))
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            check_goals(tx, keys, &client.id, &input.goal_ids)?;
            let status = input.status.unwrap_or(match input.scheduling {
                Scheduling::Planned => ActivityStatus::Scheduled,
                Scheduling::Emergency | Scheduling::AsNeeded => ActivityStatus::Done,
            });
            let now = Timestamp::now();
            let activity = Activity {
                id: validate::new_id(),
                client_id: client.id,
                kind: input.kind,
                scheduling: input.scheduling,
                status,
                day: input.day,
                time: input.time,
                duration_minutes: input.duration_minutes,
                place: input.place,
                purpose: input.purpose,
                duties: input.duties,
                goal_ids: input.goal_ids,
                follow_ups,
                recorded: now,
                updated: now,
            };
            save(tx, keys, &activity)?;
            Ok(activity)
        })
    }

    /// Change what was entered; follow-ups are kept.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`activity_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_activity(&self, activity_id: String, input: ActivityInput) -> Result<Activity> {
        let input = validated(input)?;
        self.write(|tx, keys| {
            let mut a = load(tx, keys, &activity_id)?;
            check_goals(tx, keys, &a.client_id, &input.goal_ids)?;
            a.kind = input.kind;
            a.scheduling = input.scheduling;
            if let Some(status) = input.status {
                a.status = status;
            }
            a.day = input.day;
            a.time = input.time;
            a.duration_minutes = input.duration_minutes;
            a.place = input.place;
            a.purpose = input.purpose;
            a.duties = input.duties;
            a.goal_ids = input.goal_ids;
            a.updated = Timestamp::now();
            save(tx, keys, &a)?;
            Ok(a)
        })
    }

    /// Mark an activity done, missed, cancelled, or scheduled again.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`activity_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn set_activity_status(
        &self,
        activity_id: String,
        status: ActivityStatus,
    ) -> Result<Activity> {
        let status = validated_status(status)?;
        self.write(|tx, keys| {
            let mut a = load(tx, keys, &activity_id)?;
            a.status = status;
            a.updated = Timestamp::now();
            save(tx, keys, &a)?;
            Ok(a)
        })
    }

    /// One activity by id. Fails with `NotFound` when there is none.
    pub fn activity(&self, activity_id: String) -> Result<Activity> {
        self.with(|conn, keys| load(conn, keys, &activity_id))
    }

    /// A client's activities, newest first.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn activities(&self, client_id: String) -> Result<Vec<Activity>> {
        let mut all = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            storage::list_owned::<Activity>(conn, keys, &client.id)
        })?;
        all.sort_by_key(|a| std::cmp::Reverse((a.day, a.time, a.recorded)));
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ActivityInput {
        let mut i = ActivityInput::new(
            ActivityKind::HomeVisit,
            Day::from_ymd(2025, 3, 4).unwrap(),
            vec![Duty::Educate],
        );
        i.purpose = Some("Budgeting".into());
        i
    }

    #[test]
    fn duties_are_required_and_distinct() {
        let mut i = input();
        i.duties.clear();
        assert!(matches!(
            validated(i),
            Err(Error::Invalid { field, rule: Rule::Required, .. }) if field == "duties"
        ));
        let mut i = input();
        i.duties = vec![Duty::Educate, Duty::Advocate, Duty::Educate];
        assert!(matches!(
            validated(i),
            Err(Error::Invalid { field, rule: Rule::NotAllowed { .. }, .. }) if field == "duties"
        ));
    }

    #[test]
    fn blank_purpose_counts_as_none() {
        let mut i = input();
        i.purpose = Some("   ".into());
        assert!(matches!(
            validated(i),
            Err(Error::Invalid { field, rule: Rule::Required, .. }) if field == "purpose"
        ));
        let mut i = input();
        i.kind = ActivityKind::PhoneOrVideo;
        i.purpose = None;
        assert!(validated(i).is_ok());
    }

    #[test]
    fn duration_bounds() {
        for (minutes, ok) in [(-1, false), (0, true), (1440, true), (1441, false)] {
            let mut i = input();
            i.duration_minutes = Some(minutes);
            assert_eq!(validated(i).is_ok(), ok, "{minutes}");
        }
    }
}
