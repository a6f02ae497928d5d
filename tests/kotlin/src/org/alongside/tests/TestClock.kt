package org.alongside.tests

import org.alongside.core.SleepCountingClock

/**
 * The shell's sleep-counting clock on the JVM (Android's `SystemClock.elapsedRealtime()`), moved
 * by hand: a night asleep in a pocket is `millis += ...` with no timer running.
 */
class TestClock(var millis: Long = 3_600_000L) : SleepCountingClock {
    override fun nowMillis(): ULong = millis.toULong()
}
