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
    /// Correct what was written on a referral: only what is given changes (an empty value clears
    /// an optional field). The referral as it was is kept in its history.
    Edit {
        referral: String,
        /// Another resource (only while no answer has come).
        #[arg(long)]
        resource: Option<String>,
        /// The day it was made (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        on: Option<Day>,
        #[arg(long)]
        reason: Option<String>,
        /// When to check on it (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        follow_up: Option<Day>,
        /// No reminder to check on it.
        #[arg(long, conflicts_with = "follow_up")]
        no_follow_up: bool,
        #[arg(long)]
        outcome: Option<String>,
    },
    /// One referral with its history of changes and edits.
    Show { referral: String },
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
        Command::Edit {
            referral,
            resource,
            on,
            reason,
            follow_up,
            no_follow_up,
            outcome,
        } => {
            let shown = ctx.worker(|s| {
                let r = s.referral(referral.clone())?.referral;
                let keep = |given: &Option<String>, was: Option<String>| match given {
                    Some(v) => Some(v.clone()),
                    None => was,
                };
                let input = ReferralInput {
                    resource_id: resource.clone().unwrap_or(r.resource_id),
                    reason: keep(reason, r.reason),
                    made_on: on.unwrap_or(r.made_on),
                    follow_up_due: if *no_follow_up {
                        None
                    } else {
                        follow_up.or(r.follow_up_due)
                    },
                };
                let v = s.update_referral(r.id.clone(), input, keep(outcome, r.outcome))?;
                super::with_history(s, r.id, v)
            })?;
            ctx.show(&shown, |w, v| print::with_history(w, v, print::referral))
        }
        Command::Show { referral } => {
            let shown = ctx.worker(|s| {
                let v = s.referral(referral.clone())?;
                super::with_history(s, v.referral.id.clone(), v)
            })?;
            ctx.show(&shown, |w, v| print::with_history(w, v, print::referral))
        }
        Command::List { client } => {
            let all = ctx.worker(|s| s.referrals(client.clone()))?;
            ctx.show(all.as_slice(), print::referrals)
        }
    }
}
