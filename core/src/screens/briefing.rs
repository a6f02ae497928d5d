//! The supervisor's morning briefing, built on their phone from the team's records it holds:
//! per worker, the day's visits, open incidents and which required action waits on whom, overdue
//! follow-ups, plan reviews due, notes left unsigned past the supervisor's threshold, and the
//! duty balance with the dependence signal; beside them, requests for supervision, shared
//! debriefs, what was asked of each worker, and the incidents the supervisor must be told of.
//!
//! A worker's part is exactly what their own phone's day would show of their records: the
//! briefing builds the day once with the same code as `today`, then gives each item to the member
//! whose device wrote it (the sync engine's revisions know each record's author device; the team
//! log maps devices to members). Drafts never leave a phone, so unsigned notes come from the small
//! count each worker's phone publishes at sync, without a word of the notes.

use alongside_wire::MemberId;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

use crate::crypto::Keys;
use crate::domain::activity::Activity;
use crate::domain::client::{Client, ClientStatus};
use crate::domain::defaults::DUTY_BALANCE_WEEKS;
use crate::domain::incident::{Incident, RequiredAction};
use crate::domain::team::{self, SharedDebrief, SupervisionRequest, UnsignedNotes};
use crate::error::Result;
use crate::rules::duty_balance::{balance_of, empowerment_hint, DutyBalance};
use crate::screens::team::{admin_roster, request_rows, role_label, Names, TeamRequestRow};
use crate::screens::today::{today_view, TodayFollowUp, TodayIncident, TodayReview, TodayVisit};
use crate::screens::{unreadable, UnreadableRecord};
use crate::storage;
use crate::sync::roster::{self, Roster};
use crate::time::{Day, Timestamp};
use crate::vault::WorkerSession;
use crate::words::{say, word, worker_lang, Arg, Choice};

/// An open incident with the required actions still to record and on whom they wait.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct BriefingIncident {
    /// The incident as the worker's day shows it.
    pub incident: TodayIncident,
    /// Whether its kind requires informing the supervisor.
    pub inform_supervisor: bool,
    /// The member the missing actions wait on (the worker who recorded it).
    pub waiting_on: String,
    /// "Waits on Sam: inform the supervisor, assess the risk", or "ready to close".
    pub waiting_label: String,
}

/// One client's notes a worker has left unsigned past the threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct UnsignedNotesRow {
    /// The client.
    pub client_id: String,
    /// Their preferred name (empty when this phone does not hold them).
    pub client_name: String,
    /// Draft notes about them.
    pub count: u32,
    /// Whole days since the oldest draft was started.
    pub oldest_days: u32,
    /// "2 notes unsigned, the oldest for 5 days".
    pub label: String,
}

/// A client whose work with this worker has been advocacy for weeks with no empowerment step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DependenceRow {
    /// The client.
    pub client_id: String,
    /// Their preferred name.
    pub client_name: String,
    /// Weeks of advocacy without empowerment.
    pub weeks: u32,
    /// The first advocacy since the last empowerment.
    pub since: Day,
    /// The signal in respectful words.
    pub label: String,
}

/// One worker's part of the briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WorkerBriefing {
    /// The member.
    pub member_id: String,
    /// Their display name, or "Unnamed member".
    pub name: String,
    /// Their role, worded.
    pub role_label: String,
    /// "3 visits today · 1 open incident · no overdue follow-ups".
    pub summary: String,
    /// The day's visits they recorded, in time order.
    pub visits: Vec<TodayVisit>,
    /// Their open incidents, oldest first.
    pub open_incidents: Vec<BriefingIncident>,
    /// Their follow-ups past due, oldest first.
    pub overdue_follow_ups: Vec<TodayFollowUp>,
    /// Plan reviews due within a week or overdue, for the clients they work with.
    pub reviews_due: Vec<TodayReview>,
    /// Clients with notes unsigned past the threshold.
    pub unsigned_notes: Vec<UnsignedNotesRow>,
    /// Their duty balance over the last weeks (`DUTY_BALANCE_WEEKS`).
    pub duty_balance: DutyBalance,
    /// Clients where advocacy has carried the work for weeks without empowerment.
    pub dependence: Vec<DependenceRow>,
    /// The clients they work with and not discharged, by name: what a request to them may be
    /// about (`team_ask`'s `client_id` is a choice's value).
    pub clients: Vec<Choice>,
}

/// A worker's request for supervision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SupervisionRequestRow {
    /// The request.
    pub id: String,
    /// The worker asking.
    pub member_id: String,
    /// Their name.
    pub name: String,
    /// What they would like to raise.
    pub topics: Option<String>,
    /// When they asked.
    pub asked: Timestamp,
    /// "Sam asks for a supervision session: ...".
    pub summary: String,
}

/// A debrief entry a worker chose to share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SharedDebriefRow {
    /// The shared copy.
    pub id: String,
    /// The worker.
    pub member_id: String,
    /// Their name.
    pub name: String,
    /// The day it is about.
    pub day: Day,
    /// How the day sat, 1 (very heavily) to 10 (lightly).
    pub score: u8,
    /// Their words, what helped, and what they will do for themself, as they shared them.
    pub words: Option<String>,
    /// What helped.
    pub what_helped: Option<String>,
    /// What they will do for themself.
    pub for_myself: Option<String>,
    /// "Sam shared a debrief: the day sat at 3 out of 10."
    pub summary: String,
}

/// An incident the supervisor must be told of, as a notification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TeamNotification {
    /// The incident; pass it to `team_notifications_seen` once posted.
    pub incident_id: String,
    /// The client.
    pub client_id: String,
    /// The worker who recorded it.
    pub member_id: String,
    /// The notification's title.
    pub title: String,
    /// Its body.
    pub body: String,
}

/// The supervisor's morning briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct BriefingScreen {
    /// The day shown.
    pub day: Day,
    /// Notes unsigned for more than this many days are shown (`team_set_unsigned_note_days`).
    pub unsigned_note_days: u32,
    /// "Morning briefing".
    pub title: String,
    /// The team's counts: visits, open incidents, overdue follow-ups.
    pub summary: String,
    /// Each active member with anything on the day, or who works with clients, by name.
    pub workers: Vec<WorkerBriefing>,
    /// Incidents the supervisor must be told of, not yet notified on this phone.
    pub notifications: Vec<TeamNotification>,
    /// Requests for supervision, newest first.
    pub supervision_requests: Vec<SupervisionRequestRow>,
    /// Debrief entries shared with the supervisors, newest day first.
    pub shared_debriefs: Vec<SharedDebriefRow>,
    /// What was asked of workers, open ones first.
    pub requests: Vec<TeamRequestRow>,
    /// Records the briefing could not open; a damaged record never hides the rest.
    pub unreadable: Vec<UnreadableRecord>,
}

/// The member who wrote each of `ids`, as a map (records of an unknown author are left out).
fn authors<'a>(
    conn: &Connection,
    keys: &Keys,
    r: &Roster,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<HashMap<String, MemberId>> {
    let mut out = HashMap::new();
    for id in ids {
        if out.contains_key(id) {
            continue;
        }
        if let Some(m) = roster::author(conn, keys, r, id)? {
            out.insert(id.to_string(), m);
        }
    }
    Ok(out)
}

fn counts(visits: usize, incidents: usize, overdue: usize) -> String {
    say(
        worker_lang(),
        "briefing-counts",
        &[
            ("visits", Arg::from(visits)),
            ("incidents", Arg::from(incidents)),
            ("overdue", Arg::from(overdue)),
        ],
    )
}

fn waiting_label(name: &str, missing: &[RequiredAction]) -> String {
    let lang = worker_lang();
    if missing.is_empty() {
        return word(lang, "briefing-incident-nothing-waits");
    }
    let actions: Vec<String> = missing.iter().map(|a| a.label_in(lang)).collect();
    say(
        lang,
        "briefing-incident-waits",
        &[
            ("name", Arg::from(name.to_string())),
            (
                "actions",
                Arg::from(actions.join(&word(lang, "team-list-separator"))),
            ),
        ],
    )
}

/// The incidents that require informing the supervisor, recorded by another member, not yet
/// notified here.
fn notifications(conn: &Connection, keys: &Keys, r: &Roster) -> Result<Vec<TeamNotification>> {
    let lang = worker_lang();
    let seen = team::seen(conn, keys)?;
    let names = Names::load(conn, keys)?;
    let mut out = Vec::new();
    let mut all = storage::list::<Incident>(conn, keys)?;
    all.sort_by_cached_key(|i| (i.occurred_on, i.id.clone()));
    for i in all {
        if !i
            .kind
            .required_actions()
            .contains(&RequiredAction::InformSupervisor)
            || seen.incidents.contains(&i.id)
        {
            continue;
        }
        let Some(author) = roster::author(conn, keys, r, &i.id)? else {
            continue;
        };
        if author == r.me {
            continue;
        }
        let member_id = author.to_text();
        let client = storage::find::<Client>(conn, keys, &i.client_id)?
            .map_or_else(String::new, |c| c.value.preferred_name);
        out.push(TeamNotification {
            title: say(
                lang,
                "notify-inform-title",
                &[("kind", Arg::from(i.kind.label_in(lang)))],
            ),
            body: say(
                lang,
                "notify-inform-body",
                &[
                    ("name", Arg::from(names.of(&member_id))),
                    ("client", Arg::from(client)),
                    ("day", Arg::from(i.occurred_on.to_string())),
                ],
            ),
            incident_id: i.id,
            client_id: i.client_id,
            member_id,
        });
    }
    Ok(out)
}

fn briefing_view(
    conn: &mut Connection,
    keys: &Keys,
    r: &Roster,
    day: Day,
) -> Result<BriefingScreen> {
    let lang = worker_lang();
    let names = Names::load(conn, keys)?;
    let indexed = crate::screens::today::indexes(conn, keys)?;
    // The day as every phone computes it, on duty (the briefing is no reminder to its reader).
    let all = today_view(conn, keys, day, Vec::new(), None, indexed)?;
    let clients: HashMap<String, Client> = storage::list::<Client>(conn, keys)?
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect();
    let by = authors(
        conn,
        keys,
        r,
        all.visits
            .iter()
            .map(|v| v.activity_id.as_str())
            .chain(
                all.overdue_follow_ups
                    .iter()
                    .map(|f| f.activity_id.as_str()),
            )
            .chain(all.open_incidents.iter().map(|i| i.incident_id.as_str())),
    )?;
    let working_with = roster::workers_of(
        conn,
        keys,
        r,
        all.reviews_due.iter().map(|rv| rv.client_id.as_str()),
    )?;
    let mut workers: BTreeMap<MemberId, WorkerBriefing> = BTreeMap::new();
    let from = day.add_days(-7 * DUTY_BALANCE_WEEKS + 1);
    for (id, m) in &r.state.members {
        if m.removed {
            continue;
        }
        let member_id = id.to_text();
        workers.insert(
            *id,
            WorkerBriefing {
                name: names.of(&member_id),
                role_label: role_label(m.role),
                member_id,
                summary: String::new(),
                visits: Vec::new(),
                open_incidents: Vec::new(),
                overdue_follow_ups: Vec::new(),
                reviews_due: Vec::new(),
                unsigned_notes: Vec::new(),
                duty_balance: balance_of(&[], from, day),
                dependence: Vec::new(),
                clients: Vec::new(),
            },
        );
    }
    for v in all.visits {
        if let Some(w) = by.get(&v.activity_id).and_then(|m| workers.get_mut(m)) {
            w.visits.push(v);
        }
    }
    for f in all.overdue_follow_ups {
        if let Some(w) = by.get(&f.activity_id).and_then(|m| workers.get_mut(m)) {
            w.overdue_follow_ups.push(f);
        }
    }
    for i in all.open_incidents {
        if let Some(w) = by.get(&i.incident_id).and_then(|m| workers.get_mut(m)) {
            let inform = i
                .kind
                .required_actions()
                .contains(&RequiredAction::InformSupervisor);
            w.open_incidents.push(BriefingIncident {
                waiting_on: w.member_id.clone(),
                waiting_label: waiting_label(&w.name, &i.missing_actions),
                inform_supervisor: inform,
                incident: i,
            });
        }
    }
    // A plan review is for whoever works with the client: the members it is assigned to, or
    // until it is assigned, the member who recorded it.
    for rv in all.reviews_due {
        for m in working_with.get(&rv.client_id).into_iter().flatten() {
            if let Some(w) = workers.get_mut(m) {
                w.reviews_due.push(rv.clone());
            }
        }
    }
    let mut open: Vec<&Client> = clients
        .values()
        .filter(|c| !matches!(c.status, ClientStatus::Discharged { .. }))
        .collect();
    open.sort_by_cached_key(|c| (c.preferred_name.to_lowercase(), c.id.clone()));
    let with = roster::workers_of(conn, keys, r, open.iter().map(|c| c.id.as_str()))?;
    for c in open {
        for m in with.get(&c.id).into_iter().flatten() {
            if let Some(w) = workers.get_mut(m) {
                w.clients
                    .push(Choice::new(c.id.clone(), c.preferred_name.clone()));
            }
        }
    }
    let unsigned_note_days = team::settings(conn, keys)?.unsigned_note_days;
    let threshold = i64::from(unsigned_note_days);
    for u in storage::list::<UnsignedNotes>(conn, keys)? {
        let Some(w) =
            alongside_wire::Id16::from_text(&u.staff_member).and_then(|m| workers.get_mut(&m))
        else {
            continue;
        };
        for c in u.clients {
            let days = c.oldest.days_until(day);
            if days <= threshold {
                continue;
            }
            w.unsigned_notes.push(UnsignedNotesRow {
                client_name: clients
                    .get(&c.client_id)
                    .map_or_else(String::new, |x| x.preferred_name.clone()),
                label: say(
                    lang,
                    "briefing-unsigned",
                    &[
                        ("count", Arg::from(c.count as usize)),
                        ("days", Arg::from(days)),
                    ],
                ),
                client_id: c.client_id,
                count: c.count,
                oldest_days: days as u32,
            });
        }
        w.unsigned_notes
            .sort_by_key(|n| (std::cmp::Reverse(n.oldest_days), n.client_id.clone()));
    }
    // The duty balance of each worker's own activities over the period, day by day.
    let mut activities: HashMap<MemberId, Vec<Activity>> = HashMap::new();
    let mut d = from;
    while d <= day {
        for a in storage::list_on_day::<Activity>(conn, keys, d)? {
            if let Some(m) = roster::author(conn, keys, r, &a.id)? {
                activities.entry(m).or_default().push(a);
            }
        }
        d = d.add_days(1);
    }
    let weeks = crate::domain::duty::settings(conn, keys)?.advocacy_hint_weeks;
    for (m, acts) in &activities {
        let Some(w) = workers.get_mut(m) else {
            continue;
        };
        w.duty_balance = balance_of(acts, from, day);
        let mut per_client: BTreeMap<&str, Vec<Activity>> = BTreeMap::new();
        for a in acts {
            per_client.entry(&a.client_id).or_default();
        }
        for (client_id, list) in per_client.iter_mut() {
            // The whole history with this client, of this worker's hand: advocacy may have begun
            // before the period.
            for a in storage::list_owned::<Activity>(conn, keys, client_id)? {
                if roster::author(conn, keys, r, &a.id)? == Some(*m) {
                    list.push(a);
                }
            }
            let name = clients
                .get(*client_id)
                .map_or_else(String::new, |c| c.preferred_name.clone());
            if let Some(h) = empowerment_hint(list, day, weeks, &name) {
                w.dependence.push(DependenceRow {
                    client_id: client_id.to_string(),
                    client_name: name,
                    weeks: h.weeks,
                    since: h.since,
                    label: say(
                        lang,
                        "briefing-dependence",
                        &[("weeks", Arg::from(h.weeks))],
                    ),
                });
            }
        }
    }
    let mut workers: Vec<WorkerBriefing> = workers
        .into_values()
        .map(|mut w| {
            w.summary = counts(
                w.visits.len(),
                w.open_incidents.len(),
                w.overdue_follow_ups.len(),
            );
            w
        })
        .collect();
    workers.sort_by_cached_key(|w| (w.name.to_lowercase(), w.member_id.clone()));
    let (visits, incidents, overdue) = workers.iter().fold((0, 0, 0), |(a, b, c), w| {
        (
            a + w.visits.len(),
            b + w.open_incidents.len(),
            c + w.overdue_follow_ups.len(),
        )
    });

    let mut supervision: Vec<SupervisionRequestRow> =
        storage::list::<SupervisionRequest>(conn, keys)?
            .into_iter()
            .map(|q| {
                let name = names.of(&q.staff_member);
                let summary = match &q.topics {
                    Some(t) => say(
                        lang,
                        "briefing-supervision-topics",
                        &[
                            ("name", Arg::from(name.clone())),
                            ("topics", Arg::from(t.clone())),
                        ],
                    ),
                    None => say(
                        lang,
                        "briefing-supervision-asked",
                        &[("name", Arg::from(name.clone()))],
                    ),
                };
                SupervisionRequestRow {
                    id: q.id,
                    member_id: q.staff_member,
                    name,
                    topics: q.topics,
                    asked: q.asked,
                    summary,
                }
            })
            .collect();
    supervision.sort_by_key(|q| (std::cmp::Reverse(q.asked), q.id.clone()));
    let mut debriefs: Vec<SharedDebriefRow> = storage::list::<SharedDebrief>(conn, keys)?
        .into_iter()
        .map(|d| {
            let name = names.of(&d.staff_member);
            SharedDebriefRow {
                summary: say(
                    lang,
                    "briefing-debrief-shared",
                    &[
                        ("name", Arg::from(name.clone())),
                        ("score", Arg::from(d.score as usize)),
                    ],
                ),
                id: d.id,
                member_id: d.staff_member,
                name,
                day: d.day,
                score: d.score,
                words: d.words,
                what_helped: d.what_helped,
                for_myself: d.for_myself,
            }
        })
        .collect();
    debriefs.sort_by_key(|d| (std::cmp::Reverse(d.day), d.id.clone()));
    let requests = request_rows(conn, keys, team::requests(conn, keys)?)?;
    Ok(BriefingScreen {
        day,
        unsigned_note_days,
        title: word(lang, "briefing-title"),
        summary: counts(visits, incidents, overdue),
        workers,
        notifications: notifications(conn, keys, r)?,
        supervision_requests: supervision,
        shared_debriefs: debriefs,
        requests,
        unreadable: Vec::new(),
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The morning briefing for `day` (admins only), across the team's records this phone holds:
    /// per worker the day's visits, open incidents and what waits on whom, overdue follow-ups,
    /// reviews due, notes unsigned past the threshold (`team_set_unsigned_note_days`) and the duty
    /// balance with the dependence signal; then supervision requests, shared debriefs, requests
    /// made of workers, and incidents to notify. Fails with `Invalid` (`day`: this phone is not an
    /// admin's), `NotFound` (no team), and the errors every call has (see `WorkerSession`).
    pub fn briefing(&self, day: Day) -> Result<BriefingScreen> {
        self.with(|conn, keys| {
            let r = admin_roster(conn, keys, "day")?;
            let (mut view, left_out) = storage::tolerant(|| briefing_view(conn, keys, &r, day))?;
            view.unreadable = unreadable(left_out);
            Ok(view)
        })
    }

    /// The incidents the supervisor must be told of (their kind requires informing the
    /// supervisor) that another member recorded and this phone has not yet notified: post each as
    /// a local notification, then pass their ids to `team_notifications_seen` so it is posted once.
    /// On a worker's phone, none. Fails with `NotFound` (no team), and the errors every call has.
    pub fn team_notifications(&self) -> Result<Vec<TeamNotification>> {
        self.with(|conn, keys| {
            let r = crate::screens::team::roster_of(conn, keys)?;
            if !r.admin() {
                return Ok(Vec::new());
            }
            notifications(conn, keys, &r)
        })
    }

    /// Mark notifications as posted on this phone (by incident id); they are not returned again.
    /// Fails with `Invalid` (`ids`: not a record id), and the errors every call has.
    pub fn team_notifications_seen(&self, ids: Vec<String>) -> Result<()> {
        self.write(|tx, keys| team::mark_seen(tx, keys, &ids))
    }

    /// Set how many days a note may stay unsigned before the briefing shows it (1 to 92; 3 until
    /// set). Fails with `Invalid` (`unsigned_note_days`), and the errors every call has.
    pub fn team_set_unsigned_note_days(&self, days: u32) -> Result<()> {
        self.write(|tx, keys| team::set_unsigned_note_days(tx, keys, days))
    }
}
