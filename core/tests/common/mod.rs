//! Helpers shared by the vault's integration tests. Each test file uses a different subset.
#![allow(dead_code)]

pub mod team;
pub mod worker;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use alongside_core::test_support::storage::Record;
use alongside_core::test_support::{envelope as crypto, Secret};
use alongside_core::KdfCost;
use alongside_core::{Day, Error, PlatformKey, Vault, WorkerSession};
use serde::{Deserialize, Serialize};

pub const PASSPHRASE: &str = "correct horse battery staple";

pub fn dir_string(dir: &Path) -> String {
    dir.to_str().expect("temp dirs are UTF-8").to_string()
}

/// A fresh vault in a fresh temp dir, unlocked, with its worker session.
pub fn new_vault() -> (tempfile::TempDir, Arc<Vault>, Arc<WorkerSession>) {
    let tmp = tempfile::tempdir().unwrap();
    let vault = Vault::create_with_cost(
        dir_string(tmp.path()),
        PASSPHRASE.into(),
        None,
        KdfCost::Test,
    )
    .unwrap();
    let session = vault.worker().unwrap();
    (tmp, vault, session)
}

pub fn open(dir: &Path) -> Arc<Vault> {
    Vault::open_with_cost(dir_string(dir), KdfCost::Test).unwrap()
}

pub fn unlock(dir: &Path) -> (Arc<Vault>, Arc<WorkerSession>) {
    let vault = open(dir);
    let session = vault.unlock(PASSPHRASE.into(), None).unwrap();
    (vault, session)
}

/// Every file in the vault folder, by name, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Where `needle` occurs in `haystack`, if anywhere.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A raw connection to the vault's database, for the tests that play the attacker or the disk.
pub fn raw(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(alongside_core::test_support::storage::DB_FILE)).unwrap()
}

/// A tiny record type owned by the tests, stored through the public store API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memo {
    pub id: String,
    pub owner: Option<String>,
    pub day: Option<Day>,
    pub text: String,
}

impl Record for Memo {
    const KIND: &'static str = "test_memo";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        self.owner.as_deref()
    }
    fn day(&self) -> Option<Day> {
        self.day
    }
}

impl Memo {
    pub fn new(text: &str) -> Self {
        Memo {
            id: uuid::Uuid::new_v4().to_string(),
            owner: None,
            day: None,
            text: text.to_string(),
        }
    }
}

/// The platform key as a phone's secure hardware would hold it: a fixed AES key that never
/// leaves the "hardware". `available: false` plays a cancelled biometric prompt.
pub struct TestPlatformKey {
    key: Secret,
    pub available: bool,
    /// How often the core asked for the device secret.
    pub device_calls: std::sync::atomic::AtomicU32,
}

impl TestPlatformKey {
    pub fn new(seed: u8) -> Arc<Self> {
        Arc::new(TestPlatformKey {
            key: Secret::from_slice(&[seed; 32]).unwrap(),
            available: true,
            device_calls: Default::default(),
        })
    }

    pub fn cancelled() -> Arc<Self> {
        Arc::new(TestPlatformKey {
            key: Secret::from_slice(&[0; 32]).unwrap(),
            available: false,
            device_calls: Default::default(),
        })
    }
}

const PLATFORM_AD: &[u8] = b"test platform key";

impl PlatformKey for TestPlatformKey {
    fn wrap(&self, secret: Vec<u8>) -> Result<Vec<u8>, Error> {
        if !self.available {
            return Err(Error::PlatformKey {
                reason: "cancelled".into(),
            });
        }
        crypto::seal(&self.key, PLATFORM_AD, &secret)
    }

    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, Error> {
        if !self.available {
            return Err(Error::PlatformKey {
                reason: "cancelled".into(),
            });
        }
        crypto::open(&self.key, PLATFORM_AD, &wrapped).ok_or_else(|| Error::PlatformKey {
            reason: "the key does not open this value".into(),
        })
    }

    /// A keyed function of the input under the "hardware" key (HKDF here; HMAC in the Keystore).
    fn device_secret(&self, input: Vec<u8>) -> Result<Vec<u8>, Error> {
        self.device_calls
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if !self.available {
            return Err(Error::PlatformKey {
                reason: "the device key is gone".into(),
            });
        }
        Ok(
            Secret::hkdf(self.key.as_bytes(), &[&input], b"test device key")?
                .as_bytes()
                .to_vec(),
        )
    }
}
