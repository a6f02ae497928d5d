//! Encrypted backup and restore, driven as a worker (and a damaged disk, and an attacker) would:
//! round trips keep every row byte for byte, and every kind of bad file fails with its own error
//! and leaves the target folder as it was.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::test_support::fuzzing;
use alongside_core::DutySettings;
use alongside_core::EntryKind;
use alongside_core::KdfCost;
use alongside_core::WellnessSection;
use alongside_core::{AreaAssessment, AssessmentInput, LifeArea, Risk, RiskLevel};
use alongside_core::{Author, GoalInput, RatingInput, ReviewInput};
use alongside_core::{BackupOptions, BackupSummary};
use alongside_core::{ClientInput, Consent, Contact};
use alongside_core::{Day, Error, Vault, WorkerSession};
use alongside_core::{IncidentActionInput, IncidentInput, IncidentKind, RequiredAction};
use common::worker::day;
use common::*;
use rusqlite::types::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const BACKUP_PASS: &str = "a different backup passphrase";
const NEW_PASS: &str = "the new phone's passphrase";
/// The test cost (Argon2id's floor), to keep the tests quick; production is fixed.
fn quick() -> BackupOptions {
    BackupOptions {
        kdf: KdfCost::Test,
        ..BackupOptions::default()
    }
}
const CANARY: &str = "Zephyrine-Quillfeather";

/// A caseload with every record kind the core has: clients (one edited, one erased),
/// assessments, plans with goals and steps, ratings from both sides, reviews (which file a plan
/// version).
fn caseload(s: &WorkerSession, clients: usize) {
    for i in 0..clients {
        let name = if i == 0 {
            CANARY.to_string()
        } else {
            format!("Client {i}")
        };
        let c = s
            .add_client(ClientInput {
                preferred_name: name,
                pronouns: Some("they/them".into()),
                contacts: vec![Contact {
                    name: "Housing office".into(),
                    relationship: Some("caseworker".into()),
                    phone: Some("555 0100".into()),
                    notes: None,
                }],
                consents: vec![Consent {
                    with_whom: "GP".into(),
                    what: "Medication changes".into(),
                    until: Some(day("2027-01-31")),
                }],
                ..Default::default()
            })
            .unwrap();
        s.add_assessment(
            c.id.clone(),
            AssessmentInput {
                on: day("2026-03-02"),
                areas: vec![AreaAssessment {
                    area: LifeArea::Housing,
                    needs: Some("Tenancy ends in the autumn".into()),
                    strengths: Some("Pays rent on time".into()),
                    risks: vec![Risk {
                        description: "Arrears from last year".into(),
                        level: RiskLevel::Low,
                    }],
                    client_words: Some("A place that is mine".into()),
                }],
                client_words: None,
            },
        )
        .unwrap();
        let plan = s
            .create_plan(c.id.clone(), day("2026-03-02"), day("2026-06-01"))
            .unwrap();
        let goal = s
            .add_goal(
                c.id.clone(),
                plan.id.clone(),
                GoalInput {
                    area: LifeArea::Housing,
                    client_words: "A flat of my own".into(),
                    worker_step: Some("Call the housing office together".into()),
                    measure: None,
                    target_date: Some(day("2026-09-30")),
                    visible_to_client: None,
                },
            )
            .unwrap();
        s.add_step(goal.id.clone(), "Fill in the form".into())
            .unwrap();
        for (month, by) in [
            (3, Author::Client),
            (4, Author::Worker),
            (5, Author::Client),
        ] {
            s.rate_goal(
                goal.id.clone(),
                RatingInput {
                    on: Day::from_ymd(2026, month, 15).unwrap(),
                    score: month as i32,
                    by,
                    words: Some("Getting there".into()),
                },
            )
            .unwrap();
        }
        s.review_plan(
            plan.id.clone(),
            ReviewInput {
                on: day("2026-06-01"),
                what_changed: "Housing application sent".into(),
                why: "The form is done".into(),
                next_due: day("2026-09-01"),
            },
        )
        .unwrap();
        if i == 1 {
            // A second revision of a record.
            s.update_client(c.id.clone(), ClientInput::named("Client one, renamed"))
                .unwrap();
        }
        if i == 2 {
            // Erase entries in the audit trail.
            s.erase_client(c.id.clone()).unwrap();
        }
    }
}

/// Everything else the core stores, so the round trip covers every record kind: the sample
/// caseload (visits, follow-ups, signed notes, incidents, resources, referrals), an addendum, the
/// duty settings and a client's own entry from shared mode. Returns the worker session that
/// leaving shared mode hands back.
fn every_other_kind(s: Arc<WorkerSession>) -> Arc<WorkerSession> {
    let sample = alongside_fixtures::sample::load(&s, day("2026-11-23")).unwrap();
    let client = sample.clients[0].id.clone();
    let note = s
        .add_note(
            client.clone(),
            None,
            "Met at the library; forms done".into(),
        )
        .unwrap();
    s.sign_note(note.note.id.clone()).unwrap();
    s.add_addendum(
        note.note.id,
        "Date was wrong".into(),
        "It was the Tuesday".into(),
    )
    .unwrap();
    // An edit keeps the revision it replaced; a draft left unsigned is indexed for the day's view
    // (and the day's view marks the drafts as indexed); a closed incident takes a correction.
    let extra = s.add_client(ClientInput::named("Robin")).unwrap().id;
    s.update_client(extra.clone(), ClientInput::named("Robin K."))
        .unwrap();
    s.add_note(extra.clone(), None, "Draft to finish".into())
        .unwrap();
    s.today(day("2026-11-23")).unwrap();
    let incident = s
        .report_incident(
            extra,
            IncidentInput {
                kind: IncidentKind::Other,
                occurred_on: day("2026-11-20"),
                occurred_at: None,
                description: "Lost the bus pass".into(),
                activity_id: None,
            },
        )
        .unwrap()
        .incident
        .id;
    s.record_incident_action(
        incident.clone(),
        IncidentActionInput {
            action: RequiredAction::InformSupervisor,
            by: "Worker".into(),
            on: day("2026-11-20"),
            at: None,
            details: None,
        },
    )
    .unwrap();
    s.close_incident(incident.clone(), day("2026-11-21"), None)
        .unwrap();
    let incident_id = incident.clone();
    s.correct_incident(incident, "Wrong day".into(), "It was the 19th".into())
        .unwrap();
    s.set_duty_settings(DutySettings {
        advocacy_hint_weeks: 6,
    })
    .unwrap();
    // English: the worker language is the process's for error summaries, and the other tests
    // here read English.
    s.set_language(alongside_core::Lang::En).unwrap();
    // The worker's own corner: a debrief, a supervision session, a certification, settings.
    let debrief = s
        .add_debrief(alongside_core::DebriefInput {
            day: day("2026-11-23"),
            occasion: alongside_core::DebriefOccasion::EndOfDay,
            score: 6,
            words: Some("A long day".into()),
            what_helped: None,
            for_myself: None,
            took_break: Some(true),
            share_with_supervisor: false,
        })
        .unwrap();
    // The team's own records, on a lead's phone whose relay is out of reach: a name, a request,
    // a supervision request, a shared debrief, the unsigned notes' count (published by the sync
    // attempt), the briefing's settings and a notification seen.
    let relay = common::team::lead(&s);
    s.team_set_name("Dana".into()).unwrap();
    let me = s.team_members(relay.clone()).unwrap()[0].member_id.clone();
    s.team_ask(me, Some(client.clone()), "Call the GP".into(), None)
        .unwrap();
    s.supervision_request(None).unwrap();
    s.debrief_share(debrief.id).unwrap();
    s.team_set_unsigned_note_days(5).unwrap();
    s.team_notifications_seen(vec![incident_id.clone()])
        .unwrap();
    assert!(s.sync_now(relay).is_err());
    s.add_supervision(alongside_core::SupervisionInput {
        day: day("2026-11-23"),
        with_whom: "Team lead".into(),
        topics: vec!["Caseload".into()],
        held: true,
        notes: None,
        actions: vec![],
    })
    .unwrap();
    s.add_certification(alongside_core::CertificationInput {
        name: "First aid".into(),
        expires: Some(day("2027-06-01")),
        notes: None,
    })
    .unwrap();
    s.set_corner_settings(alongside_core::CornerSettings::default())
        .unwrap();
    let shared = s.open_shared(client, None).unwrap();
    shared
        .add_entry(
            EntryKind::WhatHelpsMe,
            "A walk before the appointment".into(),
            None,
            day("2026-11-23"),
        )
        .unwrap();
    shared
        .write_wellness(
            WellnessSection::CrisisHelps,
            Some("Quiet, and my sister on the phone".into()),
            day("2026-11-23"),
        )
        .unwrap();
    shared.leave(PASSPHRASE.into()).unwrap()
}

/// Every record kind the core writes (each `Record::KIND`).
const ALL_KINDS: &[&str] = &[
    "debrief",
    "supervision",
    "certification",
    "corner_settings",
    "client",
    "assessment",
    "plan",
    "goal",
    "rating",
    "review",
    "plan_version",
    "activity",
    "follow_up_open",
    "note",
    "addendum",
    "incident",
    "resource",
    "referral",
    "client_entry",
    "duty_settings",
    "wellness_plan",
    "revision",
    "note_draft",
    "note_draft_indexed",
    "incident_correction",
    "worker_settings",
    "index_mark",
    "index_total",
    "index_built",
    "team_profile",
    "team_request",
    "supervision_request",
    "debrief_shared",
    "unsigned_notes",
    "team_seen",
    "team_settings",
];

/// A new record kind in the core must join the round trip above: this reads every
/// `const KIND: &'static str = "..."` in core/src and compares with [`ALL_KINDS`].
#[test]
fn the_round_trip_covers_every_record_kind_in_the_core() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // Kinds are declared either by hand or through the `client_record!` and `timeline_record!`
    // macros.
    let markers = [
        "const KIND: &'static str = \"",
        "client_record!(",
        "timeline_record!(",
    ];
    let mut found = BTreeSet::new();
    // core/src has a folder per layer: read every file under it.
    let mut files = Vec::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        for marker in markers {
            for (i, _) in text.match_indices(marker) {
                // The kind is the first quoted string after the marker.
                let quoted = if marker.ends_with('"') { 0 } else { 1 };
                let after = &text[i + marker.len()..];
                found.insert(after.split('"').nth(quoted).unwrap().to_string());
            }
        }
    }
    // The sync engine's own records (`sync_*`: device keys, keyspace keys, the outbox) are written
    // only by team sync against a relay; a backup carries them as sealed rows like any other, and
    // what a restored team vault should do with its device identity is open (issue 16's notes).
    found.retain(|k| !k.starts_with("sync_"));
    let listed: BTreeSet<String> = ALL_KINDS.iter().map(|k| k.to_string()).collect();
    assert_eq!(
        found, listed,
        "add the new kind to every_other_kind and ALL_KINDS"
    );
}

/// Every row of the tables a backup carries, with SQLite's own types, in a stable order.
#[derive(Clone, Debug, PartialEq)]
struct Rows {
    meta: Vec<Vec<Value>>,
    records: Vec<Vec<Value>>,
    audit: Vec<Vec<Value>>,
    user_version: i64,
}

fn table(conn: &rusqlite::Connection, sql: &str, cols: usize) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |r| (0..cols).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

fn rows(dir: &Path) -> Rows {
    let conn = raw(dir);
    Rows {
        meta: table(&conn, "SELECT name, value FROM meta ORDER BY name", 2),
        records: table(
            &conn,
            "SELECT id, kind, owner, day_tag, rev, body FROM records ORDER BY id",
            6,
        ),
        audit: table(&conn, "SELECT seq, body, mac FROM audit ORDER BY seq", 3),
        user_version: conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap(),
    }
}

/// The rows without the newest audit entry (a backup's source gains a `BackupMade` entry after
/// the snapshot, and a restored vault a `Restored` entry after the backup's own) and without the
/// meta rows that belong to the phone's key slots rather than the caseload (the duress settings
/// and notice, made fresh by a restore, and the wrong-attempt count).
fn trimmed(mut rows: Rows) -> Rows {
    rows.audit.pop();
    caseload_meta(rows)
}

/// The rows without the meta rows that belong to the phone's key slots (see [`trimmed`]).
fn caseload_meta(mut rows: Rows) -> Rows {
    rows.meta.retain(|r| {
        !matches!(&r[0], Value::Text(name) if ["duress", "notice", "attempts"].contains(&name.as_str()))
    });
    rows
}

/// The record kinds among the rows; the sync engine's own (`sync_*`) left aside, as in
/// `the_round_trip_covers_every_record_kind_in_the_core`.
fn kinds(rows: &Rows) -> BTreeSet<String> {
    rows.records
        .iter()
        .map(|r| match &r[1] {
            Value::Text(k) => k.clone(),
            other => panic!("kind is {other:?}"),
        })
        .filter(|k| !k.starts_with("sync_"))
        .collect()
}

/// A backup of a fresh caseload, as bytes, with the folder it came from.
fn backup_bytes(
    clients: usize,
    chunk_size: u32,
) -> (tempfile::TempDir, Arc<Vault>, Arc<WorkerSession>, Vec<u8>) {
    let (dir, vault, s) = new_vault();
    caseload(&s, clients);
    let mut out = Vec::new();
    s.write_backup(
        PASSPHRASE,
        BACKUP_PASS,
        &mut out,
        &BackupOptions {
            kdf: KdfCost::Test,
            chunk_size,
        },
    )
    .unwrap();
    (dir, vault, s, out)
}

fn restore_bytes(bytes: &[u8], target: &Path, pass: &str) -> Result<Arc<Vault>, Error> {
    let (vault, summary) = alongside_core::restore_stream(
        bytes,
        pass,
        &dir_string(target),
        NEW_PASS,
        None,
        KdfCost::Test,
    )?;
    assert_eq!(
        summary,
        alongside_core::verify_backup_stream(bytes, pass).unwrap()
    );
    Ok(vault)
}

/// The names in a folder: a failed restore must leave no staging folder behind.
fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_restored_vault_has_every_row_byte_for_byte_and_its_audit_verifies() {
    let (dir, _vault, s) = new_vault();
    caseload(&s, 4);
    let s = every_other_kind(s);
    let before = rows(dir.path());
    let expected: BTreeSet<String> = ALL_KINDS.iter().map(|k| k.to_string()).collect();
    assert_eq!(kinds(&before), expected);

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("caseload.alongside-backup");
    let summary = s
        .backup_with(
            dir_string(&file),
            PASSPHRASE.into(),
            BACKUP_PASS.into(),
            quick(),
        )
        .unwrap();
    assert_eq!(summary.records, before.records.len() as u64);
    assert_eq!(summary.audit_entries, before.audit.len() as u64);
    assert_eq!(summary.bytes, std::fs::metadata(&file).unwrap().len());
    // Only the finished file is left: no partial file beside it.
    assert_eq!(
        names(out.path()),
        BTreeSet::from(["caseload.alongside-backup".to_string()])
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(find(&bytes, CANARY.as_bytes()).is_none());
    assert_eq!(
        alongside_core::verify_backup(dir_string(&file), BACKUP_PASS.into()).unwrap(),
        summary
    );

    let target = out.path().join("new phone");
    let (restored, _) = alongside_core::restore_stream(
        std::fs::File::open(&file).unwrap(),
        BACKUP_PASS,
        &dir_string(&target),
        NEW_PASS,
        None,
        KdfCost::Test,
    )
    .unwrap();
    assert_eq!(trimmed(rows(&target)), caseload_meta(before.clone()));
    let r = restored.worker().unwrap();
    let report = r.verify_audit().unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.entries, before.audit.len() as u64 + 1);
    assert_eq!(r.clients().unwrap(), s.clients().unwrap());
    // Both trails go on from the backup's: the source's with the backup made, the restored
    // vault's with the restore.
    let (mut theirs, mut ours) = (
        r.audit_entries(1000).unwrap(),
        s.audit_entries(1000).unwrap(),
    );
    assert_eq!(theirs.remove(0).op, alongside_core::Op::Restored);
    assert_eq!(ours.remove(0).op, alongside_core::Op::BackupMade);
    assert_eq!(theirs, ours);

    // The new vault opens with the new passphrase only, and its trail goes on from the old one.
    drop((r, restored));
    let reopened = Vault::open_with_cost(dir_string(&target), KdfCost::Test).unwrap();
    assert!(matches!(
        reopened.unlock(PASSPHRASE.into(), None),
        Err(Error::WrongPassphrase { .. })
    ));
    let r = reopened.unlock(NEW_PASS.into(), None).unwrap();
    r.add_client(ClientInput::named("Met on the new phone"))
        .unwrap();
    assert!(r.verify_audit().unwrap().ok);
}

#[test]
fn many_small_chunks_round_trip_through_the_stream_api() {
    let (dir, _vault, _s, bytes) = backup_bytes(3, 64);
    assert!(bytes.len() > 100 * 80, "expected many chunks");
    let target = tempfile::tempdir().unwrap();
    let into = target.path().join("v");
    let restored = restore_bytes(&bytes, &into, BACKUP_PASS).unwrap();
    assert_eq!(trimmed(rows(&into)), trimmed(rows(dir.path())));
    assert!(restored.worker().unwrap().verify_audit().unwrap().ok);
    assert_eq!(
        alongside_core::verify_backup_stream(&bytes[..], BACKUP_PASS).unwrap(),
        BackupSummary {
            records: rows(dir.path()).records.len() as u64,
            // The source's newest entry records the backup itself.
            audit_entries: rows(dir.path()).audit.len() as u64 - 1,
            bytes: bytes.len() as u64,
        }
    );
}

#[test]
fn restore_into_an_existing_empty_folder() {
    let (dir, _vault, _s, bytes) = backup_bytes(1, alongside_core::DEFAULT_CHUNK_SIZE);
    let parent = tempfile::tempdir().unwrap();
    let empty = parent.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    restore_bytes(&bytes, &empty, BACKUP_PASS).unwrap();
    assert_eq!(trimmed(rows(&empty)), trimmed(rows(dir.path())));
    assert_eq!(names(parent.path()), BTreeSet::from(["empty".to_string()]));
}

#[test]
fn the_platform_key_stays_with_the_old_phone() {
    let (_dir, _vault, s) = new_vault();
    caseload(&s, 1);
    s.enable_platform_key(PASSPHRASE.into(), TestPlatformKey::new(3))
        .unwrap();
    let mut bytes = Vec::new();
    s.write_backup(
        PASSPHRASE,
        BACKUP_PASS,
        &mut bytes,
        &BackupOptions {
            kdf: KdfCost::Test,
            ..Default::default()
        },
    )
    .unwrap();
    let target = tempfile::tempdir().unwrap();
    let restored = restore_bytes(&bytes, &target.path().join("v"), BACKUP_PASS).unwrap();
    assert!(!restored.has_platform_key().unwrap());
}

/// What a failed restore must leave: the target as it was (absent, or byte for byte the same),
/// and no staging folder beside it.
fn assert_untouched(parent: &Path, target: &Path, before: &Option<BTreeMap<String, Vec<u8>>>) {
    match before {
        None => assert!(!target.exists(), "target was created"),
        Some(files) => assert_eq!(&snapshot(target), files, "target changed"),
    }
    let leftovers: Vec<String> = names(parent)
        .into_iter()
        .filter(|n| n.contains("restoring"))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
}

fn fails_cleanly(bytes: &[u8], pass: &str) -> Error {
    let parent = tempfile::tempdir().unwrap();
    let target = parent.path().join("v");
    let err = restore_bytes(bytes, &target, pass)
        .err()
        .expect("restore should fail");
    assert_untouched(parent.path(), &target, &None);
    err
}

#[test]
fn each_bad_file_has_its_own_error_and_leaves_the_target_untouched() {
    let (_dir, _vault, _s, bytes) = backup_bytes(2, 1024);

    assert!(matches!(
        fails_cleanly(&bytes, "not the backup passphrase"),
        Error::BackupWrongPassphrase { .. }
    ));
    // The unlock passphrase is not the backup passphrase.
    assert!(matches!(
        fails_cleanly(&bytes, PASSPHRASE),
        Error::BackupWrongPassphrase { .. }
    ));

    let truncated = &bytes[..bytes.len() - 10];
    assert!(matches!(
        fails_cleanly(truncated, BACKUP_PASS),
        Error::BackupCorrupt { .. }
    ));

    let mut altered = bytes.clone();
    let mid = altered.len() / 2;
    altered[mid] ^= 0x20;
    assert!(matches!(
        fails_cleanly(&altered, BACKUP_PASS),
        Error::BackupCorrupt { .. }
    ));

    let mut newer = bytes.clone();
    newer[16..18].copy_from_slice(&3u16.to_be_bytes());
    match fails_cleanly(&newer, BACKUP_PASS) {
        Error::BackupTooNew { found, supported } => assert_eq!((found, supported), (3, 2)),
        other => panic!("expected BackupTooNew, got {other:?}"),
    }

    let mut not_ours = bytes.clone();
    not_ours[0] = b'X';
    assert!(matches!(
        fails_cleanly(&not_ours, BACKUP_PASS),
        Error::BackupCorrupt { .. }
    ));

    // A target that already holds a vault: refused before the file is read, left byte for byte.
    let (held, _v, s2) = new_vault();
    caseload(&s2, 1);
    drop((_v, s2));
    let before = Some(snapshot(held.path()));
    let err = restore_bytes(&bytes, held.path(), BACKUP_PASS)
        .err()
        .unwrap();
    assert!(matches!(err, Error::AlreadyExists { .. }), "{err:?}");
    assert_untouched(held.path().parent().unwrap(), held.path(), &before);

    // An existing empty folder stays an empty folder when the file is bad.
    let parent = tempfile::tempdir().unwrap();
    let empty = parent.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let err = restore_bytes(&altered, &empty, BACKUP_PASS).err().unwrap();
    assert!(matches!(err, Error::BackupCorrupt { .. }));
    assert_untouched(parent.path(), &empty, &Some(BTreeMap::new()));
}

#[test]
fn a_file_cut_at_every_twentieth_of_its_length_fails_cleanly() {
    let (_dir, _vault, _s, bytes) = backup_bytes(3, 512);
    for k in 0..20 {
        let len = bytes.len() * k / 20;
        match fails_cleanly(&bytes[..len], BACKUP_PASS) {
            Error::BackupCorrupt { detail } => {
                assert!(!detail.contains(CANARY));
            }
            other => panic!("cut at {len}: {other:?}"),
        }
    }
    // Cut at exactly a chunk boundary, and one byte short of the end.
    let header = 123;
    for len in [header, header + 512 + 16, bytes.len() - 1] {
        assert!(matches!(
            fails_cleanly(&bytes[..len], BACKUP_PASS),
            Error::BackupCorrupt { .. }
        ));
    }
}

#[test]
fn a_flipped_byte_anywhere_fails_cleanly() {
    let (_dir, _vault, _s, bytes) = backup_bytes(2, 256);
    let header = 123;
    // Every header byte, then a spread of positions through the chunks, through the cheap
    // verifier; a sample of them through a full restore.
    let positions: Vec<usize> = (0..header)
        .chain((header..bytes.len()).step_by(97))
        .chain([bytes.len() - 1])
        .collect();
    for (n, &i) in positions.iter().enumerate() {
        for bit in [0x01u8, 0x80] {
            let mut bad = bytes.clone();
            bad[i] ^= bit;
            let err = alongside_core::verify_backup_stream(&bad[..], BACKUP_PASS)
                .err()
                .unwrap_or_else(|| panic!("flip at {i} went unnoticed"));
            match (&err, i) {
                (Error::BackupCorrupt { .. }, _) => {}
                // The version bytes: a higher number reads as a newer format.
                (Error::BackupTooNew { .. }, 16 | 17) => {}
                (other, _) => panic!("flip at {i}: {other:?}"),
            }
            if n % 20 == 0 {
                let again = fails_cleanly(&bad, BACKUP_PASS);
                assert_eq!(std::mem::discriminant(&again), std::mem::discriminant(&err));
            }
        }
    }
}

#[test]
fn backup_asks_for_the_unlock_passphrase_and_stops_when_locked() {
    let (_dir, vault, s) = new_vault();
    caseload(&s, 1);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("b");
    let err = s
        .backup_with(
            dir_string(&file),
            "not the passphrase".into(),
            BACKUP_PASS.into(),
            quick(),
        )
        .err()
        .unwrap();
    assert!(matches!(err, Error::WrongPassphrase { .. }), "{err:?}");
    assert!(names(out.path()).is_empty());

    // Too short a backup passphrase names the field.
    let err = s
        .backup_with(
            dir_string(&file),
            PASSPHRASE.into(),
            "short".into(),
            quick(),
        )
        .err()
        .unwrap();
    assert!(
        matches!(&err, Error::Invalid { field, .. } if field == "backup_passphrase"),
        "{err:?}"
    );

    vault.lock();
    let err = s
        .backup_with(
            dir_string(&file),
            PASSPHRASE.into(),
            BACKUP_PASS.into(),
            quick(),
        )
        .err()
        .unwrap();
    assert!(matches!(err, Error::Locked { .. }));
    assert!(names(out.path()).is_empty());
}

#[test]
fn an_existing_backup_file_is_replaced_only_by_a_complete_one() {
    let (_dir, vault, s) = new_vault();
    caseload(&s, 1);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("b");
    std::fs::write(&file, b"yesterday's backup").unwrap();
    vault.lock();
    assert!(s
        .backup_with(
            dir_string(&file),
            PASSPHRASE.into(),
            BACKUP_PASS.into(),
            quick(),
        )
        .is_err());
    assert_eq!(std::fs::read(&file).unwrap(), b"yesterday's backup");
    let s = vault.unlock(PASSPHRASE.into(), None).unwrap();
    s.backup_with(
        dir_string(&file),
        PASSPHRASE.into(),
        BACKUP_PASS.into(),
        quick(),
    )
    .unwrap();
    assert!(alongside_core::verify_backup(dir_string(&file), BACKUP_PASS.into()).is_ok());
    assert_eq!(names(out.path()), BTreeSet::from(["b".to_string()]));
}

/// A sink that remembers the largest single write: the writer hands it one chunk at a time, so
/// memory stays at one chunk however large the vault.
struct Sink {
    bytes: u64,
    largest_write: usize,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len() as u64;
        self.largest_write = self.largest_write.max(buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_writer_streams_one_chunk_at_a_time() {
    let (_dir, _vault, s) = new_vault();
    caseload(&s, 6);
    let mut sink = Sink {
        bytes: 0,
        largest_write: 0,
    };
    let summary = s
        .write_backup(
            PASSPHRASE,
            BACKUP_PASS,
            &mut sink,
            &BackupOptions {
                kdf: KdfCost::Test,
                chunk_size: 1024,
            },
        )
        .unwrap();
    assert_eq!(summary.bytes, sink.bytes);
    assert!(sink.bytes > 20 * 1024);
    assert!(sink.largest_write <= 1024 + 16, "{}", sink.largest_write);
}

// ---------------------------------------------------------------------------------------------
// Property tests: the reader on thousands of random and mutated inputs. No panic, and only the
// backup's own typed errors. (cargo fuzz runs the same entry points for longer: `make fuzz-backup`.)

/// xorshift64*: deterministic, so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(4) {
        match rng.below(7) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            2 => v.truncate(rng.below(v.len() + 1)),
            3 => {
                let i = rng.below(v.len() + 1);
                let junk: Vec<u8> = (0..rng.below(16)).map(|_| rng.next() as u8).collect();
                v.splice(i..i, junk);
            }
            4 if !v.is_empty() => {
                let i = rng.below(v.len());
                let n = rng.below(v.len() - i + 1).min(64);
                v.drain(i..i + n);
            }
            5 if v.len() >= 8 => {
                // Overwrite a 4-byte field with an interesting number (lengths, counts).
                let i = rng.below(v.len() - 4);
                let x: u32 = [0, 1, 0x7F, 0xFF, 0xFFFF, 0x00FF_FFFF, u32::MAX][rng.below(7)];
                v[i..i + 4].copy_from_slice(&x.to_be_bytes());
            }
            _ => {
                // Duplicate a slice (a repeated entry or chunk).
                if !v.is_empty() {
                    let i = rng.below(v.len());
                    let n = rng.below(v.len() - i + 1).min(200);
                    let copy = v[i..i + n].to_vec();
                    let at = rng.below(v.len() + 1);
                    v.splice(at..at, copy);
                }
            }
        }
    }
    v
}

fn typed_backup_error(e: &Error) -> bool {
    matches!(
        e,
        Error::BackupCorrupt { .. }
            | Error::BackupWrongPassphrase { .. }
            | Error::BackupTooNew { .. }
            | Error::SchemaTooNew { .. }
    )
}

/// A real backup written with the fuzz hooks' passphrase, and its decrypted payload.
fn fuzz_seeds() -> (Vec<u8>, Vec<u8>) {
    let (_dir, _vault, s) = new_vault();
    caseload(&s, 2);
    let mut file = Vec::new();
    s.write_backup(
        PASSPHRASE,
        fuzzing::PASSPHRASE,
        &mut file,
        &BackupOptions {
            kdf: KdfCost::Test,
            chunk_size: 256,
        },
    )
    .unwrap();
    let payload = fuzzing::payload_of(&file, fuzzing::PASSPHRASE).unwrap();
    (file, payload)
}

#[test]
fn the_reader_survives_thousands_of_mutated_files() {
    let (file, _) = fuzz_seeds();
    assert!(fuzzing::read_file(&file).is_ok());
    let mut rng = Rng(0x5EED_0001);
    for round in 0..10_000 {
        let input = if round % 10 == 0 {
            (0..rng.below(400)).map(|_| rng.next() as u8).collect()
        } else {
            mutate(&mut rng, &file)
        };
        match fuzzing::read_file(&input) {
            Ok(_) => assert_eq!(input, file, "round {round}: a changed file was accepted"),
            Err(e) => assert!(typed_backup_error(&e), "round {round}: {e:?}"),
        }
    }
}

#[test]
fn the_payload_parser_survives_thousands_of_mutated_payloads() {
    let (_, payload) = fuzz_seeds();
    let good = fuzzing::read_payload(&payload).unwrap();
    assert!(good.records > 10);
    let mut rng = Rng(0x5EED_0002);
    let mut accepted = 0;
    for round in 0..20_000 {
        let input = if round % 10 == 0 {
            (0..rng.below(400)).map(|_| rng.next() as u8).collect()
        } else {
            mutate(&mut rng, &payload)
        };
        match fuzzing::read_payload(&input) {
            // A mutation inside a sealed body still parses; the data key check guards the rest.
            Ok(_) => accepted += 1,
            Err(e) => assert!(typed_backup_error(&e), "round {round}: {e:?}"),
        }
    }
    assert!(accepted < 20_000 / 2, "the parser checks too little");
}

#[test]
fn a_payload_from_a_newer_vault_schema_is_refused() {
    let (_, mut payload) = fuzz_seeds();
    // The vault entry: tag, length, then the schema version.
    payload[5..9].copy_from_slice(&99u32.to_be_bytes());
    match fuzzing::read_payload(&payload) {
        Err(Error::SchemaTooNew { found: 99, .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_restore_target_path_that_is_a_file_is_refused() {
    let (_dir, _vault, _s, bytes) = backup_bytes(1, alongside_core::DEFAULT_CHUNK_SIZE);
    let parent = tempfile::tempdir().unwrap();
    let file: PathBuf = parent.path().join("f");
    std::fs::write(&file, b"x").unwrap();
    let err = restore_bytes(&bytes, &file, BACKUP_PASS).err().unwrap();
    assert!(matches!(&err, Error::Invalid { field, .. } if field == "vault_dir"));
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

/// The payload's framing, split back into entries (tag, body) for the rule tests below.
fn entries(payload: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rest = payload;
    while !rest.is_empty() {
        let len = u32::from_be_bytes(rest[1..5].try_into().unwrap()) as usize;
        out.push((rest[0], rest[5..5 + len].to_vec()));
        rest = &rest[5 + len..];
    }
    out
}

fn frame(entries: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (tag, body) in entries {
        out.push(*tag);
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        out.extend_from_slice(body);
    }
    out
}

/// An end entry whose counts match `entries` (which must not hold one).
fn with_end(mut entries: Vec<(u8, Vec<u8>)>) -> Vec<(u8, Vec<u8>)> {
    let count = |tag| entries.iter().filter(|(t, _)| *t == tag).count() as u64;
    let mut end = Vec::new();
    for tag in [0x02, 0x03, 0x04] {
        end.extend_from_slice(&count(tag).to_be_bytes());
    }
    entries.push((0x7F, end));
    entries
}

fn payload_error(entries: &[(u8, Vec<u8>)]) -> String {
    match fuzzing::read_payload(&frame(entries)) {
        Err(Error::BackupCorrupt { detail }) => detail,
        other => panic!("expected BackupCorrupt, got {other:?}"),
    }
}

#[test]
fn the_payload_rules_are_enforced() {
    let (_, payload) = fuzz_seeds();
    let good = entries(&payload);
    assert_eq!(frame(&good), payload);
    assert!(fuzzing::read_payload(&frame(&good)).is_ok());
    let end = good.len() - 1;
    let first = |tag: u8| good.iter().position(|(t, _)| *t == tag).unwrap();
    let (meta, record, audit) = (first(0x02), first(0x03), first(0x04));
    let body = |tag: u8| good.iter().filter(|(t, _)| *t == tag).count();
    assert!(body(0x02) >= 2 && body(0x03) >= 2 && body(0x04) >= 2);

    let mut v = good.clone();
    v.remove(record);
    assert!(payload_error(&v).contains("counts"));

    let mut v = good.clone();
    v.remove(end);
    assert!(payload_error(&v).contains("end marker"));

    let mut bytes = frame(&good);
    bytes.push(0);
    assert!(matches!(
        fuzzing::read_payload(&bytes),
        Err(Error::BackupCorrupt { detail }) if detail.contains("follows the end marker")
    ));

    let mut v = good.clone();
    v.swap(meta, record);
    assert!(payload_error(&v).contains("out of order"));
    let mut v = good.clone();
    v.swap(record, audit);
    assert!(payload_error(&v).contains("out of order"));

    let mut v = good.clone();
    v.insert(1, good[0].clone());
    assert!(payload_error(&v).contains("second vault entry"));

    let mut v = good.clone();
    v.insert(1, (0x55, vec![]));
    assert!(payload_error(&v).contains("unknown entry"));

    let mut v = good.clone();
    v[record].1.push(0);
    assert!(payload_error(&v).contains("longer than its fields"));
    let mut v = good.clone();
    v[audit].1.pop();
    assert!(payload_error(&v).contains("shorter than its fields"));

    // The vault entry's data key must open the vault's own key check.
    let mut v = good.clone();
    v[0].1[4] ^= 1;
    assert!(payload_error(&v).contains("key check"));
    let v: Vec<_> = good[..end]
        .iter()
        .filter(|(t, b)| !(*t == 0x02 && find(b, b"key_check").is_some()))
        .cloned()
        .collect();
    assert!(payload_error(&with_end(v)).contains("missing"));

    // A payload with no rows at all still needs the vault's id and key check.
    assert!(payload_error(&with_end(vec![good[0].clone()])).contains("missing"));
}
