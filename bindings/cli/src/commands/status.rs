//! `alongside status`: does a vault exist here, and how does it open.

use super::{Ctx, Outcome, VaultStatus};
use crate::output::EXIT_OK;

pub fn run(ctx: &Ctx) -> Outcome {
    let vault = if ctx.vault_exists() {
        Some(ctx.open()?)
    } else {
        None
    };
    let status = VaultStatus::of(&ctx.vault_dir, vault.as_deref())?;
    ctx.out
        .result(&status, |w| writeln!(w, "{}", status.describe()));
    Ok(EXIT_OK)
}
