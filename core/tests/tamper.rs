//! Someone with the file changes it behind the app's back. Each change either fails to open as
//! `Error::Tampered` naming the record, or (a whole row put back as it was) is named by the audit
//! trail's verification. Never wrong data.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::ClientInput;
use alongside_core::{Error, WorkerSession};
use common::*;
use std::path::Path;

fn add(session: &WorkerSession, name: &str) -> String {
    session.add_client(ClientInput::named(name)).unwrap().id
}

/// A closed vault with two clients, the first of them edited once (so it has revision 2).
fn two_clients() -> (tempfile::TempDir, String, String) {
    let (tmp, vault, session) = new_vault();
    let a = add(&session, "Maya");
    let b = add(&session, "Joseph");
    session
        .update_client(a.clone(), ClientInput::named("Maya R."))
        .unwrap();
    assert!(session.verify_audit().unwrap().ok);
    drop((session, vault));
    (tmp, a, b)
}

fn body(dir: &Path, id: &str) -> Vec<u8> {
    raw(dir)
        .query_row("SELECT body FROM records WHERE id = ?1", [id], |r| r.get(0))
        .unwrap()
}

fn set_body(dir: &Path, id: &str, body: &[u8]) {
    let n = raw(dir)
        .execute(
            "UPDATE records SET body = ?1 WHERE id = ?2",
            rusqlite::params![body, id],
        )
        .unwrap();
    assert_eq!(n, 1);
}

fn assert_tampered(session: &WorkerSession, id: &str) {
    match session.client(id.to_string()) {
        Err(Error::Tampered { kind, id: got }) => {
            assert_eq!(kind, "client");
            assert_eq!(got, id);
        }
        other => panic!("expected Tampered, got {other:?}"),
    }
    // A list that includes the record names it apart, and still shows every other one.
    let list = session.clients().unwrap();
    assert!(list.clients.iter().all(|c| c.id != id));
    let named = list
        .unreadable
        .iter()
        .find(|u| u.kind == "client" && u.id == id)
        .expect("the damaged record is listed as unreadable");
    assert!(named
        .summary
        .ends_with("could not be opened: restore it from a backup."));
    let report = session.verify_audit().unwrap();
    assert!(!report.ok, "the audit trail missed it");
}

#[test]
fn every_single_byte_flip_of_a_sealed_value_is_tampered() {
    let (tmp, a, b) = two_clients();
    let original = body(tmp.path(), &a);
    // Every position: header, nonce, ciphertext, tag.
    for i in 0..original.len() {
        let mut bad = original.clone();
        bad[i] ^= 1 << (i % 8);
        set_body(tmp.path(), &a, &bad);
        let (_vault, session) = unlock(tmp.path());
        assert_tampered(&session, &a);
        // The other record is unharmed.
        assert_eq!(session.client(b.clone()).unwrap().preferred_name, "Joseph");
    }
    set_body(tmp.path(), &a, &original);
    let (_vault, session) = unlock(tmp.path());
    assert_eq!(session.client(a).unwrap().preferred_name, "Maya R.");
    assert!(session.verify_audit().unwrap().ok);
}

#[test]
fn truncated_or_extended_sealed_values_are_tampered() {
    let (tmp, a, _b) = two_clients();
    let original = body(tmp.path(), &a);
    let mut longer = original.clone();
    longer.push(0);
    for bad in [
        Vec::new(),
        original[..1].to_vec(),
        original[..original.len() - 1].to_vec(),
        longer,
    ] {
        set_body(tmp.path(), &a, &bad);
        let (_vault, session) = unlock(tmp.path());
        assert_tampered(&session, &a);
    }
}

#[test]
fn swapping_two_rows_sealed_values_is_tampered() {
    let (tmp, a, b) = two_clients();
    // Bring both to the same revision so only the id tells them apart.
    {
        let (_vault, session) = unlock(tmp.path());
        session
            .update_client(b.clone(), ClientInput::named("Joseph K."))
            .unwrap();
    }
    let (body_a, body_b) = (body(tmp.path(), &a), body(tmp.path(), &b));
    set_body(tmp.path(), &a, &body_b);
    set_body(tmp.path(), &b, &body_a);
    let (_vault, session) = unlock(tmp.path());
    assert_tampered(&session, &a);
    assert_tampered(&session, &b);
}

/// A row relabelled as another kind is not read as the wrong kind, nor quietly missing: reading it
/// as what it was is `Tampered` naming it, and the audit trail names it.
#[test]
fn a_row_relabelled_as_another_kind_is_tampered_and_audit_verify_names_it() {
    let (tmp, a, _b) = two_clients();
    raw(tmp.path())
        .execute(
            "UPDATE records SET kind = 'test_memo' WHERE id = ?1",
            [a.as_str()],
        )
        .unwrap();
    let (_vault, session) = unlock(tmp.path());
    // Seen as a client, it is tampered; the audit trail says a record differs from its entry.
    assert!(matches!(
        session.client(a.clone()),
        Err(Error::Tampered { kind, id }) if kind == "client" && id == a
    ));
    let report = session.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.record_id.as_deref(), Some(a.as_str()));
    assert_eq!(report.record_kind.as_deref(), Some("test_memo"));
}

#[test]
fn putting_back_an_older_revisions_value_is_tampered() {
    let (tmp, vault, session) = new_vault();
    let a = add(&session, "Maya");
    drop((session, vault));
    let rev1 = body(tmp.path(), &a);
    {
        let (_vault, session) = unlock(tmp.path());
        session
            .update_client(a.clone(), ClientInput::named("Maya R."))
            .unwrap();
    }
    // The value of revision 1 under the row's current revision 2.
    set_body(tmp.path(), &a, &rev1);
    let (_vault, session) = unlock(tmp.path());
    assert_tampered(&session, &a);
}

/// Rolling a whole row back (revision number and value together) produces a row that was once
/// genuine, so a single read cannot tell; the audit trail does, because it knows the latest
/// revision and the hash of its value.
#[test]
fn rolling_back_a_whole_row_is_caught_by_audit_verify() {
    let (tmp, vault, session) = new_vault();
    let a = add(&session, "Maya");
    drop((session, vault));
    let rev1 = body(tmp.path(), &a);
    {
        let (_vault, session) = unlock(tmp.path());
        session
            .update_client(a.clone(), ClientInput::named("Maya R."))
            .unwrap();
    }
    raw(tmp.path())
        .execute(
            "UPDATE records SET rev = 1, body = ?1 WHERE id = ?2",
            rusqlite::params![rev1, a],
        )
        .unwrap();
    let (_vault, session) = unlock(tmp.path());
    assert_eq!(session.client(a).unwrap().preferred_name, "Maya");
    let report = session.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(
        report.problem.as_deref(),
        Some("a record differs from its last audited value")
    );
}

#[test]
fn audit_verify_finds_a_missing_row() {
    let (tmp, a, b) = two_clients();
    raw(tmp.path())
        .execute("DELETE FROM records WHERE id = ?1", [b.as_str()])
        .unwrap();
    let (_vault, session) = unlock(tmp.path());
    // The remaining record still opens; only the trail can say one is gone.
    assert_eq!(session.client(a).unwrap().preferred_name, "Maya R.");
    let report = session.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.problem.as_deref(), Some("a record is missing"));
    // Named: which record, of which kind.
    assert_eq!(report.record_id.as_deref(), Some(b.as_str()));
    assert_eq!(report.record_kind.as_deref(), Some("client"));
}

#[test]
fn audit_verify_finds_an_inserted_row() {
    let (tmp, a, _b) = two_clients();
    raw(tmp.path())
        .execute(
            "INSERT INTO records (id, kind, owner, day_tag, rev, body)
             SELECT 'ffffffff-ffff-4fff-bfff-ffffffffffff', kind, owner, day_tag, rev, body
             FROM records WHERE id = ?1",
            [a.as_str()],
        )
        .unwrap();
    let (_vault, session) = unlock(tmp.path());
    let report = session.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(
        report.problem.as_deref(),
        Some("a record is not in the audit trail")
    );
    assert_eq!(
        report.record_id.as_deref(),
        Some("ffffffff-ffff-4fff-bfff-ffffffffffff")
    );
    assert_eq!(report.record_kind.as_deref(), Some("client"));
}

#[test]
fn audit_verify_finds_a_changed_entry() {
    let (tmp, _a, _b) = two_clients();
    let conn = raw(tmp.path());
    let entry: Vec<u8> = conn
        .query_row("SELECT body FROM audit WHERE seq = 2", [], |r| r.get(0))
        .unwrap();
    let mut bad = entry.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x80;
    conn.execute(
        "UPDATE audit SET body = ?1 WHERE seq = 2",
        rusqlite::params![bad],
    )
    .unwrap();
    drop(conn);
    let (_vault, session) = unlock(tmp.path());
    let report = session.verify_audit().unwrap();
    assert!(!report.ok);
    assert_eq!(report.first_broken, Some(2));
}

#[test]
fn audit_verify_finds_a_removed_or_reordered_entry() {
    for sql in [
        "DELETE FROM audit WHERE seq = 1",
        "DELETE FROM audit WHERE seq = 2",
        "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
        "UPDATE audit SET seq = 100 WHERE seq = 1; UPDATE audit SET seq = 1 WHERE seq = 2;
         UPDATE audit SET seq = 2 WHERE seq = 100;",
        "UPDATE audit SET mac = randomblob(32) WHERE seq = 3",
    ] {
        let (tmp, _a, _b) = two_clients();
        raw(tmp.path()).execute_batch(sql).unwrap();
        let (_vault, session) = unlock(tmp.path());
        let report = session.verify_audit().unwrap();
        assert!(!report.ok, "{sql}");
        assert!(report.first_broken.is_some(), "{sql}");
    }
}

#[test]
fn an_untouched_vault_verifies_and_lists_its_trail() {
    let (tmp, _a, b) = two_clients();
    let (_vault, session) = unlock(tmp.path());
    session.erase_client(b.clone()).unwrap();
    let report = session.verify_audit().unwrap();
    assert!(report.ok, "{report:?}");
    // Five changes of the clients' own rows, and nine of the client summary index (each client's
    // mark and the total gathering them; see `storage::indexes`).
    assert_eq!(report.entries, 14);
    let entries: Vec<_> = session
        .audit_entries(20)
        .unwrap()
        .into_iter()
        .filter(|e| !e.kind.starts_with("index_"))
        .collect();
    let ops: Vec<_> = entries.iter().map(|e| (e.seq, e.op)).collect();
    use alongside_core::Op;
    // The edit of Maya keeps the revision it replaced (a `create` of its own) before its `update`.
    assert_eq!(
        ops,
        vec![
            (14, Op::Erase),
            (8, Op::Update),
            (7, Op::Create),
            (4, Op::Create),
            (1, Op::Create)
        ]
    );
    assert_eq!(entries[2].kind, "revision");
    assert_eq!(entries[0].id, b);
    assert!(entries[0].value_hash.is_empty());
}
