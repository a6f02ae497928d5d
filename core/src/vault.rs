//! The vault: a folder holding one SQLite file whose records are sealed under a random data key.
//! The data key is stored only wrapped, in key slots (passphrase, platform key). `Vault` is the
//! locked handle; unlocking yields a `WorkerSession`, the capability that reads and writes.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::crypto::{
    self, Keys, RecordAd, Secret, DEFAULT_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS,
    MIN_PBKDF2_ITERATIONS, SALT_LEN,
};
use crate::error::{Error, Result, Rule};
use crate::platform::PlatformKey;
use crate::store;
use crate::validate;

const SLOT_PASSPHRASE: &str = "passphrase";
const SLOT_PLATFORM: &str = "platform";
const MIN_PASSPHRASE_CHARS: usize = 8;
const MAX_PASSPHRASE_CHARS: usize = 1024;
/// Wrong attempts allowed before each further one waits, doubling up to the cap.
const FREE_ATTEMPTS: u32 = 3;
const MAX_DELAY_SECONDS: u64 = 300;

/// Who may use the unlocked keys right now.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Mode {
    Worker,
    /// The phone is in the client's hands, showing only this client.
    Shared {
        client_id: String,
    },
}

pub(crate) struct State {
    pub(crate) conn: Connection,
    pub(crate) keys: Option<Keys>,
    /// Bumped on every lock and unlock, so a session handle from before a lock stays dead.
    pub(crate) epoch: u64,
    pub(crate) mode: Mode,
    attempts: Attempts,
    pub(crate) vault_id: Vec<u8>,
}

/// Wrong-passphrase throttling. Kept in memory so that a wrong attempt writes nothing to disk.
#[derive(Default)]
struct Attempts {
    failures: u32,
    not_before: Option<Instant>,
}

/// The clock is passed in (`Instant::now()` everywhere but the tests), so the doubling and the
/// cap can be tested without waiting minutes.
impl Attempts {
    fn check(&self, now: Instant) -> Result<()> {
        match self.not_before {
            Some(t) if now < t => {
                // Rounded up: a countdown that trusts it must not be refused again.
                let wait = t - now;
                let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
                Err(Error::TooManyAttempts {
                    retry_after_seconds: secs.max(1) as u32,
                })
            }
            _ => Ok(()),
        }
    }

    fn failed(&mut self, now: Instant) {
        self.failures += 1;
        if self.failures >= FREE_ATTEMPTS {
            let secs = 1u64 << (self.failures - FREE_ATTEMPTS).min(16);
            self.not_before = Some(now + Duration::from_secs(secs.min(MAX_DELAY_SECONDS)));
        }
    }

    fn succeeded(&mut self) {
        *self = Attempts::default();
    }
}

pub(crate) struct Inner {
    pub(crate) dir: PathBuf,
    state: Mutex<State>,
}

impl Inner {
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        // A poisoned lock means a panic elsewhere; the connection itself is still consistent
        // because every write is one transaction.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
pub struct Vault {
    inner: Arc<Inner>,
}

/// The unlocked worker's capability: everything the worker may read and write.
#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
pub struct WorkerSession {
    pub(crate) inner: Arc<Inner>,
    epoch: u64,
}

pub(crate) fn check_passphrase(field: &str, passphrase: &str) -> Result<()> {
    let n = passphrase.chars().count();
    if n < MIN_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            field,
            Rule::TooShort {
                min: MIN_PASSPHRASE_CHARS as u32,
            },
        ));
    }
    if n > MAX_PASSPHRASE_CHARS {
        return Err(Error::invalid(
            field,
            Rule::TooLong {
                max: MAX_PASSPHRASE_CHARS as u32,
            },
        ));
    }
    Ok(())
}

fn slot_ad(name: &str, vault_id: &[u8]) -> Vec<u8> {
    let mut ad = b"alongside/keyslot/".to_vec();
    ad.extend_from_slice(name.as_bytes());
    ad.push(0);
    ad.extend_from_slice(vault_id);
    ad
}

pub(crate) fn key_check_ad(vault_id: &str) -> RecordAd<'_> {
    RecordAd {
        kind: "vault",
        id: vault_id,
        field: "key_check",
        rev: 0,
    }
}

/// The wrapped data key is exactly header + nonce + 32 bytes + tag; anything else is damage,
/// not a wrong passphrase.
const WRAPPED_LEN: usize = 2 + 12 + 32 + 16;

pub(crate) fn write_passphrase_slot(
    conn: &Connection,
    vault_id: &[u8],
    data_key: &Secret,
    passphrase: &str,
    iterations: u32,
) -> Result<()> {
    let salt: [u8; SALT_LEN] = crypto::random_bytes()?;
    let kek = Secret::from_passphrase(passphrase, &salt, iterations)?;
    let wrapped = crypto::seal(
        &kek,
        &slot_ad(SLOT_PASSPHRASE, vault_id),
        data_key.as_bytes(),
    )?;
    conn.execute(
        "INSERT INTO key_slots (name, iterations, salt, wrapped) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(name) DO UPDATE SET iterations = excluded.iterations, salt = excluded.salt,
             wrapped = excluded.wrapped",
        params![SLOT_PASSPHRASE, iterations, &salt[..], wrapped],
    )?;
    Ok(())
}

fn open_passphrase_slot(conn: &Connection, vault_id: &[u8], passphrase: &str) -> Result<Secret> {
    let (iterations, salt, wrapped): (i64, Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT iterations, salt, wrapped FROM key_slots WHERE name = ?1",
            [SLOT_PASSPHRASE],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| Error::corrupt("passphrase key slot missing"))?;
    let iterations = u32::try_from(iterations)
        .ok()
        .filter(|i| (MIN_PBKDF2_ITERATIONS..=MAX_PBKDF2_ITERATIONS).contains(i))
        .ok_or_else(|| Error::corrupt("passphrase key slot"))?;
    if salt.len() < SALT_LEN || wrapped.len() != WRAPPED_LEN {
        return Err(Error::corrupt("passphrase key slot"));
    }
    let kek = Secret::from_passphrase(passphrase, &salt, iterations)?;
    let mut plain = crypto::open(&kek, &slot_ad(SLOT_PASSPHRASE, vault_id), &wrapped)
        .ok_or(Error::WrongPassphrase)?;
    let key = Secret::from_slice(&plain).ok_or_else(|| Error::corrupt("passphrase key slot"));
    zeroize::Zeroize::zeroize(&mut plain);
    key
}

impl Vault {
    fn new(dir: &Path, conn: Connection, vault_id: Vec<u8>, keys: Option<Keys>) -> Arc<Self> {
        Arc::new(Vault {
            inner: Arc::new(Inner {
                dir: dir.to_path_buf(),
                state: Mutex::new(State {
                    conn,
                    keys,
                    epoch: 0,
                    mode: Mode::Worker,
                    attempts: Attempts::default(),
                    vault_id,
                }),
            }),
        })
    }

    /// Open the vault in `dir` already unlocked with `data_key` (a restore has just written it).
    pub(crate) fn open_with_key(dir: &Path, data_key: &Secret) -> Result<Arc<Self>> {
        let mut conn = store::connect(dir, false)?;
        store::migrate(&mut conn)?;
        let vault_id = store::get_meta(&conn, "vault_id")?
            .ok_or_else(|| Error::corrupt("vault id missing"))?;
        let vault = Vault::new(dir, conn, vault_id, None);
        {
            let mut state = vault.inner.state();
            vault.install(&mut state, data_key)?;
        }
        Ok(vault)
    }

    /// Install the data key as the working keys, after proving it is this vault's key.
    fn install(&self, state: &mut State, data_key: &Secret) -> Result<Arc<WorkerSession>> {
        let keys = Keys::derive(data_key)?;
        verify_key_check(state, &keys)?;
        state.keys = Some(keys);
        state.epoch += 1;
        state.mode = Mode::Worker;
        state.attempts.succeeded();
        Ok(Arc::new(WorkerSession {
            inner: self.inner.clone(),
            epoch: state.epoch,
        }))
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl Vault {
    /// Create a new vault in `dir` (made if missing) and leave it unlocked.
    /// `kdf_iterations` defaults to 600,000; tests pass fewer.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn create(
        dir: String,
        passphrase: String,
        kdf_iterations: Option<u32>,
    ) -> Result<Arc<Self>> {
        check_passphrase("passphrase", &passphrase)?;
        let iterations = kdf_iterations.unwrap_or(DEFAULT_PBKDF2_ITERATIONS);
        validate::range(
            "kdf_iterations",
            iterations.into(),
            MIN_PBKDF2_ITERATIONS.into(),
            MAX_PBKDF2_ITERATIONS.into(),
        )?;
        let dir = PathBuf::from(dir);
        if dir.join(store::DB_FILE).exists() {
            return Err(Error::AlreadyExists);
        }
        std::fs::create_dir_all(&dir)?;
        let mut conn = store::connect(&dir, true)?;
        store::migrate(&mut conn)?;
        let data_key = Secret::random()?;
        let keys = Keys::derive(&data_key)?;
        let vault_id = uuid::Uuid::new_v4().to_string();
        let tx = conn.transaction()?;
        store::set_meta(&tx, "vault_id", vault_id.as_bytes())?;
        write_passphrase_slot(&tx, vault_id.as_bytes(), &data_key, &passphrase, iterations)?;
        let check = keys.seal_record(&key_check_ad(&vault_id), b"alongside")?;
        store::set_meta(&tx, "key_check", &check)?;
        tx.commit()?;
        let vault = Vault::new(&dir, conn, vault_id.into_bytes(), None);
        {
            let mut state = vault.inner.state();
            vault.install(&mut state, &data_key)?;
        }
        Ok(vault)
    }

    /// Open an existing vault, locked. A vault from a newer build is refused and left untouched.
    #[cfg_attr(feature = "ffi", uniffi::constructor)]
    pub fn open(dir: String) -> Result<Arc<Self>> {
        let dir = PathBuf::from(dir);
        let mut conn = store::connect(&dir, false)?;
        store::migrate(&mut conn)?;
        let vault_id = store::get_meta(&conn, "vault_id")?
            .ok_or_else(|| Error::corrupt("vault id missing"))?;
        Ok(Vault::new(&dir, conn, vault_id, None))
    }

    pub fn is_locked(&self) -> bool {
        self.inner.state().keys.is_none()
    }

    /// Unlock with the passphrase. A wrong passphrase changes nothing on disk.
    pub fn unlock(&self, passphrase: String) -> Result<Arc<WorkerSession>> {
        let mut state = self.inner.state();
        state.attempts.check(Instant::now())?;
        match open_passphrase_slot(&state.conn, &state.vault_id, &passphrase) {
            Ok(data_key) => self.install(&mut state, &data_key),
            Err(e) => {
                if matches!(e, Error::WrongPassphrase) {
                    state.attempts.failed(Instant::now());
                }
                Err(e)
            }
        }
    }

    /// Unlock with the phone's platform key (after `enable_platform_key`).
    pub fn unlock_with_platform_key(
        &self,
        key: Arc<dyn PlatformKey>,
    ) -> Result<Arc<WorkerSession>> {
        let mut state = self.inner.state();
        let data_key = platform_data_key(&state.conn, key.as_ref())?;
        self.install(&mut state, &data_key)
            .map_err(|_| platform_mismatch())
    }

    /// Whether a platform key slot exists (the unlock screen offers biometrics only then).
    pub fn has_platform_key(&self) -> Result<bool> {
        let state = self.inner.state();
        Ok(state.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM key_slots WHERE name = ?1)",
            [SLOT_PLATFORM],
            |r| r.get(0),
        )?)
    }

    /// The worker session, if the vault is unlocked and not in shared mode.
    pub fn worker(&self) -> Result<Arc<WorkerSession>> {
        let state = self.inner.state();
        if state.keys.is_none() {
            return Err(Error::Locked);
        }
        if state.mode != Mode::Worker {
            return Err(Error::Locked);
        }
        Ok(Arc::new(WorkerSession {
            inner: self.inner.clone(),
            epoch: state.epoch,
        }))
    }

    /// Wipe the keys from memory. Every session handle stops working.
    pub fn lock(&self) {
        lock_state(&mut self.inner.state());
    }
}

/// Check the worker's passphrase, throttling wrong attempts. Writes nothing.
pub(crate) fn check_passphrase_attempt(state: &mut State, passphrase: &str) -> Result<()> {
    passphrase_data_key(state, passphrase).map(drop)
}

/// The data key itself, unwrapped with the worker's passphrase (throttled like unlock).
fn passphrase_data_key(state: &mut State, passphrase: &str) -> Result<Secret> {
    state.attempts.check(Instant::now())?;
    match open_passphrase_slot(&state.conn, &state.vault_id, passphrase) {
        Ok(key) => {
            state.attempts.succeeded();
            Ok(key)
        }
        Err(e) => {
            if matches!(e, Error::WrongPassphrase) {
                state.attempts.failed(Instant::now());
            }
            Err(e)
        }
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

/// Prove that `keys` are this vault's keys by opening the sealed key check.
fn verify_key_check(state: &State, keys: &Keys) -> Result<()> {
    let check = store::get_meta(&state.conn, "key_check")?
        .ok_or_else(|| Error::corrupt("key check missing"))?;
    let vault_id = String::from_utf8_lossy(&state.vault_id).into_owned();
    keys.open_record(&key_check_ad(&vault_id), &check)
        .map(|_| ())
        .map_err(|_| Error::corrupt("key check"))
}

/// Switch the unlocked vault to a mode, ending every session handle from before.
pub(crate) fn switch_mode(state: &mut State, mode: Mode) -> u64 {
    state.epoch += 1;
    state.mode = mode;
    state.epoch
}

/// A fresh worker session for the current epoch (after leaving shared mode).
pub(crate) fn worker_session(inner: &Arc<Inner>, epoch: u64) -> Arc<WorkerSession> {
    Arc::new(WorkerSession {
        inner: inner.clone(),
        epoch,
    })
}

pub(crate) fn lock_state(state: &mut State) {
    state.keys = None; // Keys zeroize on drop.
    state.epoch += 1;
    state.mode = Mode::Worker;
    // Release SQLite's page cache; it held only sealed pages, but there is no reason to keep it.
    let _ = state.conn.execute_batch("PRAGMA shrink_memory");
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
        let tx = state.conn.transaction()?;
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
    pub fn verify_audit(&self) -> Result<crate::audit::AuditReport> {
        self.with(|conn, keys| crate::audit::verify(conn, keys))
    }

    /// The latest audit entries, newest first.
    pub fn audit_entries(&self, limit: u32) -> Result<Vec<crate::audit::AuditEntry>> {
        self.with(|conn, keys| crate::audit::recent(conn, keys, limit))
    }
}

#[cfg(test)]
mod throttle_tests {
    use super::*;

    /// The wait after each wrong attempt, as `check` reports it at that same instant.
    fn waits(failures: u32) -> Vec<Option<u32>> {
        let start = Instant::now();
        let mut a = Attempts::default();
        let mut out = Vec::new();
        for i in 0..failures {
            // Each attempt comes exactly when the previous wait is over.
            let now = start + Duration::from_secs(u64::from(i) * 1_000);
            a.check(now).expect("the previous wait is over");
            a.failed(now);
            out.push(match a.check(now) {
                Ok(()) => None,
                Err(Error::TooManyAttempts {
                    retry_after_seconds,
                }) => Some(retry_after_seconds),
                Err(e) => panic!("{e:?}"),
            });
        }
        out
    }

    #[test]
    fn waits_double_from_one_second_up_to_five_minutes() {
        let expected: Vec<Option<u32>> = [None, None]
            .into_iter()
            .chain([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map(Some))
            .chain(std::iter::repeat_n(Some(300), 20))
            .collect();
        assert_eq!(waits(expected.len() as u32), expected);
    }

    #[test]
    fn the_wait_is_rounded_up_and_ends_on_time() {
        let start = Instant::now();
        let mut a = Attempts::default();
        for _ in 0..4 {
            a.failed(start);
        }
        // Two seconds from `start`: a millisecond in, still two whole seconds to report.
        let at = |ms: u64| a.check(start + Duration::from_millis(ms));
        assert!(matches!(
            at(1),
            Err(Error::TooManyAttempts {
                retry_after_seconds: 2
            })
        ));
        assert!(matches!(
            at(1_001),
            Err(Error::TooManyAttempts {
                retry_after_seconds: 1
            })
        ));
        assert!(at(1_999).is_err());
        assert!(at(2_000).is_ok());
        a.succeeded();
        assert!(a.check(start).is_ok());
        a.failed(start);
        assert!(a.check(start).is_ok(), "a success starts the count again");
    }
}
