//! Who holds each keyspace's keys: decided from the verified team log, by every phone alike, so
//! a phone grants a key only to its holders and lets go of a client it no longer holds.
//!
//! - the team-wide keyspace: every active member;
//! - a staff member's own keyspace: that member and the admins;
//! - a client's keyspace: the admins, the members the log assigns it to, the members covering
//!   it until their cover's day (by this phone's clock), and, while the log assigns it to
//!   nobody, the member whose device made it (the worker who recorded the client first) or,
//!   when an admin's phone made it, every member (as before holders were decided).

use alongside_wire::{MemberId, TeamState};
use std::collections::BTreeSet;

use super::local::Keyspace;
use crate::time::Timestamp;

/// Now, as the sync engine sees it.
pub fn now() -> Timestamp {
    crate::time::clock_now()
}

/// A day as the team log counts it: days since 1970-01-01 (UTC).
pub fn day_number(t: Timestamp) -> u32 {
    let days = t.millis().div_euclid(86_400_000);
    u32::try_from(days).unwrap_or(0)
}

/// Today, as the team log counts days.
pub fn today() -> u32 {
    day_number(now())
}

fn every_member(state: &TeamState) -> BTreeSet<MemberId> {
    state
        .members
        .iter()
        .filter(|(_, m)| !m.removed)
        .map(|(id, _)| *id)
        .collect()
}

/// The members holding a keyspace on `today`.
pub fn holders(
    state: &TeamState,
    k: &Keyspace,
    team_keyspace: &alongside_wire::KeyspaceId,
    today: u32,
) -> BTreeSet<MemberId> {
    let active = |m: &MemberId| state.is_active_member(m);
    if let Some(staff) = k.staff {
        let mut out = state.admins();
        if active(&staff) {
            out.insert(staff);
        }
        return out;
    }
    if k.client.is_none() || k.keyspace == *team_keyspace {
        return every_member(state);
    }
    let mut out = state.admins();
    match state.assignments.get(&k.keyspace) {
        Some(assigned) => out.extend(assigned.iter().filter(|m| active(m))),
        None => match k.origin.and_then(|d| state.member_of(&d)) {
            // A client an admin recorded is the team's, as before holders were decided, until an
            // admin assigns it.
            Some(m) if state.admins().contains(&m) => return every_member(state),
            Some(m) if active(&m) => {
                out.insert(m);
            }
            // A keyspace kept from before holders were decided: shared as it was, with everyone,
            // until an admin assigns it.
            None if k.origin.is_none() => return every_member(state),
            _ => {}
        },
    }
    if let Some(covers) = state.covers.get(&k.keyspace) {
        out.extend(
            covers
                .iter()
                .filter(|(m, until)| **until > today && active(m))
                .map(|(m, _)| *m),
        );
    }
    out
}

/// The covers whose day has come, which an admin's phone ends (rotating the keyspace).
pub fn expired_covers(
    state: &TeamState,
    today: u32,
) -> Vec<(alongside_wire::KeyspaceId, MemberId)> {
    state
        .covers
        .iter()
        .flat_map(|(k, covers)| {
            covers
                .iter()
                .filter(|(_, until)| **until <= today)
                .map(|(m, _)| (*k, *m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alongside_wire::log::{DeviceState, MemberState};
    use alongside_wire::{AgreementKey, DeviceId, Hash32, Id16, KeyspaceId, Role};
    use std::collections::BTreeMap;

    const LEAD: MemberId = Id16([1; 16]);
    const WORKER: MemberId = Id16([2; 16]);
    const OTHER: MemberId = Id16([3; 16]);
    const TEAM_KS: KeyspaceId = Id16([9; 16]);
    const CLIENT_KS: KeyspaceId = Id16([8; 16]);

    fn device(n: u8) -> DeviceId {
        DeviceId([n; 32])
    }

    fn state() -> TeamState {
        let mut s = TeamState {
            team: Id16([0; 16]),
            next_index: 1,
            head: Hash32([0; 32]),
            members: BTreeMap::new(),
            devices: BTreeMap::new(),
            epochs: BTreeMap::new(),
            lease_days: 0,
            assignments: BTreeMap::new(),
            covers: BTreeMap::new(),
        };
        for (m, role, d) in [
            (LEAD, Role::Lead, 1),
            (WORKER, Role::Worker, 2),
            (OTHER, Role::Worker, 3),
        ] {
            s.members.insert(
                m,
                MemberState {
                    role,
                    removed: false,
                },
            );
            s.devices.insert(
                device(d),
                DeviceState {
                    member: m,
                    agreement: AgreementKey([0; 32]),
                    removed: false,
                },
            );
        }
        s
    }

    fn client(origin: Option<u8>) -> Keyspace {
        Keyspace {
            id: "ks".into(),
            keyspace: CLIENT_KS,
            client: Some("c".into()),
            staff: None,
            keys: BTreeMap::new(),
            granted: Vec::new(),
            origin: origin.map(device),
            next_key: None,
        }
    }

    fn set(members: &[MemberId]) -> BTreeSet<MemberId> {
        members.iter().copied().collect()
    }

    #[test]
    fn a_worker_s_client_is_held_by_them_and_the_admins_until_assigned_elsewhere() {
        let mut s = state();
        let k = client(Some(2));
        assert_eq!(holders(&s, &k, &TEAM_KS, 0), set(&[LEAD, WORKER]));
        s.assignments.insert(CLIENT_KS, set(&[OTHER]));
        assert_eq!(holders(&s, &k, &TEAM_KS, 0), set(&[LEAD, OTHER]));
        // A removed member holds nothing.
        s.members.get_mut(&OTHER).unwrap().removed = true;
        assert_eq!(holders(&s, &k, &TEAM_KS, 0), set(&[LEAD]));
    }

    #[test]
    fn a_cover_holds_until_the_start_of_its_day() {
        let mut s = state();
        let k = client(Some(2));
        s.covers
            .insert(CLIENT_KS, BTreeMap::from([(OTHER, 100u32)]));
        assert!(holders(&s, &k, &TEAM_KS, 99).contains(&OTHER));
        assert!(!holders(&s, &k, &TEAM_KS, 100).contains(&OTHER));
        assert_eq!(expired_covers(&s, 100), vec![(CLIENT_KS, OTHER)]);
        assert!(expired_covers(&s, 99).is_empty());
    }

    #[test]
    fn an_admin_s_client_the_team_keyspace_and_older_keyspaces_are_everyone_s() {
        let s = state();
        let all = set(&[LEAD, WORKER, OTHER]);
        assert_eq!(holders(&s, &client(Some(1)), &TEAM_KS, 0), all);
        assert_eq!(holders(&s, &client(None), &TEAM_KS, 0), all);
        let team = Keyspace {
            keyspace: TEAM_KS,
            client: None,
            ..client(Some(2))
        };
        assert_eq!(holders(&s, &team, &TEAM_KS, 0), all);
    }

    #[test]
    fn a_staff_keyspace_is_held_by_its_member_and_the_admins() {
        let s = state();
        let staff = Keyspace {
            client: None,
            staff: Some(WORKER),
            ..client(Some(2))
        };
        assert_eq!(holders(&s, &staff, &TEAM_KS, 0), set(&[LEAD, WORKER]));
    }

    #[test]
    fn a_day_is_counted_from_1970_in_utc() {
        let t: Timestamp = serde_json::from_str("\"1970-01-02T23:59:00Z\"").unwrap();
        assert_eq!(day_number(t), 1);
    }
}
