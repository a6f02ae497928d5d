//! `alongside restore --from FILE`: a backup into a new vault at --vault, with a new unlock
//! passphrase. The core checks the whole file before the vault appears.

use alongside_core::AuditReport;
use alongside_core::Error;
use serde::Serialize;

use super::{Ctx, Outcome};
use crate::args::RestoreArgs;
use crate::output::{Failure, EXIT_OK, EXIT_TAMPERED};
use crate::passphrase::{self, ENV_PASSPHRASE};
use crate::print::count;

#[derive(Serialize)]
struct Restored {
    vault: String,
    from: String,
    records: u64,
    audit_entries: u64,
    bytes: u64,
    audit: AuditReport,
}

pub fn run(ctx: &Ctx, args: &RestoreArgs) -> Outcome {
    // Refused before any passphrase is asked for; the core checks again.
    if ctx.vault_exists() {
        return Err(Error::already_exists().into());
    }
    let dir = ctx.dir()?;
    let file = std::fs::File::open(&args.from).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            Failure::Usage(format!("no backup file at {}", args.from.display()))
        }
        _ => Failure::Core(e.into()),
    })?;
    let backup_passphrase = passphrase::backup()?;
    let new_passphrase = passphrase::choose(ENV_PASSPHRASE, "New passphrase for this vault")?;
    ctx.out.note("Checking and restoring the backup...");
    let (vault, summary) = alongside_core::restore_stream(
        std::io::BufReader::new(file),
        &backup_passphrase,
        &dir,
        &new_passphrase,
        None,
        ctx.kdf,
    )?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&ctx.vault_dir, std::fs::Permissions::from_mode(0o700));
    }
    let report = vault.worker()?.verify_audit();
    vault.lock();
    let done = Restored {
        vault: ctx.vault_dir.display().to_string(),
        from: args.from.display().to_string(),
        records: summary.records,
        audit_entries: summary.audit_entries,
        bytes: summary.bytes,
        audit: report?,
    };
    ctx.out.result(&done, |w| {
        writeln!(
            w,
            "Restored {} and {} from {} into a new vault at {}.",
            count("count-records", done.records),
            count("count-audit-entries", done.audit_entries),
            done.from,
            done.vault
        )?;
        if done.audit.ok {
            writeln!(
                w,
                "Audit trail intact. The vault opens with its new passphrase."
            )
        } else {
            writeln!(
                w,
                "The backup was restored as it was, but its audit trail is BROKEN at entry {}: {}.",
                done.audit.first_broken.unwrap_or(0),
                done.audit.problem.as_deref().unwrap_or("unknown problem")
            )
        }
    });
    Ok(if done.audit.ok {
        EXIT_OK
    } else {
        EXIT_TAMPERED
    })
}
