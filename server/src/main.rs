//! `alongside-server`: the agency's sync relay. It stores sealed envelopes and their routing
//! headers in PostgreSQL, sequences them per team, and relays the signed team log. It cannot read a
//! record, and it cannot add a member to a team. See `server/README.md` and `docs/sync-protocol.md`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod config;
mod db;
mod error;
mod routes;
mod state;
mod sync;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::ExitCode;

/// Why the relay stopped.
#[derive(Debug, thiserror::Error)]
enum StartError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("cannot listen: {0}")]
    Io(#[from] std::io::Error),
}

const USAGE: &str = "alongside-server: the Alongside sync relay

usage: alongside-server [--migrate-only]

Settings come from environment variables (ALONGSIDE_DATABASE_URL is required);
see server/README.md. --migrate-only applies the database migrations and exits.";

fn router(state: state::AppState) -> Router {
    let limit = state.cfg.max_body_bytes;
    Router::new()
        .route("/health", get(routes::health))
        .route("/metrics", get(routes::metrics))
        .route("/v1/server", get(routes::server))
        .route("/v1/teams", post(routes::create_team))
        .route("/v1/auth/challenge", post(routes::challenge))
        .route("/v1/auth/token", post(routes::token))
        .route("/v1/join", post(routes::join))
        .route(
            "/v1/teams/{team}/log",
            get(routes::read_log).post(routes::append_log),
        )
        .route("/v1/teams/{team}/invites", post(routes::create_invite))
        .route("/v1/teams/{team}/joins", get(routes::joins))
        .route("/v1/teams/{team}/devices", get(routes::devices))
        .route("/v1/teams/{team}/ack", post(routes::ack))
        .route("/v1/teams/{team}/push", post(sync::push))
        .route("/v1/teams/{team}/changes", get(sync::changes))
        .route("/v1/teams/{team}/snapshot", get(sync::snapshot))
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            state::limit_and_count,
        ))
        .with_state(state)
}

async fn shutdown_signal() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term => {}
    }
}

async fn run(migrate_only: bool) -> Result<(), StartError> {
    let cfg = config::Config::from_env()?;
    let pool = db::pool(&cfg)?;
    db::migrate(&pool, cfg.startup_wait).await?;
    if migrate_only {
        return Ok(());
    }
    let listener = tokio::net::TcpListener::bind(cfg.listen).await?;
    // The first line on standard output names the address (port 0 picks a free one).
    println!("alongside-server listening on {}", listener.local_addr()?);
    let _ = std::io::stdout().flush();
    let app = router(state::AppState::new(pool, cfg));
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let migrate_only = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => false,
        ["--migrate-only"] => true,
        ["--version"] => {
            println!("alongside-server {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        ["--help"] | ["-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("alongside-server: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(migrate_only)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("alongside-server: {e}");
            ExitCode::FAILURE
        }
    }
}
