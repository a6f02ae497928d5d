package org.alongside.app.ui.shared

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.withContext
import org.alongside.app.R
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.HolderModel
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.PassphraseField
import org.alongside.state.SharedModeState

/**
 * The worker takes the phone back: their passphrase (wrong ones keep shared mode and are
 * throttled by the core) or their biometrics. When it works the status changes and the app
 * leaves shared mode (and the pinning) by itself.
 */
@Composable
fun HandBackDialog(model: HolderModel<SharedModeState>, onDismiss: () -> Unit) {
    val container = LocalAppContainer.current
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var passphrase by remember { mutableStateOf("") }
    var biometrics by remember { mutableStateOf(false) }
    LaunchedEffect(Unit) {
        val enrolled = withContext(container.core) { container.repository.hasPlatformKey() }
        biometrics = enrolled && container.biometrics.available()
    }
    val leave = {
        val typed = passphrase
        passphrase = ""
        model.call { leave(typed) }
    }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(words().handBackTitle) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
                PassphraseField(
                    value = passphrase,
                    onValueChange = { passphrase = it },
                    label = words().fieldWorkerPassphrase,
                    onDone = { if (passphrase.isNotEmpty()) leave() },
                )
                if (biometrics) {
                    OutlinedButton(onClick = { model.call { leaveWithPlatformKey(container.platformKey) } }) {
                        Text(words().actionUnlockBiometrics)
                    }
                }
            }
        },
        confirmButton = {
            TextButton(onClick = leave, enabled = passphrase.isNotEmpty() && !screen.busy) {
                Text(words().actionTakeBack)
            }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
