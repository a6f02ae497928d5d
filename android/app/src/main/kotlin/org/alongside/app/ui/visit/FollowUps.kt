package org.alongside.app.ui.visit

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.supporting
import org.alongside.core.FollowUpInput
import org.alongside.core.followUpDue

/** Follow-ups still to save with the visit: what, and by when (the core's default day first). */
@Composable
fun FollowUps(
    followUps: List<FollowUpInput>,
    activityDay: LocalDate,
    error: String?,
    onAdd: (String, LocalDate) -> Unit,
    onRemove: (Int) -> Unit,
) {
    var what by remember { mutableStateOf("") }
    var due by remember(activityDay) { mutableStateOf(followUpDue(activityDay)) }
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(words().visitFollowUps)
        followUps.forEachIndexed { index, followUp: FollowUpInput ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(
                    phrase(AppPhrase.FollowUpLine(followUp.what, followUp.due.display())),
                    modifier = Modifier.weight(1f),
                )
                IconButton(onClick = { onRemove(index) }) {
                    Icon(Icons.Filled.Delete, contentDescription = phrase(AppPhrase.RemoveFollowUp(followUp.what)))
                }
            }
        }
        OutlinedTextField(
            value = what,
            onValueChange = { what = it },
            label = { Text(words().fieldFollowUp) },
            isError = error != null,
            supportingText = supporting(error),
            modifier = Modifier.fillMaxWidth(),
        )
        DateField(words().fieldDue, due, onChange = { due = it })
        OutlinedButton(
            onClick = {
                onAdd(what, due)
                what = ""
            },
            enabled = what.isNotBlank(),
        ) { Text(words().actionAddFollowUp) }
    }
}
