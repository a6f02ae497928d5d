//! The command line. Each command group is one variant here and one module in `commands/`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "alongside",
    version,
    about = "Alongside from the terminal: the same core and vault as the phone app",
    after_help = "Passphrase: taken from ALONGSIDE_PASSPHRASE, else asked for on the terminal (not echoed).\n\
                  Exit codes: 0 ok, 1 other failure, 2 usage, 3 wrong passphrase, 4 tampered or corrupt data."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The vault folder.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "ALONGSIDE_VAULT",
        default_value = "alongside-vault"
    )]
    pub vault: PathBuf,
    /// Print the result as JSON (the core's own types and field names) on stdout.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty vault.
    Init(InitArgs),
    /// Show whether a vault exists and how it can be unlocked (no passphrase needed).
    Status,
    /// Change the passphrase (current from ALONGSIDE_PASSPHRASE, new from ALONGSIDE_NEW_PASSPHRASE,
    /// else both asked for). Records are not touched; only the key slot is rewrapped.
    Passwd,
    /// The audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Create the vault if missing, load the sample caseload and show the day's view.
    Demo(DemoArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// PBKDF2 iterations for the passphrase slot. Leave it out for the production default
    /// (600,000); lower counts are for tests and scripted demos only.
    #[arg(long, value_name = "N")]
    pub kdf_iterations: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain and check every record against it. Exit code 4 if anything is off.
    Verify,
    /// The latest entries, newest first.
    Log {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Show the day's view for this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}
