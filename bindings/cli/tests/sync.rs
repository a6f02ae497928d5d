//! Team sync end to end: one real PostgreSQL for the file (initdb in a temporary folder, as the
//! `postgres` user when the tests run as root), the real relay binary on its own database per
//! test, and each phone a CLI vault driven as its own processes.
#![allow(clippy::unwrap_used)]

mod common;

use common::Cli;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

// ------------------------------------------------------------------ PostgreSQL and the relay

struct Pg {
    dir: PathBuf,
    port: u16,
    bin: PathBuf,
    as_postgres: bool,
}

static PG: OnceLock<Pg> = OnceLock::new();
static NEXT_DB: AtomicU32 = AtomicU32::new(0);

fn pg() -> &'static Pg {
    PG.get_or_init(Pg::start)
}

fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Pg {
    fn start() -> Pg {
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

    fn tool(&self, name: &str) -> Command {
        let path = self.bin.join(name);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }

    fn conn(&self, db: &str) -> Vec<String> {
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

    fn psql(&self, db: &str, sql: &str) -> String {
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

    fn create_db(&self) -> String {
        let name = format!("sync{}", NEXT_DB.fetch_add(1, Ordering::SeqCst));
        self.psql("postgres", &format!("CREATE DATABASE {name}"));
        name
    }

    fn dump(&self, db: &str) -> String {
        run(self.tool("pg_dump").args(self.conn(db)), "pg_dump")
    }

    fn restore(&self, db: &str, dump: &str) {
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
fn watchdog(pg: &Pg) {
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
fn relay_bin() -> PathBuf {
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

struct Relay {
    child: Child,
    url: String,
}

impl Relay {
    fn start(db: &str) -> Relay {
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
            .env("ALONGSIDE_RATE_PER_SEC", "100000")
            .env("ALONGSIDE_RATE_BURST", "100000")
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

struct Phone {
    cli: Cli,
    _dir: tempfile::TempDir,
}

impl Phone {
    fn new() -> Phone {
        let dir = tempfile::tempdir().unwrap();
        Phone {
            cli: Cli::new(dir.path()),
            _dir: dir,
        }
    }

    fn json(&self, args: &[&str]) -> Value {
        self.cli.json(args)
    }

    fn sync(&self) -> Value {
        self.json(&["sync"])
    }
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// A team of two on a fresh relay database: A made it, B joined and has been added.
fn team() -> (String, Relay, Phone, Phone) {
    let db = pg().create_db();
    let relay = Relay::start(&db);
    let a = Phone::new();
    let b = Phone::new();
    a.json(&["team", "create", "--server", &relay.url]);
    let code = a.json(&["team", "invite"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    b.json(&["team", "join", &code]);
    assert_eq!(b.sync()["waiting_for_admin"], true);
    assert_eq!(a.sync()["admitted"], 1);
    b.sync();
    assert_eq!(b.json(&["team", "status"])["member"], true);
    (db, relay, a, b)
}

fn goal_on_both(a: &Phone, b: &Phone) -> (String, String) {
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

// ------------------------------------------------------------------ tests

#[test]
fn records_written_on_one_phone_reach_the_other_and_private_ones_never_leave() {
    let (db, _relay, a, b) = team();
    let (sam, goal) = goal_on_both(&a, &b);
    let visit = id(&a.json(&[
        "visit",
        "log",
        &sam,
        "--kind",
        "home_visit",
        "--duty",
        "educate",
        "--purpose",
        "Budgeting with the landlord letter",
        "--on",
        "2026-03-02",
        "--at",
        "10:00",
    ]));
    a.json(&[
        "debrief",
        "add",
        "--score",
        "3",
        "--words",
        "Heavy afternoon with the flood",
    ]);
    a.sync();
    let got = b.sync();
    assert!(got["received"].as_u64().unwrap() >= 1, "{got}");
    let clients = b.json(&["client", "list"]).to_string();
    assert!(clients.contains("Samira Okafor"), "{clients}");
    assert_eq!(b.json(&["goal", "show", &goal])["client_words"], "A flat");
    let shown = b.json(&["visit", "show", &visit]).to_string();
    assert!(
        shown.contains("Budgeting with the landlord letter"),
        "{shown}"
    );
    let corner = b.json(&["debrief", "list"]).to_string();
    assert!(!corner.contains("flood"), "{corner}");

    let dump = pg().dump(&db);
    for secret in [
        "Samira",
        "Okafor",
        "landlord",
        "flood",
        "Heavy afternoon",
        &sam,
        &goal,
        &visit,
    ] {
        assert!(
            !dump.contains(secret),
            "the relay's database holds {secret:?}"
        );
    }
    for kind in [
        "\"goal\"",
        "home_visit",
        "debrief",
        "plan_version",
        "client_words",
    ] {
        assert!(!dump.contains(kind), "the relay's database names {kind:?}");
    }
}

#[test]
fn edits_to_different_fields_merge_and_the_same_field_asks_a_person() {
    let (_db, _relay, a, b) = team();
    let (_sam, goal) = goal_on_both(&a, &b);

    // Different fields, offline on both, then synced: both edits stay, on both phones.
    a.json(&["goal", "edit", &goal, "--words", "A flat near my sister"]);
    b.json(&["goal", "edit", &goal, "--measure", "Keys in hand"]);
    a.sync();
    b.sync();
    a.sync();
    for phone in [&a, &b] {
        let g = phone.json(&["goal", "show", &goal]);
        assert_eq!(g["client_words"], "A flat near my sister", "{g}");
        assert_eq!(g["measure"], "Keys in hand", "{g}");
        assert_eq!(phone.json(&["review", "list"]), serde_json::json!([]));
    }

    // The same field: both values kept, a review item on both phones, with who and when.
    a.json(&["goal", "edit", &goal, "--words", "A flat by the park"]);
    b.json(&["goal", "edit", &goal, "--words", "A flat by the river"]);
    a.sync();
    b.sync();
    a.sync();
    let mut ids = Vec::new();
    let mut held = Vec::new();
    for phone in [&a, &b] {
        let items = phone.json(&["review", "list"]);
        let items = items.as_array().unwrap();
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0]["field"], "client_words");
        let values: Vec<&str> = items[0]["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["value"].as_str().unwrap())
            .collect();
        assert!(values.contains(&"\"A flat by the park\""), "{values:?}");
        assert!(values.contains(&"\"A flat by the river\""), "{values:?}");
        ids.push(items[0]["id"].as_str().unwrap().to_string());
        // Until a person chooses, both phones hold the same one of the two values.
        held.push(phone.json(&["goal", "show", &goal])["client_words"].clone());
    }
    assert_eq!(held[0], held[1]);
    // B's worker keeps the value the record holds now (the harder case: the record does not
    // change, the decision must still travel); the choice reaches A and settles A's item too.
    let items = b.json(&["review", "list"]);
    let keep = items[0]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| {
            let text = held[0].to_string();
            c["value"].as_str().unwrap() == text
        })
        .unwrap()
        .to_string();
    b.json(&["review", "resolve", &ids[1], "--choice", &keep]);
    b.sync();
    a.sync();
    for phone in [&a, &b] {
        assert_eq!(
            phone.json(&["goal", "show", &goal])["client_words"],
            held[0]
        );
        assert_eq!(phone.json(&["review", "list"]), serde_json::json!([]));
    }
}

#[test]
fn a_relay_restored_from_an_older_dump_gets_the_phones_records_again() {
    let (db, _relay, a, b) = team();
    let (_sam, _goal) = goal_on_both(&a, &b);
    let before = pg().dump(&db);
    let robin = id(&a.json(&["client", "add", "--name", "Robin Vasquez"]));
    a.sync();
    pg().restore(&db, &before);
    let again = a.sync();
    assert_eq!(again["restore_detected"], true, "{again}");
    b.sync();
    let clients = b.json(&["client", "list"]).to_string();
    assert!(clients.contains("Robin Vasquez"), "{clients}");
    assert!(clients.contains(&robin), "{clients}");
}

/// The document without its `edits` lists, at any depth.
fn without_edits(mut v: Value) -> Value {
    match &mut v {
        Value::Array(a) => {
            for x in a.iter_mut() {
                *x = without_edits(x.take());
            }
        }
        Value::Object(o) => {
            o.remove("edits");
            for x in o.values_mut() {
                *x = without_edits(x.take());
            }
        }
        _ => {}
    }
    v
}

/// Every text value in a JSON document, at any depth.
fn texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        Value::Object(o) => o.values().for_each(|x| texts(x, out)),
        _ => {}
    }
}

#[test]
fn the_demo_caseload_reaches_the_other_phone_and_the_relay_holds_none_of_it() {
    let (db, _relay, a, b) = team();
    a.json(&["demo"]);
    a.sync();
    // B's screens built their sealed indexes before the records arrive.
    b.json(&["client", "list"]);
    b.json(&["today"]);
    b.sync();
    let on_a = a.json(&["client", "list"]);
    let on_b = b.json(&["client", "list"]);
    let mut words = Vec::new();
    let mut ids = Vec::new();
    for c in on_a["rows"].as_array().unwrap() {
        let client = c["client_id"].as_str().unwrap().to_string();
        let shown = a.json(&["client", "show", &client]);
        // The same on both phones, but for the edit history made before the record was shared
        // (earlier revisions are the phone's own; the team's history starts at the first sync).
        assert_eq!(
            without_edits(shown.clone()),
            without_edits(b.json(&["client", "show", &client])),
            "the same on both phones"
        );
        texts(&shown, &mut words);
        ids.push(client);
    }
    let names = |v: &Value| {
        let mut n: Vec<String> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["preferred_name"].as_str().unwrap().to_string())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&on_a), names(&on_b));
    // Screens read through the sealed indexes: the records another phone sent are in them.
    assert_eq!(on_a, on_b, "the caseload list is the same on both phones");
    for client in &ids {
        let page = |p: &Phone| p.json(&["timeline", client]);
        assert_eq!(
            page(&a),
            page(&b),
            "the timeline is the same on both phones"
        );
    }
    let open = |p: &Phone| {
        let day = p.json(&["today"]);
        (
            day["open_incidents"].clone(),
            day["referrals_to_follow_up"].clone(),
        )
    };
    assert_eq!(
        open(&a),
        open(&b),
        "open incidents and referrals the same on both phones"
    );
    assert!(ids.len() >= 3, "{on_a}");
    // What a person typed: names, goals in the client's words, notes (dates, enum values and
    // short words left aside: they are in any database).
    words.retain(|w| w.len() >= 8 && w.contains(' ') && w.chars().any(char::is_alphabetic));
    assert!(words.len() >= 5, "{words:?}");
    let dump = pg().dump(&db);
    for secret in words.iter().chain(&ids) {
        assert!(
            !dump.contains(secret.as_str()),
            "the relay's database holds {secret:?}"
        );
    }
    for kind in [
        "wellness_plan",
        "incident",
        "referral",
        "assessment",
        "follow_up",
    ] {
        assert!(!dump.contains(kind), "the relay's database names {kind:?}");
    }
}

#[test]
fn a_phone_added_later_gets_the_keys_of_clients_another_member_made() {
    let (_db, _relay, a, b) = team();
    // B, a worker's phone, makes a client: its key goes to the devices B knows (A).
    let xavier = id(&b.json(&["client", "add", "--name", "Xavier Lindqvist"]));
    b.sync();
    // A third phone joins; the admin adds it before it has even received B's client.
    let c = Phone::new();
    let code = a.json(&["team", "invite"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    c.json(&["team", "join", &code]);
    a.sync();
    c.sync();
    // B sees C in the verified log and grants it the key of the client it made.
    b.sync();
    c.sync();
    let clients = c.json(&["client", "list"]).to_string();
    assert!(clients.contains("Xavier Lindqvist"), "{clients}");
    assert!(clients.contains(&xavier), "{clients}");
    assert_eq!(c.json(&["team", "status"])["member"], true);
}
