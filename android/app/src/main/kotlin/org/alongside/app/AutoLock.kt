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
 * Auto-lock, watching the whole process (ProcessLifecycleOwner): when the app leaves the screen
 * (home, another app, screen off) the repository notes the time and a timer locks the vault after
 * the worker's setting; coming back first locks if the time has passed, in case the system paused
 * the process and the timer never ran. Locking wipes the core's keys and every screen's data.
 *
 * While the app is on screen a second timer asks the core every few seconds ([VaultRepository.tick])
 * whether shared mode's idle limit has passed, so the client's screen locks on time even when
 * nobody touches it.
 */
class AutoLock(
    private val repository: VaultRepository,
    private val scope: CoroutineScope,
    private val core: CoroutineDispatcher,
) : DefaultLifecycleObserver {
    private var timer: Job? = null
    private var ticker: Job? = null

    override fun onStop(owner: LifecycleOwner) {
        ticker?.cancel()
        ticker = null
        timer?.cancel()
        timer = scope.launch(core) {
            repository.onBackground()
            val wait = repository.millisUntilAutoLock() ?: return@launch
            delay(wait)
            repository.lockIfDue()
        }
    }

    override fun onStart(owner: LifecycleOwner) {
        timer?.cancel()
        timer = null
        scope.launch(core) { repository.onForeground() }
        ticker?.cancel()
        ticker = scope.launch(core) {
            while (true) {
                delay(TICK_MILLIS)
                repository.tick()
            }
        }
    }

    private companion object {
        /** How often the core is asked about shared mode's idle limit while the app is on screen. */
        const val TICK_MILLIS = 5_000L
    }
}
