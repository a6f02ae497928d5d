//! Who is who on the team, for the screens above: this phone's member, each member's role and
//! devices from the verified team log, which member wrote a record (the device that signed its
//! first revision, and that device's member in the log), and when the relay last saw each device.

use alongside_wire::{DeviceId, DevicesResponse, MemberId, TeamState};
use rusqlite::Connection;
use std::collections::HashMap;

use super::link::Link;
use super::local::{self, Team};
use super::SyncTransport;
use crate::crypto::Keys;
use crate::error::Result;
use crate::vault::WorkerSession;

/// The team as this phone's verified log has it, and this phone's place in it.
pub struct Roster {
    /// The verified state of the team log.
    pub state: TeamState,
    /// This phone's device.
    pub device: DeviceId,
    /// This phone's member.
    pub me: MemberId,
}

impl Roster {
    /// Whether this phone's member is an active admin (team lead or supervisor).
    pub fn admin(&self) -> bool {
        self.state.is_admin_device(&self.device)
    }

    /// The member a device belongs to.
    pub fn member_of(&self, device: &DeviceId) -> Option<MemberId> {
        self.state.devices.get(device).map(|d| d.member)
    }
}

fn roster_of(team: &Team) -> Result<Option<Roster>> {
    let state = team.state()?;
    let device = team.device()?;
    Ok(state
        .devices
        .get(&device)
        .map(|d| d.member)
        .map(|me| Roster {
            me,
            device,
            state: state.clone(),
        }))
}

/// The roster, once the vault is in a team and the log names this device.
pub fn roster(conn: &Connection, keys: &Keys) -> Result<Option<Roster>> {
    match local::team(conn, keys)? {
        Some(team) if !team.log.is_empty() => roster_of(&team),
        _ => Ok(None),
    }
}

/// The member who wrote a record: the author of its first revision as this phone knows it; a
/// record never shared yet was written here, so it is this phone's member's.
pub fn author(
    conn: &Connection,
    keys: &Keys,
    roster: &Roster,
    local_id: &str,
) -> Result<Option<MemberId>> {
    Ok(match local::first_author_by_local(conn, keys, local_id)? {
        None => Some(roster.me),
        Some(first) => first.and_then(|d| roster.member_of(&d)),
    })
}

/// Who works with the clients this phone holds.
#[derive(Default)]
pub struct Caseloads {
    /// Clients per member: those the log assigns to them, and where it assigns a client to
    /// nobody, those whose record their device created.
    pub assigned: HashMap<MemberId, u32>,
    /// Clients each member covers today, and the soonest day a cover of theirs ends (days since
    /// 1970-01-01, as the log counts them).
    pub covering: HashMap<MemberId, (u32, u32)>,
}

/// Each client's keyspace, by local client id.
fn client_keyspaces(
    conn: &Connection,
    keys: &Keys,
) -> Result<HashMap<String, alongside_wire::KeyspaceId>> {
    Ok(crate::storage::list::<local::Keyspace>(conn, keys)?
        .into_iter()
        .filter_map(|k| Some((k.client?, k.keyspace)))
        .collect())
}

/// Who works with a client: the active members the log assigns it to, or where it assigns it to
/// nobody, the member whose device created its record.
fn workers(
    conn: &Connection,
    keys: &Keys,
    roster: &Roster,
    keyspaces: &HashMap<String, alongside_wire::KeyspaceId>,
    client: &str,
) -> Result<Vec<MemberId>> {
    let state = &roster.state;
    Ok(
        match keyspaces.get(client).and_then(|k| state.assignments.get(k)) {
            Some(members) => members
                .iter()
                .filter(|m| state.is_active_member(m))
                .copied()
                .collect(),
            None => author(conn, keys, roster, client)?.into_iter().collect(),
        },
    )
}

/// Who works with each of `clients` (local client ids), as `workers` decides it.
pub fn workers_of<'a>(
    conn: &Connection,
    keys: &Keys,
    roster: &Roster,
    clients: impl IntoIterator<Item = &'a str>,
) -> Result<HashMap<String, Vec<MemberId>>> {
    let keyspaces = client_keyspaces(conn, keys)?;
    clients
        .into_iter()
        .map(|c| Ok((c.to_string(), workers(conn, keys, roster, &keyspaces, c)?)))
        .collect()
}

/// Who works with each of `clients` (local client ids), from the log's assignments and the
/// covers running today (by the sync engine's clock).
pub fn caseloads<'a>(
    conn: &Connection,
    keys: &Keys,
    roster: &Roster,
    clients: impl IntoIterator<Item = &'a str>,
) -> Result<Caseloads> {
    let state = &roster.state;
    let keyspaces = client_keyspaces(conn, keys)?;
    let today = super::holders::today();
    let mut out = Caseloads::default();
    for client in clients {
        for m in workers(conn, keys, roster, &keyspaces, client)? {
            *out.assigned.entry(m).or_insert(0) += 1;
        }
        let covers = keyspaces.get(client).and_then(|k| state.covers.get(k));
        for (m, until) in covers.into_iter().flatten() {
            if *until > today && state.is_active_member(m) {
                let e = out.covering.entry(*m).or_insert((0, *until));
                e.0 += 1;
                e.1 = e.1.min(*until);
            }
        }
    }
    Ok(out)
}

/// Each device's last contact and acknowledged sequence, as the relay reports them to an admin;
/// none on a worker's phone (the relay answers admins only).
pub fn devices_seen(
    session: &WorkerSession,
    transport: &dyn SyncTransport,
) -> Result<Option<DevicesResponse>> {
    let Some(team) = session.with(|c, k| local::team(c, k))? else {
        return Ok(None);
    };
    if !roster_of(&team)?.is_some_and(|r| r.admin()) {
        return Ok(None);
    }
    let mut link = Link::new(transport, &team.server);
    super::teamlog::sign_in(&mut link, &team)?;
    link.get(&format!("/v1/teams/{}/devices", team.team))
        .map(Some)
}
