//! One module per command group. A command gets the context, does its work through the core,
//! prints through `ctx.out`, and returns the exit code (or a failure that maps to one).

pub mod assessment;
pub mod audit;
pub mod backup;
pub mod certifications;
pub mod client;
pub mod copy;
pub mod corner;
pub mod debrief;
pub mod demo;
pub mod duties;
pub mod goal;
pub mod history;
pub mod incident;
pub mod init;
pub mod note;
pub mod passwd;
pub mod plan;
pub mod progress;
pub mod referral;
pub mod resource;
pub mod restore;
pub mod shared;
pub mod status;
pub mod supervision;
pub mod team;
pub mod timeline;
pub mod today;
pub mod visit;
pub mod wellness;

use alongside_core::{KdfCost, Vault, WorkerSession};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::args::Global;
use crate::output::{Failure, Out, EXIT_OK};
use crate::passphrase;

pub type Outcome = Result<u8, Failure>;

/// What every command gets: the vault folder, how to print, and the key derivation's cost.
pub struct Ctx {
    pub vault_dir: PathBuf,
    pub out: Out,
    /// Always [`KdfCost::Production`] in a release build.
    pub kdf: KdfCost,
}

impl Ctx {
    pub fn new(global: &Global) -> Self {
        #[cfg(debug_assertions)]
        if let Some(now) = &global.test_now {
            let parsed =
                serde_json::from_value::<alongside_core::Timestamp>(serde_json::json!(now));
            alongside_core::set_test_now(parsed.ok());
        }
        #[cfg(debug_assertions)]
        let kdf = if global.test_kdf {
            KdfCost::Test
        } else {
            KdfCost::Production
        };
        #[cfg(not(debug_assertions))]
        let kdf = KdfCost::Production;
        Ctx {
            vault_dir: global.vault.clone(),
            out: Out { json: global.json },
            kdf,
        }
    }

    /// The folder as the core takes it.
    pub fn dir(&self) -> Result<String, Failure> {
        self.vault_dir
            .to_str()
            .map(str::to_string)
            .ok_or_else(|| Failure::Usage("the vault path must be valid UTF-8".into()))
    }

    pub fn vault_exists(&self) -> bool {
        alongside_core::Vault::exists(&self.vault_dir)
    }

    /// Create the vault (left unlocked). The folder is made private to this user: everything in
    /// it is sealed anyway, but there is no reason for others to read even that.
    pub fn create(&self, passphrase: String) -> Result<Arc<Vault>, Failure> {
        // A terminal has no hardware key to bind the vault to: the folder's permissions and the
        // passphrase are what protect it.
        let vault = Vault::create_with_cost(self.dir()?, passphrase, None, self.kdf)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ =
                std::fs::set_permissions(&self.vault_dir, std::fs::Permissions::from_mode(0o700));
        }
        Ok(vault)
    }

    pub fn open(&self) -> Result<Arc<Vault>, Failure> {
        Ok(Vault::open_with_cost(self.dir()?, self.kdf)?)
    }

    /// Open and unlock with the passphrase from the environment or the terminal.
    pub fn unlock(&self) -> Result<(Arc<Vault>, Arc<WorkerSession>), Failure> {
        let vault = self.open()?;
        let session = vault.unlock(passphrase::current()?, None)?;
        Ok((vault, session))
    }

    /// Unlock, do one piece of work as the worker, and lock again whatever came of it.
    pub fn worker<T, E>(
        &self,
        work: impl FnOnce(&WorkerSession) -> Result<T, E>,
    ) -> Result<T, Failure>
    where
        Failure: From<E>,
    {
        let (vault, session) = self.unlock()?;
        let result = work(&session);
        vault.lock();
        Ok(result?)
    }

    /// Print a result with its printer from `print` (or as JSON with `--json`), and succeed.
    pub fn show<T: Serialize + ?Sized>(
        &self,
        value: &T,
        printer: fn(&mut dyn Write, &T) -> std::io::Result<()>,
    ) -> Outcome {
        self.out.result(value, |w| printer(w, value));
        Ok(EXIT_OK)
    }

    /// Like [`Ctx::show`], for a screen that lists records it could not open beside the rest:
    /// everything is printed, and the exit code is still 4 when anything could not be opened.
    pub fn show_partial<T: Serialize + ?Sized>(
        &self,
        value: &T,
        unreadable: &[alongside_core::UnreadableRecord],
        printer: fn(&mut dyn Write, &T) -> std::io::Result<()>,
    ) -> Outcome {
        self.out.result(value, |w| printer(w, value));
        if unreadable.is_empty() {
            return Ok(EXIT_OK);
        }
        self.out.note(
            "Some records could not be opened: the vault file was changed outside Alongside or \
             is damaged. Keep a copy of the folder before doing anything else.",
        );
        Ok(crate::output::EXIT_TAMPERED)
    }
}

/// A record as `show` prints it: the record (its fields at the top level under `--json`) and its
/// earlier revisions, oldest first.
#[derive(Serialize)]
pub struct WithHistory<T> {
    #[serde(flatten)]
    pub record: T,
    pub edits: Vec<alongside_core::EarlierRevision>,
}

/// `record` with the edit history of the record `id`.
pub fn with_history<T>(
    s: &WorkerSession,
    id: String,
    record: T,
) -> Result<WithHistory<T>, alongside_core::Error> {
    Ok(WithHistory {
        edits: s.record_history(id)?,
        record,
    })
}

/// Where a vault is and how it opens; no passphrase needed to know this.
#[derive(Debug, Serialize)]
pub struct VaultStatus {
    pub vault: String,
    pub exists: bool,
    pub locked: bool,
    pub platform_key: bool,
}

impl VaultStatus {
    pub fn of(path: &Path, vault: Option<&Vault>) -> Result<Self, Failure> {
        Ok(VaultStatus {
            vault: path.display().to_string(),
            exists: vault.is_some(),
            locked: vault.is_none_or(Vault::is_locked),
            platform_key: match vault {
                Some(v) => v.has_platform_key()?,
                None => false,
            },
        })
    }

    pub fn describe(&self) -> String {
        if !self.exists {
            return format!("No vault at {}.", self.vault);
        }
        format!(
            "Vault at {}: {}{}.",
            self.vault,
            if self.locked { "locked" } else { "unlocked" },
            if self.platform_key {
                ", platform key enrolled"
            } else {
                ", passphrase only"
            }
        )
    }
}
