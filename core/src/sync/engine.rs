//! One sync, and making or joining a team: the steps in order, each database step one write
//! transaction, the transport called between them (never while the vault's lock is held).

use alongside_wire::{
    chain_next, chain_start, AckRequest, AppendLogRequest, AppendLogResponse, ChangesResponse,
    CreateInviteRequest, CreateTeamRequest, DeviceStatus, Hash32, Id16, InviteCode, JoinRequest,
    JoinResponse, JoinsResponse, LogAction, LogEntry, PushOp, PushOutcome, PushRequest,
    PushResponse, Role, SignedLogEntry, TeamState,
};
use std::collections::BTreeMap;

use super::admin::{self, Step};
use super::holders;
use super::incoming::{self, Applied};
use super::letgo;
use super::link::{code_of_error, failed, Link};
use super::local::{self, Keyspace, Op, Team};
use super::outgoing::with_maker;
use super::refusal::{self, Refusal, RefusedRevision};
use super::seal;
use super::teamlog::{load, now_ms, pull_log, save, sign_entry, sign_in};
use super::SyncTransport;
use crate::crypto::random_bytes;
use crate::error::{Error, Result};
use crate::storage::{self, outbox};
use crate::vault::WorkerSession;

/// What one sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SyncReport {
    /// Revisions this phone sealed for the team in this sync (edits and merges).
    pub pushed: u32,
    /// Revisions from other phones stored here.
    pub received: u32,
    /// Revisions kept aside until their key or client arrives.
    pub parked: u32,
    /// Revisions refused (author not in the verified team, or not opening, verifying or
    /// matching the record they name).
    pub refused: u32,
    /// The first refused revisions (at most 20: a hostile relay could send any number), each
    /// with why; `refused` counts them all.
    pub refused_revisions: Vec<RefusedRevision>,
    /// "Needs review" items open on this phone after the sync.
    pub reviews: u32,
    /// Devices this admin's phone added to the team (they joined with its codes).
    pub admitted: u32,
    /// The relay's history had gone back (a restore): this phone sent its revisions again.
    pub restore_detected: bool,
    /// The phone joined and waits for an admin's phone to add it.
    pub waiting_for_admin: bool,
    /// This device was removed from the team (a lost phone, a member who left): its team data
    /// was erased here; the worker's own corner and settings stay.
    pub removed_from_team: bool,
    /// Clients this phone no longer holds (handed over, a cover ended), erased here once every
    /// change to them had reached the relay.
    pub clients_handed_away: u32,
    /// Revisions sealed before a key rotation reached this phone, sealed again under the new key.
    pub resealed: u32,
    /// Times this admin's phone signed its team log entries again at a later index because
    /// another admin's entry took the index first.
    pub rebased: u32,
}

impl SyncReport {
    /// Count a refused revision, and name it among the first (see [`refusal::REFUSED_NAMED`]).
    fn refuse(
        &mut self,
        rev: &Hash32,
        seq: Option<u64>,
        author: &alongside_wire::DeviceId,
        r: Refusal,
    ) {
        self.refused += 1;
        refusal::name(&mut self.refused_revisions, rev, seq, author, r);
    }
}

/// Most ops in one push (the relay's default limit).
const PUSH_BATCH: usize = 500;
/// Changes asked for per page (the relay's default cap; one transaction each).
const PAGE: u32 = 1000;

/// Start the team on the relay at `server`; this device is its first admin (team lead).
pub fn create(session: &WorkerSession, server: &str, t: &dyn SyncTransport) -> Result<String> {
    if session.with(|c, k| local::team(c, k))?.is_some() {
        return Err(Error::already_exists());
    }
    let (signing, agreement) = seal::new_device_keys()?;
    let device = seal::public_keys(&signing, &agreement)?;
    let team_id = Id16(random_bytes()?);
    let mut team = Team {
        team: team_id,
        server: server.trim_end_matches('/').to_string(),
        signing,
        agreement,
        log: Vec::new(),
        cursor: 0,
        chain: chain_start(&team_id),
        server_info: None,
        team_keyspace: Id16(random_bytes()?),
        invites: Vec::new(),
        resolved: Vec::new(),
        last_sync: None,
        restores_seen: 0,
    };
    let member = Id16(random_bytes()?);
    let genesis = {
        let pair = seal::signer(&team.signing)?;
        let entry = LogEntry {
            team: team_id,
            index: 0,
            prev: Hash32([0; 32]),
            author: device.signing,
            issued_at_ms: now_ms(),
            action: LogAction::CreateTeam {
                member,
                role: Role::Lead,
                device,
            },
        };
        let signature = seal::sign(&pair, &entry.signing_bytes());
        SignedLogEntry { entry, signature }
    };
    let link = Link::new(t, &team.server);
    let _: AppendLogResponse = link.post(
        "/v1/teams",
        &CreateTeamRequest {
            genesis: genesis.clone(),
        },
    )?;
    team.log.push(genesis);
    let keyspace = Keyspace {
        id: local::keyspace_row(&team.team_keyspace),
        keyspace: team.team_keyspace,
        client: None,
        staff: None,
        keys: BTreeMap::from([(0, random_bytes()?)]),
        granted: Vec::new(),
        origin: Some(device.signing),
        next_key: None,
    };
    session.write(|tx, k| {
        storage::put(tx, k, &team)?;
        storage::put(tx, k, &keyspace)?;
        outbox::start(tx)
    })?;
    Ok(team_id.to_text())
}

/// A one-time invite code (the relay's URL, `#`, and the protocol's code text).
pub fn invite(session: &WorkerSession, t: &dyn SyncTransport) -> Result<String> {
    // The relay refuses a device that is not an admin's (`not_admin`).
    let mut team = load(session)?;
    let mut link = Link::new(t, &team.server);
    sign_in(&mut link, &team)?;
    let code = InviteCode::generate(team.team).map_err(|_| Error::random_source())?;
    link.post_only(
        &format!("/v1/teams/{}/invites", team.team),
        &CreateInviteRequest {
            invite_hash: code.lookup_hash(),
            expires_in_secs: 7 * 24 * 3600,
        },
    )?;
    team.invites.push((code.id, code.secret));
    save(session, &team)?;
    Ok(format!("{}#{}", team.server, code.to_text()))
}

/// Join the team of an invite code; the device waits for the admin's phone to add it.
pub fn join(session: &WorkerSession, code: &str, t: &dyn SyncTransport) -> Result<()> {
    if session.with(|c, k| local::team(c, k))?.is_some() {
        return Err(Error::already_exists());
    }
    let bad = || {
        Error::invalid(
            "code",
            crate::error::Rule::Format {
                expected: "an invite code".into(),
            },
        )
    };
    let (server, text) = code.trim().rsplit_once('#').ok_or_else(bad)?;
    let invite = InviteCode::from_text(text).ok_or_else(bad)?;
    let (signing, agreement) = seal::new_device_keys()?;
    let device = seal::public_keys(&signing, &agreement)?;
    let link = Link::new(t, server);
    let _: JoinResponse = link.post(
        "/v1/join",
        &JoinRequest {
            team: invite.team,
            invite: invite.id,
            device,
            proof: invite.proof(&device),
        },
    )?;
    let team = Team {
        team: invite.team,
        server: server.trim_end_matches('/').to_string(),
        signing,
        agreement,
        log: Vec::new(),
        cursor: 0,
        chain: chain_start(&invite.team),
        server_info: None,
        team_keyspace: Id16([0; 16]),
        invites: Vec::new(),
        resolved: Vec::new(),
        last_sync: None,
        restores_seen: 0,
    };
    session.write(|tx, k| {
        storage::put(tx, k, &team)?;
        outbox::start(tx)
    })
}

/// Admit every device that joined with one of this admin's codes and proved it holds the code.
fn admit(
    session: &WorkerSession,
    link: &Link<'_>,
    team: &mut Team,
    state: &mut TeamState,
) -> Result<u32> {
    let joins: JoinsResponse = link.get(&format!("/v1/teams/{}/joins", team.team))?;
    let mut admitted = 0;
    for j in joins.joins {
        let Some(pos) = team.invites.iter().position(|(id, secret)| {
            alongside_wire::invite_hash(&team.team, id) == j.invite_hash
                && alongside_wire::join_proof(secret, &team.team, id, &j.device) == j.proof
        }) else {
            continue;
        };
        if state.devices.contains_key(&j.device.signing) {
            continue;
        }
        let member = Id16(random_bytes()?);
        for action in [
            LogAction::AddMember {
                member,
                role: Role::Worker,
            },
            LogAction::AddDevice {
                member,
                device: j.device,
            },
        ] {
            let entry = sign_entry(team, state, action)?;
            let _: AppendLogResponse = link.post(
                &format!("/v1/teams/{}/log", team.team),
                &AppendLogRequest {
                    entry: entry.clone(),
                },
            )?;
            state
                .apply(&entry)
                .map_err(|r| failed(format!("team log: {r}")))?;
            team.log.push(entry);
        }
        team.invites.remove(pos);
        // Its keys follow in this sync's `grant_missing`.
        save(session, team)?;
        admitted += 1;
    }
    Ok(admitted)
}

/// Turn the outbox's marks into ops (one transaction).
fn prepare(session: &WorkerSession, team: &mut Team, state: &TeamState) -> Result<u32> {
    let mut resolved = team.resolved.clone();
    let made = with_maker(session, team, state, |m| {
        let mut marks = outbox::pending(m.tx)?;
        // A client before what belongs to it, so a phone receiving them in order has the owner.
        marks.sort_by_key(|(_, kind)| kind != "client");
        let mut made = 0;
        for (id, kind) in &marks {
            made += u32::from(m.mark(id, kind, &mut resolved)?);
        }
        m.grant_missing()?;
        // The settled items this sync announced leave the team row in the same transaction.
        let mut t = m.team.clone();
        t.resolved.clone_from(&resolved);
        storage::put(m.tx, m.keys, &t)?;
        Ok(made)
    })?;
    team.resolved = resolved;
    Ok(made)
}

/// Push every op not yet stored by the relay; returns how many it now holds.
fn push(session: &WorkerSession, link: &Link<'_>, team: &Team) -> Result<u32> {
    let ops: Vec<Op> = session
        .with(|c, k| storage::list::<Op>(c, k))?
        .into_iter()
        .filter(|o| o.acked.is_none())
        .collect();
    let mut stored = 0;
    for batch in ops.chunks(PUSH_BATCH) {
        let req = PushRequest {
            ops: batch
                .iter()
                .map(|o| PushOp {
                    op: o.op,
                    envelope: o.envelope.clone(),
                })
                .collect(),
        };
        let resp: PushResponse = link.post(&format!("/v1/teams/{}/push", team.team), &req)?;
        session.write(|tx, keys| {
            for (o, r) in batch.iter().zip(&resp.results) {
                let seq = match r.outcome {
                    PushOutcome::Stored { seq, .. } | PushOutcome::AlreadyStored { seq } => seq,
                    // Kept in the outbox: an epoch rotation is not made by this build yet, and the
                    // other refusals are faults to look into, never a reason to drop a revision.
                    PushOutcome::Refused(_) => continue,
                };
                let mut o = o.clone();
                o.acked = Some(seq);
                storage::put(tx, keys, &o)?;
                stored += 1;
            }
            Ok(())
        })?;
    }
    Ok(stored)
}

/// The relay's history went back: every op of this phone goes out again under its op id, and the
/// phone reads the team's changes again from the start (revisions it knows are skipped).
fn recover(session: &WorkerSession, team: &mut Team) -> Result<()> {
    team.cursor = 0;
    team.chain = chain_start(&team.team);
    team.restores_seen += 1;
    session.write(|tx, keys| {
        for mut o in storage::list::<Op>(tx, keys)? {
            o.acked = None;
            storage::put(tx, keys, &o)?;
        }
        storage::put(tx, keys, &*team).map(|_| ())
    })
}

/// Sync now (see the module's docs).
pub fn sync(session: &WorkerSession, t: &dyn SyncTransport) -> Result<SyncReport> {
    let mut team = load(session)?;
    let mut link = Link::new(t, &team.server);
    let mut report = SyncReport::default();
    let token = match sign_in(&mut link, &team) {
        Err(e) if code_of_error(&e) == Some("device_removed") => {
            session.write(letgo::everything)?;
            report.removed_from_team = true;
            return Ok(report);
        }
        other => other?,
    };
    let mut state = pull_log(&link, &mut team)?;
    save(session, &team)?;
    if token.status == DeviceStatus::Pending {
        report.waiting_for_admin = true;
        return Ok(report);
    }
    let me = team.device()?;
    if state.devices.get(&me).is_some_and(|d| d.removed) {
        session.write(letgo::everything)?;
        report.removed_from_team = true;
        return Ok(report);
    }
    admin::settle_rotations(session, &team, &state)?;
    if state.is_admin_device(&me) {
        report.admitted = admit(session, &link, &mut team, &mut state)?;
        let steps = upkeep(session, &state)?;
        report.rebased = admin::append(session, &link, &mut team, &mut state, steps)?;
    }
    report.pushed += prepare(session, &mut team, &state)?;
    push(session, &link, &team)?;
    // A phone reading from the start (new, or restored) takes its keys first: otherwise it parks
    // every revision until the admin's grants, sent after everything, arrive. The phone that made
    // the team made every key it starts with.
    let founder = team.log.first().is_some_and(|e| e.entry.author == me);
    if team.cursor == 0 && !founder {
        read_grants_first(session, &link, &team, &state)?;
    }
    let mut recovered = false;
    let mut forks = Vec::new();
    loop {
        let page: ChangesResponse = link.get(&format!(
            "/v1/teams/{}/changes?after={}&limit={PAGE}",
            team.team, team.cursor
        ))?;
        let went_back = page.head_seq < team.cursor || page.chain_at_after != Some(team.chain);
        let new_server = team
            .server_info
            .as_ref()
            .is_some_and(|s| s.instance_id != page.server.instance_id);
        if went_back || new_server {
            if recovered {
                return Err(failed("the relay's history does not follow its chain"));
            }
            recovered = true;
            report.restore_detected = true;
            recover(session, &mut team)?;
            team.server_info = Some(page.server.clone());
            push(session, &link, &team)?;
            continue;
        }
        team.server_info = Some(page.server.clone());
        let chain = follow_chain(&team, team.chain, &page)?;
        let next_after = page.next_after;
        team = with_maker(session, &team, &state, |m| {
            let (mut granted, mut stored) = (false, false);
            let envelopes: Vec<_> = page.changes.iter().map(|c| &c.envelope).collect();
            let ahead = incoming::open_ahead(m, &envelopes)?;
            for (c, ahead) in page.changes.iter().zip(ahead) {
                let e = &c.envelope;
                match incoming::apply(m, e, ahead, &mut forks)? {
                    Applied::Stored => {
                        report.received += 1;
                        stored = true;
                    }
                    Applied::Granted => granted = true,
                    Applied::Parked => report.parked += 1,
                    Applied::Refused(why) => report.refuse(&e.rev, Some(c.seq), &e.author, why),
                    Applied::NotForMe => {}
                }
            }
            // Parked revisions wait for a key or their client: only a grant or a stored record
            // can free them. (Retrying after every page was quadratic on a new phone's first
            // sync, which parks everything until the admin's grants, sent last, arrive.)
            if granted || stored {
                let retried = incoming::retry_parked(m, &mut forks)?;
                let settled = retried.stored + retried.refused.len() as u32;
                report.parked = report.parked.saturating_sub(settled);
                report.received += retried.stored;
                for (rev, author, why) in retried.refused {
                    report.refuse(&rev, None, &author, why);
                }
            }
            // The cursor moves with what the page stored, in the same commit.
            let mut team = m.team.clone();
            team.cursor = next_after;
            team.chain = chain;
            storage::put(m.tx, m.keys, &team)?;
            Ok(team)
        })?;
        if !page.more {
            break;
        }
    }
    report.resealed = reseal_stale(session, &team, &state)?;
    if report.resealed > 0 {
        push(session, &link, &team)?;
    }
    if !forks.is_empty() {
        with_maker(session, &team, &state, |m| {
            forks.iter().try_for_each(|r| incoming::resolve_fork(m, r))
        })?;
        report.pushed += push(session, &link, &team)?;
    }
    link.post_only(
        &format!("/v1/teams/{}/ack", team.team),
        &AckRequest { seq: team.cursor },
    )?;
    report.clients_handed_away = let_go(session, &team, &state)?;
    let now = holders::now();
    team.last_sync = Some(now);
    save(session, &team)?;
    let lease = (state.lease_days > 0).then(|| {
        (
            now.millis() + i64::from(state.lease_days) * 86_400_000,
            state.lease_days,
        )
    });
    session.with(|c, _| storage::lease::set(c, lease))?;
    report.reviews = session.with(|c, k| Ok(storage::list::<local::Review>(c, k)?.len() as u32))?;
    Ok(report)
}

/// Check a page's changes against the relay's chain from `chain`; returns the chain after them.
fn follow_chain(team: &Team, mut chain: Hash32, page: &ChangesResponse) -> Result<Hash32> {
    for c in &page.changes {
        chain = chain_next(&chain, c.seq, &c.envelope.rev);
        if chain != c.chain || c.envelope.computed_rev(&team.team) != c.envelope.rev {
            return Err(failed("a change does not follow the relay's chain"));
        }
    }
    Ok(chain)
}

/// Read the key grants addressed to this device from the start, before anything else (one
/// transaction for a page that holds one; those refused are reported by the real pass, which
/// meets them again, so none is counted twice), so the real
/// pass from the start finds every key and parks nothing. The relay answers only this device's
/// grants keyspace (`keyspace=`); a relay that does not know the filter sends every change and
/// this phone keeps only its grants. These changes are not checked against the relay's chain here
/// (they are a few among many): each grant is signed by its author's device and checked as it is
/// opened, and the real pass checks the chain over every change, grants included, applying again
/// a grant already held as nothing.
fn read_grants_first(
    session: &WorkerSession,
    link: &Link<'_>,
    team: &Team,
    state: &TeamState,
) -> Result<()> {
    let mine = super::outgoing::grants_keyspace(&team.device()?);
    let mut after = 0;
    loop {
        let page: ChangesResponse = link.get(&format!(
            "/v1/teams/{}/changes?after={after}&limit={PAGE}&keyspace={mine}",
            team.team
        ))?;
        let grants: Vec<_> = page
            .changes
            .iter()
            .filter(|c| {
                c.envelope.keyspace == mine && c.envelope.computed_rev(&team.team) == c.envelope.rev
            })
            .collect();
        if !grants.is_empty() {
            with_maker(session, team, state, |m| {
                for c in &grants {
                    incoming::apply(m, &c.envelope, None, &mut Vec::new())?;
                }
                Ok(())
            })?;
        }
        if !page.more || page.next_after <= after {
            return Ok(());
        }
        after = page.next_after;
    }
}

/// What an admin's phone keeps the log true to at each sync: a client keyspace the log assigns to
/// nobody is assigned to the member whose device made it, and a cover whose day has come ends,
/// its keyspace rotated (whenever the first admin phone is online after that day).
fn upkeep(session: &WorkerSession, state: &TeamState) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    let all = session.with(|c, k| storage::list::<Keyspace>(c, k))?;
    for k in all.iter().filter(|k| k.client.is_some()) {
        if state.assignments.contains_key(&k.keyspace) {
            continue;
        }
        if let Some(member) = k.origin.and_then(|d| state.member_of(&d)) {
            // An admin's client stays the team's until an admin assigns it by hand.
            if state.is_active_member(&member) && !state.admins().contains(&member) {
                steps.push(Step::Entry(LogAction::AssignKeyspace {
                    keyspace: k.keyspace,
                    member,
                }));
            }
        }
    }
    for (keyspace, member) in holders::expired_covers(state, holders::today()) {
        if !all.iter().any(|k| k.keyspace == keyspace) {
            continue;
        }
        steps.push(Step::Entry(LogAction::EndCover { keyspace, member }));
        steps.push(Step::Rotate(keyspace));
    }
    Ok(steps)
}

/// Seal again every op sealed under an epoch the log has moved past, once its key is here.
fn reseal_stale(session: &WorkerSession, team: &Team, state: &TeamState) -> Result<u32> {
    with_maker(session, team, state, |m| {
        let mut renamed = BTreeMap::new();
        let mut done = 0;
        let mut stale: Vec<Op> = storage::list::<Op>(m.tx, m.keys)?
            .into_iter()
            .filter(|o| o.acked.is_none() && o.envelope.epoch < state.epoch(&o.envelope.keyspace))
            .collect();
        // A revision before the ones naming it.
        stale.sort_by_key(|o| o.envelope.parents.len());
        for op in &stale {
            done += u32::from(m.reseal(op, &mut renamed)?);
        }
        Ok(done)
    })
}

/// Erase the clients this phone's member no longer holds, once nothing of theirs is unsent.
fn let_go(session: &WorkerSession, team: &Team, state: &TeamState) -> Result<u32> {
    let Some(mine) = state.member_of(&team.device()?) else {
        return Ok(0);
    };
    let today = holders::today();
    session.write(|tx, keys| {
        let mut n = 0;
        for k in storage::list::<Keyspace>(tx, keys)? {
            if k.client.is_none()
                || holders::holders(state, &k, &team.team_keyspace, today).contains(&mine)
            {
                continue;
            }
            n += u32::from(letgo::keyspace(tx, keys, &k, false)?);
        }
        Ok(n)
    })
}
