//! Vaults and backups written by earlier builds keep opening. Each fixture was made once, by the
//! CLI of the build that introduced its format, and is never regenerated: add one per new schema or
//! backup format version, beside these.

use alongside_core::Author;
use alongside_core::KdfCost;
use alongside_core::{Error, Vault};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const CLIENT: &str = "747625d2-a1ce-4c35-b067-8550745029f5";
const GOAL: &str = "1754d9f4-e6b4-4740-8f00-94ba9a76eeed";
const NOTE: &str = "a091cfc1-b307-44dd-a924-03032658938c";

fn copy_of_vault_v1() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(FIXTURES).join("vault-v1.db"),
        dir.path().join("alongside.db"),
    )
    .unwrap();
    dir
}

fn check_contents(vault: &Vault, audit_entries: u64) {
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
    assert!(report.ok && report.entries == audit_entries, "{report:?}");
}

#[test]
fn a_schema_1_vault_opens() {
    let dir = copy_of_vault_v1();
    let vault = Vault::open_with_cost(dir.path().display().to_string(), KdfCost::Test).unwrap();
    assert!(matches!(
        vault.unlock("not the passphrase".into(), None),
        Err(Error::WrongPassphrase)
    ));
    vault.unlock("frozen vault v1".into(), None).unwrap();
    check_contents(&vault, 8);
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
    // The backup's eight entries, then the restore's own.
    check_contents(&vault, 9);
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
    // The format-1 backup's eight entries, its restore, then this restore.
    check_contents(&vault, 10);
}
