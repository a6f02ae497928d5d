package org.alongside.app.ui.assessment

import androidx.compose.foundation.layout.Arrangement
import org.alongside.core.Choice
import org.alongside.core.AssessmentInput
import java.time.Instant
import androidx.compose.ui.tooling.preview.Preview
import org.alongside.app.ui.common.RecordHistory
import org.alongside.core.Assessment
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material3.FilterChip
import org.alongside.state.toEnum
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
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
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.LockAction
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.common.supporting
import org.alongside.core.AreaAssessment
import org.alongside.core.LifeArea
import org.alongside.core.Risk
import org.alongside.core.RiskLevel
import org.alongside.state.AssessmentState
import org.alongside.state.UiError

/** A client's assessments, and a new one: one life area at a time, with strengths and risks. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun AssessmentScreen(nav: NavController, clientId: String) {
    val model = rememberHolder("assessment-$clientId") { AssessmentState(it, clientId) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    LaunchedEffect(clientId) { model.call { load() } }
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(words().assessmentsTitle) },
                navigationIcon = { BackAction(nav) },
                actions = { LockAction() },
            )
        },
    ) { padding ->
        Column(Modifier.padding(padding)) {
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
            screen.data?.let { data ->
                AssessmentContent(
                    data = data,
                    error = screen.error,
                    onStart = { model.call { start(today) } },
                    onArea = { area -> model.call { setArea(area) } },
                    onRisk = { area, risk -> model.call { addRisk(area, risk) } },
                    onSubmit = { model.call { submit() } },
                    onEdit = { a -> model.call { startEditing(a) } },
                )
            }
        }
    }
}

/**
 * Stateless over [AssessmentState.Assessments]: past assessments (newest first, as the core lists
 * them) and the form being written. Life areas and risk levels are offered as the core words them
 * (`lifeAreaChoices`, `riskLevelChoices`).
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun AssessmentContent(
    data: AssessmentState.Assessments,
    error: UiError?,
    onStart: () -> Unit,
    onArea: (AreaAssessment) -> Unit,
    onRisk: (LifeArea, Risk) -> Unit,
    onSubmit: () -> Unit,
    modifier: Modifier = Modifier,
    onEdit: (Assessment) -> Unit = {},
) {
    Column(
        modifier = modifier.verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        val form = data.form
        if (form == null) {
            Button(onClick = onStart) { Text(words().actionNewAssessment) }
        } else {
            var area by remember { mutableStateOf(LifeArea.HOUSING) }
            var strengths by remember(area) { mutableStateOf("") }
            var needs by remember(area) { mutableStateOf("") }
            var risk by remember(area) { mutableStateOf("") }
            var level by remember(area) { mutableStateOf(RiskLevel.MEDIUM) }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                data.areaChoices.forEach { choice ->
                    val value: LifeArea = choice.toEnum()
                    FilterChip(selected = area == value, onClick = { area = value }, label = { Text(choice.label) })
                }
            }
            SectionTitle(data.areaLabel(area))
            OutlinedTextField(strengths, { strengths = it }, label = { Text(words().fieldStrengths) })
            OutlinedTextField(needs, { needs = it }, label = { Text(words().fieldNeeds) })
            OutlinedButton(onClick = {
                onArea(AreaAssessment(area, needs.ifBlank { null }, strengths.ifBlank { null }, emptyList(), null))
            }) { Text(words().actionSaveArea) }
            OutlinedTextField(risk, { risk = it }, label = { Text(words().fieldRisk) })
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                data.riskLevelChoices.forEach { choice ->
                    val value: RiskLevel = choice.toEnum()
                    FilterChip(selected = level == value, onClick = { level = value }, label = { Text(choice.label) })
                }
            }
            OutlinedButton(onClick = { onRisk(area, Risk(risk, level)); risk = "" }, enabled = risk.isNotBlank()) {
                Text(words().actionAddRisk)
            }
            form.areas.forEach { a ->
                ListRow(title = data.areaLabel(a.area), lines = listOfNotNull(a.strengths, a.needs) + a.risks.map { it.description })
            }
            error.forField("areas")?.let { Text(it) }
            data.editingId?.let { RecordHistory(it) }
            Button(onClick = onSubmit) { Text(words().actionSave) }
        }
        data.past.forEach { a ->
            ListRow(
                title = a.on.display(),
                lines = a.areas.map { data.areaLabel(it.area) },
                onClickLabel = words().actionEdit,
                onClick = { onEdit(a) },
            )
        }
    }
}

@Preview(showBackground = true)
@Composable
private fun AssessmentPreview() {
    val day = LocalDate.of(2026, 11, 23)
    val money = AreaAssessment(LifeArea.MONEY, "rent arrears", "keeps a budget", listOf(Risk("eviction", RiskLevel.HIGH)), null)
    AssessmentContent(
        data = AssessmentState.Assessments(
            past = listOf(Assessment("a1", "c1", day, listOf(money), null, Instant.EPOCH)),
            form = AssessmentInput(day, listOf(money), null),
            areaChoices = listOf(Choice("housing", "Housing"), Choice("money", "Money")),
            riskLevelChoices = listOf(Choice("low", "Low"), Choice("medium", "Medium"), Choice("high", "High")),
        ),
        error = null,
        onStart = {},
        onArea = {},
        onRisk = { _, _ -> },
        onSubmit = {},
    )
}
