//! The balance between the three duties over time: counts, shares and their trend over a
//! period, week by week, and the empowerment hint when advocacy has carried a client for weeks.

use serde::{Deserialize, Serialize};

use crate::domain::activity::{Activity, ActivityStatus, DUTY_DAY_INDEX};
use crate::domain::client;
use crate::domain::duty::{self, Duty};
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::time::Day;
use crate::vault::WorkerSession;
use crate::words::{say, worker_lang, Arg};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// How a duty's share moved between the first and second half of the period.
pub enum DutyTrend {
    /// The share grew by at least `TREND_POINTS` percentage points.
    Rising,
    /// The share changed by less than `TREND_POINTS` percentage points.
    Steady,
    /// The share fell by at least `TREND_POINTS` percentage points.
    Falling,
    /// One half of the period has no activities to compare.
    NotEnoughData,
}

/// A change in share smaller than this (in percentage points) between the period's halves is steady.
pub const TREND_POINTS: i32 = 10;
/// The longest period a balance covers: a year, with a leap day.
pub const MAX_PERIOD_DAYS: i64 = 366;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One duty's part of the period's activities.
pub struct DutyCount {
    /// The duty.
    pub duty: Duty,
    /// Its label.
    pub label: String,
    /// Activities carrying this duty (one activity may carry several duties).
    pub count: u32,
    /// This duty's part of all duty tags in the period, 0 to 1; the three shares add up to 1.
    pub share: f64,
    /// `share` as a whole percentage.
    pub percent: u32,
    /// The share in the period's second half against its first.
    pub trend: DutyTrend,
    /// Second half's share minus the first's, in percentage points.
    pub change_points: i32,
}

/// Duty counts of one calendar week (Monday to Sunday).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutyWeek {
    /// The Monday the week starts on.
    pub week_start: Day,
    /// Activities that carried Educate.
    pub educate: u32,
    /// Activities that carried Empower.
    pub empower: u32,
    /// Activities that carried Advocate.
    pub advocate: u32,
}

/// A respectful prompt on a client's screen when advocacy has carried them for weeks with no
/// empowerment, which can build dependence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct EmpowermentHint {
    /// How many weeks advocacy has carried the client.
    pub weeks: u32,
    /// The first advocacy since the last empowerment (or ever).
    pub since: Day,
    /// Advocacy activities since the last empowerment.
    pub advocacy_activities: u32,
    /// The hint to show, in respectful words.
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// The balance between the three duties over a period: counts, shares, trends, weeks, and a summary
/// sentence.
pub struct DutyBalance {
    /// The period's first day.
    pub from: Day,
    /// The period's last day.
    pub to: Day,
    /// Done activities in the period; planned, missed and cancelled ones do not count.
    pub activities: u32,
    /// Always the three duties, in their fixed order.
    pub duties: Vec<DutyCount>,
    /// Counts week by week, oldest first.
    pub weeks: Vec<DutyWeek>,
    /// One sentence a screen can show ("12 activities: 50% educate, ...").
    pub summary: String,
    /// Only on a client's balance, as of the period's last day.
    pub hint: Option<EmpowermentHint>,
}

fn check_period(from: Day, to: Day) -> Result<()> {
    if to < from {
        return Err(Error::invalid(
            "to",
            Rule::NotBefore {
                other: "the period's first day".into(),
            },
        ));
    }
    if from.days_until(to) >= MAX_PERIOD_DAYS {
        return Err(Error::not_allowed(
            "to",
            crate::error::NotAllowedReason::PeriodTooLong {
                max_days: MAX_PERIOD_DAYS.try_into().unwrap_or(u32::MAX),
            },
        ));
    }
    Ok(())
}

fn counted(a: &Activity) -> bool {
    a.status == ActivityStatus::Done
}

fn monday_of(day: Day) -> Day {
    use chrono::Datelike;
    day.add_days(-(day.0.weekday().num_days_from_monday() as i64))
}

/// One day's done activities: how many, then how many carried educate, empower, advocate.
type DayCounts = (Day, [u32; 4]);

fn tally<'a>(days: impl Iterator<Item = &'a DayCounts>) -> [u32; 3] {
    let mut n = [0u32; 3];
    for (_, c) in days {
        for (t, x) in n.iter_mut().zip(&c[1..]) {
            *t += x;
        }
    }
    n
}

fn share(n: [u32; 3], i: usize) -> Option<f64> {
    let total: u32 = n.iter().sum();
    (total > 0).then(|| f64::from(n[i]) / f64::from(total))
}

/// Count, share, trend and weekly counts of the done activities among `activities` in the period.
pub(crate) fn balance_of(activities: &[Activity], from: Day, to: Day) -> DutyBalance {
    let mut days: std::collections::BTreeMap<Day, [u32; 4]> = std::collections::BTreeMap::new();
    for a in activities
        .iter()
        .filter(|a| counted(a) && a.day >= from && a.day <= to)
    {
        let c = days.entry(a.day).or_default();
        c[0] += 1;
        for d in &a.duties {
            c[*d as usize + 1] += 1;
        }
    }
    balance_of_days(&days.into_iter().collect::<Vec<_>>(), from, to)
}

/// [`balance_of`] from the done activities' counts day by day (`days` holds days in the period
/// only, each once).
fn balance_of_days(in_period: &[DayCounts], from: Day, to: Day) -> DutyBalance {
    let done: u32 = in_period.iter().map(|(_, c)| c[0]).sum();
    let all = tally(in_period.iter());
    let mid = from.add_days((from.days_until(to) + 1) / 2);
    let first = tally(in_period.iter().filter(|(d, _)| *d < mid));
    let second = tally(in_period.iter().filter(|(d, _)| *d >= mid));
    let duties: Vec<DutyCount> = Duty::ALL
        .iter()
        .enumerate()
        .map(|(i, duty)| {
            let s = share(all, i).unwrap_or(0.0);
            let (trend, change_points) = match (share(first, i), share(second, i)) {
                (Some(a), Some(b)) => {
                    let points = ((b - a) * 100.0).round() as i32;
                    let trend = if points >= TREND_POINTS {
                        DutyTrend::Rising
                    } else if points <= -TREND_POINTS {
                        DutyTrend::Falling
                    } else {
                        DutyTrend::Steady
                    };
                    (trend, points)
                }
                _ => (DutyTrend::NotEnoughData, 0),
            };
            DutyCount {
                duty: *duty,
                label: duty.label(),
                count: all[i],
                share: s,
                percent: (s * 100.0).round() as u32,
                trend,
                change_points,
            }
        })
        .collect();
    let mut weeks = Vec::new();
    let mut week = monday_of(from);
    while week <= to {
        let end = week.add_days(7);
        let n = tally(in_period.iter().filter(|(d, _)| *d >= week && *d < end));
        weeks.push(DutyWeek {
            week_start: week,
            educate: n[0],
            empower: n[1],
            advocate: n[2],
        });
        week = end;
    }
    let lang = crate::words::worker_lang();
    let summary = if done == 0 {
        crate::words::word(lang, "balance-none")
    } else {
        let parts: Vec<String> = duties
            .iter()
            .map(|d| format!("{}% {}", d.percent, d.label.to_lowercase()))
            .collect();
        crate::words::say(
            lang,
            "balance-summary",
            &[("count", done.into()), ("shares", parts.join(", ").into())],
        )
    };
    DutyBalance {
        from,
        to,
        activities: done,
        duties,
        weeks,
        summary,
        hint: None,
    }
}

/// The hint as of `today`: advocacy since the last empowerment began at least `weeks` weeks ago and
/// is still going on within those weeks.
pub(crate) fn empowerment_hint(
    activities: &[Activity],
    today: Day,
    weeks: u32,
    preferred_name: &str,
) -> Option<EmpowermentHint> {
    let done: Vec<&Activity> = activities
        .iter()
        .filter(|a| counted(a) && a.day <= today)
        .collect();
    let last_empower = done
        .iter()
        .filter(|a| a.duties.contains(&Duty::Empower))
        .map(|a| a.day)
        .max();
    let advocacy: Vec<Day> = done
        .iter()
        .filter(|a| a.duties.contains(&Duty::Advocate) && last_empower.is_none_or(|e| a.day > e))
        .map(|a| a.day)
        .collect();
    let since = *advocacy.iter().min()?;
    let latest = *advocacy.iter().max()?;
    let window = i64::from(weeks) * 7;
    if since.days_until(today) < window || latest.days_until(today) >= window {
        return None;
    }
    let spanned = (since.days_until(today) / 7) as u32;
    Some(EmpowermentHint {
        weeks: spanned,
        since,
        advocacy_activities: advocacy.len() as u32,
        message: say(
            worker_lang(),
            "duty-dependence-hint",
            &[
                ("weeks", Arg::from(spanned)),
                ("name", Arg::from(preferred_name.to_string())),
            ],
        ),
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The balance of one client's activities over a period, with the empowerment hint as of `to`.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn client_duty_balance(
        &self,
        client_id: String,
        from: Day,
        to: Day,
    ) -> Result<DutyBalance> {
        check_period(from, to)?;
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let activities = storage::list_owned::<Activity>(conn, keys, &client.id)?;
            let weeks = duty::settings(conn, keys)?.advocacy_hint_weeks;
            let mut balance = balance_of(&activities, from, to);
            balance.hint = empowerment_hint(&activities, to, weeks, &client.preferred_name);
            Ok(balance)
        })
    }

    /// The balance of all of this worker's activities over a period (at most a year).
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn duty_balance(&self, from: Day, to: Day) -> Result<DutyBalance> {
        check_period(from, to)?;
        self.with(|conn, keys| {
            if !storage::indexes::bypassed() && storage::indexes::ensure::<Activity>(conn, keys)? {
                // Day by day through the index's totals: a few hundred small rows for a year,
                // whatever the number of activities behind them.
                let mut days = Vec::new();
                let mut day = from;
                while day <= to {
                    let total =
                        storage::indexes::total(conn, keys, DUTY_DAY_INDEX, &day.to_string())?;
                    let mut c = [0u32; 4];
                    for (at, x) in (0u64..).zip(c.iter_mut()) {
                        *x = total.get(&at).map_or(0, |n| u32::try_from(*n).unwrap_or(0));
                    }
                    if c[0] > 0 {
                        days.push((day, c));
                    }
                    day = day.add_days(1);
                }
                return Ok(balance_of_days(&days, from, to));
            }
            // Day by day through the keyed day index, so only the period's activities are opened,
            // not years of them.
            let mut activities = Vec::new();
            let mut day = from;
            while day <= to {
                activities.extend(storage::list_on_day::<Activity>(conn, keys, day)?);
                day = day.add_days(1);
            }
            Ok(balance_of(&activities, from, to))
        })
    }
}
