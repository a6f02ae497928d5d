//! `alongside goal`: goals in the client's own words, their status and steps, and progress
//! ratings from the client and the worker, kept side by side.

use alongside_core::Day;
use alongside_core::LifeArea;
use alongside_core::{Author, GoalInput, GoalStatus, RatingInput};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::output::Failure;
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a goal to the client's current plan.
    Add {
        client: String,
        #[arg(long, value_parser = parse::named::<LifeArea>())]
        area: LifeArea,
        /// The goal as the client says it.
        #[arg(long)]
        words: String,
        /// The worker's concrete framing: the next step.
        #[arg(long)]
        worker_step: Option<String>,
        /// How progress is measured.
        #[arg(long)]
        measure: Option<String>,
        /// Target date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        target: Option<Day>,
        /// Keep it off the client's screen in shared mode (shown by default).
        #[arg(long)]
        hidden: bool,
    },
    /// Correct a goal: only what is given changes (an empty value clears an optional field). The
    /// goal as it was is kept in its history.
    Edit {
        goal: String,
        #[arg(long, value_parser = parse::named::<LifeArea>())]
        area: Option<LifeArea>,
        /// The goal as the client says it.
        #[arg(long)]
        words: Option<String>,
        /// The worker's concrete framing: the next step.
        #[arg(long)]
        worker_step: Option<String>,
        /// How progress is measured.
        #[arg(long)]
        measure: Option<String>,
        /// Target date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        target: Option<Day>,
        /// Clear the target date.
        #[arg(long, conflicts_with = "target")]
        no_target: bool,
        /// Keep it off the client's screen in shared mode.
        #[arg(long, conflicts_with = "shown")]
        hidden: bool,
        /// Show it on the client's screen in shared mode.
        #[arg(long)]
        shown: bool,
    },
    /// One goal with its steps and edit history.
    Show { goal: String },
    /// Working on it (active), achieved, paused, or dropped (with --reason).
    Status {
        goal: String,
        #[arg(value_parser = ["active", "achieved", "paused", "dropped"])]
        status: String,
        /// When it was achieved (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        /// Why it was dropped.
        #[arg(long)]
        reason: Option<String>,
    },
    /// The steps towards a goal.
    #[command(subcommand)]
    Step(StepCommand),
    /// Rate progress from 1 to 10, as the client or as the worker.
    Rate {
        goal: String,
        #[arg(long, allow_negative_numbers = true)]
        score: i64,
        #[arg(long, value_parser = parse::named::<Author>())]
        by: Author,
        /// The day of the rating (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        /// What the rater said about it.
        #[arg(long)]
        words: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum StepCommand {
    /// Add a step at the end of the goal's steps.
    Add { goal: String, text: String },
    /// Mark a step done (as the worker, so it counts as confirmed), or not done with --undo.
    Done {
        goal: String,
        step: String,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long, conflicts_with = "on")]
        undo: bool,
    },
    /// Confirm a step the client marked done in shared mode.
    Confirm { goal: String, step: String },
    /// Correct a step's wording; the wording it replaces is kept in the goal's history.
    Edit {
        goal: String,
        step: String,
        text: String,
    },
}

/// The status named as the core spells its tag.
fn status(name: &str, on: Day, reason: Option<String>) -> GoalStatus {
    match name {
        "achieved" => GoalStatus::Achieved { on },
        "paused" => GoalStatus::Paused,
        // A missing reason reaches the core as empty, and the core says it is required.
        "dropped" => GoalStatus::Dropped {
            reason: reason.unwrap_or_default(),
        },
        _ => GoalStatus::Active,
    }
}

fn show(
    s: &alongside_core::WorkerSession,
    goal: alongside_core::Goal,
) -> Result<super::WithHistory<alongside_core::Goal>, alongside_core::Error> {
    super::with_history(s, goal.id.clone(), goal)
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Add {
            client,
            area,
            words,
            worker_step,
            measure,
            target,
            hidden,
        } => {
            let goal = ctx.worker(|s| {
                let plan = super::plan::current(s, client)?;
                let input = GoalInput {
                    area: *area,
                    client_words: words.clone(),
                    worker_step: worker_step.clone(),
                    measure: measure.clone(),
                    target_date: *target,
                    visible_to_client: Some(!hidden),
                };
                Ok::<_, Failure>(s.add_goal(client.clone(), plan.id, input)?)
            })?;
            ctx.show(&goal, print::goal)
        }
        Command::Edit {
            goal,
            area,
            words,
            worker_step,
            measure,
            target,
            no_target,
            hidden,
            shown,
        } => {
            let show = ctx.worker(|s| {
                let g = s.goal(goal.clone())?;
                let keep = |given: &Option<String>, was: Option<String>| match given {
                    Some(v) => Some(v.clone()),
                    None => was,
                };
                let input = GoalInput {
                    area: area.unwrap_or(g.area),
                    client_words: words.clone().unwrap_or(g.client_words),
                    worker_step: keep(worker_step, g.worker_step),
                    measure: keep(measure, g.measure),
                    target_date: if *no_target {
                        None
                    } else {
                        target.or(g.target_date)
                    },
                    visible_to_client: Some(if *hidden {
                        false
                    } else {
                        *shown || g.visible_to_client
                    }),
                };
                let goal = s.update_goal(g.id, input)?;
                show(s, goal)
            })?;
            ctx.show(&show, |w, v| print::with_history(w, v, print::goal))
        }
        Command::Show { goal } => {
            let show = ctx.worker(|s| {
                let goal = s.goal(goal.clone())?;
                show(s, goal)
            })?;
            ctx.show(&show, |w, v| print::with_history(w, v, print::goal))
        }
        Command::Status {
            goal,
            status: name,
            on,
            reason,
        } => {
            // A flag the status does not use is refused, never dropped without a word.
            if reason.is_some() && name != "dropped" {
                return Err(Failure::Usage(format!(
                    "--reason is for a dropped goal, not one that is {name}"
                )));
            }
            if on.is_some() && name != "achieved" {
                return Err(Failure::Usage(format!(
                    "--on is for an achieved goal, not one that is {name}"
                )));
            }
            let status = status(name, or_today(*on), reason.clone());
            let goal = ctx.worker(|s| s.set_goal_status(goal.clone(), status))?;
            ctx.show(&goal, print::goal)
        }
        Command::Step(StepCommand::Add { goal, text }) => {
            let goal = ctx.worker(|s| s.add_step(goal.clone(), text.clone()))?;
            ctx.show(&goal, print::goal)
        }
        Command::Step(StepCommand::Done {
            goal,
            step,
            on,
            undo,
        }) => {
            let done_on = (!undo).then(|| or_today(*on));
            let goal = ctx.worker(|s| s.set_step_done(goal.clone(), step.clone(), done_on))?;
            ctx.show(&goal, print::goal)
        }
        Command::Step(StepCommand::Edit { goal, step, text }) => {
            let show = ctx.worker(|s| {
                let goal = s.edit_step(goal.clone(), step.clone(), text.clone())?;
                show(s, goal)
            })?;
            ctx.show(&show, |w, v| print::with_history(w, v, print::goal))
        }
        Command::Step(StepCommand::Confirm { goal, step }) => {
            let goal = ctx.worker(|s| s.confirm_step(goal.clone(), step.clone()))?;
            ctx.show(&goal, print::goal)
        }
        Command::Rate {
            goal,
            score,
            by,
            on,
            words,
        } => {
            let input = RatingInput {
                on: or_today(*on),
                // Anything beyond an i32 is beyond 1 to 10 too: the core's rule says so, with its
                // field.
                score: i32::try_from(*score).unwrap_or(i32::MAX),
                by: *by,
                words: words.clone(),
            };
            let rating = ctx.worker(|s| s.rate_goal(goal.clone(), input))?;
            ctx.show(&rating, print::rating)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_the_cores_tags() {
        let day = Day::from_ymd(2026, 1, 5).unwrap();
        for name in ["active", "achieved", "paused", "dropped"] {
            let value = serde_json::to_value(status(name, day, None)).unwrap();
            assert_eq!(value["status"], name);
        }
    }
}
