//! `alongside shared --client ID`: exactly what the client would see in shared mode, for checking
//! and support. The screen comes from the shared session itself (its own capability, not the
//! worker's view), in the client's language. Nothing is written: the vault is locked afterwards,
//! which ends shared mode and the worker session alike.

use alongside_core::Day;

use super::{Ctx, Outcome};
use crate::parse::{self, or_today};
use crate::print;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The client whose screen to show.
    #[arg(long)]
    client: String,
    /// Upcoming visits from this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", value_parser = parse::day)]
    date: Option<Day>,
}

pub fn run(ctx: &Ctx, args: &Args) -> Outcome {
    let screen = ctx.worker(|s| {
        s.open_shared(args.client.clone(), None)?
            .screen(or_today(args.date))
    })?;
    ctx.show(&screen, print::shared)
}
