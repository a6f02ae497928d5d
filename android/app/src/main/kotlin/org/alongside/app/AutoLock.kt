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
 */
class AutoLock(
    private val repository: VaultRepository,
    private val scope: CoroutineScope,
    private val core: CoroutineDispatcher,
) : DefaultLifecycleObserver {
    private var timer: Job? = null

    override fun onStop(owner: LifecycleOwner) {
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
    }
}
