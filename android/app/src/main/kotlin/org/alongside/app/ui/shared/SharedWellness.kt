package org.alongside.app.ui.shared

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
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
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.client.GoalProgressChart
import org.alongside.app.ui.client.WellnessPlanView
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.WellnessSectionView
import org.alongside.state.ProgressState
import org.alongside.state.SharedWellnessState

/**
 * In shared mode, below the client's goals: their progress as a picture and their wellness and
 * crisis plan, each section written in their own words (blank empties it).
 */
@Composable
fun SharedWellness(today: LocalDate, modifier: Modifier = Modifier) {
    val wellness = rememberHolder("shared-wellness") { SharedWellnessState(it) }
    val progress = rememberHolder("shared-progress") { ProgressState(it, null) }
    val plan by wellness.holder.state.collectAsStateWithLifecycle()
    val chart by progress.holder.state.collectAsStateWithLifecycle()
    var editing by remember { mutableStateOf<WellnessSectionView?>(null) }
    LaunchedEffect(Unit) {
        wellness.call { load() }
        progress.call { load() }
    }
    Column(modifier, verticalArrangement = Arrangement.spacedBy(12.dp)) {
        ErrorBanner(plan.error, onDismiss = { wellness.holder.dismissError() })
        chart.data?.let { c -> c.goals.forEach { goal -> GoalProgressChart(c, goal) } }
        plan.data?.let { view -> WellnessPlanView(view, onEdit = { editing = it }) }
    }
    editing?.let { section ->
        var text by remember(section.section) { mutableStateOf(section.text.orEmpty()) }
        AlertDialog(
            onDismissRequest = { editing = null },
            title = { Text(section.heading) },
            text = { OutlinedTextField(value = text, onValueChange = { text = it }, minLines = 3) },
            confirmButton = {
                TextButton(onClick = {
                    wellness.call({ write(section.section, text, today) }) { ok -> if (ok) editing = null }
                }) { Text(words().actionSave) }
            },
            dismissButton = { TextButton(onClick = { editing = null }) { Text(words().actionCancel) } },
        )
    }
}
