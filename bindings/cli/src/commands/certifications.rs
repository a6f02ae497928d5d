//! `alongside certifications`: the worker's certifications and when each expires; those within
//! the notice (60 days unless changed with `corner settings`) show on `today`.

use alongside_core::{CertificationInput, Day};
use clap::Subcommand;

use super::{Ctx, Outcome};
use crate::parse;
use crate::print_corner as print;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a certification.
    Add {
        #[arg(long)]
        name: String,
        /// The day it expires (YYYY-MM-DD); none if it does not.
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        expires: Option<Day>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Renew or correct a certification: its name and expiry as they are now.
    Update {
        certification: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "DATE", value_parser = parse::day)]
        expires: Option<Day>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Remove a certification.
    Delete { certification: String },
    /// Every certification, soonest expiry first.
    List,
}

pub fn run(ctx: &Ctx, command: &Command) -> Outcome {
    match command {
        Command::Add {
            name,
            expires,
            notes,
        } => {
            let input = CertificationInput {
                name: name.clone(),
                expires: *expires,
                notes: notes.clone(),
            };
            let c = ctx.worker(|s| s.add_certification(input))?;
            ctx.show(&c, print::certification)
        }
        Command::Update {
            certification,
            name,
            expires,
            notes,
        } => {
            let input = CertificationInput {
                name: name.clone(),
                expires: *expires,
                notes: notes.clone(),
            };
            let c = ctx.worker(|s| s.update_certification(certification.clone(), input))?;
            ctx.show(&c, print::certification)
        }
        Command::Delete { certification } => {
            ctx.worker(|s| s.delete_certification(certification.clone()))?;
            ctx.show(
                &serde_json::json!({ "deleted": certification }),
                print::done,
            )
        }
        Command::List => {
            let all = ctx.worker(|s| s.certifications())?;
            ctx.show(all.as_slice(), print::certifications)
        }
    }
}
