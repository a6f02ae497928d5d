//! `alongside audit verify` names what was done behind the app's back: the record of a deleted
//! or inserted row, by kind and id, in its words and in `--json`, with exit code 4.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::ClientInput;
use alongside_core::Vault;
use common::{code, json, PASS};
use std::path::Path;
use std::process::{Output, Stdio};

fn run(vault: &Path, args: &[&str]) -> Output {
    common::cli()
        .arg("--vault")
        .arg(vault)
        .args(args)
        .env("ALONGSIDE_PASSPHRASE", PASS)
        .env_remove("ALONGSIDE_VAULT")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A closed vault with two clients; their ids.
fn two_clients(v: &Path) -> (String, String) {
    assert_eq!(code(&run(v, &["init"])), 0);
    let vault = Vault::open(v.to_str().unwrap().into()).unwrap();
    let s = vault.unlock(PASS.into(), None).unwrap();
    let a = s.add_client(ClientInput::named("Maya")).unwrap().id;
    let b = s.add_client(ClientInput::named("Joseph")).unwrap().id;
    (a, b)
}

fn db(v: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(v.join("alongside.db")).unwrap()
}

fn assert_names(v: &Path, kind: &str, id: &str, problem: &str) {
    let out = run(v, &["audit", "verify"]);
    assert_eq!(code(&out), 4);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("BROKEN"), "{text}");
    assert!(text.contains(&format!("({kind} {id})")), "{text}");
    assert!(text.contains(problem), "{text}");
    let out = run(v, &["--json", "audit", "verify"]);
    assert_eq!(code(&out), 4);
    let report = json(&out);
    assert_eq!(report["ok"], false);
    assert_eq!(report["record_kind"], kind);
    assert_eq!(report["record_id"], id);
    assert_eq!(report["problem"], problem);
}

#[test]
fn a_deleted_row_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    let (_a, b) = two_clients(&v);
    db(&v)
        .execute("DELETE FROM records WHERE id = ?1", [&b])
        .unwrap();
    assert_names(&v, "client", &b, "a record is missing");
}

#[test]
fn an_inserted_row_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    let (a, _b) = two_clients(&v);
    let copy = "ffffffff-ffff-4fff-bfff-ffffffffffff";
    db(&v)
        .execute(
            "INSERT INTO records (id, kind, owner, day_tag, rev, body)
             SELECT ?1, kind, owner, day_tag, rev, body FROM records WHERE id = ?2",
            [copy, a.as_str()],
        )
        .unwrap();
    assert_names(&v, "client", copy, "a record is not in the audit trail");
}
