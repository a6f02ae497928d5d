//! An admin's calls that change who holds what (assign, cover, remove, role, lease): each signs
//! its entries, rotates the keyspaces that lose a holder, and ends with a sync that grants the new
//! keys.

use alongside_wire::{Id16, LogAction, Role, TeamState};

use super::admin::{self, Step};
use super::engine::{sync, SyncReport};
use super::holders;
use super::link::Link;
use super::local::{Keyspace, Team};
use super::teamlog::{load, pull_log, save, sign_in};
use super::SyncTransport;
use crate::error::{Error, Result};
use crate::storage;
use crate::vault::WorkerSession;

/// Sign in and read the log for an admin's change; refuse a phone that is not an admin's.
fn admin_start<'a>(
    session: &WorkerSession,
    t: &'a dyn SyncTransport,
) -> Result<(Team, Link<'a>, TeamState)> {
    let mut team = load(session)?;
    let mut link = Link::new(t, &team.server);
    sign_in(&mut link, &team)?;
    let state = pull_log(&link, &mut team)?;
    save(session, &team)?;
    admin::settle_rotations(session, &team, &state)?;
    admin::require_admin(&team, &state)?;
    Ok((team, link, state))
}

/// Append an admin's entries, rotate every keyspace they take a holder from, then sync (the new
/// keys reach the remaining holders).
fn change(
    session: &WorkerSession,
    t: &dyn SyncTransport,
    build: impl FnOnce(&WorkerSession, &Team, &TeamState) -> Result<Vec<LogAction>>,
) -> Result<SyncReport> {
    let (mut team, link, mut state) = admin_start(session, t)?;
    let actions = build(session, &team, &state)?;
    let mut steps: Vec<Step> = Vec::new();
    for ks in admin::losing(session, &team, &state, &actions)? {
        steps.push(Step::Rotate(ks));
    }
    let mut all: Vec<Step> = actions.into_iter().map(Step::Entry).collect();
    all.extend(steps);
    let rebased = admin::append(session, &link, &mut team, &mut state, all)?;
    let mut report = sync(session, t)?;
    report.rebased += rebased;
    Ok(report)
}

fn member_arg(state: &TeamState, text: &str) -> Result<alongside_wire::MemberId> {
    Id16::from_text(text.trim())
        .filter(|m| state.is_active_member(m))
        .ok_or_else(|| Error::not_found("member", text))
}

fn client_keyspace(session: &WorkerSession, client: &str) -> Result<Keyspace> {
    session
        .with(|c, k| storage::list::<Keyspace>(c, k))?
        .into_iter()
        .find(|k| k.client.as_deref() == Some(client))
        .ok_or_else(|| Error::not_found("client", client))
}

/// Assign a client to a member; with `remove_previous`, the members assigned before lose it
/// (and its key moves on without them).
pub fn assign(
    session: &WorkerSession,
    client: &str,
    member: &str,
    remove_previous: bool,
    t: &dyn SyncTransport,
) -> Result<SyncReport> {
    change(session, t, |session, _team, state| {
        let member = member_arg(state, member)?;
        let k = client_keyspace(session, client)?;
        let mut actions = Vec::new();
        let mut before: Vec<alongside_wire::MemberId> = state
            .assignments
            .get(&k.keyspace)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default();
        if !state.assignments.contains_key(&k.keyspace) {
            // The implicit holder (who made it) becomes explicit, to keep or to remove.
            if let Some(origin) = k.origin.and_then(|d| state.member_of(&d)) {
                if state.is_active_member(&origin) && origin != member {
                    actions.push(LogAction::AssignKeyspace {
                        keyspace: k.keyspace,
                        member: origin,
                    });
                    before.push(origin);
                }
            }
        }
        if !before.contains(&member) {
            actions.push(LogAction::AssignKeyspace {
                keyspace: k.keyspace,
                member,
            });
        }
        if remove_previous {
            for old in before.into_iter().filter(|m| *m != member) {
                actions.push(LogAction::UnassignKeyspace {
                    keyspace: k.keyspace,
                    member: old,
                });
            }
        }
        Ok(actions)
    })
}

/// Let a member hold clients until a day (the first day without them).
pub fn cover(
    session: &WorkerSession,
    clients: &[String],
    member: &str,
    until: &str,
    t: &dyn SyncTransport,
) -> Result<SyncReport> {
    let day = crate::time::Day::parse("until", until)?;
    let until_day = day
        .0
        .signed_duration_since(chrono::NaiveDate::default())
        .num_days();
    if until_day <= i64::from(holders::today()) {
        return Err(Error::invalid(
            "until",
            crate::error::Rule::NotBefore {
                other: "tomorrow".into(),
            },
        ));
    }
    let until_day = u32::try_from(until_day).map_err(|_| {
        Error::invalid(
            "until",
            crate::error::Rule::Format {
                expected: "a date as YYYY-MM-DD".into(),
            },
        )
    })?;
    change(session, t, |session, _team, state| {
        let member = member_arg(state, member)?;
        let mut actions = Vec::new();
        for client in clients {
            let k = client_keyspace(session, client)?;
            actions.push(LogAction::Cover {
                keyspace: k.keyspace,
                member,
                until_day,
            });
        }
        Ok(actions)
    })
}

/// Cut off a device (a lost phone).
pub fn remove_device(
    session: &WorkerSession,
    device: &str,
    t: &dyn SyncTransport,
) -> Result<SyncReport> {
    change(session, t, |_, _, state| {
        let device = alongside_wire::DeviceId::from_text(device.trim())
            .filter(|d| state.is_active_device(d))
            .ok_or_else(|| Error::not_found("device", device))?;
        Ok(vec![LogAction::RemoveDevice { device }])
    })
}

/// Remove a member (and every device of theirs).
pub fn remove_member(
    session: &WorkerSession,
    member: &str,
    t: &dyn SyncTransport,
) -> Result<SyncReport> {
    change(session, t, |_, _, state| {
        let member = member_arg(state, member)?;
        Ok(vec![LogAction::RemoveMember { member }])
    })
}

/// Change a member's role between worker and supervisor.
pub fn set_role(
    session: &WorkerSession,
    member: &str,
    role: &str,
    t: &dyn SyncTransport,
) -> Result<SyncReport> {
    let role = match role.trim() {
        "supervisor" => Role::Supervisor,
        "worker" => Role::Worker,
        _ => {
            return Err(Error::invalid(
                "role",
                crate::error::Rule::Format {
                    expected: "supervisor or worker".into(),
                },
            ))
        }
    };
    change(session, t, |_, _, state| {
        let member = member_arg(state, member)?;
        Ok(vec![LogAction::SetRole { member, role }])
    })
}

/// Set the team's offline lease (0 turns it off).
pub fn set_lease(session: &WorkerSession, days: u32, t: &dyn SyncTransport) -> Result<SyncReport> {
    change(session, t, |_, _, _| Ok(vec![LogAction::SetLease { days }]))
}
