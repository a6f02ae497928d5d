//! `alongside today`: the worker's day, as the phone's home screen shows it.

use alongside_core::Day;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse::day)]
    date: Option<Day>,
}

pub fn run(ctx: &Ctx, args: &Args) -> Outcome {
    let day = ctx.worker(|s| s.today(or_today(args.date)))?;
    ctx.show_partial(&day, &day.unreadable, print::today)
}
