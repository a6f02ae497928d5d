//! Wrong-passphrase throttling: after a few free attempts each further one waits, doubling up to
//! a cap. Kept in memory only, so a wrong attempt writes nothing to disk.

use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Wrong attempts allowed before each further one waits, doubling up to the cap.
const FREE_ATTEMPTS: u32 = 3;
const MAX_DELAY_SECONDS: u64 = 300;

/// Wrong-passphrase throttling. Kept in memory so that a wrong attempt writes nothing to disk.
#[derive(Default)]
pub(crate) struct Attempts {
    failures: u32,
    not_before: Option<Instant>,
}

impl Attempts {
    pub(crate) fn check(&self) -> Result<()> {
        match self.not_before {
            Some(t) if Instant::now() < t => Err(Error::TooManyAttempts {
                retry_after_seconds: (t - Instant::now()).as_secs().max(1) as u32,
            }),
            _ => Ok(()),
        }
    }

    pub(crate) fn failed(&mut self) {
        self.failures += 1;
        if self.failures >= FREE_ATTEMPTS {
            let secs = 1u64 << (self.failures - FREE_ATTEMPTS).min(16);
            self.not_before =
                Some(Instant::now() + Duration::from_secs(secs.min(MAX_DELAY_SECONDS)));
        }
    }

    pub(crate) fn succeeded(&mut self) {
        *self = Attempts::default();
    }
}
