//! The heavy-week signal: from the worker's own records of one ISO week (Monday to Sunday) it
//! counts crisis responses, incidents, emergency visits, days that ran past working hours, days
//! without a break and debriefs that sat heavily, and names each count that reached its
//! threshold. It advises and never decides: the screen words the reasons and the suggestions,
//! and the worker may dismiss it for the week.
//!
//! A day without a break is one the worker said so of in a debrief, or one whose timed visits
//! run back to back (no gap of half an hour) for five hours or more.

use chrono::{Datelike, Timelike};
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet};

use crate::crypto::Keys;
use crate::domain::activity::{day_load, DUTY_DAY_INDEX};
use crate::domain::activity::{Activity, ActivityKind, ActivityStatus, Scheduling};
use crate::domain::incident;
use crate::domain::worker::debrief::{self, HEAVY_SCORE};
use crate::domain::worker::settings::{HeavyWeekThresholds, WorkingHours};
use crate::error::Result;
use crate::storage;
use crate::time::Day;

/// A gap this long between visits is a break.
const BREAK_MINUTES: i64 = 30;
/// Visits back to back for this long make a day without a break.
const NO_BREAK_SPAN_MINUTES: i64 = 5 * 60;

/// Which kind of load a reason counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum HeavyReasonKind {
    /// Crisis responses.
    CrisisResponses,
    /// Incidents.
    Incidents,
    /// Emergency visits.
    EmergencyVisits,
    /// Days that ran past working hours.
    LateFinishes,
    /// Days without a break.
    DaysWithoutBreak,
    /// Debriefs that sat heavily.
    HeavyDebriefs,
}

/// One week's load, counted.
pub(crate) struct WeekLoad {
    /// The Monday the week starts on.
    pub monday: Day,
    /// Each kind's count, in the order of `HeavyReasonKind`.
    pub counts: Vec<(HeavyReasonKind, u32)>,
}

impl WeekLoad {
    /// The counts that reached their threshold (a threshold of 0 leaves its kind out).
    pub fn reasons(&self, t: &HeavyWeekThresholds) -> Vec<(HeavyReasonKind, u32)> {
        self.counts
            .iter()
            .filter(|(kind, n)| {
                let limit = threshold(t, *kind);
                limit > 0 && *n >= limit
            })
            .copied()
            .collect()
    }
}

fn threshold(t: &HeavyWeekThresholds, kind: HeavyReasonKind) -> u32 {
    match kind {
        HeavyReasonKind::CrisisResponses => t.crisis_responses,
        HeavyReasonKind::Incidents => t.incidents,
        HeavyReasonKind::EmergencyVisits => t.emergency_visits,
        HeavyReasonKind::LateFinishes => t.late_finishes,
        HeavyReasonKind::DaysWithoutBreak => t.days_without_break,
        HeavyReasonKind::HeavyDebriefs => t.heavy_debriefs,
    }
}

/// The Monday of the week `day` falls in.
pub(crate) fn monday_of(day: Day) -> Day {
    day.add_days(-i64::from(day.0.weekday().num_days_from_monday()))
}

fn minutes(a: &Activity) -> Option<(i64, i64)> {
    let t = a.time?;
    let start = i64::from(t.0.num_seconds_from_midnight()) / 60;
    Some((start, start + i64::from(a.duration_minutes.unwrap_or(0))))
}

fn no_break(day: &[Activity]) -> bool {
    spans_no_break(day.iter().filter_map(minutes).collect())
}

fn spans_no_break(mut spans: Vec<(i64, i64)>) -> bool {
    spans.sort_unstable();
    let mut run: Option<(i64, i64)> = None;
    for (start, end) in spans {
        run = match run {
            Some((s, e)) if start - e < BREAK_MINUTES => Some((s, e.max(end))),
            _ => Some((start, end)),
        };
        if let Some((s, e)) = run {
            if e - s >= NO_BREAK_SPAN_MINUTES {
                return true;
            }
        }
    }
    false
}

fn ran_late(day: &[Activity], hours: &WorkingHours) -> bool {
    spans_ran_late(&day.iter().filter_map(minutes).collect::<Vec<_>>(), hours)
}

fn spans_ran_late(spans: &[(i64, i64)], hours: &WorkingHours) -> bool {
    let end = i64::from(hours.end.0.num_seconds_from_midnight()) / 60;
    spans.iter().any(|(_, finish)| *finish > end)
}

/// Make sure the day index the week's load is read from is built (see
/// [`storage::indexes::ensure`]); false: count from the records themselves.
pub(crate) fn indexed(conn: &mut Connection, keys: &Keys) -> Result<bool> {
    Ok(!storage::indexes::bypassed()
        && storage::indexes::ensure::<Activity>(conn, keys)?
        && storage::indexes::ensure::<incident::Incident>(conn, keys)?
        && storage::indexes::ensure::<debrief::Debrief>(conn, keys)?)
}

fn spans_of(total: &BTreeMap<u64, i64>) -> Vec<(i64, i64)> {
    total
        .range(day_load::SPANS..)
        .filter(|(_, n)| **n > 0)
        .filter_map(|(at, _)| day_load::unspan(*at))
        .collect()
}

fn count(total: &BTreeMap<u64, i64>, at: u64) -> u32 {
    total.get(&at).map_or(0, |n| u32::try_from(*n).unwrap_or(0))
}

/// The week's load from the seven days' totals of the day index: seven small rows, whatever
/// the week held.
fn week_load_indexed(
    conn: &Connection,
    keys: &Keys,
    monday: Day,
    hours: Option<&WorkingHours>,
) -> Result<WeekLoad> {
    let mut c = [0u32; 6];
    for offset in 0..7 {
        let d = monday.add_days(offset);
        let total = storage::indexes::total(conn, keys, DUTY_DAY_INDEX, &d.to_string())?;
        let spans = spans_of(&total);
        c[0] += count(&total, day_load::CRISIS);
        c[1] += count(&total, day_load::INCIDENTS);
        c[2] += count(&total, day_load::EMERGENCY);
        if hours.is_some_and(|h| spans_ran_late(&spans, h)) {
            c[3] += 1;
        }
        if spans_no_break(spans) || count(&total, day_load::NO_BREAK_DEBRIEFS) > 0 {
            c[4] += 1;
        }
        c[5] += count(&total, day_load::HEAVY_DEBRIEFS);
    }
    Ok(WeekLoad {
        monday,
        counts: vec![
            (HeavyReasonKind::CrisisResponses, c[0]),
            (HeavyReasonKind::Incidents, c[1]),
            (HeavyReasonKind::EmergencyVisits, c[2]),
            (HeavyReasonKind::LateFinishes, c[3]),
            (HeavyReasonKind::DaysWithoutBreak, c[4]),
            (HeavyReasonKind::HeavyDebriefs, c[5]),
        ],
    })
}

/// Count the week's load from the worker's records (`indexed`: through the day index, see
/// [`indexed`]).
pub(crate) fn week_load(
    conn: &Connection,
    keys: &Keys,
    day: Day,
    hours: Option<&WorkingHours>,
    indexed: bool,
) -> Result<WeekLoad> {
    let monday = monday_of(day);
    if indexed {
        return week_load_indexed(conn, keys, monday, hours);
    }
    let sunday = monday.add_days(6);
    let (mut crisis, mut emergency, mut late) = (0, 0, 0);
    let mut no_break_days = BTreeSet::new();
    for offset in 0..7 {
        let d = monday.add_days(offset);
        let happened: Vec<Activity> = storage::list_on_day::<Activity>(conn, keys, d)?
            .into_iter()
            .filter(|a| matches!(a.status, ActivityStatus::Done | ActivityStatus::Scheduled))
            .collect();
        crisis += happened
            .iter()
            .filter(|a| a.kind == ActivityKind::CrisisResponse)
            .count() as u32;
        emergency += happened
            .iter()
            .filter(|a| a.scheduling == Scheduling::Emergency)
            .count() as u32;
        if hours.is_some_and(|h| ran_late(&happened, h)) {
            late += 1;
        }
        if no_break(&happened) {
            no_break_days.insert(d);
        }
    }
    let incidents = incident::all(conn, keys)?
        .iter()
        .filter(|i| i.occurred_on >= monday && i.occurred_on <= sunday)
        .count() as u32;
    let mut heavy = 0;
    for d in debrief::all(conn, keys)?
        .into_iter()
        .filter(|d| d.day >= monday && d.day <= sunday)
    {
        if d.score <= HEAVY_SCORE {
            heavy += 1;
        }
        if d.took_break == Some(false) {
            no_break_days.insert(d.day);
        }
    }
    Ok(WeekLoad {
        monday,
        counts: vec![
            (HeavyReasonKind::CrisisResponses, crisis),
            (HeavyReasonKind::Incidents, incidents),
            (HeavyReasonKind::EmergencyVisits, emergency),
            (HeavyReasonKind::LateFinishes, late),
            (
                HeavyReasonKind::DaysWithoutBreak,
                no_break_days.len() as u32,
            ),
            (HeavyReasonKind::HeavyDebriefs, heavy),
        ],
    })
}
