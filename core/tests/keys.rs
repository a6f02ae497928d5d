//! The passphrase slots as an attacker with a copy of the files, or a person at the unlock screen,
//! meets them: Argon2id at production cost (older slots upgraded on the way in), strong
//! passphrases only, the device key mixed in, no copy of an old slot left in any file, one
//! throttle per vault that survives a restart, and locking that really locks.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]
mod common;

use alongside_core::test_support::storage::DB_FILE;
use alongside_core::{BackupOptions, ClientInput, Error, KdfCost, KdfParams, Op, Rule, Vault};
use common::*;
use std::path::Path;
use std::sync::Arc;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Every passphrase slot row as stored: (name, iterations, salt or header, wrapped).
type SlotRow = (String, Option<i64>, Option<Vec<u8>>, Vec<u8>);

fn slot_rows(dir: &Path) -> Vec<SlotRow> {
    let conn = raw(dir);
    let mut stmt = conn
        .prepare("SELECT name, iterations, salt, wrapped FROM key_slots ORDER BY name")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<SlotRow>>>()
        .unwrap();
    rows
}

/// The Argon2id parameters in a current slot's header (format 2, kdf 2, m, t, p, bound, salt).
fn params_of(header: &[u8]) -> (KdfParams, bool) {
    assert_eq!((header.len(), header[0], header[1]), (31, 2, 2));
    let u = |i: usize| u32::from_be_bytes(header[i..i + 4].try_into().unwrap());
    (
        KdfParams {
            m_kib: u(2),
            t: u(6),
            p: u(10),
        },
        header[14] == 1,
    )
}

/// Where any of `needles` occurs in any file of the vault folder: (file, needle index).
fn files_holding(dir: &Path, needles: &[&[u8]]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (name, bytes) in snapshot(dir) {
        for (i, n) in needles.iter().enumerate() {
            if find(&bytes, n).is_some() {
                found.push((name.clone(), i));
            }
        }
    }
    found
}

fn copy_of_vault_v1() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(FIXTURES).join("vault-v1.db"),
        dir.path().join(DB_FILE),
    )
    .unwrap();
    dir
}

// Argon2id, upgrades, strength.

#[test]
fn a_pbkdf2_vault_is_upgraded_to_argon2id_at_its_next_unlock_and_leaves_no_copy() {
    let dir = copy_of_vault_v1();
    let before = slot_rows(dir.path());
    assert_eq!(before.len(), 1);
    let (name, iterations, salt, wrapped) = &before[0];
    assert_eq!(name, "passphrase");
    assert!(iterations.is_some());
    let salt = salt.clone().unwrap();

    let vault = Vault::open(dir_string(dir.path())).unwrap();
    let s = vault.unlock("frozen vault v1".into(), None).unwrap();
    assert_eq!(
        s.client(FROZEN_CLIENT.into()).unwrap().preferred_name,
        "Amira"
    );

    let after = slot_rows(dir.path());
    let names: Vec<&str> = after.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["passphrase-1", "passphrase-2"]);
    for (_, iterations, header, wrapped) in &after {
        assert!(iterations.is_none());
        assert_eq!(
            params_of(header.as_ref().unwrap()),
            (KdfParams::PRODUCTION, false)
        );
        assert_eq!(wrapped.len(), 62);
    }
    assert!(
        files_holding(dir.path(), &[&salt, wrapped]).is_empty(),
        "the PBKDF2 slot survives in a file"
    );
    // Opens again, now through Argon2id, and is not rewritten a second time.
    drop((s, vault));
    let vault = Vault::open(dir_string(dir.path())).unwrap();
    vault.unlock("frozen vault v1".into(), None).unwrap();
    assert_eq!(slot_rows(dir.path()), after);
}

const FROZEN_CLIENT: &str = "747625d2-a1ce-4c35-b067-8550745029f5";

#[test]
fn a_slot_written_at_the_test_cost_is_raised_to_production_by_a_production_handle() {
    let (tmp, vault, _s) = new_vault();
    for (_, _, header, _) in slot_rows(tmp.path()) {
        assert_eq!(params_of(&header.unwrap()).0, KdfParams::TEST);
    }
    drop(vault);
    // A handle at the test cost leaves a test-cost slot alone ...
    let cheap = open(tmp.path());
    cheap.unlock(PASSPHRASE.into(), None).unwrap();
    let still = slot_rows(tmp.path());
    assert_eq!(params_of(still[0].2.as_ref().unwrap()).0, KdfParams::TEST);
    drop(cheap);
    // ... and the production handle (the only one in a release build) raises it.
    let vault = Vault::open(dir_string(tmp.path())).unwrap();
    vault.unlock(PASSPHRASE.into(), None).unwrap();
    for (_, _, header, _) in slot_rows(tmp.path()) {
        assert_eq!(params_of(&header.unwrap()).0, KdfParams::PRODUCTION);
    }
    let again = Vault::open(dir_string(tmp.path())).unwrap();
    assert!(again.unlock(PASSPHRASE.into(), None).is_ok());
}

#[test]
fn production_slots_are_argon2id_at_the_production_cost_and_look_alike() {
    let tmp = tempfile::tempdir().unwrap();
    let vault = Vault::create(dir_string(tmp.path()), PASSPHRASE.into(), None).unwrap();
    let rows = slot_rows(tmp.path());
    assert_eq!(rows.len(), 2);
    let (a, b) = (&rows[0], &rows[1]);
    assert_eq!(
        params_of(a.2.as_ref().unwrap()),
        params_of(b.2.as_ref().unwrap())
    );
    assert_eq!(params_of(a.2.as_ref().unwrap()).0, KdfParams::PRODUCTION);
    assert_eq!((a.3.len(), b.3.len()), (62, 62));
    assert_eq!((&a.3[..2], &b.3[..2]), (&[1u8, 1][..], &[1u8, 1][..]));
    assert_ne!(a.2, b.2, "each slot has its own salt");
    drop(vault);
    let vault = Vault::open(dir_string(tmp.path())).unwrap();
    assert!(vault.unlock(PASSPHRASE.into(), None).is_ok());
}

fn weak_feedback(result: Result<Arc<Vault>, Error>) -> (Option<String>, Vec<String>) {
    match result {
        Err(Error::Invalid {
            field,
            rule: Rule::Weak {
                warning,
                suggestions,
            },
            ..
        }) => {
            assert_eq!(field, "passphrase");
            (warning, suggestions)
        }
        Err(e) => panic!("expected a weak-passphrase error, got {e:?}"),
        Ok(_) => panic!("a weak passphrase was accepted"),
    }
}

#[test]
fn weak_passphrases_are_refused_with_the_estimators_feedback_and_no_vault_is_made() {
    for weak in [
        "password123",
        "a test passphrase",
        "qwertyuiop",
        "alongside vault",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("v");
        let (warning, suggestions) = weak_feedback(Vault::create_with_cost(
            dir_string(&dir),
            weak.into(),
            None,
            KdfCost::Test,
        ));
        assert!(!suggestions.is_empty(), "{weak}");
        let said = format!("{warning:?} {suggestions:?}");
        assert!(!said.contains(weak), "the feedback repeats the passphrase");
        assert!(!Vault::exists(&dir), "{weak}");
    }
}

#[test]
fn a_new_passphrase_must_be_strong_too() {
    let (_tmp, _vault, s) = new_vault();
    match s.change_passphrase(PASSPHRASE.into(), "password1234".into()) {
        Err(Error::Invalid {
            field,
            rule: Rule::Weak { .. },
            ..
        }) => assert_eq!(field, "new_passphrase"),
        other => panic!("{other:?}"),
    }
}

// The device binding.

#[test]
fn a_bound_vault_needs_this_phones_device_key_as_well_as_the_passphrase() {
    let tmp = tempfile::tempdir().unwrap();
    let phone = TestPlatformKey::new(1);
    let vault = Vault::create_with_cost(
        dir_string(tmp.path()),
        PASSPHRASE.into(),
        Some(phone.clone()),
        KdfCost::Test,
    )
    .unwrap();
    assert!(vault.is_device_bound().unwrap());
    let client = vault
        .worker()
        .unwrap()
        .add_client(ClientInput::named("Robin"))
        .unwrap()
        .id;
    drop(vault);

    // The files alone, with the right passphrase: another phone's key, or none, opens nothing.
    let copy = tempfile::tempdir().unwrap();
    for (name, bytes) in snapshot(tmp.path()) {
        std::fs::write(copy.path().join(name), bytes).unwrap();
    }
    let elsewhere = open(copy.path());
    assert!(matches!(
        elsewhere.unlock(PASSPHRASE.into(), None),
        Err(Error::PlatformKey { .. })
    ));
    assert!(matches!(
        elsewhere.unlock(PASSPHRASE.into(), Some(TestPlatformKey::new(2))),
        Err(Error::WrongPassphrase { .. })
    ));

    // On the phone: passphrase and device key together.
    let vault = open(tmp.path());
    let s = vault
        .unlock(PASSPHRASE.into(), Some(phone.clone()))
        .unwrap();
    assert_eq!(s.client(client).unwrap().preferred_name, "Robin");
    // Later passphrase checks use the device key given at unlock.
    let new = "ferry glacier pumpkin sonnet drift";
    s.change_passphrase(PASSPHRASE.into(), new.into()).unwrap();
    vault.lock();
    assert!(matches!(
        vault.unlock(new.into(), None),
        Err(Error::PlatformKey { .. })
    ));
    assert!(vault.unlock(new.into(), Some(phone.clone())).is_ok());
    assert!(phone.device_calls.load(std::sync::atomic::Ordering::SeqCst) > 0);
}

#[test]
fn an_unbound_vault_is_bound_when_the_phone_first_supplies_its_device_key() {
    let (tmp, vault, _s) = new_vault();
    assert!(!vault.is_device_bound().unwrap());
    drop(vault);
    let phone = TestPlatformKey::new(9);
    let vault = open(tmp.path());
    vault
        .unlock(PASSPHRASE.into(), Some(phone.clone()))
        .unwrap();
    assert!(vault.is_device_bound().unwrap());
    vault.lock();
    assert!(matches!(
        vault.unlock(PASSPHRASE.into(), None),
        Err(Error::PlatformKey { .. })
    ));
    assert!(vault.unlock(PASSPHRASE.into(), Some(phone)).is_ok());
}

// No copy of an old slot in any file.

#[test]
fn after_a_passphrase_change_no_file_holds_the_old_slot() {
    let (tmp, _vault, s) = new_vault();
    s.add_client(ClientInput::named("Robin")).unwrap();
    let before = slot_rows(tmp.path());
    s.change_passphrase(
        PASSPHRASE.into(),
        "ferry glacier pumpkin sonnet drift".into(),
    )
    .unwrap();
    let after = slot_rows(tmp.path());
    let changed: Vec<&SlotRow> = before.iter().filter(|r| !after.contains(r)).collect();
    assert_eq!(changed.len(), 1, "exactly the worker's slot is rewritten");
    let (_, _, header, wrapped) = changed[0];
    let header = header.as_ref().unwrap();
    let salt = &header[15..];
    let found = files_holding(tmp.path(), &[salt, wrapped]);
    assert!(found.is_empty(), "old slot bytes in {found:?}");
    // And the old passphrase opens nothing.
    let again = open(tmp.path());
    assert!(matches!(
        again.unlock(PASSPHRASE.into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
}

#[test]
fn after_the_platform_key_is_replaced_or_removed_no_file_holds_its_slot() {
    let (tmp, _vault, s) = new_vault();
    let platform = |dir: &Path| -> Option<Vec<u8>> {
        slot_rows(dir)
            .into_iter()
            .find(|r| r.0 == "platform")
            .map(|r| r.3)
    };
    s.enable_platform_key(PASSPHRASE.into(), TestPlatformKey::new(1))
        .unwrap();
    let first = platform(tmp.path()).unwrap();
    s.enable_platform_key(PASSPHRASE.into(), TestPlatformKey::new(2))
        .unwrap();
    let second = platform(tmp.path()).unwrap();
    assert!(files_holding(tmp.path(), &[&first]).is_empty());
    s.disable_platform_key().unwrap();
    assert!(platform(tmp.path()).is_none());
    let found = files_holding(tmp.path(), &[&first, &second]);
    assert!(found.is_empty(), "platform slot bytes in {found:?}");
}

// One throttle per vault.

fn assert_waits(result: Result<impl Sized, Error>, what: &str) {
    match result {
        Err(Error::TooManyAttempts {
            retry_after_seconds,
        }) => assert!(retry_after_seconds >= 1, "{what}"),
        Err(e) => panic!("{what}: expected TooManyAttempts, got {e:?}"),
        Ok(_) => panic!("{what}: expected TooManyAttempts, got through"),
    }
}

#[test]
fn the_throttle_survives_a_restart_and_a_second_handle_shares_it() {
    let (tmp, vault, _s) = new_vault();
    vault.lock();
    for i in 0..3 {
        assert!(matches!(
            vault.unlock(format!("wrong guess number {i}"), None),
            Err(Error::WrongPassphrase { .. })
        ));
    }
    // A second handle on the same folder gets no fresh tries ...
    let second = open(tmp.path());
    assert_waits(second.unlock(PASSPHRASE.into(), None), "second handle");
    // ... nor does the app after a restart.
    drop((vault, second, _s));
    let restarted = open(tmp.path());
    assert_waits(restarted.unlock(PASSPHRASE.into(), None), "after a restart");
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    assert!(restarted.unlock(PASSPHRASE.into(), None).is_ok());
}

#[test]
fn every_passphrase_check_counts_against_the_same_throttle() {
    let (tmp, vault, s) = new_vault();
    let client = s.add_client(ClientInput::named("Robin")).unwrap().id;
    let backup = tempfile::tempdir().unwrap();
    let file = dir_string(&backup.path().join("b"));
    // One wrong try from each door: change, platform key, backup.
    assert!(matches!(
        s.change_passphrase(
            "wrong guess one".into(),
            "ferry glacier pumpkin sonnet drift".into()
        ),
        Err(Error::WrongPassphrase { .. })
    ));
    assert!(matches!(
        s.enable_platform_key("wrong guess two".into(), TestPlatformKey::new(1)),
        Err(Error::WrongPassphrase { .. })
    ));
    assert!(matches!(
        s.backup_with(
            file.clone(),
            "wrong guess three".into(),
            "plum cartwheel over seven dunes".into(),
            BackupOptions {
                kdf: KdfCost::Test,
                ..BackupOptions::default()
            }
        ),
        Err(Error::WrongPassphrase { .. })
    ));
    // The fourth door, leaving shared mode, now waits, as does every other.
    let shared = s.open_shared(client, None).unwrap();
    assert_waits(shared.leave(PASSPHRASE.into()), "leaving shared mode");
    let other = open(tmp.path());
    assert_waits(other.unlock(PASSPHRASE.into(), None), "unlock");
    drop((vault, other));
}

#[test]
fn a_wrong_attempt_writes_the_throttle_count_and_nothing_else() {
    let (tmp, vault, s) = new_vault();
    s.add_client(ClientInput::named("Robin")).unwrap();
    vault.lock();
    let tables = |dir: &Path| -> Vec<Vec<(String, Vec<u8>)>> {
        let conn = raw(dir);
        [
            "SELECT id, body FROM records ORDER BY id",
            "SELECT CAST(seq AS TEXT), body FROM audit ORDER BY seq",
            "SELECT name, wrapped FROM key_slots ORDER BY name",
            "SELECT name, value FROM meta WHERE name <> 'attempts' ORDER BY name",
        ]
        .iter()
        .map(|sql| {
            let mut stmt = conn.prepare(sql).unwrap();
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap();
            rows
        })
        .collect()
    };
    let before = tables(tmp.path());
    assert!(matches!(
        vault.unlock("not the right one".into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
    assert_eq!(tables(tmp.path()), before);
    let attempts: Vec<u8> = raw(tmp.path())
        .query_row("SELECT value FROM meta WHERE name = 'attempts'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(&attempts[..4], &1u32.to_be_bytes());
}

// Locking really locks.

#[test]
fn closing_the_vault_locks_it_ends_its_sessions_and_lets_the_file_go() {
    let (tmp, vault, s) = new_vault();
    s.add_client(ClientInput::named("Robin")).unwrap();
    assert!(tmp.path().join(format!("{DB_FILE}-wal")).exists());
    drop(vault);
    assert!(matches!(s.clients(), Err(Error::Locked { .. })));
    assert!(matches!(
        s.add_client(ClientInput::named("Sam")),
        Err(Error::Locked { .. })
    ));
    // The database connection is closed: SQLite folds the WAL back and removes it.
    assert!(!tmp.path().join(format!("{DB_FILE}-wal")).exists());
}

#[test]
fn shared_mode_locks_when_its_idle_time_passes_without_waiting_for_a_call() {
    let (_tmp, vault, s) = new_vault();
    let client = s.add_client(ClientInput::named("Robin")).unwrap().id;
    let _shared = s.open_shared(client, Some(1)).unwrap();
    assert!(!vault.check_idle());
    // The worker's screens are closed while the client holds the phone.
    assert!(vault.is_locked());
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    // The shells' timer asks; nothing else touches the vault.
    assert!(vault.check_idle());
    assert!(vault.is_locked());
    assert!(matches!(vault.worker(), Err(Error::Locked { .. })));
}

// The audit trail records what happens to the vault.

#[test]
fn the_audit_trail_records_key_changes_backups_restores_and_shared_mode() {
    let (_tmp, _vault, s) = new_vault();
    let client = s.add_client(ClientInput::named("Robin")).unwrap().id;
    s.change_passphrase(
        PASSPHRASE.into(),
        "ferry glacier pumpkin sonnet drift".into(),
    )
    .unwrap();
    let pass = "ferry glacier pumpkin sonnet drift";
    s.enable_platform_key(pass.into(), TestPlatformKey::new(1))
        .unwrap();
    s.disable_platform_key().unwrap();
    let shared = s.open_shared(client.clone(), None).unwrap();
    let s = shared.leave(pass.into()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("b");
    s.backup_with(
        dir_string(&file),
        pass.into(),
        "plum cartwheel over seven dunes".into(),
        BackupOptions {
            kdf: KdfCost::Test,
            ..BackupOptions::default()
        },
    )
    .unwrap();
    let ops: Vec<Op> = s
        .audit_entries(20)
        .unwrap()
        .into_iter()
        .rev()
        .map(|e| e.op)
        .collect();
    assert_eq!(
        ops,
        [
            // The client, its summary mark and the summary total (see `storage::indexes`).
            Op::Create,
            Op::Create,
            Op::Create,
            Op::PassphraseChanged,
            Op::PlatformKeyEnabled,
            Op::PlatformKeyDisabled,
            Op::SharedOpened,
            Op::SharedLeft,
            Op::BackupMade,
        ]
    );
    let shared_entries: Vec<String> = s
        .audit_entries(20)
        .unwrap()
        .into_iter()
        .filter(|e| matches!(e.op, Op::SharedOpened | Op::SharedLeft))
        .map(|e| e.id)
        .collect();
    assert_eq!(shared_entries, [client.clone(), client]);
    assert!(s.verify_audit().unwrap().ok);

    let (restored, _) = alongside_core::restore_stream(
        std::fs::File::open(&file).unwrap(),
        "plum cartwheel over seven dunes",
        &dir_string(&out.path().join("restored")),
        "velvet orbit tangerine lantern",
        None,
        KdfCost::Test,
    )
    .unwrap();
    let r = restored.worker().unwrap();
    assert_eq!(r.audit_entries(1).unwrap()[0].op, Op::Restored);
    assert!(r.verify_audit().unwrap().ok);
}

// Backups: the same key derivation and strength rule as the vault.

#[test]
fn a_backup_passphrase_must_be_strong_and_not_the_unlock_passphrase() {
    let (_tmp, _vault, s) = new_vault();
    let out = tempfile::tempdir().unwrap();
    let file = dir_string(&out.path().join("b"));
    let quick = || BackupOptions {
        kdf: KdfCost::Test,
        ..BackupOptions::default()
    };
    for (backup_pass, rule) in [
        ("backup2024", "weak"),
        (PASSPHRASE, "same"),
        ("Correct Horse, battery staple!", "same"),
    ] {
        match s.backup_with(file.clone(), PASSPHRASE.into(), backup_pass.into(), quick()) {
            Err(Error::Invalid {
                field,
                rule: Rule::Weak { .. },
                ..
            }) if rule == "weak" => assert_eq!(field, "backup_passphrase"),
            Err(Error::Invalid {
                field,
                rule: Rule::SameAs { .. },
                ..
            }) if rule == "same" => assert_eq!(field, "backup_passphrase"),
            other => panic!("{backup_pass}: {other:?}"),
        }
        assert!(!out.path().join("b").exists());
    }
}

#[test]
fn a_production_backup_is_format_2_with_argon2id_at_the_production_cost() {
    let (_tmp, _vault, s) = new_vault();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("b");
    s.backup(
        dir_string(&file),
        PASSPHRASE.into(),
        "plum cartwheel over seven dunes".into(),
    )
    .unwrap();
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[16..18], &2u16.to_be_bytes(), "format 2");
    assert_eq!(bytes[18], alongside_core::KDF_ARGON2ID);
    let u = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    assert_eq!(
        KdfParams {
            m_kib: u(19),
            t: u(23),
            p: u(27)
        },
        KdfParams::PRODUCTION
    );
    assert!(alongside_core::verify_backup(
        dir_string(&file),
        "plum cartwheel over seven dunes".into()
    )
    .is_ok());
}

// Duress and quick hide.

const DURESS: &str = "quiet walrus maps the tundra";

#[test]
fn a_duress_passphrase_opens_an_empty_vault_and_the_real_one_records_it_later() {
    let (tmp, vault, s) = new_vault();
    let robin = s.add_client(ClientInput::named("Robin")).unwrap().id;
    s.set_duress_passphrase(PASSPHRASE.into(), DURESS.into())
        .unwrap();
    vault.lock();

    // Under threat: the duress passphrase opens a vault with nothing in it, and it works.
    let decoy = vault.unlock(DURESS.into(), None).unwrap();
    assert!(decoy.clients().unwrap().clients.is_empty());
    assert!(matches!(
        decoy.client(robin.clone()),
        Err(Error::NotFound { .. })
    ));
    assert!(decoy.verify_audit().unwrap().ok);
    decoy
        .add_client(ClientInput::named("Someone made up"))
        .unwrap();
    assert_eq!(decoy.clients().unwrap().clients.len(), 1);
    vault.lock();
    assert!(matches!(decoy.clients(), Err(Error::Locked { .. })));

    // Nothing of it reached the real vault; nothing was wiped; the trail says what happened.
    let (_v, real) = unlock(tmp.path());
    let names: Vec<String> = real
        .clients()
        .unwrap()
        .clients
        .into_iter()
        .map(|c| c.preferred_name)
        .collect();
    assert_eq!(names, ["Robin"]);
    let latest = &real.audit_entries(1).unwrap()[0];
    assert_eq!(
        (latest.op, latest.kind.as_str(), latest.rev),
        (Op::DuressUnlock, "vault", 1)
    );
    assert!(real.verify_audit().unwrap().ok);
    // Recorded once: the next real unlock finds nothing new.
    drop((_v, real));
    let (_v, real) = unlock(tmp.path());
    let duress_entries = real
        .audit_entries(50)
        .unwrap()
        .into_iter()
        .filter(|e| e.op == Op::DuressUnlock)
        .count();
    assert_eq!(duress_entries, 1);
}

/// A row's name, iteration count, length, leading bytes (a slot header's format and parameters)
/// and the length of its wrapped key: what an examiner sees without any key.
type Shape = (String, Option<i64>, usize, Vec<u8>, usize);

#[test]
fn nothing_in_the_files_tells_whether_a_duress_passphrase_exists() {
    let shape = |dir: &Path| -> Vec<Shape> {
        let mut rows: Vec<_> = slot_rows(dir)
            .into_iter()
            .map(|(name, it, header, wrapped)| {
                let header = header.unwrap();
                (name, it, header.len(), header[..15].to_vec(), wrapped.len())
            })
            .collect();
        rows.sort();
        let conn = raw(dir);
        let mut stmt = conn
            .prepare("SELECT name, length(value) FROM meta ORDER BY name")
            .unwrap();
        let meta = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        for (name, len) in meta {
            if name != "vault_id" {
                rows.push((name, None, len as usize, Vec::new(), 0));
            }
        }
        rows
    };
    let (plain, _v1, _s1) = new_vault();
    let (with, _v2, s2) = new_vault();
    s2.set_duress_passphrase(PASSPHRASE.into(), DURESS.into())
        .unwrap();
    // The same slots, the same parameters, the same sizes, the same meta rows.
    assert_eq!(shape(plain.path()), shape(with.path()));
    // And an unlock changes the same rows by the same sizes whichever passphrase opened it.
    drop((_v1, _s1, _v2, s2));
    let after_real = {
        let (_v, _s) = unlock(plain.path());
        shape(plain.path())
    };
    let after_duress = {
        let v = open(with.path());
        v.unlock(DURESS.into(), None).unwrap();
        shape(with.path())
    };
    assert_eq!(after_real, after_duress);
}

#[test]
fn the_duress_passphrase_must_be_strong_and_not_the_unlock_passphrase_and_can_be_removed() {
    let (tmp, vault, s) = new_vault();
    for (bad, rule) in [
        ("letmein2024", "weak"),
        ("correct horse battery STAPLE", "same"),
    ] {
        match s.set_duress_passphrase(PASSPHRASE.into(), bad.into()) {
            Err(Error::Invalid {
                field,
                rule: Rule::Weak { .. },
                ..
            }) if rule == "weak" => assert_eq!(field, "duress_passphrase"),
            Err(Error::Invalid {
                field,
                rule: Rule::SameAs { .. },
                ..
            }) if rule == "same" => assert_eq!(field, "duress_passphrase"),
            other => panic!("{bad}: {other:?}"),
        }
    }
    s.set_duress_passphrase(PASSPHRASE.into(), DURESS.into())
        .unwrap();
    s.remove_duress_passphrase(PASSPHRASE.into()).unwrap();
    vault.lock();
    assert!(matches!(
        vault.unlock(DURESS.into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
    let ops: Vec<Op> = open(tmp.path())
        .unlock(PASSPHRASE.into(), None)
        .unwrap()
        .audit_entries(2)
        .unwrap()
        .into_iter()
        .map(|e| e.op)
        .collect();
    assert_eq!(ops, [Op::DuressRemoved, Op::DuressSet]);
}

#[test]
fn a_backup_made_under_duress_holds_the_empty_vault_and_restores() {
    let (tmp, vault, s) = new_vault();
    s.add_client(ClientInput::named("Robin")).unwrap();
    s.set_duress_passphrase(PASSPHRASE.into(), DURESS.into())
        .unwrap();
    vault.lock();
    let decoy = vault.unlock(DURESS.into(), None).unwrap();
    // The duress session's own passphrase checks pass, as the real vault's would; the real
    // passphrase is a wrong one there; a passphrase change answers done and changes nothing.
    assert!(matches!(
        decoy.change_passphrase(
            PASSPHRASE.into(),
            "ferry glacier pumpkin sonnet drift".into()
        ),
        Err(Error::WrongPassphrase { .. })
    ));
    decoy
        .change_passphrase(DURESS.into(), "ferry glacier pumpkin sonnet drift".into())
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("b");
    decoy
        .backup_with(
            dir_string(&file),
            DURESS.into(),
            "plum cartwheel over seven dunes".into(),
            BackupOptions {
                kdf: KdfCost::Test,
                ..BackupOptions::default()
            },
        )
        .unwrap();
    let bytes = std::fs::read(&file).unwrap();
    assert!(find(&bytes, b"Robin").is_none());
    let (restored, summary) = alongside_core::restore_stream(
        &bytes[..],
        "plum cartwheel over seven dunes",
        &dir_string(&out.path().join("restored")),
        "velvet orbit tangerine lantern",
        None,
        KdfCost::Test,
    )
    .unwrap();
    assert_eq!(summary.records, 0);
    assert!(restored
        .worker()
        .unwrap()
        .clients()
        .unwrap()
        .clients
        .is_empty());
    // The real vault is as it was, and the duress passphrase still opens the empty one.
    vault.lock();
    assert!(vault
        .unlock(DURESS.into(), None)
        .unwrap()
        .clients()
        .unwrap()
        .clients
        .is_empty());
    vault.lock();
    let (_v, real) = unlock(tmp.path());
    assert_eq!(real.clients().unwrap().clients.len(), 1);
}

#[test]
fn quick_hide_locks_at_once_and_writes_nothing() {
    let (tmp, vault, s) = new_vault();
    s.add_client(ClientInput::named("Robin")).unwrap();
    let before = snapshot(tmp.path());
    vault.quick_hide();
    assert!(vault.is_locked());
    assert!(matches!(s.clients(), Err(Error::Locked { .. })));
    assert_eq!(snapshot(tmp.path()), before);
}
