//! `alongside referral`: referring a client to a service from the directory, and following it
//! through to its outcome.

use alongside_core::Day;
use alongside_core::{ReferralInput, ReferralStatus};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Refer a client to a resource from the directory.
    Make {
        client: String,
        #[arg(long)]
        resource: String,
        /// The day it was made (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long)]
        reason: Option<String>,
        /// When to check on it (YYYY-MM-DD); the day's view lists it from then while it is open.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        follow_up: Option<Day>,
    },
    /// Move a referral on: accepted, declined, or completed (with --outcome).
    Status {
        referral: String,
        #[arg(long, value_parser = parse::named::<ReferralStatus>())]
        to: ReferralStatus,
        /// The day of the change (YYYY-MM-DD); today if left out.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long)]
        outcome: Option<String>,
    },
    /// A client's referrals, newest first.
    List { client: String },
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Make {
            client,
            resource,
            on,
            reason,
            follow_up,
        } => {
            let input = ReferralInput {
                resource_id: resource.clone(),
                reason: reason.clone(),
                made_on: or_today(*on),
                follow_up_due: *follow_up,
            };
            let view = ctx.worker(|s| s.refer(client.clone(), input))?;
            ctx.show(&view, print::referral)
        }
        Command::Status {
            referral,
            to,
            on,
            outcome,
        } => {
            let view = ctx.worker(|s| {
                s.set_referral_status(referral.clone(), *to, or_today(*on), outcome.clone())
            })?;
            ctx.show(&view, print::referral)
        }
        Command::List { client } => {
            let all = ctx.worker(|s| s.referrals(client.clone()))?;
            ctx.show(all.as_slice(), print::referrals)
        }
    }
}
