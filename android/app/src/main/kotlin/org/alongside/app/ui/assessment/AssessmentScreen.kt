package org.alongside.app.ui.assessment

import androidx.compose.foundation.layout.Arrangement
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
                title = { Text(stringResource(R.string.assessments_title)) },
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
                )
            }
        }
    }
}

/**
 * Stateless over [AssessmentState.Assessments]: past assessments (newest first, as the core lists
 * them) and the form being written. Area names and risk levels are the core's enums; the words
 * for them come with the core's choices (another engineer's change), shown here by name until then.
 */
@Composable
fun AssessmentContent(
    data: AssessmentState.Assessments,
    error: UiError?,
    onStart: () -> Unit,
    onArea: (AreaAssessment) -> Unit,
    onRisk: (LifeArea, Risk) -> Unit,
    onSubmit: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(
        modifier = modifier.verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        val form = data.form
        if (form == null) {
            Button(onClick = onStart) { Text(stringResource(R.string.action_new_assessment)) }
        } else {
            var area by remember { mutableStateOf(LifeArea.HOUSING) }
            var strengths by remember(area) { mutableStateOf("") }
            var needs by remember(area) { mutableStateOf("") }
            var risk by remember(area) { mutableStateOf("") }
            SectionTitle(area.name)
            OutlinedTextField(strengths, { strengths = it }, label = { Text(stringResource(R.string.field_strengths)) })
            OutlinedTextField(needs, { needs = it }, label = { Text(stringResource(R.string.field_needs)) })
            OutlinedButton(onClick = {
                onArea(AreaAssessment(area, needs.ifBlank { null }, strengths.ifBlank { null }, emptyList(), null))
            }) { Text(stringResource(R.string.action_save_area)) }
            OutlinedTextField(risk, { risk = it }, label = { Text(stringResource(R.string.field_risk)) })
            OutlinedButton(onClick = { onRisk(area, Risk(risk, RiskLevel.MEDIUM)); risk = "" }, enabled = risk.isNotBlank()) {
                Text(stringResource(R.string.action_add_risk))
            }
            form.areas.forEach { a ->
                ListRow(title = a.area.name, lines = listOfNotNull(a.strengths, a.needs) + a.risks.map { it.description })
            }
            error.forField("areas")?.let { Text(it) }
            Button(onClick = onSubmit) { Text(stringResource(R.string.action_save)) }
        }
        data.past.forEach { a ->
            ListRow(title = a.on.display(), lines = a.areas.map { it.area.name })
        }
    }
}
