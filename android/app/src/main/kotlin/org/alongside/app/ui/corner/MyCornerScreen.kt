@file:OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)

package org.alongside.app.ui.corner

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import java.time.LocalTime
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.LockAction
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.Tab
import org.alongside.app.ui.common.TextArea
import org.alongside.app.ui.common.WorkerTabs
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.CornerScreen
import org.alongside.core.DebriefInput
import org.alongside.core.DebriefOccasion
import org.alongside.core.HeavyWeek
import org.alongside.core.Lang
import org.alongside.state.CornerState

/** "My corner": the worker's own screen, over the core's [CornerScreen]. Nothing here is a client's. */
@Composable
fun MyCornerScreen(nav: NavController) {
    val model = rememberHolder("corner") { CornerState(it, Lang.EN) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    LaunchedEffect(today) { model.call { load(today, LocalTime.now()) } }
    val view = screen.data

    Scaffold(
        topBar = { TopAppBar(title = { Text(view?.words?.title ?: "") }, actions = { LockAction() }) },
        bottomBar = { WorkerTabs(nav, Tab.CORNER) },
    ) { padding ->
        Column(Modifier.padding(padding)) {
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() }, modifier = Modifier.padding(16.dp))
            if (view != null) {
                CornerContent(
                    view = view,
                    onDebrief = { input -> model.call { addDebrief(input) } },
                    onDismissWeek = { model.call { dismissHeavyWeek() } },
                    onActionDone = { sessionId, actionId -> model.call { actionDone(sessionId, actionId, today) } },
                )
            }
        }
    }
}

/** The corner as the core laid it out; stateless apart from the debrief form's fields. */
@Composable
fun CornerContent(
    view: CornerScreen,
    onDebrief: (DebriefInput) -> Unit,
    onDismissWeek: () -> Unit,
    onActionDone: (sessionId: String, actionId: String) -> Unit,
) {
    LazyColumn {
        item { Text(view.words.privacy, modifier = Modifier.padding(16.dp)) }
        view.dutyLabel?.let { label -> item { Text(label, modifier = Modifier.padding(horizontal = 16.dp)) } }
        view.heavyWeek?.let { week -> item { HeavyWeekCard(week, onDismissWeek) } }
        item { DebriefForm(view, onDebrief) }
        items(view.recentDebriefs, key = { it.debrief.id }) { row ->
            ListRow(
                title = "${row.debrief.day} · ${row.occasionLabel}",
                lines = listOfNotNull(row.scoreLabel, row.debrief.words, row.shareLabel),
            )
        }
        item { SectionTitle(view.words.supervision, Modifier.padding(16.dp)) }
        item { Text(view.supervisionLabel, modifier = Modifier.padding(horizontal = 16.dp)) }
        items(view.openActions, key = { it.action.id }) { a ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                Checkbox(checked = false, onCheckedChange = { onActionDone(a.sessionId, a.action.id) })
                ListRow(title = a.action.what, lines = listOf(a.dueLabel))
            }
        }
        item { Text(view.words.supervisionRequestNote, modifier = Modifier.padding(16.dp)) }
        if (view.certifications.isNotEmpty()) {
            item { SectionTitle(view.words.certifications, Modifier.padding(16.dp)) }
            items(view.certifications, key = { it.certification.id }) { c ->
                ListRow(title = c.certification.name, lines = listOf(c.expiryLabel))
            }
        }
    }
}

@Composable
private fun HeavyWeekCard(week: HeavyWeek, onDismiss: () -> Unit) {
    Card(modifier = Modifier.padding(16.dp)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(week.title)
            Text(week.intro)
            week.reasons.forEach { Text("• ${it.label}") }
            week.suggestions.forEach { s -> Text(listOfNotNull(s.label, s.contact).joinToString("  ")) }
            OutlinedButton(onClick = onDismiss) { Text(week.dismissLabel) }
        }
    }
}

@Composable
private fun DebriefForm(view: CornerScreen, onSave: (DebriefInput) -> Unit) {
    var score by rememberSaveable { mutableStateOf<Int?>(null) }
    var occasion by rememberSaveable { mutableStateOf(DebriefOccasion.END_OF_DAY) }
    var words by rememberSaveable { mutableStateOf("") }
    var helped by rememberSaveable { mutableStateOf("") }
    var forMyself by rememberSaveable { mutableStateOf("") }
    var share by rememberSaveable { mutableStateOf(false) }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionTitle(view.words.debrief)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            view.occasions.forEach { choice ->
                val value = DebriefOccasion.entries.first { it.name.lowercase() == choice.value }
                FilterChip(selected = occasion == value, onClick = { occasion = value }, label = { Text(choice.label) })
            }
        }
        Text(view.words.debriefQuestion)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            view.scoreScale.forEach { choice ->
                val n = choice.value.toInt()
                FilterChip(selected = score == n, onClick = { score = n }, label = { Text(choice.label) })
            }
        }
        TextArea(words, { words = it }, view.words.debriefWords)
        TextArea(helped, { helped = it }, view.words.whatHelped)
        TextArea(forMyself, { forMyself = it }, view.words.forMyself)
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = share, onCheckedChange = { share = it })
            Text(view.words.shareWithSupervisor)
        }
        Text(view.words.shareNote)
        Button(
            enabled = score != null,
            onClick = {
                val s = score ?: return@Button
                onSave(
                    DebriefInput(
                        view.day, occasion, s.toUByte(), words.ifBlank { null }, helped.ifBlank { null },
                        forMyself.ifBlank { null }, null, share,
                    ),
                )
                score = null; words = ""; helped = ""; forMyself = ""; share = false
            },
        ) { Text(view.words.save) }
    }
}
