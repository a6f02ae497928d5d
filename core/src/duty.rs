//! The three duties of support work (educate, empower, advocate): suggestions from what a worker
//! writes, and the balance between duties over time.
//!
//! Suggestions come from a table of trigger phrases per duty and language, so the rules can grow
//! and be translated without code changes. A suggestion carries the words that triggered it, so the
//! worker sees why, and it is never applied by the core: only the worker chooses an activity's
//! duties.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::activity::{Activity, ActivityStatus};
use crate::client;
use crate::crypto::Keys;
use crate::error::{Error, Result, Rule};
use crate::language::{self, Pattern, TextSpan};
use crate::store::{self, Record};
use crate::time::Day;
use crate::vault::WorkerSession;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// Teach a skill or give knowledge.
    Educate,
    /// The client acts for themself, with support.
    Empower,
    /// The worker acts on the client's behalf.
    Advocate,
}

impl Duty {
    pub const ALL: [Duty; 3] = [Duty::Educate, Duty::Empower, Duty::Advocate];

    pub fn label(self) -> &'static str {
        match self {
            Duty::Educate => "Educate",
            Duty::Empower => "Empower",
            Duty::Advocate => "Advocate",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Duty::Educate => "Teach a skill or share knowledge",
            Duty::Empower => "The person acts for themself, with your support",
            Duty::Advocate => "You act on the person's behalf",
        }
    }
}

/// A duty with the words a form shows for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutyInfo {
    pub duty: Duty,
    pub label: String,
    pub description: String,
}

/// The three duties in their fixed order, for the activity form.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn duties() -> Vec<DutyInfo> {
    Duty::ALL
        .iter()
        .map(|d| DutyInfo {
            duty: *d,
            label: d.label().into(),
            description: d.description().into(),
        })
        .collect()
}

/// The trigger phrases of one duty in one language (pattern syntax: see `language`).
pub struct TriggerSet {
    pub language: &'static str,
    pub duty: Duty,
    pub phrases: &'static [&'static str],
}

/// The suggestion rules. Phrases name what the worker or the client *did*, not topics: "cooking"
/// can be taught, done alone or arranged by someone else, so it says nothing about the duty.
pub const TRIGGERS: &[TriggerSet] = &[
    TriggerSet {
        language: "en",
        duty: Duty::Educate,
        phrases: &[
            "teach*",
            "taught",
            "show* .. how",
            "showed",
            "demonstrat*",
            "explain*",
            "educat*",
            "how to",
            "lesson*",
            "learn*",
            "practis*",
            "practic*",
            "went through",
            "talked through",
            "walked .. through",
            "benefits of",
            "information about",
            "psychoeducation",
            "coach*",
        ],
    },
    TriggerSet {
        language: "en",
        duty: Duty::Empower,
        phrases: &[
            "empower*",
            "themself",
            "themselves",
            "herself",
            "himself",
            "independent*",
            "on their own",
            "on her own",
            "on his own",
            "take* .. responsibility",
            "took .. responsibility",
            "taking .. responsibility",
            "own responsibility",
            "supported .. to",
            "encourag*",
            "self advoca*",
            "self manag*",
            "decided",
            "chose",
            "own choice",
            "led the",
            "in charge of",
        ],
    },
    TriggerSet {
        language: "en",
        duty: Duty::Advocate,
        phrases: &[
            "advocat*",
            "on .. behalf",
            "psychiatrist*",
            "treatment team",
            "care team",
            "case conference",
            "placement",
            "request*",
            "push* for",
            "pushed for",
            "press* for",
            "lobb*",
            "liais*",
            "negotiat*",
            "secur* access",
            "arrang* access",
            "appeal*",
            "referr*",
            "refer",
            "wrote to",
            "spoke up for",
        ],
    },
];

/// Where a trigger was found: in the text given, or (in an activity's view) in one of its notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutyTrigger {
    pub span: TextSpan,
    /// The note the words are in; none when they are in the text that was checked (or the purpose).
    pub note_id: Option<String>,
}

/// A duty the words point to, never applied without the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutySuggestion {
    pub duty: Duty,
    pub label: String,
    pub triggers: Vec<DutyTrigger>,
    /// Why, for the screen: `Because of "taught", "showed her how"`.
    pub reason: String,
}

fn triggers_for(language: Option<&str>) -> impl Iterator<Item = &'static TriggerSet> {
    let tag = language.unwrap_or("en").trim().to_ascii_lowercase();
    let base = tag.split('-').next().unwrap_or("").to_string();
    TRIGGERS.iter().filter(move |t| t.language == base)
}

/// Suggest duties for some texts, each with an optional note id naming where it came from.
pub(crate) fn suggest_in(
    texts: &[(&str, Option<&str>)],
    language: Option<&str>,
) -> Vec<DutySuggestion> {
    let mut found: Vec<(Duty, DutyTrigger)> = Vec::new();
    for (text, note_id) in texts {
        let words = language::words(text);
        for set in triggers_for(language) {
            let mut spans: Vec<(usize, usize)> = set
                .phrases
                .iter()
                .flat_map(|p| Pattern::parse(p).find_all(&words))
                .collect();
            // One trigger per place in the text, the longest phrase there.
            spans.sort_by_key(|(a, b)| (*a, std::cmp::Reverse(*b)));
            let mut covered: Option<usize> = None;
            for (a, b) in spans {
                if covered.is_some_and(|c| a <= c) {
                    continue;
                }
                covered = Some(b);
                found.push((
                    set.duty,
                    DutyTrigger {
                        span: language::span_of(text, &words, a, b),
                        note_id: note_id.map(str::to_string),
                    },
                ));
            }
        }
    }
    Duty::ALL
        .iter()
        .filter_map(|duty| {
            let triggers: Vec<DutyTrigger> = found
                .iter()
                .filter(|(d, _)| d == duty)
                .map(|(_, t)| t.clone())
                .collect();
            if triggers.is_empty() {
                return None;
            }
            let mut words: Vec<String> = Vec::new();
            for t in &triggers {
                let w = format!("\u{201c}{}\u{201d}", t.span.text);
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            Some(DutySuggestion {
                duty: *duty,
                label: duty.label().into(),
                reason: format!("Because of {}", words.join(", ")),
                triggers,
            })
        })
        .collect()
}

/// Suggest duties for a purpose or note as it is typed; `language` is a BCP-47 tag (English when
/// none). A language without rules gets no suggestions.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn suggest_duties(text: String, language: Option<String>) -> Vec<DutySuggestion> {
    suggest_in(&[(&text, None)], language.as_deref())
}

// ---------------------------------------------------------------------------------------------
// Balance

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DutyTrend {
    Rising,
    Steady,
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
pub struct DutyCount {
    pub duty: Duty,
    pub label: String,
    /// Activities carrying this duty (one activity may carry several duties).
    pub count: u32,
    /// This duty's part of all duty tags in the period, 0 to 1; the three shares add up to 1.
    pub share: f64,
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
    pub week_start: Day,
    pub educate: u32,
    pub empower: u32,
    pub advocate: u32,
}

/// A respectful prompt on a client's screen when advocacy has carried them for weeks with no
/// empowerment, which can build dependence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct EmpowermentHint {
    pub weeks: u32,
    /// The first advocacy since the last empowerment (or ever).
    pub since: Day,
    pub advocacy_activities: u32,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutyBalance {
    pub from: Day,
    pub to: Day,
    /// Done activities in the period; planned, missed and cancelled ones do not count.
    pub activities: u32,
    /// Always the three duties, in their fixed order.
    pub duties: Vec<DutyCount>,
    pub weeks: Vec<DutyWeek>,
    pub summary: String,
    /// Only on a client's balance, as of the period's last day.
    pub hint: Option<EmpowermentHint>,
}

/// How many weeks of advocacy with no empowerment make the client's screen suggest a step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutySettings {
    pub advocacy_hint_weeks: u32,
}

pub const DEFAULT_ADVOCACY_HINT_WEEKS: u32 = 4;
const SETTINGS_ID: &str = "settings-duty";

impl Default for DutySettings {
    fn default() -> Self {
        DutySettings {
            advocacy_hint_weeks: DEFAULT_ADVOCACY_HINT_WEEKS,
        }
    }
}

/// Stored under a fixed id: there is one per vault, and the id says nothing about anyone.
#[derive(Serialize, Deserialize)]
struct StoredDutySettings {
    id: String,
    settings: DutySettings,
}

impl Record for StoredDutySettings {
    const KIND: &'static str = "duty_settings";
    fn id(&self) -> &str {
        &self.id
    }
}

fn settings(conn: &Connection, keys: &Keys) -> Result<DutySettings> {
    Ok(store::find::<StoredDutySettings>(conn, keys, SETTINGS_ID)?
        .map(|s| s.value.settings)
        .unwrap_or_default())
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
        return Err(Error::invalid(
            "to",
            Rule::NotAllowed {
                reason: format!("a period can be at most {MAX_PERIOD_DAYS} days"),
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

fn tally<'a>(activities: impl Iterator<Item = &'a Activity>) -> [u32; 3] {
    let mut n = [0u32; 3];
    for a in activities {
        for d in &a.duties {
            n[*d as usize] += 1;
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
    let in_period: Vec<&Activity> = activities
        .iter()
        .filter(|a| counted(a) && a.day >= from && a.day <= to)
        .collect();
    let all = tally(in_period.iter().copied());
    let mid = from.add_days((from.days_until(to) + 1) / 2);
    let first = tally(in_period.iter().copied().filter(|a| a.day < mid));
    let second = tally(in_period.iter().copied().filter(|a| a.day >= mid));
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
                label: duty.label().into(),
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
        let n = tally(
            in_period
                .iter()
                .copied()
                .filter(|a| a.day >= week && a.day < end),
        );
        weeks.push(DutyWeek {
            week_start: week,
            educate: n[0],
            empower: n[1],
            advocate: n[2],
        });
        week = end;
    }
    let summary = if in_period.is_empty() {
        "No activities recorded in this period.".to_string()
    } else {
        let parts: Vec<String> = duties
            .iter()
            .map(|d| format!("{}% {}", d.percent, d.label.to_lowercase()))
            .collect();
        format!(
            "{} {}: {}",
            in_period.len(),
            if in_period.len() == 1 {
                "activity"
            } else {
                "activities"
            },
            parts.join(", ")
        )
    };
    DutyBalance {
        from,
        to,
        activities: in_period.len() as u32,
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
        message: format!(
            "For {spanned} weeks, the work with {preferred_name} has been advocacy, with no \
             empowerment step recorded. Could the next visit plan a step {preferred_name} takes, \
             with your support?"
        ),
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The balance of one client's activities over a period, with the empowerment hint as of `to`.
    pub fn client_duty_balance(
        &self,
        client_id: String,
        from: Day,
        to: Day,
    ) -> Result<DutyBalance> {
        check_period(from, to)?;
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let activities = store::list_owned::<Activity>(conn, keys, &client.id)?;
            let weeks = settings(conn, keys)?.advocacy_hint_weeks;
            let mut balance = balance_of(&activities, from, to);
            balance.hint = empowerment_hint(&activities, to, weeks, &client.preferred_name);
            Ok(balance)
        })
    }

    /// The balance of all of this worker's activities over a period (at most a year).
    pub fn duty_balance(&self, from: Day, to: Day) -> Result<DutyBalance> {
        check_period(from, to)?;
        self.with(|conn, keys| {
            // Day by day through the keyed day index, so only the period's activities are opened,
            // not years of them.
            let mut activities = Vec::new();
            let mut day = from;
            while day <= to {
                activities.extend(store::list_on_day::<Activity>(conn, keys, day)?);
                day = day.add_days(1);
            }
            Ok(balance_of(&activities, from, to))
        })
    }

    pub fn duty_settings(&self) -> Result<DutySettings> {
        self.with(|conn, keys| settings(conn, keys))
    }

    pub fn set_duty_settings(&self, settings: DutySettings) -> Result<DutySettings> {
        crate::validate::range(
            "advocacy_hint_weeks",
            settings.advocacy_hint_weeks.into(),
            1,
            52,
        )?;
        self.write(|tx, keys| {
            let stored = StoredDutySettings {
                id: SETTINGS_ID.into(),
                settings: settings.clone(),
            };
            store::put(tx, keys, &stored)?;
            Ok(settings)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duties_of(text: &str) -> Vec<Duty> {
        suggest_duties(text.into(), None)
            .into_iter()
            .map(|s| s.duty)
            .collect()
    }

    #[test]
    fn every_rule_parses_to_words() {
        for set in TRIGGERS {
            for p in set.phrases {
                assert!(!p.trim().is_empty() && !p.starts_with(".."), "{p}");
                assert_eq!(*p, p.to_lowercase(), "{p}");
            }
        }
    }

    #[test]
    fn topics_alone_suggest_nothing() {
        assert!(duties_of("Cooking, grocery shopping and the landlord.").is_empty());
        assert!(duties_of("").is_empty());
    }

    #[test]
    fn the_reason_names_the_words() {
        let s = suggest_duties("Taught her to budget; she decided herself.".into(), None);
        assert_eq!(s[0].duty, Duty::Educate);
        assert_eq!(s[0].reason, "Because of \u{201c}Taught\u{201d}");
        assert_eq!(s[1].duty, Duty::Empower);
        assert_eq!(s[1].triggers.len(), 2);
    }
}
