package org.alongside.app.ui.common

import androidx.compose.runtime.Composable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.alongside.app.AppContainer
import org.alongside.state.StateHolder
import org.alongside.state.VaultRepository

/** The app's container, for screens deep in the tree. */
val LocalAppContainer = staticCompositionLocalOf<AppContainer> { error("AppContainer is not provided") }

/**
 * Keeps one of the Kotlin layer's state holders alive across configuration changes and runs its
 * calls on the core's thread. The holder is closed (unregistered from the repository) when the
 * screen leaves the back stack.
 */
class HolderModel<H : StateHolder<*>>(val holder: H, private val core: CoroutineDispatcher) : ViewModel() {
    /** Run [block] on the core's thread; the screen follows the holder's state. */
    fun call(block: H.() -> Unit) {
        viewModelScope.launch(core) { holder.block() }
    }

    /** Run [block] on the core's thread, then [then] with its result on the main thread. */
    fun <R> call(block: H.() -> R, then: (R) -> Unit) {
        viewModelScope.launch(core) {
            val result = holder.block()
            withContext(Dispatchers.Main) { then(result) }
        }
    }

    override fun onCleared() {
        holder.close()
    }
}

/** The screen's holder, made once per back-stack entry and [key]. */
@Composable
inline fun <reified H : StateHolder<*>> rememberHolder(
    key: String,
    crossinline create: (VaultRepository) -> H,
): HolderModel<H> {
    val container = LocalAppContainer.current
    return viewModel(key = key) { HolderModel(create(container.repository), container.core) }
}
