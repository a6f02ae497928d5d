//! The vault: a folder holding one SQLite file whose records are sealed under a random data key.
//! The data key is stored only wrapped, in key slots (passphrase, platform key). `Vault` is the
//! locked handle; unlocking yields a `WorkerSession`, the capability that reads and writes.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::crypto::{KdfCost, KdfParams, Keys, RecordAd, Secret};
use crate::error::LockReason;
use crate::error::{Error, Result};
use crate::storage;
use crate::storage::audit::{self, Op};
pub(crate) use crate::vault::platform::PlatformKey;

mod duress;
pub(crate) mod language;
pub(crate) mod lock;
pub(crate) mod platform;
mod session;
mod slots;
mod strength;
mod throttle;

pub(crate) use session::worker_session;
pub use session::WorkerSession;
pub(crate) use slots::{Role, SLOT_PLATFORM};
pub(crate) use strength::{check_new as check_new_passphrase, same_passphrase};

/// Who may use the unlocked keys right now.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Mode {
    Worker,
    /// The phone is in the client's hands, showing only this client, until `idle_ms` passes
    /// without a touch (timed by the vault's clock, see lock.rs).
    Shared {
        client_id: String,
        idle_ms: u64,
    },
}

pub(crate) struct State {
    pub(crate) conn: Connection,
    pub(crate) keys: Option<Keys>,
    /// Bumped on every lock and unlock, so a session handle from before a lock stays dead.
    pub(crate) epoch: u64,
    pub(crate) mode: Mode,
    pub(crate) vault_id: Vec<u8>,
    /// The Argon2id parameters new and upgraded passphrase slots get.
    pub(crate) kdf: KdfParams,
    /// The phone's device key, as supplied at create or unlock; every later passphrase check of
    /// a bound vault needs it.
    pub(crate) device: Option<Arc<dyn PlatformKey>>,
    /// The handle was closed: the database is let go and nothing unlocks it again.
    pub(crate) closed: bool,
    /// The clock, the last touch and the auto-lock limit; why the keys are gone, while they are.
    pub(crate) timer: lock::Timer,
    /// While a duress passphrase's empty vault is open: the real file's connection, set aside
    /// (`conn` is then the in-memory decoy), and the decoy's data key. Both go at the next lock.
    pub(crate) parked: Option<Connection>,
    decoy_key: Option<Secret>,
}

impl State {
    /// The vault file's own connection, whichever vault is open.
    pub(crate) fn file(&self) -> &Connection {
        self.parked.as_ref().unwrap_or(&self.conn)
    }

    /// Whether the open vault is a duress passphrase's empty one.
    pub(crate) fn is_decoy(&self) -> bool {
        self.parked.is_some()
    }
}

pub(crate) struct Inner {
    pub(crate) dir: PathBuf,
    pub(super) state: Mutex<State>,
}

impl Inner {
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        // A poisoned lock means a panic elsewhere; the connection itself is still consistent
        // because every write is one transaction.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The vault in one folder. Unlocking yields the worker's session; dropping (closing) the handle
/// locks the vault, ends every session from it and lets the database go.
#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
/// A vault folder, locked. Create one with `create` or open one with `open`; `unlock` gives the
/// `WorkerSession` that reads and writes. Lock it with `lock` when the app goes to the background.
pub struct Vault {
    inner: Arc<Inner>,
}

impl Drop for Vault {
    fn drop(&mut self) {
        let mut state = self.inner.state();
        lock_state(&mut state, LockReason::Closed);
        state.closed = true;
        // Sessions still hold the shared state; give them a database with nothing in it, so the
        // file is closed now (its WAL folded back and removed) rather than when the last goes.
        if let Ok(empty) = Connection::open_in_memory() {
            let _ = storage::checkpoint(&state.conn);
            drop(std::mem::replace(&mut state.conn, empty));
        }
    }
}

pub(crate) fn key_check_ad(vault_id: &str) -> RecordAd<'_> {
    RecordAd {
        kind: "vault",
        id: vault_id,
        field: "key_check",
        rev: 0,
    }
}

/// A passphrase check against the vault's slots, throttled: every check of a passphrase (unlock,
/// change, platform key, backup, leaving shared mode) goes through here and shares one counter.
pub(crate) fn check_attempt(
    state: &mut State,
    passphrase: &str,
    device: Option<&dyn PlatformKey>,
) -> Result<slots::Unwrapped> {
    let State {
        conn,
        parked,
        vault_id,
        ..
    } = state;
    let file = parked.as_mut().unwrap_or(conn);
    throttle::check(file, throttle::now_ms())?;
    match slots::open(file, vault_id, passphrase, device) {
        Ok(unwrapped) => {
            throttle::succeeded(file)?;
            Ok(unwrapped)
        }
        Err(Error::WrongPassphrase { .. }) => {
            throttle::failed(file, throttle::now_ms())?;
            Err(Error::wrong_passphrase())
        }
        Err(e) => Err(e),
    }
}

/// The open vault's passphrase, checked (throttled) with the device key given at unlock: its data
/// key. In the real vault that is the worker's passphrase (a duress passphrase counts as wrong);
/// in a duress passphrase's empty vault it is that passphrase, and the key is the decoy's.
pub(crate) fn worker_key(
    state: &mut State,
    passphrase: &str,
) -> Result<(Secret, slots::Unwrapped)> {
    let device = state.device.clone();
    let unwrapped = check_attempt(state, passphrase, device.as_deref())?;
    let expected = if state.is_decoy() {
        Role::Duress
    } else {
        Role::Worker
    };
    if unwrapped.role != expected {
        let file = state.parked.as_mut().unwrap_or(&mut state.conn);
        throttle::failed(file, throttle::now_ms())?;
        return Err(Error::wrong_passphrase());
    }
    let key = match &state.decoy_key {
        Some(decoy) => decoy.clone(),
        None => unwrapped.key.clone(),
    };
    Ok((key, unwrapped))
}

/// Check the worker's passphrase (leaving shared mode). Writes nothing but the throttle.
pub(crate) fn check_passphrase_attempt(state: &mut State, passphrase: &str) -> Result<()> {
    worker_key(state, passphrase).map(drop)
}

/// Append a vault-level event (a backup, a key change, shared mode) to the audit trail.
pub(crate) fn record_event(state: &mut State, op: Op, kind: &str, id: &str) -> Result<()> {
    let State { conn, keys, .. } = state;
    let keys = keys
        .as_ref()
        .ok_or_else(|| Error::locked(LockReason::NotUnlocked))?;
    let tx = storage::write_tx(conn)?;
    audit::append(&tx, keys, op, kind, id, 0, &[])?;
    tx.commit()?;
    Ok(())
}

/// The vault id as text, for audit entries about the vault itself.
pub(crate) fn vault_id_text(state: &State) -> String {
    String::from_utf8_lossy(&state.vault_id).into_owned()
}

/// Rewrap the data key at the current cost (and bound to the device key, when one is supplied)
/// if its slot is a PBKDF2 slot, cheaper than `state.kdf`, or unbound while a device key is here;
/// the old slot's bytes are overwritten and the WAL folded back, so no file keeps them. Not while
/// a duress passphrase is set: its slot cannot be rewritten without it, and two slots of different
/// costs would tell that it exists (setting it again upgrades both).
fn upgrade_slots(
    state: &mut State,
    unwrapped: &slots::Unwrapped,
    passphrase: &str,
    duress_set: bool,
) -> Result<()> {
    let device = state.device.clone();
    let stale = match &unwrapped.header {
        None => true,
        Some(h) => h.params.weaker_than(&state.kdf) || (device.is_some() && !h.bound),
    };
    if !stale || duress_set {
        return Ok(());
    }
    let tx = storage::write_tx(&mut state.conn)?;
    slots::write_fresh(
        &tx,
        &state.vault_id,
        &unwrapped.key,
        passphrase,
        state.kdf,
        device.as_deref(),
    )?;
    tx.commit()?;
    storage::checkpoint(&state.conn)
}

impl Vault {
    fn new(dir: &Path, conn: Connection, vault_id: Vec<u8>, kdf: KdfParams) -> Arc<Self> {
        Arc::new(Vault {
            inner: Arc::new(Inner {
                dir: dir.to_path_buf(),
                state: Mutex::new(State {
                    conn,
                    keys: None,
                    epoch: 0,
                    mode: Mode::Worker,
                    vault_id,
                    kdf,
                    device: None,
                    closed: false,
                    timer: lock::Timer::new(),
                    parked: None,
                    decoy_key: None,
                }),
            }),
        })
    }

    /// Open the vault in `dir` already unlocked with `data_key` (a restore has just written it).
    pub(crate) fn open_with_key(dir: &Path, data_key: &Secret, cost: KdfCost) -> Result<Arc<Self>> {
        let vault = Vault::open_with_cost(dir.display().to_string(), cost)?;
        {
            let mut state = vault.inner.state();
            vault.install(&mut state, data_key)?;
        }
        Ok(vault)
    }

    /// Install the data key as the working keys, after proving it is this vault's key.
    fn install(&self, state: &mut State, data_key: &Secret) -> Result<Arc<WorkerSession>> {
        if state.closed {
            return Err(Error::locked(LockReason::Closed));
        }
        let keys = Keys::derive(data_key)?;
        verify_key_check(state, &keys)?;
        // A vault from before schema 2 has its records sealed again now that the keys are here.
        storage::upgrade_sealed(&mut state.conn, &keys)?;
        // The empty vault of a duress passphrase keeps whatever language the phone showed.
        if !state.is_decoy() {
            language::apply(&state.conn, &keys);
        }
        state.keys = Some(keys);
        state.epoch += 1;
        state.mode = Mode::Worker;
        if lock::restart(state) {
            return Err(Error::locked(LockReason::ClockWentBack));
        }
        Ok(Arc::new(WorkerSession {
            inner: self.inner.clone(),
            epoch: state.epoch,
        }))
    }

    /// After a restore: the phone's device key for later passphrase checks, and the rows that
    /// belonged to the old vault's slots made fresh (no duress passphrase, no wrong attempts).
    pub(crate) fn settle_restored(&self, device: Option<Arc<dyn PlatformKey>>) -> Result<()> {
        let mut state = self.inner.state();
        state.device = device;
        let State {
            conn,
            keys,
            vault_id,
            ..
        } = &mut *state;
        let keys = keys
            .as_ref()
            .ok_or_else(|| Error::locked(LockReason::NotUnlocked))?;
        let tx = storage::write_tx(conn)?;
        duress::write_fresh(&tx, keys, vault_id)?;
        tx.execute("DELETE FROM meta WHERE name = 'attempts'", [])?;
        tx.commit()?;
        Ok(())
    }
}

/// A real unlock (passphrase or platform key): pick up the duress notice into the audit trail.
/// Returns whether a duress passphrase is set.
fn after_real_unlock(state: &mut State) -> Result<bool> {
    let State {
        conn,
        keys,
        vault_id,
        ..
    } = state;
    let keys = keys
        .as_ref()
        .ok_or_else(|| Error::locked(LockReason::NotUnlocked))?;
    Ok(duress::collect(conn, keys, vault_id)?.set)
}

/// A new vault's (or a restored one's) passphrase slots, at `cost`.
pub(crate) fn write_new_slots(
    conn: &Connection,
    vault_id: &[u8],
    data_key: &Secret,
    passphrase: &str,
    cost: KdfCost,
    device: Option<&dyn PlatformKey>,
) -> Result<()> {
    slots::write_fresh(conn, vault_id, data_key, passphrase, cost.params(), device).map(drop)
}

/// Rust callers only (the CLI, tests): what the phone API does not offer.
impl Vault {
    /// Whether `dir` holds a vault (its database file), without opening it. Rust callers (the CLI)
    /// ask this instead of naming the vault's files.
    pub fn exists(dir: &Path) -> bool {
        dir.join(storage::DB_FILE).exists()
    }

    /// [`Vault::create`] at a chosen KDF cost. Only [`KdfCost::Production`] exists in a release
    /// build; the cheaper cost is for test suites (debug builds and `test-support`).
    pub fn create_with_cost(
        dir: String,
        passphrase: String,
        device_binding: Option<Arc<dyn PlatformKey>>,
        cost: KdfCost,
    ) -> Result<Arc<Self>> {
        let dir = PathBuf::from(dir);
        if dir.join(storage::DB_FILE).exists() {
            return Err(Error::already_exists());
        }
        check_new_passphrase("passphrase", &passphrase, &[])?;
        std::fs::create_dir_all(&dir)?;
        let mut conn = storage::connect(&dir, true)?;
        storage::migrate(&mut conn)?;
        let data_key = Secret::random()?;
        let keys = Keys::derive(&data_key)?;
        let vault_id = uuid::Uuid::new_v4().to_string();
        let params = cost.params();
        let tx = storage::write_tx(&mut conn)?;
        storage::set_meta(&tx, "vault_id", vault_id.as_bytes())?;
        slots::write_fresh(
            &tx,
            vault_id.as_bytes(),
            &data_key,
            &passphrase,
            params,
            device_binding.as_deref(),
        )?;
        let check = keys.seal_record(&key_check_ad(&vault_id), b"alongside")?;
        storage::set_meta(&tx, "key_check", &check)?;
        duress::write_fresh(&tx, &keys, vault_id.as_bytes())?;
        tx.commit()?;
        let vault = Vault::new(&dir, conn, vault_id.into_bytes(), params);
        {
            let mut state = vault.inner.state();
            state.device = device_binding;
            vault.install(&mut state, &data_key)?;
        }
        Ok(vault)
    }

    /// [`Vault::open`] with the KDF cost that slots written or upgraded through this handle get.
    pub fn open_with_cost(dir: String, cost: KdfCost) -> Result<Arc<Self>> {
        let dir = PathBuf::from(dir);
        let mut conn = storage::connect(&dir, false)?;
        // A restore into this folder that was killed part way left its staging folder beside it.
        storage::remove_stale_staging(&dir);
        storage::migrate(&mut conn)?;
        let vault_id = storage::get_meta(&conn, "vault_id")?
            .ok_or_else(|| Error::corrupt("vault id missing"))?;
        Ok(Vault::new(&dir, conn, vault_id, cost.params()))
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl Vault {
    /// Create a new vault in `dir` (made if missing) and leave it unlocked. The passphrase must be
    /// hard to guess (`Invalid` with rule `Weak` and the estimator's advice if not).
    /// `device_binding`: the phone's device key (`PlatformKey::device_secret`), mixed into the
    /// passphrase slot so that the files alone are useless off this phone; then every unlock needs
    /// it too, and a backup is the only way to another phone.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn create(
        dir: String,
        passphrase: String,
        device_binding: Option<Arc<dyn PlatformKey>>,
    ) -> Result<Arc<Self>> {
        Vault::create_with_cost(dir, passphrase, device_binding, KdfCost::Production)
    }

    /// Open an existing vault, locked. A vault from a newer build is refused and left untouched.
    /// Fails with `NotFound` (kind `vault`: no vault in `dir`), `SchemaTooNew` (a newer build's
    /// vault, left untouched), `Corrupt` (damaged metadata or file), `Storage`.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn open(dir: String) -> Result<Arc<Self>> {
        Vault::open_with_cost(dir, KdfCost::Production)
    }

    /// Whether the worker's screens are closed: never unlocked, locked, past a time limit,
    /// closed, or in shared mode (the client holds the phone; `AppLock::state` tells these apart).
    pub fn is_locked(&self) -> bool {
        let state = self.inner.state();
        state.keys.is_none() || state.mode != Mode::Worker
    }

    /// Whether the passphrase slots are bound to a phone's device key (then `unlock` needs it).
    /// Fails with `Corrupt` (damaged key slots), `Storage`.
    pub fn is_device_bound(&self) -> Result<bool> {
        slots::is_bound(self.inner.state().file())
    }

    /// Unlock with the passphrase (and the phone's device key, if the vault is bound to it or is
    /// to be bound now). Wrong attempts are throttled per vault, across restarts; a wrong attempt
    /// writes the throttle's own count and nothing else. A slot from an older build (PBKDF2) or a
    /// cheaper one is rewrapped at the current cost on the way in.
    /// Fails with `WrongPassphrase`, `TooManyAttempts` (wait `retry_after_seconds`),
    /// `PlatformKey` (the device key failed or is missing), `Corrupt` (damaged key slots),
    /// `Locked` (reason `Closed`; or `ClockWentBack` from an `AppLock`'s clock), `Storage`.
    pub fn unlock(
        &self,
        passphrase: String,
        device_binding: Option<Arc<dyn PlatformKey>>,
    ) -> Result<Arc<WorkerSession>> {
        let mut state = self.inner.state();
        if state.closed {
            return Err(Error::locked(LockReason::Closed));
        }
        let unwrapped = check_attempt(&mut state, &passphrase, device_binding.as_deref())?;
        if state.keys.is_some() || state.is_decoy() {
            // Unlocking again starts from the file, not from whichever vault is open now.
            lock_state(&mut state, LockReason::StaleHandle);
        }
        match unwrapped.role {
            Role::Worker => {
                let session = self.install(&mut state, &unwrapped.key)?;
                state.device = device_binding;
                let duress_set = after_real_unlock(&mut state)?;
                // A failed upgrade leaves the old slot working; the next unlock tries again.
                let _ = upgrade_slots(&mut state, &unwrapped, &passphrase, duress_set);
                Ok(session)
            }
            Role::Duress => {
                // The real vault stays shut: its key is never unwrapped. The notice is written
                // to the file, then the empty vault opens in memory in its place.
                duress::note_use(&state.conn, &unwrapped.key, &state.vault_id)?;
                let (decoy, decoy_key) = duress::decoy(&state.vault_id)?;
                let file = std::mem::replace(&mut state.conn, decoy);
                state.parked = Some(file);
                state.device = device_binding;
                let session = self.install(&mut state, &decoy_key);
                state.decoy_key = Some(decoy_key);
                session
            }
        }
    }

    /// Unlock with the phone's platform key (after `enable_platform_key`).
    /// Fails with `PlatformKey` (cancelled, refused, no slot enrolled, or a key for another
    /// vault), `Corrupt`, `Locked` (reason `Closed`), `Storage`.
    pub fn unlock_with_platform_key(
        &self,
        key: Arc<dyn PlatformKey>,
    ) -> Result<Arc<WorkerSession>> {
        let mut state = self.inner.state();
        let data_key = platform_data_key(state.file(), key.as_ref())?;
        if state.is_decoy() {
            lock_state(&mut state, LockReason::StaleHandle);
        }
        let session = self.install(&mut state, &data_key).map_err(|e| match e {
            // The key check failed: this platform key wraps another vault's key.
            Error::Corrupt { what } if what == KEY_CHECK => platform_mismatch(),
            other => other,
        })?;
        after_real_unlock(&mut state)?;
        Ok(session)
    }

    /// Whether a platform key slot exists (the unlock screen offers biometrics only then).
    /// Fails with `Storage` (the database failed).
    pub fn has_platform_key(&self) -> Result<bool> {
        let state = self.inner.state();
        Ok(state.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM key_slots WHERE name = ?1)",
            [SLOT_PLATFORM],
            |r| r.get(0),
        )?)
    }

    /// The worker session, if the vault is unlocked and not in shared mode. Fails with `Locked`
    /// (its reason says why: not unlocked, locked, a time limit, shared mode, closed).
    pub fn worker(&self) -> Result<Arc<WorkerSession>> {
        let mut state = self.inner.state();
        lock::lock_if_due(&mut state);
        if state.closed {
            return Err(Error::locked(LockReason::Closed));
        }
        if state.keys.is_none() {
            return Err(Error::locked(state.timer.reason));
        }
        if state.mode != Mode::Worker {
            return Err(Error::locked(LockReason::SharedMode));
        }
        Ok(Arc::new(WorkerSession {
            inner: self.inner.clone(),
            epoch: state.epoch,
        }))
    }

    /// Wipe the keys from memory. Every session handle stops working.
    pub fn lock(&self) {
        lock_state(&mut self.inner.state(), LockReason::LockedNow);
    }

    /// Quick hide: the shells call this on one gesture and show a neutral screen. The same lock
    /// as `lock`: keys wiped, every session ended, nothing written, nothing deleted.
    pub fn quick_hide(&self) {
        lock_state(&mut self.inner.state(), LockReason::LockedNow);
    }

    /// The shells' timer calls this (every few seconds while unlocked): if shared mode has been
    /// idle past its limit (or auto-lock's, once an `AppLock` set one), the vault locks now,
    /// without waiting for the next call. Returns whether the vault is locked afterwards.
    pub fn check_idle(&self) -> bool {
        let mut state = self.inner.state();
        lock::lock_if_due(&mut state);
        state.keys.is_none()
    }
}

/// Check that the platform key unwraps this vault's data key (the worker's biometrics).
pub(crate) fn check_platform_key(state: &mut State, key: &dyn PlatformKey) -> Result<()> {
    let data_key = platform_data_key(&state.conn, key)?;
    verify_key_check(state, &Keys::derive(&data_key)?).map_err(|_| platform_mismatch())
}

fn platform_mismatch() -> Error {
    Error::PlatformKey {
        reason: "the platform key does not open this vault".into(),
    }
}

fn platform_data_key(conn: &Connection, key: &dyn PlatformKey) -> Result<Secret> {
    use rusqlite::OptionalExtension;
    let wrapped: Vec<u8> = conn
        .query_row(
            "SELECT wrapped FROM key_slots WHERE name = ?1",
            [SLOT_PLATFORM],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::PlatformKey {
            reason: "no platform key is enrolled".into(),
        })?;
    let mut plain = key.unwrap(wrapped)?;
    let data_key = Secret::from_slice(&plain);
    zeroize::Zeroize::zeroize(&mut plain);
    data_key.ok_or_else(|| Error::PlatformKey {
        reason: "the platform key returned a malformed key".into(),
    })
}

/// What a failed key check reports as corrupt.
const KEY_CHECK: &str = "key check";

/// Prove that `keys` are this vault's keys by opening the sealed key check.
fn verify_key_check(state: &State, keys: &Keys) -> Result<()> {
    let check = storage::get_meta(&state.conn, "key_check")?
        .ok_or_else(|| Error::corrupt("key check missing"))?;
    let vault_id = String::from_utf8_lossy(&state.vault_id).into_owned();
    keys.open_record(&key_check_ad(&vault_id), &check)
        .map(|_| ())
        .map_err(|_| Error::corrupt(KEY_CHECK))
}

/// Switch the unlocked vault to a mode, ending every session handle from before; the inactivity
/// count starts again (a backwards clock locks instead: `Locked`).
pub(crate) fn switch_mode(state: &mut State, mode: Mode) -> Result<u64> {
    state.epoch += 1;
    state.mode = mode;
    if lock::restart(state) {
        return Err(Error::locked(LockReason::ClockWentBack));
    }
    Ok(state.epoch)
}

/// Why a handle from `epoch` cannot be used now: the lock's reason while locked, else shared mode
/// (for the worker's handles) or a newer handle.
pub(crate) fn dead_handle(state: &State, epoch: u64, worker: bool) -> Option<Error> {
    if state.closed {
        return Some(Error::locked(LockReason::Closed));
    }
    if state.keys.is_none() {
        return Some(Error::locked(state.timer.reason));
    }
    if worker && state.mode != Mode::Worker {
        return Some(Error::locked(LockReason::SharedMode));
    }
    if state.epoch != epoch {
        return Some(Error::locked(LockReason::StaleHandle));
    }
    None
}

pub(crate) fn lock_state(state: &mut State, reason: LockReason) {
    if state.keys.is_some() || state.timer.reason == LockReason::NotUnlocked {
        // The first reason stays: a later `lock` of a vault that auto-locked still says why.
        state.timer.reason = reason;
    }
    state.keys = None; // Keys zeroize on drop.
    state.epoch += 1;
    state.mode = Mode::Worker;
    // A duress passphrase's empty vault goes with its keys; the file's connection comes back.
    if let Some(file) = state.parked.take() {
        state.conn = file;
    }
    state.decoy_key = None;
    // Release SQLite's page cache; it held only sealed pages, but there is no reason to keep it.
    let _ = state.conn.execute_batch("PRAGMA shrink_memory");
}
