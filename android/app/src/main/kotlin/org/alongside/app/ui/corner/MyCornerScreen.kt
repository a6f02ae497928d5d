@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.corner

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
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
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.common.teamWords
import org.alongside.app.ui.common.words
import org.alongside.core.CornerScreen
import org.alongside.core.HeavyWeek
import org.alongside.core.SupervisionSession
import org.alongside.state.CertificationForm
import org.alongside.state.CornerSettingsForm
import org.alongside.state.CornerState
import org.alongside.state.DebriefForm
import org.alongside.state.SupervisionForm

/** Which of the corner's forms is open, with what has been typed so far. */
private sealed class OpenForm {
    data class Debrief(val form: DebriefForm) : OpenForm()
    data class Supervision(val form: SupervisionForm) : OpenForm()
    data class Certification(val form: CertificationForm) : OpenForm()
    data class Settings(val form: CornerSettingsForm) : OpenForm()
    /** "Ask for supervision", with the topics typed so far. */
    data class AskSupervision(val topics: String = "") : OpenForm()
    /** "Share this debrief with my supervisor", waiting for the worker to confirm what is shared. */
    data class ShareDebrief(val debriefId: String) : OpenForm()
}

/**
 * "My corner": the worker's own screen, over the core's [CornerScreen], in the worker's language.
 * Its forms are the Kotlin layer's (CornerForms.kt); a form closes once the core accepts it and
 * stays open with the core's sentence when it does not. Nothing here is a client's.
 */
@Composable
fun MyCornerScreen(nav: NavController) {
    val model = rememberHolder("corner") { CornerState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val sessions by model.holder.sessions.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    LaunchedEffect(today) { model.call { load(today, LocalTime.now()) } }
    val view = screen.data
    var open by remember { mutableStateOf<OpenForm?>(null) }
    var sent by remember { mutableStateOf(false) }
    val saved: (Boolean) -> Unit = { ok -> if (ok) open = null }
    val sentToTeam: (Boolean) -> Unit = { ok -> if (ok) { open = null; sent = true } }

    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(view?.words?.title ?: "") },
                actions = {
                    view?.let { v ->
                        TextButton(onClick = { open = OpenForm.Settings(model.holder.settingsForm()) }) {
                            Text(v.formWords.settings)
                        }
                    }
                    LockAction()
                },
            )
        },
        bottomBar = { WorkerTabs(nav, Tab.CORNER) },
    ) { padding ->
        Column(Modifier.padding(padding)) {
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() }, modifier = Modifier.padding(16.dp))
            if (sent) Text(teamWords().sentNextSync, modifier = Modifier.padding(horizontal = 16.dp))
            if (view != null) {
                CornerContent(
                    view = view,
                    sessions = sessions,
                    onNewDebrief = { open = OpenForm.Debrief(model.holder.newDebrief()) },
                    onEditDebrief = { id ->
                        view.recentDebriefs.firstOrNull { it.debrief.id == id }?.let {
                            open = OpenForm.Debrief(DebriefForm.of(it.debrief))
                        }
                    },
                    onDismissWeek = { model.call { dismissHeavyWeek() } },
                    onActionDone = { sessionId, actionId -> model.call { actionDone(sessionId, actionId, today) } },
                    onNewSession = { open = OpenForm.Supervision(model.holder.newSupervision()) },
                    onEditSession = { s -> open = OpenForm.Supervision(SupervisionForm.of(s)) },
                    onAskSupervision = { open = OpenForm.AskSupervision() },
                    onShareDebrief = { id -> open = OpenForm.ShareDebrief(id) },
                    onNewCertification = { open = OpenForm.Certification(CertificationForm()) },
                    onEditCertification = { id ->
                        view.certifications.firstOrNull { it.certification.id == id }?.let {
                            open = OpenForm.Certification(CertificationForm.of(it.certification))
                        }
                    },
                )
                when (val form = open) {
                    is OpenForm.Debrief -> DebriefDialog(
                        view, form.form,
                        onChange = { open = OpenForm.Debrief(it) },
                        onSave = { model.call({ saveDebrief(form.form) }, saved) },
                        onCancel = { open = null },
                    )
                    is OpenForm.Supervision -> SupervisionDialog(
                        view.formWords, view.words.save, form.form,
                        onChange = { open = OpenForm.Supervision(it) },
                        onSave = { model.call({ saveSupervision(form.form) }, saved) },
                        onCancel = { open = null },
                    )
                    is OpenForm.Certification -> CertificationDialog(
                        view.formWords, view.words.save, form.form,
                        onChange = { open = OpenForm.Certification(it) },
                        onSave = { model.call({ saveCertification(form.form) }, saved) },
                        onDelete = form.form.editing?.let { id -> { model.call({ deleteCertification(id) }, saved) } },
                        onCancel = { open = null },
                    )
                    is OpenForm.Settings -> SettingsDialog(
                        view.formWords, view.words.save, form.form,
                        onChange = { open = OpenForm.Settings(it) },
                        onSave = { model.call({ saveSettings(form.form) }, saved) },
                        onCancel = { open = null },
                    )
                    is OpenForm.AskSupervision -> AlertDialog(
                        onDismissRequest = { open = null },
                        title = { Text(teamWords().actionAskSupervision) },
                        text = {
                            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                                Text(teamWords().supervisionRequestExplainer)
                                TextArea(form.topics, { open = form.copy(topics = it) }, teamWords().fieldSupervisionTopics)
                            }
                        },
                        confirmButton = {
                            TextButton(onClick = { model.call({ askForSupervision(form.topics) }, sentToTeam) }, enabled = !screen.busy) {
                                Text(teamWords().actionAskSupervision)
                            }
                        },
                        dismissButton = { TextButton(onClick = { open = null }) { Text(words().actionCancel) } },
                    )
                    is OpenForm.ShareDebrief -> AlertDialog(
                        onDismissRequest = { open = null },
                        title = { Text(teamWords().actionShareDebrief) },
                        text = { Text(teamWords().shareDebriefExplainer) },
                        confirmButton = {
                            TextButton(onClick = { model.call({ shareDebrief(form.debriefId) }, sentToTeam) }, enabled = !screen.busy) {
                                Text(teamWords().actionShareDebrief)
                            }
                        },
                        dismissButton = { TextButton(onClick = { open = null }) { Text(words().actionCancel) } },
                    )
                    null -> {}
                }
            }
        }
    }
}

/** The corner as the core laid it out; stateless. */
@Composable
fun CornerContent(
    view: CornerScreen,
    sessions: List<SupervisionSession>,
    onNewDebrief: () -> Unit,
    onEditDebrief: (debriefId: String) -> Unit,
    onDismissWeek: () -> Unit,
    onActionDone: (sessionId: String, actionId: String) -> Unit,
    onNewSession: () -> Unit,
    onEditSession: (SupervisionSession) -> Unit,
    onAskSupervision: () -> Unit,
    onShareDebrief: (debriefId: String) -> Unit,
    onNewCertification: () -> Unit,
    onEditCertification: (certificationId: String) -> Unit,
) {
    val w = view.formWords
    LazyColumn {
        item { Text(view.words.privacy, modifier = Modifier.padding(16.dp)) }
        view.dutyLabel?.let { label -> item { Text(label, modifier = Modifier.padding(horizontal = 16.dp)) } }
        view.heavyWeek?.let { week -> item { HeavyWeekCard(week, onDismissWeek) } }
        item {
            Row(Modifier.padding(16.dp), verticalAlignment = Alignment.CenterVertically) {
                SectionTitle(view.words.debrief)
                TextButton(onClick = onNewDebrief) { Text(w.newDebrief) }
            }
        }
        items(view.recentDebriefs, key = { it.debrief.id }) { row ->
            ListRow(
                title = "${row.debrief.day.display()} · ${row.occasionLabel}",
                lines = listOfNotNull(row.scoreLabel, row.debrief.words, row.shareLabel),
                onClickLabel = w.editDebrief,
                onClick = { onEditDebrief(row.debrief.id) },
            ) {
                TextButton(onClick = { onShareDebrief(row.debrief.id) }) { Text(teamWords().actionShareDebrief) }
            }
        }
        item {
            Row(Modifier.padding(16.dp), verticalAlignment = Alignment.CenterVertically) {
                SectionTitle(view.words.supervision)
                TextButton(onClick = onNewSession) { Text(w.newSupervision) }
            }
        }
        item { Text(view.supervisionLabel, modifier = Modifier.padding(horizontal = 16.dp)) }
        items(view.openActions, key = { it.action.id }) { a ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                Checkbox(checked = false, onCheckedChange = { onActionDone(a.sessionId, a.action.id) })
                ListRow(title = a.action.what, lines = listOf(a.dueLabel))
            }
        }
        items(sessions, key = { it.id }) { s ->
            ListRow(
                title = "${s.day.display()} · ${s.withWhom}",
                lines = s.topics,
                onClickLabel = w.editSupervision,
                onClick = { onEditSession(s) },
            )
        }
        item {
            // Reaches the supervisors through the team's sync; outside a team the core says so.
            OutlinedButton(onClick = onAskSupervision, modifier = Modifier.padding(16.dp)) { Text(teamWords().actionAskSupervision) }
        }
        item {
            Row(Modifier.padding(16.dp), verticalAlignment = Alignment.CenterVertically) {
                SectionTitle(view.words.certifications)
                TextButton(onClick = onNewCertification) { Text(w.newCertification) }
            }
        }
        items(view.certifications, key = { it.certification.id }) { c ->
            ListRow(
                title = c.certification.name,
                lines = listOf(c.expiryLabel),
                onClickLabel = w.editCertification,
                onClick = { onEditCertification(c.certification.id) },
            )
        }
    }
}

/** The heavy-week signal with its reasons and suggestions; dismissed from the corner only. */
@Composable
internal fun HeavyWeekCard(week: HeavyWeek, onDismiss: (() -> Unit)?) {
    Card(modifier = Modifier.padding(16.dp)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(week.title)
            Text(week.intro)
            week.reasons.forEach { Text("• ${it.label}") }
            week.suggestions.forEach { s -> Text(listOfNotNull(s.label, s.contact).joinToString("  ")) }
            onDismiss?.let { OutlinedButton(onClick = it) { Text(week.dismissLabel) } }
        }
    }
}
