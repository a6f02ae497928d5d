//! The app's lock, decided here once for both phones: locked, unlocked (the worker) or shared (one
//! client), and the two timers that lock it: auto-lock after the worker's setting without a touch,
//! and shared mode's idle limit. Both are timed by one clock the shell supplies that keeps counting
//! while the phone sleeps (Android `SystemClock.elapsedRealtime()`, iOS `CLOCK_BOOTTIME` through
//! `clock_gettime`): a monotonic clock that stops in deep sleep would let a phone asleep in a pocket
//! wake past its limit unlocked, and wall time can be moved back by hand. A reading earlier than
//! one already seen is refused and locks the vault: the safer side.

use std::sync::Arc;
use std::time::Instant;

use super::{lock_state, Inner, Mode, State};
use crate::error::{Error, LockReason, Result};
use crate::validate;

/// Auto-lock's limit until the worker chooses another (five minutes without a touch).
pub const DEFAULT_AUTO_LOCK_SECONDS: u32 = 300;
/// The longest auto-lock limit the core accepts: an hour (and the shortest, 10 seconds).
pub const MAX_AUTO_LOCK_SECONDS: u32 = 3600;
const MIN_AUTO_LOCK_SECONDS: u32 = 10;

/// A clock that counts time asleep, in milliseconds from any fixed point, supplied by the shell:
/// Android `SystemClock.elapsedRealtime()`, iOS `clock_gettime(CLOCK_BOOTTIME)` (not
/// `ProcessInfo.systemUptime` nor `CACurrentMediaTime`, which stop while the phone sleeps, nor
/// `Date()`, which the user can move back).
#[cfg_attr(feature = "ffi", uniffi::export(with_foreign))]
pub trait SleepCountingClock: Send + Sync {
    /// Milliseconds since a fixed point (boot), never going back while the app runs.
    fn now_millis(&self) -> u64;
}

/// The core's own clock where no shell supplies one (the CLI, tests): monotonic from the handle's
/// opening. A CLI run is short and never sleeps in a pocket.
struct ProcessClock(Instant);

impl SleepCountingClock for ProcessClock {
    fn now_millis(&self) -> u64 {
        u64::try_from(self.0.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// Where the app is, for the shell to pick its screens.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LockState {
    /// Show the unlock screen.
    Locked {
        /// Why it is locked (an auto-lock, a backwards clock, ...).
        reason: LockReason,
    },
    /// The worker's screens.
    Unlocked,
    /// The client holds the phone: only the shared-mode screen.
    Shared {
        /// The client whose screen it is.
        client_id: String,
    },
}

/// The timers' state inside the vault's: the clock, its last reading, the last touch.
pub(crate) struct Timer {
    clock: Arc<dyn SleepCountingClock>,
    last_seen: u64,
    last_touch: u64,
    /// The worker's auto-lock limit in ms; none until an `AppLock` sets it (the CLI has none).
    auto_lock: Option<u64>,
    /// Why the keys are gone, while they are.
    pub(crate) reason: LockReason,
}

impl Timer {
    pub(crate) fn new() -> Self {
        Timer {
            clock: Arc::new(ProcessClock(Instant::now())),
            last_seen: 0,
            last_touch: 0,
            auto_lock: None,
            reason: LockReason::NotUnlocked,
        }
    }

    /// The clock's reading, or `None` if it is earlier than one already seen (the caller locks).
    /// The new reading is kept either way: the lock is the safer side taken once, and a worker
    /// unlocking afterwards is not refused until the clock catches up.
    fn now(&mut self) -> Option<u64> {
        let now = self.clock.now_millis();
        let went_back = now < self.last_seen;
        self.last_seen = now;
        (!went_back).then_some(now)
    }
}

/// Start the inactivity count again (an unlock, a change of mode, a touch). A backwards clock
/// locks instead; true if it did.
pub(crate) fn restart(state: &mut State) -> bool {
    match state.timer.now() {
        Some(now) => {
            state.timer.last_touch = now;
            false
        }
        None => {
            lock_state(state, LockReason::ClockWentBack);
            true
        }
    }
}

/// Lock if the limit for the current mode has passed, or the clock went back. The reason, if it
/// locked now.
pub(crate) fn lock_if_due(state: &mut State) -> Option<LockReason> {
    // Already locked: nothing to time.
    state.keys.as_ref()?;
    let limit = match &state.mode {
        Mode::Shared { idle_ms, .. } => Some((*idle_ms, LockReason::SharedIdle)),
        Mode::Worker => state.timer.auto_lock.map(|ms| (ms, LockReason::AutoLock)),
    };
    let reason = match state.timer.now() {
        None => LockReason::ClockWentBack,
        Some(now) => match limit {
            Some((limit, reason)) if now.saturating_sub(state.timer.last_touch) > limit => reason,
            _ => return None,
        },
    };
    lock_state(state, reason);
    Some(reason)
}

/// Milliseconds until the current mode's limit locks the vault, if one applies.
fn millis_left(state: &mut State) -> Option<u64> {
    let limit = match &state.mode {
        _ if state.keys.is_none() => return None,
        Mode::Shared { idle_ms, .. } => *idle_ms,
        Mode::Worker => state.timer.auto_lock?,
    };
    let now = state.timer.now()?;
    Some(limit.saturating_sub(now.saturating_sub(state.timer.last_touch)))
}

fn current(state: &State) -> LockState {
    if state.keys.is_none() {
        return LockState::Locked {
            reason: state.timer.reason,
        };
    }
    match &state.mode {
        Mode::Worker => LockState::Unlocked,
        Mode::Shared { client_id, .. } => LockState::Shared {
            client_id: client_id.clone(),
        },
    }
}

/// The app's lock over one vault: the state machine the shells render (locked, unlocked, shared)
/// and auto-lock, timed by the shell's sleep-counting clock. One per vault handle; making one
/// gives the vault its clock, which shared mode's idle limit then uses too.
#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
pub struct AppLock {
    inner: Arc<Inner>,
}

// uniffi reads a method's defaults only from a plain `#[uniffi::constructor(...)]`, not from
// inside `cfg_attr`; so the phones' constructor is its own, with the default, under `ffi`.
#[cfg(feature = "ffi")]
#[uniffi::export]
impl AppLock {
    /// The lock over `vault`, timed by `clock` (see `SleepCountingClock` for which clock), locking
    /// after `auto_lock_seconds` without a touch (default 300, `DEFAULT_AUTO_LOCK_SECONDS`).
    /// Fails with `Invalid` (rule `OutOfRange`, 10 to 3600) for another limit; `Locked` (reason
    /// `Closed`) on a closed vault.
    #[uniffi::constructor(name = "new", default(auto_lock_seconds = 300))]
    pub fn for_phone(
        vault: Arc<super::Vault>,
        clock: Arc<dyn SleepCountingClock>,
        auto_lock_seconds: u32,
    ) -> Result<Arc<Self>> {
        AppLock::new(vault, clock, auto_lock_seconds)
    }
}

impl AppLock {
    /// The lock over `vault`, timed by `clock`, locking after `auto_lock_seconds` without a touch
    /// (`DEFAULT_AUTO_LOCK_SECONDS` unless the worker chose). Fails with `Invalid` (rule
    /// `OutOfRange`, 10 to 3600) for another limit; `Locked` (reason `Closed`) on a closed vault.
    pub fn new(
        vault: Arc<super::Vault>,
        clock: Arc<dyn SleepCountingClock>,
        auto_lock_seconds: u32,
    ) -> Result<Arc<Self>> {
        let limit = auto_lock_limit(auto_lock_seconds)?;
        let inner = vault.inner.clone();
        {
            let mut state = inner.state();
            if state.closed {
                return Err(Error::locked(LockReason::Closed));
            }
            let now = clock.now_millis();
            state.timer.clock = clock;
            state.timer.last_seen = now;
            state.timer.last_touch = now;
            state.timer.auto_lock = Some(limit);
        }
        Ok(Arc::new(AppLock { inner }))
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl AppLock {
    /// Where the app is now, after locking if a limit has passed or the clock went back (then
    /// `Locked` with that reason). Call it when the app comes to the front and from a timer.
    pub fn state(&self) -> LockState {
        let mut state = self.inner.state();
        lock_if_due(&mut state);
        current(&state)
    }

    /// The worker or the client touched the screen: the inactivity count starts again. Fails with
    /// `Locked` when the vault is locked: a limit had already passed (reason `AutoLock` or
    /// `SharedIdle`), or the clock went back (reason `ClockWentBack`; the vault locks now).
    pub fn touch(&self) -> Result<LockState> {
        let mut state = self.inner.state();
        if let Some(reason) = lock_if_due(&mut state) {
            return Err(Error::locked(reason));
        }
        if state.keys.is_none() {
            return Err(Error::locked(state.timer.reason));
        }
        if restart(&mut state) {
            return Err(Error::locked(LockReason::ClockWentBack));
        }
        Ok(current(&state))
    }

    /// Milliseconds until auto-lock (or shared mode's limit) locks the vault if nothing touches
    /// it, for the shell's timer; none while locked.
    pub fn millis_until_lock(&self) -> Option<u64> {
        millis_left(&mut self.inner.state())
    }

    /// The worker's auto-lock limit, in seconds.
    pub fn auto_lock_seconds(&self) -> u32 {
        let ms = self.inner.state().timer.auto_lock.unwrap_or(0);
        u32::try_from(ms / 1000).unwrap_or(u32::MAX)
    }

    /// Change the auto-lock limit (the worker's setting; the shell keeps it across restarts).
    /// Fails with `Invalid` (rule `OutOfRange`, 10 to 3600 seconds).
    pub fn set_auto_lock_seconds(&self, seconds: u32) -> Result<()> {
        let limit = auto_lock_limit(seconds)?;
        self.inner.state().timer.auto_lock = Some(limit);
        Ok(())
    }

    /// Lock now ("lock now", the app sent to the background with a zero limit): keys wiped, every
    /// session ended.
    pub fn lock(&self) {
        lock_state(&mut self.inner.state(), LockReason::LockedNow);
    }
}

fn auto_lock_limit(seconds: u32) -> Result<u64> {
    validate::range(
        "auto_lock_seconds",
        seconds.into(),
        MIN_AUTO_LOCK_SECONDS.into(),
        MAX_AUTO_LOCK_SECONDS.into(),
    )?;
    Ok(u64::from(seconds) * 1000)
}
