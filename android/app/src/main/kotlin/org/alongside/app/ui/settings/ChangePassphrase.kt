package org.alongside.app.ui.settings

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.alongside.app.R
import org.alongside.app.ui.common.HolderModel
import org.alongside.app.ui.common.PassphraseField
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.forField
import org.alongside.state.SettingsState

/** A new passphrase: only the key slot is rewritten; the core says whether it is long enough. */
@Composable
fun ChangePassphrase(model: HolderModel<SettingsState>) {
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var current by remember { mutableStateOf("") }
    var new by remember { mutableStateOf("") }
    var again by remember { mutableStateOf("") }
    var changed by remember { mutableStateOf(false) }
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(words().settingsChangePassphrase)
        PassphraseField(current, { current = it }, words().fieldCurrentPassphrase)
        PassphraseField(
            new,
            { new = it },
            words().fieldNewPassphrase,
            error = screen.error.forField("new_passphrase"),
        )
        PassphraseField(
            again,
            { again = it },
            words().fieldPassphraseAgain,
            error = if (again.isNotEmpty() && again != new) words().passphrasesDiffer else null,
        )
        if (changed) Text(words().settingsPassphraseChanged)
        OutlinedButton(
            onClick = {
                val (from, to) = current to new
                changed = false
                model.call({ changePassphrase(from, to) }) { ok ->
                    changed = ok
                    if (ok) {
                        current = ""
                        new = ""
                        again = ""
                    }
                }
            },
            enabled = current.isNotEmpty() && new.isNotEmpty() && again == new && !screen.busy,
            modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
        ) { Text(words().actionChangePassphrase) }
    }
}

/** Turning biometrics on: the core asks for the passphrase, then the phone for a fingerprint or face. */
@Composable
fun EnrolBiometricsDialog(onEnrol: (String) -> Unit, onDismiss: () -> Unit) {
    var passphrase by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(words().settingsBiometrics) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(words().enrolExplainer)
                PassphraseField(passphrase, { passphrase = it }, words().fieldPassphrase)
            }
        },
        confirmButton = {
            TextButton(onClick = { onEnrol(passphrase) }, enabled = passphrase.isNotEmpty()) {
                Text(words().actionContinue)
            }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
