//! Where passphrases come from: an environment variable (scripts, the demo) or a no-echo prompt
//! on the terminal. Never from an argument, where it would show in `ps` and shell history.

use crate::output::Failure;

pub const ENV_PASSPHRASE: &str = "ALONGSIDE_PASSPHRASE";
pub const ENV_NEW_PASSPHRASE: &str = "ALONGSIDE_NEW_PASSPHRASE";
pub const ENV_BACKUP_PASSPHRASE: &str = "ALONGSIDE_BACKUP_PASSPHRASE";

fn from_env(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|v| !v.is_empty())
}

fn prompt(label: &str, var: &str) -> Result<String, Failure> {
    // rpassword reads from the controlling terminal with echo off, not from stdin.
    rpassword::prompt_password(format!("{label}: ")).map_err(|_| {
        Failure::Usage(format!(
            "no passphrase: set {var} or run alongside in a terminal"
        ))
    })
}

/// The passphrase that opens an existing vault.
pub fn current() -> Result<String, Failure> {
    match from_env(ENV_PASSPHRASE) {
        Some(p) => Ok(p),
        None => prompt("Passphrase", ENV_PASSPHRASE),
    }
}

/// The passphrase an existing backup file was sealed with.
pub fn backup() -> Result<String, Failure> {
    match from_env(ENV_BACKUP_PASSPHRASE) {
        Some(p) => Ok(p),
        None => prompt("Backup passphrase", ENV_BACKUP_PASSPHRASE),
    }
}

/// A passphrase being chosen: typed twice on the terminal, or taken as given from `var`.
pub fn choose(var: &str, label: &str) -> Result<String, Failure> {
    if let Some(p) = from_env(var) {
        return Ok(p);
    }
    let first = prompt(label, var)?;
    let again = prompt("Type it again", var)?;
    if first != again {
        return Err(Failure::Usage("the two passphrases differ".into()));
    }
    Ok(first)
}
