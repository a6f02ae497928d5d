//! `alongside backup --out FILE`: the whole vault in one file sealed under a backup passphrase.

use alongside_core::BackupOptions;
use serde::Serialize;

use super::{Ctx, Outcome};
use crate::args::BackupArgs;
use crate::output::{Failure, EXIT_OK};
use crate::passphrase::{self, ENV_BACKUP_PASSPHRASE};
use crate::print::count;

#[derive(Serialize)]
struct BackedUp {
    file: String,
    records: u64,
    audit_entries: u64,
    bytes: u64,
}

pub fn run(ctx: &Ctx, args: &BackupArgs) -> Outcome {
    let file = args
        .out
        .to_str()
        .ok_or_else(|| Failure::Usage("the backup path must be valid UTF-8".into()))?
        .to_string();
    let vault = ctx.open()?;
    // The unlock passphrase is asked for again by the core as well: a backup carries everything.
    let current = passphrase::current()?;
    let session = vault.unlock(current.clone(), None)?;
    let backup_passphrase = passphrase::choose(ENV_BACKUP_PASSPHRASE, "Backup passphrase")?;
    ctx.out.note("Sealing the backup...");
    let summary = session.backup_with(
        file.clone(),
        current,
        backup_passphrase,
        BackupOptions {
            kdf: ctx.kdf,
            ..BackupOptions::default()
        },
    );
    vault.lock();
    let summary = summary?;
    let done = BackedUp {
        file,
        records: summary.records,
        audit_entries: summary.audit_entries,
        bytes: summary.bytes,
    };
    ctx.out.result(&done, |w| {
        writeln!(
            w,
            "Backed up {} and {} to {} ({}).",
            count("count-records", done.records),
            count("count-audit-entries", done.audit_entries),
            done.file,
            count("count-bytes", done.bytes)
        )?;
        writeln!(
            w,
            "Keep the backup passphrase safe: without it the file cannot be read, and with it \
             anyone holding the file can read the whole caseload."
        )
    });
    Ok(EXIT_OK)
}
