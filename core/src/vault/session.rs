//! The unlocked worker's session: the capability every worker call hangs on. Each domain and
//! screen module adds its own calls to `WorkerSession` in an `impl` block of its own; this file
//! holds the handle, its access to the connection and keys, and the calls about the vault itself
//! (passphrase, platform key, lock, audit).

use rusqlite::{params, Connection};
use std::sync::{Arc, MutexGuard};

use super::platform::PlatformKey;
use super::{
    check_new_passphrase, dead_handle, duress, lock_state, record_event, same_passphrase, slots,
    vault_id_text, worker_key, Inner, State, SLOT_PLATFORM,
};
use crate::crypto::{Keys, Secret};
use crate::error::{Error, LockReason, Result};
use crate::storage::{self, audit::Op};

/// The unlocked worker's capability: everything the worker may read and write.
///
/// The errors every call has: `Locked` (the session has ended; its `reason` says why: locked,
/// auto-lock, shared mode open, a newer handle, closed), `Tampered` (a stored record it reads was
/// altered outside the app), `Storage` (the database or disk failed; nothing of the call was
/// written). Each call's own doc names the errors particular to it.
#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
pub struct WorkerSession {
    pub(crate) inner: Arc<Inner>,
    pub(super) epoch: u64,
}

/// A fresh worker session for the current epoch (after leaving shared mode).
pub(crate) fn worker_session(inner: &Arc<Inner>, epoch: u64) -> Arc<WorkerSession> {
    Arc::new(WorkerSession {
        inner: inner.clone(),
        epoch,
    })
}

impl WorkerSession {
    /// Write the duress slot (or an unused one) beside the worker's, with the same cost and
    /// binding, and the real vault's record of it; the old slot leaves no copy.
    fn set_duress(&self, passphrase: &str, duress_passphrase: Option<&str>) -> Result<()> {
        let mut state = self.state()?;
        let (_, unwrapped) = worker_key(&mut state, passphrase)?;
        if state.is_decoy() {
            return Ok(());
        }
        let device = state.device.clone();
        let vault_id = state.vault_id.clone();
        let params = state.kdf;
        let bound = device.is_some() || unwrapped.header.is_some_and(|h| h.bound);
        let State { conn, keys, .. } = &mut *state;
        let keys = keys
            .as_ref()
            .ok_or_else(|| Error::locked(LockReason::NotUnlocked))?;
        let tx = crate::storage::write_tx(conn)?;
        let mut config = match duress::read_config(&tx, keys, &vault_id)? {
            Some(c) => c,
            None => duress::write_fresh(&tx, keys, &vault_id)?,
        };
        // Both slots afresh, at this build's cost: a duress slot must look like the worker's.
        let worker = slots::Lock {
            passphrase,
            params,
            bound,
            device: device.as_deref(),
        };
        let data_key = unwrapped.key.clone();
        let index = if unwrapped.header.is_none() {
            slots::write_fresh(
                &tx,
                &vault_id,
                &data_key,
                passphrase,
                params,
                device.as_deref(),
            )?
        } else {
            slots::write(
                &tx,
                &vault_id,
                unwrapped.index,
                slots::Role::Worker,
                &data_key,
                &worker,
            )?;
            unwrapped.index
        };
        match duress_passphrase {
            Some(duress_passphrase) => {
                config.notice_key = crate::crypto::Secret::random()?;
                config.set = true;
                let lock = slots::Lock {
                    passphrase: duress_passphrase,
                    ..worker
                };
                slots::write(
                    &tx,
                    &vault_id,
                    1 - index,
                    slots::Role::Duress,
                    &config.notice_key,
                    &lock,
                )?;
            }
            None => {
                config.set = false;
                slots::write_unused(&tx, 1 - index, params, bound)?;
            }
        }
        duress::write_config(&tx, keys, &vault_id, &config)?;
        let op = if duress_passphrase.is_some() {
            Op::DuressSet
        } else {
            Op::DuressRemoved
        };
        let id = String::from_utf8_lossy(&vault_id).into_owned();
        crate::storage::audit::append(&tx, keys, op, "vault", &id, 0, &[])?;
        tx.commit()?;
        storage::checkpoint(conn)
    }

    /// Run `f` with the connection and keys, if this session is still the live worker session.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Connection, &Keys) -> Result<T>) -> Result<T> {
        let mut state = self.state()?;
        let State { conn, keys, .. } = &mut *state;
        let keys = keys
            .as_ref()
            .ok_or_else(|| Error::locked(LockReason::NotUnlocked))?;
        f(conn, keys)
    }

    /// Run `f` inside one transaction: all of it is committed, or none.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, &Keys) -> Result<T>,
    ) -> Result<T> {
        self.with(|conn, keys| {
            let tx = crate::storage::write_tx(conn)?;
            let out = f(&tx, keys)?;
            tx.commit()?;
            Ok(out)
        })
    }

    /// The data key, for a backup: the worker's passphrase is asked again (and wrong attempts
    /// throttled as at unlock), because a backup carries the whole caseload.
    pub(crate) fn export_data_key(&self, passphrase: &str) -> Result<Secret> {
        worker_key(&mut *self.state()?, passphrase).map(|(key, _)| key)
    }

    /// Record a vault-level event (a backup made) in the audit trail.
    pub(crate) fn record(&self, op: Op) -> Result<()> {
        let mut state = self.state()?;
        let id = vault_id_text(&state);
        record_event(&mut state, op, "vault", &id)
    }

    /// The vault's state, if this is still the live worker session and no time limit has passed
    /// (then the vault locks now). Fails with `Locked` and the reason.
    pub(crate) fn state(&self) -> Result<MutexGuard<'_, State>> {
        let mut state = self.inner.state();
        super::lock::lock_if_due(&mut state);
        if let Some(dead) = dead_handle(&state, self.epoch, true) {
            return Err(dead);
        }
        Ok(state)
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Rewrap the data key under a new passphrase; records are untouched. The new passphrase
    /// must be hard to guess; the current one is checked (and throttled) as at unlock. Afterwards
    /// no file holds the old slot: it is overwritten in place and the WAL folded back.
    /// Fails with `WrongPassphrase` / `TooManyAttempts` (checked and throttled as at unlock),
    /// `Invalid` (the field and its rule), and the errors every call has (see `WorkerSession`).
    pub fn change_passphrase(&self, current: String, new: String) -> Result<()> {
        check_new_passphrase("new_passphrase", &new, &[])?;
        let mut state = self.state()?;
        let (data_key, unwrapped) = worker_key(&mut state, &current)?;
        if state.is_decoy() {
            // A duress passphrase's empty vault: it answers as the real one would, and changes
            // nothing (its slot is not a worker's slot, and nothing may tell them apart).
            return Ok(());
        }
        if matches!(
            slots::open(&state.conn, &state.vault_id, &new, state.device.as_deref()),
            Ok(u) if u.role == slots::Role::Duress
        ) {
            return Err(Error::invalid(
                "new_passphrase",
                crate::error::Rule::SameAs {
                    other: "the duress passphrase".into(),
                },
            ));
        }
        let device = state.device.clone();
        let vault_id = state.vault_id.clone();
        let kdf = state.kdf;
        // The other slot keeps its header (a duress slot's must stay like the worker's).
        let headers = slots::headers(&state.conn)?;
        let (params, bound) = match headers.as_ref().and_then(|h| h.get(1 - unwrapped.index)) {
            Some(other) if unwrapped.header.is_some() => (other.params, other.bound),
            _ => (kdf, device.is_some()),
        };
        let tx = crate::storage::write_tx(&mut state.conn)?;
        if unwrapped.header.is_none() {
            slots::write_fresh(&tx, &vault_id, &data_key, &new, kdf, device.as_deref())?;
        } else {
            let lock = slots::Lock {
                passphrase: &new,
                params,
                bound,
                device: device.as_deref(),
            };
            slots::write(
                &tx,
                &vault_id,
                unwrapped.index,
                slots::Role::Worker,
                &data_key,
                &lock,
            )?;
        }
        tx.commit()?;
        storage::checkpoint(&state.conn)?;
        let id = vault_id_text(&state);
        record_event(&mut state, Op::PassphraseChanged, "vault", &id)
    }

    /// Enrol the phone's platform key as a second way to unlock, asking for the passphrase first
    /// (throttled as at unlock). A slot enrolled before is overwritten and leaves no copy.
    /// Fails with `WrongPassphrase` / `TooManyAttempts` (checked and throttled as at unlock),
    /// `PlatformKey`, and the errors every call has (see `WorkerSession`).
    pub fn enable_platform_key(&self, passphrase: String, key: Arc<dyn PlatformKey>) -> Result<()> {
        let mut state = self.state()?;
        let (data_key, _) = worker_key(&mut state, &passphrase)?;
        let wrapped = key.wrap(data_key.as_bytes().to_vec())?;
        state.conn.execute(
            "INSERT INTO key_slots (name, wrapped) VALUES (?1, ?2)
             ON CONFLICT(name) DO UPDATE SET wrapped = excluded.wrapped",
            params![SLOT_PLATFORM, wrapped],
        )?;
        storage::checkpoint(&state.conn)?;
        let id = vault_id_text(&state);
        record_event(&mut state, Op::PlatformKeyEnabled, "vault", &id)
    }

    /// Remove the platform key slot; no file keeps a copy of it.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn disable_platform_key(&self) -> Result<()> {
        let mut state = self.state()?;
        let removed = state
            .conn
            .execute("DELETE FROM key_slots WHERE name = ?1", [SLOT_PLATFORM])?;
        storage::checkpoint(&state.conn)?;
        if removed > 0 {
            let id = vault_id_text(&state);
            record_event(&mut state, Op::PlatformKeyDisabled, "vault", &id)?;
        }
        Ok(())
    }

    /// Set (or replace) the duress passphrase: given up under threat, it opens an empty vault
    /// while this one stays shut, and this vault's audit trail records each such unlock at its
    /// next real unlock. It must be hard to guess and differ from the unlock passphrase. Nothing in
    /// the files says whether one is set (docs/adr/0013-duress-passphrase.md).
    /// Fails with `WrongPassphrase` / `TooManyAttempts` (checked and throttled as at unlock),
    /// `Invalid` (the field and its rule), and the errors every call has (see `WorkerSession`).
    pub fn set_duress_passphrase(
        &self,
        passphrase: String,
        duress_passphrase: String,
    ) -> Result<()> {
        if same_passphrase(&passphrase, &duress_passphrase) {
            return Err(Error::invalid(
                "duress_passphrase",
                crate::error::Rule::SameAs {
                    other: "the unlock passphrase".into(),
                },
            ));
        }
        check_new_passphrase("duress_passphrase", &duress_passphrase, &[&passphrase])?;
        self.set_duress(&passphrase, Some(&duress_passphrase))
    }

    /// Remove the duress passphrase: its slot is filled with random bytes again.
    /// Fails with `WrongPassphrase` / `TooManyAttempts` (checked and throttled as at unlock), and
    /// the errors every call has (see `WorkerSession`).
    pub fn remove_duress_passphrase(&self, passphrase: String) -> Result<()> {
        self.set_duress(&passphrase, None)
    }

    /// Lock the whole vault from inside the session (auto-lock, "lock now").
    pub fn lock(&self) {
        lock_state(&mut self.inner.state(), LockReason::LockedNow);
    }

    /// Walk the audit chain and check every record against it.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn verify_audit(&self) -> Result<crate::storage::audit::AuditReport> {
        self.with(|conn, keys| crate::storage::audit::verify(conn, keys))
    }

    /// The latest audit entries, newest first.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn audit_entries(&self, limit: u32) -> Result<Vec<crate::storage::audit::AuditEntry>> {
        self.with(|conn, keys| crate::storage::audit::recent(conn, keys, limit))
    }
}
