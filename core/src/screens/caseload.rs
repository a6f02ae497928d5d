//! The caseload list: one row per client, active clients first, then by what is due soonest.
//! Sorting, labels and wording are decided here so Android and iOS show the same thing.

use serde::Serialize;

use crate::domain::activity::{self, ScheduledVisit};
use crate::domain::client::{self, Client, ClientStatus};
use crate::domain::plan::{self, ActiveGoal, Goal, Plan};
use crate::error::Result;
use crate::screens::{unreadable, UnreadableRecord};
use crate::storage;
use crate::time::Day;
use crate::vault::WorkerSession;
use crate::words::{say, word, worker_lang};

/// How far ahead the caseload list looks for a client's next visit.
const NEXT_VISIT_DAYS: u32 = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// What a caseload row's next due item is.
pub enum DueKind {
    /// A scheduled visit.
    Visit,
    /// An open follow-up.
    FollowUp,
    /// The plan's next review.
    PlanReview,
    /// A goal's target day.
    GoalTarget,
}

/// The next dated thing for a client.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DueItem {
    /// The day it is due.
    pub on: Day,
    /// What is due.
    pub kind: DueKind,
    /// e.g. "Plan review", "Goal: find a flat near my sister".
    pub label: String,
    /// Whether its day has passed.
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// One client's row in the caseload list.
pub struct CaseloadRow {
    /// The client, to open.
    pub client_id: String,
    /// The name the client wants to be called by: use it on every screen.
    pub preferred_name: String,
    /// The client's pronouns, as they gave them.
    pub pronouns: Option<String>,
    /// Active, paused or discharged.
    pub status: ClientStatus,
    /// `status`'s label, as a screen shows it.
    pub status_label: String,
    /// How many of the client's goals are active.
    pub active_goals: u32,
    /// The soonest thing due for the client, if any.
    pub next_due: Option<DueItem>,
}

/// The caseload list in one call.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CaseloadView {
    /// Active clients first, then by what is due soonest, then by name (then by id, so two
    /// clients of one name keep their places).
    pub rows: Vec<CaseloadRow>,
    /// Records the list draws on that could not be opened (a client, a plan, a goal, ...): listed
    /// here, and every other client still shown.
    pub unreadable: Vec<UnreadableRecord>,
}

/// Every client on the phone, as `clients()` returns them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClientList {
    /// By preferred name.
    pub clients: Vec<Client>,
    /// Client records that could not be opened: listed here, and every other client still shown.
    pub unreadable: Vec<UnreadableRecord>,
}

/// A client status's label, as the caseload shows it ("Active", "Paused since ..."), in the
/// worker's language.
pub fn status_label(status: &ClientStatus) -> String {
    let lang = crate::words::worker_lang();
    match status {
        ClientStatus::Active { .. } => word(lang, "label-client_status-active"),
        ClientStatus::Paused { since } => say(
            lang,
            "label-client_status-paused",
            &[("since", since.to_string().into())],
        ),
        ClientStatus::Discharged { on } => say(
            lang,
            "label-client_status-discharged",
            &[("on", on.to_string().into())],
        ),
    }
}

/// What a due item's label is made from: only the one shown is worded.
enum Label<'a> {
    Review,
    Goal(&'a str),
    Visit(&'a ScheduledVisit),
    FollowUp(&'a str),
}

/// A due item before its label is worded.
struct Due<'a> {
    on: Day,
    kind: DueKind,
    label: Label<'a>,
}

impl Due<'_> {
    fn worded(self, today: Day) -> DueItem {
        let lang = worker_lang();
        let label = match self.label {
            Label::Review => word(lang, "due-plan-review"),
            Label::Goal(words) => say(lang, "due-goal", &[("words", words.into())]),
            Label::Visit(v) => match v.time {
                Some(t) => say(
                    lang,
                    "due-visit-at",
                    &[
                        ("kind", v.kind.label().into()),
                        ("time", t.to_string().into()),
                    ],
                ),
                None => v.kind.label(),
            },
            Label::FollowUp(what) => say(lang, "due-follow-up", &[("what", what.into())]),
        };
        DueItem {
            on: self.on,
            overdue: self.on < today && self.kind != DueKind::Visit,
            kind: self.kind,
            label,
        }
    }
}

/// A client's plan review and goal targets.
fn plan_due_items(review_due: Option<Day>, goals: &[ActiveGoal]) -> Vec<Due<'_>> {
    let mut items = Vec::new();
    if let Some(on) = review_due {
        items.push(Due {
            on,
            kind: DueKind::PlanReview,
            label: Label::Review,
        });
    }
    for g in goals {
        if let Some(target) = g.target_date {
            items.push(Due {
                on: target,
                kind: DueKind::GoalTarget,
                label: Label::Goal(&g.client_words),
            });
        }
    }
    items
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Every client on this phone, by preferred name, with any client record that could not be
    /// opened listed apart.
    /// Fails with `NotAllowed(TeamLeaseExpired)` (the team's offline lease ran out: a sync opens
    /// the list again), and the errors every call has (see `WorkerSession`).
    pub fn clients(&self) -> Result<ClientList> {
        let (mut clients, left_out) = self.with(|conn, keys| {
            storage::lease::check_lists(conn)?;
            storage::tolerant(|| storage::list::<Client>(conn, keys))
        })?;
        clients.sort_by_cached_key(|c| (c.preferred_name.to_lowercase(), c.id.clone()));
        Ok(ClientList {
            clients,
            unreadable: unreadable(left_out),
        })
    }

    /// The caseload list: active clients first, then by what is due soonest, then by name; and
    /// any record it could not open.
    /// Fails with `NotAllowed(TeamLeaseExpired)` (the team's offline lease ran out: a sync opens
    /// the list again), and the errors every call has (see `WorkerSession`).
    pub fn caseload(&self, today: Day) -> Result<CaseloadView> {
        let (mut rows, left_out) = self.with(|conn, keys| {
            storage::lease::check_lists(conn)?;
            let indexed = storage::indexes::ensure::<Goal>(conn, keys)?;
            let clients_indexed = storage::indexes::ensure::<Client>(conn, keys)?;
            let plans_indexed = storage::indexes::ensure::<Plan>(conn, keys)?;
            let visits_indexed = !storage::indexes::bypassed()
                && storage::indexes::ensure::<activity::Activity>(conn, keys)?;
            storage::tolerant(|| {
                let clients = client::summaries(conn, keys, clients_indexed)?;
                let visits = activity::scheduled_between(
                    conn,
                    keys,
                    today,
                    NEXT_VISIT_DAYS,
                    visits_indexed,
                )?;
                let follow_ups = activity::open_follow_ups(conn, keys)?;
                // Plans and goals of every client in two queries, not two per client.
                let mut plans = plan::reviews_by_client(conn, keys, plans_indexed)?;
                let mut all_goals = plan::active_goals_by_client(conn, keys, indexed)?;
                let mut rows = Vec::with_capacity(clients.len());
                // Most rows say "Active" (its label does not name the day): worded once, not once
                // per client.
                let mut active: Option<String> = None;
                for (id, c) in clients {
                    let review = plans.remove(&id).map(|(_, day)| day);
                    let goals = all_goals.remove(&id).unwrap_or_default();
                    let mut due = plan_due_items(review, &goals);
                    if let Some(v) = visits.iter().find(|v| v.client_id == id) {
                        due.push(Due {
                            on: v.day,
                            kind: DueKind::Visit,
                            label: Label::Visit(v),
                        });
                    }
                    due.extend(
                        follow_ups
                            .iter()
                            .filter(|f| f.client_id == id)
                            .map(|f| Due {
                                on: f.due,
                                kind: DueKind::FollowUp,
                                label: Label::FollowUp(&f.what),
                            }),
                    );
                    let next_due = due
                        .into_iter()
                        .min_by_key(|d| (d.on, d.kind))
                        .map(|d| d.worded(today));
                    rows.push(CaseloadRow {
                        status_label: match c.status {
                            ClientStatus::Active { .. } => active
                                .get_or_insert_with(|| status_label(&c.status))
                                .clone(),
                            _ => status_label(&c.status),
                        },
                        active_goals: goals.len() as u32,
                        next_due,
                        client_id: id,
                        preferred_name: c.preferred_name,
                        pronouns: c.pronouns,
                        status: c.status,
                    });
                }
                Ok(rows)
            })
        })?;
        rows.sort_by_cached_key(|r| {
            (
                !matches!(r.status, ClientStatus::Active { .. }),
                r.next_due
                    .as_ref()
                    .map_or(Day(chrono::NaiveDate::MAX), |d| d.on),
                r.preferred_name.to_lowercase(),
                r.client_id.clone(),
            )
        });
        Ok(CaseloadView {
            rows,
            unreadable: unreadable(left_out),
        })
    }
}
