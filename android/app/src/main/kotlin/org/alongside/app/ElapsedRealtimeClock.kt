package org.alongside.app

import android.os.SystemClock
import org.alongside.core.SleepCountingClock

/**
 * The clock the core times auto-lock and shared mode with: `SystemClock.elapsedRealtime()`, which
 * keeps counting in deep sleep. Never `System.nanoTime()` or `uptimeMillis()`, which stop while the
 * phone sleeps (a phone asleep in a pocket would wake past its limit unlocked), nor wall time,
 * which the user can move back.
 */
object ElapsedRealtimeClock : SleepCountingClock {
    override fun nowMillis(): ULong = SystemClock.elapsedRealtime().toULong()
}
