//! Who is who on the team, for the screens above: this phone's member, each member's role and
//! devices from the verified team log, which member wrote a record (the device that signed its
//! first revision, and that device's member in the log), and when the relay last saw each device.

use alongside_wire::{DeviceId, DevicesResponse, MemberId, TeamState};
use rusqlite::Connection;

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
