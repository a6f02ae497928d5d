@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.team

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.text.KeyboardOptions
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
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.ChipRow
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.TextArea
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.common.teamWords
import org.alongside.app.ui.common.words
import org.alongside.core.Choice
import org.alongside.core.WorkerBriefing
import org.alongside.state.BriefingState

/**
 * The supervisor's morning briefing (admins only): per worker the day's visits, open incidents and
 * what waits on whom, overdue follow-ups, reviews due, unsigned notes, the duty balance with the
 * dependence signal; then supervision requests, shared debriefs and what was asked. Every line is
 * the core's; the section titles are the chrome's. Another day from the day field; "Ask this
 * worker" from a worker's row, about one of their clients or none; the unsigned-notes threshold
 * at the end.
 */
@Composable
fun TeamBriefingScreen(nav: NavController) {
    val model = rememberHolder("briefing") { BriefingState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { model.call { load(LocalDate.now()) } }
    val briefing = screen.data
    var asking by remember { mutableStateOf<BriefingState.AskForm?>(null) }

    Scaffold(
        topBar = { TopAppBar(title = { Text(briefing?.title ?: teamWords().tabBriefing) }, navigationIcon = { BackAction(nav) }) },
    ) { padding ->
        LazyColumn(contentPadding = padding) {
            item {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
                    briefing?.let { b ->
                        DateField(words().fieldDay, b.day, { day -> model.call { load(day) } })
                        Text(b.summary)
                    }
                }
            }
            items(briefing?.workers.orEmpty(), key = { it.memberId }) { worker ->
                WorkerSection(worker, busy = screen.busy) { asking = model.holder.newAsk(worker.memberId) }
            }
            briefing?.let { b ->
                if (b.supervisionRequests.isNotEmpty()) {
                    item { SectionTitle(teamWords().briefingSupervision, Modifier.padding(16.dp)) }
                    items(b.supervisionRequests, key = { it.id }) { ListRow(title = it.summary, lines = emptyList()) }
                }
                if (b.sharedDebriefs.isNotEmpty()) {
                    item { SectionTitle(teamWords().briefingDebriefs, Modifier.padding(16.dp)) }
                    items(b.sharedDebriefs, key = { it.id }) { d ->
                        ListRow(title = d.summary, lines = listOfNotNull(d.words, d.whatHelped, d.forMyself))
                    }
                }
                if (b.requests.isNotEmpty()) {
                    item { SectionTitle(teamWords().briefingRequests, Modifier.padding(16.dp)) }
                    items(b.requests, key = { it.id }) { q -> ListRow(title = q.summary, lines = listOf(q.statusLabel)) }
                }
                item {
                    UnsignedDaysForm(b.unsignedNoteDays, busy = screen.busy) { days -> model.call { setUnsignedNoteDays(days) } }
                }
            }
        }
    }

    asking?.let { form ->
        AlertDialog(
            onDismissRequest = { asking = null },
            title = { Text(teamWords().actionAsk) },
            text = {
                Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    TextArea(form.text, { asking = form.copy(text = it) }, teamWords().fieldAskText, error = screen.error.forField("text"))
                    val clients = briefing?.workers?.firstOrNull { it.memberId == form.memberId }?.clients.orEmpty()
                    ChipRow(
                        teamWords().fieldAskClient,
                        listOf<Choice?>(null) + clients,
                        { it?.label ?: teamWords().askNoClient },
                        { form.clientId == it?.value },
                    ) { asking = form.copy(clientId = it?.value) }
                    DateField(teamWords().fieldAskDue, form.due ?: LocalDate.now(), { asking = form.copy(due = it) })
                }
            },
            confirmButton = {
                TextButton(
                    onClick = { model.call({ ask(form) }) { ok -> if (ok) asking = null } },
                    enabled = form.ready && !screen.busy,
                ) { Text(words().actionSave) }
            },
            dismissButton = { TextButton(onClick = { asking = null }) { Text(words().actionCancel) } },
        )
    }
}

/** One worker's part of the briefing, each list under the chrome's title when it has rows. */
@Composable
private fun WorkerSection(worker: WorkerBriefing, busy: Boolean, onAsk: () -> Unit) {
    Column(Modifier.padding(vertical = 8.dp)) {
        ListRow(title = worker.name, lines = listOf(worker.roleLabel, worker.summary)) {
            OutlinedButton(onClick = onAsk, enabled = !busy) { Text(teamWords().actionAsk) }
        }
        Group(teamWords().briefingVisits, worker.visits.map { "${it.timeLabel} ${it.clientName} · ${it.kindLabel} · ${it.statusLabel}" })
        Group(teamWords().briefingIncidents, worker.openIncidents.map { "${it.incident.clientName} · ${it.incident.kindLabel} · ${it.waitingLabel}" })
        Group(teamWords().briefingFollowUps, worker.overdueFollowUps.map { "${it.clientName} · ${it.what} · ${it.dueLabel}" })
        Group(teamWords().briefingReviews, worker.reviewsDue.map { "${it.clientName} · ${it.dueLabel}" })
        Group(teamWords().briefingUnsigned, worker.unsignedNotes.map { "${it.clientName} · ${it.label}" })
        Group(
            teamWords().briefingBalance,
            listOf(worker.dutyBalance.summary) + worker.dependence.map { "${it.clientName} · ${it.label}" },
        )
    }
}

/** The threshold past which unsigned notes show, in days (the core checks 1 to 92). */
@Composable
private fun UnsignedDaysForm(current: UInt, busy: Boolean, onSet: (UInt) -> Unit) {
    var days by remember(current) { mutableStateOf(current.toString()) }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedTextField(
            days, { days = it.filter(Char::isDigit).take(3) },
            label = { Text(teamWords().fieldUnsignedDays) },
            singleLine = true,
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        )
        val value = days.toUIntOrNull()
        Button(onClick = { value?.let(onSet) }, enabled = value != null && value != current && !busy) { Text(words().actionSave) }
    }
}

@Composable
private fun Group(title: String, lines: List<String>) {
    if (lines.all { it.isBlank() }) return
    Column(Modifier.padding(horizontal = 16.dp, vertical = 4.dp)) {
        Text(title, style = MaterialTheme.typography.labelLarge)
        lines.forEach { Text(it, style = MaterialTheme.typography.bodyMedium) }
    }
}
