//! The Rust half of the bridge's split (`make bench-kotlin` runs it before the Kotlin half): the
//! same 1,000-item timeline as tests/kotlin/bench, timed three ways without the JVM:
//!
//! - the core alone: `WorkerSession::timeline` called from Rust;
//! - the Rust side of the bridge: the page written into the buffer Kotlin receives
//!   (`Lower::lower_into_rust_buffer`, what the exported function does after the core);
//! - the exported C function itself (`uniffi_alongside_core_fn_method_…`), called from Rust as
//!   JNA calls it: the object handle cloned, the string argument lifted, the call guarded
//!   against panics, the result written; everything but JNA and the Kotlin converters.
//!
//! The same for the bare call (`Vault::is_locked`). Medians and quickest over many runs; the
//! machine's load is printed with them. Run with
//! `cargo run --release -p alongside-ffi --example bridge_split`.
//!
//! With `BRIDGE_SPLIT_ONCE=1` it calls the core once per page size (1, 15, 50, 200) after
//! filling the vault and stops, for counting instructions without the load's noise: with
//! `F='alongside_core::screens::timeline::<impl alongside_core::vault::session::WorkerSession>::timeline'`,
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect="$F" --dump-after="$F"
//! target/release/examples/bridge_split` writes one profile per call (the last four are the
//! pages of 1, 15, 50 and 200; a wildcard also matches the closures inside and dumps thousands).

// A measurement: a failed unwrap is a failed run, which is what it should be.
#![allow(clippy::unwrap_used)]
// Calling the exported C functions as JNA does is the point; each block says why it is sound.
#![allow(unsafe_code)]

use alongside_ffi::{Day, TimelinePage, UniFfiTag, Vault, WorkerSession};
use alongside_fixtures::generate::bridge_client;
use std::sync::Arc;
use std::time::{Duration, Instant};
use uniffi::{Lower, RustBuffer, RustCallStatus};

const ITEMS: usize = 1000;
const RUNS: usize = 30;

// The exported functions, as the phone library exports them (JNA binds the same symbols).
extern "C" {
    fn uniffi_alongside_core_fn_clone_workersession(
        handle: u64,
        status: &mut RustCallStatus,
    ) -> u64;
    fn uniffi_alongside_core_fn_clone_vault(handle: u64, status: &mut RustCallStatus) -> u64;
    fn uniffi_alongside_core_fn_method_workersession_timeline(
        handle: u64,
        client_id: RustBuffer,
        offset: u32,
        limit: u32,
        status: &mut RustCallStatus,
    ) -> RustBuffer;
    fn uniffi_alongside_core_fn_method_vault_is_locked(
        handle: u64,
        status: &mut RustCallStatus,
    ) -> i8;
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault").to_str().unwrap().to_string();
    let vault = Vault::create(dir, "bench passphrase, not a real one".into(), None).unwrap();
    let w = vault.worker().unwrap();
    let client = fill(&w);
    let all = fetch_all(&w, &client, 200);
    assert_eq!(all, ITEMS, "expected {ITEMS} timeline items");
    if std::env::var_os("BRIDGE_SPLIT_ONCE").is_some() {
        for page in [1u32, 15, 50, 200] {
            w.timeline(client.clone(), 0, page).unwrap();
        }
        return;
    }
    println!("split (Rust): {}", load());

    // The exported functions take a handle they own: clone one for each call, as Kotlin does.
    let w_handle = <Arc<WorkerSession> as Lower<UniFfiTag>>::lower(w.clone()).as_raw();
    let v_handle = <Arc<Vault> as Lower<UniFfiTag>>::lower(vault.clone()).as_raw();
    let exported = |offset: u32, limit: u32| -> usize {
        let mut status = RustCallStatus::default();
        let id = RustBuffer::from_vec(client.clone().into_bytes());
        // SAFETY: live handles and a fresh status, as the generated Kotlin passes them.
        let buf = unsafe {
            let h = uniffi_alongside_core_fn_clone_workersession(w_handle, &mut status);
            uniffi_alongside_core_fn_method_workersession_timeline(
                h,
                id,
                offset,
                limit,
                &mut status,
            )
        };
        let len = buf.len();
        buf.destroy();
        len
    };

    for _ in 0..5 {
        fetch_all(&w, &client, 200);
        exported(0, 200);
    }
    for page in [15u32, 50, 200] {
        let core = runs(RUNS, || {
            w.timeline(client.clone(), 0, page).unwrap();
        });
        // Full pages, then a short (or empty) one that says the history ends.
        let calls = ITEMS / page as usize + 1;
        let whole = runs(RUNS, || {
            fetch_all(&w, &client, page);
        });
        let sample = w.timeline(client.clone(), 0, page).unwrap();
        let lower = runs(RUNS * 10, || {
            let buf = <TimelinePage as Lower<UniFfiTag>>::lower_into_rust_buffer(sample.clone());
            buf.destroy();
        });
        let clone = runs(RUNS * 10, || {
            drop(sample.clone());
        });
        let through = runs(RUNS, || {
            exported(0, page);
        });
        println!(
            "split (Rust): page of {page:>3}: core {}, written to the buffer {} (the copy it \
             writes from {}), exported call {}; whole timeline in pages of {page} ({} calls): core {}",
            show(&core),
            show(&lower),
            show(&clone),
            show(&through),
            calls,
            show(&whole),
        );
    }

    // Whether a page costs the same wherever it starts, and what any call costs (a page of 1).
    let mut along = Vec::new();
    for offset in [0u32, 150, 300, 450, 600, 750, 900, 990] {
        let t = runs(RUNS, || {
            w.timeline(client.clone(), offset, 15).unwrap();
        });
        along.push(format!("{offset}: {}", fmt(t[t.len() / 2])));
    }
    let one = runs(RUNS, || {
        w.timeline(client.clone(), 0, 1).unwrap();
    });
    println!(
        "split (Rust): page of 15 by where it starts (core, median): {}; a page of 1: {}",
        along.join(", "),
        show(&one)
    );

    let bare = runs(50, || {
        for _ in 0..1000 {
            std::hint::black_box(vault.is_locked());
        }
    });
    let bare_exported = runs(50, || {
        for _ in 0..1000 {
            let mut status = RustCallStatus::default();
            // SAFETY: a live handle and a fresh status, as the generated Kotlin passes them.
            std::hint::black_box(unsafe {
                let h = uniffi_alongside_core_fn_clone_vault(v_handle, &mut status);
                uniffi_alongside_core_fn_method_vault_is_locked(h, &mut status)
            });
        }
    });
    println!(
        "split (Rust): bare call (Vault::is_locked), per call: core {}, exported (clone + call) {}",
        show_per(&bare, 1000),
        show_per(&bare_exported, 1000),
    );
    println!("split (Rust): {}", load());
}

/// The Kotlin bench's client: 400 visits, 300 notes on them, 300 ratings.
fn fill(w: &WorkerSession) -> String {
    bridge_client(w, Day::from_ymd(2026, 11, 23).unwrap()).unwrap()
}

fn fetch_all(w: &WorkerSession, client: &str, page: u32) -> usize {
    let mut n = 0;
    loop {
        let got = w.timeline(client.into(), n, page).unwrap().items.len() as u32;
        n += got;
        if got < page {
            return n as usize;
        }
    }
}

/// `n` timings of `f`, sorted.
fn runs(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut out: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    out.sort();
    out
}

fn show(sorted: &[Duration]) -> String {
    format!(
        "median {} (quickest {})",
        fmt(sorted[sorted.len() / 2]),
        fmt(sorted[0])
    )
}

fn show_per(sorted: &[Duration], per: u32) -> String {
    format!(
        "median {} (quickest batch {})",
        fmt(sorted[sorted.len() / 2] / per),
        fmt(sorted[0] / per)
    )
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else if us >= 10.0 {
        format!("{us:.0} µs")
    } else {
        format!("{:.0} ns", us * 1000.0)
    }
}

fn load() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    format!(
        "load average {} on {} cores",
        load.join(" "),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    )
}
