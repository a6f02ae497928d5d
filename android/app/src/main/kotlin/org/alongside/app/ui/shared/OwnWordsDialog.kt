package org.alongside.app.ui.shared

import androidx.compose.foundation.layout.Arrangement
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
import org.alongside.core.EntryKind

/** The client writes in their own words: what helps them, or a reflection. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun OwnWordsDialog(about: String?, onSave: (EntryKind, String) -> Unit, onDismiss: () -> Unit) {
    var kind by remember { mutableStateOf(EntryKind.WHAT_HELPS_ME) }
    var text by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(about ?: stringResource(R.string.shared_add_words)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    FilterChip(
                        selected = kind == EntryKind.WHAT_HELPS_ME,
                        onClick = { kind = EntryKind.WHAT_HELPS_ME },
                        label = { Text(stringResource(R.string.entry_what_helps_me)) },
                    )
                    FilterChip(
                        selected = kind == EntryKind.REFLECTION,
                        onClick = { kind = EntryKind.REFLECTION },
                        label = { Text(stringResource(R.string.entry_reflection)) },
                    )
                }
                OutlinedTextField(
                    value = text,
                    onValueChange = { text = it },
                    label = { Text(stringResource(R.string.field_my_words)) },
                    minLines = 3,
                )
            }
        },
        confirmButton = { TextButton(onClick = { onSave(kind, text) }) { Text(stringResource(R.string.action_save)) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.action_cancel)) } },
    )
}
