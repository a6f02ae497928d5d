//! The worker's day: visits in order, follow-ups overdue and due, plan reviews coming up, open
//! incidents, referrals to check on and draft notes waiting for a signature. It draws on several
//! kinds of record at once; wording and order are decided here so both phones say and sort the
//! same.
//!
//! Cost on the phone: the day's activities come through the keyed day index; open follow-ups
//! through their own small index (see `activity`), drafts likewise (see `note`), open incidents
//! and referrals with a day to check on through sealed indexes (`storage::indexes`), so only
//! open ones are opened; clients' names and plans' reviews from one gathered row each.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::crypto::Keys;
use crate::domain::activity::{self, Activity, ActivityKind, ActivityStatus, Scheduling};
use crate::domain::client::{self, Client, ClientSummary};
use crate::domain::duty::Duty;
use crate::domain::incident::{self, Incident, IncidentKind, RequiredAction};
use crate::domain::note;
use crate::domain::plan::{self};
use crate::domain::referral::{self, Referral, ReferralStatus, Resource};
use crate::error::Result;
use crate::screens::corner::{today_corner, TodayCorner};
use crate::screens::team::{my_open_requests, TeamRequestRow};
use crate::screens::{unreadable, UnreadableRecord};
use crate::storage;
use crate::time::{ClockTime, Day};
use crate::vault::WorkerSession;
use crate::words::{say, word, worker_lang, Arg};

/// Plan reviews show on the day's list this many days before they fall due.
pub const REVIEW_NOTICE_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A visit on the day's list, in time order.
pub struct TodayVisit {
    /// The activity, to open with `activity_view`.
    pub activity_id: String,
    /// The client.
    pub client_id: String,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// The time of day, if one was set.
    pub time: Option<ClockTime>,
    /// "09:30" or "Any time".
    pub time_label: String,
    /// What kind it is.
    pub kind: ActivityKind,
    /// `kind`'s label, as a screen shows it.
    pub kind_label: String,
    /// Whether it was planned (not an emergency or as needed).
    pub planned: bool,
    /// Whether it was an unplanned response to an emergency (shown as a flag).
    pub emergency: bool,
    /// Where it stands.
    pub status: ActivityStatus,
    /// `status`'s label, as a screen shows it.
    pub status_label: String,
    /// Why it was called off, when it was cancelled.
    pub cancel_reason: Option<String>,
    /// Where, in the worker's words.
    pub place: Option<String>,
    /// What it is for: the lesson in mind, in the worker's words.
    pub purpose: Option<String>,
    /// The duties the worker chose for it.
    pub duties: Vec<Duty>,
    /// How long it took, in minutes (at most a day).
    pub duration_minutes: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A follow-up due today or overdue.
pub struct TodayFollowUp {
    /// The follow-up, for `set_follow_up_done`.
    pub follow_up_id: String,
    /// The activity it was agreed at.
    pub activity_id: String,
    /// The client.
    pub client_id: String,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// What is to be done, in the worker's words.
    pub what: String,
    /// The day it is due.
    pub due: Day,
    /// 0 when due today.
    pub days_overdue: u32,
    /// "Due today", "1 day overdue", "3 days overdue".
    pub due_label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A plan review coming up (within a week) or overdue.
pub struct TodayReview {
    /// The plan.
    pub plan_id: String,
    /// The client.
    pub client_id: String,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// The day the review is due.
    pub review_due: Day,
    /// "Review overdue by 3 days", "Review due today", "Review due in 5 days".
    pub due_label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// An open incident, with how many required actions are still to do.
pub struct TodayIncident {
    /// The incident, to open with `incident`.
    pub incident_id: String,
    /// The client.
    pub client_id: String,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// What kind it is.
    pub kind: IncidentKind,
    /// `kind`'s label, as a screen shows it.
    pub kind_label: String,
    /// The day it happened.
    pub occurred_on: Day,
    /// Required actions not yet recorded.
    pub missing_actions: Vec<RequiredAction>,
    /// "2 required actions to record" or "Ready to close".
    pub status_label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A referral whose follow-up day has come.
pub struct TodayReferral {
    /// The referral, to open with `referral`.
    pub referral_id: String,
    /// The client.
    pub client_id: String,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// The resource's name.
    pub resource_name: String,
    /// Where it stands.
    pub status: ReferralStatus,
    /// The day to check on it.
    pub follow_up_due: Day,
    /// When it is due, in words ("Due today", "3 days overdue").
    pub due_label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A draft note waiting for a signature: a note written in a hurry must not stay unsigned.
pub struct TodayDraft {
    /// The note, to open with `note`.
    pub note_id: String,
    /// The client.
    pub client_id: String,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// The day the note is about.
    pub on: Day,
    /// Whole days since the draft was started (0 when started on the day shown).
    pub unsigned_days: u32,
    /// "Started today", "Unsigned for 1 day", "Unsigned for 12 days".
    pub age_label: String,
}

/// The worker's day in one call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayView {
    /// The day shown.
    pub day: Day,
    /// The screen's heading in the worker's language ("Your day"); the date is `day`, for the
    /// platform to write in the phone's own calendar and locale.
    pub title: String,
    /// "3 visits · 2 follow-ups due · 1 open incident", or "Nothing planned".
    pub summary: String,
    /// Every activity on the day, planned or not: timed ones by time, then those with none.
    pub visits: Vec<TodayVisit>,
    /// Oldest due first.
    pub overdue_follow_ups: Vec<TodayFollowUp>,
    /// Follow-ups due on the day.
    pub due_follow_ups: Vec<TodayFollowUp>,
    /// Reviews overdue or due within a week, soonest first; active clients only.
    pub reviews_due: Vec<TodayReview>,
    /// Oldest first: the one open longest needs attention first.
    pub open_incidents: Vec<TodayIncident>,
    /// Open referrals whose follow-up day has come.
    pub referrals_to_follow_up: Vec<TodayReferral>,
    /// Draft notes waiting for a signature, oldest first.
    pub drafts_to_sign: Vec<TodayDraft>,
    /// Records the day draws on that could not be opened: a damaged record is listed here and
    /// never hides the rest of the day.
    pub unreadable: Vec<UnreadableRecord>,
    /// The worker's own part of the day: off duty or not, supervision actions due,
    /// certifications running out, the heavy-week signal. Off duty, every reminder above is
    /// left out too (the visits stay, so a crisis response logged off duty shows).
    pub corner: TodayCorner,
    /// What the worker's supervisors asked of them and is not done yet, soonest wanted first
    /// (empty outside a team, and off duty).
    pub requests: Vec<TeamRequestRow>,
}

/// "Review due in 3 days", "Review overdue by 1 day", in the worker's language.
fn review_label(days: i64) -> String {
    let lang = worker_lang();
    match days {
        0 => word(lang, "review-due-today"),
        d if d < 0 => say(lang, "review-overdue", &[("count", (-d).into())]),
        d => say(lang, "review-due-in", &[("count", d.into())]),
    }
}

/// "Due today", "3 days overdue", worded once per number of days in a call rather than once per
/// row: a heavy caseload has hundreds of follow-ups overdue, and wording a plural through Fluent
/// cost more than everything else the row needs.
#[derive(Default)]
struct DueLabels(HashMap<i64, String>);

impl DueLabels {
    fn label(&mut self, due: Day, day: Day) -> String {
        self.0
            .entry(due.days_until(day))
            .or_insert_with_key(|&n| {
                let lang = worker_lang();
                match n {
                    0 => word(lang, "due-today"),
                    n => say(lang, "due-overdue", &[("count", n.into())]),
                }
            })
            .clone()
    }
}

fn name_of(clients: &HashMap<String, ClientSummary>, id: &str) -> String {
    clients
        .get(id)
        .map_or_else(String::new, |c| c.preferred_name.clone())
}

fn visit(a: Activity, clients: &HashMap<String, ClientSummary>) -> TodayVisit {
    TodayVisit {
        client_name: name_of(clients, &a.client_id),
        time_label: a
            .time
            .map_or_else(|| word(worker_lang(), "any-time"), |t| t.to_string()),
        kind_label: a.kind.label(),
        planned: a.scheduling == Scheduling::Planned,
        emergency: a.scheduling == Scheduling::Emergency,
        cancel_reason: a.status.cancel_reason().map(str::to_string),
        status_label: a.status.label(),
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

/// The open referrals whose day to check on them has come: from their index (each mark holds
/// what the view shows, so none is opened), or by opening every referral.
fn referrals_to_check(
    conn: &Connection,
    keys: &Keys,
    day: Day,
    indexed: bool,
) -> Result<Vec<(String, referral::ToCheck)>> {
    if indexed && !storage::indexes::bypassed() {
        return Ok(storage::indexes::gathered::<referral::ToCheck>(
            conn,
            keys,
            referral::FOLLOW_UP_INDEX,
            "",
        )?
        .into_iter()
        .filter(|(_, r)| r.follow_up_due <= day)
        .collect());
    }
    Ok(referral::all(conn, keys)?
        .into_iter()
        .filter(|r| r.status.is_open())
        .filter_map(|r: Referral| {
            let due = r.follow_up_due.filter(|d| *d <= day)?;
            let to_check = referral::ToCheck {
                client_id: r.client_id,
                resource_id: r.resource_id,
                status: r.status,
                follow_up_due: due,
            };
            Some((r.id, to_check))
        })
        .collect())
}

/// Which of the indexes the day draws on can be read (each built first if this vault's build
/// had not), in the order `today_view` takes them: open incidents, referrals to check, the day
/// totals, client summaries, plan reviews.
pub(crate) fn indexes(conn: &mut Connection, keys: &Keys) -> Result<[bool; 5]> {
    Ok([
        storage::indexes::ensure::<Incident>(conn, keys)?,
        storage::indexes::ensure::<Referral>(conn, keys)?,
        crate::rules::heavy_week::indexed(conn, keys)?,
        storage::indexes::ensure::<Client>(conn, keys)?,
        storage::indexes::ensure::<plan::Plan>(conn, keys)?,
    ])
}

pub(crate) fn today_view(
    conn: &Connection,
    keys: &Keys,
    day: Day,
    drafts: Vec<note::DraftMark>,
    now: Option<ClockTime>,
    indexed: [bool; 5],
) -> Result<TodayView> {
    // Read once for both the referrals' names and the corner's assistance line.
    let resources = storage::list::<Resource>(conn, keys)?;
    let corner = today_corner(
        conn,
        keys,
        crate::words::worker_lang(),
        day,
        now,
        indexed[2],
        &resources,
    )?;
    let clients = client::summaries(conn, keys, indexed[3])?;
    let by_name = |id: &str| name_of(&clients, id).to_lowercase();

    let mut visits: Vec<TodayVisit> = storage::list_on_day::<Activity>(conn, keys, day)?
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

    let mut due_labels = DueLabels::default();
    let mut overdue = Vec::new();
    let mut due = Vec::new();
    for f in activity::open_follow_ups(conn, keys)? {
        if f.due > day {
            continue;
        }
        let item = TodayFollowUp {
            client_name: name_of(&clients, &f.client_id),
            days_overdue: f.due.days_until(day) as u32,
            due_label: due_labels.label(f.due, day),
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
    let mut plans = plan::reviews_by_client(conn, keys, indexed[4])?;
    for (id, c) in clients.iter().filter(|(_, c)| c.is_active()) {
        if let Some((plan_id, review_due)) = plans.remove(id) {
            if day.days_until(review_due) <= REVIEW_NOTICE_DAYS {
                reviews.push(TodayReview {
                    due_label: review_label(day.days_until(review_due)),
                    plan_id,
                    client_id: id.clone(),
                    client_name: c.preferred_name.clone(),
                    review_due,
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

    let mut incidents: Vec<TodayIncident> = incident::open(conn, keys, indexed[0])?
        .into_iter()
        .filter(Incident::is_open)
        .map(|i| {
            let name = name_of(&clients, &i.client_id);
            let v = crate::screens::incident::view(i, name);
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

    let resources: HashMap<&str, &Resource> =
        resources.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut referrals: Vec<TodayReferral> = referrals_to_check(conn, keys, day, indexed[1])?
        .into_iter()
        .map(|(id, r)| TodayReferral {
            client_name: name_of(&clients, &r.client_id),
            resource_name: resources.get(r.resource_id.as_str()).map_or_else(
                || word(worker_lang(), "unknown-resource"),
                |x| x.name.clone(),
            ),
            due_label: due_labels.label(r.follow_up_due, day),
            referral_id: id,
            client_id: r.client_id,
            status: r.status,
            follow_up_due: r.follow_up_due,
        })
        .collect();
    referrals.sort_by_cached_key(|r| {
        (
            r.follow_up_due,
            r.client_name.to_lowercase(),
            r.referral_id.clone(),
        )
    });

    let lang = worker_lang();
    let count = |n: usize| [("count", Arg::from(n))];
    let mut drafts: Vec<TodayDraft> = drafts
        .into_iter()
        // A draft started after the day shown was not waiting on it.
        .filter(|d| d.written.day() <= day)
        .map(|d| {
            let age = d.written.day().days_until(day).max(0) as u32;
            TodayDraft {
                client_name: name_of(&clients, &d.client_id),
                age_label: match age {
                    0 => word(lang, "today-draft-started"),
                    n => say(lang, "today-draft-unsigned", &count(n as usize)),
                },
                unsigned_days: age,
                note_id: d.note_id,
                client_id: d.client_id,
                on: d.on,
            }
        })
        .collect();
    drafts.sort_by_cached_key(|d| {
        (
            std::cmp::Reverse(d.unsigned_days),
            d.client_name.to_lowercase(),
            d.note_id.clone(),
        )
    });

    let mut requests = my_open_requests(conn, keys)?;
    if corner.off_duty {
        // Off duty: no reminders, only what happened or is planned on the day.
        requests.clear();
        overdue.clear();
        due.clear();
        reviews.clear();
        incidents.clear();
        referrals.clear();
        drafts.clear();
    }
    let mut parts = Vec::new();
    if !visits.is_empty() {
        parts.push(say(lang, "today-visits", &count(visits.len())));
    }
    let follow_ups = overdue.len() + due.len();
    if follow_ups > 0 {
        let mut s = say(lang, "today-follow-ups-due", &count(follow_ups));
        if !overdue.is_empty() {
            s.push(' ');
            s.push_str(&say(lang, "today-overdue", &count(overdue.len())));
        }
        parts.push(s);
    }
    if !reviews.is_empty() {
        parts.push(say(lang, "today-plan-reviews", &count(reviews.len())));
    }
    if !incidents.is_empty() {
        parts.push(say(lang, "today-open-incidents", &count(incidents.len())));
    }
    if !referrals.is_empty() {
        parts.push(say(
            lang,
            "today-referrals-to-check",
            &count(referrals.len()),
        ));
    }
    if !drafts.is_empty() {
        parts.push(say(lang, "today-notes-to-sign", &count(drafts.len())));
    }
    if !requests.is_empty() {
        parts.push(say(lang, "today-requests", &count(requests.len())));
    }
    if corner.off_duty {
        parts.insert(0, word(lang, "today-off-duty"));
    }
    let summary = if parts.is_empty() {
        word(lang, "today-nothing")
    } else {
        parts.join(" \u{b7} ")
    };
    Ok(TodayView {
        day,
        title: word(lang, "today-title"),
        summary,
        visits,
        overdue_follow_ups: overdue,
        due_follow_ups: due,
        reviews_due: reviews,
        open_incidents: incidents,
        referrals_to_follow_up: referrals,
        drafts_to_sign: drafts,
        unreadable: Vec::new(),
        corner,
        requests,
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The worker's day: visits in order, follow-ups overdue and due, plan reviews coming up, open
    /// incidents and referrals to check on, drafts waiting for a signature, and any record it
    /// could not open.
    /// When `day` is today and the worker set working hours, the phone's clock says whether
    /// they are off duty (see `today_at`).
    /// Fails with `NotAllowed(TeamLeaseExpired)` (the team's offline lease ran out: a sync opens
    /// the day again), and the errors every call has (see `WorkerSession`).
    pub fn today(&self, day: Day) -> Result<TodayView> {
        let now = (day == Day::today()).then(ClockTime::now);
        self.today_at(day, now)
    }

    /// The worker's day as `today` shows it, at the time of day `now` (none: not known, so on
    /// duty). Outside the worker's working hours it shows no reminders and says they are off duty.
    /// Fails with `Invalid` (the field and its rule), `NotAllowed(TeamLeaseExpired)` (the team's
    /// offline lease ran out), and the errors every call has (see `WorkerSession`).
    pub fn today_at(&self, day: Day, now: Option<ClockTime>) -> Result<TodayView> {
        self.with(|conn, keys| {
            storage::lease::check_lists(conn)?;
            let indexed = indexes(conn, keys)?;
            let (drafts, mut left_out) = storage::tolerant(|| note::drafts(conn, keys))?;
            let (mut view, more) =
                storage::tolerant(|| today_view(conn, keys, day, drafts, now, indexed))?;
            left_out.extend(more);
            left_out.sort();
            left_out.dedup();
            view.unreadable = unreadable(left_out);
            Ok(view)
        })
    }
}
