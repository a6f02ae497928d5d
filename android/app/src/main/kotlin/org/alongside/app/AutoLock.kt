package org.alongside.app

import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import org.alongside.state.VaultRepository

/**
 * The shell's part of auto-lock, which the core decides ([VaultRepository] over the core's
 * `AppLock`, timed by [ElapsedRealtimeClock] so time asleep counts). This only reports and asks:
 * every touch ([touched], from `MainActivity.onUserInteraction`) starts the count again; coming to
 * the front asks the core at once (a phone that slept past the limit shows the unlock screen
 * first); while on screen a timer asks every few seconds (shared mode's idle limit and auto-lock
 * lock with nobody touching); in the background one timer asks when the core says the limit falls.
 * No timer is needed for safety: the core checks the limit on every call.
 */
class AutoLock(
    private val repository: VaultRepository,
    private val scope: CoroutineScope,
    private val core: CoroutineDispatcher,
) : DefaultLifecycleObserver {
    private var timer: Job? = null
    private var ticker: Job? = null

    /** The worker or the client touched the screen. */
    fun touched() {
        scope.launch(core) { repository.touch() }
    }

    override fun onStop(owner: LifecycleOwner) {
        ticker?.cancel()
        ticker = null
        timer?.cancel()
        timer = scope.launch(core) {
            val wait = repository.millisUntilLock() ?: return@launch
            delay(wait)
            repository.tick()
        }
    }

    override fun onStart(owner: LifecycleOwner) {
        timer?.cancel()
        timer = null
        ticker?.cancel()
        ticker = scope.launch(core) {
            repository.tick()
            while (true) {
                delay(TICK_MILLIS)
                repository.tick()
            }
        }
    }

    private companion object {
        /** How often the core is asked about its limits while the app is on screen. */
        const val TICK_MILLIS = 5_000L
    }
}
