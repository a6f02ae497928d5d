@file:OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)

package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
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
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.Routes
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.LockAction
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.ClientEntry
import org.alongside.core.GoalCard
import org.alongside.core.Plan
import org.alongside.core.PlanScreen
import org.alongside.core.TimelineItem
import org.alongside.core.UnreadableRecord
import org.alongside.core.reviewDue
import org.alongside.core.TimelineKind
import org.alongside.state.ClientState
import org.alongside.state.SharedModeState

/**
 * A client: their plan (goals with the client's and the worker's ratings side by side, steps to
 * confirm, their own words from shared mode) and their timeline, newest first, a page at a time.
 * From here the worker logs a visit, writes a note, reports an incident or hands the phone over.
 */
@Composable
fun ClientScreen(nav: NavController, clientId: String) {
    val model = rememberHolder("client-$clientId") { ClientState(it, clientId) }
    val handover = rememberHolder("handover-$clientId") { SharedModeState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val handoverScreen by handover.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    LaunchedEffect(clientId) { model.call { load(today) } }
    var rating by remember { mutableStateOf<GoalCard?>(null) }
    var addingStepTo by remember { mutableStateOf<GoalCard?>(null) }
    var startingPlan by remember { mutableStateOf(false) }
    var confirmHandover by remember { mutableStateOf(false) }
    val data = screen.data
    val plan: PlanScreen? = data?.plan

    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(plan?.preferredName.orEmpty()) },
                navigationIcon = { BackAction(nav) },
                actions = { LockAction() },
            )
        },
    ) { padding ->
        LazyColumn(contentPadding = padding) {
            item {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
                    ErrorBanner(handoverScreen.error, onDismiss = { handover.holder.dismissError() })
                    plan?.pronouns?.let { Text(it) }
                    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        Button(onClick = { nav.navigate(Routes.visit(clientId)) }) { Text(stringResource(R.string.action_log_visit)) }
                        OutlinedButton(onClick = { nav.navigate(Routes.note(clientId)) }) { Text(stringResource(R.string.action_new_note)) }
                        OutlinedButton(onClick = { nav.navigate(Routes.incident(clientId = clientId)) }) {
                            Text(stringResource(R.string.action_report_incident))
                        }
                        OutlinedButton(onClick = { confirmHandover = true }) { Text(stringResource(R.string.action_hand_over)) }
                        OutlinedButton(onClick = { nav.navigate(Routes.owns(clientId)) }) { Text(stringResource(R.string.client_owns)) }
                        OutlinedButton(onClick = { nav.navigate(Routes.review(clientId)) }) { Text(stringResource(R.string.action_hold_review)) }
                        OutlinedButton(onClick = { nav.navigate(Routes.referrals(clientId)) }) { Text(stringResource(R.string.referrals_title)) }
                        OutlinedButton(onClick = { nav.navigate(Routes.assessment(clientId)) }) { Text(stringResource(R.string.assessments_title)) }
                        OutlinedButton(onClick = { nav.navigate(Routes.balance(clientId)) }) { Text(stringResource(R.string.duty_balance_title)) }
                    }
                }
            }
            if (plan != null) {
                item { PlanHeader(plan.plan, plan.reviewOverdue, onStart = { startingPlan = true }) }
                items(plan.goals, key = { it.goalId }) { card: GoalCard ->
                    GoalCardView(
                        card = card,
                        onRate = { rating = card },
                        onAddStep = { addingStepTo = card },
                        onConfirmStep = { step -> model.call { confirmStep(card.goalId, step.id) } },
                        modifier = Modifier.padding(horizontal = 16.dp, vertical = 8.dp),
                    )
                }
                if (plan.clientEntries.isNotEmpty()) {
                    item { SectionTitle(stringResource(R.string.client_own_words), Modifier.padding(16.dp)) }
                    items(plan.clientEntries, key = { it.id }) { entry: ClientEntry ->
                        ListRow(title = entry.text, lines = listOf(entry.on.display()))
                    }
                }
            }
            if (data != null) {
                item { SectionTitle(stringResource(R.string.client_timeline), Modifier.padding(16.dp)) }
                items(data.timeline, key = { "${it.kind}-${it.id}" }) { item: TimelineItem ->
                    TimelineRow(item, onOpen = {
                        when (item.kind) {
                            TimelineKind.NOTE -> nav.navigate(Routes.note(clientId, noteId = item.id))
                            TimelineKind.INCIDENT -> nav.navigate(Routes.incident(clientId = clientId, incidentId = item.id))
                            else -> Unit
                        }
                    })
                }
                items(data.unreadable, key = { "unreadable-${it.id}" }) { record: UnreadableRecord ->
                    ListRow(title = record.kindLabel, lines = listOf(record.summary))
                }
                if (!data.timelineComplete) {
                    item {
                        TextButton(
                            onClick = { model.call { loadMoreTimeline() } },
                            modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
                        ) { Text(stringResource(R.string.action_load_more)) }
                    }
                }
            }
        }
    }

    rating?.let { card ->
        RateDialog(
            title = stringResource(R.string.rate_as_worker_title, card.clientWords),
            onRate = { score, words -> model.call({ rateGoal(card.goalId, today, score, words) }) { ok -> if (ok) rating = null } },
            onDismiss = { rating = null },
        )
    }
    addingStepTo?.let { card ->
        TextDialog(
            title = stringResource(R.string.action_add_step),
            label = stringResource(R.string.field_step),
            onDone = { text -> model.call({ addStep(card.goalId, text) }) { ok -> if (ok) addingStepTo = null } },
            onDismiss = { addingStepTo = null },
        )
    }
    if (startingPlan) {
        StartPlanDialog(
            today = today,
            onStart = { reviewDue -> model.call({ createPlan(today, reviewDue) }) { ok -> if (ok) startingPlan = false } },
            onDismiss = { startingPlan = false },
        )
    }
    if (confirmHandover) {
        AlertDialog(
            onDismissRequest = { confirmHandover = false },
            title = { Text(stringResource(R.string.handover_title)) },
            text = { Text(stringResource(R.string.handover_explainer)) },
            confirmButton = {
                TextButton(onClick = {
                    confirmHandover = false
                    handover.call { open(clientId, today) }
                }) { Text(stringResource(R.string.action_hand_over)) }
            },
            dismissButton = { TextButton(onClick = { confirmHandover = false }) { Text(stringResource(R.string.action_cancel)) } },
        )
    }
}

@Composable
private fun PlanHeader(plan: Plan?, reviewOverdue: Boolean, onStart: () -> Unit) {
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        SectionTitle(stringResource(R.string.client_plan))
        if (plan == null) {
            Text(stringResource(R.string.plan_none))
            Button(onClick = onStart) { Text(stringResource(R.string.action_start_plan)) }
        } else {
            Text(stringResource(R.string.plan_version, plan.version.toInt(), plan.started.display()))
            Text(
                stringResource(R.string.plan_review_due, plan.reviewDue.display()),
                color = if (reviewOverdue) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
            )
            if (reviewOverdue) Text(stringResource(R.string.plan_review_overdue), color = MaterialTheme.colorScheme.error)
        }
    }
}

@Composable
private fun TimelineRow(item: TimelineItem, onOpen: () -> Unit) {
    val opens = item.kind == TimelineKind.NOTE || item.kind == TimelineKind.INCIDENT
    ListRow(
        title = item.title,
        lines = listOfNotNull(listOfNotNull(item.day.display(), item.time?.display()).joinToString(" "), item.detail),
        onClickLabel = if (opens) stringResource(R.string.action_open) else null,
        onClick = if (opens) onOpen else null,
    )
}

@Composable
private fun StartPlanDialog(today: LocalDate, onStart: (LocalDate) -> Unit, onDismiss: () -> Unit) {
    var reviewDue by remember { mutableStateOf(reviewDue(today)) }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(stringResource(R.string.action_start_plan)) },
        text = { DateField(stringResource(R.string.field_review_due), reviewDue, onChange = { reviewDue = it }) },
        confirmButton = { TextButton(onClick = { onStart(reviewDue) }) { Text(stringResource(R.string.action_start_plan)) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(stringResource(R.string.action_cancel)) } },
    )
}
