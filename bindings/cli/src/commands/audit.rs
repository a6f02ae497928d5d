//! `alongside audit verify | log`: the hash-chained audit trail.

use alongside_core::AuditReport;

use super::{Ctx, Outcome};
use crate::args::AuditCommand;
use crate::output::{EXIT_OK, EXIT_TAMPERED};

pub fn run(ctx: &Ctx, command: &AuditCommand) -> Outcome {
    let (vault, session) = ctx.unlock()?;
    let code = match command {
        AuditCommand::Verify => {
            let report = session.verify_audit()?;
            ctx.out.result(&report, |w| {
                if report.ok {
                    writeln!(
                        w,
                        "Audit trail intact: {}, every record matches its last entry.",
                        crate::print::count("count-audit-entries", report.entries)
                    )
                } else {
                    writeln!(w, "Audit trail {}", broken(&report))
                }
            });
            if report.ok {
                EXIT_OK
            } else {
                EXIT_TAMPERED
            }
        }
        AuditCommand::Log { limit } => {
            let entries = session.audit_entries(*limit)?;
            ctx.out.result(&entries, |w| {
                if entries.is_empty() {
                    return writeln!(w, "The audit trail is empty.");
                }
                for e in &entries {
                    writeln!(
                        w,
                        "{:>6}  {}  {:<20}  {:<12}  {}  rev {}",
                        e.seq,
                        e.at,
                        op_name(e.op),
                        e.kind,
                        e.id,
                        e.rev
                    )?;
                }
                Ok(())
            });
            EXIT_OK
        }
    };
    vault.lock();
    Ok(code)
}

/// The operation as `--json` spells it (`passphrase_changed`, `backup_made`, ...).
fn op_name(op: alongside_core::Op) -> String {
    match serde_json::to_value(op) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{op:?}"),
    }
}

/// What is wrong, for a person: the entry where the trail breaks, and the record it is about
/// (`BROKEN at entry 4: a record is missing (client 3f2c...).`).
pub fn broken(report: &AuditReport) -> String {
    let at = report
        .first_broken
        .map(|seq| format!(" at entry {seq}"))
        .unwrap_or_default();
    let record = match (&report.record_kind, &report.record_id) {
        (Some(kind), Some(id)) => format!(" ({kind} {id})"),
        _ => String::new(),
    };
    format!(
        "BROKEN{at}: {}{record}.",
        report.problem.as_deref().unwrap_or("unknown problem")
    )
}
