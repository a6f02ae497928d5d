package org.alongside.app.ui.shared

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import org.alongside.app.R
import org.alongside.core.Choice
import org.alongside.core.EntryKind
import org.alongside.state.toEnum

/**
 * The client writes in their own words: what helps them, or a reflection ([kinds]: the core's
 * `SharedScreen.entryKinds` in the client's language).
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun OwnWordsDialog(about: String?, kinds: List<Choice>, onSave: (EntryKind, String) -> Unit, onDismiss: () -> Unit) {
    var kind by remember { mutableStateOf(EntryKind.WHAT_HELPS_ME) }
    var text by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(about ?: words().sharedAddWords) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    kinds.forEach { choice ->
                        val value: EntryKind = choice.toEnum()
                        FilterChip(
                            selected = kind == value,
                            onClick = { kind = value },
                            label = { Text(choice.label) },
                        )
                    }
                }
                OutlinedTextField(
                    value = text,
                    onValueChange = { text = it },
                    label = { Text(words().fieldMyWords) },
                    minLines = 3,
                )
            }
        },
        confirmButton = { TextButton(onClick = { onSave(kind, text) }) { Text(words().actionSave) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
