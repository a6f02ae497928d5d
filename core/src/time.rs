//! Calendar days, wall-clock times and instants. Days and times are what a worker writes down
//! (local, no zone); instants mark when something was recorded.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::SystemTime;

use crate::error::{Error, Result, Rule};

/// A calendar day, `YYYY-MM-DD` on the wire (Kotlin sees `java.time.LocalDate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(pub NaiveDate);

impl Day {
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Day)
            .map_err(|_| {
                Error::invalid(
                    field,
                    Rule::Format {
                        expected: "a date as YYYY-MM-DD".into(),
                    },
                )
            })
    }

    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(y, m, d).map(Day)
    }

    pub fn today() -> Self {
        Day(chrono::Local::now().date_naive())
    }

    pub fn add_days(self, days: i64) -> Self {
        Day(self.0 + chrono::Duration::days(days))
    }

    pub fn days_until(self, later: Day) -> i64 {
        (later.0 - self.0).num_days()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// A local wall-clock time of day, `HH:MM` on the wire (Kotlin sees `java.time.LocalTime`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClockTime(pub NaiveTime);

impl ClockTime {
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let s = s.trim();
        NaiveTime::parse_from_str(s, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
            .map(ClockTime)
            .map_err(|_| {
                Error::invalid(
                    field,
                    Rule::Format {
                        expected: "a time as HH:MM".into(),
                    },
                )
            })
    }

    pub fn from_hm(h: u32, m: u32) -> Option<Self> {
        NaiveTime::from_hms_opt(h, m, 0).map(ClockTime)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

/// An instant, stored in UTC (Kotlin sees `java.time.Instant`, Swift `Date`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    pub fn now() -> Self {
        Timestamp(Utc::now())
    }

    pub fn day(self) -> Day {
        Day(self.0.date_naive())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d %H:%M UTC"))
    }
}

impl From<Timestamp> for SystemTime {
    fn from(t: Timestamp) -> Self {
        t.0.into()
    }
}

impl From<SystemTime> for Timestamp {
    fn from(t: SystemTime) -> Self {
        Timestamp(t.into())
    }
}

#[cfg(feature = "ffi")]
mod ffi {
    use super::*;

    uniffi::custom_type!(Day, String, {
        lower: |d| d.to_string(),
        // A bad string from Swift arrives as the calling function's own typed error.
        try_lift: |s| Ok(Day::parse("date", &s)?),
    });

    uniffi::custom_type!(ClockTime, String, {
        lower: |t| t.to_string(),
        try_lift: |s| Ok(ClockTime::parse("time", &s)?),
    });

    uniffi::custom_type!(Timestamp, SystemTime, {
        lower: |t| t.into(),
        try_lift: |t| Ok(Timestamp::from(t)),
    });
}
