package org.alongside.app.ui.sync

import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import org.alongside.app.ui.common.HolderModel
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.rememberHolder
import org.alongside.state.SyncState

/**
 * The screen's [SyncState] over the app's transport, made once per back-stack entry and [key],
 * its status and review list read when the screen first shows (no network until a call asks).
 */
@Composable
fun rememberSyncState(key: String): HolderModel<SyncState> {
    val container = LocalAppContainer.current
    val model = rememberHolder(key) { SyncState(it, container.syncTransport) }
    LaunchedEffect(Unit) { model.call { load() } }
    return model
}
