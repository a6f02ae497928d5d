//! Verifying a backup and restoring it into a staging folder beside the target, moved into place
//! only when every chunk authenticated and the counts and the key check match.

#[allow(unused_imports)]
use super::*;

/// Read a whole backup without writing anything: authenticity, completeness, version and that its
/// data key opens its vault. For "check this backup" and for tests.
pub fn verify_backup_stream<R: Read>(input: R, backup_passphrase: &str) -> Result<BackupSummary> {
    let mut reader = open_file(input, backup_passphrase, false)?;
    let counts = verify_payload(&mut reader)?;
    Ok(BackupSummary {
        records: counts.records,
        audit_entries: counts.audit,
        bytes: reader.bytes,
    })
}

impl<S: Source> Source for &mut S {
    fn read_exact(&mut self, out: &mut [u8]) -> Result<()> {
        (**self).read_exact(out)
    }
    fn at_end(&mut self) -> Result<bool> {
        (**self).at_end()
    }
}

/// Check a backup file: it opens with this passphrase, is complete and unaltered, and this build
/// can restore it. Writes nothing. Fails with `NotFound` (kind `backup`: no file at `path`),
/// `BackupWrongPassphrase`, `BackupCorrupt`, `BackupTooNew`, `Storage` (the file cannot be read).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn verify_backup(path: String, backup_passphrase: String) -> Result<BackupSummary> {
    let file = fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::not_found("backup", "file"),
        _ => e.into(),
    })?;
    verify_backup_stream(std::io::BufReader::new(file), &backup_passphrase)
}

/// Restore a backup from `input` into a new vault at `vault_dir`, unlocked with `new_passphrase`
/// (bound to `device_binding` when given), and say what it held. `cost` is the Argon2id cost of
/// the new slot: [`KdfCost::Production`] outside tests. See [`Vault::restore`].
pub fn restore_stream<R: Read>(
    input: R,
    backup_passphrase: &str,
    vault_dir: &str,
    new_passphrase: &str,
    device_binding: Option<Arc<dyn PlatformKey>>,
    cost: KdfCost,
) -> Result<(Arc<Vault>, BackupSummary)> {
    vault::check_new_passphrase("new_passphrase", new_passphrase, &[backup_passphrase])?;
    let target = PathBuf::from(vault_dir);
    check_target(&target)?;
    let name = target.file_name().ok_or_else(|| {
        Error::invalid(
            "vault_dir",
            Rule::Format {
                expected: "a folder path".into(),
            },
        )
    })?;
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };

    // The header and the vault entry are checked before anything touches the disk.
    let reader = open_file(input, backup_passphrase, false)?;
    let (payload, vault) = Payload::start(reader)?;

    fs::create_dir_all(&parent)?;
    // A restore killed part way (the phone switched off, the app killed) left its staging folder:
    // nothing else will ever use it.
    storage::remove_stale_staging(&target);
    let mut staging_name = storage::staging_prefix(name);
    staging_name.push(hex(&crypto::random_bytes::<6>()?));
    let staging = parent.join(staging_name);
    create_private_dir(&staging)?;
    let restored = fill_staging(
        &staging,
        payload,
        &vault,
        new_passphrase,
        cost,
        device_binding.as_deref(),
    )
    .and_then(|summary| move_into_place(&staging, &target).map(|()| summary));
    match restored {
        Ok(summary) => {
            let restored = Vault::open_with_key(&target, &vault.data_key, cost)?;
            restored.settle_restored(device_binding)?;
            restored.worker()?.record(Op::Restored)?;
            Ok((restored, summary))
        }
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            Err(e)
        }
    }
}

/// The target must be a missing or empty folder: a vault there is [`Error::AlreadyExists`]; any
/// other file (a stale `-wal` or `-shm` of an earlier vault, which SQLite would replay into the
/// restored one, or anything else) is refused, so a restore never mixes with what was there.
fn check_target(target: &Path) -> Result<()> {
    if target.join(storage::DB_FILE).exists() {
        return Err(Error::already_exists());
    }
    if !target.exists() {
        return Ok(());
    }
    if !target.is_dir() {
        return Err(Error::invalid(
            "vault_dir",
            Rule::Format {
                expected: "a folder".into(),
            },
        ));
    }
    if fs::read_dir(target)?.next().is_some() {
        return Err(Error::not_allowed(
            "vault_dir",
            crate::error::NotAllowedReason::RestoreFolderNotEmpty,
        ));
    }
    Ok(())
}

/// A folder only its owner can enter (0700): the staging database is sealed, but its size and
/// timing are nobody else's business either.
fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    Ok(())
}

/// Write every row into a fresh database in `dir`, in one transaction that commits only after the
/// whole payload has been read and checked.
pub(super) fn fill_staging<R: Read>(
    dir: &Path,
    mut payload: Payload<ChunkReader<R>>,
    vault: &VaultEntry,
    new_passphrase: &str,
    cost: KdfCost,
    device_binding: Option<&dyn PlatformKey>,
) -> Result<BackupSummary> {
    let mut conn = storage::connect(dir, true)?;
    // The backup's own schema first, so its rows fit; later migrations run after they are in.
    storage::migrate_to(&mut conn, vault.schema)?;
    let tx = storage::write_tx(&mut conn)?;
    // A record may come before the client that owns it; the owner key is checked at commit.
    tx.pragma_update(None, "defer_foreign_keys", true)?;
    let (mut vault_id, mut key_check) = (None, None);
    {
        let mut meta = tx.prepare("INSERT INTO meta (name, value) VALUES (?1, ?2)")?;
        let mut record = tx.prepare(
            "INSERT INTO records (id, kind, owner, day_tag, rev, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut audit = tx.prepare("INSERT INTO audit (seq, body, mac) VALUES (?1, ?2, ?3)")?;
        while let Some(row) = payload.next()? {
            match row {
                Row::Meta { name, value } => {
                    meta.execute(params![name, value])
                        .map_err(rows_do_not_fit)?;
                    match name.as_str() {
                        "vault_id" => vault_id = Some(value),
                        "key_check" => key_check = Some(value),
                        _ => {}
                    }
                }
                Row::Record(r) => {
                    record
                        .execute(params![r.id, r.kind, r.owner, r.day_tag, r.rev, r.body])
                        .map_err(rows_do_not_fit)?;
                }
                Row::Audit { seq, body, mac } => {
                    audit
                        .execute(params![seq, body, mac])
                        .map_err(rows_do_not_fit)?;
                }
            }
        }
    }
    let vault_id_bytes = vault_id.clone();
    check_data_key(&vault.data_key, vault_id, key_check)?;
    let vault_id = vault_id_bytes.expect("checked above");
    vault::write_new_slots(
        &tx,
        &vault_id,
        &vault.data_key,
        new_passphrase,
        cost,
        device_binding,
    )?;
    tx.commit().map_err(rows_do_not_fit)?;
    storage::migrate(&mut conn)?;
    // The rows authenticated as a whole; now each must open and the trail must hold, or the
    // restored vault would fail on its first read. A backup of an older schema is brought up
    // to date here, with the keys, before anything is moved into place.
    let keys = Keys::derive(&vault.data_key)?;
    storage::upgrade_sealed(&mut conn, &keys).map_err(|e| match e {
        Error::Tampered { kind, id } => corrupt(format!(
            "the {kind} record {id} in the backup does not open"
        )),
        other => other,
    })?;
    let report = storage::audit::verify(&conn, &keys)?;
    if !report.ok {
        let record = match (&report.record_kind, &report.record_id) {
            (Some(kind), Some(id)) => format!(" ({kind} {id})"),
            _ => String::new(),
        };
        return Err(corrupt(format!(
            "the restored vault does not check out: {}{record}",
            report
                .problem
                .as_deref()
                .unwrap_or("the audit trail is broken")
        )));
    }
    storage::checkpoint(&conn)?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(BackupSummary {
        records: payload.counts.records,
        audit_entries: payload.counts.audit,
        bytes: payload.src.bytes,
    })
}

/// Only an authenticated payload reaches the database, so a row SQLite refuses (a duplicate id, an
/// owner that is not there) means a backup written wrongly, not an attack; still its own error.
pub(super) fn rows_do_not_fit(e: rusqlite::Error) -> Error {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            corrupt("the rows do not fit together (duplicate or dangling)")
        }
        other => other.into(),
    }
}

/// Move the finished staging folder to `target`: a rename of the folder when the target does not
/// exist (or is an empty folder), else a rename of its files into the target folder.
pub(super) fn move_into_place(staging: &Path, target: &Path) -> Result<()> {
    if target.join(storage::DB_FILE).exists() {
        return Err(Error::already_exists());
    }
    if fs::rename(staging, target).is_ok() {
        return Ok(());
    }
    // The target is a folder with other files in it: move the database file itself.
    for entry in fs::read_dir(staging)? {
        let entry = entry?;
        fs::rename(entry.path(), target.join(entry.file_name()))?;
    }
    fs::remove_dir(staging)?;
    Ok(())
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl Vault {
    /// Restore the backup at `backup_path` into a new vault at `vault_dir` (a missing or empty
    /// folder), unlocked with `new_passphrase`, and return it unlocked. Record ids, revisions and
    /// the audit chain are kept exactly. The whole file is checked before the vault appears: a
    /// wrong backup passphrase, a damaged or truncated file and a newer format each fail with
    /// their own error and leave `vault_dir` as it was. The new unlock passphrase must be hard to
    /// guess; `device_binding` binds the restored vault to this phone (as at `create`). The
    /// restored vault's audit trail records the restore.
    /// Fails with `BackupWrongPassphrase`, `BackupCorrupt`, `BackupTooNew`, `AlreadyExists` (a
    /// vault in `vault_dir`), `Invalid` (a weak `new_passphrase`), `PlatformKey`, `Storage`.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn restore(
        backup_path: String,
        backup_passphrase: String,
        vault_dir: String,
        new_passphrase: String,
        device_binding: Option<Arc<dyn PlatformKey>>,
    ) -> Result<Arc<Self>> {
        let file = fs::File::open(&backup_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::not_found("backup", "file"),
            _ => e.into(),
        })?;
        restore_stream(
            std::io::BufReader::new(file),
            &backup_passphrase,
            &vault_dir,
            &new_passphrase,
            device_binding,
            KdfCost::Production,
        )
        .map(|(vault, _)| vault)
    }
}
