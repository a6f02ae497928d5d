//! The corner's one settings record: working hours (outside them the day's view is quiet), the
//! heavy-week thresholds, how many days ahead a certification shows on Today, and the weeks whose
//! heavy-week signal the worker dismissed (so it never asks twice about the same week).

use chrono::Datelike;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::error::{Error, Result, Rule};
use crate::storage::{self, Record};
use crate::time::{ClockTime, Day};
use crate::validate;
use crate::vault::WorkerSession;

/// Certifications show on Today this many days before they expire, unless the worker changed it.
pub const DEFAULT_CERTIFICATION_NOTICE_DAYS: u32 = 60;
const SETTINGS_ID: &str = "settings-corner";

/// When the worker is on duty. Outside these hours Today shows no reminders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WorkingHours {
    /// The working days, 1 (Monday) to 7 (Sunday).
    pub days: Vec<u32>,
    /// When the working day starts.
    pub start: ClockTime,
    /// When the working day ends (after `start`; a shift past midnight is not supported yet).
    pub end: ClockTime,
}

impl WorkingHours {
    /// Whether the worker is on duty on `day` at `time`.
    pub(crate) fn on_duty(&self, day: Day, time: ClockTime) -> bool {
        self.works_on(day) && time >= self.start && time < self.end
    }

    /// Whether `day` is a working day.
    pub(crate) fn works_on(&self, day: Day) -> bool {
        let weekday = day.0.weekday().number_from_monday();
        self.days.contains(&weekday)
    }
}

/// How much of each kind of load in one week (Monday to Sunday) raises the heavy-week signal. A
/// threshold of 0 leaves that reason out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct HeavyWeekThresholds {
    /// Crisis responses in the week.
    #[cfg_attr(feature = "ffi", uniffi(default = 2))]
    pub crisis_responses: u32,
    /// Incidents that happened in the week.
    #[cfg_attr(feature = "ffi", uniffi(default = 2))]
    pub incidents: u32,
    /// Emergency visits in the week.
    #[cfg_attr(feature = "ffi", uniffi(default = 3))]
    pub emergency_visits: u32,
    /// Days on which work ran past the end of working hours.
    #[cfg_attr(feature = "ffi", uniffi(default = 3))]
    pub late_finishes: u32,
    /// Days without a break (said so in a debrief, or visits back to back for five hours or more).
    #[cfg_attr(feature = "ffi", uniffi(default = 3))]
    pub days_without_break: u32,
    /// Debriefs scored 3 or lower ("the day sat heavily").
    #[cfg_attr(feature = "ffi", uniffi(default = 2))]
    pub heavy_debriefs: u32,
}

impl Default for HeavyWeekThresholds {
    fn default() -> Self {
        HeavyWeekThresholds {
            crisis_responses: 2,
            incidents: 2,
            emergency_visits: 3,
            late_finishes: 3,
            days_without_break: 3,
            heavy_debriefs: 2,
        }
    }
}

/// The worker's own settings for their corner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CornerSettings {
    /// Working hours; none means none set, and Today is never quiet.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub working_hours: Option<WorkingHours>,
    /// What makes a week heavy.
    pub heavy_week: HeavyWeekThresholds,
    /// Certifications show on Today this many days before they expire (1 to 365).
    #[cfg_attr(feature = "ffi", uniffi(default = 60))]
    pub certification_notice_days: u32,
}

impl Default for CornerSettings {
    fn default() -> Self {
        CornerSettings {
            working_hours: None,
            heavy_week: HeavyWeekThresholds::default(),
            certification_notice_days: DEFAULT_CERTIFICATION_NOTICE_DAYS,
        }
    }
}

/// Stored under a fixed id (one per vault; the id says nothing about anyone). A stored record:
/// renaming a field is a migration.
#[derive(Serialize, Deserialize, Default)]
pub(crate) struct StoredCorner {
    id: String,
    pub(crate) settings: CornerSettings,
    /// ISO weeks ("2026-W49") whose heavy-week signal the worker dismissed.
    #[serde(default)]
    pub(crate) dismissed_weeks: Vec<String>,
}

impl Record for StoredCorner {
    const KIND: &'static str = "corner_settings";
    fn id(&self) -> &str {
        &self.id
    }
}

pub(crate) fn stored(conn: &Connection, keys: &Keys) -> Result<StoredCorner> {
    Ok(storage::find::<StoredCorner>(conn, keys, SETTINGS_ID)?
        .map(|s| s.value)
        .unwrap_or_else(|| StoredCorner {
            id: SETTINGS_ID.into(),
            ..StoredCorner::default()
        }))
}

pub(crate) fn settings(conn: &Connection, keys: &Keys) -> Result<CornerSettings> {
    stored(conn, keys).map(|s| s.settings)
}

/// The ISO week a day falls in, as "2026-W49".
pub(crate) fn iso_week(day: Day) -> String {
    let w = day.0.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn check(settings: &CornerSettings) -> Result<()> {
    validate::range(
        "certification_notice_days",
        settings.certification_notice_days.into(),
        1,
        365,
    )?;
    if let Some(h) = &settings.working_hours {
        if h.days.is_empty() {
            return Err(Error::invalid("working_hours.days", Rule::Required));
        }
        for d in &h.days {
            validate::range("working_hours.days", (*d).into(), 1, 7)?;
        }
        if h.end <= h.start {
            return Err(Error::invalid(
                "working_hours.end",
                Rule::NotBefore {
                    other: "the start of the working day".into(),
                },
            ));
        }
    }
    let t = &settings.heavy_week;
    for (field, v) in [
        ("heavy_week.crisis_responses", t.crisis_responses),
        ("heavy_week.incidents", t.incidents),
        ("heavy_week.emergency_visits", t.emergency_visits),
        ("heavy_week.late_finishes", t.late_finishes),
        ("heavy_week.days_without_break", t.days_without_break),
        ("heavy_week.heavy_debriefs", t.heavy_debriefs),
    ] {
        validate::range(field, v.into(), 0, 50)?;
    }
    Ok(())
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The corner's settings (working hours, heavy-week thresholds, certification notice); the
    /// defaults until the worker changes them.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn corner_settings(&self) -> Result<CornerSettings> {
        self.with(|conn, keys| settings(conn, keys))
    }

    /// Change the corner's settings. Working days are 1 (Monday) to 7, the day ends after it
    /// starts, thresholds are 0 (left out) to 50, the certification notice 1 to 365 days.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn set_corner_settings(&self, settings: CornerSettings) -> Result<CornerSettings> {
        check(&settings)?;
        let mut settings = settings;
        if let Some(h) = settings.working_hours.as_mut() {
            h.days.sort_unstable();
            h.days.dedup();
        }
        self.write(|tx, keys| {
            let mut stored = stored(tx, keys)?;
            stored.settings = settings.clone();
            storage::put(tx, keys, &stored)?;
            Ok(settings)
        })
    }

    /// Dismiss the heavy-week signal for the ISO week `day` falls in: it is not shown again for
    /// that week, however the week goes on.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn dismiss_heavy_week(&self, day: Day) -> Result<()> {
        let week = iso_week(day);
        self.write(|tx, keys| {
            let mut stored = stored(tx, keys)?;
            if !stored.dismissed_weeks.contains(&week) {
                stored.dismissed_weeks.push(week);
                // A year of weeks is plenty: screens only ever show the current week.
                if stored.dismissed_weeks.len() > 60 {
                    stored.dismissed_weeks.remove(0);
                }
                storage::put(tx, keys, &stored)?;
            }
            Ok(())
        })
    }
}
