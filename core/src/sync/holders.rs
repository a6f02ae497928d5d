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
