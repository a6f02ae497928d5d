import AlongsideCore
import Darwin

/// The clock the core times auto-lock and shared mode with. On Apple systems `CLOCK_MONOTONIC`
/// keeps counting while the phone sleeps (Apple has no `CLOCK_BOOTTIME`; its `CLOCK_UPTIME_RAW`,
/// `mach_absolute_time`, `ProcessInfo.systemUptime` and `CACurrentMediaTime` stop in sleep, and
/// `Date()` can be moved back by hand). A phone asleep past the limit wakes locked.
final class BootClock: SleepCountingClock {
    func nowMillis() -> UInt64 {
        clock_gettime_nsec_np(CLOCK_MONOTONIC) / 1_000_000
    }
}
