package org.alongside.app.ui.unlock

import android.net.Uri
import org.alongside.app.ui.common.words
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
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
import java.io.IOException
import org.alongside.app.R
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.HolderModel
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.PassphraseField
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.forField
import org.alongside.state.UnlockState

/**
 * First run: make a new vault under a passphrase, or restore one from a backup file. The core
 * decides whether a passphrase is long enough (its error names the field); typing it twice only
 * guards against a slip of the finger.
 */
@Composable
fun CreateVaultScreen(model: HolderModel<UnlockState>) {
    val container = LocalAppContainer.current
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var passphrase by remember { mutableStateOf("") }
    var again by remember { mutableStateOf("") }
    var backupUri by remember { mutableStateOf<Uri?>(null) }
    var backupPassphrase by remember { mutableStateOf("") }
    var copyFailed by remember { mutableStateOf(false) }
    val pick = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri -> backupUri = uri }
    val mismatch = again.isNotEmpty() && again != passphrase

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
                words().createTitle,
                style = MaterialTheme.typography.headlineMedium,
                modifier = Modifier.semantics { heading() },
            )
            Text(words().createExplainer)
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
            if (copyFailed) Text(words().restoreCopyFailed, color = MaterialTheme.colorScheme.error)
            PassphraseField(
                value = passphrase,
                onValueChange = { passphrase = it },
                label = words().fieldNewPassphrase,
                error = screen.error.forField("passphrase") ?: screen.error.forField("new_passphrase"),
            )
            PassphraseField(
                value = again,
                onValueChange = { again = it },
                label = words().fieldPassphraseAgain,
                error = if (mismatch) words().passphrasesDiffer else null,
            )
            if (backupUri == null) {
                Button(
                    onClick = {
                        val typed = passphrase
                        model.call { create(typed) }
                    },
                    enabled = passphrase.isNotEmpty() && again == passphrase && !screen.busy,
                    modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
                ) { Text(words().actionCreateVault) }
            }

            HorizontalDivider()
            SectionTitle(words().restoreTitle)
            Text(words().restoreExplainer)
            OutlinedButton(
                onClick = { pick.launch(arrayOf("*/*")) },
                modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
            ) {
                Text(if (backupUri == null) words().actionChooseBackup else words().actionChooseOtherBackup)
            }
            val uri = backupUri
            if (uri != null) {
                PassphraseField(
                    value = backupPassphrase,
                    onValueChange = { backupPassphrase = it },
                    label = words().fieldBackupPassphrase,
                )
                Button(
                    onClick = {
                        val newPassphrase = passphrase
                        val fromBackup = backupPassphrase
                        copyFailed = false
                        model.call({
                            val file = try {
                                container.backups.incomingCopy(uri)
                            } catch (e: IOException) {
                                null
                            }
                            if (file != null) {
                                restore(file.path, fromBackup, newPassphrase)
                                file.delete()
                            }
                            file != null
                        }) { copied -> copyFailed = !copied }
                    },
                    enabled = passphrase.isNotEmpty() && again == passphrase && backupPassphrase.isNotEmpty() && !screen.busy,
                    modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
                ) { Text(words().actionRestore) }
            }
        }
    }
}
