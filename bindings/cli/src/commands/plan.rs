//! `alongside plan`: the client's recovery plan, its reviews and earlier versions.

use alongside_core::{Day, Error, WorkerSession};
use alongside_core::{Plan, ReviewInput};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::output::Failure;
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the client's plan. A client has one current plan; reviews move it to new versions.
    Create {
        client: String,
        /// The plan's first day (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        start: Option<Day>,
        /// When to review it (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        review_due: Day,
    },
    /// The plan screen: goals, the latest client and worker ratings side by side, steps.
    Show {
        client: String,
        /// The review screen instead: what moved since the last review, from both sides.
        #[arg(long)]
        review: bool,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        date: Option<Day>,
    },
    /// Review the plan: file this version whole, record what changed and why, set the next review.
    Review {
        client: String,
        /// The day of the review (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        /// What changed.
        #[arg(long)]
        changed: String,
        /// Why.
        #[arg(long)]
        why: String,
        /// The next review (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        next_due: Day,
    },
    /// The plan's earlier versions, each filed whole at a review, with the review's day, what
    /// changed and why.
    Versions { client: String },
}

/// An earlier version as `plan versions` shows it: the version filed whole (its fields at the top
/// level under `--json`) and its review.
#[derive(serde::Serialize)]
pub struct VersionShow {
    #[serde(flatten)]
    pub version: alongside_core::PlanVersion,
    pub summary: alongside_core::PlanVersionSummary,
}

/// The client's current plan; none yet is "no plan" for this client.
pub fn current(s: &WorkerSession, client: &str) -> Result<Plan, Failure> {
    s.plan(client.to_string())?
        .ok_or_else(|| Error::not_found("plan", client).into())
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Create {
            client,
            start,
            review_due,
        } => {
            let plan =
                ctx.worker(|s| s.create_plan(client.clone(), or_today(*start), *review_due))?;
            ctx.show(&plan, print::plan)
        }
        Command::Show {
            client,
            review: false,
            date,
        } => {
            let screen = ctx.worker(|s| s.plan_screen(client.clone(), or_today(*date)))?;
            ctx.show(&screen, print::plan_screen)
        }
        Command::Show {
            client,
            review: true,
            date,
        } => {
            let screen = ctx.worker(|s| s.review_screen(client.clone(), or_today(*date)))?;
            ctx.show(&screen, print::review_screen)
        }
        Command::Review {
            client,
            on,
            changed,
            why,
            next_due,
        } => {
            let review = ctx.worker(|s| {
                let plan = current(s, client)?;
                let input = ReviewInput {
                    on: or_today(*on),
                    what_changed: changed.clone(),
                    why: why.clone(),
                    next_due: *next_due,
                };
                Ok::<_, Failure>(s.review_plan(plan.id, input)?)
            })?;
            ctx.show(&review, print::review)
        }
        Command::Versions { client } => {
            let versions = ctx.worker(|s| {
                let summaries = s.plan_history(client.clone())?;
                let versions = s.plan_versions(client.clone())?;
                Ok::<_, alongside_core::Error>(
                    versions
                        .into_iter()
                        .zip(summaries)
                        .map(|(version, summary)| VersionShow { version, summary })
                        .collect::<Vec<_>>(),
                )
            })?;
            ctx.show(versions.as_slice(), print::plan_versions)
        }
    }
}
