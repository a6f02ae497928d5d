@file:OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)

package org.alongside.app.ui.visit

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import java.util.Locale
import org.alongside.app.R
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.TextArea
import org.alongside.app.ui.common.TimeField
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.common.supporting
import org.alongside.core.ActivityKindInfo
import org.alongside.core.DutyInfo
import org.alongside.core.GoalCard
import org.alongside.core.ActivityKind
import org.alongside.core.Choice
import org.alongside.core.Scheduling
import org.alongside.state.toEnum
import org.alongside.state.LogVisitState

/**
 * Log a visit: what kind, when, where, the lesson in mind (purpose), the duties it carried and
 * the goals it worked on, and follow-ups. As the purpose is typed the core suggests duties and
 * says which words made it think so; the worker chooses. Whether the form is complete is the
 * core's call, and its error names the field.
 */
@Composable
fun LogVisitScreen(nav: NavController, clientId: String) {
    val language = remember { Locale.getDefault().toLanguageTag() }
    val model = rememberHolder("visit-$clientId") { LogVisitState(it, clientId, language) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    LaunchedEffect(clientId) { if (model.holder.screen.data == null) model.call { start(today, today) } }
    val form = screen.data
    // The text boxes keep their own state (typing must not wait for the core's thread).
    var purpose by remember { mutableStateOf("") }
    var place by remember { mutableStateOf("") }
    var minutes by remember { mutableStateOf("") }
    val error = screen.error

    Scaffold(
        topBar = {
            TopAppBar(title = { Text(words().logVisitTitle) }, navigationIcon = { BackAction(nav) })
        },
    ) { padding ->
        if (form == null) {
            ErrorBanner(error, onDismiss = { model.holder.dismissError() }, modifier = Modifier.padding(padding))
            return@Scaffold
        }
        Column(
            modifier = Modifier
                .fillMaxSize()
                .padding(padding)
                .imePadding()
                .verticalScroll(rememberScrollState())
                .padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            ErrorBanner(error, onDismiss = { model.holder.dismissError() })

            SectionTitle(words().visitKind)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                form.kindChoices.forEach { choice: Choice ->
                    val kind: ActivityKind = choice.toEnum()
                    FilterChip(
                        selected = form.kind == kind,
                        onClick = { model.call { update { f -> f.copy(kind = kind) } } },
                        label = { Text(choice.label) },
                    )
                }
            }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                form.schedulingChoices.forEach { choice: Choice ->
                    val scheduling: Scheduling = choice.toEnum()
                    FilterChip(
                        selected = form.scheduling == scheduling,
                        onClick = { model.call { update { f -> f.copy(scheduling = scheduling) } } },
                        label = { Text(choice.label) },
                    )
                }
            }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                DateField(words().fieldDay, form.day, onChange = { d -> model.call { update { f -> f.copy(day = d) } } })
                TimeField(words().fieldTime, form.time, onChange = { t -> model.call { update { f -> f.copy(time = t) } } })
            }
            OutlinedTextField(
                value = minutes,
                onValueChange = { text ->
                    minutes = text.filter { it.isDigit() }
                    val value = minutes.toIntOrNull()
                    model.call { update { f -> f.copy(durationMinutes = value) } }
                },
                label = { Text(words().fieldMinutes) },
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
                isError = error.forField("duration_minutes") != null,
                supportingText = supporting(error.forField("duration_minutes")),
                modifier = Modifier.fillMaxWidth(),
            )
            OutlinedTextField(
                value = place,
                onValueChange = { text ->
                    place = text
                    model.call { update { f -> f.copy(place = text) } }
                },
                label = { Text(words().fieldPlace) },
                isError = error.forField("place") != null,
                supportingText = supporting(error.forField("place")),
                modifier = Modifier.fillMaxWidth(),
            )
            val needsPurpose = form.kinds.firstOrNull { it.kind == form.kind }?.needsPurpose == true
            TextArea(
                value = purpose,
                onValueChange = { text ->
                    purpose = text
                    model.call { setPurpose(text) }
                },
                label = if (needsPurpose) words().fieldPurposeNeeded else words().fieldPurpose,
                error = error.forField("purpose"),
            )
            DutySuggestions(
                purpose = purpose,
                suggestions = form.suggestions,
                chosen = form.duties,
                onToggle = { duty -> model.call { toggleDuty(duty) } },
            )

            SectionTitle(words().visitDuties)
            error.forField("duties")?.let { Text(it) }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                form.dutyChoices.forEach { info: DutyInfo ->
                    FilterChip(
                        selected = info.duty in form.duties,
                        onClick = { model.call { toggleDuty(info.duty) } },
                        label = { Text(info.label) },
                    )
                }
            }

            if (form.goals.isNotEmpty()) {
                SectionTitle(words().visitGoals)
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    form.goals.forEach { goal: GoalCard ->
                        FilterChip(
                            selected = goal.goalId in form.goalIds,
                            onClick = { model.call { toggleGoal(goal.goalId) } },
                            label = { Text(goal.clientWords) },
                        )
                    }
                }
            }

            FollowUps(
                followUps = form.followUps,
                activityDay = form.day,
                // A follow-up the core refused names itself: `follow_ups[1].due`, `what` when editing.
                error = error.forFieldStartingWith("follow_ups[") ?: error.forField("what") ?: error.forField("due"),
                onAdd = { what, due -> model.call { addFollowUp(what, due) } },
                onRemove = { index -> model.call { removeFollowUp(index) } },
            )

            Button(
                onClick = { model.call({ submit() }) { done -> if (done) nav.popBackStack() } },
                enabled = !screen.busy,
                modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
            ) { Text(if (form.saved == null) words().actionSaveVisit else words().actionSaveChanges) }
        }
    }
}

