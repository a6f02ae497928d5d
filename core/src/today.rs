//! The views that draw on several kinds of record at once: the worker's day, and a client's
//! timeline. Wording and order are decided here so both phones say and sort the same.
//!
//! Cost on the phone: the day's activities come through the keyed day index; open follow-ups
//! through their own small index (see `activity`); plans, incidents and referrals are opened in
//! full, which is one plan per client and a few rows per client for the rest.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::activity::{self, Activity, ActivityKind, ActivityStatus, Scheduling};
use crate::client::{self, Client};
use crate::crypto::Keys;
use crate::duty::Duty;
use crate::error::Result;
use crate::incident::{self, Incident, IncidentKind, IncidentStatus, RequiredAction};
use crate::note::{self, NoteStatus};
use crate::plan::{self, Author, Rating, Review};
use crate::referral::{self, Referral, ReferralStatus};
use crate::store;
use crate::time::{ClockTime, Day, Timestamp};
use crate::validate;
use crate::vault::WorkerSession;

/// Plan reviews show on the day's list this many days before they fall due.
pub const REVIEW_NOTICE_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayVisit {
    pub activity_id: String,
    pub client_id: String,
    pub client_name: String,
    pub time: Option<ClockTime>,
    /// "09:30" or "Any time".
    pub time_label: String,
    pub kind: ActivityKind,
    pub kind_label: String,
    pub planned: bool,
    pub status: ActivityStatus,
    pub status_label: String,
    pub place: Option<String>,
    pub purpose: Option<String>,
    pub duties: Vec<Duty>,
    pub duration_minutes: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayFollowUp {
    pub follow_up_id: String,
    pub activity_id: String,
    pub client_id: String,
    pub client_name: String,
    pub what: String,
    pub due: Day,
    /// 0 when due today.
    pub days_overdue: u32,
    /// "Due today", "1 day overdue", "3 days overdue".
    pub due_label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayReview {
    pub plan_id: String,
    pub client_id: String,
    pub client_name: String,
    pub review_due: Day,
    /// "Review overdue by 3 days", "Review due today", "Review due in 5 days".
    pub due_label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayIncident {
    pub incident_id: String,
    pub client_id: String,
    pub client_name: String,
    pub kind: IncidentKind,
    pub kind_label: String,
    pub occurred_on: Day,
    pub missing_actions: Vec<RequiredAction>,
    /// "2 required actions to record" or "Ready to close".
    pub status_label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayReferral {
    pub referral_id: String,
    pub client_id: String,
    pub client_name: String,
    pub resource_name: String,
    pub status: ReferralStatus,
    pub follow_up_due: Day,
    pub due_label: String,
}

/// The worker's day in one call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayView {
    pub day: Day,
    /// "Tuesday 4 March".
    pub title: String,
    /// "3 visits · 2 follow-ups due · 1 open incident", or "Nothing planned".
    pub summary: String,
    /// Every activity on the day, planned or not: timed ones by time, then those with none.
    pub visits: Vec<TodayVisit>,
    /// Oldest due first.
    pub overdue_follow_ups: Vec<TodayFollowUp>,
    pub due_follow_ups: Vec<TodayFollowUp>,
    /// Reviews overdue or due within a week, soonest first; active clients only.
    pub reviews_due: Vec<TodayReview>,
    /// Oldest first: the one open longest needs attention first.
    pub open_incidents: Vec<TodayIncident>,
    /// Open referrals whose follow-up day has come.
    pub referrals_to_follow_up: Vec<TodayReferral>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn days_label(days: i64, today: &str, overdue: &str, ahead: &str) -> String {
    match days {
        0 => today.to_string(),
        d if d < 0 => format!("{overdue} {}", plural((-d) as usize, "day", "days")),
        d => format!("{ahead} {}", plural(d as usize, "day", "days")),
    }
}

fn overdue_label(due: Day, day: Day) -> String {
    match due.days_until(day) {
        0 => "Due today".into(),
        n => format!("{} overdue", plural(n as usize, "day", "days")),
    }
}

fn name_of(clients: &HashMap<String, Client>, id: &str) -> String {
    clients
        .get(id)
        .map_or_else(String::new, |c| c.preferred_name.clone())
}

fn clients_by_id(conn: &Connection, keys: &Keys) -> Result<HashMap<String, Client>> {
    Ok(store::list::<Client>(conn, keys)?
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect())
}

fn visit(a: Activity, clients: &HashMap<String, Client>) -> TodayVisit {
    TodayVisit {
        client_name: name_of(clients, &a.client_id),
        time_label: a.time.map_or_else(|| "Any time".into(), |t| t.to_string()),
        kind_label: a.kind.label().into(),
        planned: a.scheduling == Scheduling::Planned,
        status_label: a.status.label().into(),
        activity_id: a.id,
        client_id: a.client_id,
        time: a.time,
        kind: a.kind,
        status: a.status,
        place: a.place,
        purpose: a.purpose,
        duties: a.duties,
        duration_minutes: a.duration_minutes,
    }
}

fn today_view(conn: &Connection, keys: &Keys, day: Day) -> Result<TodayView> {
    let clients = clients_by_id(conn, keys)?;
    let by_name = |id: &str| name_of(&clients, id).to_lowercase();

    let mut visits: Vec<TodayVisit> = store::list_on_day::<Activity>(conn, keys, day)?
        .into_iter()
        .map(|a| visit(a, &clients))
        .collect();
    // Timed first, by time; then the rest by name.
    visits.sort_by_cached_key(|v| {
        (
            v.time.is_none(),
            v.time,
            v.client_name.to_lowercase(),
            v.activity_id.clone(),
        )
    });

    let mut overdue = Vec::new();
    let mut due = Vec::new();
    for f in activity::open_follow_ups(conn, keys)? {
        if f.due > day {
            continue;
        }
        let item = TodayFollowUp {
            client_name: name_of(&clients, &f.client_id),
            days_overdue: f.due.days_until(day) as u32,
            due_label: overdue_label(f.due, day),
            follow_up_id: f.id,
            activity_id: f.activity_id,
            client_id: f.client_id,
            what: f.what,
            due: f.due,
        };
        if item.days_overdue > 0 {
            overdue.push(item);
        } else {
            due.push(item);
        }
    }
    overdue.sort_by_cached_key(|f| (f.due, by_name(&f.client_id), f.follow_up_id.clone()));
    due.sort_by_cached_key(|f| (by_name(&f.client_id), f.follow_up_id.clone()));

    let mut reviews = Vec::new();
    // Every client's plan in one query rather than one query per client.
    let mut plans = plan::current_plans(conn, keys)?;
    for c in clients.values().filter(|c| c.is_active()) {
        if let Some(p) = plans.remove(&c.id) {
            if day.days_until(p.review_due) <= REVIEW_NOTICE_DAYS {
                reviews.push(TodayReview {
                    due_label: days_label(
                        day.days_until(p.review_due),
                        "Review due today",
                        "Review overdue by",
                        "Review due in",
                    ),
                    plan_id: p.id,
                    client_id: c.id.clone(),
                    client_name: c.preferred_name.clone(),
                    review_due: p.review_due,
                });
            }
        }
    }
    reviews.sort_by_cached_key(|r| {
        (
            r.review_due,
            r.client_name.to_lowercase(),
            r.plan_id.clone(),
        )
    });

    let mut incidents: Vec<TodayIncident> = incident::all(conn, keys)?
        .into_iter()
        .filter(Incident::is_open)
        .map(|i| {
            let name = name_of(&clients, &i.client_id);
            let v = incident::view(i, name);
            TodayIncident {
                client_name: v.client_name.clone(),
                incident_id: v.incident.id.clone(),
                client_id: v.incident.client_id.clone(),
                kind: v.incident.kind,
                kind_label: v.kind_label.clone(),
                occurred_on: v.incident.occurred_on,
                missing_actions: v.incident.missing_actions(),
                status_label: v.status_label,
            }
        })
        .collect();
    incidents.sort_by_cached_key(|i| (i.occurred_on, by_name(&i.client_id), i.incident_id.clone()));

    let resources = referral::resources_by_id(conn, keys)?;
    let mut referrals: Vec<TodayReferral> = referral::all(conn, keys)?
        .into_iter()
        .filter(|r| r.status.is_open() && r.follow_up_due.is_some_and(|d| d <= day))
        .filter_map(|r: Referral| {
            let due = r.follow_up_due?;
            Some(TodayReferral {
                client_name: name_of(&clients, &r.client_id),
                resource_name: resources
                    .get(&r.resource_id)
                    .map_or_else(|| "Unknown resource".into(), |x| x.name.clone()),
                due_label: overdue_label(due, day),
                referral_id: r.id,
                client_id: r.client_id,
                status: r.status,
                follow_up_due: due,
            })
        })
        .collect();
    referrals.sort_by_cached_key(|r| {
        (
            r.follow_up_due,
            r.client_name.to_lowercase(),
            r.referral_id.clone(),
        )
    });

    let mut parts = Vec::new();
    if !visits.is_empty() {
        parts.push(plural(visits.len(), "visit", "visits"));
    }
    let follow_ups = overdue.len() + due.len();
    if follow_ups > 0 {
        let mut s = plural(follow_ups, "follow-up due", "follow-ups due");
        if !overdue.is_empty() {
            s.push_str(&format!(" ({} overdue)", overdue.len()));
        }
        parts.push(s);
    }
    if !reviews.is_empty() {
        parts.push(plural(reviews.len(), "plan review", "plan reviews"));
    }
    if !incidents.is_empty() {
        parts.push(plural(incidents.len(), "open incident", "open incidents"));
    }
    if !referrals.is_empty() {
        parts.push(plural(
            referrals.len(),
            "referral to check",
            "referrals to check",
        ));
    }
    let summary = if parts.is_empty() {
        "Nothing planned".to_string()
    } else {
        parts.join(" \u{b7} ")
    };
    Ok(TodayView {
        day,
        title: day.0.format("%A %-d %B").to_string(),
        summary,
        visits,
        overdue_follow_ups: overdue,
        due_follow_ups: due,
        reviews_due: reviews,
        open_incidents: incidents,
        referrals_to_follow_up: referrals,
    })
}

// ---------------------------------------------------------------------------------------------
// Timeline

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Activity,
    Note,
    Incident,
    Referral,
    Rating,
    Review,
}

/// One row of a client's timeline; `kind` and `id` say what to open when it is tapped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TimelineItem {
    pub kind: TimelineKind,
    pub id: String,
    pub day: Day,
    pub time: Option<ClockTime>,
    pub title: String,
    pub detail: Option<String>,
    /// For activities; empty otherwise.
    pub duties: Vec<Duty>,
}

/// The longest page of a timeline.
pub const TIMELINE_PAGE_MAX: u32 = 200;
const SNIPPET_CHARS: usize = 140;

fn snippet(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() <= SNIPPET_CHARS {
        line.to_string()
    } else {
        let cut: String = line.chars().take(SNIPPET_CHARS - 1).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

fn timeline_of(
    conn: &Connection,
    keys: &Keys,
    client: &Client,
) -> Result<Vec<(TimelineItem, Timestamp)>> {
    let id = &client.id;
    let mut items = Vec::new();
    for a in store::list_owned::<Activity>(conn, keys, id)? {
        let duties: Vec<&str> = a.duties.iter().map(|d| d.label()).collect();
        let mut title = format!("{} \u{b7} {}", a.kind.label(), duties.join(", "));
        if a.status != ActivityStatus::Done {
            title.push_str(&format!(" ({})", a.status.label().to_lowercase()));
        }
        items.push((
            TimelineItem {
                kind: TimelineKind::Activity,
                id: a.id,
                day: a.day,
                time: a.time,
                title,
                detail: a.purpose.as_deref().map(snippet),
                duties: a.duties,
            },
            a.recorded,
        ));
    }
    let addenda = store::list_owned::<note::Addendum>(conn, keys, id)?;
    for n in note::notes_of(conn, keys, id)? {
        let count = addenda.iter().filter(|a| a.note_id == n.id).count();
        let mut title = match n.status {
            NoteStatus::Draft => "Case note (draft)".to_string(),
            NoteStatus::Signed { .. } => "Case note".to_string(),
        };
        if count > 0 {
            title.push_str(&format!(", {}", plural(count, "addendum", "addenda")));
        }
        items.push((
            TimelineItem {
                kind: TimelineKind::Note,
                id: n.id,
                day: n.on,
                time: None,
                title,
                detail: Some(snippet(&n.text)),
                duties: Vec::new(),
            },
            n.written,
        ));
    }
    for i in store::list_owned::<Incident>(conn, keys, id)? {
        let state = match &i.status {
            IncidentStatus::Open => "open",
            IncidentStatus::Closed { .. } => "closed",
        };
        items.push((
            TimelineItem {
                kind: TimelineKind::Incident,
                title: format!("Incident: {} ({state})", i.kind.label().to_lowercase()),
                detail: Some(snippet(&i.description)),
                id: i.id,
                day: i.occurred_on,
                time: i.occurred_at,
                duties: Vec::new(),
            },
            i.recorded,
        ));
    }
    let resources = referral::resources_by_id(conn, keys)?;
    for r in store::list_owned::<Referral>(conn, keys, id)? {
        let name = resources
            .get(&r.resource_id)
            .map_or("Unknown resource", |x| x.name.as_str());
        items.push((
            TimelineItem {
                kind: TimelineKind::Referral,
                title: format!("Referral to {name}: {}", r.status.label().to_lowercase()),
                detail: r.outcome.as_deref().or(r.reason.as_deref()).map(snippet),
                id: r.id,
                day: r.made_on,
                time: None,
                duties: Vec::new(),
            },
            r.updated,
        ));
    }
    let goals: HashMap<String, String> = plan::goals_of(conn, keys, id)?
        .into_iter()
        .map(|g| (g.id, g.client_words))
        .collect();
    for r in plan::ratings_of(conn, keys, id)? {
        let Rating {
            id,
            on,
            score,
            by,
            goal_id,
            recorded,
            ..
        } = r;
        let who = match by {
            Author::Client => client.preferred_name.as_str(),
            Author::Worker => "worker",
        };
        items.push((
            TimelineItem {
                kind: TimelineKind::Rating,
                id,
                day: on,
                time: None,
                title: format!("Progress {score}/10, rated by {who}"),
                detail: goals.get(&goal_id).map(|w| snippet(w)),
                duties: Vec::new(),
            },
            recorded,
        ));
    }
    for r in store::list_owned::<Review>(conn, keys, id)? {
        items.push((
            TimelineItem {
                kind: TimelineKind::Review,
                title: format!("Plan review (version {})", r.plan_version),
                detail: Some(snippet(&r.what_changed)),
                id: r.id,
                day: r.on,
                time: None,
                duties: Vec::new(),
            },
            r.recorded,
        ));
    }
    Ok(items)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The worker's day: visits in order, follow-ups overdue and due, plan reviews coming up, open
    /// incidents and referrals to check on.
    pub fn today(&self, day: Day) -> Result<TodayView> {
        self.with(|conn, keys| today_view(conn, keys, day))
    }

    /// A client's history, newest first, one page at a time (`limit` 1 to 200).
    pub fn timeline(
        &self,
        client_id: String,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<TimelineItem>> {
        validate::range("limit", limit.into(), 1, TIMELINE_PAGE_MAX.into())?;
        let mut items = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            timeline_of(conn, keys, &client)
        })?;
        // Newest first; within a day, timed entries by time, latest first, then by when recorded.
        items.sort_by(|(a, ra), (b, rb)| {
            (b.day, b.time, rb, &b.id).cmp(&(a.day, a.time, ra, &a.id))
        });
        Ok(items
            .into_iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(|(item, _)| item)
            .collect())
    }
}
