package org.alongside.app.ui.client

import android.content.Intent
import org.alongside.app.ui.common.words
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.common.rememberHolder
import org.alongside.state.ClientCopyState

/**
 * The client's copy through the share sheet, after a clear warning that it leaves the vault
 * unsealed. The HTML is handed over as the share's text: nothing readable is written to the
 * phone's storage on the way.
 */
@Composable
fun ClientCopyShareDialog(clientId: String, onDone: () -> Unit) {
    val model = rememberHolder("copy-$clientId") { ClientCopyState(it, clientId) }
    val context = LocalContext.current
    val chooserTitle = words().copyShareTitle
    AlertDialog(
        onDismissRequest = onDone,
        title = { Text(words().copyWarningTitle) },
        text = { Text(words().copyWarning) },
        confirmButton = {
            TextButton(onClick = {
                model.call({ make(LocalDate.now(), confirmLeavesVault = true) }) { html ->
                    if (html != null) {
                        val send = Intent(Intent.ACTION_SEND)
                            .setType("text/html")
                            .putExtra(Intent.EXTRA_HTML_TEXT, html)
                            .putExtra(Intent.EXTRA_TEXT, html)
                        context.startActivity(Intent.createChooser(send, chooserTitle))
                    }
                    onDone()
                }
            }) { Text(words().copyShareAnyway) }
        },
        dismissButton = { TextButton(onClick = onDone) { Text(words().actionCancel) } },
    )
}
