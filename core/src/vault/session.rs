//! The unlocked worker's session: the capability every worker call hangs on. Each domain and
//! screen module adds its own calls to `WorkerSession` in an `impl` block of its own; this file
//! holds the handle, its access to the connection and keys, and the calls about the vault itself
//! (passphrase, platform key, lock, audit).

use rusqlite::{params, Connection};
use std::sync::{Arc, MutexGuard};

use super::platform::PlatformKey;
use super::{
    check_new_passphrase, lock_state, record_event, slots, vault_id_text, worker_key, Inner, Mode,
    State, SLOT_PLATFORM,
};
use crate::crypto::{Keys, Secret};
use crate::error::{Error, Result};
use crate::storage::{self, audit::Op};

/// The unlocked worker's capability: everything the worker may read and write.
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
    /// Run `f` with the connection and keys, if this session is still the live worker session.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Connection, &Keys) -> Result<T>) -> Result<T> {
        let mut state = self.state()?;
        let State { conn, keys, .. } = &mut *state;
        let keys = keys.as_ref().ok_or(Error::Locked)?;
        f(conn, keys)
    }

    /// Run `f` inside one transaction: all of it is committed, or none.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, &Keys) -> Result<T>,
    ) -> Result<T> {
        self.with(|conn, keys| {
            let tx = conn.transaction()?;
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

    pub(crate) fn state(&self) -> Result<MutexGuard<'_, State>> {
        let state = self.inner.state();
        if state.epoch != self.epoch || state.keys.is_none() || state.mode != Mode::Worker {
            return Err(Error::Locked);
        }
        Ok(state)
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Rewrap the data key under a new passphrase; records are untouched. The new passphrase
    /// must be hard to guess; the current one is checked (and throttled) as at unlock. Afterwards
    /// no file holds the old slot: it is overwritten in place and the WAL folded back.
    pub fn change_passphrase(&self, current: String, new: String) -> Result<()> {
        check_new_passphrase("new_passphrase", &new, &[])?;
        let mut state = self.state()?;
        let (data_key, unwrapped) = worker_key(&mut state, &current)?;
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
        let tx = state.conn.transaction()?;
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

    /// Lock the whole vault from inside the session (auto-lock, "lock now").
    pub fn lock(&self) {
        lock_state(&mut self.inner.state());
    }

    /// Walk the audit chain and check every record against it.
    pub fn verify_audit(&self) -> Result<crate::storage::audit::AuditReport> {
        self.with(|conn, keys| crate::storage::audit::verify(conn, keys))
    }

    /// The latest audit entries, newest first.
    pub fn audit_entries(&self, limit: u32) -> Result<Vec<crate::storage::audit::AuditEntry>> {
        self.with(|conn, keys| crate::storage::audit::recent(conn, keys, limit))
    }
}
