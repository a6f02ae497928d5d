//! The app's lock, decided in the core: locked / unlocked / shared, auto-lock after the worker's
//! setting without a touch and shared mode's idle limit, both timed by the shell's clock that
//! counts sleep (here a fake one moved by hand), and a clock that runs backwards refused.

// A test: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use alongside_core::{
    AppLock, ClientInput, Error, LockReason, LockState, Rule, SleepCountingClock, Vault,
    WorkerSession,
};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Android's `elapsedRealtime` stand-in: the test moves it, as a night in a pocket would.
struct FakeClock(AtomicU64);

impl FakeClock {
    fn at(ms: u64) -> Arc<Self> {
        Arc::new(FakeClock(AtomicU64::new(ms)))
    }
    fn advance_secs(&self, s: u64) {
        self.0.fetch_add(s * 1000, Ordering::SeqCst);
    }
    fn set(&self, ms: u64) {
        self.0.store(ms, Ordering::SeqCst);
    }
}

impl SleepCountingClock for FakeClock {
    fn now_millis(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

fn reason<T>(r: Result<T, Error>) -> LockReason {
    match r {
        Err(Error::Locked { reason }) => reason,
        Err(other) => panic!("expected Locked, got {other:?}"),
        Ok(_) => panic!("expected Locked, got a result"),
    }
}

/// An unlocked vault with one client, its lock at 60 s, the clock at an hour after boot.
fn locked_app() -> (
    tempfile::TempDir,
    Arc<Vault>,
    Arc<WorkerSession>,
    Arc<FakeClock>,
    Arc<AppLock>,
    String,
) {
    let (dir, vault, worker) = common::new_vault();
    let id = worker.add_client(ClientInput::named("Sam")).unwrap().id;
    let clock = FakeClock::at(3_600_000);
    let lock = AppLock::new(vault.clone(), clock.clone(), 60).unwrap();
    (dir, vault, worker, clock, lock, id)
}

#[test]
fn auto_lock_fires_after_time_asleep_without_any_timer_running() {
    let (_dir, vault, worker, clock, lock, _) = locked_app();
    assert_eq!(lock.state(), LockState::Unlocked);
    assert_eq!(lock.millis_until_lock(), Some(60_000));
    // The phone sleeps for an hour: no shell timer ran, only the clock moved on.
    clock.advance_secs(3600);
    // The first call after waking, whichever it is, finds the vault locked.
    assert_eq!(reason(worker.clients()), LockReason::AutoLock);
    assert!(vault.is_locked());
    assert_eq!(
        lock.state(),
        LockState::Locked {
            reason: LockReason::AutoLock
        }
    );
    assert_eq!(lock.millis_until_lock(), None);
    assert_eq!(reason(lock.touch()), LockReason::AutoLock);
}

#[test]
fn the_state_call_locks_when_the_limit_passed() {
    let (_dir, _vault, worker, clock, lock, _) = locked_app();
    clock.advance_secs(61);
    assert_eq!(
        lock.state(),
        LockState::Locked {
            reason: LockReason::AutoLock
        }
    );
    assert_eq!(reason(worker.clients()), LockReason::AutoLock);
}

#[test]
fn a_touch_starts_the_count_again() {
    let (_dir, _vault, worker, clock, lock, _) = locked_app();
    clock.advance_secs(50);
    assert_eq!(lock.touch().unwrap(), LockState::Unlocked);
    clock.advance_secs(50);
    assert_eq!(lock.state(), LockState::Unlocked);
    assert_eq!(worker.clients().unwrap().clients.len(), 1);
    assert_eq!(lock.millis_until_lock(), Some(10_000));
    clock.advance_secs(11);
    assert_eq!(reason(worker.clients()), LockReason::AutoLock);
}

#[test]
fn a_backwards_clock_is_refused_and_locks() {
    let (_dir, vault, worker, clock, lock, _) = locked_app();
    clock.set(1_000);
    assert_eq!(reason(lock.touch()), LockReason::ClockWentBack);
    assert!(vault.is_locked());
    assert_eq!(reason(worker.clients()), LockReason::ClockWentBack);
    assert_eq!(
        lock.state(),
        LockState::Locked {
            reason: LockReason::ClockWentBack
        }
    );
}

#[test]
fn a_backwards_clock_found_by_a_worker_call_locks_too() {
    let (_dir, _vault, worker, clock, lock, _) = locked_app();
    clock.set(3_599_999);
    assert_eq!(reason(worker.clients()), LockReason::ClockWentBack);
    assert!(matches!(lock.state(), LockState::Locked { .. }));
}

#[test]
fn shared_mode_times_out_to_locked_on_the_same_clock() {
    let (_dir, vault, worker, clock, lock, id) = locked_app();
    let shared = worker.open_shared(id.clone(), Some(120)).unwrap();
    assert_eq!(lock.state(), LockState::Shared { client_id: id });
    // Shared mode's own limit applies, not the worker's 60 s; a client's call is a touch.
    clock.advance_secs(100);
    let today = alongside_core::Day::today();
    shared.screen(today).unwrap();
    clock.advance_secs(100);
    shared.screen(today).unwrap();
    assert_eq!(lock.millis_until_lock(), Some(120_000));
    // Left on the table while the phone sleeps.
    clock.advance_secs(121);
    assert_eq!(reason(shared.screen(today)), LockReason::SharedIdle);
    assert!(vault.is_locked());
    assert_eq!(
        lock.state(),
        LockState::Locked {
            reason: LockReason::SharedIdle
        }
    );
    assert_eq!(
        reason(shared.leave(common::PASSPHRASE.into())),
        LockReason::SharedIdle
    );
}

#[test]
fn a_backwards_clock_in_shared_mode_locks() {
    let (_dir, _vault, worker, clock, lock, id) = locked_app();
    let shared = worker.open_shared(id, None).unwrap();
    clock.set(0);
    assert_eq!(
        reason(shared.screen(alongside_core::Day::today())),
        LockReason::ClockWentBack
    );
    assert!(matches!(lock.state(), LockState::Locked { .. }));
}

#[test]
fn the_shells_timer_check_locks_shared_mode_on_the_clock() {
    let (_dir, vault, worker, clock, _lock, id) = locked_app();
    let _shared = worker.open_shared(id, Some(30)).unwrap();
    clock.advance_secs(29);
    assert!(!vault.check_idle());
    clock.advance_secs(2);
    assert!(vault.check_idle());
}

#[test]
fn is_locked_is_true_while_the_client_holds_the_phone() {
    let (_dir, vault, worker, _clock, lock, id) = locked_app();
    assert!(!vault.is_locked());
    let shared = worker.open_shared(id, None).unwrap();
    assert!(vault.is_locked());
    assert!(matches!(lock.state(), LockState::Shared { .. }));
    let back = shared.leave(common::PASSPHRASE.into()).unwrap();
    assert!(!vault.is_locked());
    assert_eq!(back.clients().unwrap().clients.len(), 1);
}

#[test]
fn every_locked_situation_says_which() {
    let (dir, vault, worker, _clock, lock, id) = locked_app();
    // Shared mode open: the worker's handle is dead, and says why.
    let shared = worker.open_shared(id, None).unwrap();
    assert_eq!(reason(worker.clients()), LockReason::SharedMode);
    assert_eq!(reason(vault.worker()), LockReason::SharedMode);
    let back = shared.leave(common::PASSPHRASE.into()).unwrap();
    // A handle from before a change of mode.
    assert_eq!(reason(worker.clients()), LockReason::StaleHandle);
    assert_eq!(
        reason(shared.screen(alongside_core::Day::today())),
        LockReason::StaleHandle
    );
    // Locked on purpose.
    lock.lock();
    assert_eq!(reason(back.clients()), LockReason::LockedNow);
    assert_eq!(
        lock.state(),
        LockState::Locked {
            reason: LockReason::LockedNow
        }
    );
    // Opened and never unlocked.
    let other = common::open(dir.path());
    assert_eq!(reason(other.worker()), LockReason::NotUnlocked);
    drop(other);
    // Closed.
    let fresh = vault.unlock(common::PASSPHRASE.into(), None).unwrap();
    drop(lock);
    drop(vault);
    assert_eq!(reason(fresh.clients()), LockReason::Closed);
}

#[test]
fn the_auto_lock_limit_is_the_cores_to_check() {
    let (_dir, vault, _worker, _clock, lock, _) = locked_app();
    assert_eq!(lock.auto_lock_seconds(), 60);
    let refused = lock.set_auto_lock_seconds(5);
    assert!(matches!(
        refused,
        Err(Error::Invalid { ref field, rule: Rule::OutOfRange { min: 10, max: 3600 }, .. })
            if field == "auto_lock_seconds"
    ));
    assert!(AppLock::new(vault.clone(), FakeClock::at(0), 4000).is_err());
    lock.set_auto_lock_seconds(900).unwrap();
    assert_eq!(lock.auto_lock_seconds(), 900);
}

#[test]
fn locked_errors_read_as_sentences() {
    let e = Error::locked(LockReason::ClockWentBack);
    assert_eq!(e.code(), "locked");
    assert_eq!(
        e.to_string(),
        "the vault is locked: the phone's clock went backwards"
    );
}

#[test]
fn after_a_backwards_clock_the_worker_can_unlock_again() {
    let (_dir, vault, _worker, clock, lock, _) = locked_app();
    clock.set(5_000);
    assert!(matches!(lock.state(), LockState::Locked { .. }));
    let again = vault.unlock(common::PASSPHRASE.into(), None).unwrap();
    assert_eq!(lock.state(), LockState::Unlocked);
    clock.advance_secs(30);
    assert_eq!(again.clients().unwrap().clients.len(), 1);
    clock.advance_secs(31);
    assert_eq!(reason(again.clients()), LockReason::AutoLock);
}
