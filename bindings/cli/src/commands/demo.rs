//! `alongside demo`: create the vault if missing, load the built-in fictional caseload, and show
//! the day's view. As features land, they plug into the two hooks below (`load_sample` and
//! `day_view`) so the demo always shows everything that works.

use alongside_core::audit::AuditReport;
use alongside_core::today::TodayView;
use alongside_core::views::CaseloadRow;
use alongside_core::{Day, WorkerSession};
use serde::Serialize;
use std::io::Write;

use super::{Ctx, Outcome, VaultStatus};
use crate::args::DemoArgs;
use crate::output::{Failure, EXIT_OK, EXIT_TAMPERED};
use crate::passphrase::{self, ENV_PASSPHRASE};

/// What the demo prints: the vault, the day as the phone's home screen shows it, the caseload,
/// and the audit check.
#[derive(Debug, Serialize)]
pub struct DemoView {
    pub status: VaultStatus,
    pub created_now: bool,
    /// Whether the sample caseload was written this run (false when it was already there).
    pub sample_loaded: bool,
    pub today: TodayView,
    pub caseload: Vec<CaseloadRow>,
    pub audit: AuditReport,
}

/// HOOK 1: load the built-in fictional caseload, once: only into a vault with no clients, so a
/// second run (or a vault with real people in it) is never touched. Returns whether it loaded.
fn load_sample(session: &WorkerSession, today: Day) -> Result<bool, Failure> {
    if !session.clients()?.is_empty() {
        return Ok(false);
    }
    alongside_core::sample::load(session, today)?;
    Ok(true)
}

/// HOOK 2: the day's view. New screens that belong on the demo are added to `DemoView` here.
fn day_view(
    session: &WorkerSession,
    today: Day,
) -> Result<(TodayView, Vec<CaseloadRow>, AuditReport), Failure> {
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
        let vault = ctx.create(passphrase, None)?;
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
    Ok(if view.audit.ok {
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
    let day = &view.today;
    writeln!(w)?;
    writeln!(w, "{}  ·  {}", day.title, day.summary)?;
    if !day.visits.is_empty() {
        writeln!(w)?;
        writeln!(w, "Visits")?;
        for v in &day.visits {
            let duties: Vec<&str> = v.duties.iter().map(|d| d.label()).collect();
            writeln!(
                w,
                "  {:<8} {}  ·  {}  ·  {}",
                v.time_label, v.client_name, v.kind_label, v.status_label
            )?;
            if let Some(purpose) = &v.purpose {
                writeln!(w, "           for: {purpose}")?;
            }
            if !duties.is_empty() {
                writeln!(w, "           {}", duties.join(", "))?;
            }
        }
    }
    let follow_ups: Vec<_> = day
        .overdue_follow_ups
        .iter()
        .chain(&day.due_follow_ups)
        .collect();
    if !follow_ups.is_empty() {
        writeln!(w)?;
        writeln!(w, "Follow-ups")?;
        for f in follow_ups {
            writeln!(w, "  {}: {}  ({})", f.client_name, f.what, f.due_label)?;
        }
    }
    if !day.reviews_due.is_empty() {
        writeln!(w)?;
        writeln!(w, "Plan reviews")?;
        for r in &day.reviews_due {
            writeln!(w, "  {}: {}", r.client_name, r.due_label)?;
        }
    }
    if !day.open_incidents.is_empty() {
        writeln!(w)?;
        writeln!(w, "Open incidents")?;
        for i in &day.open_incidents {
            writeln!(
                w,
                "  {}: {} on {}  ({})",
                i.client_name, i.kind_label, i.occurred_on, i.status_label
            )?;
        }
    }
    if !day.referrals_to_follow_up.is_empty() {
        writeln!(w)?;
        writeln!(w, "Referrals to check on")?;
        for r in &day.referrals_to_follow_up {
            writeln!(
                w,
                "  {}: {}  ({})",
                r.client_name, r.resource_name, r.due_label
            )?;
        }
    }

    writeln!(w)?;
    let active = view
        .caseload
        .iter()
        .filter(|r| r.status_label == "Active")
        .count();
    writeln!(
        w,
        "Caseload: {} people, {} active",
        view.caseload.len(),
        active
    )?;
    if view.caseload.is_empty() {
        writeln!(w, "  No one yet.")?;
    }
    for row in &view.caseload {
        let pronouns = row
            .pronouns
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let due = match &row.next_due {
            Some(d) if d.overdue => format!("overdue since {}: {}", d.on, d.label),
            Some(d) => format!("next {}: {}", d.on, d.label),
            None => "nothing due".to_string(),
        };
        writeln!(
            w,
            "  {}{}  ·  {}  ·  {} active goals  ·  {}",
            row.preferred_name, pronouns, row.status_label, row.active_goals, due
        )?;
    }
    writeln!(w)?;
    if view.audit.ok {
        writeln!(w, "Audit trail: {} entries, intact.", view.audit.entries)
    } else {
        writeln!(
            w,
            "Audit trail: BROKEN at entry {} ({}).",
            view.audit.first_broken.unwrap_or(0),
            view.audit.problem.as_deref().unwrap_or("unknown problem")
        )
    }
}
