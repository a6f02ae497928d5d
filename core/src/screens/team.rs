//! The team as people: who is who (display names each phone writes for its own member, since the
//! team log and the relay never carry a name), their roles and devices, what a supervisor asks of
//! a worker, and what a worker sends their supervisors (a request for supervision, one debrief
//! entry they chose to share). Who may write what is decided here from the verified team log.

use alongside_wire::{Id16, MemberId, Role};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

use crate::crypto::Keys;
use crate::domain::client::Client;
use crate::domain::team::{self, TeamRequest};
use crate::error::{Error, NotAllowedReason, Result, Rule};
use crate::storage;
use crate::sync::roster::{self, Roster};
use crate::sync::SyncTransport;
use crate::time::{Day, Timestamp};
use crate::vault::WorkerSession;
use crate::words::{say, word, worker_lang, Arg};

/// One device of a member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TeamDevice {
    /// The device's key, shortened to its first characters (as review items show it).
    pub device: String,
    /// Whether it is this phone.
    pub this_phone: bool,
    /// Whether it was cut off (a lost phone, or its member left).
    pub removed: bool,
    /// When it last reached the relay; none when never, or when this phone may not know (only
    /// admins are told).
    pub last_seen: Option<Timestamp>,
    /// The last change it acknowledged (the relay's sequence), when known.
    pub acked_seq: Option<u64>,
    /// "Last seen 2026-03-02 09:10 UTC", "Cut off", "Last seen: known to admins only".
    pub status_label: String,
}

/// A member of the team as a screen shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TeamMember {
    /// The member id (the team log's), for `team_ask`.
    pub member_id: String,
    /// Their display name, or "Unnamed member" until their phone sets one.
    pub name: String,
    /// Whether their phone has set a name.
    pub named: bool,
    /// Whether this is this phone's own member.
    pub is_me: bool,
    /// Whether they are an admin of the team (team lead or supervisor).
    pub admin: bool,
    /// Their role, worded.
    pub role_label: String,
    /// Whether they left the team.
    pub removed: bool,
    /// Their devices.
    pub devices: Vec<TeamDevice>,
    /// Clients they work with: those the team log assigns to them, and where it assigns a client
    /// to nobody, those whose record their devices created.
    pub clients: u32,
    /// Clients they cover for a colleague today (not counted in `clients`).
    pub covering: u32,
    /// The soonest day a cover of theirs ends (the day access stops), when they cover any.
    pub covering_until: Option<Day>,
    /// "Worker · 2 devices · 12 clients · covering 2 until 9 December", with "left the team" when
    /// they did.
    pub summary: String,
}

/// Something a supervisor asked of a worker, as both their phones show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TeamRequestRow {
    /// The request, for `team_request_done`.
    pub id: String,
    /// The worker asked.
    pub member_id: String,
    /// Their name.
    pub member_name: String,
    /// Who asked.
    pub asked_by: String,
    /// Their name.
    pub asked_by_name: String,
    /// The client it is about, if any.
    pub client_id: Option<String>,
    /// That client's preferred name (empty when this phone does not hold them).
    pub client_name: Option<String>,
    /// What is asked, in the supervisor's words.
    pub text: String,
    /// The day it is wanted by.
    pub due: Option<Day>,
    /// When it was asked.
    pub asked: Timestamp,
    /// Whether the worker marked it done.
    pub done: bool,
    /// "Done", "Wanted by 2026-03-04", "Open".
    pub status_label: String,
    /// "Asked by Dana: Call the GP about Sam's letter", in the reader's language.
    pub summary: String,
}

/// This phone's place in the team, or `NotFound` when it is in none (or not added yet).
pub(crate) fn roster_of(conn: &Connection, keys: &Keys) -> Result<Roster> {
    roster::roster(conn, keys)?.ok_or_else(|| Error::not_found("team", "this vault"))
}

/// An admin's roster, or the error saying only admins may.
pub(crate) fn admin_roster(conn: &Connection, keys: &Keys, field: &str) -> Result<Roster> {
    let r = roster_of(conn, keys)?;
    if !r.admin() {
        return Err(Error::not_allowed(field, NotAllowedReason::NotTeamAdmin));
    }
    Ok(r)
}

/// An active member named by `text`.
fn member_arg(r: &Roster, field: &str, text: &str) -> Result<MemberId> {
    let id = Id16::from_text(text.trim()).ok_or_else(|| {
        Error::invalid(
            field,
            Rule::Format {
                expected: "a team member id".into(),
            },
        )
    })?;
    match r.state.members.get(&id) {
        Some(m) if !m.removed => Ok(id),
        _ => Err(Error::not_allowed(field, NotAllowedReason::NoSuchMember)),
    }
}

/// Display names by member id, with the worded stand-in for those without one.
pub(crate) struct Names(HashMap<String, String>);

impl Names {
    pub(crate) fn load(conn: &Connection, keys: &Keys) -> Result<Names> {
        Ok(Names(team::names(conn, keys)?))
    }

    pub(crate) fn of(&self, member: &str) -> String {
        self.0
            .get(member)
            .cloned()
            .unwrap_or_else(|| word(worker_lang(), "team-unnamed"))
    }
}

/// A role, worded.
pub(crate) fn role_label(role: Role) -> String {
    word(
        worker_lang(),
        match role {
            Role::Lead => "team-role-lead",
            Role::Supervisor => "team-role-supervisor",
            Role::Worker => "team-role-worker",
        },
    )
}

fn short(device: &alongside_wire::DeviceId) -> String {
    device.to_text().chars().take(8).collect()
}

/// A day as the team log counts it (days since 1970-01-01), as a calendar day.
fn log_day(days: u32) -> Option<Day> {
    Day::from_ymd(1970, 1, 1).map(|d| d.add_days(i64::from(days)))
}

/// "9 December" in the reader's language.
fn day_and_month(day: Day) -> String {
    let text = day.to_string();
    let mut parts = text.split('-').skip(1);
    let month = parts
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(1);
    let d = parts
        .next()
        .and_then(|d| d.parse::<u32>().ok())
        .unwrap_or(1);
    say(
        worker_lang(),
        "team-day-month",
        &[
            ("day", Arg::from(d)),
            (
                "month",
                Arg::from(word(worker_lang(), &format!("month-{month}"))),
            ),
        ],
    )
}

/// What the relay said of the team's devices.
enum Seen {
    /// Its answer (none on a worker's phone: the relay tells admins only).
    Told(Option<alongside_wire::DevicesResponse>),
    /// It could not be reached.
    Unreachable,
}

fn members(conn: &Connection, keys: &Keys, r: &Roster, seen: &Seen) -> Result<Vec<TeamMember>> {
    let (told, unreachable) = match seen {
        Seen::Told(t) => (t.as_ref(), false),
        Seen::Unreachable => (None, true),
    };
    let lang = worker_lang();
    let names = Names::load(conn, keys)?;
    let held = storage::list::<Client>(conn, keys)?;
    let caseloads = roster::caseloads(conn, keys, r, held.iter().map(|c| c.id.as_str()))?;
    let mut out = Vec::new();
    for (id, m) in &r.state.members {
        let member_id = id.to_text();
        let devices: Vec<TeamDevice> = r
            .state
            .devices
            .iter()
            .filter(|(_, d)| d.member == *id)
            .map(|(dev, d)| {
                let info = told.and_then(|s| s.devices.iter().find(|i| i.device == *dev));
                let last_seen = info
                    .and_then(|i| i.last_seen_ms)
                    .and_then(|ms| Timestamp::from_millis(i64::try_from(ms).ok()?));
                let status_label = if d.removed {
                    word(lang, "team-device-removed")
                } else if unreachable {
                    word(lang, "team-device-unreachable")
                } else if told.is_none() {
                    word(lang, "team-device-admins-only")
                } else {
                    match last_seen {
                        Some(t) => say(lang, "team-device-seen", &[("when", t.to_string().into())]),
                        None => word(lang, "team-device-never"),
                    }
                };
                TeamDevice {
                    device: short(dev),
                    this_phone: *dev == r.device,
                    removed: d.removed,
                    last_seen,
                    acked_seq: info.map(|i| i.acked_seq),
                    status_label,
                }
            })
            .collect();
        let n = caseloads.assigned.get(id).copied().unwrap_or(0);
        let (covering, until) = caseloads.covering.get(id).copied().unwrap_or((0, 0));
        let covering_until = (covering > 0).then(|| log_day(until)).flatten();
        let role = role_label(m.role);
        let mut summary = say(
            lang,
            "team-member-summary",
            &[
                ("role", Arg::from(role.clone())),
                ("devices", Arg::from(devices.len())),
                ("clients", Arg::from(n as usize)),
            ],
        );
        if let Some(day) = covering_until {
            summary = say(
                lang,
                "team-member-covering",
                &[
                    ("summary", Arg::from(summary)),
                    ("count", Arg::from(covering)),
                    ("until", Arg::from(day_and_month(day))),
                ],
            );
        }
        if m.removed {
            summary = say(lang, "team-member-left", &[("summary", summary.into())]);
        }
        out.push(TeamMember {
            named: names.0.contains_key(&member_id),
            name: names.of(&member_id),
            is_me: *id == r.me,
            admin: m.role.is_admin(),
            role_label: role,
            removed: m.removed,
            devices,
            clients: n,
            covering,
            covering_until,
            summary,
            member_id,
        });
    }
    // Active members first, then by name.
    out.sort_by_cached_key(|m| (m.removed, m.name.to_lowercase(), m.member_id.clone()));
    Ok(out)
}

/// Requests as rows, open ones first (soonest wanted first), then done ones, newest first.
pub(crate) fn request_rows(
    conn: &Connection,
    keys: &Keys,
    requests: Vec<TeamRequest>,
) -> Result<Vec<TeamRequestRow>> {
    let lang = worker_lang();
    let names = Names::load(conn, keys)?;
    let mut rows: Vec<TeamRequestRow> = Vec::new();
    for q in requests {
        let client_name = match &q.about_client {
            Some(c) => Some(
                storage::find::<Client>(conn, keys, c)?
                    .map_or_else(String::new, |s| s.value.preferred_name),
            ),
            None => None,
        };
        let status_label = match (q.done, q.due) {
            (Some(_), _) => word(lang, "team-request-done"),
            (None, Some(d)) => say(lang, "team-request-due", &[("day", d.to_string().into())]),
            (None, None) => word(lang, "team-request-open"),
        };
        let asked_by_name = names.of(&q.asked_by);
        let summary = say(
            lang,
            "team-request-summary",
            &[
                ("name", Arg::from(asked_by_name.clone())),
                ("text", Arg::from(q.text.clone())),
            ],
        );
        rows.push(TeamRequestRow {
            member_name: names.of(&q.staff_member),
            asked_by_name,
            member_id: q.staff_member,
            asked_by: q.asked_by,
            client_id: q.about_client,
            client_name,
            text: q.text,
            due: q.due,
            asked: q.asked,
            done: q.done.is_some(),
            status_label,
            summary,
            id: q.id,
        });
    }
    rows.sort_by_cached_key(|q| {
        (
            q.done,
            q.due.is_none(),
            q.due,
            std::cmp::Reverse(q.asked),
            q.id.clone(),
        )
    });
    Ok(rows)
}

/// The open requests asked of this phone's member (for Today); none outside a team.
pub(crate) fn my_open_requests(conn: &Connection, keys: &Keys) -> Result<Vec<TeamRequestRow>> {
    let Some(r) = roster::roster(conn, keys)? else {
        return Ok(Vec::new());
    };
    let me = r.me.to_text();
    let mine = team::requests(conn, keys)?
        .into_iter()
        .filter(|q| q.staff_member == me && q.done.is_none())
        .collect();
    request_rows(conn, keys, mine)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Set the name the team knows this phone's member by (required, one line, at most 80
    /// characters). Sealed for the team; the relay never sees it. Fails with `Invalid` (`name`),
    /// `NotFound` (the vault is in no team, or not added to it yet), and the errors every call has
    /// (see `WorkerSession`).
    pub fn team_set_name(&self, name: String) -> Result<()> {
        self.write(|tx, keys| {
            let r = roster_of(tx, keys)?;
            team::set_name(tx, keys, &r.me.to_text(), &name).map(|_| ())
        })
    }

    /// The team's members with their names, roles, devices and how many clients each works with,
    /// active members first. An admin's phone asks the relay when each device was last seen
    /// (through `transport`); a worker's phone lists members without it. Fails with `NotFound`
    /// (the vault is in no team, or not added to it yet), `Sync` (an admin's phone could not
    /// reach the relay), and the errors every call has (see `WorkerSession`).
    pub fn team_members(&self, transport: Arc<dyn SyncTransport>) -> Result<Vec<TeamMember>> {
        self.with(|c, k| roster_of(c, k).map(|_| ()))?;
        // Offline, the members still show; each device says the server could not be asked.
        let seen = match roster::devices_seen(self, transport.as_ref()) {
            Ok(seen) => Seen::Told(seen),
            Err(Error::Sync { .. }) => Seen::Unreachable,
            Err(e) => return Err(e),
        };
        self.with(|c, k| {
            let r = roster_of(c, k)?;
            members(c, k, &r, &seen)
        })
    }

    /// Ask a worker to do something (admins only): `member_id` from `team_members`, an optional
    /// client, the text (required, at most 5,000 characters) and an optional day it is wanted by.
    /// Sealed in that worker's own keyspace (for them and the team's admins). Fails with
    /// `Invalid` (`member_id`, `client_id`, `text`; `member_id` not allowed when the team has no
    /// such active member; any field when this phone is not an admin's), `NotFound` (no team, no
    /// such client), and the errors every call has (see `WorkerSession`).
    pub fn team_ask(
        &self,
        member_id: String,
        client_id: Option<String>,
        text: String,
        due: Option<Day>,
    ) -> Result<TeamRequestRow> {
        self.write(|tx, keys| {
            let r = admin_roster(tx, keys, "member_id")?;
            let member = member_arg(&r, "member_id", &member_id)?;
            let q = team::ask(
                tx,
                keys,
                &r.me.to_text(),
                &member.to_text(),
                client_id,
                &text,
                due,
            )?;
            Ok(request_rows(tx, keys, vec![q])?.remove(0))
        })
    }

    /// What supervisors asked: on an admin's phone every request it holds, on a worker's those
    /// asked of them; open ones first. Fails with `NotFound` (no team), and the errors every call
    /// has (see `WorkerSession`).
    pub fn team_requests(&self) -> Result<Vec<TeamRequestRow>> {
        self.with(|c, k| {
            let r = roster_of(c, k)?;
            let me = r.me.to_text();
            let all = team::requests(c, k)?
                .into_iter()
                .filter(|q| r.admin() || q.staff_member == me)
                .collect();
            request_rows(c, k, all)
        })
    }

    /// Mark a request made of this phone's member done; the supervisor sees it after both phones
    /// sync. Fails with `Invalid` (`id`: not a request id, or asked of someone else), `NotFound`
    /// (no team, no such request), and the errors every call has (see `WorkerSession`).
    pub fn team_request_done(&self, id: String) -> Result<TeamRequestRow> {
        self.write(|tx, keys| {
            let r = roster_of(tx, keys)?;
            let q = team::request_done(tx, keys, &r.me.to_text(), &id)?;
            Ok(request_rows(tx, keys, vec![q])?.remove(0))
        })
    }

    /// Ask the team's supervisors for a supervision session, with the topics to raise if wished
    /// (at most 5,000 characters). Sealed in this member's own keyspace (for them and the
    /// admins). Fails with `Invalid` (`topics`), `NotFound` (no team), and the errors every call
    /// has (see `WorkerSession`).
    pub fn supervision_request(&self, topics: Option<String>) -> Result<()> {
        self.write(|tx, keys| {
            let r = roster_of(tx, keys)?;
            team::request_supervision(tx, keys, &r.me.to_text(), topics).map(|_| ())
        })
    }

    /// Share one debrief entry with the team's supervisors: a copy of its day, occasion, score
    /// and words, sealed in this member's own keyspace (for them and the admins). The debrief
    /// itself stays private and on this phone; sharing again updates the copy. Fails with
    /// `Invalid` (`debrief_id`), `NotFound` (no team, no such debrief), and the errors every call
    /// has (see `WorkerSession`).
    pub fn debrief_share(&self, debrief_id: String) -> Result<()> {
        self.write(|tx, keys| {
            let r = roster_of(tx, keys)?;
            team::share_debrief(tx, keys, &r.me.to_text(), &debrief_id).map(|_| ())
        })
    }
}
