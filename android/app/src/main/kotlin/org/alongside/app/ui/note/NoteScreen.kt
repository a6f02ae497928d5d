@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.note

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
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
        topBar = { TopAppBar(title = { Text(words().noteTitle) }, navigationIcon = { BackAction(nav) }) },
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
                label = { Text(words().fieldNote) },
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
                        Text(words().actionSaveDraft)
                    }
                    Button(onClick = { confirmSign = true }, enabled = text.isNotBlank() && !screen.busy) {
                        Text(words().actionSign)
                    }
                    TextButton(onClick = { confirmDiscard = true }) { Text(words().actionDiscard) }
                }
            } else {
                view?.addenda?.takeIf { it.isNotEmpty() }?.let { Addenda(it) }
                Button(onClick = { addingAddendum = true }) { Text(words().actionAddAddendum) }
            }
        }
    }

    if (confirmSign) {
        AlertDialog(
            onDismissRequest = { confirmSign = false },
            title = { Text(words().signTitle) },
            text = { Text(words().signExplainer) },
            confirmButton = {
                TextButton(onClick = {
                    confirmSign = false
                    model.call { sign() }
                }) { Text(words().actionSign) }
            },
            dismissButton = { TextButton(onClick = { confirmSign = false }) { Text(words().actionCancel) } },
        )
    }
    if (confirmDiscard) {
        AlertDialog(
            onDismissRequest = { confirmDiscard = false },
            title = { Text(words().discardTitle) },
            confirmButton = {
                TextButton(onClick = {
                    confirmDiscard = false
                    model.call { discard() }
                }) { Text(words().actionDiscard) }
            },
            dismissButton = { TextButton(onClick = { confirmDiscard = false }) { Text(words().actionCancel) } },
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
        is NoteStatus.Signed -> phrase(AppPhrase.NoteSignedAt(status.at.display()))
        is NoteStatus.Draft -> phrase(AppPhrase.NoteDraftSaved(view.note.updated.display()))
    }
    Text(line, style = MaterialTheme.typography.labelLarge)
}

/** The core's hints for the words typed: the words, what to write instead, and why. */
@Composable
private fun LanguageHints(hints: List<LanguageHint>) {
    if (hints.isEmpty()) return
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        SectionTitle(words().noteHints)
        hints.forEach { hint ->
            Text(
                phrase(AppPhrase.NoteHintLine(hint.span.text, hint.suggestions.joinToString(", "))),
                style = MaterialTheme.typography.bodyMedium,
            )
            Text(hint.why, style = MaterialTheme.typography.bodySmall)
        }
    }
}

@Composable
private fun Addenda(addenda: List<Addendum>) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(words().noteAddenda)
        addenda.forEach { addendum ->
            Text(phrase(AppPhrase.AddendumHeader(addendum.written.display(), addendum.reason)), style = MaterialTheme.typography.labelLarge)
            Text(addendum.text)
        }
    }
}
