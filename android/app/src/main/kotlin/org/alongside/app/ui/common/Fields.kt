@file:OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)

package org.alongside.app.ui.common

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TimeInput
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.material3.rememberTimePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import java.time.LocalTime
import org.alongside.app.R
import org.alongside.core.AppPhrase

/** A text field's supporting-text slot showing [text], or no slot. */
fun supporting(text: String?): (@Composable () -> Unit)? = if (text == null) null else { { Text(text) } }

/** A section title, announced as a heading by TalkBack. */
@Composable
fun SectionTitle(text: String, modifier: Modifier = Modifier) {
    Text(
        text,
        style = MaterialTheme.typography.titleMedium,
        modifier = modifier.semantics { heading() },
    )
}

/** A section's title and, under it, the core's sentence saying what the section is for. */
@Composable
fun SectionHeader(title: String, explainer: String) {
    SectionTitle(title)
    Text(explainer)
}

/** A form's pick: [label], then a chip for each of [items] named by [name], [selected] ones marked. */
@Composable
fun <T> ChipRow(label: String, items: List<T>, name: (T) -> String, selected: (T) -> Boolean, onPick: (T) -> Unit) {
    Text(label)
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        items.forEach { item -> FilterChip(selected = selected(item), onClick = { onPick(item) }, label = { Text(name(item)) }) }
    }
}

/** A passphrase box: hidden, no suggestions, never kept in saved state (callers use remember). */
@Composable
fun PassphraseField(
    value: String,
    onValueChange: (String) -> Unit,
    label: String,
    modifier: Modifier = Modifier,
    error: String? = null,
    onDone: (() -> Unit)? = null,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onValueChange,
        label = { Text(label) },
        singleLine = true,
        visualTransformation = PasswordVisualTransformation(),
        keyboardOptions = KeyboardOptions(
            keyboardType = KeyboardType.Password,
            imeAction = if (onDone != null) ImeAction.Done else ImeAction.Next,
        ),
        keyboardActions = KeyboardActions(onDone = { onDone?.invoke() }),
        isError = error != null,
        supportingText = supporting(error),
        modifier = modifier.fillMaxWidth(),
    )
}

/** A multi-line text box that grows with its text (no fixed height, so large fonts fit). */
@Composable
fun TextArea(
    value: String,
    onValueChange: (String) -> Unit,
    label: String,
    modifier: Modifier = Modifier,
    error: String? = null,
    enabled: Boolean = true,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onValueChange,
        label = { Text(label) },
        minLines = 3,
        isError = error != null,
        enabled = enabled,
        supportingText = supporting(error),
        modifier = modifier.fillMaxWidth(),
    )
}

/** A day, shown as the locale writes it; tapping opens Material's date picker. */
@Composable
fun DateField(label: String, value: LocalDate, onChange: (LocalDate) -> Unit, modifier: Modifier = Modifier) {
    var open by remember { mutableStateOf(false) }
    OutlinedButton(onClick = { open = true }, modifier = modifier.heightIn(min = 48.dp)) {
        Text(phrase(AppPhrase.FieldValue(label, value.display())))
    }
    if (open) {
        val state = rememberDatePickerState(initialSelectedDateMillis = value.toPickerMillis())
        DatePickerDialog(
            onDismissRequest = { open = false },
            confirmButton = {
                TextButton(onClick = {
                    state.selectedDateMillis?.let { onChange(pickerMillisToDay(it)) }
                    open = false
                }) { Text(words().actionOk) }
            },
            dismissButton = { TextButton(onClick = { open = false }) { Text(words().actionCancel) } },
        ) {
            DatePicker(state = state)
        }
    }
}

/** An optional clock time; tapping opens Material's time input, and it can be cleared. */
@Composable
fun TimeField(label: String, value: LocalTime?, onChange: (LocalTime?) -> Unit, modifier: Modifier = Modifier) {
    var open by remember { mutableStateOf(false) }
    OutlinedButton(onClick = { open = true }, modifier = modifier.heightIn(min = 48.dp)) {
        Text(phrase(AppPhrase.FieldValue(label, value?.display() ?: words().valueNone)))
    }
    if (open) {
        val now = value ?: LocalTime.now()
        val state = rememberTimePickerState(initialHour = now.hour, initialMinute = now.minute)
        AlertDialog(
            onDismissRequest = { open = false },
            title = { Text(label) },
            text = { TimeInput(state = state) },
            confirmButton = {
                TextButton(onClick = {
                    onChange(LocalTime.of(state.hour, state.minute))
                    open = false
                }) { Text(words().actionOk) }
            },
            dismissButton = {
                TextButton(onClick = {
                    onChange(null)
                    open = false
                }) { Text(words().actionClear) }
            },
        )
    }
}
