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

/// The clock is passed in (`Instant::now()` everywhere but the tests), so the doubling and the
/// cap can be tested without waiting minutes.
impl Attempts {
    pub(crate) fn check(&self, now: Instant) -> Result<()> {
        match self.not_before {
            Some(t) if now < t => {
                // Rounded up: a countdown that trusts it must not be refused again.
                let wait = t - now;
                let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
                Err(Error::TooManyAttempts {
                    retry_after_seconds: secs.max(1) as u32,
                })
            }
            _ => Ok(()),
        }
    }

    pub(crate) fn failed(&mut self, now: Instant) {
        self.failures += 1;
        if self.failures >= FREE_ATTEMPTS {
            let secs = 1u64 << (self.failures - FREE_ATTEMPTS).min(16);
            self.not_before = Some(now + Duration::from_secs(secs.min(MAX_DELAY_SECONDS)));
        }
    }

    pub(crate) fn succeeded(&mut self) {
        *self = Attempts::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wait after each wrong attempt, as `check` reports it at that same instant.
    fn waits(failures: u32) -> Vec<Option<u32>> {
        let start = Instant::now();
        let mut a = Attempts::default();
        let mut out = Vec::new();
        for i in 0..failures {
            // Each attempt comes exactly when the previous wait is over.
            let now = start + Duration::from_secs(u64::from(i) * 1_000);
            a.check(now).expect("the previous wait is over");
            a.failed(now);
            out.push(match a.check(now) {
                Ok(()) => None,
                Err(Error::TooManyAttempts {
                    retry_after_seconds,
                }) => Some(retry_after_seconds),
                Err(e) => panic!("{e:?}"),
            });
        }
        out
    }

    #[test]
    fn waits_double_from_one_second_up_to_five_minutes() {
        let expected: Vec<Option<u32>> = [None, None]
            .into_iter()
            .chain([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map(Some))
            .chain(std::iter::repeat_n(Some(300), 20))
            .collect();
        assert_eq!(waits(expected.len() as u32), expected);
    }

    #[test]
    fn the_wait_is_rounded_up_and_ends_on_time() {
        let start = Instant::now();
        let mut a = Attempts::default();
        for _ in 0..4 {
            a.failed(start);
        }
        // Two seconds from `start`: a millisecond in, still two whole seconds to report.
        let at = |ms: u64| a.check(start + Duration::from_millis(ms));
        assert!(matches!(
            at(1),
            Err(Error::TooManyAttempts {
                retry_after_seconds: 2
            })
        ));
        assert!(matches!(
            at(1_001),
            Err(Error::TooManyAttempts {
                retry_after_seconds: 1
            })
        ));
        assert!(at(1_999).is_err());
        assert!(at(2_000).is_ok());
        a.succeeded();
        assert!(a.check(start).is_ok());
        a.failed(start);
        assert!(a.check(start).is_ok(), "a success starts the count again");
    }
}
