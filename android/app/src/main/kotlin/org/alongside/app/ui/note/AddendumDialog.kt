package org.alongside.app.ui.note

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedTextField
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
import org.alongside.app.R
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.supporting
import org.alongside.state.UiError

/** A dated correction or addition to a signed note: why, and what. */
@Composable
fun AddendumDialog(error: UiError?, onAdd: (reason: String, text: String) -> Unit, onDismiss: () -> Unit) {
    var reason by remember { mutableStateOf("") }
    var text by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(words().actionAddAddendum) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(
                    value = reason,
                    onValueChange = { reason = it },
                    label = { Text(words().fieldAddendumReason) },
                    supportingText = supporting(error.forField("reason")),
                )
                OutlinedTextField(
                    value = text,
                    onValueChange = { text = it },
                    label = { Text(words().fieldAddendumText) },
                    minLines = 3,
                    supportingText = supporting(error.forField("text")),
                )
            }
        },
        confirmButton = { TextButton(onClick = { onAdd(reason, text) }) { Text(words().actionAdd) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
