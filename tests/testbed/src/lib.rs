//! The real parts the sync tests and the sync bench run against, started the same way for all
//! of them: a PostgreSQL cluster of their own (`initdb` in the system's temporary folder, as the
//! `postgres` user when running as root, since PostgreSQL refuses to run as root) and the real
//! `alongside-server` binary on it. The server's tests, the CLI's team tests, the Kotlin run (via
//! this crate's binary) and `alongside-bench sync` all use this crate.
//!
//! Everything here is for tests: a step that fails panics with what failed and what it said.
#![allow(clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_DB: AtomicU32 = AtomicU32::new(0);

/// One PostgreSQL cluster in a temporary folder. A watchdog process stops it and removes the
/// folder once the process that started it is gone, however that process ends (a panic, a
/// SIGKILL), so no test run leaves a cluster behind.
pub struct Pg {
    /// The cluster's folder: its data, its log and its Unix socket.
    pub dir: PathBuf,
    /// Its TCP port on 127.0.0.1.
    pub port: u16,
    bin: PathBuf,
    as_postgres: bool,
    durable: bool,
}

impl Pg {
    /// Makes and starts a cluster. `durable`: PostgreSQL's defaults (fsync on, as an agency runs
    /// it; the bench and the crash tests); otherwise fsync off, which tests run faster with.
    pub fn start(durable: bool) -> Pg {
        let bin = bin_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!("alongside-pg-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("the cluster's temporary folder");
        let as_postgres = is_root();
        if as_postgres {
            run(
                Command::new("chown").arg("postgres").arg(&dir),
                "chown the cluster's folder to postgres",
            );
        }
        let pg = Pg {
            dir,
            port: free_port(),
            bin,
            as_postgres,
            durable,
        };
        let mut initdb = pg.tool("initdb");
        initdb
            .arg("-D")
            .arg(pg.data())
            .args(["-A", "trust", "-U", "postgres", "-E", "UTF8"]);
        if !durable {
            initdb.arg("--no-sync");
        }
        run(&mut initdb, "initdb");
        let runas = if as_postgres {
            "runuser -u postgres --"
        } else {
            ""
        };
        when_gone(
            None,
            &format!(
                "{runas} {}/pg_ctl stop -D {} -m immediate; rm -rf {}",
                pg.bin.display(),
                pg.data().display(),
                pg.dir.display()
            ),
        );
        pg.start_server();
        pg
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// A PostgreSQL program (`psql`, `pg_dump`, ...), run as the cluster's owner.
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

    /// Starts (or restarts) the server and waits until it accepts connections.
    pub fn start_server(&self) {
        let fsync = if self.durable { "on" } else { "off" };
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync={fsync} -c max_connections=300",
            self.port,
            self.dir.display()
        );
        run(
            self.tool("pg_ctl")
                .arg("-D")
                .arg(self.data())
                .args(["-o", &opts, "-l"])
                .arg(self.dir.join("log"))
                .args(["-w", "start"]),
            "pg_ctl start",
        );
    }

    /// `pg_ctl stop -m immediate`: PostgreSQL dies as on a power cut (crash recovery at start).
    pub fn stop_immediately(&self) {
        run(
            self.tool("pg_ctl")
                .arg("-D")
                .arg(self.data())
                .args(["-m", "immediate", "stop"]),
            "pg_ctl stop",
        );
    }

    /// A fresh database, named `t0`, `t1`, ...
    pub fn create_db(&self) -> String {
        let name = format!("t{}", NEXT_DB.fetch_add(1, Ordering::SeqCst));
        self.psql("postgres", &format!("CREATE DATABASE {name}"));
        name
    }

    /// Runs SQL with psql, returning its unaligned output.
    pub fn psql(&self, db: &str, sql: &str) -> String {
        run(
            self.tool("psql").args(self.conn_args(db)).args([
                "-v",
                "ON_ERROR_STOP=1",
                "-qAt",
                "-c",
                sql,
            ]),
            "psql",
        )
    }

    fn conn_args(&self, db: &str) -> Vec<String> {
        let dir = self.dir.display().to_string();
        let port = self.port.to_string();
        ["-h", &dir, "-p", &port, "-U", "postgres", "-d", db]
            .map(String::from)
            .to_vec()
    }

    /// The relay's connection string for a database (over the Unix socket).
    pub fn database_url(&self, db: &str) -> String {
        format!(
            "host={} port={} user=postgres dbname={db}",
            self.dir.display(),
            self.port
        )
    }

    /// `pg_dump` of a database, as SQL text.
    pub fn dump(&self, db: &str) -> String {
        run(self.tool("pg_dump").args(self.conn_args(db)), "pg_dump")
    }

    /// Replaces a database with a dump (drop, create, load).
    pub fn restore(&self, db: &str, dump: &str) {
        self.psql("postgres", &format!("DROP DATABASE {db} WITH (FORCE)"));
        self.psql("postgres", &format!("CREATE DATABASE {db}"));
        let file = self.dir.join(format!("{db}.sql"));
        std::fs::write(&file, dump).expect("write the dump");
        run(
            self.tool("psql")
                .args(self.conn_args(db))
                .args(["-v", "ON_ERROR_STOP=1", "-q", "-f"])
                .arg(&file),
            "psql -f",
        );
    }
}

/// The real relay binary on one database, its rate limits raised (tests and the bench send
/// hundreds of requests a second from one address), killed when dropped or when the process that
/// started it is gone.
pub struct Relay {
    child: Option<Child>,
    /// Where it listens.
    pub addr: SocketAddr,
    bin: PathBuf,
    db_url: String,
    env: Vec<(String, String)>,
}

impl Relay {
    /// Starts `bin` on the database `db` of `pg`, with extra settings (`ALONGSIDE_*`). Its
    /// standard error is shown when ALONGSIDE_TEST_RELAY_LOG is set.
    pub fn start(bin: &Path, pg: &Pg, db: &str, env: &[(&str, &str)]) -> Relay {
        let mut relay = Relay {
            child: None,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            bin: bin.to_path_buf(),
            db_url: pg.database_url(db),
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        relay.spawn();
        relay
    }

    fn spawn(&mut self) {
        let mut cmd = Command::new(&self.bin);
        cmd.env("ALONGSIDE_DATABASE_URL", &self.db_url)
            .env("ALONGSIDE_LISTEN", "127.0.0.1:0")
            .env("ALONGSIDE_RATE_PER_SEC", "100000")
            .env("ALONGSIDE_RATE_BURST", "100000")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(if std::env::var_os("ALONGSIDE_TEST_RELAY_LOG").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            });
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("starting the relay {}: {e}", self.bin.display()));
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let Some(addr) = line
            .trim()
            .strip_prefix("alongside-server listening on ")
            .and_then(|a| a.parse().ok())
        else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the relay did not start (it said {line:?}); set ALONGSIDE_TEST_RELAY_LOG=1");
        };
        when_gone(Some(child.id()), &format!("kill -9 {}", child.id()));
        self.addr = addr;
        self.child = Some(child);
    }

    /// Its base URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Its process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// SIGKILL, no goodbye.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Kills it and starts it again on the same database (on a new port).
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs a command; panics with its output when it fails. Returns its standard output.
pub fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `script` in the background once this process has ended; with `child`, only if that
/// process still runs then (the watcher stops watching when it ends first, so a recycled process
/// id is never killed). The watcher is never waited for: it outlives this process on purpose.
#[allow(clippy::zombie_processes)]
fn when_gone(child: Option<u32>, script: &str) {
    let me = std::process::id();
    let watch = match child {
        None => format!("while kill -0 {me} 2>/dev/null; do sleep 1; done; {script}"),
        Some(c) => format!(
            "while kill -0 {me} 2>/dev/null && kill -0 {c} 2>/dev/null; do sleep 1; done; \
             kill -0 {me} 2>/dev/null || {script}"
        ),
    };
    Command::new("sh")
        .args(["-c", &format!("{{ {watch}; }} >/dev/null 2>&1")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the watchdog");
}

/// PostgreSQL's server programs: ALONGSIDE_PG_BIN, else Debian's newest, else `pg_config`'s.
fn bin_dir() -> PathBuf {
    let mut candidates: Vec<PathBuf> = std::env::var_os("ALONGSIDE_PG_BIN")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    if let Ok(entries) = std::fs::read_dir("/usr/lib/postgresql") {
        let mut versions: Vec<PathBuf> = entries.flatten().map(|e| e.path().join("bin")).collect();
        versions.sort();
        candidates.extend(versions.into_iter().rev());
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        candidates.push(String::from_utf8_lossy(&out.stdout).trim().into());
    }
    candidates
        .into_iter()
        .find(|d| d.join("initdb").exists() && d.join("pg_ctl").exists())
        .unwrap_or_else(|| {
            panic!(
                "PostgreSQL's server programs (initdb, pg_ctl) were not found: install Debian's \
                 `postgresql` package (`make toolchain` does when run as root) or set \
                 ALONGSIDE_PG_BIN to their folder"
            )
        })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}
