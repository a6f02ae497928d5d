//! The sync bench: a team of two phones through the real relay over its own PostgreSQL, as the
//! phones sync (the core's `team_create`, `team_invite`, `team_join`, `sync_now` with a small HTTP
//! transport that counts what it sends and receives).
//!
//! Phone A is a copy of a generated caseload: it makes the team and its first sync pushes
//! everything. Phone B is a new, empty vault: it joins, A admits it, and B's first sync pulls it
//! all, in a child process of its own so its peak memory (VmHWM) is the phone's alone. Then the
//! relay's tables are weighed in PostgreSQL against the records' sealed size on phone A.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alongside_core::{SyncReply, SyncTransport, Vault};
use alongside_testbed::{run, Pg, Relay};
use serde_json::{json, Value};

use crate::{copy_dir, die, dir_bytes, ok, peak_memory_kib, write_json, PASSPHRASE};

/// What the transport saw of one kind of request.
#[derive(Default, Clone, Copy)]
struct Tally {
    requests: u64,
    /// Time from sending the request to the end of the answer's body.
    wait: Duration,
}

/// The phone's network: one blocking HTTP exchange per call (as the CLI's), counting the bytes
/// of request and answer bodies and each request kind's waits.
struct Http {
    agent: ureq::Agent,
    sent: AtomicU64,
    received: AtomicU64,
    tallies: Mutex<BTreeMap<&'static str, Tally>>,
    born: Instant,
}

impl Http {
    fn new() -> Arc<Http> {
        Arc::new(Http {
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(Duration::from_secs(600)))
                .build()
                .into(),
            sent: AtomicU64::new(0),
            received: AtomicU64::new(0),
            tallies: Mutex::new(BTreeMap::new()),
            born: Instant::now(),
        })
    }

    fn tally(&self, kind: &str) -> Tally {
        self.tallies
            .lock()
            .expect("tallies")
            .get(kind)
            .copied()
            .unwrap_or_default()
    }

    fn figures(&self) -> Value {
        let tallies = self.tallies.lock().expect("tallies");
        let kinds: BTreeMap<&str, Value> = tallies
            .iter()
            .map(|(k, t)| {
                (
                    *k,
                    json!({"requests": t.requests, "wait_s": t.wait.as_secs_f64()}),
                )
            })
            .collect();
        json!({
            "bytes_sent": self.sent.load(Ordering::Relaxed),
            "bytes_received": self.received.load(Ordering::Relaxed),
            "requests": kinds,
        })
    }
}

fn kind_of(url: &str) -> &'static str {
    let path = url.split('?').next().unwrap_or(url);
    ["push", "changes", "snapshot", "log", "joins", "ack"]
        .into_iter()
        .find(|k| path.ends_with(&format!("/{k}")))
        .unwrap_or("other")
}

impl SyncTransport for Http {
    fn send(
        &self,
        method: String,
        url: String,
        token: Option<String>,
        body: Option<String>,
    ) -> SyncReply {
        let started = Instant::now();
        let auth = token.map(|t| format!("Bearer {t}"));
        let result = if method == "GET" {
            let mut req = self.agent.get(&url);
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.call()
        } else {
            let body = body.unwrap_or_default();
            self.sent.fetch_add(body.len() as u64, Ordering::Relaxed);
            let mut req = self
                .agent
                .post(&url)
                .header("Content-Type", "application/json");
            if let Some(a) = &auth {
                req = req.header("Authorization", a);
            }
            req.send(body.as_bytes())
        };
        let reply = match result {
            Ok(mut resp) => {
                let status = resp.status().as_u16();
                match resp
                    .body_mut()
                    .with_config()
                    .limit(64 << 20)
                    .read_to_string()
                {
                    Ok(body) => SyncReply { status, body },
                    Err(_) => SyncReply {
                        status: 0,
                        body: String::new(),
                    },
                }
            }
            Err(_) => SyncReply {
                status: 0,
                body: String::new(),
            },
        };
        self.received
            .fetch_add(reply.body.len() as u64, Ordering::Relaxed);
        let mut tallies = self.tallies.lock().expect("tallies");
        let t = tallies.entry(kind_of(&url)).or_default();
        t.requests += 1;
        t.wait += started.elapsed();
        if t.requests.is_multiple_of(100) {
            eprintln!(
                "    {} {} requests, {:.1} s waiting, at {:.1} s",
                kind_of(&url),
                t.requests,
                t.wait.as_secs_f64(),
                self.born.elapsed().as_secs_f64()
            );
        }
        reply
    }
}

/// CPU seconds (user + system) a process (`PID`) or one of its threads (`PID/task/TID`) has used
/// so far, from /proc (Linux); 0 elsewhere.
fn process_cpu_s(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // Fields 14 and 15 (utime, stime) of stat, counted after the command's closing parenthesis.
    (ticks(11) + ticks(12)) / 100.0
}

/// How many team-shared records a vault holds and their sealed bodies' total size.
fn sealed_shared(dir: &Path) -> (u64, u64) {
    let conn = ok(
        alongside_core::test_support::storage::connect(dir, false),
        "open the vault's file",
    );
    let kinds = alongside_core::test_support::storage::SHARED_KINDS
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(",");
    conn.query_row(
        &format!(
            "SELECT count(*), coalesce(sum(length(body)), 0) FROM records WHERE kind IN ({kinds})"
        ),
        [],
        |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
    )
    .unwrap_or_else(|e| die(&format!("counting records: {e}")))
}

// ------------------------------------------------------------------ the run

/// `sync SIZE VAULT_DIR SCRATCH_DIR RELAY_BIN OUT_JSON`.
pub fn sync_cmd(size_name: &str, vault_dir: &Path, scratch: &Path, relay_bin: &Path, out: &Path) {
    let a_dir = scratch.join("phone-a");
    let b_dir = scratch.join("phone-b");
    copy_dir(vault_dir, &a_dir);
    if b_dir.exists() {
        std::fs::remove_dir_all(&b_dir).unwrap_or_else(|e| die(&format!("{b_dir:?}: {e}")));
    }
    let (shared_records, shared_sealed) = sealed_shared(&a_dir);
    let a_bytes_before = dir_bytes(&a_dir);

    let load_start = load_average();
    // PostgreSQL's defaults (fsync on, synchronous commits), on loopback; the relay's rate
    // limits raised (a first sync of the heavy caseload is some 800 requests).
    let pg = Pg::start(true);
    pg.psql("postgres", "CREATE DATABASE relay");
    let relay = Relay::start(relay_bin, &pg, "relay", &[]);
    let relay_pid = relay
        .pid()
        .unwrap_or_else(|| die("the relay stopped before the sync"));

    // Phone A makes the team and pushes everything.
    let a_net = Http::new();
    let a_vault = ok(Vault::open(a_dir.display().to_string()), "open A");
    let a = ok(a_vault.unlock(PASSPHRASE.into(), None), "unlock A");
    ok(a.team_create(relay.url(), a_net.clone()), "team create");
    let relay_cpu0 = process_cpu_s(&relay_pid.to_string());
    let started = Instant::now();
    let a_report = ok(a.sync_now(a_net.clone()), "A's first sync");
    let a_wall = started.elapsed();
    let relay_cpu_push = process_cpu_s(&relay_pid.to_string()) - relay_cpu0;
    let a_figures = a_net.figures();
    let push = a_net.tally("push");
    let a_changes = a_net.tally("changes");
    eprintln!(
        "  A pushed {} revisions in {:.1} s ({:.1} s of it waiting for the relay's push answers)",
        a_report.pushed,
        a_wall.as_secs_f64(),
        push.wait.as_secs_f64()
    );

    // Phone B joins with A's code; A's next sync admits it and wraps the keys to it.
    let b_net = Http::new();
    {
        let code = ok(a.team_invite(a_net.clone()), "invite");
        let b_vault = ok(
            Vault::create(b_dir.display().to_string(), PASSPHRASE.into(), None),
            "create B",
        );
        let b = ok(b_vault.worker(), "B's session");
        ok(b.team_join(code, b_net.clone()), "join");
        ok(b.sync_now(b_net.clone()), "B waits for the admin");
    }
    let admit = ok(a.sync_now(a_net.clone()), "A admits B");
    drop(a);
    drop(a_vault);

    // B's first sync, in a process of its own.
    let b_out = scratch.join("phone-b.json");
    let relay_cpu1 = process_cpu_s(&relay_pid.to_string());
    let exe = std::env::current_exe().unwrap_or_else(|e| die(&format!("this binary: {e}")));
    run(
        Command::new(exe)
            .arg("sync-pull")
            .arg(&b_dir)
            .arg(&b_out)
            .stderr(Stdio::inherit()),
        "B's first sync",
    );
    let relay_cpu_pull = process_cpu_s(&relay_pid.to_string()) - relay_cpu1;
    let b: Value = serde_json::from_str(
        &std::fs::read_to_string(&b_out).unwrap_or_else(|e| die(&format!("{b_out:?}: {e}"))),
    )
    .unwrap_or_else(|e| die(&format!("{b_out:?}: {e}")));
    let (b_records, _) = sealed_shared(&b_dir);

    // What the relay keeps.
    let q = |sql: &str| -> u64 {
        pg.psql("relay", sql)
            .trim()
            .parse()
            .unwrap_or_else(|_| die(&format!("psql: {sql}")))
    };
    q("CHECKPOINT; SELECT 0");
    let _ = pg.psql("relay", "VACUUM ANALYZE");
    let revisions = q("SELECT count(*) FROM revisions");
    let envelope_bytes = q("SELECT coalesce(sum(length(body)), 0) FROM revisions");
    let mut tables = BTreeMap::new();
    for t in ["revisions", "heads", "records", "ops"] {
        tables.insert(t, q(&format!("SELECT pg_total_relation_size('{t}')")));
    }
    let database = q("SELECT pg_database_size('relay')");
    let relay_rss = std::fs::read_to_string(format!("/proc/{relay_pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    drop(relay);
    drop(pg);

    let pull = b["requests"]["changes"]["requests"].as_u64().unwrap_or(0);
    let pull_wait = b["requests"]["changes"]["wait_s"].as_f64().unwrap_or(0.0);
    let received = b["report"]["received"].as_u64().unwrap_or(0);
    let figures = json!({
        "size": size_name,
        "load_start": load_start,
        "load_end": load_average(),
        "shared_records_on_a": shared_records,
        "shared_sealed_bytes_on_a": shared_sealed,
        "phone_a": {
            "first_sync_s": a_wall.as_secs_f64(),
            "pushed": a_report.pushed,
            "received": a_report.received,
            "net": a_figures,
            "vault_bytes_before": a_bytes_before,
            "vault_bytes_after": dir_bytes(&a_dir),
            "relay_cpu_s": relay_cpu_push,
            "admit_pushed": admit.pushed,
        },
        "push_throughput_per_s": a_report.pushed as f64 / push.wait.as_secs_f64().max(1e-9),
        "push_wait_s": push.wait.as_secs_f64(),
        "push_requests": push.requests,
        "a_reads_back_s": a_changes.wait.as_secs_f64(),
        "phone_b": b,
        "shared_records_on_b": b_records,
        "pull_throughput_per_s": received as f64 / pull_wait.max(1e-9),
        "pull_requests": pull,
        "pull_wait_s": pull_wait,
        "relay_cpu_pull_s": relay_cpu_pull,
        "relay_peak_kib": relay_rss,
        "server": {
            "revisions": revisions,
            "envelope_bytes": envelope_bytes,
            "tables": tables,
            "database_bytes": database,
        },
    });
    write_json(out, &figures);
    // Some 3 GB for the heavy caseload: not kept for the next run.
    let _ = std::fs::remove_dir_all(&a_dir);
    let _ = std::fs::remove_dir_all(&b_dir);
}

/// `sync-pull PHONE_DIR OUT_JSON`: the joined phone's first sync, in its own process.
pub fn pull_cmd(dir: &Path, out: &Path) {
    let net = Http::new();
    let vault = ok(Vault::open(dir.display().to_string()), "open B");
    let session = ok(vault.unlock(PASSPHRASE.into(), None), "unlock B");
    let memory_before = peak_memory_kib();
    // Unlocking's key derivation takes 64 MiB (Argon2id); reset the peak (Linux's clear_refs) so
    // the figure is the sync's own.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let started = Instant::now();
    let me = std::process::id();
    let main_thread = format!("{me}/task/{me}");
    let cpu_before = process_cpu_s(&me.to_string());
    let main_before = process_cpu_s(&main_thread);
    let report = ok(session.sync_now(net.clone()), "B's first sync");
    let wall = started.elapsed();
    // Less bound to the machine's load than the wall: the phone's own work (all its threads),
    // and the sync's thread alone (what a phone with a free core for each helper thread waits).
    let cpu = process_cpu_s(&me.to_string()) - cpu_before;
    let main = process_cpu_s(&main_thread) - main_before;
    let mut v = net.figures();
    v["first_sync_s"] = json!(wall.as_secs_f64());
    v["cpu_s"] = json!(cpu);
    v["sync_thread_cpu_s"] = json!(main);
    v["peak_kib_before"] = json!(memory_before);
    v["peak_kib"] = json!(peak_memory_kib());
    v["report"] = serde_json::to_value(&report).unwrap_or(Value::Null);
    drop(session);
    drop(vault);
    v["vault_bytes"] = json!(dir_bytes(dir));
    eprintln!(
        "  B received {} revisions in {:.1} s ({cpu:.1} s of CPU, {main:.1} s on the sync's thread; load {})",
        report.received,
        wall.as_secs_f64(),
        load_average()
    );
    write_json(out, &v);
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The sync figures as a table for the report, from `sync_cmd`'s JSON.
pub fn report(v: &Value) {
    let f = |p: &str| v.pointer(p).and_then(Value::as_f64).unwrap_or(0.0);
    let mib = |b: f64| b / (1024.0 * 1024.0);
    let revisions = f("/server/revisions").max(1.0);
    let shared = f("/shared_records_on_a").max(1.0);
    println!();
    println!(
        "### sync: a new phone's first sync of the {} caseload ({} team records) through one relay",
        v["size"].as_str().unwrap_or("?"),
        f("/shared_records_on_a")
    );
    println!();
    println!(
        "PostgreSQL at its defaults (fsync on) and the release relay on loopback; load average {} at the start, {} at the end.",
        v["load_start"].as_str().unwrap_or("?"),
        v["load_end"].as_str().unwrap_or("?")
    );
    println!();
    println!("| what | figure |");
    println!("|---|---:|");
    let rows = [
        (
            "Phone A's first sync: seal and push everything, then read the team's changes back",
            format!(
                "{:.1} s, {} revisions",
                f("/phone_a/first_sync_s"),
                f("/phone_a/pushed")
            ),
        ),
        (
            "  A sent / received (request and answer bodies)",
            format!(
                "{:.1} / {:.1} MiB",
                mib(f("/phone_a/net/bytes_sent")),
                mib(f("/phone_a/net/bytes_received"))
            ),
        ),
        (
            "  of which waiting for push answers",
            format!(
                "{:.1} s ({} requests)",
                f("/push_wait_s"),
                f("/push_requests")
            ),
        ),
        (
            "Relay push throughput (revisions / time waiting for push answers)",
            format!("{:.0} records/s", f("/push_throughput_per_s")),
        ),
        (
            "New phone B's first sync (pull everything)",
            format!(
                "{:.1} s, {} revisions received ({:.1} s of B's CPU)",
                f("/phone_b/first_sync_s"),
                f("/phone_b/report/received"),
                f("/phone_b/cpu_s")
            ),
        ),
        (
            "  B sent / received",
            format!(
                "{:.2} / {:.1} MiB",
                mib(f("/phone_b/bytes_sent")),
                mib(f("/phone_b/bytes_received"))
            ),
        ),
        (
            "  B's peak memory during the sync (VmHWM reset after unlocking; before the reset)",
            format!(
                "{:.1} MiB ({:.1})",
                f("/phone_b/peak_kib") / 1024.0,
                f("/phone_b/peak_kib_before") / 1024.0
            ),
        ),
        (
            "  B's vault on disk after it",
            format!("{:.0} MiB", mib(f("/phone_b/vault_bytes"))),
        ),
        (
            "Relay pull throughput (revisions / time waiting for change pages)",
            format!(
                "{:.0} records/s ({} pages, {:.1} s)",
                f("/pull_throughput_per_s"),
                f("/pull_requests"),
                f("/pull_wait_s")
            ),
        ),
        (
            "Relay CPU: A's sync / B's sync",
            format!(
                "{:.1} s / {:.1} s",
                f("/phone_a/relay_cpu_s"),
                f("/relay_cpu_pull_s")
            ),
        ),
        (
            "A record's sealed row on the phone (team-shared kinds, mean)",
            format!("{:.0} bytes", f("/shared_sealed_bytes_on_a") / shared),
        ),
        (
            "Its envelope body on the relay (mean)",
            format!("{:.0} bytes", f("/server/envelope_bytes") / revisions),
        ),
        (
            "Relay bytes per revision (revisions, heads, records, ops tables with indexes)",
            format!(
                "{:.0} bytes",
                ["revisions", "heads", "records", "ops"]
                    .iter()
                    .map(|t| f(&format!("/server/tables/{t}")))
                    .sum::<f64>()
                    / revisions
            ),
        ),
        (
            "  of which the revisions table",
            format!("{:.0} bytes", f("/server/tables/revisions") / revisions),
        ),
        (
            "Relay database on disk",
            format!("{:.0} MiB", mib(f("/server/database_bytes"))),
        ),
        (
            "Phone A's vault before / after its first sync",
            format!(
                "{:.0} / {:.0} MiB",
                mib(f("/phone_a/vault_bytes_before")),
                mib(f("/phone_a/vault_bytes_after"))
            ),
        ),
    ];
    for (what, figure) in rows {
        let what = what
            .strip_prefix("  ")
            .map_or(what.to_string(), |w| format!("&nbsp;&nbsp;{w}"));
        println!("| {what} | {figure} |");
    }
}
