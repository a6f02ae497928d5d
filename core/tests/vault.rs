//! The vault's life: create, open locked, unlock, lock, change the passphrase, unlock with the
//! platform key; and the errors that guard it (wrong passphrase, newer schema, damaged key slots).

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::test_support::storage::SCHEMA_VERSION;
use alongside_core::ClientInput;
use alongside_core::KdfCost;
use alongside_core::{Error, Rule, Vault};
use common::*;
use std::path::Path;

fn add(session: &alongside_core::WorkerSession, name: &str) -> String {
    session.add_client(ClientInput::named(name)).unwrap().id
}

#[test]
fn round_trip_survives_close_and_reopen() {
    let (tmp, vault, session) = new_vault();
    let mut input = ClientInput::named("Ana Lucía Ferreira");
    input.pronouns = Some("she/her".into());
    input.cultural_notes = Some("Prefers visits after 10:00; speaks Portuguese at home 🙂".into());
    let written = session.add_client(input).unwrap();
    let other = add(&session, "Tomasz");
    drop((session, vault));

    let (_vault, session) = unlock(tmp.path());
    assert_eq!(session.client(written.id.clone()).unwrap(), written);
    let names: Vec<_> = session
        .clients()
        .unwrap()
        .clients
        .into_iter()
        .map(|c| (c.id, c.preferred_name))
        .collect();
    assert_eq!(
        names,
        vec![
            (written.id, "Ana Lucía Ferreira".to_string()),
            (other, "Tomasz".to_string())
        ]
    );
}

#[test]
fn a_new_vault_is_unlocked_and_an_opened_one_is_locked() {
    let (tmp, vault, _session) = new_vault();
    assert!(!vault.is_locked());
    drop(vault);
    drop(_session);
    let vault = open(tmp.path());
    assert!(vault.is_locked());
    assert!(matches!(vault.worker(), Err(Error::Locked { .. })));
}

#[test]
fn creating_over_an_existing_vault_is_refused() {
    let (tmp, vault, session) = new_vault();
    let id = add(&session, "Rosa");
    drop((session, vault));
    let again = Vault::create_with_cost(
        dir_string(tmp.path()),
        "another passphrase".into(),
        None,
        KdfCost::Test,
    );
    assert!(matches!(again, Err(Error::AlreadyExists { .. })));
    let (_vault, session) = unlock(tmp.path());
    assert_eq!(session.client(id).unwrap().preferred_name, "Rosa");
}

#[test]
fn opening_a_folder_without_a_vault_is_not_found() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nothing-here");
    assert!(matches!(
        Vault::open_with_cost(dir_string(&missing), KdfCost::Test),
        Err(Error::NotFound { .. })
    ));
    assert!(!missing.exists(), "opening must not create the folder");
}

#[test]
fn weak_settings_are_refused_at_creation() {
    let tmp = tempfile::tempdir().unwrap();
    let short =
        Vault::create_with_cost(dir_string(tmp.path()), "short".into(), None, KdfCost::Test);
    assert!(matches!(short, Err(Error::Invalid { ref field, .. }) if field == "passphrase"));
    let weak = Vault::create_with_cost(
        dir_string(tmp.path()),
        "password1234".into(),
        None,
        KdfCost::Test,
    );
    assert!(matches!(
        weak,
        Err(Error::Invalid { ref field, rule: Rule::Weak { .. }, .. }) if field == "passphrase"
    ));
    assert!(!tmp
        .path()
        .join(alongside_core::test_support::storage::DB_FILE)
        .exists());
}

#[test]
fn lock_then_unlock() {
    let (tmp, vault, session) = new_vault();
    let id = add(&session, "Maya");
    vault.lock();
    assert!(vault.is_locked());
    assert!(matches!(
        session.client(id.clone()),
        Err(Error::Locked { .. })
    ));
    assert!(matches!(session.clients(), Err(Error::Locked { .. })));
    assert!(matches!(
        session.add_client(ClientInput::named("Not written")),
        Err(Error::Locked { .. })
    ));
    assert!(matches!(vault.worker(), Err(Error::Locked { .. })));

    let fresh = vault.unlock(PASSPHRASE.into(), None).unwrap();
    assert_eq!(fresh.client(id.clone()).unwrap().preferred_name, "Maya");
    // A session from before the lock stays dead, even though the vault is unlocked again.
    assert!(matches!(
        session.client(id.clone()),
        Err(Error::Locked { .. })
    ));
    assert_eq!(fresh.clients().unwrap().clients.len(), 1);

    // Locking from inside the session works the same way.
    fresh.lock();
    assert!(vault.is_locked());
    assert!(matches!(fresh.client(id), Err(Error::Locked { .. })));
    drop((fresh, session, vault));
    let _ = tmp;
}

#[test]
fn passphrase_change_keeps_data_and_rejects_the_old_one() {
    let (tmp, vault, session) = new_vault();
    let ids: Vec<String> = (0..20)
        .map(|i| add(&session, &format!("Client {i}")))
        .collect();
    let new = "a much longer new passphrase";
    assert!(matches!(
        session.change_passphrase("not the passphrase".into(), new.into()),
        Err(Error::WrongPassphrase { .. })
    ));
    assert!(matches!(
        session.change_passphrase(PASSPHRASE.into(), "short".into()),
        Err(Error::Invalid { ref field, .. }) if field == "new_passphrase"
    ));
    session
        .change_passphrase(PASSPHRASE.into(), new.into())
        .unwrap();
    // The change does not lock the session in use.
    assert_eq!(session.clients().unwrap().clients.len(), 20);
    drop((session, vault));

    let vault = open(tmp.path());
    assert!(matches!(
        vault.unlock(PASSPHRASE.into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
    let session = vault.unlock(new.into(), None).unwrap();
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(
            session.client(id.clone()).unwrap().preferred_name,
            format!("Client {i}")
        );
    }
    assert!(session.verify_audit().unwrap().ok);
}

/// Every file's bytes, except the throttle's own row: a wrong attempt counts itself there (one
/// throttle per vault, across restarts) and changes nothing else.
fn all_but_the_throttle(dir: &Path) -> Vec<Vec<(String, Vec<u8>)>> {
    let conn = raw(dir);
    [
        "SELECT id, body FROM records ORDER BY id",
        "SELECT CAST(seq AS TEXT), body FROM audit ORDER BY seq",
        "SELECT name, wrapped FROM key_slots ORDER BY name",
        "SELECT name, salt FROM key_slots ORDER BY name",
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
}

#[test]
fn wrong_passphrase_is_typed_and_changes_nothing_but_the_throttle() {
    let (tmp, vault, session) = new_vault();
    add(&session, "Maya");
    drop((session, vault));
    let before = all_but_the_throttle(tmp.path());

    let vault = open(tmp.path());
    for wrong in [
        "correct horse battery stapl",
        "",
        "CORRECT HORSE BATTERY STAPLE",
    ] {
        assert!(matches!(
            vault.unlock(wrong.into(), None),
            Err(Error::WrongPassphrase { .. })
        ));
    }
    assert!(vault.is_locked());
    drop(vault);
    assert_eq!(
        all_but_the_throttle(tmp.path()),
        before,
        "a wrong passphrase wrote to disk"
    );
}

#[test]
fn repeated_wrong_passphrases_are_slowed_down() {
    let (tmp, vault, session) = new_vault();
    drop((session, vault));
    let before = all_but_the_throttle(tmp.path());
    let vault = open(tmp.path());
    for _ in 0..3 {
        assert!(matches!(
            vault.unlock("wrong wrong wrong".into(), None),
            Err(Error::WrongPassphrase { .. })
        ));
    }
    // Even the right passphrase waits now: the delay is not an oracle for the right answer.
    match vault.unlock(PASSPHRASE.into(), None) {
        Err(Error::TooManyAttempts {
            retry_after_seconds,
        }) => assert!(retry_after_seconds >= 1),
        other => panic!("expected a delay, got {:?}", other.map(|_| ())),
    }
    drop(vault);
    assert_eq!(all_but_the_throttle(tmp.path()), before);
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let (tmp, vault, session) = new_vault();
    add(&session, "Maya");
    drop((session, vault));
    let future = SCHEMA_VERSION + 7;
    {
        let conn = raw(tmp.path());
        conn.pragma_update(None, "user_version", future).unwrap();
    }
    let before = snapshot(tmp.path());
    for _ in 0..2 {
        match Vault::open_with_cost(dir_string(tmp.path()), KdfCost::Test) {
            Err(Error::SchemaTooNew { found, supported }) => {
                assert_eq!(found, future);
                assert_eq!(supported, SCHEMA_VERSION);
            }
            other => panic!("expected SchemaTooNew, got {:?}", other.map(|_| ())),
        }
    }
    assert_eq!(snapshot(tmp.path()), before, "a refused vault was modified");
}

#[test]
fn platform_key_unlocks_and_survives_a_passphrase_change() {
    let (tmp, vault, session) = new_vault();
    let id = add(&session, "Maya");
    assert!(!vault.has_platform_key().unwrap());
    let platform = TestPlatformKey::new(7);
    assert!(matches!(
        session.enable_platform_key("wrong passphrase!".into(), platform.clone()),
        Err(Error::WrongPassphrase { .. })
    ));
    session
        .enable_platform_key(PASSPHRASE.into(), platform.clone())
        .unwrap();
    assert!(vault.has_platform_key().unwrap());
    session
        .change_passphrase(PASSPHRASE.into(), "the second passphrase".into())
        .unwrap();
    drop((session, vault));

    let vault = open(tmp.path());
    let session = vault.unlock_with_platform_key(platform.clone()).unwrap();
    assert_eq!(session.client(id.clone()).unwrap().preferred_name, "Maya");
    vault.lock();

    // A different device's key, or a cancelled prompt, gives the platform error and stays locked.
    assert!(matches!(
        vault.unlock_with_platform_key(TestPlatformKey::new(8)),
        Err(Error::PlatformKey { .. })
    ));
    assert!(matches!(
        vault.unlock_with_platform_key(TestPlatformKey::cancelled()),
        Err(Error::PlatformKey { .. })
    ));
    assert!(vault.is_locked());

    // Turning it off removes the slot; the passphrase still works.
    let session = vault.unlock("the second passphrase".into(), None).unwrap();
    session.disable_platform_key().unwrap();
    assert!(!vault.has_platform_key().unwrap());
    vault.lock();
    assert!(matches!(
        vault.unlock_with_platform_key(platform),
        Err(Error::PlatformKey { .. })
    ));
}

#[test]
fn a_platform_key_that_returns_the_wrong_secret_does_not_unlock() {
    use alongside_core::PlatformKey;
    struct Liar;
    impl PlatformKey for Liar {
        fn wrap(&self, _secret: Vec<u8>) -> Result<Vec<u8>, Error> {
            Ok(vec![1; 60])
        }
        fn unwrap(&self, _wrapped: Vec<u8>) -> Result<Vec<u8>, Error> {
            Ok(vec![42; 32])
        }
        fn device_secret(&self, input: Vec<u8>) -> Result<Vec<u8>, Error> {
            Ok(input)
        }
    }
    struct Short;
    impl PlatformKey for Short {
        fn wrap(&self, _secret: Vec<u8>) -> Result<Vec<u8>, Error> {
            Ok(vec![1; 60])
        }
        fn unwrap(&self, _wrapped: Vec<u8>) -> Result<Vec<u8>, Error> {
            Ok(vec![42; 5])
        }
        fn device_secret(&self, input: Vec<u8>) -> Result<Vec<u8>, Error> {
            Ok(input)
        }
    }
    let (_tmp, vault, session) = new_vault();
    session
        .enable_platform_key(PASSPHRASE.into(), std::sync::Arc::new(Liar))
        .unwrap();
    vault.lock();
    for key in [
        std::sync::Arc::new(Liar) as std::sync::Arc<dyn PlatformKey>,
        std::sync::Arc::new(Short),
    ] {
        assert!(matches!(
            vault.unlock_with_platform_key(key),
            Err(Error::PlatformKey { .. })
        ));
        assert!(vault.is_locked());
    }
}

/// Damage one part of the key material on disk, then try every way in. Whatever the damage,
/// the answer is a typed error and the vault stays locked; nothing panics.
#[test]
fn garbage_in_key_slots_gives_typed_errors() {
    let damages: &[(&str, &str)] = &[
        (
            "wrapped empty",
            "UPDATE key_slots SET wrapped = x'' WHERE name LIKE 'passphrase%'",
        ),
        (
            "wrapped short",
            "UPDATE key_slots SET wrapped = x'0101' WHERE name LIKE 'passphrase%'",
        ),
        (
            "wrapped long",
            "UPDATE key_slots SET wrapped = randomblob(500) WHERE name LIKE 'passphrase%'",
        ),
        (
            "wrapped noise",
            "UPDATE key_slots SET wrapped = randomblob(62) WHERE name LIKE 'passphrase%'",
        ),
        (
            "wrapped text",
            "UPDATE key_slots SET wrapped = 'hello' WHERE name LIKE 'passphrase%'",
        ),
        (
            "salt null",
            "UPDATE key_slots SET salt = NULL WHERE name LIKE 'passphrase%'",
        ),
        (
            "salt short",
            "UPDATE key_slots SET salt = x'00' WHERE name LIKE 'passphrase%'",
        ),
        (
            "salt changed",
            "UPDATE key_slots SET salt = randomblob(16) WHERE name LIKE 'passphrase%'",
        ),
        (
            "iterations zero",
            "UPDATE key_slots SET iterations = 0 WHERE name LIKE 'passphrase%'",
        ),
        (
            "iterations negative",
            "UPDATE key_slots SET iterations = -5 WHERE name LIKE 'passphrase%'",
        ),
        (
            "iterations huge",
            "UPDATE key_slots SET iterations = 9223372036854775807 WHERE name LIKE 'passphrase%'",
        ),
        (
            "iterations text",
            "UPDATE key_slots SET iterations = 'many' WHERE name LIKE 'passphrase%'",
        ),
        // (NULL iterations is the current format's own value, not damage.)
        (
            "parameters changed",
            "UPDATE key_slots SET salt = CAST(substr(salt, 1, 5) || x'7f' || substr(salt, 7) AS BLOB)
             WHERE name LIKE 'passphrase%'",
        ),
        (
            "slot missing",
            "DELETE FROM key_slots WHERE name LIKE 'passphrase%'",
        ),
        (
            "slot renamed",
            "UPDATE key_slots SET name = 'other' WHERE name = 'passphrase-1'",
        ),
        (
            "key check noise",
            "UPDATE meta SET value = randomblob(80) WHERE name = 'key_check'",
        ),
        (
            "key check missing",
            "DELETE FROM meta WHERE name = 'key_check'",
        ),
        (
            "vault id changed",
            "UPDATE meta SET value = 'another vault' WHERE name = 'vault_id'",
        ),
        (
            "vault id missing",
            "DELETE FROM meta WHERE name = 'vault_id'",
        ),
        (
            "platform slot noise",
            "UPDATE key_slots SET wrapped = randomblob(60) WHERE name = 'platform'",
        ),
        (
            "platform slot empty",
            "UPDATE key_slots SET wrapped = x'' WHERE name = 'platform'",
        ),
        ("key slots dropped", "DROP TABLE key_slots"),
        ("meta dropped", "DROP TABLE meta"),
    ];
    let platform = TestPlatformKey::new(3);
    for (what, sql) in damages {
        let (tmp, vault, session) = new_vault();
        add(&session, "Maya");
        session
            .enable_platform_key(PASSPHRASE.into(), platform.clone())
            .unwrap();
        drop((session, vault));
        raw(tmp.path()).execute_batch(sql).unwrap();

        let vault = match Vault::open_with_cost(dir_string(tmp.path()), KdfCost::Test) {
            Ok(v) => v,
            Err(e) => {
                assert!(
                    matches!(e, Error::Corrupt { .. } | Error::Storage { .. }),
                    "{what}: open gave {e:?}"
                );
                continue;
            }
        };
        let damaged_shared = sql.contains("meta");
        let damaged_passphrase =
            sql.contains("'passphrase%'") || sql.contains("'passphrase-1'") || sql.contains("DROP");
        let damaged_platform = sql.contains("'platform'") || sql.contains("DROP");
        for way in ["passphrase", "platform"] {
            let result = if way == "passphrase" {
                vault.unlock(PASSPHRASE.into(), None)
            } else {
                vault.unlock_with_platform_key(platform.clone())
            };
            let damaged = damaged_shared
                || (way == "passphrase" && damaged_passphrase)
                || (way == "platform" && damaged_platform);
            // The damaged way in must fail; an undamaged one may still work, and then it must
            // give back the real data.
            match result {
                Ok(session) => {
                    assert!(!damaged, "{what}: unlocked by {way} despite the damage");
                    assert_eq!(session.clients().unwrap().clients[0].preferred_name, "Maya");
                    vault.lock();
                }
                Err(e) => assert!(
                    matches!(
                        e,
                        Error::WrongPassphrase { .. }
                            | Error::Corrupt { .. }
                            | Error::Storage { .. }
                            | Error::PlatformKey { .. }
                    ),
                    "{what}: {way} gave {e:?}"
                ),
            }
        }
        assert!(vault.is_locked(), "{what}");
    }
}

/// A slot whose length or parameters are wrong is damage, not a wrong passphrase: the worker
/// should hear "the vault is damaged", not be told to keep guessing.
#[test]
fn a_malformed_passphrase_slot_is_reported_as_corrupt() {
    for sql in [
        "UPDATE key_slots SET wrapped = x'0101' WHERE name LIKE 'passphrase%'",
        "UPDATE key_slots SET salt = x'00' WHERE name LIKE 'passphrase%'",
        // An unknown slot format, and Argon2id asking for 4 GiB of memory.
        "UPDATE key_slots SET salt = CAST(x'09' || substr(salt, 2) AS BLOB)
         WHERE name LIKE 'passphrase%'",
        "UPDATE key_slots SET salt = CAST(substr(salt, 1, 2) || x'00400000' || substr(salt, 7) AS BLOB)
         WHERE name LIKE 'passphrase%'",
        "DELETE FROM key_slots WHERE name LIKE 'passphrase%'",
        "DELETE FROM key_slots WHERE name = 'passphrase-2'",
    ] {
        let (tmp, vault, session) = new_vault();
        drop((session, vault));
        raw(tmp.path()).execute_batch(sql).unwrap();
        let vault = open(tmp.path());
        assert!(
            matches!(vault.unlock(PASSPHRASE.into(), None), Err(Error::Corrupt { .. })),
            "{sql}"
        );
    }
}
