//! The team row and the team log as every call reads them: load and save the row, sign in to the
//! relay, read and verify the log, sign a new entry.

use alongside_wire::{
    auth_signing_bytes, ChallengeRequest, ChallengeResponse, LogAction, LogEntry, LogResponse,
    SignedLogEntry, TeamState, TokenRequest, TokenResponse,
};

use super::holders;
use super::link::{failed, Link};
use super::local::{self, Team};
use super::seal;
use crate::error::{Error, Result};
use crate::storage;
use crate::vault::WorkerSession;

pub fn now_ms() -> u64 {
    u64::try_from(holders::now().millis()).unwrap_or(0)
}

/// The team row; `NotFound` when the vault is in no team.
pub fn load(session: &WorkerSession) -> Result<Team> {
    session
        .with(|c, k| local::team(c, k))?
        .ok_or_else(|| Error::not_found("team", "this vault"))
}

/// Store the team row.
pub fn save(session: &WorkerSession, team: &Team) -> Result<()> {
    session.write(|tx, k| storage::put(tx, k, team).map(|_| ()))
}

/// Sign an action as the log's next entry.
pub fn sign_entry(team: &Team, state: &TeamState, action: LogAction) -> Result<SignedLogEntry> {
    let pair = seal::signer(&team.signing)?;
    let entry = LogEntry {
        team: team.team,
        index: state.next_index,
        prev: state.head,
        author: team.device()?,
        issued_at_ms: now_ms(),
        action,
    };
    let signature = seal::sign(&pair, &entry.signing_bytes());
    Ok(SignedLogEntry { entry, signature })
}

/// Sign in with the device's key; the link keeps the token.
pub fn sign_in(link: &mut Link<'_>, team: &Team) -> Result<TokenResponse> {
    let device = team.device()?;
    let ch: ChallengeResponse = link.post(
        "/v1/auth/challenge",
        &ChallengeRequest {
            team: team.team,
            device,
        },
    )?;
    let pair = seal::signer(&team.signing)?;
    let bytes = auth_signing_bytes(&ch.server.instance_id, &team.team, &device, &ch.challenge.0);
    let token: TokenResponse = link.post(
        "/v1/auth/token",
        &TokenRequest {
            team: team.team,
            device,
            challenge: ch.challenge,
            signature: seal::sign(&pair, &bytes),
        },
    )?;
    link.token = Some(token.token.clone());
    Ok(token)
}

/// Read the log entries this phone lacks and verify them; refuse a log that does not follow.
pub fn pull_log(link: &Link<'_>, team: &mut Team) -> Result<TeamState> {
    loop {
        let after = team.log.len();
        let page: LogResponse = link.get(&format!("/v1/teams/{}/log?after={after}", team.team))?;
        let mut state = if team.log.is_empty() {
            None
        } else {
            Some(team.state()?)
        };
        for e in &page.entries {
            match state.as_mut() {
                None => {
                    state =
                        Some(TeamState::genesis(e).map_err(|r| failed(format!("team log: {r}")))?)
                }
                Some(s) => s.apply(e).map_err(|r| failed(format!("team log: {r}")))?,
            }
            team.log.push(e.clone());
        }
        let state = state.ok_or_else(|| failed("team log: empty"))?;
        if page.length as usize == team.log.len() && page.head != state.head {
            return Err(failed(
                "team log: the relay's log differs from the verified one",
            ));
        }
        if page.entries.is_empty() || team.log.len() as u64 >= page.length {
            return Ok(state);
        }
    }
}
