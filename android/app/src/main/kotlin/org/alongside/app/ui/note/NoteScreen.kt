@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.note

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.util.Locale
import org.alongside.app.R
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.SpanHighlighter
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.highlightStyle
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.common.supporting
import org.alongside.core.Addendum
import org.alongside.core.LanguageHint
import org.alongside.core.NoteStatus
import org.alongside.core.NoteView
import org.alongside.state.NoteState

/**
 * A case note. While a draft: typed with the core's person-first language hints marked in the
 * text and listed under it, saved, then signed. Once signed it never changes; corrections and
 * additions are dated addenda, each with its reason.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun NoteScreen(nav: NavController, clientId: String, noteId: String?, activityId: String?) {
    val language = remember { Locale.getDefault().toLanguageTag() }
    val model = rememberHolder("note-$clientId-${noteId.orEmpty()}") { NoteState(it, clientId, activityId, language) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var text by remember { mutableStateOf("") }
    var confirmSign by remember { mutableStateOf(false) }
    var confirmDiscard by remember { mutableStateOf(false) }
    var addingAddendum by remember { mutableStateOf(false) }
    LaunchedEffect(noteId) {
        if (noteId != null && model.holder.screen.data == null) {
            model.call({ open(noteId) }) { ok -> if (ok) text = model.holder.screen.data?.draft.orEmpty() }
        }
    }
    val data = screen.data
    val view: NoteView? = data?.note
    val editable = view?.editable ?: true
    LaunchedEffect(data?.discarded) { if (data?.discarded == true) nav.popBackStack() }

    Scaffold(
        topBar = { TopAppBar(title = { Text(stringResource(R.string.note_title)) }, navigationIcon = { BackAction(nav) }) },
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
            view?.let { NoteStatusLine(it) }
            val hints: List<LanguageHint> = data?.hints.orEmpty()
            OutlinedTextField(
                value = if (editable) text else view?.note?.text.orEmpty(),
                onValueChange = { typed ->
                    text = typed
                    model.call { setText(typed) }
                },
                readOnly = !editable,
                label = { Text(stringResource(R.string.field_note)) },
                minLines = 6,
                visualTransformation = SpanHighlighter(hints.map { it.span }, highlightStyle()),
                isError = screen.error.forField("text") != null,
                supportingText = supporting(screen.error.forField("text")),
                modifier = Modifier.fillMaxWidth(),
            )
            if (editable) LanguageHints(hints)
            if (editable) {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    OutlinedButton(onClick = { model.call { save() } }, enabled = !screen.busy) {
                        Text(stringResource(R.string.action_save_draft))
                    }
                    Button(onClick = { confirmSign = true }, enabled = text.isNotBlank() && !screen.busy) {
                        Text(stringResource(R.string.action_sign))
                    }
                    TextButton(onClick = { confirmDiscard = true }) { Text(stringResource(R.string.action_discard)) }
                }
            } else {
                view?.addenda?.takeIf { it.isNotEmpty() }?.let { Addenda(it) }
                Button(onClick = { addingAddendum = true }) { Text(stringResource(R.string.action_add_addendum)) }
            }
        }
    }

    if (confirmSign) {
        AlertDialog(
            onDismissRequest = { confirmSign = false },
            title = { Text(stringResource(R.string.sign_title)) },
            text = { Text(stringResource(R.string.sign_explainer)) },
            confirmButton = {
                TextButton(onClick = {
                    confirmSign = false
                    model.call { sign() }
                }) { Text(stringResource(R.string.action_sign)) }
            },
            dismissButton = { TextButton(onClick = { confirmSign = false }) { Text(stringResource(R.string.action_cancel)) } },
        )
    }
    if (confirmDiscard) {
        AlertDialog(
            onDismissRequest = { confirmDiscard = false },
            title = { Text(stringResource(R.string.discard_title)) },
            confirmButton = {
                TextButton(onClick = {
                    confirmDiscard = false
                    model.call { discard() }
                }) { Text(stringResource(R.string.action_discard)) }
            },
            dismissButton = { TextButton(onClick = { confirmDiscard = false }) { Text(stringResource(R.string.action_cancel)) } },
        )
    }
    if (addingAddendum) {
        AddendumDialog(
            error = screen.error,
            onAdd = { reason, body -> model.call({ addAddendum(reason, body) }) { ok -> if (ok) addingAddendum = false } },
            onDismiss = { addingAddendum = false },
        )
    }
}

@Composable
private fun NoteStatusLine(view: NoteView) {
    val status = view.note.status
    val line = when (status) {
        is NoteStatus.Signed -> stringResource(R.string.note_signed_at, status.at.display())
        is NoteStatus.Draft -> stringResource(R.string.note_draft_saved, view.note.updated.display())
    }
    Text(line, style = MaterialTheme.typography.labelLarge)
}

/** The core's hints for the words typed: the words, what to write instead, and why. */
@Composable
private fun LanguageHints(hints: List<LanguageHint>) {
    if (hints.isEmpty()) return
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        SectionTitle(stringResource(R.string.note_hints))
        hints.forEach { hint ->
            Text(
                stringResource(R.string.note_hint_line, hint.span.text, hint.suggestions.joinToString(", ")),
                style = MaterialTheme.typography.bodyMedium,
            )
            Text(hint.why, style = MaterialTheme.typography.bodySmall)
        }
    }
}

@Composable
private fun Addenda(addenda: List<Addendum>) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(stringResource(R.string.note_addenda))
        addenda.forEach { addendum ->
            Text(stringResource(R.string.addendum_header, addendum.written.display(), addendum.reason), style = MaterialTheme.typography.labelLarge)
            Text(addendum.text)
        }
    }
}
