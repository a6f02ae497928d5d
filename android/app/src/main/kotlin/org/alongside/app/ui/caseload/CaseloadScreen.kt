@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.caseload

import androidx.compose.foundation.layout.padding
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.Icon
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
import androidx.compose.ui.res.pluralStringResource
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.Routes
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.LockAction
import org.alongside.app.ui.common.Tab
import org.alongside.app.ui.common.WorkerTabs
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.CaseloadRow
import org.alongside.core.UnreadableRecord
import org.alongside.state.CaseloadState

/** The caseload in the core's order, each with what is next due; adding a client. */
@Composable
fun CaseloadScreen(nav: NavController) {
    val model = rememberHolder("caseload") { CaseloadState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    var adding by remember { mutableStateOf(false) }
    LaunchedEffect(today) { model.call { load(today) } }
    val rows: List<CaseloadRow> = screen.data?.rows.orEmpty()
    val unreadable: List<UnreadableRecord> = screen.data?.unreadable.orEmpty()

    Scaffold(
        topBar = { TopAppBar(title = { Text(words().tabCaseload) }, actions = { LockAction() }) },
        bottomBar = { WorkerTabs(nav, Tab.CASELOAD) },
        floatingActionButton = {
            ExtendedFloatingActionButton(
                onClick = { adding = true },
                icon = { Icon(Icons.Filled.Add, contentDescription = null) },
                text = { Text(words().actionAddClient) },
            )
        },
    ) { padding ->
        LazyColumn(contentPadding = padding) {
            item { ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() }, modifier = Modifier.padding(16.dp)) }
            items(rows, key = { it.clientId }) { row: CaseloadRow ->
                CaseloadRowItem(row, onOpen = { nav.navigate(Routes.client(row.clientId)) })
                HorizontalDivider()
            }
            // Records that could not be opened, in the core's words, after everything that did.
            items(unreadable, key = { "unreadable-${it.id}" }) { record: UnreadableRecord ->
                ListRow(title = record.kindLabel, lines = listOf(record.summary))
            }
        }
    }
    if (adding) {
        AddClientDialog(
            error = screen.error,
            onAdd = { input -> model.call({ addClient(input) }) { client -> if (client != null) adding = false } },
            onDismiss = { adding = false },
            languages = remember { model.holder.languageOptions() },
        )
    }
}

@Composable
private fun CaseloadRowItem(row: CaseloadRow, onOpen: () -> Unit) {
    val name = row.pronouns?.let { phrase(AppPhrase.NameWithPronouns(row.preferredName, it)) } ?: row.preferredName
    ListRow(
        title = name,
        lines = listOfNotNull(
            row.statusLabel,
            phrase(AppPhrase.ActiveGoals(row.activeGoals.toUInt())),
            row.nextDue?.label,
        ),
        onClickLabel = words().actionOpenClient,
        onClick = onOpen,
    )
}
