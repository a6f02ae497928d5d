package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedTextField
import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.alongside.app.ui.common.words
import org.alongside.core.Choice
import org.alongside.core.GoalCard
import org.alongside.core.GoalInput
import org.alongside.core.LifeArea
import org.alongside.state.toEnum

/**
 * A goal added, or [editing] one corrected: the life area (the core's `lifeAreaChoices`), the goal
 * in the client's words, the worker's step, how progress shows, and whether the client sees it in
 * shared mode. Whether it is complete is the core's call: [error] is its sentence for the form.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun GoalDialog(
    areas: List<Choice>,
    editing: GoalCard?,
    error: String?,
    onSave: (GoalInput) -> Unit,
    onDismiss: () -> Unit,
) {
    var area by remember { mutableStateOf(editing?.area ?: LifeArea.HOUSING) }
    var clientWords by remember { mutableStateOf(editing?.clientWords.orEmpty()) }
    var workerStep by remember { mutableStateOf(editing?.workerStep.orEmpty()) }
    var measure by remember { mutableStateOf(editing?.measure.orEmpty()) }
    var visible by remember { mutableStateOf(editing?.visibleToClient ?: true) }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(if (editing == null) words().actionAddGoal else words().actionEditGoal) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    areas.forEach { choice ->
                        val value: LifeArea = choice.toEnum()
                        FilterChip(selected = area == value, onClick = { area = value }, label = { Text(choice.label) })
                    }
                }
                OutlinedTextField(clientWords, { clientWords = it }, label = { Text(words().fieldClientWords) }, minLines = 2)
                OutlinedTextField(workerStep, { workerStep = it }, label = { Text(words().fieldWorkerStep) })
                OutlinedTextField(measure, { measure = it }, label = { Text(words().fieldMeasure) })
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Checkbox(checked = visible, onCheckedChange = { visible = it })
                    Text(words().fieldVisibleToClient)
                }
                error?.let { Text(it) }
            }
        },
        confirmButton = {
            TextButton(onClick = {
                onSave(
                    GoalInput(
                        area = area,
                        clientWords = clientWords,
                        workerStep = workerStep.ifBlank { null },
                        measure = measure.ifBlank { null },
                        targetDate = editing?.targetDate,
                        visibleToClient = visible,
                    ),
                )
            }) { Text(words().actionSave) }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
