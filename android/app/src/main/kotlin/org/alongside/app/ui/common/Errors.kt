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
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.alongside.app.R
import org.alongside.app.keys.AuthenticationRefused
import org.alongside.core.AlongsideException
import org.alongside.state.UiError

/**
 * What to show for a core error. Bad input shows the core's own sentence ([UiError.Input.summary]);
 * the other errors carry no sentence from the core, so the app says what happened in its own UI
 * strings (res/values/strings.xml). Null: nothing to show (the worker cancelled biometrics).
 */
@Composable
fun errorText(error: UiError): String? = when (error) {
    is UiError.Input -> error.summary
    is UiError.WrongPassphrase -> stringResource(R.string.error_wrong_passphrase)
    is UiError.TryAgainLater -> pluralStringResource(
        R.plurals.error_try_again_in,
        error.retryAfterSeconds.toInt(),
        error.retryAfterSeconds.toInt(),
    )
    is UiError.SessionEnded -> stringResource(R.string.error_session_ended)
    is UiError.PlatformKeyFailed ->
        if (error.reason == AuthenticationRefused.CANCELLED) null else stringResource(R.string.error_biometrics_failed)
    is UiError.NotFound -> stringResource(R.string.error_not_found)
    is UiError.Failure -> stringResource(failureText(error.cause))
}

private fun failureText(cause: AlongsideException): Int = when (cause) {
    is AlongsideException.Tampered -> R.string.error_tampered
    is AlongsideException.Corrupt -> R.string.error_corrupt
    is AlongsideException.SchemaTooNew -> R.string.error_schema_too_new
    is AlongsideException.AlreadyExists -> R.string.error_already_exists
    is AlongsideException.Storage -> R.string.error_storage
    is AlongsideException.BackupWrongPassphrase -> R.string.error_backup_passphrase
    is AlongsideException.BackupCorrupt -> R.string.error_backup_corrupt
    is AlongsideException.BackupTooNew -> R.string.error_backup_too_new
    else -> R.string.error_unexpected
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
                Icon(Icons.Filled.Close, contentDescription = stringResource(R.string.action_dismiss))
            }
        }
    }
}
