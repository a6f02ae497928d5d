//! The connection pool, the versioned migrations and the relay's identity.

use crate::config::Config;
use crate::error::ApiError;
use alongside_wire::{Id16, ServerInfo, PROTOCOL_VERSION};
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use std::time::{Duration, Instant};

/// Why the relay could not start on its database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The connection string does not parse.
    #[error("ALONGSIDE_DATABASE_URL does not parse: {0}")]
    Url(tokio_postgres::Error),
    /// The pool could not be built.
    #[error("cannot build the connection pool: {0}")]
    Pool(String),
    /// PostgreSQL did not answer in time.
    #[error("PostgreSQL did not answer within {secs} s: {last}")]
    Unreachable {
        /// The wait.
        secs: u64,
        /// The last error.
        last: String,
    },
    /// A migration failed.
    #[error("migration {version} failed: {source}")]
    Migration {
        /// The migration.
        version: i32,
        /// Why.
        source: tokio_postgres::Error,
    },
    /// The database was set up by a newer relay.
    #[error("the database has schema version {found}; this relay knows up to {known}: upgrade the relay")]
    TooNew {
        /// The database's version.
        found: i32,
        /// This relay's newest.
        known: i32,
    },
    /// Another database error.
    #[error("database error: {0}")]
    Query(#[from] tokio_postgres::Error),
    /// The random generator failed.
    #[error("the system's random generator failed")]
    Random,
}

/// The schema, one migration per version, applied in order in one transaction each start.
/// A migration is never edited once released: a change is a new version.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../migrations/0001_relay.sql")),
    (
        2,
        include_str!("../migrations/0002_revisions_by_keyspace.sql"),
    ),
];

/// Builds the pool (connections are opened on demand).
pub fn pool(cfg: &Config) -> Result<Pool, DbError> {
    let pg: tokio_postgres::Config = cfg.database_url.parse().map_err(DbError::Url)?;
    let mgr = Manager::from_config(
        pg,
        tokio_postgres::NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(mgr)
        .max_size(cfg.pool_size)
        .runtime(Runtime::Tokio1)
        .wait_timeout(Some(Duration::from_secs(10)))
        .create_timeout(Some(Duration::from_secs(5)))
        .build()
        .map_err(|e| DbError::Pool(e.to_string()))
}

/// Waits for PostgreSQL (up to `wait`), then applies the migrations this database lacks, under an
/// advisory lock so that several relays starting together apply each once.
pub async fn migrate(pool: &Pool, wait: Duration) -> Result<(), DbError> {
    let start = Instant::now();
    let mut client = loop {
        match pool.get().await {
            Ok(c) => break c,
            Err(e) if start.elapsed() < wait => {
                eprintln!("alongside-server: waiting for PostgreSQL: {e}");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => {
                return Err(DbError::Unreachable {
                    secs: wait.as_secs(),
                    last: e.to_string(),
                })
            }
        }
    };
    let tx = client.transaction().await?;
    tx.batch_execute(
        "SELECT pg_advisory_xact_lock(7226013);
         CREATE TABLE IF NOT EXISTS schema_migrations (
             version integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now())",
    )
    .await?;
    let found: i32 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            &[],
        )
        .await?
        .get(0);
    let known = MIGRATIONS.last().map_or(0, |m| m.0);
    if found > known {
        return Err(DbError::TooNew { found, known });
    }
    for (version, sql) in MIGRATIONS.iter().filter(|m| m.0 > found) {
        tx.batch_execute(sql)
            .await
            .map_err(|source| DbError::Migration {
                version: *version,
                source,
            })?;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[version],
        )
        .await?;
        eprintln!("alongside-server: applied migration {version}");
    }
    let instance = Id16::random().map_err(|_| DbError::Random)?;
    tx.execute(
        "INSERT INTO server_instance (instance_id) VALUES ($1) ON CONFLICT DO NOTHING",
        &[&instance.0.as_slice()],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The relay's identity: the stored instance id plus PostgreSQL's system identifier and timeline.
/// A role without the right to read PostgreSQL's control data (grant it `pg_monitor`) gets an
/// empty identifier and timeline 0, and a warning in the log.
pub async fn server_info<C: GenericClient>(client: &C) -> Result<ServerInfo, ApiError> {
    let row = client
        .query_one("SELECT instance_id FROM server_instance", &[])
        .await?;
    let bytes: Vec<u8> = row.get(0);
    let instance_id = Id16::from_slice(&bytes)
        .ok_or_else(|| ApiError::new(alongside_wire::ErrorCode::Internal, "bad instance id"))?;
    // Called outside any transaction: a permission error here must not abort one.
    let control = client
        .query_opt(
            "SELECT (SELECT system_identifier::text FROM pg_control_system()),
                    (SELECT timeline_id FROM pg_control_checkpoint())",
            &[],
        )
        .await;
    let (system_identifier, timeline) = match control {
        Ok(Some(row)) => {
            let tl: i32 = row.get(1);
            (row.get::<_, String>(0), u32::try_from(tl).unwrap_or(0))
        }
        Ok(None) => (String::new(), 0),
        Err(e) if e.code().is_some_and(|c| c.code() == "42501") => {
            eprintln!("alongside-server: cannot read PostgreSQL's control data; grant the relay's role pg_monitor");
            (String::new(), 0)
        }
        Err(e) => return Err(e.into()),
    };
    Ok(ServerInfo {
        protocol: PROTOCOL_VERSION,
        instance_id,
        system_identifier,
        timeline,
    })
}
