//! `alongside history RECORD`: any record's earlier revisions, oldest first: the day each edit
//! replaced it and what each changed field said before.

use super::{Ctx, Outcome};
use crate::print;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id of any record (a goal, visit, incident, referral, resource, assessment, client or
    /// note).
    record: String,
}

pub fn run(ctx: &Ctx, args: &Args) -> Outcome {
    let edits = ctx.worker(|s| s.record_history(args.record.clone()))?;
    ctx.show(edits.as_slice(), |w, edits| {
        if edits.is_empty() {
            return writeln!(w, "Never edited.");
        }
        print::edits(w, edits)
    })
}
