//! The `alongside` binary as a script sees it: exit codes, `--json` documents, passphrases from
//! the environment, and no change on disk when the answer is "no".

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::ClientInput;
use alongside_core::KdfCost;
use alongside_core::Vault;
use common::{code, json, snapshot, PASS};
use std::path::Path;
use std::process::{Output, Stdio};

fn alongside(vault: &Path, passphrase: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = common::cli();
    cmd.arg("--vault")
        .arg(vault)
        .args(args)
        .env_remove("ALONGSIDE_PASSPHRASE")
        .env_remove("ALONGSIDE_NEW_PASSPHRASE")
        .env_remove("ALONGSIDE_VAULT")
        .stdin(Stdio::null());
    if let Some(p) = passphrase {
        cmd.env("ALONGSIDE_PASSPHRASE", p);
    }
    cmd.output().unwrap()
}

fn init(vault: &Path) {
    let out = alongside(vault, Some(PASS), &["init"]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
}

/// A vault with one client written through the core, as the phone would.
fn vault_with_a_client(dir: &Path) -> String {
    init(dir);
    let vault = Vault::open_with_cost(dir.to_str().unwrap().into(), KdfCost::Test).unwrap();
    let session = vault.unlock(PASS.into(), None).unwrap();
    session.add_client(ClientInput::named("Maya")).unwrap().id
}

fn db(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(alongside_core::test_support::storage::DB_FILE)).unwrap()
}

#[test]
fn help_is_ok_and_bad_usage_is_2() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("v");
    assert_eq!(code(&alongside(&v, None, &["--help"])), 0);
    assert_eq!(code(&alongside(&v, None, &["no-such-command"])), 2);
    assert_eq!(
        code(&alongside(&v, None, &["init"])),
        2,
        "no flag lowers the key derivation's cost"
    );
    assert_eq!(code(&alongside(&v, None, &["audit"])), 2);
    assert!(!v.exists());
}

#[test]
fn under_json_a_usage_error_is_one_json_document() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("v");
    for args in [
        &["--json", "no-such-command"][..],
        &["--json", "init", "--no-such-flag"],
        &["--json", "timeline", "x", "--page", "many"],
        &["--json", "audit"],
        &["client", "show", "--json"],
    ] {
        let out = alongside(&v, None, args);
        assert_eq!(code(&out), 2, "{args:?}");
        let doc = json(&out);
        assert_eq!(doc["error"]["code"], "usage", "{args:?}");
        let message = doc["error"]["message"].as_str().unwrap();
        assert!(
            !message.is_empty() && !message.contains("Usage:"),
            "{message}"
        );
        assert_eq!(doc.as_object().unwrap().len(), 1);
    }
    let out = alongside(&v, None, &["--json", "timeline", "x", "--page", "many"]);
    assert!(json(&out)["error"]["message"]
        .as_str()
        .unwrap()
        .contains("'many'"));
    let out = alongside(&v, None, &["--json", "audit"]);
    assert!(json(&out)["error"]["message"]
        .as_str()
        .unwrap()
        .contains("subcommand"));
    // Help is not a failure, and without --json a person still reads clap's words on stderr.
    assert_eq!(code(&alongside(&v, None, &["--json", "--help"])), 0);
    let plain = alongside(&v, None, &["init", "--no-such-flag"]);
    assert!(plain.stdout.is_empty());
    assert!(String::from_utf8_lossy(&plain.stderr).contains("--no-such-flag"));
    assert!(!v.exists());
}

#[test]
fn init_then_status_then_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    let before = json(&alongside(&v, None, &["--json", "status"]));
    assert_eq!(before["exists"], false);
    init(&v);
    let after = json(&alongside(&v, None, &["--json", "status"]));
    assert_eq!(after["exists"], true);
    assert_eq!(after["locked"], true);
    assert_eq!(after["platform_key"], false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&v).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    let out = alongside(&v, Some(PASS), &["--json", "audit", "verify"]);
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)["ok"], true);

    // A second init refuses and leaves the vault alone.
    let snap = snapshot(&v);
    let again = alongside(&v, Some("another passphrase"), &["--json", "init"]);
    assert_eq!(code(&again), 1);
    assert_eq!(json(&again)["error"]["code"], "already_exists");
    assert_eq!(snapshot(&v), snap);
}

/// Every row but the throttle's own: a wrong passphrase counts itself there and changes nothing
/// else.
fn rows_but_the_throttle(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let conn = db(dir);
    let mut stmt = conn
        .prepare(
            "SELECT 'meta ' || name, value FROM meta WHERE name <> 'attempts'
             UNION ALL SELECT 'slot ' || name, wrapped FROM key_slots
             UNION ALL SELECT 'record ' || id, body FROM records
             UNION ALL SELECT 'audit ' || seq, body FROM audit",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    rows
}

#[test]
fn wrong_passphrase_is_3_and_changes_nothing_but_the_throttle() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    vault_with_a_client(&v);
    let snap = rows_but_the_throttle(&v);
    for args in [&["--json", "audit", "verify"][..], &["--json", "passwd"]] {
        let out = alongside(&v, Some("not the passphrase"), args);
        assert_eq!(code(&out), 3, "{args:?}");
        assert_eq!(json(&out)["error"]["code"], "wrong_passphrase");
    }
    let text = alongside(&v, Some("not the passphrase"), &["audit", "verify"]);
    assert_eq!(code(&text), 3);
    assert!(String::from_utf8_lossy(&text.stderr)
        .contains("That passphrase did not open the records. Check it and try again."));
    assert!(text.stdout.is_empty());
    assert_eq!(rows_but_the_throttle(&v), snap);
}

#[test]
fn wrong_passphrases_in_a_row_are_slowed_down_across_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    vault_with_a_client(&v);
    // Six runs in a row, each its own process: after three wrong tries each further one waits,
    // and the wait is the vault's, not the process's.
    let codes: Vec<(i32, String)> = (0..6)
        .map(|i| {
            let out = alongside(&v, Some(&format!("wrong guess {i}")), &["--json", "today"]);
            let error = json(&out)["error"].clone();
            if error["code"] == "too_many_attempts" {
                assert!(error["retry_after_seconds"].as_u64().unwrap() >= 1);
            }
            (code(&out), error["code"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        codes[..3],
        [
            (3, "wrong_passphrase".to_string()),
            (3, "wrong_passphrase".to_string()),
            (3, "wrong_passphrase".to_string()),
        ]
    );
    for (code, error) in &codes[3..] {
        assert_eq!((*code, error.as_str()), (1, "too_many_attempts"));
    }
    // Even the right passphrase waits until the delay is over.
    let right = alongside(&v, Some(PASS), &["--json", "today"]);
    assert_eq!(json(&right)["error"]["code"], "too_many_attempts");
}

#[test]
fn no_passphrase_and_no_terminal_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    init(&v);
    let out = common::detached()
        .arg("--vault")
        .arg(&v)
        .args(["--json", "audit", "verify"])
        .env_remove("ALONGSIDE_PASSPHRASE")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert_eq!(json(&out)["error"]["code"], "usage");
}

#[test]
fn passwd_switches_the_passphrase() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    let id = vault_with_a_client(&v);
    let out = common::cli()
        .arg("--vault")
        .arg(&v)
        .args(["--json", "passwd"])
        .env("ALONGSIDE_PASSPHRASE", PASS)
        .env(
            "ALONGSIDE_NEW_PASSPHRASE",
            "the new passphrase, brass otter",
        )
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(json(&out)["passphrase_changed"], true);
    assert_eq!(code(&alongside(&v, Some(PASS), &["audit", "verify"])), 3);
    let ok = alongside(
        &v,
        Some("the new passphrase, brass otter"),
        &["--json", "audit", "log"],
    );
    assert_eq!(code(&ok), 0);
    let log = json(&ok);
    assert_eq!(log[0]["op"], "passphrase_changed");
    assert_eq!(log[0]["kind"], "vault");
    // Before it, the client's creation (among its summary index's rows).
    let created = log.as_array().unwrap()[1..]
        .iter()
        .find(|e| e["id"] == id.as_str())
        .unwrap();
    assert_eq!(created["op"], "create");
    // The text log names the change too.
    let text = alongside(
        &v,
        Some("the new passphrase, brass otter"),
        &["audit", "log"],
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.lines().next().unwrap().contains("passphrase_changed"),
        "{text}"
    );
}

#[test]
fn tampered_data_is_4() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    let id = vault_with_a_client(&v);
    let conn = db(&v);
    let mut body: Vec<u8> = conn
        .query_row("SELECT body FROM records WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .unwrap();
    body[20] ^= 1;
    conn.execute(
        "UPDATE records SET body = ?1 WHERE id = ?2",
        rusqlite::params![body, id],
    )
    .unwrap();
    drop(conn);
    let verify = alongside(&v, Some(PASS), &["--json", "audit", "verify"]);
    assert_eq!(code(&verify), 4);
    assert_eq!(json(&verify)["ok"], false);
    // The day and the caseload still show, naming the record that could not be opened; the
    // exit code still says something is wrong.
    let demo = alongside(&v, Some(PASS), &["--json", "demo"]);
    assert_eq!(code(&demo), 4);
    let view = json(&demo);
    let unreadable = &view["caseload"]["unreadable"][0];
    assert_eq!(unreadable["kind"], "client");
    assert_eq!(unreadable["id"], id.as_str());
    assert!(unreadable["summary"]
        .as_str()
        .unwrap()
        .ends_with("could not be opened: restore it from a backup."));
    // A read of that record alone is refused, naming it.
    let show = alongside(&v, Some(PASS), &["--json", "client", "show", &id]);
    assert_eq!(code(&show), 4);
    let err = json(&show);
    assert_eq!(err["error"]["code"], "tampered");
    assert_eq!(err["error"]["kind"], "client");
    assert_eq!(err["error"]["id"], id.as_str());
}

#[test]
fn a_newer_schema_is_1_and_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    vault_with_a_client(&v);
    db(&v).pragma_update(None, "user_version", 99).unwrap();
    let snap = snapshot(&v);
    let out = alongside(&v, Some(PASS), &["--json", "audit", "verify"]);
    assert_eq!(code(&out), 1);
    let err = json(&out);
    assert_eq!(err["error"]["code"], "schema_too_new");
    assert_eq!(err["error"]["found"], 99);
    assert_eq!(snapshot(&v), snap);
}

#[test]
fn demo_creates_the_vault_and_shows_the_day() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("demo");
    let first = alongside(&v, Some(PASS), &["--json", "demo", "--today", "2026-11-23"]);
    assert_eq!(
        code(&first),
        0,
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let view = json(&first);
    assert_eq!(view["created_now"], true);
    assert_eq!(view["audit"]["ok"], true);
    assert_eq!(view["sample_loaded"], true);
    let caseload = view["caseload"]["rows"].as_array().unwrap();
    assert!(!caseload.is_empty());
    assert!(caseload[0]["preferred_name"].is_string());
    assert!(caseload[0]["client_id"].is_string());
    assert_eq!(view["today"]["day"], "2026-11-23");

    // Run again: opens the same vault, loads nothing more, and shows it as plain words.
    let again = json(&alongside(
        &v,
        Some(PASS),
        &["--json", "demo", "--today", "2026-11-23"],
    ));
    assert_eq!(again["created_now"], false);
    assert_eq!(again["sample_loaded"], false);
    assert_eq!(again["caseload"], view["caseload"]);
    let second = alongside(&v, Some(PASS), &["demo", "--today", "2026-11-23"]);
    assert_eq!(code(&second), 0);
    let text = String::from_utf8_lossy(&second.stdout);
    assert!(text.contains("Monday 23 November"), "{text}");
    assert!(text.contains("Audit trail"), "{text}");

    let bad_date = alongside(&v, Some(PASS), &["demo", "--today", "23/11/2026"]);
    assert_eq!(code(&bad_date), 2);
}

#[test]
fn a_damaged_note_is_listed_apart_and_the_exit_is_still_4() {
    let tmp = tempfile::tempdir().unwrap();
    let v = tmp.path().join("vault");
    let client = vault_with_a_client(&v);
    let vault = Vault::open(v.to_str().unwrap().into()).unwrap();
    let session = vault.unlock(PASS.into(), None).unwrap();
    let kept = session
        .add_note(client.clone(), None, "Kept note".into())
        .unwrap()
        .note
        .id;
    let damaged = session
        .add_note(client.clone(), None, "Damaged note".into())
        .unwrap()
        .note
        .id;
    drop((session, vault));
    let conn = db(&v);
    let mut body: Vec<u8> = conn
        .query_row("SELECT body FROM records WHERE id = ?1", [&damaged], |r| {
            r.get(0)
        })
        .unwrap();
    body[30] ^= 1;
    conn.execute(
        "UPDATE records SET body = ?1 WHERE id = ?2",
        rusqlite::params![body, damaged],
    )
    .unwrap();
    drop(conn);
    let sentence = "could not be opened: restore it from a backup.";
    for args in [["timeline", client.as_str()], ["note", "list"]] {
        let mut args: Vec<&str> = args.to_vec();
        if args[0] == "note" {
            args.push(&client);
        }
        // Words for a person: the rest, then the damaged one with the core's sentence.
        let out = alongside(&v, Some(PASS), &args);
        assert_eq!(code(&out), 4, "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(&kept), "{args:?}: {text}");
        assert!(text.contains("Could not be opened"), "{text}");
        assert!(
            text.contains(&format!("Case note {damaged} {sentence}")),
            "{text}"
        );
        // JSON: the same, as the core's types.
        let mut json_args = vec!["--json"];
        json_args.extend(&args);
        let out = alongside(&v, Some(PASS), &json_args);
        assert_eq!(code(&out), 4);
        let doc = json(&out);
        assert_eq!(doc["unreadable"][0]["kind"], "note");
        assert_eq!(doc["unreadable"][0]["id"], damaged.as_str());
    }
}
