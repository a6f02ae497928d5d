//! What the vault costs on this machine, for the README (`make bench` points here until real
//! benchmarks exist). Run with `cargo run --release -p alongside-core --example measure_vault`.
//!
//! - unlock at the production key-derivation cost (Argon2id, 64 MiB, 2 passes, for each of the
//!   vault's two passphrase slots);
//! - seal + commit one record (one client through the public API: validate, seal, one SQLite
//!   transaction with its audit entry, synchronous=FULL so the commit waits for the disk);
//! - the parts: one Argon2id derivation alone (and PBKDF2 at 600,000, what slots used before),
//!   sealing alone, reading one record back.

// A measurement or a test: a failed unwrap is a failed run, which is what it should be.
#![allow(clippy::unwrap_used)]

use alongside_core::test_support::{
    argon2id, pbkdf2_sha256, Keys, RecordAd, Secret, DEFAULT_PBKDF2_ITERATIONS,
};
use alongside_core::ClientInput;
use alongside_core::KdfParams;
use alongside_core::Vault;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

fn show(what: &str, d: Duration, n: usize) {
    let us = d.as_secs_f64() * 1e6;
    if us >= 10_000.0 {
        println!("{what:<52} {:>9.1} ms   (median of {n})", us / 1000.0);
    } else {
        println!("{what:<52} {us:>9.1} µs   (median of {n})");
    }
}

fn main() {
    let base = std::env::args().nth(1).map(std::path::PathBuf::from);
    let tmp = match &base {
        Some(dir) => tempfile::tempdir_in(dir),
        None => tempfile::tempdir(),
    }
    .expect("a temporary folder");
    let dir = tmp.path().join("vault");
    let dir_s = dir.to_str().unwrap().to_string();
    let passphrase = "measure the vault, not the passphrase";
    let cost = KdfParams::PRODUCTION;
    let cost_words = format!(
        "Argon2id {} MiB, t={}, two slots",
        cost.m_kib / 1024,
        cost.t
    );

    // Other work on the machine shows in these figures; say how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into());
    println!(
        "cpus: {}   load average (1 min): {}   vault folder: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load,
        tmp.path().display()
    );

    let (created, vault) = time(|| Vault::create(dir_s.clone(), passphrase.into(), None).unwrap());
    show(&format!("create a vault ({cost_words})"), created, 1);
    drop(vault);

    const UNLOCKS: usize = 9;
    let mut unlocks = Vec::new();
    for _ in 0..UNLOCKS {
        let vault = Vault::open(dir_s.clone()).unwrap();
        let (d, session) = time(|| vault.unlock(passphrase.into(), None).unwrap());
        unlocks.push(d);
        drop(session);
    }
    show(
        &format!("unlock with the passphrase ({cost_words})"),
        median(unlocks),
        UNLOCKS,
    );

    let mut kdf = Vec::new();
    for _ in 0..UNLOCKS {
        kdf.push(time(|| argon2id(passphrase, &[7; 16], &cost).unwrap()).0);
    }
    show("  one slot's Argon2id alone", median(kdf), UNLOCKS);
    let mut old = Vec::new();
    for _ in 0..UNLOCKS {
        old.push(
            time(|| pbkdf2_sha256(passphrase, &[7; 16], DEFAULT_PBKDF2_ITERATIONS).unwrap()).0,
        );
    }
    show(
        "  (PBKDF2-HMAC-SHA256 at 600,000, as before)",
        median(old),
        UNLOCKS,
    );

    let vault = Vault::open(dir_s.clone()).unwrap();
    let session = vault.unlock(passphrase.into(), None).unwrap();
    const WRITES: usize = 500;
    let mut writes = Vec::with_capacity(WRITES);
    let mut ids = Vec::with_capacity(WRITES);
    for i in 0..WRITES {
        let mut input = ClientInput::named(&format!("Client number {i}"));
        input.pronouns = Some("she/her".into());
        input.cultural_notes =
            Some("Prefers morning visits; speaks Portuguese at home; likes to walk.".into());
        let (d, client) = time(|| session.add_client(input).unwrap());
        writes.push(d);
        ids.push(client.id);
    }
    show(
        "seal + commit one record (add a client)",
        median(writes),
        WRITES,
    );

    let mut reads = Vec::with_capacity(WRITES);
    for id in &ids {
        reads.push(time(|| session.client(id.clone()).unwrap()).0);
    }
    show("read + open one record", median(reads), WRITES);

    let keys = Keys::derive(&Secret::random().unwrap()).unwrap();
    let body = vec![b'x'; 300];
    const SEALS: usize = 10_000;
    let mut seals = Vec::with_capacity(SEALS);
    for i in 0..SEALS {
        let id = i.to_string();
        let ad = RecordAd {
            kind: "client",
            id: &id,
            field: "body",
            rev: 1,
        };
        seals.push(time(|| keys.seal_record(&ad, &body).unwrap()).0);
    }
    show(
        "  of which sealing 300 bytes (AES-256-GCM) alone",
        median(seals),
        SEALS,
    );

    let (verify, report) = time(|| session.verify_audit().unwrap());
    assert!(report.ok);
    show(
        &format!("audit verify over {} entries", report.entries),
        verify,
        1,
    );
}
