package org.alongside.app.ui.settings

import androidx.activity.compose.rememberLauncherForActivityResult
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import java.io.IOException
import org.alongside.app.R
import org.alongside.app.backup.BackupFiles
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.PassphraseField
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.BackupSummary
import org.alongside.state.BackupState

/**
 * A backup of the whole vault, sealed under a backup passphrase, saved through the document
 * picker (a USB stick, a folder the agency keeps) or handed to the share sheet. The core asks for
 * the unlock passphrase again, because a backup carries everything.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun BackupSection() {
    val container = LocalAppContainer.current
    val context = LocalContext.current
    val words = words()
    val model = rememberHolder("backup") { BackupState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var passphrase by remember { mutableStateOf("") }
    var backupPassphrase by remember { mutableStateOf("") }
    var again by remember { mutableStateOf("") }
    var saved by remember { mutableStateOf<BackupSummary?>(null) }
    var copyFailed by remember { mutableStateOf(false) }
    val ready = passphrase.isNotEmpty() && backupPassphrase.isNotEmpty() && again == backupPassphrase && !screen.busy

    val saveTo = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument(BackupFiles.MIME_TYPE)) { uri ->
        if (uri == null) return@rememberLauncherForActivityResult
        val (unlock, sealing) = passphrase to backupPassphrase
        saved = null
        copyFailed = false
        model.call({
            val file = container.backups.newOutgoing()
            if (!backup(file.path, unlock, sealing)) return@call false
            try {
                container.backups.copyTo(file, uri)
                true
            } catch (e: IOException) {
                null
            }
        }) { result ->
            copyFailed = result == null
            if (result == true) {
                saved = model.holder.screen.data
                passphrase = ""
            }
        }
    }

    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(words().settingsBackup)
        Text(words().backupExplainer)
        ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
        if (copyFailed) Text(words().backupCopyFailed)
        PassphraseField(passphrase, { passphrase = it }, words().fieldPassphrase)
        PassphraseField(
            backupPassphrase,
            { backupPassphrase = it },
            words().fieldBackupPassphrase,
            error = screen.error.forField("backup_passphrase"),
        )
        PassphraseField(
            again,
            { again = it },
            words().fieldPassphraseAgain,
            error = if (again.isNotEmpty() && again != backupPassphrase) words().passphrasesDiffer else null,
        )
        saved?.let { summary ->
            Text(phrase(AppPhrase.BackupDone(summary.records.toUInt(), summary.bytes.toString())))
        }
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Button(onClick = { saveTo.launch(BackupFiles.FILE_NAME) }, enabled = ready) {
                Text(words().actionBackupSave)
            }
            OutlinedButton(
                onClick = {
                    val (unlock, sealing) = passphrase to backupPassphrase
                    val chooserTitle = words.actionBackupShare
                    model.call({
                        val file = container.backups.newOutgoing()
                        if (backup(file.path, unlock, sealing)) container.backups.shareIntent(file, chooserTitle) else null
                    }) { intent ->
                        if (intent != null) {
                            passphrase = ""
                            context.startActivity(intent)
                        }
                    }
                },
                enabled = ready,
            ) { Text(words().actionBackupShare) }
        }
    }
}
