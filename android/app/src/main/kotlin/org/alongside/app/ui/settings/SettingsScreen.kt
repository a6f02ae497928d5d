@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.settings

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import org.alongside.app.R
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.LockAction
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.Tab
import org.alongside.app.ui.common.WorkerTabs
import org.alongside.app.ui.common.rememberHolder
import org.alongside.state.SettingsState

/**
 * Biometrics, auto-lock, the worker's language, the passphrase, the duress passphrase and backups.
 * The auto-lock and language options are the core's (`autoLockChoices`, `languageChoices`).
 */
@Composable
fun SettingsScreen(nav: NavController) {
    val container = LocalAppContainer.current
    val model = rememberHolder("settings") { SettingsState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var enrolling by remember { mutableStateOf(false) }
    LaunchedEffect(Unit) { model.call { load() } }
    val settings = screen.data

    Scaffold(
        topBar = { TopAppBar(title = { Text(words().tabSettings) }, actions = { LockAction() }) },
        bottomBar = { WorkerTabs(nav, Tab.SETTINGS) },
    ) { padding ->
        Column(
            modifier = Modifier
                .fillMaxSize()
                .padding(padding)
                .imePadding()
                .verticalScroll(rememberScrollState())
                .padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })

            if (settings != null && container.biometrics.available()) {
                Row(
                    modifier = Modifier
                        .fillMaxWidth()
                        .heightIn(min = 48.dp)
                        .toggleable(
                            value = settings.hasPlatformKey,
                            role = Role.Switch,
                            onValueChange = { on ->
                                if (on) {
                                    enrolling = true
                                } else {
                                    model.call { if (disablePlatformKey()) container.keySource.delete() }
                                }
                            },
                        ),
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    Text(words().settingsBiometrics, modifier = Modifier.weight(1f))
                    Switch(checked = settings.hasPlatformKey, onCheckedChange = null)
                }
                HorizontalDivider()
            }

            SectionTitle(words().settingsAutoLock)
            settings?.autoLockChoices.orEmpty().forEach { choice ->
                val seconds = model.holder.autoLockSecondsOf(choice)
                val selected = settings?.autoLockSeconds == seconds
                Row(
                    modifier = Modifier
                        .fillMaxWidth()
                        .heightIn(min = 48.dp)
                        .selectable(
                            selected = selected,
                            role = Role.RadioButton,
                            onClick = {
                                model.call({ setAutoLock(seconds) }) { ok ->
                                    if (ok) container.settings.autoLockSeconds = seconds
                                }
                            },
                        ),
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    RadioButton(selected = selected, onClick = null)
                    Text(choice.label)
                }
            }
            HorizontalDivider()

            SectionTitle(words().settingsLanguage)
            settings?.languageChoices.orEmpty().forEach { choice ->
                val selected = settings?.languageTag == choice.value
                Row(
                    modifier = Modifier
                        .fillMaxWidth()
                        .heightIn(min = 48.dp)
                        .selectable(
                            selected = selected,
                            role = Role.RadioButton,
                            onClick = { model.call { setLanguage(choice.value) } },
                        ),
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    RadioButton(selected = selected, onClick = null)
                    Text(choice.label)
                }
            }
            HorizontalDivider()

            ChangePassphrase(model)
            HorizontalDivider()
            DuressPassphrase(model)
            HorizontalDivider()
            BackupSection()
            TeamSection(nav)
        }
    }

    if (enrolling) {
        EnrolBiometricsDialog(
            onEnrol = { passphrase ->
                enrolling = false
                model.call { enablePlatformKey(passphrase, container.platformKey) }
            },
            onDismiss = { enrolling = false },
        )
    }
}
