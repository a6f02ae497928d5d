//! Settings, from environment variables (a systemd `EnvironmentFile` in production).

use std::net::SocketAddr;
use std::str::FromStr;
use std::time::Duration;

/// A setting that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A required variable is not set.
    #[error("{0} is not set (see server/README.md)")]
    Missing(&'static str),
    /// A variable does not parse.
    #[error("{name} has an invalid value {value:?}")]
    Invalid {
        /// The variable.
        name: &'static str,
        /// Its value.
        value: String,
    },
}

/// The relay's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// `ALONGSIDE_DATABASE_URL`: a libpq-style connection string or URL.
    pub database_url: String,
    /// `ALONGSIDE_LISTEN` (127.0.0.1:8480): the address to listen on (port 0 picks one).
    pub listen: SocketAddr,
    /// `ALONGSIDE_POOL_SIZE` (8): connections to PostgreSQL.
    pub pool_size: usize,
    /// `ALONGSIDE_TOKEN_TTL_SECS` (900): a bearer token's lifetime.
    pub token_ttl: Duration,
    /// `ALONGSIDE_CHALLENGE_TTL_SECS` (60): an authentication challenge's lifetime.
    pub challenge_ttl: Duration,
    /// `ALONGSIDE_INVITE_MAX_TTL_SECS` (604800): the longest an invite code stays usable.
    pub invite_max_ttl: Duration,
    /// `ALONGSIDE_MAX_BODY_BYTES` (8 MiB): the largest request body.
    pub max_body_bytes: usize,
    /// `ALONGSIDE_MAX_OPS_PER_PUSH` (500): the most ops in one push.
    pub max_ops_per_push: usize,
    /// `ALONGSIDE_PAGE_MAX_ITEMS` (1000): the most changes or snapshot items in one page.
    pub page_max_items: u32,
    /// `ALONGSIDE_PAGE_MAX_BYTES` (4 MiB): a page stops once its sealed bodies reach this size
    /// (a page always carries at least one item).
    pub page_max_bytes: u64,
    /// `ALONGSIDE_RATE_PER_SEC` (20): requests per second per client address, sustained.
    pub rate_per_sec: f64,
    /// `ALONGSIDE_RATE_BURST` (200): requests a client address may make at once.
    pub rate_burst: f64,
    /// `ALONGSIDE_TRUST_FORWARDED_FOR` (false): take the client address from the last
    /// `X-Forwarded-For` entry (only behind a reverse proxy that sets it).
    pub trust_forwarded_for: bool,
    /// `ALONGSIDE_TEAM_CREATION_KEY` (unset): when set, creating a team needs this value in the
    /// `X-Alongside-Creation-Key` header, so only the agency's own phones create teams.
    pub team_creation_key: Option<String>,
    /// `ALONGSIDE_STARTUP_WAIT_SECS` (30): how long to wait for PostgreSQL at start.
    pub startup_wait: Duration,
}

fn var<T: FromStr>(name: &'static str, default: T) -> Result<T, ConfigError> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .map_err(|_| ConfigError::Invalid { name, value: v }),
        _ => Ok(default),
    }
}

impl Config {
    /// Reads every setting from the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let database_url = std::env::var("ALONGSIDE_DATABASE_URL")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .ok_or(ConfigError::Missing("ALONGSIDE_DATABASE_URL"))?;
        let listen: SocketAddr = var("ALONGSIDE_LISTEN", SocketAddr::from(([127, 0, 0, 1], 8480)))?;
        let cfg = Config {
            database_url,
            listen,
            pool_size: var("ALONGSIDE_POOL_SIZE", 8usize)?.max(1),
            token_ttl: Duration::from_secs(var("ALONGSIDE_TOKEN_TTL_SECS", 900u64)?.max(1)),
            challenge_ttl: Duration::from_secs(var("ALONGSIDE_CHALLENGE_TTL_SECS", 60u64)?.max(1)),
            invite_max_ttl: Duration::from_secs(
                var("ALONGSIDE_INVITE_MAX_TTL_SECS", 604_800u64)?.max(1),
            ),
            max_body_bytes: var("ALONGSIDE_MAX_BODY_BYTES", 8usize << 20)?.max(1024),
            max_ops_per_push: var("ALONGSIDE_MAX_OPS_PER_PUSH", 500usize)?.max(1),
            page_max_items: var("ALONGSIDE_PAGE_MAX_ITEMS", 1000u32)?.max(1),
            page_max_bytes: var("ALONGSIDE_PAGE_MAX_BYTES", 4u64 << 20)?.max(1),
            rate_per_sec: var("ALONGSIDE_RATE_PER_SEC", 20f64)?,
            rate_burst: var("ALONGSIDE_RATE_BURST", 200f64)?,
            trust_forwarded_for: var("ALONGSIDE_TRUST_FORWARDED_FOR", false)?,
            team_creation_key: std::env::var("ALONGSIDE_TEAM_CREATION_KEY")
                .ok()
                .filter(|v| !v.is_empty()),
            startup_wait: Duration::from_secs(var("ALONGSIDE_STARTUP_WAIT_SECS", 30u64)?),
        };
        if !(cfg.rate_per_sec > 0.0 && cfg.rate_burst >= 1.0) {
            return Err(ConfigError::Invalid {
                name: "ALONGSIDE_RATE_PER_SEC",
                value: format!("{} (burst {})", cfg.rate_per_sec, cfg.rate_burst),
            });
        }
        Ok(cfg)
    }
}
