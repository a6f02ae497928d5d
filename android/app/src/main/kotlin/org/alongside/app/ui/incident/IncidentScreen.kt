@file:OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)

package org.alongside.app.ui.incident

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
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
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
import java.time.LocalTime
import org.alongside.app.R
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.TextArea
import org.alongside.app.ui.common.TimeField
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.IncidentInput
import org.alongside.core.IncidentKind
import org.alongside.core.IncidentKindInfo
import org.alongside.state.IncidentState

/**
 * An incident: reported with its kind (the core says which actions each kind requires and what
 * not to do), then kept open until every required action is recorded. The screen shows what the
 * core says; "close" is enabled by the core's own canClose.
 */
@Composable
fun IncidentScreen(nav: NavController, clientId: String?, incidentId: String?) {
    val model = rememberHolder("incident-${clientId.orEmpty()}-${incidentId.orEmpty()}") { IncidentState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    LaunchedEffect(incidentId) {
        if (model.holder.screen.data == null) {
            if (incidentId != null) model.call { open(incidentId) } else model.call { start() }
        }
    }
    val data = screen.data

    Scaffold(
        topBar = { TopAppBar(title = { Text(words().incidentTitle) }, navigationIcon = { BackAction(nav) }) },
    ) { padding ->
        Column(
            modifier = Modifier
                .fillMaxSize()
                .padding(padding)
                .imePadding()
                .verticalScroll(rememberScrollState())
                .padding(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
            val incident = data?.incident
            when {
                incident != null -> IncidentDetail(
                    view = incident,
                    error = screen.error,
                    busy = screen.busy,
                    onRecord = { input -> model.call { recordAction(input) } },
                    onClose = { on, outcome -> model.call { close(on, outcome) } },
                    onEdit = { input -> model.call { edit(input) } },
                    onEditAction = { index, input -> model.call { editAction(index, input) } },
                    onCorrect = { reason, text -> model.call { correct(reason, text) } },
                )
                data != null && clientId != null -> ReportForm(
                    kinds = data.kinds,
                    error = screen.error,
                    busy = screen.busy,
                    onReport = { input -> model.call { report(clientId, input) } },
                )
            }
        }
    }
}

@Composable
private fun ReportForm(
    kinds: List<IncidentKindInfo>,
    error: org.alongside.state.UiError?,
    busy: Boolean,
    onReport: (IncidentInput) -> Unit,
) {
    var kind by remember { mutableStateOf<IncidentKind?>(null) }
    var on by remember { mutableStateOf(LocalDate.now()) }
    var at by remember { mutableStateOf<LocalTime?>(null) }
    var description by remember { mutableStateOf("") }
    SectionTitle(words().incidentKind)
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        kinds.forEach { info: IncidentKindInfo ->
            FilterChip(selected = kind == info.kind, onClick = { kind = info.kind }, label = { Text(info.label) })
        }
    }
    kinds.firstOrNull { it.kind == kind }?.let { info: IncidentKindInfo ->
        SectionTitle(words().incidentRequired)
        info.required.forEach { Text("• ${it.label}") }
        if (info.donts.isNotEmpty()) {
            SectionTitle(words().incidentDonts)
            info.donts.forEach { Text("• $it") }
        }
    }
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        DateField(words().fieldOccurredOn, on, onChange = { on = it })
        TimeField(words().fieldTime, at, onChange = { at = it })
    }
    TextArea(
        value = description,
        onValueChange = { description = it },
        label = words().fieldWhatHappened,
        error = error.forField("description"),
    )
    val chosen = kind
    Button(
        onClick = { if (chosen != null) onReport(IncidentInput(chosen, on, at, description, null)) },
        enabled = chosen != null && !busy,
        modifier = Modifier.fillMaxWidth().heightIn(min = 48.dp),
    ) { Text(words().actionReport) }
}
