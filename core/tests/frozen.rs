//! Vaults and backups written by earlier builds keep opening. Each fixture was made once, by the
//! CLI of the build that introduced its format, and is never regenerated: add one per new schema or
//! backup format version, beside these.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use alongside_core::Author;
use alongside_core::KdfCost;
use alongside_core::{Error, Vault};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const CLIENT: &str = "747625d2-a1ce-4c35-b067-8550745029f5";
const GOAL: &str = "1754d9f4-e6b4-4740-8f00-94ba9a76eeed";
const NOTE: &str = "a091cfc1-b307-44dd-a924-03032658938c";

fn copy_of(fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(FIXTURES).join(fixture),
        dir.path().join("alongside.db"),
    )
    .unwrap();
    dir
}

fn copy_of_vault_v1() -> tempfile::TempDir {
    copy_of("vault-v1.db")
}

fn schema_of(dir: &Path) -> i64 {
    rusqlite::Connection::open(dir.join("alongside.db"))
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// The schema 1 fixtures' 8 audit entries, and one more for each of their 7 records sealed again
/// at the upgrade to schema 2.
const V1_ENTRIES_AFTER_UPGRADE: u64 = 8 + 7;

fn check_contents(vault: &Vault) {
    check_contents_with(vault, V1_ENTRIES_AFTER_UPGRADE)
}

fn check_contents_with(vault: &Vault, entries: u64) {
    let s = vault.worker().unwrap();
    let client = s.client(CLIENT.into()).unwrap();
    assert_eq!(client.preferred_name, "Amira");
    assert_eq!(client.language.as_deref(), Some("fr-CA"));
    let plan = s
        .plan_screen(
            CLIENT.into(),
            alongside_core::Day::from_ymd(2026, 2, 2).unwrap(),
        )
        .unwrap();
    assert_eq!(plan.goals[0].client_words, "Un appartement à moi 🏠");
    let ratings = s.ratings(GOAL.into()).unwrap();
    assert_eq!((ratings[0].score, ratings[0].by), (6, Author::Client));
    let note = s.note(NOTE.into()).unwrap();
    assert!(!note.editable);
    assert_eq!(note.addenda[0].text, "The visit was on Sunday.");
    let report = s.verify_audit().unwrap();
    assert!(report.ok && report.entries == entries, "{report:?}");
}

#[test]
fn a_schema_1_vault_opens() {
    let dir = copy_of_vault_v1();
    let vault = Vault::open_with_cost(dir.path().display().to_string(), KdfCost::Test).unwrap();
    assert!(matches!(
        vault.unlock("not the passphrase".into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
    // Opening without the keys leaves it as it was: the upgrade needs them.
    assert_eq!(schema_of(dir.path()), 1);
    vault.unlock("frozen vault v1".into(), None).unwrap();
    assert_eq!(schema_of(dir.path()), 2);
    check_contents(&vault);
    let audit = vault.worker().unwrap().audit_entries(7).unwrap();
    assert!(audit.iter().all(|e| e.op == alongside_core::Op::Reseal));
    drop(vault);

    // Upgraded, its rows are bound to their owner like any schema 2 vault's: a goal moved to
    // another owner no longer opens.
    let conn = rusqlite::Connection::open(dir.path().join("alongside.db")).unwrap();
    conn.execute("UPDATE records SET owner = NULL WHERE id = ?1", [GOAL])
        .unwrap();
    drop(conn);
    let vault = Vault::open_with_cost(dir.path().display().to_string(), KdfCost::Test).unwrap();
    let s = vault.unlock("frozen vault v1".into(), None).unwrap();
    assert!(matches!(
        s.ratings(GOAL.into()),
        Err(Error::Tampered { .. })
    ));
    assert!(!s.verify_audit().unwrap().ok);
}

/// The schema 2 fixture after one unlock by the build that brought Argon2id slots (the debug CLI
/// at the production cost): the same records, its passphrase now in the two Argon2id slots.
#[test]
fn a_schema_2_vault_with_argon2id_slots_opens() {
    const CLIENT: &str = "a07f7d5f-f132-42dd-ba73-9125e63cd801";
    const NOTE: &str = "3936c398-db2e-41da-86f4-3492c8a60399";
    let dir = copy_of("vault-v2-argon2id.db");
    assert_eq!(schema_of(dir.path()), 2);
    let conn = rusqlite::Connection::open(dir.path().join("alongside.db")).unwrap();
    let slots: Vec<String> = conn
        .prepare("SELECT name FROM key_slots ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(slots, ["passphrase-1", "passphrase-2"]);
    drop(conn);
    let vault = Vault::open(dir.path().display().to_string()).unwrap();
    assert!(matches!(
        vault.unlock("not the passphrase".into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
    let s = vault.unlock("frozen vault v2".into(), None).unwrap();
    assert_eq!(s.client(CLIENT.into()).unwrap().preferred_name, "Amira");
    let note = s.note(NOTE.into()).unwrap();
    assert_eq!(note.note.text, "We went through the budget together.");
    let report = s.verify_audit().unwrap();
    assert!(report.ok && report.entries == 8, "{report:?}");
}

/// Made by this build's CLI at schema 2 (`init`, `client add`, `plan create`, `goal add`,
/// `goal rate`, `visit log`, `note add`, `note sign`, `note addendum`).
#[test]
fn a_schema_2_vault_opens() {
    const CLIENT: &str = "a07f7d5f-f132-42dd-ba73-9125e63cd801";
    const GOAL: &str = "00b74e89-e77a-4f4b-99cd-dcb39d6eb860";
    const VISIT: &str = "9565883b-6b3e-4061-8ea4-1212247ee41b";
    const NOTE: &str = "3936c398-db2e-41da-86f4-3492c8a60399";
    let dir = copy_of("vault-v2.db");
    assert_eq!(schema_of(dir.path()), 2);
    let vault = Vault::open_with_cost(dir.path().display().to_string(), KdfCost::Test).unwrap();
    assert!(matches!(
        vault.unlock("not the passphrase".into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
    let s = vault.unlock("frozen vault v2".into(), None).unwrap();
    let client = s.client(CLIENT.into()).unwrap();
    assert_eq!(client.preferred_name, "Amira");
    assert_eq!(client.language.as_deref(), Some("fr-CA"));
    let plan = s
        .plan_screen(
            CLIENT.into(),
            alongside_core::Day::from_ymd(2026, 2, 2).unwrap(),
        )
        .unwrap();
    assert_eq!(plan.goals[0].client_words, "Un appartement à moi 🏠");
    let ratings = s.ratings(GOAL.into()).unwrap();
    assert_eq!((ratings[0].score, ratings[0].by), (6, Author::Client));
    // The visit is found through its keyed day tag, bound into its sealed value.
    let day = s
        .today(alongside_core::Day::from_ymd(2026, 2, 2).unwrap())
        .unwrap();
    assert_eq!(day.visits.len(), 1);
    assert_eq!(day.visits[0].activity_id, VISIT);
    assert_eq!(day.visits[0].client_name, "Amira");
    assert!(day.unreadable.is_empty());
    let note = s.note(NOTE.into()).unwrap();
    assert!(!note.editable);
    assert_eq!(note.note.text, "We went through the budget together.");
    assert_eq!(note.addenda[0].text, "The visit was on Sunday.");
    let report = s.verify_audit().unwrap();
    // Eight entries, and ten more: the first day's view indexed the vault's drafts, open
    // incidents, referrals, activities and debriefs, one entry each, and the visit's two marks
    // (its client's week, its day) and their three totals (the week's places, the client's
    // weeks, the day's), for the heavy-week signal's week; and six more: its client's summary
    // and its plan's review, each a mark, a total and the entry saying the kind is indexed.
    assert!(report.ok && report.entries == 24, "{report:?}");
    assert_eq!(schema_of(dir.path()), 2);
}

#[test]
fn a_format_1_backup_restores() {
    let file = Path::new(FIXTURES)
        .join("backup-v1.alongside")
        .display()
        .to_string();
    let summary = alongside_core::verify_backup(file.clone(), "frozen backup v1".into()).unwrap();
    assert_eq!((summary.records, summary.audit_entries), (7, 8));
    let target = tempfile::tempdir().unwrap();
    let dir = target.path().join("restored").display().to_string();
    let (vault, _) = alongside_core::restore_stream(
        std::fs::File::open(&file).unwrap(),
        "frozen backup v1",
        &dir,
        "juniper ledger mosaic 7 harbor",
        None,
        KdfCost::Test,
    )
    .unwrap();
    // A schema 1 backup comes back as a schema 2 vault: the backup's eight entries, one per
    // record sealed again at the upgrade, then the restore's own.
    assert_eq!(schema_of(&target.path().join("restored")), 2);
    check_contents_with(&vault, V1_ENTRIES_AFTER_UPGRADE + 1);
}

#[test]
fn a_format_2_backup_restores() {
    // Made by the release CLI of the build that introduced format 2 (Argon2id at the production
    // cost): the format-1 fixture restored, then backed up.
    let file = Path::new(FIXTURES)
        .join("backup-v2.alongside")
        .display()
        .to_string();
    let pass = "frozen backup v2, argon2id edition";
    let summary = alongside_core::verify_backup(file.clone(), pass.into()).unwrap();
    assert_eq!((summary.records, summary.audit_entries), (7, 9));
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[16..18], &2u16.to_be_bytes());
    let target = tempfile::tempdir().unwrap();
    let dir = target.path().join("restored").display().to_string();
    let (vault, _) = alongside_core::restore_stream(
        std::fs::File::open(&file).unwrap(),
        pass,
        &dir,
        "juniper ledger mosaic 7 harbor",
        None,
        KdfCost::Test,
    )
    .unwrap();
    // The format-1 backup's eight entries and its restore (a schema 1 vault then), one per
    // record sealed again at the upgrade to schema 2, then this restore.
    check_contents_with(&vault, 9 + 7 + 1);
}
