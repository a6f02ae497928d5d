//! Many hands on one vault from the terminal: four `alongside` processes adding clients at the
//! same time, a hundred each. Every write succeeds (a second writer waits for the first instead
//! of failing with "database is locked"), all 400 are there, and the audit trail verifies.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use common::{code, json, PASS};
use std::path::Path;
use std::process::{Output, Stdio};

const PROCESSES: usize = 4;
const WRITES: usize = 100;

fn alongside(vault: &Path, args: &[&str]) -> Output {
    common::cli()
        .arg("--vault")
        .arg(vault)
        .args(args)
        .env_remove("ALONGSIDE_NEW_PASSPHRASE")
        .env_remove("ALONGSIDE_VAULT")
        .env("ALONGSIDE_PASSPHRASE", PASS)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn four_processes_writing_at_once_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    let out = alongside(&v, &["init"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));

    // Four writers, each a loop of a hundred `client add` processes, all at once.
    let writers: Vec<_> = (0..PROCESSES)
        .map(|p| {
            let v = v.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for n in 0..WRITES {
                    let name = format!("Writer {p} client {n}");
                    let out = alongside(&v, &["--json", "client", "add", "--name", &name]);
                    if code(&out) != 0 {
                        failures.push(String::from_utf8_lossy(&out.stdout).into_owned());
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} writes failed, e.g. {:?}",
        failures.len(),
        PROCESSES * WRITES,
        failures.first()
    );

    // The trail first: the list's first read writes its index's marker (one more entry).
    let verify = alongside(&v, &["--json", "audit", "verify"]);
    assert_eq!(code(&verify), 0);
    let report = json(&verify);
    assert_eq!(report["ok"], true);
    // Each `client add` audits three rows: the client, its summary mark and the summary total
    // gathering every client (see `storage::indexes`).
    assert_eq!(report["entries"], (3 * PROCESSES * WRITES) as u64);

    let list = json(&alongside(&v, &["--json", "client", "list"]));
    let mut names: Vec<String> = list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["preferred_name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), PROCESSES * WRITES);
}
