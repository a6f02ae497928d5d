//! `alongside debrief`: the worker's own private check-ins at the end of a day or after a crisis
//! response or an incident. They belong to no client and never show in shared mode.

use alongside_core::{Day, DebriefInput, DebriefOccasion};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};
use crate::print_corner as print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a debrief: how the day sat with you (1 very heavily, 10 lightly), words optional.
    Add {
        /// How the day sat with you, 1 to 10.
        #[arg(long)]
        score: i32,
        /// The day it is about (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long, value_parser = parse::named::<DebriefOccasion>(), default_value = "end_of_day")]
        occasion: DebriefOccasion,
        /// In your own words.
        #[arg(long)]
        words: Option<String>,
        /// What helped.
        #[arg(long)]
        helped: Option<String>,
        /// What you will do for yourself.
        #[arg(long)]
        for_myself: Option<String>,
        /// Whether you had a break (yes or no).
        #[arg(long, value_name = "yes|no", value_parser = parse::yes_no)]
        took_break: Option<bool>,
        /// Mark it to share with your supervisor once team sync exists (nothing is sent today).
        #[arg(long)]
        share: bool,
    },
    /// Every debrief, newest first.
    List,
    /// Erase a debrief for good.
    Delete { debrief: String },
    /// Share a copy of one debrief with your supervisors (sealed for you and the team's admins;
    /// the debrief itself stays on this phone).
    Share { debrief: String },
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Add {
            score,
            on,
            occasion,
            words,
            helped,
            for_myself,
            took_break,
            share,
        } => {
            let input = DebriefInput {
                day: or_today(*on),
                occasion: *occasion,
                score: *score,
                words: words.clone(),
                what_helped: helped.clone(),
                for_myself: for_myself.clone(),
                took_break: *took_break,
                share_with_supervisor: *share,
            };
            let debrief = ctx.worker(|s| s.add_debrief(input))?;
            ctx.show(&debrief, print::debrief)
        }
        Command::List => {
            let all = ctx.worker(|s| s.debriefs())?;
            ctx.show(all.as_slice(), print::debriefs)
        }
        Command::Share { debrief } => {
            ctx.worker(|s| s.debrief_share(debrief.clone()))?;
            ctx.show(&serde_json::json!({ "shared": debrief }), print::done)
        }
        Command::Delete { debrief } => {
            ctx.worker(|s| s.delete_debrief(debrief.clone()))?;
            ctx.show(&serde_json::json!({ "deleted": debrief }), print::done)
        }
    }
}
