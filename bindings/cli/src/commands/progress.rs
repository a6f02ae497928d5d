//! `alongside progress CLIENT`: the client's progress as the chart shows it: each goal's two
//! rating lines (the client's and the worker's, never averaged), review days, the sentence a
//! screen reader speaks, and the duty balance month by month.

use alongside_core::{plain, ProgressChart};
use std::io::Write;

use super::{Ctx, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    client: String,
}

fn series(points: &[alongside_core::ChartPoint]) -> String {
    let p: Vec<String> = points
        .iter()
        .map(|p| format!("{} {}", p.on, p.score))
        .collect();
    if p.is_empty() {
        "-".into()
    } else {
        p.join(", ")
    }
}

fn print(w: &mut dyn Write, c: &ProgressChart) -> std::io::Result<()> {
    for g in &c.goals {
        writeln!(w, "“{}”", g.words)?;
        writeln!(w, "  {}: {}", g.client_label, series(&g.client_series))?;
        writeln!(w, "  {}: {}", g.worker_label, series(&g.worker_series))?;
        if !g.review_days.is_empty() {
            let days: Vec<String> = g.review_days.iter().map(|d| d.to_string()).collect();
            writeln!(w, "  {}: {}", c.review_label, days.join(", "))?;
        }
        // A terminal shows left-to-right text only: Fluent's isolation marks are noise there.
        writeln!(w, "  {}", plain(&g.sentence))?;
    }
    if !c.duty_months.is_empty() {
        writeln!(w)?;
        writeln!(w, "Duties by month (educate / empower / advocate):")?;
        for m in &c.duty_months {
            writeln!(
                w,
                "  {:<12} {} / {} / {}",
                m.label, m.educate, m.empower, m.advocate
            )?;
        }
    }
    Ok(())
}

pub fn run(ctx: &Ctx, args: &Args) -> Outcome {
    let chart = ctx.worker(|s| s.progress_chart(args.client.clone()))?;
    ctx.show(&chart, print)
}
