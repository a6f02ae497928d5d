package org.alongside.app.ui.settings

import androidx.compose.foundation.layout.Arrangement
import org.alongside.core.AppWords
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
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

/**
 * The duress passphrase: under threat it opens an empty-looking vault while the real one stays
 * shut; nothing is wiped, and the real vault records its use. Setting or removing it asks for the
 * unlock passphrase; the core says whether the duress one is strong enough and different.
 */
@Composable
fun DuressPassphrase(model: HolderModel<SettingsState>) {
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var current by remember { mutableStateOf("") }
    var duress by remember { mutableStateOf("") }
    var again by remember { mutableStateOf("") }
    var done by remember { mutableStateOf<((AppWords) -> String)?>(null) }
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(words().settingsDuress)
        Text(words().duressExplainer)
        PassphraseField(current, { current = it }, words().fieldCurrentPassphrase)
        PassphraseField(
            duress,
            { duress = it },
            words().fieldDuressPassphrase,
            error = screen.error.forField("duress_passphrase"),
        )
        PassphraseField(
            again,
            { again = it },
            words().fieldPassphraseAgain,
            error = if (again.isNotEmpty() && again != duress) words().passphrasesDiffer else null,
        )
        done?.let { Text(it(words())) }
        OutlinedButton(
            onClick = {
                val (unlock, other) = current to duress
                done = null
                model.call({ setDuressPassphrase(unlock, other) }) { ok ->
                    if (ok) {
                        done = { it.settingsDuressSet }
                        current = ""
                        duress = ""
                        again = ""
                    }
                }
            },
            enabled = current.isNotEmpty() && duress.isNotEmpty() && again == duress && !screen.busy,
            modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
        ) { Text(words().actionSetDuressPassphrase) }
        TextButton(
            onClick = {
                val unlock = current
                done = null
                model.call({ removeDuressPassphrase(unlock) }) { ok ->
                    if (ok) {
                        done = { it.settingsDuressRemoved }
                        current = ""
                        duress = ""
                        again = ""
                    }
                }
            },
            enabled = current.isNotEmpty() && !screen.busy,
            modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
        ) { Text(words().actionRemoveDuressPassphrase) }
    }
}
