//! Alongside's benchmark. One binary, built three times (`make bench` does it):
//!
//! - sealed: the core as the phone ships it (every record sealed with AES-256-GCM);
//! - plaintext (`--features plaintext`): the same schema, queries and JSON bodies, unsealed;
//! - sqlcipher (`--features sqlcipher`): unsealed bodies in a SQLCipher database keyed on connect.
//!
//! Commands:
//! - `generate SIZE SEED VAULT_DIR`: make a caseload through the worker's API (cached by the caller);
//!   SIZE `bridge` is one client as tests/kotlin/bench's: 400 visits, 300 notes on them, 300
//!   ratings (1,000 timeline items), for counting a timeline page's instructions;
//! - `measure SIZE VAULT_DIR SCRATCH_DIR OUT_JSON`: copy the vault to scratch and time the
//!   operations a worker feels there, fresh each run;
//! - `repeat VAULT_DIR SCRATCH_DIR OPERATION COUNT`: one operation over and over, for a profiler
//!   (`timeline` is a first page of 50; `timeline-N` a first page of N);
//! - `report RESULTS_DIR OUT_JSON [LIB_BYTES]`: print the table, every figure with its ratio to
//!   each baseline, and write the machine-readable copy;
//! - `sync SIZE VAULT_DIR SCRATCH_DIR RELAY_BIN OUT_JSON`: a new phone's first sync of the
//!   caseload through the real relay over a PostgreSQL of the bench's own (`sync.rs`);
//!   `sync-pull` is its joined phone's process.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use alongside_core::test_support::{argon2id, Secret};
#[cfg(feature = "sqlcipher")]
use alongside_core::test_support::{pbkdf2_sha256, DEFAULT_PBKDF2_ITERATIONS};
use alongside_core::Duty;
use alongside_core::KdfParams;
use alongside_core::{ActivityInput, ActivityKind, ActivityStatus, Scheduling};
use alongside_core::{ClockTime, Day, Error, PlatformKey, Vault, WorkerSession};
use alongside_fixtures::generate::{self, Size, Spec};
use serde_json::{json, Value};

mod sync;

const PASSPHRASE: &str = "a long passphrase for the benchmark caseload";
/// Bump when the generator or the bench's data change, or an index's version does (a cached vault
/// would otherwise rebuild that index inside the first measured call), so vaults are made again.
const GENERATION: u32 = 4;

fn variant() -> &'static str {
    if cfg!(feature = "sqlcipher") {
        "sqlcipher"
    } else if cfg!(feature = "plaintext") {
        "plaintext"
    } else {
        "sealed"
    }
}

/// The caseload's present day: fixed, so every run sees the same days.
fn today() -> Day {
    Day::from_ymd(2026, 11, 24).expect("a valid day")
}

fn size(name: &str) -> Size {
    match name {
        "typical" => Size::TYPICAL,
        "heavy" => Size::HEAVY,
        // The heavy caseload at its first year: a timeline page must cost the same here as at
        // year five.
        "heavy-year1" => Size {
            years: 1,
            ..Size::HEAVY
        },
        "tiny" => Size::TINY,
        other => die(&format!(
            "unknown size {other}: typical, heavy, heavy-year1 or tiny"
        )),
    }
}

fn die(msg: &str) -> ! {
    eprintln!("alongside-bench: {msg}");
    std::process::exit(2)
}

fn ok<T>(r: Result<T, Error>, what: &str) -> T {
    r.unwrap_or_else(|e| die(&format!("{what}: {e}")))
}

/// SQLCipher needs its key before the first connection; a SQLCipher app derives it from the
/// passphrase, so the baseline does too (with the same PBKDF2 cost as the vault's own slot).
fn sqlcipher_key() {
    #[cfg(feature = "sqlcipher")]
    {
        let key = pbkdf2_sha256(
            PASSPHRASE,
            b"alongside-bench-sqlcipher",
            DEFAULT_PBKDF2_ITERATIONS,
        );
        alongside_core::test_support::storage::sqlcipher::set_key(ok(key, "sqlcipher key"));
    }
}

/// A stand-in for the phone's keystore, so unlocking can be timed without the key derivation.
/// Not a secret in any sense: the benchmark's vaults hold only generated people.
struct BenchKey;

impl PlatformKey for BenchKey {
    fn wrap(&self, secret: Vec<u8>) -> Result<Vec<u8>, Error> {
        Ok(secret.iter().map(|b| b ^ 0x5a).collect())
    }
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, Error> {
        Ok(wrapped.iter().map(|b| b ^ 0x5a).collect())
    }
    fn device_secret(&self, input: Vec<u8>) -> Result<Vec<u8>, Error> {
        Ok(input.iter().map(|b| b ^ 0x5a).collect())
    }
}

fn generate_cmd(size_name: &str, seed: u64, dir: &Path) {
    sqlcipher_key();
    if dir.exists() {
        std::fs::remove_dir_all(dir).unwrap_or_else(|e| die(&format!("clearing {dir:?}: {e}")));
    }
    let started = Instant::now();
    let vault = ok(
        Vault::create(dir.display().to_string(), PASSPHRASE.into(), None),
        "create",
    );
    let session = ok(vault.worker(), "session");
    if size_name == "bridge" {
        bridge_client(&session);
        eprintln!(
            "  {} bridge: one client, 1,000 timeline items in {:.0} s",
            variant(),
            started.elapsed().as_secs_f64()
        );
        return;
    }
    let spec = Spec {
        seed,
        size: size(size_name),
        today: today(),
    };
    let mut last = 0;
    let made = ok(
        generate::generate(&session, spec, &mut |g, day, days| {
            let pct = day * 100 / days.max(1);
            if pct >= last + 10 {
                last = pct;
                eprintln!(
                    "  {} {size_name}: {pct}% ({} writes, {} activities, {:.0} s)",
                    variant(),
                    g.writes,
                    g.activities,
                    started.elapsed().as_secs_f64()
                );
            }
        }),
        "generate",
    );
    // A vault made by this build keeps its indexes as it is written; what an index builds once
    // at its first read (its marker) is done here, so no measurement includes it.
    ok(session.today(today()), "today");
    ok(
        session.duty_balance(today().add_days(-364), today()),
        "duty balance",
    );
    if let Some(row) = ok(session.caseload(today()), "caseload").rows.first() {
        ok(session.timeline(row.client_id.clone(), 0, 1), "timeline");
    }
    drop(session);
    drop(vault);
    let info = json!({
        "variant": variant(),
        "size": size_name,
        "seed": seed,
        "generation": GENERATION,
        "today": today().to_string(),
        "seconds": started.elapsed().as_secs_f64(),
        "clients": made.clients,
        "resources": made.resources,
        "activities": made.activities,
        "scheduled": made.scheduled,
        "notes": made.notes,
        "signed": made.signed,
        "follow_ups": made.follow_ups,
        "goals": made.goals,
        "ratings": made.ratings,
        "reviews": made.reviews,
        "incidents": made.incidents,
        "referrals": made.referrals,
        "writes": made.writes,
    });
    write_json(&dir.join("generated.json"), &info);
    eprintln!(
        "  {} {size_name}: {} activities, {} notes, {} ratings, {} writes in {:.0} s",
        variant(),
        made.activities,
        made.notes,
        made.ratings,
        made.writes,
        started.elapsed().as_secs_f64()
    );
}

/// The Kotlin bench's client (`generate::bridge_client`), read once.
fn bridge_client(s: &WorkerSession) {
    let client = ok(generate::bridge_client(s, today()), "bridge client");
    // Build what a first read builds, so no count includes it.
    ok(s.timeline(client, 0, 1), "timeline");
}

fn write_json(path: &Path, v: &Value) {
    let text = serde_json::to_string_pretty(v).expect("json");
    std::fs::write(path, text + "\n").unwrap_or_else(|e| die(&format!("writing {path:?}: {e}")));
}

fn copy_dir(from: &Path, to: &Path) {
    if to.exists() {
        std::fs::remove_dir_all(to).unwrap_or_else(|e| die(&format!("clearing {to:?}: {e}")));
    }
    std::fs::create_dir_all(to).unwrap_or_else(|e| die(&format!("{to:?}: {e}")));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| die(&format!("{from:?}: {e}"))) {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        std::fs::copy(entry.path(), &target)
            .unwrap_or_else(|e| die(&format!("copying {:?}: {e}", entry.path())));
        // Flush the copy now: left to the kernel, writing back a few hundred megabytes would
        // stall the commits being timed behind it.
        std::fs::File::open(&target)
            .and_then(|f| f.sync_all())
            .unwrap_or_else(|e| die(&format!("syncing {target:?}: {e}")));
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

/// CPU time of the calling thread (user and system): `CLOCK_THREAD_CPUTIME_ID` (Linux, macOS).
fn thread_cpu() -> Duration {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    #[cfg(target_os = "macos")]
    const CLOCK_THREAD_CPUTIME_ID: i32 = 16;
    #[cfg(not(target_os = "macos"))]
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Wall-clock and thread CPU time of one call. A screen does no I/O wait (its pages are in
/// memory), so its CPU time is what its wall time would be on an idle phone, and it is not
/// inflated when other processes share this machine's two cores.
fn time_both(f: impl FnOnce()) -> (Duration, Duration) {
    let (c0, w0) = (thread_cpu(), Instant::now());
    f();
    (w0.elapsed(), thread_cpu() - c0)
}

/// Milliseconds at a percentile (0 to 100) of the samples, nearest rank.
fn percentile(samples: &[Duration], p: f64) -> f64 {
    let mut s = samples.to_vec();
    s.sort();
    let rank = ((p / 100.0) * s.len() as f64).ceil().max(1.0) as usize - 1;
    s[rank.min(s.len() - 1)].as_secs_f64() * 1000.0
}

fn median(samples: &[Duration]) -> f64 {
    percentile(samples, 50.0)
}

fn peak_memory_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn measure_cmd(size_name: &str, vault_dir: &Path, scratch: &Path, out: &Path) {
    let mut figures: BTreeMap<&str, f64> = BTreeMap::new();
    let mut walls: BTreeMap<&str, f64> = BTreeMap::new();

    // Key derivation alone, as unlock runs it for each of the vault's two passphrase slots (the
    // same in every variant).
    let kdf: Vec<Duration> = (0..7)
        .map(|_| time(|| argon2id(PASSPHRASE, &[7; 16], &KdfParams::PRODUCTION)).0)
        .collect();
    figures.insert("unlock_kdf_ms", median(&kdf));

    sqlcipher_key();
    copy_dir(vault_dir, scratch);
    let db_bytes = dir_bytes(scratch);
    let dir_s = scratch.display().to_string();
    {
        let vault = ok(Vault::open(dir_s.clone()), "open");
        let session = ok(vault.unlock(PASSPHRASE.into(), None), "unlock");
        ok(
            session.enable_platform_key(PASSPHRASE.into(), Arc::new(BenchKey)),
            "platform key",
        );
    }
    // The rest of opening: open the file, unwrap the key (the platform key, so no PBKDF2), derive
    // the working keys, check them, and be ready to read.
    let opens: Vec<Duration> = (0..21)
        .map(|_| {
            time(|| {
                let vault = ok(Vault::open(dir_s.clone()), "open");
                let session = ok(
                    vault.unlock_with_platform_key(Arc::new(BenchKey)),
                    "unlock with platform key",
                );
                (vault, session)
            })
            .0
        })
        .collect();
    figures.insert("unlock_rest_ms", median(&opens));

    let day = today();
    // The first screen after unlocking: a fresh connection, so SQLite's page cache is empty (the
    // file itself is in the system's cache, as on a phone that was just in use).
    let firsts: Vec<(Duration, Duration)> = (0..15)
        .map(|_| {
            let vault = ok(Vault::open(dir_s.clone()), "open");
            let session = ok(
                vault.unlock_with_platform_key(Arc::new(BenchKey)),
                "unlock with platform key",
            );
            time_both(|| {
                ok(session.today(day), "today");
            })
        })
        .collect();

    let vault = ok(Vault::open(dir_s.clone()), "open");
    let session = ok(vault.unlock(PASSPHRASE.into(), None), "unlock");
    let s: &WorkerSession = &session;

    // Read-only screens first, each warmed once. Their figure is the CPU time (see `time_both`);
    // the wall-clock medians are kept beside it in the JSON.
    let mut screen = |name: &'static str, samples: Vec<(Duration, Duration)>| -> usize {
        let wall: Vec<Duration> = samples.iter().map(|s| s.0).collect();
        let cpu: Vec<Duration> = samples.iter().map(|s| s.1).collect();
        figures.insert(name, median(&cpu));
        walls.insert(name, median(&wall));
        samples.len()
    };
    let repeat = |n: usize, f: &mut dyn FnMut()| -> Vec<(Duration, Duration)> {
        f();
        (0..n).map(|_| time_both(&mut *f)).collect()
    };
    let n_first = screen("today_first_ms", firsts);
    let n_today = screen(
        "today_ms",
        repeat(60, &mut || {
            ok(s.today(day), "today");
        }),
    );
    let n_caseload = screen(
        "caseload_ms",
        repeat(40, &mut || {
            ok(s.caseload(day), "caseload");
        }),
    );

    // Timelines of every fourth active client (by name), five passes.
    let rows = ok(s.caseload(day), "caseload");
    let mut active: Vec<(String, String)> = rows
        .rows
        .iter()
        .filter(|r| matches!(r.status, alongside_core::ClientStatus::Active { .. }))
        .map(|r| (r.preferred_name.clone(), r.client_id.clone()))
        .collect();
    active.sort();
    let picked: Vec<String> = active.iter().step_by(4).map(|(_, id)| id.clone()).collect();
    let mut timelines = Vec::new();
    for _ in 0..5 {
        for id in &picked {
            timelines.push(time_both(|| {
                ok(s.timeline(id.clone(), 0, 50), "timeline");
            }));
        }
    }
    let n_timeline = screen("timeline_ms", timelines);

    let n_year = screen(
        "duty_balance_year_ms",
        repeat(9, &mut || {
            ok(s.duty_balance(day.add_days(-364), day), "duty balance");
        }),
    );

    // The same screens built as before the sealed indexes, by opening every record they draw
    // on (the core's own fallback), on the same vault in the same run: what the indexes saved.
    use alongside_core::test_support::by_full_scan;
    screen(
        "today_scan_ms",
        repeat(9, &mut || {
            by_full_scan(|| ok(s.today(day), "today"));
        }),
    );
    let mut scans = Vec::new();
    for id in &picked {
        scans.push(time_both(|| {
            by_full_scan(|| ok(s.timeline(id.clone(), 0, 50), "timeline"));
        }));
    }
    screen("timeline_scan_ms", scans);
    screen(
        "duty_balance_year_scan_ms",
        repeat(5, &mut || {
            by_full_scan(|| ok(s.duty_balance(day.add_days(-364), day), "duty balance"));
        }),
    );
    // A page deep in the history (items 300 to 349): it opens the
    // marks of the months before it, not their records.
    let mut deep = Vec::new();
    for id in &picked {
        deep.push(time_both(|| {
            ok(s.timeline(id.clone(), 300, 50), "timeline");
        }));
    }
    screen("timeline_deep_ms", deep);

    // Writes: a visit logged as done, with its duties, purpose and a goal; each one commit.
    let goals: Vec<(String, String)> = picked
        .iter()
        .filter_map(|id| {
            let goal = ok(s.plan_screen(id.clone(), day), "plan")
                .goals
                .first()?
                .goal_id
                .clone();
            Some((id.clone(), goal))
        })
        .collect();
    let mut visits = Vec::new();
    let mut logged = Vec::new();
    for i in 0..200 {
        let (client, goal) = &goals[i % goals.len()];
        let input = ActivityInput {
            scheduling: Scheduling::AsNeeded,
            status: Some(ActivityStatus::Done),
            time: ClockTime::from_hm(8 + (i as u32 % 10), 0),
            duration_minutes: Some(45),
            place: Some("Home".into()),
            purpose: Some("Go through the week's budget together".into()),
            goal_ids: vec![goal.clone()],
            ..ActivityInput::new(
                ActivityKind::HomeVisit,
                day,
                vec![Duty::Educate, Duty::Empower],
            )
        };
        let (d, a) = time(|| ok(s.add_activity(client.clone(), input), "log a visit"));
        visits.push(d);
        logged.push(a);
    }
    figures.insert("log_visit_ms", median(&visits));
    figures.insert("log_visit_p99_ms", percentile(&visits, 99.0));

    let text = "Went through the budget sheet line by line; spotted the phone contract going up \
                without prompting. Practised the call to the provider and agreed to make it before \
                Friday. No concerns about safety today. Next visit as planned, same time.";
    let mut signs = Vec::new();
    for a in logged.iter().take(100) {
        let note = ok(
            s.add_note(a.client_id.clone(), Some(a.id.clone()), text.into()),
            "note",
        );
        signs.push(time(|| ok(s.sign_note(note.note.id.clone()), "sign")).0);
    }
    figures.insert("sign_note_ms", median(&signs));
    figures.insert("sign_note_p99_ms", percentile(&signs, 99.0));

    drop(session);
    drop(vault);
    let generated: Value = std::fs::read_to_string(vault_dir.join("generated.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    let mut result = json!({
        "variant": variant(),
        "size": size_name,
        "generated": generated,
        "peak_memory_mib": peak_memory_kib() as f64 / 1024.0,
        "database_mib": db_bytes as f64 / (1024.0 * 1024.0),
        "samples": {
            "unlock_kdf": kdf.len(), "unlock_rest": opens.len(), "today": n_today, "today_first": n_first,
            "caseload": n_caseload, "timeline": n_timeline, "duty_balance_year": n_year,
            "log_visit": visits.len(), "sign_note": signs.len(),
        },
    });
    for (k, v) in figures {
        result[k] = json!(v);
    }
    for (k, v) in walls {
        result["wall_clock"][k] = json!(v);
    }
    write_json(out, &result);
    let _ = std::fs::remove_dir_all(scratch);
    eprintln!("  measured {} {size_name}", variant());
}

/// One operation over and over, for a profiler (`perf record`, `valgrind --tool=callgrind`).
fn repeat_cmd(vault_dir: &Path, scratch: &Path, op: &str, n: usize) {
    sqlcipher_key();
    copy_dir(vault_dir, scratch);
    let vault = ok(Vault::open(scratch.display().to_string()), "open");
    let s = ok(vault.unlock(PASSPHRASE.into(), None), "unlock");
    let day = today();
    let rows = ok(s.caseload(day), "caseload");
    let clients: Vec<String> = rows.rows.iter().map(|r| r.client_id.clone()).collect();
    // The first call is timed apart: on a vault made by an older build it rebuilds the indexes
    // whose version went up, which the warm calls after it do not pay.
    let mut first = None;
    let started = Instant::now();
    for i in 0..n {
        if i == 1 {
            first = Some(started.elapsed());
        }
        repeat_one(&s, op, day, &clients[i % clients.len()]);
    }
    let all = started.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    match first {
        Some(first) => eprintln!(
            "{op} x{n}: the first {:.3} ms, then {:.3} ms each",
            ms(first),
            ms(all - first) / (n - 1) as f64
        ),
        None => eprintln!("{op} x{n}: {:.3} ms each", ms(all) / n as f64),
    }
    drop(s);
    drop(vault);
    let _ = std::fs::remove_dir_all(scratch);
}

/// One call of `op`, never inlined: `bench/instructions.sh` counts a call's instructions from
/// its entry, whatever the build inlined inside it.
#[inline(never)]
fn repeat_one(s: &WorkerSession, op: &str, day: Day, client: &str) {
    match op {
        "today" => drop(ok(s.today(day), "today")),
        "caseload" => drop(ok(s.caseload(day), "caseload")),
        "timeline" => drop(ok(s.timeline(client.to_string(), 0, 50), "timeline")),
        page if page.starts_with("timeline-") && !page.ends_with("scan") => {
            let limit = page["timeline-".len()..]
                .parse()
                .unwrap_or_else(|_| die("timeline-N: a page size"));
            drop(ok(s.timeline(client.to_string(), 0, limit), "timeline"));
        }
        "duty" => drop(ok(s.duty_balance(day.add_days(-364), day), "duty")),
        "today-scan" => drop(alongside_core::test_support::by_full_scan(|| {
            ok(s.today(day), "today")
        })),
        "timeline-scan" => drop(alongside_core::test_support::by_full_scan(|| {
            ok(s.timeline(client.to_string(), 0, 50), "timeline")
        })),
        "caseload-scan" => drop(alongside_core::test_support::by_full_scan(|| {
            ok(s.caseload(day), "caseload")
        })),
        "duty-scan" => drop(alongside_core::test_support::by_full_scan(|| {
            ok(s.duty_balance(day.add_days(-364), day), "duty")
        })),
        "log" => {
            let mut input = ActivityInput::new(ActivityKind::HomeVisit, day, vec![Duty::Educate]);
            input.purpose = Some("Go through the week's budget together".into());
            input.status = Some(ActivityStatus::Done);
            drop(ok(s.add_activity(client.to_string(), input), "log"));
        }
        other => die(&format!("unknown operation {other}")),
    }
}

/// Sealing and opening one note-sized record, alone (nanoseconds each), for tuning the crypto.
fn micro_cmd() {
    use alongside_core::test_support::{Keys, RecordAd};
    let keys = ok(Keys::derive(&ok(Secret::random(), "key")), "keys");
    let body = vec![b'x'; 780];
    let ad = RecordAd {
        kind: "note",
        id: "0b7c0d5e-8a4c-4a53-9d1e-6f2f7d0c9b11",
        field: "body",
        rev: 2,
    };
    let sealed = ok(keys.seal_record(&ad, &body), "seal");
    const N: u32 = 200_000;
    for round in 0..3 {
        let (d, _) = time(|| {
            for _ in 0..N {
                std::hint::black_box(ok(keys.seal_record(&ad, &body), "seal"));
            }
        });
        let (o, _) = time(|| {
            for _ in 0..N {
                std::hint::black_box(ok(keys.open_record(&ad, &sealed), "open"));
            }
        });
        eprintln!(
            "round {round}: seal {:.0} ns, open {:.0} ns ({} bytes)",
            d.as_nanos() as f64 / f64::from(N),
            o.as_nanos() as f64 / f64::from(N),
            body.len()
        );
    }
}

/// The rows of the table: key, label, unit.
const ROWS: &[(&str, &str, &str)] = &[
    (
        "unlock_kdf_ms",
        "Unlock: key derivation (Argon2id 64 MiB, t=2, one slot)",
        "ms",
    ),
    ("unlock_rest_ms", "Unlock: the rest of opening", "ms"),
    ("log_visit_ms", "Log a visit (commit), median", "ms"),
    ("log_visit_p99_ms", "Log a visit (commit), p99", "ms"),
    ("sign_note_ms", "Sign a note (commit), median", "ms"),
    ("sign_note_p99_ms", "Sign a note (commit), p99", "ms"),
    ("timeline_ms", "Client timeline, first page (CPU)", "ms"),
    (
        "timeline_scan_ms",
        "Client timeline, first page, without the index (CPU)",
        "ms",
    ),
    (
        "timeline_deep_ms",
        "Client timeline, page at item 300 (CPU)",
        "ms",
    ),
    (
        "today_first_ms",
        "Today view, first after unlock (CPU)",
        "ms",
    ),
    ("today_ms", "Today view (CPU)", "ms"),
    (
        "today_scan_ms",
        "Today view, without the indexes (CPU)",
        "ms",
    ),
    ("caseload_ms", "Caseload list (CPU)", "ms"),
    ("duty_balance_year_ms", "Duty balance, a year (CPU)", "ms"),
    (
        "duty_balance_year_scan_ms",
        "Duty balance, a year, without the index (CPU)",
        "ms",
    ),
    ("peak_memory_mib", "Peak memory (VmHWM)", "MiB"),
    ("database_mib", "Database on disk", "MiB"),
];

fn fmt(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The ratios of one figure, round by round (round `r` of sealed against round `r` of a baseline).
struct Spread {
    median: f64,
    min: f64,
    max: f64,
    rounds: usize,
}

impl Spread {
    fn json(&self) -> Value {
        json!({ "median": self.median, "min": self.min, "max": self.max, "rounds": self.rounds })
    }
}

fn round_ratios(sealed: &[Option<Value>], base: &[Option<Value>], key: &str) -> Option<Spread> {
    let mut ratios: Vec<f64> = sealed
        .iter()
        .zip(base)
        .filter_map(|(s, b)| {
            let (s, b) = (s.as_ref()?[key].as_f64()?, b.as_ref()?[key].as_f64()?);
            (b > 0.0).then(|| s / b)
        })
        .collect();
    if ratios.is_empty() {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    let n = ratios.len();
    let median = if n % 2 == 1 {
        ratios[n / 2]
    } else {
        (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0
    };
    Some(Spread {
        median,
        min: ratios[0],
        max: ratios[n - 1],
        rounds: n,
    })
}

fn report_cmd(dir: &Path, out: &Path, lib_bytes: Option<u64>) {
    let variants = ["sealed", "plaintext", "sqlcipher"];
    let mut sizes = Vec::new();
    let mut report_sizes = serde_json::Map::new();
    for size in ["typical", "heavy", "tiny"] {
        // Each variant ran in rounds of rotating order (A B C, C B A, B C A, ...); each figure is
        // the best round's, which keeps a moment of load from another process on this shared
        // machine out of it. Beside it, the ratio of each round to the same round of the
        // baseline: its median and its spread (lowest and highest), so a best-of-N figure is
        // never read as a typical one.
        let per_round: Vec<Vec<Option<Value>>> = variants
            .iter()
            .map(|v| {
                (1..=9)
                    .map(|r| {
                        std::fs::read_to_string(dir.join(format!("{size}-{v}-round{r}.json")))
                            .ok()
                            .and_then(|t| serde_json::from_str(&t).ok())
                    })
                    .collect()
            })
            .collect();
        let results: Vec<Option<Value>> = per_round
            .iter()
            .map(|rounds| {
                let rounds: Vec<Value> = rounds.iter().flatten().cloned().collect();
                let mut best = rounds.first()?.clone();
                for r in &rounds[1..] {
                    for (key, _, _) in ROWS {
                        if let (Some(a), Some(b)) = (best[*key].as_f64(), r[*key].as_f64()) {
                            best[*key] = json!(a.min(b));
                        }
                    }
                }
                best["rounds"] = json!(rounds.len());
                Some(best)
            })
            .collect();
        if results[0].is_none() {
            continue;
        }
        sizes.push(size);
        let g = &results[0].as_ref().expect("sealed")["generated"];
        println!();
        println!(
            "### {size}: {} clients, {} activities, {} notes, {} ratings, {} writes to make it",
            g["clients"], g["activities"], g["notes"], g["ratings"], g["writes"]
        );
        println!();
        let rounds = results[0]
            .as_ref()
            .map_or(0, |r| r["rounds"].as_u64().unwrap_or(0));
        println!("Each figure is the best of {rounds} rounds; \"per round\" is the median sealed / baseline ratio of the rounds, with its lowest and highest.");
        println!();
        println!("| Operation | Sealed (Alongside) | Plaintext SQLite | SQLCipher | vs plaintext | per round | vs SQLCipher | per round |");
        println!("|---|---:|---:|---:|---:|---:|---:|---:|");
        let mut rows = serde_json::Map::new();
        for (key, label, unit) in ROWS {
            let vals: Vec<Option<f64>> = results
                .iter()
                .map(|r| r.as_ref().and_then(|r| r[*key].as_f64()))
                .collect();
            let cell =
                |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{} {unit}", fmt(v)));
            let ratio = |base: Option<f64>| match (vals[0], base) {
                (Some(a), Some(b)) if b > 0.0 => Some(a / b),
                _ => None,
            };
            let (rp, rc) = (ratio(vals[1]), ratio(vals[2]));
            let rcell = |r: Option<f64>| r.map_or("n/a".to_string(), |r| format!("{r:.2}x"));
            let (sp, sc) = (
                round_ratios(&per_round[0], &per_round[1], key),
                round_ratios(&per_round[0], &per_round[2], key),
            );
            let scell = |s: &Option<Spread>| {
                s.as_ref().map_or("n/a".to_string(), |s| {
                    format!("{:.2}x ({:.2}-{:.2})", s.median, s.min, s.max)
                })
            };
            println!(
                "| {label} | {} | {} | {} | {} | {} | {} | {} |",
                cell(vals[0]),
                cell(vals[1]),
                cell(vals[2]),
                rcell(rp),
                scell(&sp),
                rcell(rc),
                scell(&sc)
            );
            rows.insert(
                key.to_string(),
                json!({
                    "label": label, "unit": unit,
                    "sealed": vals[0], "plaintext": vals[1], "sqlcipher": vals[2],
                    "ratio_to_plaintext": rp, "ratio_to_sqlcipher": rc,
                    "per_round_ratio_to_plaintext": sp.as_ref().map(Spread::json),
                    "per_round_ratio_to_sqlcipher": sc.as_ref().map(Spread::json),
                }),
            );
        }
        report_sizes.insert(
            size.to_string(),
            json!({ "generated": g, "operations": rows }),
        );
    }
    if let Some(bytes) = lib_bytes {
        println!();
        println!(
            "Phone library (release, stripped libalongside_ffi.so): {:.2} MiB ({bytes} bytes)",
            bytes as f64 / (1024.0 * 1024.0)
        );
    }
    let machine = json!({
        "cpu": cpu_model(),
        "cpus": std::thread::available_parallelism().map_or(0, |n| n.get()),
    });
    println!(
        "Machine: {}, {} cores. Ratios are sealed / baseline (below 1 is faster).",
        machine["cpu"].as_str().unwrap_or(""),
        machine["cpus"]
    );
    let synced: Option<Value> = std::fs::read_to_string(dir.join("sync.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok());
    if let Some(s) = &synced {
        sync::report(s);
    }
    if sizes.is_empty() && synced.is_none() {
        die(&format!("no results in {dir:?}"));
    }
    write_json(
        out,
        &json!({
            "machine": machine,
            "phone_library_stripped_bytes": lib_bytes,
            "sizes": report_sizes,
            "sync": synced,
        }),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| -> &str {
        args.get(i)
            .map(String::as_str)
            .unwrap_or_else(|| die("usage: see the comment at the top of bench/src/main.rs"))
    };
    match arg(0) {
        "variant" => println!("{}", variant()),
        "generation" => println!("{GENERATION}"),
        "micro" => micro_cmd(),
        "generate" => generate_cmd(
            arg(1),
            arg(2).parse().unwrap_or_else(|_| die("seed: a number")),
            &PathBuf::from(arg(3)),
        ),
        "measure" => measure_cmd(
            arg(1),
            &PathBuf::from(arg(2)),
            &PathBuf::from(arg(3)),
            &PathBuf::from(arg(4)),
        ),
        "repeat" => repeat_cmd(
            &PathBuf::from(arg(1)),
            &PathBuf::from(arg(2)),
            arg(3),
            arg(4).parse().unwrap_or_else(|_| die("count: a number")),
        ),
        "report" => report_cmd(
            &PathBuf::from(arg(1)),
            &PathBuf::from(arg(2)),
            args.get(3).and_then(|s| s.parse().ok()),
        ),
        "sync" => sync::sync_cmd(
            arg(1),
            &PathBuf::from(arg(2)),
            &PathBuf::from(arg(3)),
            &PathBuf::from(arg(4)),
            &PathBuf::from(arg(5)),
        ),
        "sync-pull" => sync::pull_cmd(&PathBuf::from(arg(1)), &PathBuf::from(arg(2))),
        other => die(&format!("unknown command {other}")),
    }
}
