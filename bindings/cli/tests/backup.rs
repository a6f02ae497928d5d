//! `alongside backup` and `alongside restore` as a script sees them: passphrases from the
//! environment, --json documents, exit codes, and an untouched target when the answer is "no".

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::ClientInput;
use alongside_core::KdfCost;
use alongside_core::Vault;
use common::{code, json, snapshot, PASS};
use std::path::Path;
use std::process::{Output, Stdio};

const BACKUP_PASS: &str = "the backup passphrase";
const NEW_PASS: &str = "the new phone passphrase";

/// Run `alongside --json --vault DIR ARGS` with exactly the passphrases given.
fn alongside(vault: &Path, pass: Option<&str>, backup_pass: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = common::cli();
    cmd.arg("--json")
        .arg("--vault")
        .arg(vault)
        .args(args)
        .env_remove("ALONGSIDE_PASSPHRASE")
        .env_remove("ALONGSIDE_NEW_PASSPHRASE")
        .env_remove("ALONGSIDE_BACKUP_PASSPHRASE")
        .env_remove("ALONGSIDE_VAULT")
        .stdin(Stdio::null());
    if let Some(p) = pass {
        cmd.env("ALONGSIDE_PASSPHRASE", p);
    }
    if let Some(p) = backup_pass {
        cmd.env("ALONGSIDE_BACKUP_PASSPHRASE", p);
    }
    cmd.output().unwrap()
}

/// A vault with two clients, and a backup of it at `dir/backup`.
fn backed_up(dir: &Path) -> std::path::PathBuf {
    let v = dir.join("old phone");
    let vault =
        Vault::create_with_cost(v.to_str().unwrap().into(), PASS.into(), None, KdfCost::Test)
            .unwrap();
    let s = vault.worker().unwrap();
    let c = s.add_client(ClientInput::named("Maya")).unwrap();
    s.update_client(c.id, ClientInput::named("Maya R."))
        .unwrap();
    s.add_client(ClientInput::named("Jo")).unwrap();
    drop((s, vault));
    let file = dir.join("backup");
    let out = alongside(
        &v,
        Some(PASS),
        Some(BACKUP_PASS),
        &["backup", "--out", file.to_str().unwrap()],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let done = json(&out);
    // Two clients and the revision Maya's edit replaced, plus the client summary index (a mark
    // per client and the total gathering them; see `storage::indexes`).
    assert_eq!(done["records"], 6);
    // Four for the clients (the edit keeps the revision it replaced), seven for their summary
    // marks and the total, each created, then written again by the edit and by Jo's arrival.
    assert_eq!(done["audit_entries"], 11);
    assert_eq!(done["bytes"], std::fs::metadata(&file).unwrap().len());
    file
}

fn restore(target: &Path, file: &Path, backup_pass: &str) -> Output {
    alongside(
        target,
        Some(NEW_PASS),
        Some(backup_pass),
        &["restore", "--from", file.to_str().unwrap()],
    )
}

#[test]
fn backup_then_restore_on_a_new_phone() {
    let tmp = tempfile::tempdir().unwrap();
    let file = backed_up(tmp.path());
    let target = tmp.path().join("new phone");
    let out = restore(&target, &file, BACKUP_PASS);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let done = json(&out);
    // Two clients and the revision Maya's edit replaced, plus the client summary index (a mark
    // per client and the total gathering them; see `storage::indexes`).
    assert_eq!(done["records"], 6);
    // Four for the clients (the edit keeps the revision it replaced), seven for their summary
    // marks and the total, each created, then written again by the edit and by Jo's arrival.
    assert_eq!(done["audit_entries"], 11);
    assert_eq!(done["audit"]["ok"], true);

    // The new vault opens with the new passphrase, not the old one, and holds the caseload.
    let old = alongside(&target, Some(PASS), None, &["audit", "verify"]);
    assert_eq!(code(&old), 3);
    let verify = alongside(&target, Some(NEW_PASS), None, &["audit", "verify"]);
    assert_eq!(code(&verify), 0);
    // The backup's eleven entries, then the restore's own.
    assert_eq!(json(&verify)["entries"], 12);
    let log = alongside(&target, Some(NEW_PASS), None, &["audit", "log"]);
    assert_eq!(json(&log)[0]["op"], "restored");
    let vault = Vault::open_with_cost(target.to_str().unwrap().into(), KdfCost::Test).unwrap();
    let mut names: Vec<String> = vault
        .unlock(NEW_PASS.into(), None)
        .unwrap()
        .clients()
        .unwrap()
        .clients
        .into_iter()
        .map(|c| c.preferred_name)
        .collect();
    names.sort();
    assert_eq!(names, ["Jo", "Maya R."]);
}

#[test]
fn bad_files_and_passphrases_have_their_own_codes_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let file = backed_up(tmp.path());
    let bytes = std::fs::read(&file).unwrap();
    let target = tmp.path().join("new phone");

    let out = restore(&target, &file, "not the backup passphrase");
    assert_eq!(code(&out), 3);
    assert_eq!(json(&out)["error"]["code"], "backup_wrong_passphrase");
    assert!(!target.exists());

    let cut = tmp.path().join("cut");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let out = restore(&target, &cut, BACKUP_PASS);
    assert_eq!(code(&out), 4);
    assert_eq!(json(&out)["error"]["code"], "backup_corrupt");
    assert!(!target.exists());

    let newer = tmp.path().join("newer");
    let mut b = bytes.clone();
    b[17] = 9;
    std::fs::write(&newer, &b).unwrap();
    let out = restore(&target, &newer, BACKUP_PASS);
    assert_eq!(code(&out), 1);
    let err = &json(&out)["error"];
    assert_eq!(err["code"], "backup_too_new");
    assert_eq!(err["found"], 9);
    assert!(!target.exists());

    // Onto an existing vault: refused, byte for byte the same.
    let old = tmp.path().join("old phone");
    let before = snapshot(&old);
    let out = restore(&old, &file, BACKUP_PASS);
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["code"], "already_exists");
    assert_eq!(snapshot(&old), before);

    // A wrong unlock passphrase makes no backup file.
    let other = tmp.path().join("other");
    let out = alongside(
        &old,
        Some("not the passphrase"),
        Some(BACKUP_PASS),
        &["backup", "--out", other.to_str().unwrap()],
    );
    assert_eq!(code(&out), 3);
    assert!(!other.exists());

    let out = restore(&target, &tmp.path().join("missing"), BACKUP_PASS);
    assert_eq!(code(&out), 2);
    assert!(!target.exists());
}

#[test]
fn no_backup_passphrase_and_no_terminal_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = backed_up(tmp.path());
    let target = tmp.path().join("new phone");
    let out = common::detached()
        .arg("--json")
        .arg("--vault")
        .arg(&target)
        .args(["restore", "--from", file.to_str().unwrap()])
        .env("ALONGSIDE_PASSPHRASE", NEW_PASS)
        .env_remove("ALONGSIDE_BACKUP_PASSPHRASE")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert_eq!(json(&out)["error"]["code"], "usage");
    assert!(!target.exists());
}
