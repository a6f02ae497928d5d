//! A restore can never leave a broken vault behind: a payload that authenticates but whose rows
//! or audit trail do not check out is refused with the target absent (or as it was); a folder
//! that is not empty, stale `-wal` and `-shm` files included, is refused before anything is
//! written; the staging folder is owner-only and removed on any failure, and one left by a
//! restore killed part way is removed by the next restore or open.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{BackupOptions, ClientInput, Error, Rule, Vault, WorkerSession};
use common::*;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BACKUP_PASS: &str = "a different backup passphrase";
const NEW_PASS: &str = "the new phone's passphrase";
const CHILD_ENV: &str = "ALONGSIDE_RESTORE_CHILD";

fn backup_of(s: &WorkerSession) -> Vec<u8> {
    let mut out = Vec::new();
    s.write_backup(
        PASSPHRASE,
        BACKUP_PASS,
        &mut out,
        &BackupOptions {
            kdf: alongside_core::KdfCost::Test,
            chunk_size: alongside_core::DEFAULT_CHUNK_SIZE,
        },
    )
    .unwrap();
    out
}

fn restore(bytes: &[u8], target: &Path) -> Result<std::sync::Arc<Vault>, Error> {
    alongside_core::restore_stream(
        bytes,
        BACKUP_PASS,
        &dir_string(target),
        NEW_PASS,
        None,
        alongside_core::KdfCost::Test,
    )
    .map(|(vault, _)| vault)
}

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn staging_folders(parent: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains(".restoring-")
        })
        .collect()
}

/// A vault changed behind the app's back and then backed up: the backup file itself is genuine
/// (it authenticates), but what it carries does not check out.
fn backup_of_a_damaged_vault(damage: &str) -> Vec<u8> {
    let (tmp, vault, s) = new_vault();
    let a = s.add_client(ClientInput::named("Maya")).unwrap().id;
    s.add_client(ClientInput::named("Joseph")).unwrap();
    drop((s, vault));
    let conn = raw(tmp.path());
    match damage {
        "row" => {
            let mut body: Vec<u8> = conn
                .query_row("SELECT body FROM records WHERE id = ?1", [&a], |r| r.get(0))
                .unwrap();
            body[20] ^= 1;
            conn.execute(
                "UPDATE records SET body = ?1 WHERE id = ?2",
                rusqlite::params![body, a],
            )
            .unwrap();
        }
        "audit" => {
            conn.execute("DELETE FROM audit WHERE seq = 1", []).unwrap();
        }
        "moved" => {
            // The row now claims to belong to another record: it authenticated in the backup, and
            // would fail on the first read of the restored vault.
            let other: String = conn
                .query_row("SELECT id FROM records WHERE id != ?1", [&a], |r| r.get(0))
                .unwrap();
            conn.execute(
                "UPDATE records SET owner = ?1 WHERE id = ?2",
                rusqlite::params![other, a],
            )
            .unwrap();
        }
        _ => unreachable!(),
    }
    drop(conn);
    let (_vault, s) = unlock(tmp.path());
    backup_of(&s)
}

#[test]
fn a_genuine_backup_of_damaged_rows_or_trail_leaves_no_vault() {
    for damage in ["row", "audit", "moved"] {
        let bytes = backup_of_a_damaged_vault(damage);
        // The file itself is fine: it authenticates from end to end.
        alongside_core::verify_backup_stream(&bytes[..], BACKUP_PASS).unwrap();
        let parent = tempfile::tempdir().unwrap();
        // Into a missing folder: still missing afterwards.
        let target = parent.path().join("v");
        match restore(&bytes, &target) {
            Err(Error::BackupCorrupt { detail }) => {
                assert!(!detail.is_empty(), "{damage}")
            }
            other => panic!(
                "{damage}: expected BackupCorrupt, got {:?}",
                other.map(|_| ())
            ),
        }
        assert!(!target.exists(), "{damage}: a broken vault was left behind");
        // Into an empty folder: still empty afterwards.
        let empty = parent.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert!(matches!(
            restore(&bytes, &empty),
            Err(Error::BackupCorrupt { .. })
        ));
        assert!(names(&empty).is_empty(), "{damage}");
        assert!(staging_folders(parent.path()).is_empty(), "{damage}");
    }
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_left_as_it_was() {
    let (_tmp, _vault, s) = new_vault();
    s.add_client(ClientInput::named("Maya")).unwrap();
    let bytes = backup_of(&s);
    for stale in ["alongside.db-wal", "alongside.db-shm", "readme.txt"] {
        let parent = tempfile::tempdir().unwrap();
        let target = parent.path().join("v");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join(stale), b"left from before").unwrap();
        let before = snapshot(&target);
        match restore(&bytes, &target) {
            Err(Error::Invalid { field, rule, .. }) => {
                assert_eq!(field, "vault_dir", "{stale}");
                assert!(matches!(rule, Rule::NotAllowed { .. }), "{stale}");
            }
            other => panic!("{stale}: expected Invalid, got {:?}", other.map(|_| ())),
        }
        assert_eq!(snapshot(&target), before, "{stale}");
        assert_eq!(names(parent.path()), BTreeSet::from(["v".to_string()]));
    }
}

/// The child: restores the backup named by the environment, reporting the moment its staging
/// folder appears, for the parent to kill it there. Does nothing in a normal test run.
#[test]
fn restore_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (backup, target) = spec.split_once('\n').unwrap();
    let bytes = std::fs::read(backup).unwrap();
    // Never returns in the test that uses it: the parent kills it part way.
    let _ = restore(&bytes, Path::new(target));
}

#[test]
fn a_restore_killed_part_way_leaves_a_private_staging_folder_that_the_next_restore_or_open_removes()
{
    let (_tmp, _vault, s) = new_vault();
    // Enough rows that filling the staging database takes a while.
    for n in 0..400 {
        let mut input = ClientInput::named(&format!("Client {n}"));
        input.cultural_notes = Some("x".repeat(2_000));
        s.add_client(input).unwrap();
    }
    let bytes = backup_of(&s);
    let work = tempfile::tempdir().unwrap();
    let backup = work.path().join("backup.alongside");
    std::fs::write(&backup, &bytes).unwrap();
    let parent = tempfile::tempdir().unwrap();
    let target = parent.path().join("v");

    // Kill a restore in the middle of its work, with SIGKILL, while its staging folder is there.
    let mut killed_part_way = false;
    for _attempt in 0..5 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "restore_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(
                CHILD_ENV,
                format!("{}\n{}", backup.display(), target.display()),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let mut seen = None;
        while started.elapsed() < Duration::from_secs(20) {
            if let Some(staging) = staging_folders(parent.path()).pop() {
                seen = Some(staging);
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let _ = BufReader::new(child.stdout.take().unwrap()).lines().count();
        if let Some(staging) = seen {
            if staging.exists() && !target.exists() {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = std::fs::metadata(&staging).unwrap().permissions().mode();
                    assert_eq!(mode & 0o777, 0o700, "the staging folder is not owner-only");
                }
                killed_part_way = true;
                break;
            }
        }
        // The restore finished before the kill: start again from nothing.
        let _ = std::fs::remove_dir_all(&target);
        for s in staging_folders(parent.path()) {
            std::fs::remove_dir_all(s).unwrap();
        }
    }
    assert!(
        killed_part_way,
        "no kill landed while the staging folder was there"
    );
    assert!(!target.exists());

    // The next restore removes what the killed one left, and succeeds.
    let vault = restore(&bytes, &target).unwrap();
    assert_eq!(names(parent.path()), BTreeSet::from(["v".to_string()]));
    assert_eq!(
        vault.worker().unwrap().clients().unwrap().clients.len(),
        400
    );
    drop(vault);

    // A staging folder left beside an existing vault (a restore killed after another finished)
    // is removed when the vault is opened.
    let stale = parent.path().join(".v.restoring-0123456789ab");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join("alongside.db"), b"half a database").unwrap();
    let _vault = Vault::open(dir_string(&target)).unwrap();
    assert_eq!(names(parent.path()), BTreeSet::from(["v".to_string()]));
}
