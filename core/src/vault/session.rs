//! The unlocked worker's session: the capability every worker call hangs on. Each domain and
//! screen module adds its own calls to `WorkerSession` in an `impl` block of its own; this file
//! holds the handle, its access to the connection and keys, and the calls about the vault itself
//! (passphrase, platform key, lock, audit).

use rusqlite::{params, Connection};
use std::sync::{Arc, MutexGuard};

use super::platform::PlatformKey;
use super::{
    check_passphrase, lock_state, open_passphrase_slot, passphrase_data_key, write_passphrase_slot,
    Inner, Mode, State, SLOT_PASSPHRASE, SLOT_PLATFORM,
};
use crate::crypto::{Keys, Secret};
use crate::error::{Error, Result};

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
            let tx = crate::storage::write_tx(conn)?;
            let out = f(&tx, keys)?;
            tx.commit()?;
            Ok(out)
        })
    }

    /// The data key, for a backup: the worker's passphrase is asked again (and wrong attempts
    /// throttled as at unlock), because a backup carries the whole caseload.
    pub(crate) fn export_data_key(&self, passphrase: &str) -> Result<Secret> {
        passphrase_data_key(&mut *self.state()?, passphrase)
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
    /// Rewrap the data key under a new passphrase; records are untouched.
    pub fn change_passphrase(&self, current: String, new: String) -> Result<()> {
        check_passphrase("new_passphrase", &new)?;
        let mut state = self.state()?;
        let vault_id = state.vault_id.clone();
        let data_key = open_passphrase_slot(&state.conn, &vault_id, &current)?;
        let iterations: u32 = state.conn.query_row(
            "SELECT iterations FROM key_slots WHERE name = ?1",
            [SLOT_PASSPHRASE],
            |r| r.get(0),
        )?;
        let tx = crate::storage::write_tx(&mut state.conn)?;
        write_passphrase_slot(&tx, &vault_id, &data_key, &new, iterations)?;
        tx.commit()?;
        Ok(())
    }

    /// Enrol the phone's platform key as a second way to unlock, asking for the passphrase first.
    pub fn enable_platform_key(&self, passphrase: String, key: Arc<dyn PlatformKey>) -> Result<()> {
        let state = self.state()?;
        let data_key = open_passphrase_slot(&state.conn, &state.vault_id, &passphrase)?;
        let wrapped = key.wrap(data_key.as_bytes().to_vec())?;
        state.conn.execute(
            "INSERT INTO key_slots (name, wrapped) VALUES (?1, ?2)
             ON CONFLICT(name) DO UPDATE SET wrapped = excluded.wrapped",
            params![SLOT_PLATFORM, wrapped],
        )?;
        Ok(())
    }

    /// Remove the platform key slot; only the passphrase unlocks from now on.
    pub fn disable_platform_key(&self) -> Result<()> {
        let state = self.state()?;
        state
            .conn
            .execute("DELETE FROM key_slots WHERE name = ?1", [SLOT_PLATFORM])?;
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
