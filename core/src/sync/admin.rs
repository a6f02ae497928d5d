//! An admin's changes to who holds what: each a list of steps appended to the team log, with the
//! keyspaces that lost a holder rotated to a fresh key. When another admin's entry takes the
//! log's next index first, the phone reads the log again, checks its entries against it, signs
//! them at the new index and sends them again.

use alongside_wire::{
    AppendLogRequest, AppendLogResponse, KeyspaceId, LogAction, SignedLogEntry, TeamState,
};
use std::collections::BTreeSet;

use super::holders;
use super::link::{code_of_error, failed, Link};
use super::local::{self, Keyspace, Team};
use crate::crypto::random_bytes;
use crate::error::{Error, NotAllowedReason, Result};
use crate::storage;
use crate::vault::WorkerSession;

/// One step of an admin's change.
#[derive(Clone, Debug)]
pub enum Step {
    /// An entry as it is.
    Entry(LogAction),
    /// Move a keyspace to a fresh key at the next epoch (whatever the epoch is by then).
    Rotate(KeyspaceId),
}

/// Refuse a phone that is not an active admin's.
pub fn require_admin(team: &Team, state: &TeamState) -> Result<()> {
    if state.is_admin_device(&team.device()?) {
        Ok(())
    } else {
        Err(Error::not_allowed("team", NotAllowedReason::NotTeamAdmin))
    }
}

/// The keyspaces held here whose holders' active devices lose one when `actions` apply: each
/// is rotated so that what is written after stays with the remaining holders.
pub fn losing(
    session: &WorkerSession,
    team: &Team,
    state: &TeamState,
    actions: &[LogAction],
) -> Result<Vec<KeyspaceId>> {
    let today = holders::today();
    let mut after = state.clone();
    for action in actions {
        let entry = super::teamlog::sign_entry(team, &after, action.clone())?;
        after.apply(&entry).map_err(|r| Error::Sync {
            detail: r.to_string(),
        })?;
    }
    let all = session.with(|c, k| storage::list::<Keyspace>(c, k))?;
    Ok(all
        .iter()
        .filter(|k| {
            let before: BTreeSet<_> = state
                .devices_of(&holders::holders(state, k, &team.team_keyspace, today))
                .into_iter()
                .collect();
            let now: BTreeSet<_> = after
                .devices_of(&holders::holders(&after, k, &team.team_keyspace, today))
                .into_iter()
                .collect();
            !before.is_subset(&now)
        })
        .map(|k| k.keyspace)
        .collect())
}

fn send(link: &Link<'_>, team: &Team, entry: &SignedLogEntry) -> Result<bool> {
    match link.post::<_, AppendLogResponse>(
        &format!("/v1/teams/{}/log", team.team),
        &AppendLogRequest {
            entry: entry.clone(),
        },
    ) {
        Ok(_) => Ok(true),
        Err(e) if code_of_error(&e) == Some("log_conflict") => Ok(false),
        Err(e) => Err(e),
    }
}

/// Keep the next epoch's key before its entry goes out; returns the entry's action.
fn prepare_rotation(
    session: &WorkerSession,
    state: &TeamState,
    keyspace: &KeyspaceId,
) -> Result<Option<LogAction>> {
    let epoch = state.epoch(keyspace) + 1;
    let row = local::keyspace_row(keyspace);
    let found = session.write(|tx, keys| {
        let Some(mut k) = storage::find::<Keyspace>(tx, keys, &row)?.map(|s| s.value) else {
            return Ok(false);
        };
        if k.next_key.is_none_or(|(e, _)| e != epoch) {
            k.next_key = Some((epoch, random_bytes()?));
            storage::put(tx, keys, &k)?;
        }
        Ok(true)
    })?;
    Ok(found.then_some(LogAction::RotateKeyspace {
        keyspace: *keyspace,
        epoch,
    }))
}

/// Take up the key of a rotation this phone appended to the log (and forget one another admin's
/// rotation made useless: that admin's phone grants its key).
pub fn settle_rotations(session: &WorkerSession, team: &Team, state: &TeamState) -> Result<()> {
    let me = team.device()?;
    let mine = |keyspace: &KeyspaceId, epoch: u64| {
        team.log.iter().any(|e| {
            e.entry.author == me
                && e.entry.action
                    == LogAction::RotateKeyspace {
                        keyspace: *keyspace,
                        epoch,
                    }
        })
    };
    session.write(|tx, keys| {
        for mut k in storage::list::<Keyspace>(tx, keys)? {
            let Some((epoch, key)) = k.next_key else {
                continue;
            };
            if state.epoch(&k.keyspace) < epoch {
                continue;
            }
            if mine(&k.keyspace, epoch) && !k.keys.contains_key(&epoch) {
                k.keys.insert(epoch, key);
                // Every holder gets the new key (and the history) at this sync.
                k.granted.clear();
            }
            k.next_key = None;
            storage::put(tx, keys, &k)?;
        }
        Ok(())
    })
}

/// Append the steps to the log, re-basing on another admin's entries as needed; returns how many
/// times it did.
pub fn append(
    session: &WorkerSession,
    link: &Link<'_>,
    team: &mut Team,
    state: &mut TeamState,
    steps: Vec<Step>,
) -> Result<u32> {
    let mut conflicts = 0;
    let mut left = steps.into_iter().collect::<std::collections::VecDeque<_>>();
    while let Some(step) = left.front().cloned() {
        let action = match &step {
            Step::Entry(a) => a.clone(),
            Step::Rotate(ks) => match prepare_rotation(session, state, ks)? {
                Some(a) => a,
                None => {
                    left.pop_front();
                    continue;
                }
            },
        };
        let entry = super::teamlog::sign_entry(team, state, action)?;
        // Checked here first: a rule another admin's entry now breaks is a refusal, not a retry.
        let mut next = state.clone();
        next.apply(&entry)
            .map_err(|r| failed(format!("team log: {r}")))?;
        if send(link, team, &entry)? {
            *state = next;
            team.log.push(entry);
            super::teamlog::save(session, team)?;
            if matches!(step, Step::Rotate(_)) {
                settle_rotations(session, team, state)?;
            }
            left.pop_front();
        } else {
            conflicts += 1;
            if conflicts > 20 {
                return Err(failed("team log: too many concurrent changes"));
            }
            *state = super::teamlog::pull_log(link, team)?;
            super::teamlog::save(session, team)?;
            settle_rotations(session, team, state)?;
        }
    }
    Ok(conflicts)
}
