//! The team sync tests' cluster: one real PostgreSQL per test binary (initdb in a temporary
//! folder, as the `postgres` user when the tests run as root), the real relay binary on its own
//! database per test, and phones that are CLI vaults driven as their own processes.

use super::Cli;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

// ------------------------------------------------------------------ PostgreSQL and the relay

pub use alongside_testbed::{run, Pg, Relay};

static PG: OnceLock<Pg> = OnceLock::new();

/// The test binary's one cluster (fsync off), stopped by its watchdog when the binary ends.
pub fn pg() -> &'static Pg {
    PG.get_or_init(|| Pg::start(false))
}

/// The relay binary, built beside this CLI's binary.
pub fn relay_bin() -> PathBuf {
    let dir = Path::new(env!("CARGO_BIN_EXE_alongside")).parent().unwrap();
    let bin = dir.join("alongside-server");
    if !bin.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        run(
            Command::new(cargo).args([
                "build",
                "-p",
                "alongside-server",
                "--bin",
                "alongside-server",
            ]),
            "cargo build -p alongside-server",
        );
    }
    bin
}

/// The real relay on database `db` of the shared cluster.
pub fn start_relay(db: &str) -> Relay {
    Relay::start(&relay_bin(), pg(), db, &[])
}

/// A relay answering `per_sec` requests a second from one address (bursts of as many).
pub fn start_limited_relay(db: &str, per_sec: u32) -> Relay {
    let rate = per_sec.to_string();
    Relay::start(
        &relay_bin(),
        pg(),
        db,
        &[
            ("ALONGSIDE_RATE_PER_SEC", &rate),
            ("ALONGSIDE_RATE_BURST", &rate),
        ],
    )
}

// ------------------------------------------------------------------ phones

pub struct Phone {
    pub cli: Cli,
    pub _dir: tempfile::TempDir,
}

impl Phone {
    pub fn new() -> Phone {
        let dir = tempfile::tempdir().unwrap();
        Phone {
            cli: Cli::new(dir.path()),
            _dir: dir,
        }
    }

    pub fn json(&self, args: &[&str]) -> Value {
        self.cli.json(args)
    }

    pub fn sync(&self) -> Value {
        self.json(&["sync"])
    }
}

pub fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// A team of two on a fresh relay database: A made it, B joined and has been added.
pub fn team() -> (String, Relay, Phone, Phone) {
    let db = pg().create_db();
    let relay = start_relay(&db);
    let (a, b) = team_at(&relay.url());
    (db, relay, a, b)
}

/// A team of two whose phones reach the relay at `server` (the relay, or a proxy in front of it).
pub fn team_at(server: &str) -> (Phone, Phone) {
    let a = Phone::new();
    let b = Phone::new();
    a.json(&["team", "create", "--server", server]);
    let b_joins = join(&a);
    b.json(&["team", "join", &b_joins]);
    assert_eq!(b.sync()["waiting_for_admin"], true);
    assert_eq!(a.sync()["admitted"], 1);
    b.sync();
    assert_eq!(b.json(&["team", "status"])["member"], true);
    (a, b)
}

/// A one-time invite code made by the admin phone `a`.
pub fn join(a: &Phone) -> String {
    a.json(&["team", "invite"])["code"]
        .as_str()
        .unwrap()
        .to_string()
}

pub fn goal_on_both(a: &Phone, b: &Phone) -> (String, String) {
    let sam = id(&a.json(&["client", "add", "--name", "Samira Okafor"]));
    a.json(&[
        "plan",
        "create",
        &sam,
        "--start",
        "2026-01-05",
        "--review-due",
        "2026-04-06",
    ]);
    let goal = id(&a.json(&[
        "goal", "add", &sam, "--area", "housing", "--words", "A flat",
    ]));
    a.sync();
    b.sync();
    (sam, goal)
}
