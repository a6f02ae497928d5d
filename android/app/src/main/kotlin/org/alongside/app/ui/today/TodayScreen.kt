@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.today

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.material3.TextButton
import org.alongside.app.ui.client.TextDialog
import org.alongside.core.FollowUpInput
import org.alongside.app.ui.common.teamWords
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Checkbox
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import java.time.LocalTime
import org.alongside.app.ui.Routes
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.LabelChips
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.LockAction
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.Tab
import org.alongside.app.ui.common.WorkerTabs
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.corner.TodayCornerSection
import org.alongside.app.ui.sync.SyncStatusRow
import org.alongside.core.ActivityStatus
import org.alongside.core.Duty
import org.alongside.core.TodayFollowUp
import org.alongside.core.TodayIncident
import org.alongside.core.TodayReferral
import org.alongside.core.TodayReview
import org.alongside.core.TodayView
import org.alongside.core.TeamRequestRow
import org.alongside.core.TodayVisit
import org.alongside.core.UnreadableRecord
import org.alongside.core.duties
import org.alongside.state.TodayState

/** The worker's day, as the core's [TodayView] lays it out: visits, follow-ups, reviews, incidents. */
@Composable
fun TodayScreen(nav: NavController) {
    val model = rememberHolder("today") { TodayState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    val dutyLabels: Map<Duty, String> = remember { duties().associate { it.duty to it.label } }
    LaunchedEffect(today) { model.call { load(today, LocalTime.now()) } }
    var editingFollowUp by remember { mutableStateOf<TodayFollowUp?>(null) }
    val view: TodayView? = screen.data

    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(view?.let { "${it.title} · ${it.day.display()}" } ?: words().tabToday) },
                actions = { LockAction() },
            )
        },
        bottomBar = { WorkerTabs(nav, Tab.TODAY) },
    ) { padding ->
        LazyColumn(contentPadding = padding) {
            item { ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() }, modifier = Modifier.padding(16.dp)) }
            if (view != null) {
                item { Text(view.summary, modifier = Modifier.padding(16.dp)) }
                item { SyncStatusRow(nav) }
                if (view.requests.isNotEmpty()) {
                    item { SectionTitle(teamWords().todayRequestsTitle, Modifier.padding(16.dp)) }
                    items(view.requests, key = { it.id }) { request: TeamRequestRow ->
                        ListRow(title = request.summary, lines = listOf(request.clientName.orEmpty(), request.statusLabel)) {
                            OutlinedButton(onClick = { model.call { requestDone(request.id) } }, enabled = !screen.busy) {
                                Text(words().actionMarkDone)
                            }
                        }
                    }
                }
                item { TodayCornerSection(view.corner) }
                item {
                    // The worker's own duty balance across the caseload, with the empowerment hint.
                    OutlinedButton(onClick = { nav.navigate(Routes.balance()) }, modifier = Modifier.padding(horizontal = 16.dp)) {
                        Text(words().dutyBalanceTitle)
                    }
                }
                if (view.visits.isNotEmpty()) {
                    item { SectionTitle(words().todayVisits, Modifier.padding(16.dp)) }
                    items(view.visits, key = { it.activityId }) { visit: TodayVisit ->
                        VisitRow(
                            visit = visit,
                            dutyLabels = dutyLabels,
                            onOpen = { nav.navigate(Routes.client(visit.clientId)) },
                            onStatus = { status -> model.call { setVisitStatus(visit.activityId, status) } },
                        )
                    }
                }
                val followUps = view.overdueFollowUps + view.dueFollowUps
                if (followUps.isNotEmpty()) {
                    item { SectionTitle(words().todayFollowUps, Modifier.padding(16.dp)) }
                    items(followUps, key = { it.followUpId }) { followUp: TodayFollowUp ->
                        FollowUpRow(
                            followUp,
                            onDone = { model.call { followUpDone(followUp.activityId, followUp.followUpId, today) } },
                            onEdit = { editingFollowUp = followUp },
                        )
                    }
                }
                if (view.reviewsDue.isNotEmpty()) {
                    item { SectionTitle(words().todayReviews, Modifier.padding(16.dp)) }
                    items(view.reviewsDue, key = { it.planId }) { review: TodayReview ->
                        ListRow(
                            title = review.clientName,
                            lines = listOf(review.dueLabel),
                            onClickLabel = words().actionOpenClient,
                            onClick = { nav.navigate(Routes.client(review.clientId)) },
                        )
                    }
                }
                if (view.openIncidents.isNotEmpty()) {
                    item { SectionTitle(words().todayIncidents, Modifier.padding(16.dp)) }
                    items(view.openIncidents, key = { it.incidentId }) { incident: TodayIncident ->
                        ListRow(
                            title = incident.clientName,
                            lines = listOf(incident.kindLabel, incident.statusLabel),
                            onClickLabel = words().actionOpenIncident,
                            onClick = { nav.navigate(Routes.incident(incidentId = incident.incidentId)) },
                        )
                    }
                }
                if (view.referralsToFollowUp.isNotEmpty()) {
                    item { SectionTitle(words().todayReferrals, Modifier.padding(16.dp)) }
                    items(view.referralsToFollowUp, key = { it.referralId }) { referral: TodayReferral ->
                        ListRow(
                            title = referral.clientName,
                            lines = listOf(referral.resourceName, referral.dueLabel),
                            onClickLabel = words().actionOpenClient,
                            onClick = { nav.navigate(Routes.client(referral.clientId)) },
                        )
                    }
                }
                // Records the day could not open, in the core's words, after everything that did.
                items(view.unreadable, key = { "unreadable-${it.id}" }) { record: UnreadableRecord ->
                    ListRow(title = record.kindLabel, lines = listOf(record.summary))
                }
            }
        }
    }
    editingFollowUp?.let { f ->
        TextDialog(
            title = words().actionEdit,
            label = words().fieldFollowUp,
            onDone = { what ->
                model.call({ updateFollowUp(f.activityId, f.followUpId, FollowUpInput(what, f.due)) }) { ok ->
                    if (ok) editingFollowUp = null
                }
            },
            onDismiss = { editingFollowUp = null },
        )
    }
}

@Composable
private fun VisitRow(
    visit: TodayVisit,
    dutyLabels: Map<Duty, String>,
    onOpen: () -> Unit,
    onStatus: (ActivityStatus) -> Unit,
) {
    ListRow(
        title = "${visit.timeLabel} · ${visit.clientName}",
        lines = listOf(visit.kindLabel, visit.statusLabel, visit.place.orEmpty(), visit.purpose.orEmpty()),
        onClickLabel = words().actionOpenClient,
        onClick = onOpen,
    ) {
        LabelChips(visit.duties.mapNotNull { dutyLabels[it] })
        if (visit.status is ActivityStatus.Scheduled) {
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(onClick = { onStatus(ActivityStatus.Done) }) { Text(words().actionMarkDone) }
                OutlinedButton(onClick = { onStatus(ActivityStatus.Missed) }) { Text(words().actionMarkMissed) }
            }
        }
    }
}

@Composable
private fun FollowUpRow(followUp: TodayFollowUp, onDone: () -> Unit, onEdit: () -> Unit) {
    // The whole row is one checkbox for TalkBack: "what, who, when, not checked".
    Row(
        modifier = Modifier
            .toggleable(value = false, role = Role.Checkbox, onValueChange = { onDone() })
            .padding(horizontal = 8.dp),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = false, onCheckedChange = null)
        ListRow(
            title = followUp.what,
            lines = listOfNotNull(
                followUp.clientName,
                followUp.dueLabel,
                if (followUp.daysOverdue > 0u) words().overdue else null,
            ),
            modifier = Modifier.weight(1f),
        )
        TextButton(onClick = onEdit) { Text(words().actionEdit) }
    }
}
