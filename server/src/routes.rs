//! The endpoints other than push and pull: teams, authentication, joining, the team log, devices,
//! health and metrics.

use crate::db::server_info;
use crate::error::ApiError;
use crate::state::{
    load_team_state, parse_status, team_from_path, token_hash, AppState, Body, Device, Metrics,
    Params,
};
use alongside_wire::{
    auth_signing_bytes, chain_start, AckRequest, AppendLogRequest, AppendLogResponse, Blob,
    ChallengeRequest, ChallengeResponse, CreateInviteRequest, CreateTeamRequest, DeviceId,
    DeviceInfo, DeviceKeys, DeviceStatus, DevicesResponse, ErrorCode, Hash32, Health, Id16,
    JoinRequest, JoinResponse, JoinsResponse, LogAction, LogResponse, PendingJoin, ServerInfo,
    SignedLogEntry, TeamState, TokenRequest, TokenResponse,
};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use deadpool_postgres::GenericClient;
use ring::rand::SecureRandom;
use serde::Deserialize;
use std::fmt::Write as _;
use std::sync::atomic::Ordering;

/// A u64 from the wire as a PostgreSQL bigint.
pub fn to_i64(n: u64) -> Result<i64, ApiError> {
    i64::try_from(n).map_err(|_| ApiError::bad_request("a number is out of range"))
}

/// A stored bigint as a u64 (never negative here).
pub fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn random<const N: usize>() -> Result<[u8; N], ApiError> {
    let mut b = [0u8; N];
    ring::rand::SystemRandom::new()
        .fill(&mut b)
        .map_err(|_| ApiError::new(ErrorCode::Internal, "the random generator failed"))?;
    Ok(b)
}

/// `GET /health`: 200 when PostgreSQL answers, 503 when it does not.
pub async fn health(State(state): State<AppState>) -> impl IntoResponse {
    let ok = match state.pool.get().await {
        Ok(c) => c.query_one("SELECT 1", &[]).await.is_ok(),
        Err(_) => false,
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = Health {
        status: if ok { "ok" } else { "degraded" }.to_string(),
        database: ok,
    };
    (status, Json(body))
}

/// `GET /v1/server`: the relay's identity.
pub async fn server(State(state): State<AppState>) -> Result<Json<ServerInfo>, ApiError> {
    let client = state.pool.get().await?;
    Ok(Json(server_info(&client).await?))
}

/// `GET /metrics`: Prometheus text. Counters since start; per team, its head sequence; per device,
/// when it was last seen and the sequence it acknowledged.
pub async fn metrics(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let m = &state.metrics;
    let mut out = String::new();
    let load = |c: &std::sync::atomic::AtomicU64| c.load(Ordering::Relaxed);
    let _ = writeln!(out, "# TYPE alongside_responses_total counter");
    for (i, class) in ["2xx", "4xx", "5xx"].iter().enumerate() {
        let _ = writeln!(
            out,
            "alongside_responses_total{{class=\"{class}\"}} {}",
            load(&m.responses[i])
        );
    }
    let _ = writeln!(out, "# TYPE alongside_push_ops_total counter");
    for (name, c) in [
        ("stored", &m.ops_stored),
        ("already_stored", &m.ops_already_stored),
        ("replayed", &m.ops_replayed),
        ("refused", &m.ops_refused),
    ] {
        let _ = writeln!(
            out,
            "alongside_push_ops_total{{outcome=\"{name}\"}} {}",
            load(c)
        );
    }
    let _ = writeln!(out, "# TYPE alongside_rate_limited_total counter");
    let _ = writeln!(
        out,
        "alongside_rate_limited_total {}",
        load(&m.rate_limited)
    );
    let client = state.pool.get().await?;
    let _ = writeln!(out, "# TYPE alongside_team_head_seq gauge");
    for row in client
        .query("SELECT team_id, head_seq FROM teams ORDER BY team_id", &[])
        .await?
    {
        let team = Id16::from_slice(&row.get::<_, Vec<u8>>(0))
            .map(|t| t.to_text())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "alongside_team_head_seq{{team=\"{team}\"}} {}",
            row.get::<_, i64>(1)
        );
    }
    let rows = client
        .query(
            "SELECT team_id, device_id, status, extract(epoch FROM last_seen)::bigint, acked_seq
               FROM devices ORDER BY team_id, device_id",
            &[],
        )
        .await?;
    let _ = writeln!(out, "# TYPE alongside_device_last_seen_seconds gauge");
    let mut acked = String::from("# TYPE alongside_device_acked_seq gauge\n");
    for row in rows {
        let team = Id16::from_slice(&row.get::<_, Vec<u8>>(0))
            .map(|t| t.to_text())
            .unwrap_or_default();
        let device = DeviceId::from_slice(&row.get::<_, Vec<u8>>(1))
            .map(|d| d.to_text())
            .unwrap_or_default();
        let status: String = row.get(2);
        let labels = format!("team=\"{team}\",device=\"{device}\",status=\"{status}\"");
        if let Some(seen) = row.get::<_, Option<i64>>(3) {
            let _ = writeln!(out, "alongside_device_last_seen_seconds{{{labels}}} {seen}");
        }
        let _ = writeln!(
            acked,
            "alongside_device_acked_seq{{{labels}}} {}",
            row.get::<_, i64>(4)
        );
    }
    out.push_str(&acked);
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4",
        )],
        out,
    ))
}

/// `POST /v1/teams`: a device creates a team with the log's first entry and becomes its admin.
pub async fn create_team(
    State(state): State<AppState>,
    headers: HeaderMap,
    Body(req): Body<CreateTeamRequest>,
) -> Result<(StatusCode, Json<AppendLogResponse>), ApiError> {
    if let Some(key) = &state.cfg.team_creation_key {
        let given = headers
            .get("x-alongside-creation-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if token_hash(given) != token_hash(key) {
            return Err(ApiError::new(
                ErrorCode::CreationRefused,
                "this relay needs its team creation key",
            ));
        }
    }
    let genesis = req.genesis;
    let team_state = TeamState::genesis(&genesis).map_err(ApiError::log_rejected)?;
    let LogAction::CreateTeam { member, device, .. } = &genesis.entry.action else {
        return Err(ApiError::new(
            ErrorCode::Internal,
            "genesis without CreateTeam",
        ));
    };
    let team = team_state.team;
    let head = genesis.hash();
    let entry_json =
        serde_json::to_string(&genesis).map_err(|_| ApiError::new(ErrorCode::Internal, "json"))?;
    let mut client = state.pool.get().await?;
    let tx = client.transaction().await?;
    let inserted = tx
        .execute(
            "INSERT INTO teams (team_id, chain_head, log_length, log_head) VALUES ($1, $2, 1, $3)
             ON CONFLICT DO NOTHING",
            &[
                &team.0.as_slice(),
                &chain_start(&team).0.as_slice(),
                &head.0.as_slice(),
            ],
        )
        .await?;
    if inserted == 0 {
        return Err(ApiError::new(
            ErrorCode::TeamExists,
            "a team with this id exists",
        ));
    }
    tx.execute(
        "INSERT INTO team_log (team_id, idx, entry, hash) VALUES ($1, 0, $2, $3)",
        &[&team.0.as_slice(), &entry_json, &head.0.as_slice()],
    )
    .await?;
    tx.execute(
        "INSERT INTO devices (team_id, device_id, agreement_key, member_id, status) VALUES ($1, $2, $3, $4, 'active')",
        &[&team.0.as_slice(), &device.signing.0.as_slice(), &device.agreement.0.as_slice(), &member.0.as_slice()],
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(AppendLogResponse { length: 1, head }),
    ))
}

async fn device_status<C: GenericClient>(
    client: &C,
    team: &Id16,
    device: &DeviceId,
) -> Result<DeviceStatus, ApiError> {
    let row = client
        .query_opt(
            "SELECT status FROM devices WHERE team_id = $1 AND device_id = $2",
            &[&team.0.as_slice(), &device.0.as_slice()],
        )
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownDevice, "no such device in this team"))?;
    let status = parse_status(&row.get::<_, String>(0))?;
    if status == DeviceStatus::Removed {
        return Err(ApiError::new(
            ErrorCode::DeviceRemoved,
            "this device was removed from the team",
        ));
    }
    Ok(status)
}

/// `POST /v1/auth/challenge`: 32 random bytes for the device to sign.
pub async fn challenge(
    State(state): State<AppState>,
    Body(req): Body<ChallengeRequest>,
) -> Result<Json<ChallengeResponse>, ApiError> {
    let client = state.pool.get().await?;
    device_status(&client, &req.team, &req.device).await?;
    let challenge = random::<32>()?;
    let ttl = state.cfg.challenge_ttl.as_secs();
    client
        .execute("DELETE FROM challenges WHERE expires_at < now()", &[])
        .await?;
    client
        .execute(
            "INSERT INTO challenges (challenge, team_id, device_id, expires_at)
             VALUES ($1, $2, $3, now() + make_interval(secs => $4))",
            &[
                &challenge.as_slice(),
                &req.team.0.as_slice(),
                &req.device.0.as_slice(),
                &(ttl as f64),
            ],
        )
        .await?;
    let server = server_info(&client).await?;
    Ok(Json(ChallengeResponse {
        challenge: Blob(challenge.to_vec()),
        expires_in_secs: ttl,
        server,
    }))
}

/// `POST /v1/auth/token`: a signed challenge for a bearer token.
pub async fn token(
    State(state): State<AppState>,
    Body(req): Body<TokenRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    let client = state.pool.get().await?;
    let fresh = client
        .query_opt(
            "DELETE FROM challenges WHERE challenge = $1 AND team_id = $2 AND device_id = $3
             RETURNING expires_at > now()",
            &[
                &req.challenge.0.as_slice(),
                &req.team.0.as_slice(),
                &req.device.0.as_slice(),
            ],
        )
        .await?
        .map(|row| row.get::<_, bool>(0));
    if fresh != Some(true) {
        return Err(ApiError::new(
            ErrorCode::BadChallenge,
            "unknown, used or expired challenge",
        ));
    }
    let server = server_info(&client).await?;
    let message = auth_signing_bytes(
        &server.instance_id,
        &req.team,
        &req.device,
        &req.challenge.0,
    );
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, &req.device.0)
        .verify(&message, &req.signature.0)
        .map_err(|_| ApiError::new(ErrorCode::BadSignature, "the signature does not verify"))?;
    let status = device_status(&client, &req.team, &req.device).await?;
    let token = Blob(random::<32>()?.to_vec());
    let token = serde_json::to_value(&token)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .ok_or_else(|| ApiError::new(ErrorCode::Internal, "token encoding"))?;
    let ttl = state.cfg.token_ttl.as_secs();
    client
        .execute(
            "DELETE FROM tokens WHERE expires_at < now() - interval '1 day'",
            &[],
        )
        .await?;
    client
        .execute(
            "INSERT INTO tokens (token_hash, team_id, device_id, expires_at)
             VALUES ($1, $2, $3, now() + make_interval(secs => $4))",
            &[
                &token_hash(&token),
                &req.team.0.as_slice(),
                &req.device.0.as_slice(),
                &(ttl as f64),
            ],
        )
        .await?;
    Ok(Json(TokenResponse {
        token,
        expires_in_secs: ttl,
        status,
        server,
    }))
}

/// `POST /v1/join`: a device joins with an invite code and waits for an admin.
pub async fn join(
    State(state): State<AppState>,
    Body(req): Body<JoinRequest>,
) -> Result<Json<JoinResponse>, ApiError> {
    let hash = alongside_wire::invite_hash(&req.team, &req.invite);
    let mut client = state.pool.get().await?;
    let tx = client.transaction().await?;
    let used = tx
        .execute(
            "UPDATE invites SET used_at = now()
              WHERE team_id = $1 AND invite_hash = $2 AND used_at IS NULL AND expires_at > now()",
            &[&req.team.0.as_slice(), &hash.0.as_slice()],
        )
        .await?;
    if used == 0 {
        return Err(ApiError::new(
            ErrorCode::InviteInvalid,
            "no such invite, or it expired or was used",
        ));
    }
    let inserted = tx
        .execute(
            "INSERT INTO devices (team_id, device_id, agreement_key, status, invite_hash, join_proof, requested_at)
             VALUES ($1, $2, $3, 'pending', $4, $5, now()) ON CONFLICT DO NOTHING",
            &[
                &req.team.0.as_slice(),
                &req.device.signing.0.as_slice(),
                &req.device.agreement.0.as_slice(),
                &hash.0.as_slice(),
                &req.proof.0.as_slice(),
            ],
        )
        .await?;
    if inserted == 0 {
        return Err(ApiError::new(
            ErrorCode::DeviceExists,
            "this device key is already known in the team",
        ));
    }
    tx.commit().await?;
    let server = server_info(&client).await?;
    Ok(Json(JoinResponse {
        status: DeviceStatus::Pending,
        server,
    }))
}

/// `POST /v1/teams/{team}/invites` (admin): stores an invite's lookup hash.
pub async fn create_invite(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
    Body(req): Body<CreateInviteRequest>,
) -> Result<StatusCode, ApiError> {
    let team = team_from_path(&team)?;
    let client = state.pool.get().await?;
    let device = device.for_team(&team)?.active()?.admin(&client).await?;
    let ttl = req
        .expires_in_secs
        .clamp(1, state.cfg.invite_max_ttl.as_secs());
    client
        .execute(
            "INSERT INTO invites (team_id, invite_hash, created_by, expires_at)
             VALUES ($1, $2, $3, now() + make_interval(secs => $4)) ON CONFLICT DO NOTHING",
            &[
                &team.0.as_slice(),
                &req.invite_hash.0.as_slice(),
                &device.id.0.as_slice(),
                &(ttl as f64),
            ],
        )
        .await?;
    Ok(StatusCode::CREATED)
}

/// `GET /v1/teams/{team}/joins` (admin): devices that joined with a code and wait.
pub async fn joins(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
) -> Result<Json<JoinsResponse>, ApiError> {
    let team = team_from_path(&team)?;
    let client = state.pool.get().await?;
    device.for_team(&team)?.active()?.admin(&client).await?;
    let rows = client
        .query(
            "SELECT invite_hash, device_id, agreement_key, join_proof,
                    (extract(epoch FROM requested_at) * 1000)::bigint
               FROM devices WHERE team_id = $1 AND status = 'pending' ORDER BY requested_at",
            &[&team.0.as_slice()],
        )
        .await?;
    let bad = || ApiError::new(ErrorCode::Internal, "bad stored join");
    let mut joins = Vec::with_capacity(rows.len());
    for row in rows {
        joins.push(PendingJoin {
            invite_hash: Hash32::from_slice(&row.get::<_, Vec<u8>>(0)).ok_or_else(bad)?,
            device: DeviceKeys {
                signing: DeviceId::from_slice(&row.get::<_, Vec<u8>>(1)).ok_or_else(bad)?,
                agreement: alongside_wire::AgreementKey::from_slice(&row.get::<_, Vec<u8>>(2))
                    .ok_or_else(bad)?,
            },
            proof: Hash32::from_slice(&row.get::<_, Vec<u8>>(3)).ok_or_else(bad)?,
            requested_at_ms: to_u64(row.get::<_, i64>(4)),
        });
    }
    Ok(Json(JoinsResponse { joins }))
}

/// `GET /v1/teams/{team}/devices` (admin): every device with its last sight and acknowledged seq.
pub async fn devices(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
) -> Result<Json<DevicesResponse>, ApiError> {
    let team = team_from_path(&team)?;
    let client = state.pool.get().await?;
    device.for_team(&team)?.active()?.admin(&client).await?;
    let head: i64 = client
        .query_one(
            "SELECT head_seq FROM teams WHERE team_id = $1",
            &[&team.0.as_slice()],
        )
        .await?
        .get(0);
    let rows = client
        .query(
            "SELECT device_id, status, member_id, (extract(epoch FROM last_seen) * 1000)::bigint, acked_seq
               FROM devices WHERE team_id = $1 ORDER BY device_id",
            &[&team.0.as_slice()],
        )
        .await?;
    let mut devices = Vec::with_capacity(rows.len());
    for row in rows {
        devices.push(DeviceInfo {
            device: DeviceId::from_slice(&row.get::<_, Vec<u8>>(0))
                .ok_or_else(|| ApiError::new(ErrorCode::Internal, "bad stored device"))?,
            status: parse_status(&row.get::<_, String>(1))?,
            member: row
                .get::<_, Option<Vec<u8>>>(2)
                .and_then(|m| Id16::from_slice(&m)),
            last_seen_ms: row.get::<_, Option<i64>>(3).map(to_u64),
            acked_seq: to_u64(row.get::<_, i64>(4)),
        });
    }
    Ok(Json(DevicesResponse {
        devices,
        head_seq: to_u64(head),
    }))
}

/// `POST /v1/teams/{team}/ack`: the device's cursor, for the metrics.
pub async fn ack(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
    Body(req): Body<AckRequest>,
) -> Result<StatusCode, ApiError> {
    let team = team_from_path(&team)?;
    let device = device.for_team(&team)?.active()?;
    let client = state.pool.get().await?;
    client
        .execute(
            "UPDATE devices SET acked_seq = greatest(acked_seq,
                 least($3, (SELECT head_seq FROM teams WHERE team_id = $1)))
              WHERE team_id = $1 AND device_id = $2",
            &[
                &team.0.as_slice(),
                &device.id.0.as_slice(),
                &to_i64(req.seq)?,
            ],
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Query of `GET /v1/teams/{team}/log`.
#[derive(Debug, Deserialize)]
pub struct LogQuery {
    #[serde(default)]
    after: u64,
}

/// The most log entries in one page.
const LOG_PAGE: i64 = 500;

/// `GET /v1/teams/{team}/log?after=N`: entries from index N (pending devices may read it).
pub async fn read_log(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
    Params(q): Params<LogQuery>,
) -> Result<Json<LogResponse>, ApiError> {
    let team = team_from_path(&team)?;
    device.for_team(&team)?;
    let client = state.pool.get().await?;
    let row = client
        .query_opt(
            "SELECT log_length, log_head FROM teams WHERE team_id = $1",
            &[&team.0.as_slice()],
        )
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownTeam, "no such team"))?;
    let length = to_u64(row.get::<_, i64>(0));
    let head = Hash32::from_slice(&row.get::<_, Vec<u8>>(1))
        .ok_or_else(|| ApiError::new(ErrorCode::Internal, "bad stored log head"))?;
    let rows = client
        .query(
            "SELECT entry FROM team_log WHERE team_id = $1 AND idx >= $2 AND idx < $3 ORDER BY idx LIMIT $4",
            &[&team.0.as_slice(), &to_i64(q.after)?, &to_i64(length)?, &LOG_PAGE],
        )
        .await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let entry: SignedLogEntry = serde_json::from_str(&row.get::<_, String>(0))
            .map_err(|_| ApiError::new(ErrorCode::Internal, "bad stored log entry"))?;
        entries.push(entry);
    }
    Ok(Json(LogResponse {
        entries,
        length,
        head,
    }))
}

/// `POST /v1/teams/{team}/log`: the next entry, checked with the same rules the phones apply.
pub async fn append_log(
    State(state): State<AppState>,
    Path(team): Path<String>,
    device: Device,
    Body(req): Body<AppendLogRequest>,
) -> Result<Json<AppendLogResponse>, ApiError> {
    let team = team_from_path(&team)?;
    device.for_team(&team)?.active()?;
    let entry = req.entry;
    if entry.entry.team != team {
        return Err(ApiError::log_rejected(alongside_wire::LogError::WrongTeam));
    }
    let mut client = state.pool.get().await?;
    let tx = client.transaction().await?;
    let row = tx
        .query_opt(
            "SELECT log_length, log_head FROM teams WHERE team_id = $1 FOR UPDATE",
            &[&team.0.as_slice()],
        )
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::UnknownTeam, "no such team"))?;
    let length = to_u64(row.get::<_, i64>(0));
    let head = Hash32::from_slice(&row.get::<_, Vec<u8>>(1))
        .ok_or_else(|| ApiError::new(ErrorCode::Internal, "bad stored log head"))?;
    if entry.entry.index != length || entry.entry.prev != head {
        let mut e = ApiError::new(
            ErrorCode::LogConflict,
            "the log moved on: read it and re-base the entry",
        );
        e.log_position = Some((length, head));
        return Err(e);
    }
    let mut team_state = load_team_state(&tx, &team).await?;
    team_state.apply(&entry).map_err(ApiError::log_rejected)?;
    let hash = entry.hash();
    let json =
        serde_json::to_string(&entry).map_err(|_| ApiError::new(ErrorCode::Internal, "json"))?;
    tx.execute(
        "INSERT INTO team_log (team_id, idx, entry, hash) VALUES ($1, $2, $3, $4)",
        &[
            &team.0.as_slice(),
            &to_i64(length)?,
            &json,
            &hash.0.as_slice(),
        ],
    )
    .await?;
    tx.execute(
        "UPDATE teams SET log_length = $2, log_head = $3 WHERE team_id = $1",
        &[&team.0.as_slice(), &to_i64(length + 1)?, &hash.0.as_slice()],
    )
    .await?;
    let t = team.0.as_slice();
    match &entry.entry.action {
        LogAction::AddDevice { member, device } => {
            tx.execute(
                "INSERT INTO devices (team_id, device_id, agreement_key, member_id, status)
                 VALUES ($1, $2, $3, $4, 'active')
                 ON CONFLICT (team_id, device_id) DO UPDATE
                   SET status = 'active', member_id = EXCLUDED.member_id, agreement_key = EXCLUDED.agreement_key",
                &[&t, &device.signing.0.as_slice(), &device.agreement.0.as_slice(), &member.0.as_slice()],
            )
            .await?;
        }
        LogAction::RemoveDevice { device } => {
            tx.execute(
                "UPDATE devices SET status = 'removed' WHERE team_id = $1 AND device_id = $2",
                &[&t, &device.0.as_slice()],
            )
            .await?;
        }
        LogAction::RemoveMember { member } => {
            tx.execute(
                "UPDATE devices SET status = 'removed' WHERE team_id = $1 AND member_id = $2",
                &[&t, &member.0.as_slice()],
            )
            .await?;
        }
        LogAction::RotateKeyspace { keyspace, epoch } => {
            tx.execute(
                "INSERT INTO keyspaces (team_id, keyspace_id, epoch) VALUES ($1, $2, $3)
                 ON CONFLICT (team_id, keyspace_id) DO UPDATE SET epoch = EXCLUDED.epoch",
                &[&t, &keyspace.0.as_slice(), &to_i64(*epoch)?],
            )
            .await?;
        }
        LogAction::CreateTeam { .. }
        | LogAction::AddMember { .. }
        | LogAction::SetRole { .. }
        | LogAction::SetLease { .. }
        | LogAction::AssignKeyspace { .. }
        | LogAction::UnassignKeyspace { .. }
        | LogAction::Cover { .. }
        | LogAction::EndCover { .. } => {}
    }
    tx.commit().await?;
    Ok(Json(AppendLogResponse {
        length: length + 1,
        head: hash,
    }))
}

/// Counts one op's outcome for `/metrics`.
pub fn count_outcome(state: &AppState, outcome: &alongside_wire::PushOutcome, replayed: bool) {
    let m = &state.metrics;
    let c = match (outcome, replayed) {
        (_, true) => &m.ops_replayed,
        (alongside_wire::PushOutcome::Stored { .. }, false) => &m.ops_stored,
        (alongside_wire::PushOutcome::AlreadyStored { .. }, false) => &m.ops_already_stored,
        (alongside_wire::PushOutcome::Refused(_), false) => &m.ops_refused,
    };
    Metrics::inc(c);
}
