package org.alongside.state

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import org.alongside.core.AlongsideException

/**
 * Base of the screen state holders: one [Screen] in a [StateFlow] (Compose collects it), calls
 * that turn a core error into [UiError] instead of throwing, and a [clear] the repository calls on
 * lock so no client's data outlives the keys. Android's ViewModel calls [close] in `onCleared`.
 *
 * Like the repository, every call blocks: run it on a background dispatcher.
 */
abstract class StateHolder<T>(protected val vault: VaultRepository) : AutoCloseable {
    private val _state = MutableStateFlow(Screen<T>())
    val state: StateFlow<Screen<T>> = _state.asStateFlow()

    /** The current screen state, for callers that do not collect the flow. */
    val screen: Screen<T> get() = _state.value

    init {
        @Suppress("LeakingThis")
        vault.register(this)
    }

    /** Forget everything shown (called on lock). */
    open fun clear() {
        _state.value = Screen()
    }

    /** Forget the last error once the screen has shown it. */
    fun dismissError() {
        _state.update { it.copy(error = null) }
    }

    override fun close() {
        vault.unregister(this)
    }

    /**
     * Run [call]; on success return its result (state: not busy, no error), on a core error put it
     * in the state and return null. Anything other than an [AlongsideException] is a bug and is
     * not caught.
     */
    protected fun <R> attempt(call: () -> R): R? {
        _state.update { it.copy(busy = true, error = null) }
        return try {
            call().also { _state.update { s -> s.copy(busy = false) } }
        } catch (e: AlongsideException) {
            _state.update { it.copy(busy = false, error = e.toUiError()) }
            null
        }
    }

    /** Run [call] and, if it succeeds, make its result the screen's data. True on success. */
    protected fun show(call: () -> T): Boolean {
        val value = attempt(call) ?: return false
        _state.update { it.copy(data = value) }
        return true
    }

    /** Change the data shown without a core call (form edits). */
    protected fun edit(change: (T?) -> T?) {
        _state.update { it.copy(data = change(it.data)) }
    }
}
