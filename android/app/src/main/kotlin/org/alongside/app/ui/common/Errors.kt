package org.alongside.app.ui.common

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Close
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.alongside.app.keys.AuthenticationRefused
import org.alongside.core.errorMessage
import org.alongside.state.UiError

/**
 * What to show for a core error: the core's own sentence in the reader's language
 * (`errorMessage`, which says what to do next), for every case; the app words none of its own.
 * Null: nothing to show (the worker cancelled biometrics).
 */
@Composable
fun errorText(error: UiError): String? = when {
    error is UiError.PlatformKeyFailed && error.reason == AuthenticationRefused.CANCELLED -> null
    else -> errorMessage(error.cause, LocalLang.current)
}

/** The core's sentence for [field], when the error is bad input in that field. */
fun UiError?.forField(field: String): String? = (this as? UiError.Input)?.takeIf { it.field == field }?.summary

/** The core's sentence, if the error is about a field under [prefix] (one of a list's items). */
fun UiError?.forFieldStartingWith(prefix: String): String? =
    (this as? UiError.Input)?.takeIf { it.field.startsWith(prefix) }?.summary

/** A dismissable error card, read out by TalkBack when it appears. */
@Composable
fun ErrorBanner(error: UiError?, onDismiss: () -> Unit, modifier: Modifier = Modifier) {
    val text = error?.let { errorText(it) } ?: return
    Card(
        modifier = modifier.fillMaxWidth().semantics { liveRegion = LiveRegionMode.Polite },
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer),
    ) {
        Row(
            modifier = Modifier.padding(start = 16.dp, top = 8.dp, bottom = 8.dp),
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Icon(Icons.Filled.Warning, contentDescription = null)
            Text(text, modifier = Modifier.weight(1f), color = MaterialTheme.colorScheme.onErrorContainer)
            IconButton(onClick = onDismiss) {
                Icon(Icons.Filled.Close, contentDescription = words().actionDismiss)
            }
        }
    }
}
