//! `alongside timeline CLIENT`: a client's history, newest first, a page at a time.

use super::{Ctx, Outcome};
use crate::print;

/// One screenful.
const PAGE: u32 = 15;

#[derive(Debug, clap::Args)]
pub struct Args {
    client: String,
    /// Page 1 is the newest.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    page: u32,
}

pub fn run(ctx: &Ctx, args: &Args) -> Outcome {
    let offset = (args.page - 1).saturating_mul(PAGE);
    let page = ctx.worker(|s| s.timeline(args.client.clone(), offset, PAGE))?;
    ctx.show_partial(&page, &page.unreadable, print::timeline)
}
