package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.core.Choice
import org.alongside.state.labelOf
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableFloatStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.unit.dp
import kotlin.math.roundToInt
import org.alongside.app.R

/**
 * A rating on the neutral 1-to-10 scale, with optional words. The slider only offers whole steps
 * from 1 to 10; the core checks the score. [scale] is the core's `ratingScale` (each score's band in
 * words, in the reader's language). Used by the worker here and by the client in shared mode.
 */
@Composable
fun RateDialog(title: String, scale: List<Choice>, onRate: (score: Int, words: String?) -> Unit, onDismiss: () -> Unit) {
    var score by remember { mutableFloatStateOf(5f) }
    var note by remember { mutableStateOf("") }
    val value = score.roundToInt()
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(title) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(phrase(AppPhrase.RatingScore(value.toUInt())))
                scale.labelOf(value.toString())?.let { Text(it) }
                Slider(
                    value = score,
                    onValueChange = { score = it },
                    valueRange = 1f..10f,
                    steps = 8,
                    modifier = Modifier.semantics { stateDescription = value.toString() },
                )
                OutlinedTextField(
                    value = note,
                    onValueChange = { note = it },
                    label = { Text(words().fieldRatingWords) },
                    minLines = 2,
                )
            }
        },
        confirmButton = {
            TextButton(onClick = { onRate(value, note.ifBlank { null }) }) { Text(words().actionSave) }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}

/** One line of text (a step, a reason). */
@Composable
fun TextDialog(title: String, label: String, onDone: (String) -> Unit, onDismiss: () -> Unit) {
    var text by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(title) },
        text = { OutlinedTextField(value = text, onValueChange = { text = it }, label = { Text(label) }) },
        confirmButton = { TextButton(onClick = { onDone(text) }) { Text(words().actionSave) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
