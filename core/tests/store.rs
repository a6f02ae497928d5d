//! The storage layer under the vault, through its public API with a record type of the test's own:
//! revisions, owner and day lookups, erase, migrations.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::test_support::storage::{self as store, Stored};
use alongside_core::test_support::{Keys, Secret};
use alongside_core::{Day, Error};
use common::*;
use rusqlite::Connection;

fn fresh() -> (tempfile::TempDir, Connection, Keys) {
    let tmp = tempfile::tempdir().unwrap();
    let mut conn = store::connect(tmp.path(), true).unwrap();
    store::migrate(&mut conn).unwrap();
    let keys = Keys::derive(&Secret::random().unwrap()).unwrap();
    (tmp, conn, keys)
}

fn put(conn: &mut Connection, keys: &Keys, memo: &Memo) -> i64 {
    let tx = conn.transaction().unwrap();
    let rev = store::put(&tx, keys, memo).unwrap();
    tx.commit().unwrap();
    rev
}

#[test]
fn records_round_trip_with_rising_revisions() {
    let (_tmp, mut conn, keys) = fresh();
    let mut memo = Memo::new("first words");
    assert_eq!(put(&mut conn, &keys, &memo), 1);
    memo.text = "second words, with ünïcödé and 💬".into();
    assert_eq!(put(&mut conn, &keys, &memo), 2);
    let got: Stored<Memo> = store::get(&conn, &keys, &memo.id).unwrap();
    assert_eq!((got.rev, got.value), (2, memo.clone()));
    let missing = store::get::<Memo>(&conn, &keys, "00000000-0000-4000-8000-000000000000");
    assert!(matches!(missing, Err(Error::NotFound { .. })));
}

#[test]
fn another_vaults_keys_read_nothing() {
    let (_tmp, mut conn, keys) = fresh();
    let memo = Memo::new("private");
    put(&mut conn, &keys, &memo);
    let stranger = Keys::derive(&Secret::random().unwrap()).unwrap();
    match store::get::<Memo>(&conn, &stranger, &memo.id) {
        Err(Error::Tampered { kind, id }) => {
            assert_eq!((kind.as_str(), id), ("test_memo", memo.id))
        }
        other => panic!("expected Tampered, got {:?}", other.map(|s| s.rev)),
    }
}

#[test]
fn owner_and_day_lookups_and_erase() {
    let (_tmp, mut conn, keys) = fresh();
    let owner = Memo::new("the owner");
    put(&mut conn, &keys, &owner);
    let monday = Day::from_ymd(2026, 11, 23).unwrap();
    let mut owned = Vec::new();
    for i in 0..5 {
        let mut m = Memo::new(&format!("owned {i}"));
        m.owner = Some(owner.id.clone());
        m.day = Some(if i < 3 { monday } else { monday.add_days(1) });
        put(&mut conn, &keys, &m);
        owned.push(m);
    }
    let stray = Memo::new("not owned");
    put(&mut conn, &keys, &stray);

    let mut listed: Vec<Memo> = store::list_owned(&conn, &keys, &owner.id).unwrap();
    listed.sort_by(|a, b| a.text.cmp(&b.text));
    assert_eq!(listed, owned);
    let on_monday: Vec<Memo> = store::list_on_day(&conn, &keys, monday).unwrap();
    assert_eq!(on_monday.len(), 3);
    assert_eq!(store::list::<Memo>(&conn, &keys).unwrap().len(), 7);

    // The day tag is keyed: the same day under another vault's keys finds nothing.
    let stranger = Keys::derive(&Secret::random().unwrap()).unwrap();
    assert!(store::list_on_day::<Memo>(&conn, &stranger, monday)
        .unwrap()
        .is_empty());

    let tx = conn.transaction().unwrap();
    store::erase(&tx, &keys, "test_memo", &owner.id).unwrap();
    tx.commit().unwrap();
    let left: Vec<Memo> = store::list(&conn, &keys).unwrap();
    assert_eq!(left, vec![stray]);
    assert!(
        alongside_core::test_support::storage::verify_audit(&conn, &keys)
            .unwrap()
            .ok
    );
}

#[test]
fn a_failed_transaction_leaves_nothing_behind() {
    let (_tmp, mut conn, keys) = fresh();
    let memo = Memo::new("kept");
    put(&mut conn, &keys, &memo);
    {
        let tx = conn.transaction().unwrap();
        store::put(&tx, &keys, &Memo::new("dropped")).unwrap();
        let mut again = memo.clone();
        again.text = "changed but rolled back".into();
        store::put(&tx, &keys, &again).unwrap();
        // Dropped without commit.
    }
    assert_eq!(
        store::list::<Memo>(&conn, &keys).unwrap(),
        vec![memo.clone()]
    );
    assert_eq!(store::get::<Memo>(&conn, &keys, &memo.id).unwrap().rev, 1);
    assert!(
        alongside_core::test_support::storage::verify_audit(&conn, &keys)
            .unwrap()
            .ok
    );
}

#[test]
fn migrations_run_once_and_refuse_the_future() {
    let (tmp, mut conn, _keys) = fresh();
    assert_eq!(store::schema_version(&conn).unwrap(), store::SCHEMA_VERSION);
    store::migrate(&mut conn).unwrap();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    conn.pragma_update(None, "user_version", store::SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let mut conn = store::connect(tmp.path(), false).unwrap();
    assert!(matches!(
        store::migrate(&mut conn),
        Err(Error::SchemaTooNew { found, supported })
            if found == store::SCHEMA_VERSION + 1 && supported == store::SCHEMA_VERSION
    ));
}

#[test]
fn the_connection_has_the_settings_the_vault_relies_on() {
    let (_tmp, conn, _keys) = fresh();
    let get = |pragma: &str| -> i64 {
        conn.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(get("foreign_keys"), 1);
    assert_eq!(get("secure_delete"), 1);
    assert_eq!(get("temp_store"), 2, "temp_store should be MEMORY");
    assert_eq!(get("synchronous"), 2, "synchronous should be FULL");
}
