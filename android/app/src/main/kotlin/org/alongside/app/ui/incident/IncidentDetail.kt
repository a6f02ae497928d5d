package org.alongside.app.ui.incident

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.client.TextDialog
import org.alongside.core.IncidentInput
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
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
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.supporting
import org.alongside.core.IncidentActionInput
import org.alongside.core.IncidentStatus
import org.alongside.core.IncidentView
import org.alongside.core.RequiredAction
import org.alongside.core.RequiredActionState
import org.alongside.state.UiError

/**
 * A reported incident: what happened, each required action (done or still to do), and closing.
 * While open, what was reported and each action recorded can be corrected ([onEdit],
 * [onEditAction]); once closed, a dated correction is added beside it ([onCorrect]). Earlier
 * revisions and corrections are shown as the core keeps them.
 */
@Composable
fun IncidentDetail(
    view: IncidentView,
    error: UiError?,
    busy: Boolean,
    onRecord: (IncidentActionInput) -> Unit,
    onClose: (LocalDate, String?) -> Unit,
    onEdit: (IncidentInput) -> Unit = {},
    onEditAction: (UInt, IncidentActionInput) -> Unit = { _, _ -> },
    onCorrect: (reason: String, text: String) -> Unit = { _, _ -> },
) {
    var recording by remember { mutableStateOf<RequiredActionState?>(null) }
    var editingText by remember { mutableStateOf(false) }
    var editingAction by remember { mutableStateOf<Int?>(null) }
    var correcting by remember { mutableStateOf(false) }
    var outcome by remember { mutableStateOf("") }
    val incident = view.incident
    val open = incident.status is IncidentStatus.Open

    Text(view.kindLabel, style = MaterialTheme.typography.headlineSmall)
    Text(phrase(AppPhrase.IncidentHeader(view.clientName, incident.occurredOn.display(), view.statusLabel)))
    Text(incident.description)
    if (open) {
        TextButton(onClick = { editingText = true }) { Text(words().actionEdit) }
    } else {
        TextButton(onClick = { correcting = true }) { Text(words().actionCorrect) }
    }
    if (view.corrections.isNotEmpty()) {
        SectionTitle(words().incidentCorrections)
        view.corrections.forEach { c -> Text(phrase(AppPhrase.AddendumHeader(c.written.display(), c.reason))); Text(c.text) }
    }
    if (view.edits.isNotEmpty()) {
        SectionTitle(words().historyTitle)
        view.edits.forEach { Text(it.summary, style = MaterialTheme.typography.bodySmall) }
    }
    if (view.donts.isNotEmpty()) {
        SectionTitle(words().incidentDonts)
        view.donts.forEach { Text("• $it") }
    }
    SectionTitle(words().incidentRequired)
    view.required.forEach { state: RequiredActionState ->
        Column(Modifier.semantics(mergeDescendants = true) {}) {
            Text(state.label, style = MaterialTheme.typography.titleSmall)
            val done = state.done
            if (done != null) {
                Text(phrase(AppPhrase.IncidentActionDone(done.by, done.on.display())))
                done.details?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            } else {
                Text(words().incidentActionMissing, color = MaterialTheme.colorScheme.error)
            }
        }
        if (state.done == null && open) {
            OutlinedButton(onClick = { recording = state }) { Text(phrase(AppPhrase.Record(state.label))) }
        }
    }
    if (open) {
        view.recordedActions.forEachIndexed { index, recorded ->
            TextButton(onClick = { editingAction = index }) {
                Text(phrase(AppPhrase.FieldValue(words().actionEdit, recorded.label)))
            }
        }
    }
    if (open) {
        OutlinedTextField(
            value = outcome,
            onValueChange = { outcome = it },
            label = { Text(words().fieldOutcome) },
            supportingText = supporting(error.forField("outcome")),
            modifier = Modifier.fillMaxWidth(),
        )
        Button(
            onClick = { onClose(LocalDate.now(), outcome.ifBlank { null }) },
            enabled = view.canClose && !busy,
            modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
        ) { Text(words().actionCloseIncident) }
    }

    if (editingText) {
        TextDialog(
            title = words().actionEdit,
            label = words().fieldWhatHappened,
            onDone = { text ->
                onEdit(IncidentInput(incident.kind, incident.occurredOn, incident.occurredAt, text, incident.activityId))
                editingText = false
            },
            onDismiss = { editingText = false },
        )
    }
    editingAction?.let { index ->
        val recorded = view.recordedActions[index]
        RecordActionDialog(
            action = recorded.action.action,
            label = recorded.label,
            error = error,
            onRecord = { input ->
                onEditAction(index.toUInt(), input)
                editingAction = null
            },
            onDismiss = { editingAction = null },
        )
    }
    if (correcting) {
        CorrectionDialog(
            onCorrect = { reason, text ->
                onCorrect(reason, text)
                correcting = false
            },
            onDismiss = { correcting = false },
        )
    }
    recording?.let { state ->
        RecordActionDialog(
            action = state.action,
            label = state.label,
            error = error,
            onRecord = { input ->
                onRecord(input)
                recording = null
            },
            onDismiss = { recording = null },
        )
    }
}

@Composable
private fun RecordActionDialog(
    action: RequiredAction,
    label: String,
    error: UiError?,
    onRecord: (IncidentActionInput) -> Unit,
    onDismiss: () -> Unit,
) {
    var doneBy by remember { mutableStateOf("") }
    var on by remember { mutableStateOf(LocalDate.now()) }
    var details by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(label) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(
                    value = doneBy,
                    onValueChange = { doneBy = it },
                    label = { Text(words().fieldDoneBy) },
                    supportingText = supporting(error.forField("by")),
                )
                DateField(words().fieldOn, on, onChange = { on = it })
                OutlinedTextField(
                    value = details,
                    onValueChange = { details = it },
                    label = { Text(words().fieldDetails) },
                    minLines = 2,
                )
            }
        },
        confirmButton = {
            TextButton(onClick = { onRecord(IncidentActionInput(action, doneBy, on, null, details.ifBlank { null })) }) {
                Text(words().actionSave)
            }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}

/** A closed incident's correction: why, and the corrected words (the original stays as it was). */
@Composable
private fun CorrectionDialog(onCorrect: (reason: String, text: String) -> Unit, onDismiss: () -> Unit) {
    var reason by remember { mutableStateOf("") }
    var text by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(words().actionCorrect) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(reason, { reason = it }, label = { Text(words().fieldCorrectionReason) })
                OutlinedTextField(text, { text = it }, label = { Text(words().fieldWhatHappened) }, minLines = 3)
            }
        },
        confirmButton = { TextButton(onClick = { onCorrect(reason, text) }) { Text(words().actionSave) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
