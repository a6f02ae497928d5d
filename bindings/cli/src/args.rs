//! The command line. Each command group is one variant here and one module in `commands/`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use crate::commands;

#[derive(Debug, Parser)]
#[command(
    name = "alongside",
    version,
    about = "Alongside from the terminal: the same core and vault as the phone app",
    after_help = "Passphrase: taken from ALONGSIDE_PASSPHRASE, else asked for on the terminal (not echoed).\n\
                  Backup passphrase (backup, restore): ALONGSIDE_BACKUP_PASSPHRASE, else asked for.\n\
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
    /// Debug builds only: Argon2id at its cheapest for passphrase slots and backups, so test
    /// suites stay quick. A release build has no such flag; a vault made with it is raised to the
    /// production cost at its next unlock by a release build.
    #[cfg(debug_assertions)]
    #[arg(long, global = true, hide = true, env = "ALONGSIDE_TEST_KDF")]
    pub test_kdf: bool,
    /// Debug builds only: the instant the team sync engine takes for now (RFC 3339), so tests
    /// can let a cover or a lease run out. A release build has no such setting.
    #[cfg(debug_assertions)]
    #[arg(long, global = true, hide = true, env = "ALONGSIDE_TEST_NOW")]
    pub test_now: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty vault.
    Init,
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
    /// Back up the whole vault to one file sealed under a backup passphrase (it may differ from
    /// the unlock passphrase). Format: docs/backup-format.md.
    Backup(BackupArgs),
    /// Restore a backup file into a new vault at --vault (missing or empty folder), with a new
    /// unlock passphrase (ALONGSIDE_PASSPHRASE, else chosen on the terminal). The whole file is
    /// checked before the vault appears; on any failure --vault is left as it was.
    Restore(RestoreArgs),

    // The worker's day to day, through the same core calls as the phone's screens.
    /// The day: visits in order, follow-ups, plan reviews, open incidents, referrals to check on.
    Today(commands::today::Args),
    /// Clients: the caseload, adding and editing, status, erasing.
    #[command(subcommand)]
    Client(commands::client::Command),
    /// Assessments across life areas: needs, strengths, risks, the client's own words.
    #[command(subcommand)]
    Assessment(commands::assessment::Command),
    /// The recovery plan: create, show, review, earlier versions.
    #[command(subcommand)]
    Plan(commands::plan::Command),
    /// Goals in the client's words: status, steps, ratings from the client and the worker.
    #[command(subcommand)]
    Goal(commands::goal::Command),
    /// Visits and other activities under educate, empower, advocate, with follow-ups.
    #[command(subcommand, visible_alias = "activity")]
    Visit(commands::visit::Command),
    /// Duty suggestions from words, and the balance between duties over a period.
    #[command(subcommand)]
    Duties(commands::duties::Command),
    /// Case notes: drafts, signing, addenda, person-first language hints.
    #[command(subcommand)]
    Note(commands::note::Command),
    /// Incidents and the actions each kind requires before it can close.
    #[command(subcommand)]
    Incident(commands::incident::Command),
    /// The directory of services to refer clients to.
    #[command(subcommand)]
    Resource(commands::resource::Command),
    /// Referrals of a client to a service, through to their outcome.
    #[command(subcommand)]
    Referral(commands::referral::Command),
    /// A client's history, newest first, a page at a time.
    Timeline(commands::timeline::Args),
    /// Any record's earlier revisions: when each edit was made and what it replaced.
    History(commands::history::Args),
    /// Exactly what the client sees in shared mode, in their language; writes nothing.
    Shared(commands::shared::Args),
    /// The client's wellness and crisis plan: read it, write a section with the client, versions.
    #[command(subcommand)]
    Wellness(commands::wellness::Command),
    /// The client's progress as the chart shows it: both rating lines per goal, review days, the
    /// sentence a screen reader speaks, the duty balance by month.
    Progress(commands::progress::Args),
    /// Write the client's own copy of their plan as one self-contained HTML file (not sealed).
    Copy(commands::copy::Args),

    // Team sync through the agency's relay (end-to-end encrypted; docs/cli.md).
    /// The team: start one on a relay, invite a phone, join with a code, sync status.
    #[command(subcommand)]
    Team(commands::team::Command),
    /// Send this vault's changes to the team and receive the others'.
    Sync,
    /// Records two phones changed differently: list them, keep one value.
    #[command(subcommand)]
    Review(commands::team::ReviewCommand),
    /// The supervisor's morning briefing across the team (admins only).
    Briefing {
        /// Brief on this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = crate::parse::day)]
        today: Option<alongside_core::Day>,
    },
    /// What supervisors asked: list them, or mark one made of you done.
    Requests {
        #[command(subcommand)]
        command: Option<commands::team::RequestsCommand>,
    },

    // The worker's own corner: private to the worker, part of no client's record.
    /// Your own screen: on or off duty, a heavy week's signal, debriefs, supervision, certifications.
    #[command(subcommand)]
    Corner(commands::corner::Command),
    /// Your private debriefs at the end of a day or after a crisis or incident.
    #[command(subcommand)]
    Debrief(commands::debrief::Command),
    /// Supervision sessions, the topics to raise and the actions agreed.
    #[command(subcommand)]
    Supervision(commands::supervision::Command),
    /// Your certifications and when each expires.
    #[command(subcommand)]
    Certifications(commands::certifications::Command),
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (replaced only once the new backup is complete).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to read.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
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
