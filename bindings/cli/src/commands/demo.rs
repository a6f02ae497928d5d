//! `alongside demo`: create the vault if missing, load the built-in fictional caseload, and show
//! the day's view. As features land, they plug into the two hooks below (`load_sample` and
//! `day_view`) so the demo always shows everything that works.

use alongside_core::AuditReport;
use alongside_core::CaseloadView;
use alongside_core::TodayView;
use alongside_core::{Day, WorkerSession};
use serde::Serialize;
use std::io::Write;

use super::{Ctx, Outcome, VaultStatus};
use crate::args::DemoArgs;
use crate::output::{Failure, EXIT_OK, EXIT_TAMPERED};
use crate::passphrase::{self, ENV_PASSPHRASE};
use crate::print;

/// What the demo prints: the vault, the day as the phone's home screen shows it, the caseload,
/// and the audit check.
#[derive(Debug, Serialize)]
pub struct DemoView {
    pub status: VaultStatus,
    pub created_now: bool,
    /// Whether the sample caseload was written this run (false when it was already there).
    pub sample_loaded: bool,
    pub today: TodayView,
    pub caseload: CaseloadView,
    pub audit: AuditReport,
}

/// HOOK 1: load the built-in fictional caseload, once: only into a vault with no clients, so a
/// second run (or a vault with real people in it) is never touched. Returns whether it loaded.
fn load_sample(session: &WorkerSession, today: Day) -> Result<bool, Failure> {
    let clients = session.clients()?;
    if !clients.clients.is_empty() || !clients.unreadable.is_empty() {
        return Ok(false);
    }
    alongside_fixtures::sample::load(session, today)?;
    Ok(true)
}

/// HOOK 2: the day's view. New screens that belong on the demo are added to `DemoView` here.
fn day_view(
    session: &WorkerSession,
    today: Day,
) -> Result<(TodayView, CaseloadView, AuditReport), Failure> {
    Ok((
        session.today(today)?,
        session.caseload(today)?,
        session.verify_audit()?,
    ))
}

pub fn run(ctx: &Ctx, args: &DemoArgs) -> Outcome {
    let today = match &args.today {
        Some(s) => Day::parse("today", s)
            .map_err(|_| Failure::Usage(format!("--today {s:?} is not a date as YYYY-MM-DD")))?,
        None => Day::today(),
    };
    let created_now = !ctx.vault_exists();
    let (vault, session) = if created_now {
        ctx.out.note(&format!(
            "Creating a demo vault at {}.",
            ctx.vault_dir.display()
        ));
        let passphrase = passphrase::choose(ENV_PASSPHRASE, "Choose a passphrase for the demo")?;
        // The production key-derivation cost: the demo shows the real unlock.
        let vault = ctx.create(passphrase)?;
        let session = vault.worker()?;
        (vault, session)
    } else {
        ctx.unlock()?
    };

    let sample_loaded = load_sample(&session, today)?;
    let (day, caseload, audit) = day_view(&session, today)?;
    let view = DemoView {
        status: VaultStatus::of(&ctx.vault_dir, Some(&vault))?,
        created_now,
        sample_loaded,
        today: day,
        caseload,
        audit,
    };
    vault.lock();
    ctx.out.result(&view, |w| print_text(w, &view));
    // Damage anywhere is exit 4, even though everything that could be opened was shown.
    let all_opened = view.today.unreadable.is_empty() && view.caseload.unreadable.is_empty();
    Ok(if view.audit.ok && all_opened {
        EXIT_OK
    } else {
        EXIT_TAMPERED
    })
}

fn print_text(w: &mut dyn Write, view: &DemoView) -> std::io::Result<()> {
    writeln!(w, "Alongside demo")?;
    writeln!(w, "{}", view.status.describe())?;
    if view.created_now {
        writeln!(w, "(created just now)")?;
    }
    if view.sample_loaded {
        writeln!(w, "Loaded the fictional sample caseload.")?;
    }
    writeln!(w)?;
    print::today(w, &view.today)?;
    writeln!(w)?;
    print::caseload(w, &view.caseload)?;
    writeln!(w)?;
    if view.audit.ok {
        writeln!(
            w,
            "Audit trail: {}, intact.",
            crate::print::count("count-audit-entries", view.audit.entries)
        )
    } else {
        writeln!(w, "Audit trail: {}", super::audit::broken(&view.audit))
    }
}
