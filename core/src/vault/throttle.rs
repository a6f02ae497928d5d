//! Wrong-passphrase throttling: after a few free attempts each further one waits, doubling up to
//! a cap. One throttle per vault for every passphrase check (unlock, changing the passphrase,
//! enrolling the platform key, a backup, leaving shared mode), kept in the vault's `meta` table
//! (row `attempts`: the count of wrong attempts and the time before which no attempt is taken), so
//! it survives a restart and a second `Vault.open` on the same folder shares it.
//!
//! The trade-off (docs/adr/0008-wrong-passphrase-writes-nothing.md): a wrong attempt now writes
//! that one row, and nothing else; no record, no audit entry, no key slot changes. The row is
//! plaintext (two numbers); someone with the files learns how many wrong attempts were made since
//! the last right one, which the phone's owner can see anyway.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};
use crate::storage;

/// Wrong attempts allowed before each further one waits, doubling up to the cap.
const FREE_ATTEMPTS: u32 = 3;
const MAX_DELAY_SECONDS: u64 = 300;
const META_ROW: &str = "attempts";

/// The throttle's state. Times are milliseconds on the wall clock (the only clock that survives a
/// restart); the clock is passed in, so the doubling and the cap are tested without waiting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Attempts {
    failures: u32,
    not_before_ms: i64,
}

impl Attempts {
    pub(crate) fn check(&self, now_ms: i64) -> Result<()> {
        if now_ms >= self.not_before_ms {
            return Ok(());
        }
        // A clock set back cannot stretch the wait beyond the cap.
        let wait_ms = (self.not_before_ms - now_ms).min(MAX_DELAY_SECONDS as i64 * 1000);
        // Rounded up: a countdown that trusts it must not be refused again.
        let secs = (wait_ms as u64).div_ceil(1000);
        Err(Error::TooManyAttempts {
            retry_after_seconds: secs.max(1) as u32,
        })
    }

    pub(crate) fn failed(&mut self, now_ms: i64) {
        self.failures = self.failures.saturating_add(1);
        if self.failures >= FREE_ATTEMPTS {
            let secs = 1u64 << (self.failures - FREE_ATTEMPTS).min(16);
            self.not_before_ms = now_ms + secs.min(MAX_DELAY_SECONDS) as i64 * 1000;
        }
    }

    fn to_bytes(self) -> [u8; 12] {
        let mut b = [0u8; 12];
        b[..4].copy_from_slice(&self.failures.to_be_bytes());
        b[4..].copy_from_slice(&self.not_before_ms.to_be_bytes());
        b
    }

    fn from_bytes(b: &[u8]) -> Self {
        // A damaged row counts as the worst case rather than no throttle at all.
        let Ok(b) = <[u8; 12]>::try_from(b) else {
            return Attempts {
                failures: 16 + FREE_ATTEMPTS,
                not_before_ms: 0,
            };
        };
        Attempts {
            failures: u32::from_be_bytes(b[..4].try_into().expect("4 bytes")),
            not_before_ms: i64::from_be_bytes(b[4..].try_into().expect("8 bytes")),
        }
    }
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn load(conn: &Connection) -> Result<Attempts> {
    Ok(storage::get_meta(conn, META_ROW)?
        .map(|b| Attempts::from_bytes(&b))
        .unwrap_or_default())
}

/// Refuse an attempt while the vault's wait is running.
pub(crate) fn check(conn: &Connection, now_ms: i64) -> Result<()> {
    load(conn)?.check(now_ms)
}

/// Count a wrong attempt: read and write the row in one write transaction, so two handles (or two
/// processes) counting at once both count.
pub(crate) fn failed(conn: &mut Connection, now_ms: i64) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut a = load(&tx)?;
    a.failed(now_ms);
    storage::set_meta(&tx, META_ROW, &a.to_bytes())?;
    tx.commit()?;
    Ok(())
}

/// A right passphrase starts the count again (written only if there was something to forget).
pub(crate) fn succeeded(conn: &Connection) -> Result<()> {
    if load(conn)? != Attempts::default() {
        storage::set_meta(conn, META_ROW, &Attempts::default().to_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wait after each wrong attempt, as `check` reports it at that same instant.
    fn waits(failures: u32) -> Vec<Option<u32>> {
        let start = 1_000_000_000_000i64;
        let mut a = Attempts::default();
        let mut out = Vec::new();
        for i in 0..failures {
            // Each attempt comes exactly when the previous wait is over.
            let now = start + i64::from(i) * 1_000_000;
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
        let start = 1_000_000_000_000i64;
        let mut a = Attempts::default();
        for _ in 0..4 {
            a.failed(start);
        }
        // Two seconds from `start`: a millisecond in, still two whole seconds to report.
        let at = |ms: i64| a.check(start + ms);
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
        a = Attempts::default();
        assert!(a.check(start).is_ok());
        a.failed(start);
        assert!(a.check(start).is_ok(), "a success starts the count again");
    }

    #[test]
    fn a_clock_set_back_waits_no_longer_than_the_cap() {
        let mut a = Attempts::default();
        for _ in 0..20 {
            a.failed(10_000_000);
        }
        // An hour earlier on the wall clock: still at most five minutes.
        assert!(matches!(
            a.check(10_000_000 - 3_600_000),
            Err(Error::TooManyAttempts {
                retry_after_seconds: 300
            })
        ));
    }

    #[test]
    fn the_row_round_trips_and_damage_is_the_worst_case() {
        let mut a = Attempts::default();
        for _ in 0..5 {
            a.failed(123_456);
        }
        assert_eq!(Attempts::from_bytes(&a.to_bytes()), a);
        let damaged = Attempts::from_bytes(b"xx");
        let mut worst = damaged;
        worst.failed(0);
        assert!(matches!(
            worst.check(0),
            Err(Error::TooManyAttempts {
                retry_after_seconds: 300
            })
        ));
    }
}
