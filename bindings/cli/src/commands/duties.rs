//! `alongside duties`: which duties some words point to, and the balance between educate, empower
//! and advocate over a period.

use alongside_core::suggest_duties;
use alongside_core::Day;
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};
use crate::print;

/// The period a balance covers when --from is left out.

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The duties some words point to, each with the words that triggered it. Only a suggestion:
    /// an activity's duties are always the worker's choice. Needs no vault.
    Suggest {
        text: String,
        /// The language of the words, as a BCP-47 tag (English if left out).
        #[arg(long)]
        language: Option<String>,
    },
    /// How often each duty came up over a period, its share and trend; for one client with
    /// --client (with the empowerment hint when advocacy has carried them for weeks).
    Balance {
        #[arg(long)]
        client: Option<String>,
        /// First day (YYYY-MM-DD); 12 weeks before --to if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        from: Option<Day>,
        /// Last day (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        to: Option<Day>,
    },
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Suggest { text, language } => {
            let suggestions = suggest_duties(text.clone(), language.clone());
            ctx.show(suggestions.as_slice(), print::suggestions)
        }
        Command::Balance { client, from, to } => {
            let to = or_today(*to);
            let from = from.unwrap_or_else(|| to.add_days(-7 * alongside_core::DUTY_BALANCE_WEEKS));
            let balance = ctx.worker(|s| match client {
                Some(c) => s.client_duty_balance(c.clone(), from, to),
                None => s.duty_balance(from, to),
            })?;
            ctx.show(&balance, print::duty_balance)
        }
    }
}
