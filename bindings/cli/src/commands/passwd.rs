//! `alongside passwd`: change the passphrase. Only the key slot is rewrapped; records stay as
//! they are, sealed under the same data key.

use serde::Serialize;

use super::{Ctx, Outcome};
use crate::output::EXIT_OK;
use crate::passphrase::{self, ENV_NEW_PASSPHRASE};

#[derive(Serialize)]
struct Changed {
    vault: String,
    passphrase_changed: bool,
}

pub fn run(ctx: &Ctx) -> Outcome {
    let vault = ctx.open()?;
    let current = passphrase::current()?;
    let session = vault.unlock(current.clone(), None)?;
    let new = passphrase::choose(ENV_NEW_PASSPHRASE, "New passphrase")?;
    session.change_passphrase(current, new)?;
    vault.lock();
    let done = Changed {
        vault: ctx.vault_dir.display().to_string(),
        passphrase_changed: true,
    };
    ctx.out.result(&done, |w| {
        writeln!(
            w,
            "Passphrase changed. The old one no longer opens {}.",
            done.vault
        )
    });
    Ok(EXIT_OK)
}
