//! The team sync tests' cluster: one real PostgreSQL per test binary (initdb in a temporary
//! folder, as the `postgres` user when the tests run as root), the real relay binary on its own
//! database per test, and phones that are CLI vaults driven as their own processes.

use super::Cli;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

// ------------------------------------------------------------------ PostgreSQL and the relay

pub struct Pg {
    pub dir: PathBuf,
    pub port: u16,
    pub bin: PathBuf,
    pub as_postgres: bool,
}

static PG: OnceLock<Pg> = OnceLock::new();
static NEXT_DB: AtomicU32 = AtomicU32::new(0);

pub fn pg() -> &'static Pg {
    PG.get_or_init(Pg::start)
}

pub fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Pg {
    pub fn start() -> Pg {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .map(|d| d.flatten().map(|e| e.path().join("bin")).collect())
            .unwrap_or_default();
        versions.sort();
        let bin = std::env::var("ALONGSIDE_PG_BIN")
            .map(PathBuf::from)
            .ok()
            .into_iter()
            .chain(versions.into_iter().rev())
            .find(|d| d.join("initdb").exists())
            .expect("PostgreSQL's initdb (Debian's postgresql package, or ALONGSIDE_PG_BIN)");
        let as_postgres = run(Command::new("id").arg("-u"), "id").trim() == "0";
        let dir = std::env::temp_dir().join(format!("alongside-sync-pg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        if as_postgres {
            run(Command::new("chown").arg("postgres").arg(&dir), "chown");
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let pg = Pg {
            dir,
            port,
            bin,
            as_postgres,
        };
        run(
            pg.tool("initdb").arg("-D").arg(pg.dir.join("data")).args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
            ]),
            "initdb",
        );
        watchdog(&pg);
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            pg.port,
            pg.dir.display()
        );
        run(
            pg.tool("pg_ctl")
                .arg("-D")
                .arg(pg.dir.join("data"))
                .args(["-o", &opts, "-l"])
                .arg(pg.dir.join("log"))
                .args(["-w", "start"]),
            "pg_ctl start",
        );
        pg
    }

    pub fn tool(&self, name: &str) -> Command {
        let path = self.bin.join(name);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }

    pub fn conn(&self, db: &str) -> Vec<String> {
        vec![
            "-h".into(),
            self.dir.display().to_string(),
            "-p".into(),
            self.port.to_string(),
            "-U".into(),
            "postgres".into(),
            "-d".into(),
            db.into(),
        ]
    }

    pub fn psql(&self, db: &str, sql: &str) -> String {
        run(
            self.tool("psql").args(self.conn(db)).args([
                "-v",
                "ON_ERROR_STOP=1",
                "-qAt",
                "-c",
                sql,
            ]),
            "psql",
        )
    }

    pub fn create_db(&self) -> String {
        let name = format!("sync{}", NEXT_DB.fetch_add(1, Ordering::SeqCst));
        self.psql("postgres", &format!("CREATE DATABASE {name}"));
        name
    }

    pub fn dump(&self, db: &str) -> String {
        run(self.tool("pg_dump").args(self.conn(db)), "pg_dump")
    }

    pub fn restore(&self, db: &str, dump: &str) {
        self.psql("postgres", &format!("DROP DATABASE {db} WITH (FORCE)"));
        self.psql("postgres", &format!("CREATE DATABASE {db}"));
        let file = self.dir.join(format!("{db}.sql"));
        std::fs::write(&file, dump).unwrap();
        run(
            self.tool("psql")
                .args(self.conn(db))
                .args(["-v", "ON_ERROR_STOP=1", "-q", "-f"])
                .arg(&file),
            "psql -f",
        );
    }
}

/// Stops the cluster once this test binary is gone, however it ends (it outlives us on purpose,
/// so it is never waited for).
#[allow(clippy::zombie_processes)]
pub fn watchdog(pg: &Pg) {
    let as_postgres = pg.as_postgres;
    let stop = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {runas} {bin}/pg_ctl stop -D {dir}/data -m immediate >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            runas = if as_postgres { "runuser -u postgres --" } else { "" },
            bin = pg.bin.display(),
            dir = pg.dir.display()
        );
    Command::new("sh")
        .args(["-c", &stop])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the cluster's watchdog");
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

pub struct Relay {
    pub child: Child,
    pub url: String,
}

impl Relay {
    pub fn start(db: &str) -> Relay {
        Relay::start_limited(db, 100_000)
    }

    /// A relay answering `per_sec` requests a second from one address (bursts of as many).
    pub fn start_limited(db: &str, per_sec: u32) -> Relay {
        let pg = pg();
        let mut child = Command::new(relay_bin())
            .env(
                "ALONGSIDE_DATABASE_URL",
                format!(
                    "host={} port={} user=postgres dbname={db}",
                    pg.dir.display(),
                    pg.port
                ),
            )
            .env("ALONGSIDE_LISTEN", "127.0.0.1:0")
            .env("ALONGSIDE_RATE_PER_SEC", per_sec.to_string())
            .env("ALONGSIDE_RATE_BURST", per_sec.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("alongside-server listening on ")
            .unwrap_or_else(|| panic!("the relay did not start: {line:?}"))
            .to_string();
        Relay {
            child,
            url: format!("http://{addr}"),
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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
    let relay = Relay::start(&db);
    let (a, b) = team_at(&relay.url);
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
