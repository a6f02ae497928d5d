package org.alongside.app.ui.unlock

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.delay
import org.alongside.app.R
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.HolderModel
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.PassphraseField
import org.alongside.state.UiError
import org.alongside.state.UnlockState
import org.alongside.state.VaultStatus

/**
 * Unlock with the passphrase, or with biometrics when the vault has a platform key and the phone
 * can use strong biometrics now. After too many wrong passphrases the core says how long to wait;
 * the button stays off until then.
 */
@Composable
fun UnlockScreen(model: HolderModel<UnlockState>) {
    val container = LocalAppContainer.current
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val status by container.repository.status.collectAsStateWithLifecycle()
    var passphrase by remember { mutableStateOf("") }
    var waitSeconds by remember { mutableStateOf(0) }
    val error = screen.error
    LaunchedEffect(error) {
        if (error is UiError.TryAgainLater) {
            waitSeconds = error.retryAfterSeconds.toInt()
            while (waitSeconds > 0) {
                delay(1000)
                waitSeconds -= 1
            }
        }
    }
    val biometricsOffered = (status as? VaultStatus.Locked)?.hasPlatformKey == true && container.biometrics.available()
    val unlockNow = {
        val typed = passphrase
        passphrase = ""
        model.call { unlock(typed) }
    }

    Scaffold { padding ->
        Column(
            modifier = Modifier
                .fillMaxSize()
                .padding(padding)
                .imePadding()
                .verticalScroll(rememberScrollState())
                .padding(24.dp),
            verticalArrangement = Arrangement.spacedBy(16.dp),
        ) {
            Text(
                words().unlockTitle,
                style = MaterialTheme.typography.headlineMedium,
                modifier = Modifier.semantics { heading() },
            )
            ErrorBanner(error, onDismiss = { model.holder.dismissError() })
            PassphraseField(
                value = passphrase,
                onValueChange = { passphrase = it },
                label = words().fieldPassphrase,
                onDone = { if (passphrase.isNotEmpty() && waitSeconds == 0) unlockNow() },
            )
            Button(
                onClick = unlockNow,
                enabled = passphrase.isNotEmpty() && waitSeconds == 0 && !screen.busy,
                modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
            ) { Text(words().actionUnlock) }
            if (biometricsOffered) {
                OutlinedButton(
                    onClick = { model.call { unlockWithPlatformKey(container.platformKey) } },
                    enabled = !screen.busy,
                    modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
                ) { Text(words().actionUnlockBiometrics) }
            }
        }
    }
}
