//! `alongside init`: create a new, empty vault.

use super::{Ctx, Outcome, VaultStatus};
use crate::output::EXIT_OK;
use crate::passphrase::{self, ENV_PASSPHRASE};

pub fn run(ctx: &Ctx) -> Outcome {
    if ctx.vault_exists() {
        return Err(alongside_core::Error::already_exists().into());
    }
    let passphrase = passphrase::choose(ENV_PASSPHRASE, "New passphrase")?;
    let vault = ctx.create(passphrase)?;
    vault.lock();
    let status = VaultStatus::of(&ctx.vault_dir, Some(&vault))?;
    ctx.out.result(&status, |w| {
        writeln!(w, "Created a new vault at {}.", status.vault)?;
        writeln!(
            w,
            "Everything in it is sealed under your passphrase. There is no way to recover it \
             if the passphrase is lost."
        )
    });
    Ok(EXIT_OK)
}
