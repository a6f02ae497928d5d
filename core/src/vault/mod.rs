//! The vault: a folder holding one SQLite file whose records are sealed under a random data key.
//! The data key is stored only wrapped, in key slots (passphrase, platform key). `Vault` is the
//! locked handle; unlocking yields a `WorkerSession`, the capability that reads and writes.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use crate::crypto::{
    self, Keys, RecordAd, Secret, DEFAULT_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS,
    MIN_PBKDF2_ITERATIONS, SALT_LEN,
};
use crate::error::{Error, Result, Rule};
use crate::storage;
use crate::validate;
use crate::vault::platform::PlatformKey;

pub(crate) mod platform;
mod session;
mod throttle;

pub(crate) use session::worker_session;
pub use session::WorkerSession;
use throttle::Attempts;

pub(super) const SLOT_PASSPHRASE: &str = "passphrase";
pub(super) const SLOT_PLATFORM: &str = "platform";
const MIN_PASSPHRASE_CHARS: usize = 8;
const MAX_PASSPHRASE_CHARS: usize = 1024;
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
    pub(super) attempts: Attempts,
    pub(crate) vault_id: Vec<u8>,
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

#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
/// A vault folder, locked. Create one with `create` or open one with `open`; `unlock` gives the
/// `WorkerSession` that reads and writes. Lock it with `lock` when the app goes to the background.
pub struct Vault {
    inner: Arc<Inner>,
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

pub(super) fn slot_ad(name: &str, vault_id: &[u8]) -> Vec<u8> {
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

pub(super) fn open_passphrase_slot(
    conn: &Connection,
    vault_id: &[u8],
    passphrase: &str,
) -> Result<Secret> {
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
        let mut conn = storage::connect(dir, false)?;
        storage::migrate(&mut conn)?;
        let vault_id = storage::get_meta(&conn, "vault_id")?
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
        // A vault from before schema 2 has its records sealed again now that the keys are here.
        storage::upgrade_sealed(&mut state.conn, &keys)?;
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

impl Vault {
    /// Whether `dir` holds a vault (its database file), without opening it. Rust callers (the CLI)
    /// ask this instead of naming the vault's files.
    pub fn exists(dir: &Path) -> bool {
        dir.join(storage::DB_FILE).exists()
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
        if dir.join(storage::DB_FILE).exists() {
            return Err(Error::AlreadyExists);
        }
        std::fs::create_dir_all(&dir)?;
        let mut conn = storage::connect(&dir, true)?;
        storage::migrate(&mut conn)?;
        let data_key = Secret::random()?;
        let keys = Keys::derive(&data_key)?;
        let vault_id = uuid::Uuid::new_v4().to_string();
        let tx = storage::write_tx(&mut conn)?;
        storage::set_meta(&tx, "vault_id", vault_id.as_bytes())?;
        write_passphrase_slot(&tx, vault_id.as_bytes(), &data_key, &passphrase, iterations)?;
        let check = keys.seal_record(&key_check_ad(&vault_id), b"alongside")?;
        storage::set_meta(&tx, "key_check", &check)?;
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
        let mut conn = storage::connect(&dir, false)?;
        // A restore into this folder that was killed part way left its staging folder beside it.
        storage::remove_stale_staging(&dir);
        storage::migrate(&mut conn)?;
        let vault_id = storage::get_meta(&conn, "vault_id")?
            .ok_or_else(|| Error::corrupt("vault id missing"))?;
        Ok(Vault::new(&dir, conn, vault_id, None))
    }

    /// Whether the vault is locked (no session can read or write).
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
        self.install(&mut state, &data_key).map_err(|e| match e {
            // The key check failed: this platform key wraps another vault's key.
            Error::Corrupt { what } if what == KEY_CHECK => platform_mismatch(),
            other => other,
        })
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
pub(super) fn passphrase_data_key(state: &mut State, passphrase: &str) -> Result<Secret> {
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

/// Switch the unlocked vault to a mode, ending every session handle from before.
pub(crate) fn switch_mode(state: &mut State, mode: Mode) -> u64 {
    state.epoch += 1;
    state.mode = mode;
    state.epoch
}

pub(crate) fn lock_state(state: &mut State) {
    state.keys = None; // Keys zeroize on drop.
    state.epoch += 1;
    state.mode = Mode::Worker;
    // Release SQLite's page cache; it held only sealed pages, but there is no reason to keep it.
    let _ = state.conn.execute_batch("PRAGMA shrink_memory");
}
