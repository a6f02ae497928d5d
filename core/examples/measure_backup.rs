//! What a backup and a restore cost on a generated caseload, and that memory stays flat:
//!
//!     cargo run --release -p alongside-core --example measure_backup [typical|heavy]
//!
//! Fills a vault with the deterministic generator (through the worker's own API), then times,
//! each at the production key-derivation cost (600,000 PBKDF2 iterations): the backup to a file,
//! a verify-only read of it, and a restore into a new folder (then its audit check). The peak
//! resident memory is reset before each step (Linux `/proc/self/clear_refs`), so each step's peak
//! is its own.

// A measurement or a test: a failed unwrap is a failed run, which is what it should be.
#![allow(clippy::unwrap_used)]

fn main() {
    use alongside_core::{Day, Vault};
    use alongside_fixtures::generate::{self, Size, Spec};
    use std::time::Instant;

    let (name, size) = match std::env::args().nth(1).as_deref() {
        None | Some("typical") => ("typical", Size::TYPICAL),
        Some("heavy") => ("heavy", Size::HEAVY),
        Some("tiny") => ("tiny", Size::TINY),
        Some(other) => {
            eprintln!("unknown size {other}: typical, heavy or tiny");
            std::process::exit(2);
        }
    };
    let pass = "measure backup passphrase, vault side".to_string();
    let backup_pass = "measure the backup file, sealing side".to_string();
    let tmp = tempfile_dir();
    let vault_dir = tmp.join("vault");
    let vault = Vault::create_with_cost(
        vault_dir.display().to_string(),
        pass.clone(),
        None,
        alongside_core::KdfCost::Test,
    )
    .unwrap();
    let s = vault.worker().unwrap();
    let started = Instant::now();
    let made = generate::generate(
        &s,
        Spec {
            seed: 1,
            size,
            today: Day::from_ymd(2026, 11, 23).unwrap(),
        },
        &mut |_, _, _| {},
    )
    .unwrap();
    let db = std::fs::metadata(vault_dir.join(alongside_core::test_support::storage::DB_FILE))
        .unwrap()
        .len();
    println!(
        "caseload {name}: {} clients, {} writes, database {:.1} MB (generated in {:.0} s)",
        made.clients,
        made.writes,
        db as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let file = tmp.join("backup.alongside");

    reset_peak();
    let t = Instant::now();
    let summary = s
        .backup(
            file.display().to_string(),
            pass.clone(),
            backup_pass.clone(),
        )
        .unwrap();
    let backup_s = t.elapsed().as_secs_f64();
    let backup_peak = peak_kb();
    println!(
        "backup:  {:>7.2} s  {} records, {} audit entries, file {:.1} MB, peak RSS {}",
        backup_s,
        summary.records,
        summary.audit_entries,
        summary.bytes as f64 / 1e6,
        backup_peak
    );

    reset_peak();
    let t = Instant::now();
    alongside_core::verify_backup(file.display().to_string(), backup_pass.clone()).unwrap();
    println!(
        "verify:  {:>7.2} s  (read and authenticate only), peak RSS {}",
        t.elapsed().as_secs_f64(),
        peak_kb()
    );

    reset_peak();
    let t = Instant::now();
    let restored = Vault::restore(
        file.display().to_string(),
        backup_pass,
        tmp.join("restored").display().to_string(),
        "juniper ledger mosaic 7 harbor".into(),
        None,
    )
    .unwrap();
    let restore_s = t.elapsed().as_secs_f64();
    let restore_peak = peak_kb();
    let t = Instant::now();
    let report = restored.worker().unwrap().verify_audit().unwrap();
    println!(
        "restore: {:>7.2} s  peak RSS {}; then audit check {:.2} s: ok={} ({} entries)",
        restore_s,
        restore_peak,
        t.elapsed().as_secs_f64(),
        report.ok,
        report.entries
    );
    println!(
        "(each of backup, verify and restore includes one 600,000-iteration PBKDF2, ~0.1 s here)"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("alongside-measure-backup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reset the kernel's peak-RSS mark for this process to the current RSS (Linux; elsewhere the
/// figures read "n/a").
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    STARTED.with(|s| *s.borrow_mut() = status("VmRSS:"));
}

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .map(|l| l[field.len()..].trim().to_string())
        })
        .unwrap_or_else(|| "n/a".into())
}

/// "peak P (from R)": the step's peak resident memory and what was resident when it started.
fn peak_kb() -> String {
    format!(
        "{} (started at {})",
        status("VmHWM:"),
        STARTED.with(|s| s.borrow().clone())
    )
}

thread_local! {
    static STARTED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}
