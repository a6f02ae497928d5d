//! Calendar days, wall-clock times and instants. Days and times are what a worker writes down
//! (local, no zone); instants mark when something was recorded.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::SystemTime;

use crate::error::{Error, Result, Rule};

/// A calendar day, `YYYY-MM-DD` on the wire (Kotlin sees `java.time.LocalDate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Day(pub NaiveDate);

/// The years a date given to the core may fall in. Nothing a support worker records happened
/// before 1900, and a five-digit year (or the year 0000) is a typing slip, not a plan.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 9999;

impl Day {
    /// Exactly `YYYY-MM-DD`, a real calendar day, in the years 1900 to 9999.
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let bad = || {
            Error::invalid(
                field,
                Rule::Format {
                    expected: format!(
                        "a date as YYYY-MM-DD in the years {FIRST_YEAR} to {LAST_YEAR}"
                    ),
                },
            )
        };
        let date = fast_date(s.trim().as_bytes()).ok_or_else(bad)?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&date)) {
            return Err(bad());
        }
        Ok(Day(date))
    }

    /// Refuse a day after today (local): what it dates has not happened yet.
    pub fn not_in_future(self, field: &str) -> Result<Self> {
        if self > Day::today() {
            return Err(Error::invalid(
                field,
                Rule::NotAfter {
                    other: "today".into(),
                },
            ));
        }
        Ok(self)
    }

    /// The day with this year, month and day, if there is one.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(y, m, d).map(Day)
    }

    /// Today, on this machine's local calendar.
    pub fn today() -> Self {
        Day(chrono::Local::now().date_naive())
    }

    /// The day `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Self {
        Day(self.0 + chrono::Duration::days(days))
    }

    /// How many days from this day to `later` (negative when `later` is earlier).
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
    /// Exactly `HH:MM` (or `HH:MM:00`): times are kept to the minute, so a time with seconds
    /// is refused rather than silently cut to the minute.
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let bad = || {
            Error::invalid(
                field,
                Rule::Format {
                    expected: "a time as HH:MM, to the minute".into(),
                },
            )
        };
        let b = s.trim().as_bytes();
        let hm = match b.len() {
            5 => b,
            8 if &b[5..] == b":00" => &b[..5],
            _ => return Err(bad()),
        };
        if hm[2] != b':' {
            return Err(bad());
        }
        let (h, m) = (
            digits(&hm[..2]).ok_or_else(bad)?,
            digits(&hm[3..]).ok_or_else(bad)?,
        );
        NaiveTime::from_hms_opt(h, m, 0)
            .map(ClockTime)
            .ok_or_else(bad)
    }

    /// The phone's local time of day now, to the minute.
    pub fn now() -> Self {
        let t = chrono::Local::now().time();
        ClockTime(NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or(t))
    }

    /// The time with this hour and minute, if there is one.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Timestamp(pub DateTime<Utc>);

// Reading days and instants back from stored JSON. Every record carries several, and chrono's
// general parser was about a fifth of the work of drawing a long client timeline, so the exact
// forms this core writes (`2026-11-24`, `2026-11-24T09:30:00.123456789Z`) are read directly, and
// anything else goes through chrono as before.

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

fn fast_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&b[..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

fn fast_instant(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let rest = b.strip_suffix(b"Z")?;
    if rest.len() < 19 || rest[10] != b'T' || rest[13] != b':' || rest[16] != b':' {
        return None;
    }
    let nanos = match &rest[19..] {
        [] => 0,
        [b'.', frac @ ..] if (1..=9).contains(&frac.len()) => {
            digits(frac)? * 10u32.pow(9 - frac.len() as u32)
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(
        digits(&rest[11..13])?,
        digits(&rest[14..16])?,
        digits(&rest[17..19])?,
        nanos,
    )?;
    Some(fast_date(&rest[..10])?.and_time(time).and_utc())
}

struct DayVisitor;

impl serde::de::Visitor<'_> for DayVisitor {
    type Value = Day;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date as YYYY-MM-DD")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<Day, E> {
        fast_date(s.as_bytes())
            .or_else(|| s.parse().ok())
            .map(Day)
            .ok_or_else(|| E::custom("a date as YYYY-MM-DD"))
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(DayVisitor)
    }
}

struct InstantVisitor;

impl serde::de::Visitor<'_> for InstantVisitor {
    type Value = Timestamp;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 instant")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<Timestamp, E> {
        fast_instant(s)
            .or_else(|| s.parse().ok())
            .map(Timestamp)
            .ok_or_else(|| E::custom("an RFC 3339 instant"))
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_str(InstantVisitor)
    }
}

/// A clock set by a test harness (the CLI's `ALONGSIDE_TEST_NOW` in debug builds).
static TEST_NOW: std::sync::Mutex<Option<Timestamp>> = std::sync::Mutex::new(None);

/// Set (or clear) the instant the team sync engine and the offline lease take for now: for tests
/// of covers and leases that run out, never set by an app.
pub fn set_test_now(now: Option<Timestamp>) {
    if let Ok(mut t) = TEST_NOW.lock() {
        *t = now;
    }
}

/// Now, as the team sync engine and the offline lease see it (the test clock, if one is set).
pub fn clock_now() -> Timestamp {
    TEST_NOW
        .lock()
        .ok()
        .and_then(|t| *t)
        .unwrap_or_else(Timestamp::now)
}

impl Timestamp {
    /// The current instant.
    pub fn now() -> Self {
        Timestamp(Utc::now())
    }

    /// The calendar day of this instant (UTC).
    pub fn day(self) -> Day {
        Day(self.0.date_naive())
    }

    /// Milliseconds since the Unix epoch (for a fixed-size stored field).
    pub(crate) fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    /// The instant `ms` milliseconds after the Unix epoch, if it is one chrono can hold.
    pub(crate) fn from_millis(ms: i64) -> Option<Self> {
        chrono::DateTime::from_timestamp_millis(ms).map(Timestamp)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_instants_read_back_exactly_as_chrono_would() {
        for day in ["2026-11-24", "2000-02-29", "1999-12-31"] {
            let fast: Day = serde_json::from_str(&format!("\"{day}\"")).unwrap();
            assert_eq!(fast.0, day.parse::<NaiveDate>().unwrap());
        }
        let now = Timestamp::now();
        let json = serde_json::to_string(&now).unwrap();
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), now);
        for s in [
            "2026-11-23T16:46:00.351724034Z",
            "2026-11-23T16:46:00Z",
            "2026-11-23T16:46:00.5Z",
            "2026-11-23T16:46:00.123456Z",
            // Not the form this core writes: chrono reads these.
            "2026-11-23T17:46:00+01:00",
            "2026-11-23 16:46:00Z",
        ] {
            let ours: Timestamp = serde_json::from_str(&format!("\"{s}\"")).unwrap();
            let chrono: DateTime<Utc> = s.parse().unwrap();
            assert_eq!(ours.0, chrono, "{s}");
        }
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "24/11/2026",
            "",
            "2026-11-24T25:00:00Z",
        ] {
            assert!(
                serde_json::from_str::<Day>(&format!("\"{bad}\"")).is_err(),
                "{bad}"
            );
            assert!(
                serde_json::from_str::<Timestamp>(&format!("\"{bad}\"")).is_err(),
                "{bad}"
            );
        }
    }
}
