@file:OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)

package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
import org.alongside.core.Step
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.LocalLang
import org.alongside.core.ratingScale
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
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
    var editingStep by remember { mutableStateOf<Pair<GoalCard, Step>?>(null) }
    var goalForm by remember { mutableStateOf<GoalFormTarget?>(null) }
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
                        Button(onClick = { nav.navigate(Routes.visit(clientId)) }) { Text(words().actionLogVisit) }
                        OutlinedButton(onClick = { nav.navigate(Routes.note(clientId)) }) { Text(words().actionNewNote) }
                        OutlinedButton(onClick = { nav.navigate(Routes.incident(clientId = clientId)) }) {
                            Text(words().actionReportIncident)
                        }
                        OutlinedButton(onClick = { confirmHandover = true }) { Text(words().actionHandOver) }
                        OutlinedButton(onClick = { nav.navigate(Routes.owns(clientId)) }) { Text(words().clientOwns) }
                        OutlinedButton(onClick = { nav.navigate(Routes.review(clientId)) }) { Text(words().actionHoldReview) }
                        OutlinedButton(onClick = { nav.navigate(Routes.referrals(clientId)) }) { Text(words().referralsTitle) }
                        OutlinedButton(onClick = { nav.navigate(Routes.assessment(clientId)) }) { Text(words().assessmentsTitle) }
                        OutlinedButton(onClick = { nav.navigate(Routes.balance(clientId)) }) { Text(words().dutyBalanceTitle) }
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
                        onEditStep = { step -> editingStep = card to step },
                        onEdit = { goalForm = GoalFormTarget(card) },
                        modifier = Modifier.padding(horizontal = 16.dp, vertical = 8.dp),
                    )
                }
                if (plan.plan != null) {
                    item {
                        OutlinedButton(onClick = { goalForm = GoalFormTarget(null) }, modifier = Modifier.padding(16.dp)) {
                            Text(words().actionAddGoal)
                        }
                    }
                }
                if (plan.clientEntries.isNotEmpty()) {
                    item { SectionTitle(words().clientOwnWords, Modifier.padding(16.dp)) }
                    items(plan.clientEntries, key = { it.id }) { entry: ClientEntry ->
                        ListRow(title = entry.text, lines = listOf(entry.on.display()))
                    }
                }
            }
            if (data != null) {
                item { SectionTitle(words().clientTimeline, Modifier.padding(16.dp)) }
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
                        ) { Text(words().actionLoadMore) }
                    }
                }
            }
        }
    }

    rating?.let { card ->
        RateDialog(
            title = phrase(AppPhrase.RateAsWorkerTitle(card.clientWords)),
            scale = ratingScale(LocalLang.current),
            onRate = { score, words -> model.call({ rateGoal(card.goalId, today, score, words) }) { ok -> if (ok) rating = null } },
            onDismiss = { rating = null },
        )
    }
    editingStep?.let { (card, step) ->
        TextDialog(
            title = words().actionEdit,
            label = words().fieldStep,
            onDone = { text -> model.call({ editStep(card.goalId, step.id, text) }) { ok -> if (ok) editingStep = null } },
            onDismiss = { editingStep = null },
        )
    }
    goalForm?.let { target ->
        val planId = plan?.plan?.id
        GoalDialog(
            areas = data?.areaChoices.orEmpty(),
            editing = target.card,
            error = screen.error.forField("client_words"),
            onSave = { input ->
                val editing = target.card
                model.call({
                    when {
                        editing != null -> updateGoal(editing.goalId, input)
                        planId != null -> addGoal(planId, input)
                        else -> false
                    }
                }) { ok -> if (ok) goalForm = null }
            },
            onDismiss = { goalForm = null },
        )
    }
    addingStepTo?.let { card ->
        TextDialog(
            title = words().actionAddStep,
            label = words().fieldStep,
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
            title = { Text(words().handoverTitle) },
            text = { Text(words().handoverExplainer) },
            confirmButton = {
                TextButton(onClick = {
                    confirmHandover = false
                    handover.call { open(clientId, today) }
                }) { Text(words().actionHandOver) }
            },
            dismissButton = { TextButton(onClick = { confirmHandover = false }) { Text(words().actionCancel) } },
        )
    }
}

@Composable
private fun PlanHeader(plan: Plan?, reviewOverdue: Boolean, onStart: () -> Unit) {
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        SectionTitle(words().clientPlan)
        if (plan == null) {
            Text(words().planNone)
            Button(onClick = onStart) { Text(words().actionStartPlan) }
        } else {
            Text(phrase(AppPhrase.PlanVersion(plan.version.toUInt(), plan.started.display())))
            Text(
                phrase(AppPhrase.PlanReviewDue(plan.reviewDue.display())),
                color = if (reviewOverdue) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface,
            )
            if (reviewOverdue) Text(words().planReviewOverdue, color = MaterialTheme.colorScheme.error)
        }
    }
}

@Composable
private fun TimelineRow(item: TimelineItem, onOpen: () -> Unit) {
    val opens = item.kind == TimelineKind.NOTE || item.kind == TimelineKind.INCIDENT
    ListRow(
        title = item.title,
        lines = listOfNotNull(listOfNotNull(item.day.display(), item.time?.display()).joinToString(" "), item.detail),
        onClickLabel = if (opens) words().actionOpen else null,
        onClick = if (opens) onOpen else null,
    )
}

@Composable
private fun StartPlanDialog(today: LocalDate, onStart: (LocalDate) -> Unit, onDismiss: () -> Unit) {
    var reviewDue by remember { mutableStateOf(reviewDue(today)) }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(words().actionStartPlan) },
        text = { DateField(words().fieldReviewDue, reviewDue, onChange = { reviewDue = it }) },
        confirmButton = { TextButton(onClick = { onStart(reviewDue) }) { Text(words().actionStartPlan) } },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}

/** The goal form's subject: a new goal (null) or the one being corrected. */
private data class GoalFormTarget(val card: GoalCard?)
