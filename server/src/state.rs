//! Shared state, request extractors, the rate limiter and the counters.

use crate::config::Config;
use crate::error::ApiError;
use alongside_wire::{DeviceId, DeviceStatus, ErrorCode, TeamId, TeamState};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use deadpool_postgres::{GenericClient, Pool};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

/// The shared parts.
pub struct Inner {
    /// The connection pool.
    pub pool: Pool,
    /// The settings.
    pub cfg: Config,
    /// Counters for `/metrics`.
    pub metrics: Metrics,
    limiter: Mutex<HashMap<IpAddr, Bucket>>,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Builds the state.
    pub fn new(pool: Pool, cfg: Config) -> Self {
        AppState(Arc::new(Inner {
            pool,
            cfg,
            metrics: Metrics::default(),
            limiter: Mutex::new(HashMap::new()),
        }))
    }
}

/// Counters since the relay started.
#[derive(Default)]
pub struct Metrics {
    /// Responses by class: 2xx, 4xx, 5xx.
    pub responses: [AtomicU64; 3],
    /// Ops stored.
    pub ops_stored: AtomicU64,
    /// Ops whose revision was already stored.
    pub ops_already_stored: AtomicU64,
    /// Ops answered from a stored outcome (retries).
    pub ops_replayed: AtomicU64,
    /// Ops refused.
    pub ops_refused: AtomicU64,
    /// Requests refused by the rate limit.
    pub rate_limited: AtomicU64,
}

impl Metrics {
    /// Adds one.
    pub fn inc(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Takes a token from the client's bucket, or says how long to wait.
fn take_token(state: &AppState, ip: IpAddr) -> Result<(), u64> {
    let now = Instant::now();
    let (rate, burst) = (state.cfg.rate_per_sec, state.cfg.rate_burst);
    let mut map = state.limiter.lock().unwrap_or_else(|p| p.into_inner());
    if map.len() > 50_000 {
        // Forget clients whose bucket has refilled: they lose nothing.
        map.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < burst);
    }
    let b = map.entry(ip).or_insert(Bucket {
        tokens: burst,
        at: now,
    });
    b.tokens = (b.tokens + now.duration_since(b.at).as_secs_f64() * rate).min(burst);
    b.at = now;
    if b.tokens >= 1.0 {
        b.tokens -= 1.0;
        Ok(())
    } else {
        Err(((1.0 - b.tokens) / rate).ceil().max(1.0) as u64)
    }
}

fn client_ip(state: &AppState, req: &Request) -> Option<IpAddr> {
    if state.cfg.trust_forwarded_for {
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// Middleware: the per-address rate limit, then the response counters.
pub async fn limit_and_count(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limited = match client_ip(&state, &req) {
        Some(ip) if req.uri().path() != "/health" => take_token(&state, ip).err(),
        _ => None,
    };
    let resp = match limited {
        Some(wait) => {
            Metrics::inc(&state.metrics.rate_limited);
            let mut e = ApiError::new(
                ErrorCode::RateLimited,
                "too many requests from this address",
            );
            e.retry_after = Some(wait);
            e.into_response()
        }
        None => next.run(req).await,
    };
    let class = match resp.status().as_u16() {
        0..=399 => 0,
        400..=499 => 1,
        _ => 2,
    };
    Metrics::inc(&state.metrics.responses[class]);
    resp
}

/// A JSON body whose rejections are [`ApiError`]s (`body_too_large`, `bad_request`).
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Body(v)),
            Err(rej) if rej.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::new(
                ErrorCode::BodyTooLarge,
                "the request body is larger than this relay accepts",
            )),
            Err(rej) => Err(ApiError::bad_request(rej.body_text())),
        }
    }
}

/// Query parameters whose rejections are [`ApiError`]s.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Params(q.0))
            .map_err(|rej| ApiError::bad_request(rej.body_text()))
    }
}

/// The team named in the path (`/v1/teams/{team}/...`).
pub fn team_from_path(text: &str) -> Result<TeamId, ApiError> {
    TeamId::from_text(text)
        .ok_or_else(|| ApiError::bad_request("the team id is not 16 bytes in base64url"))
}

/// The device a bearer token belongs to, checked against the database on every request: a removed
/// device is refused from the moment its removal is stored.
#[derive(Debug, Clone, Copy)]
pub struct Device {
    /// The token's team.
    pub team: TeamId,
    /// The device.
    pub id: DeviceId,
    /// Its standing (never `Removed` here).
    pub status: DeviceStatus,
}

/// The SHA-256 of a token, as stored.
pub fn token_hash(token: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, token.as_bytes())
        .as_ref()
        .to_vec()
}

impl FromRequestParts<AppState> for Device {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated, "a bearer token is needed"))?;
        let client = state.pool.get().await?;
        let row = client
            .query_opt(
                "SELECT t.team_id, t.device_id, t.expires_at < now(), d.status
                   FROM tokens t JOIN devices d USING (team_id, device_id)
                  WHERE t.token_hash = $1",
                &[&token_hash(token)],
            )
            .await?
            .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated, "unknown token"))?;
        let team = TeamId::from_slice(&row.get::<_, Vec<u8>>(0))
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "bad stored team id"))?;
        let id = DeviceId::from_slice(&row.get::<_, Vec<u8>>(1))
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "bad stored device id"))?;
        let status = parse_status(&row.get::<_, String>(3))?;
        if status == DeviceStatus::Removed {
            return Err(ApiError::new(
                ErrorCode::DeviceRemoved,
                "this device was removed from the team",
            ));
        }
        if row.get::<_, bool>(2) {
            return Err(ApiError::new(
                ErrorCode::TokenExpired,
                "the token expired; authenticate again",
            ));
        }
        client
            .execute(
                "UPDATE devices SET last_seen = now()
                  WHERE team_id = $1 AND device_id = $2
                    AND (last_seen IS NULL OR last_seen < now() - interval '30 seconds')",
                &[&team.0.as_slice(), &id.0.as_slice()],
            )
            .await?;
        Ok(Device { team, id, status })
    }
}

impl Device {
    /// Checks the path's team is the token's team.
    pub fn for_team(self, team: &TeamId) -> Result<Self, ApiError> {
        if self.team == *team {
            Ok(self)
        } else {
            Err(ApiError::new(
                ErrorCode::WrongTeam,
                "the token is for another team",
            ))
        }
    }

    /// Checks the device is active (not waiting for an admin).
    pub fn active(self) -> Result<Self, ApiError> {
        if self.status == DeviceStatus::Active {
            Ok(self)
        } else {
            Err(ApiError::new(
                ErrorCode::DevicePending,
                "this device waits for an admin to add it",
            ))
        }
    }

    /// Checks the device is an active admin device, by replaying the team log.
    pub async fn admin<C: GenericClient>(self, client: &C) -> Result<Self, ApiError> {
        let state = load_team_state(client, &self.team).await?;
        if state.is_admin_device(&self.id) {
            Ok(self)
        } else {
            Err(ApiError::new(
                ErrorCode::NotAdmin,
                "an admin device is needed",
            ))
        }
    }
}

/// A stored device status.
pub fn parse_status(text: &str) -> Result<DeviceStatus, ApiError> {
    match text {
        "pending" => Ok(DeviceStatus::Pending),
        "active" => Ok(DeviceStatus::Active),
        "removed" => Ok(DeviceStatus::Removed),
        _ => Err(ApiError::new(
            ErrorCode::Internal,
            "bad stored device status",
        )),
    }
}

/// Replays the team's stored log (the relay keeps no other copy of the membership rules).
pub async fn load_team_state<C: GenericClient>(
    client: &C,
    team: &TeamId,
) -> Result<TeamState, ApiError> {
    let rows = client
        .query(
            "SELECT entry FROM team_log WHERE team_id = $1 ORDER BY idx",
            &[&team.0.as_slice()],
        )
        .await?;
    if rows.is_empty() {
        return Err(ApiError::new(ErrorCode::UnknownTeam, "no such team"));
    }
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let text: String = row.get(0);
        entries.push(
            serde_json::from_str(&text)
                .map_err(|_| ApiError::new(ErrorCode::Internal, "bad stored log entry"))?,
        );
    }
    TeamState::replay(&entries).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("stored log does not replay: {e}"),
        )
    })
}
