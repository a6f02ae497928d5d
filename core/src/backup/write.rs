//! Writing a backup from an unlocked worker session: to a stream, or to a file next to its final
//! name and moved into place only when complete.

#[allow(unused_imports)]
use super::*;

impl WorkerSession {
    /// Stream a backup of the whole vault into `out`. `passphrase` is the worker's unlock
    /// passphrase, asked again because a backup carries everything (wrong attempts are throttled
    /// as at unlock). The backup passphrase must be hard to guess and differ from the unlock
    /// passphrase: the file leaves the phone, so the device key does not protect it. The rows are
    /// read from one consistent snapshot through a second connection, so the app stays usable
    /// while it runs; locking the vault stops it. The audit trail records the backup.
    pub fn write_backup<W: Write>(
        &self,
        passphrase: &str,
        backup_passphrase: &str,
        out: W,
        options: &BackupOptions,
    ) -> Result<BackupSummary> {
        if vault::same_passphrase(passphrase, backup_passphrase) {
            return Err(Error::invalid(
                "backup_passphrase",
                Rule::SameAs {
                    other: "the unlock passphrase".into(),
                },
            ));
        }
        vault::check_new_passphrase("backup_passphrase", backup_passphrase, &[passphrase])?;
        if !(MIN_CHUNK_SIZE..=MAX_CHUNK_SIZE).contains(&options.chunk_size) {
            return Err(Error::invalid(
                "chunk_size",
                Rule::OutOfRange {
                    min: MIN_CHUNK_SIZE.into(),
                    max: MAX_CHUNK_SIZE.into(),
                },
            ));
        }
        let data_key = self.export_data_key(passphrase)?;
        if self.state()?.is_decoy() {
            // A duress passphrase's empty vault lives in memory: back up that, through its own
            // connection (it is small; the lock is held while it is written).
            let summary = {
                let mut state = self.state()?;
                let tx = state.conn.transaction()?;
                self.write_rows(&tx, &data_key, backup_passphrase, out, options, &|| Ok(()))?
            };
            self.record(crate::storage::audit::Op::BackupMade)?;
            return Ok(summary);
        }
        let alive = || self.state().map(drop);
        let mut conn = storage::connect(&self.inner.dir, false)?;
        // One read transaction: meta, records and audit come from the same snapshot.
        let tx = conn.transaction()?;
        let summary = self.write_rows(&tx, &data_key, backup_passphrase, out, options, &alive)?;
        drop(tx);
        self.record(crate::storage::audit::Op::BackupMade)?;
        Ok(summary)
    }

    /// The header and every row of one consistent snapshot (`tx`), sealed into `out`. `alive`
    /// stops the backup when the session that started it ends.
    fn write_rows<W: Write>(
        &self,
        tx: &rusqlite::Transaction<'_>,
        data_key: &Secret,
        backup_passphrase: &str,
        out: W,
        options: &BackupOptions,
        alive: &dyn Fn() -> Result<()>,
    ) -> Result<BackupSummary> {
        let schema = storage::schema_version(tx)?;

        let header = Header {
            version: FORMAT_VERSION,
            kdf: FileKdf::Argon2id(options.kdf.params()),
            salt: crypto::random_bytes()?,
            chunk_size: options.chunk_size,
            nonce_prefix: crypto::random_bytes()?,
        };
        let keys = file_keys(backup_passphrase, &header)?;
        let header_len = layout(FORMAT_VERSION).2;
        let mut h = Vec::with_capacity(header_len);
        h.extend_from_slice(&header.checked_bytes());
        h.extend_from_slice(hmac::sign(&keys.check, &h).as_ref());
        let digest = digest::digest(&digest::SHA256, &h);
        h.extend_from_slice(digest.as_ref());
        debug_assert_eq!(h.len(), header_len);

        let mut out = out;
        out.write_all(&h)?;
        let ad: [u8; 32] = digest.as_ref().try_into().expect("32 bytes");
        let mut w = ChunkWriter::new(
            &mut out,
            keys.stream,
            header.nonce_prefix,
            ad,
            header.chunk_size,
        );

        let mut body = Vec::with_capacity(256);
        put_u32(&mut body, schema);
        body.extend_from_slice(data_key.as_bytes());
        let sent = emit(&mut w, ENTRY_VAULT, &body);
        body.zeroize();
        sent?;

        let mut counts = Counts::default();
        {
            let mut stmt = tx.prepare("SELECT name, value FROM meta ORDER BY name")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                body.clear();
                put_bytes(&mut body, r.get::<_, String>(0)?.as_bytes())?;
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(1)?)?;
                emit(&mut w, ENTRY_META, &body)?;
                counts.meta += 1;
            }
        }
        {
            let mut stmt = tx.prepare(
                "SELECT id, kind, owner, day_tag, rev, body FROM records ORDER BY rowid",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                body.clear();
                put_bytes(&mut body, r.get::<_, String>(0)?.as_bytes())?;
                put_bytes(&mut body, r.get::<_, String>(1)?.as_bytes())?;
                put_opt(
                    &mut body,
                    r.get::<_, Option<String>>(2)?.as_deref().map(str::as_bytes),
                )?;
                put_opt(&mut body, r.get::<_, Option<Vec<u8>>>(3)?.as_deref())?;
                body.extend_from_slice(&r.get::<_, i64>(4)?.to_be_bytes());
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(5)?)?;
                emit(&mut w, ENTRY_RECORD, &body)?;
                counts.records += 1;
                if counts.records % LIVENESS_EVERY == 0 {
                    alive()?;
                }
            }
        }
        {
            let mut stmt = tx.prepare("SELECT seq, body, mac FROM audit ORDER BY seq")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                body.clear();
                body.extend_from_slice(&r.get::<_, i64>(0)?.to_be_bytes());
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(1)?)?;
                put_bytes(&mut body, &r.get::<_, Vec<u8>>(2)?)?;
                emit(&mut w, ENTRY_AUDIT, &body)?;
                counts.audit += 1;
                if counts.audit % LIVENESS_EVERY == 0 {
                    alive()?;
                }
            }
        }
        body.clear();
        for n in [counts.meta, counts.records, counts.audit] {
            body.extend_from_slice(&n.to_be_bytes());
        }
        emit(&mut w, ENTRY_END, &body)?;
        alive()?;
        let written = w.finish()?;
        Ok(BackupSummary {
            records: counts.records,
            audit_entries: counts.audit,
            bytes: header_len as u64 + written,
        })
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Back up the whole vault to the file at `path` (replaced only when the backup is complete).
    /// `passphrase` is the worker's unlock passphrase; `backup_passphrase` seals the file: hard to
    /// guess, and not the unlock passphrase. Argon2id at the same cost as the vault's slots.
    /// Fails with `WrongPassphrase` / `TooManyAttempts` (`passphrase`, checked as at unlock),
    /// `Invalid` (a weak `backup_passphrase`, or the unlock passphrase again), and the errors every
    /// call has (see `WorkerSession`); a failed backup leaves no file at `path`.
    pub fn backup(
        &self,
        path: String,
        passphrase: String,
        backup_passphrase: String,
    ) -> Result<BackupSummary> {
        self.backup_with(
            path,
            passphrase,
            backup_passphrase,
            BackupOptions::default(),
        )
    }
}

impl WorkerSession {
    /// [`WorkerSession::backup`] with chosen options (Rust callers: a test cost, a chunk size).
    pub fn backup_with(
        &self,
        path: String,
        passphrase: String,
        backup_passphrase: String,
        options: BackupOptions,
    ) -> Result<BackupSummary> {
        let path = PathBuf::from(path);
        let Some(name) = path.file_name() else {
            return Err(Error::invalid(
                "path",
                Rule::Format {
                    expected: "a file path".into(),
                },
            ));
        };
        let suffix = hex(&crypto::random_bytes::<6>()?);
        let mut partial_name = OsString::from(".");
        partial_name.push(name);
        partial_name.push(format!(".partial-{suffix}"));
        let partial = path.with_file_name(partial_name);
        let written = (|| {
            let mut file = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&partial)?;
            let summary =
                self.write_backup(&passphrase, &backup_passphrase, &mut file, &options)?;
            file.sync_all()?;
            drop(file);
            fs::rename(&partial, &path)?;
            Ok(summary)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&partial);
        }
        written
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
