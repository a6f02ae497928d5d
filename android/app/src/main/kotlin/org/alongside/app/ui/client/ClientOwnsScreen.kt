@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.phrase
import org.alongside.app.ui.common.ListRow
import org.alongside.state.WellnessVersionsState
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
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
import org.alongside.app.R
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.GoalProgress
import org.alongside.state.ClientWellnessState
import org.alongside.state.ProgressState

/**
 * What the client owns, as the worker reads it: their wellness and crisis plan (read only; the
 * client writes it in shared mode), their progress as a picture, and their copy to share.
 */
@Composable
fun ClientOwnsScreen(nav: NavController, clientId: String) {
    val wellness = rememberHolder("wellness-$clientId") { ClientWellnessState(it, clientId) }
    val progress = rememberHolder("progress-$clientId") { ProgressState(it, clientId) }
    val versions = rememberHolder("wellness-versions-$clientId") { WellnessVersionsState(it, clientId) }
    val saved by versions.holder.state.collectAsStateWithLifecycle()
    val plan by wellness.holder.state.collectAsStateWithLifecycle()
    val chart by progress.holder.state.collectAsStateWithLifecycle()
    var sharing by remember { mutableStateOf(false) }
    LaunchedEffect(clientId) {
        wellness.call { load() }
        progress.call { load() }
        versions.call { load() }
    }
    Scaffold(topBar = { TopAppBar(title = { Text(words().clientOwns) }, navigationIcon = { BackAction(nav) }) }) { padding ->
        LazyColumn(contentPadding = padding) {
            item {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    ErrorBanner(plan.error, onDismiss = { wellness.holder.dismissError() })
                    ErrorBanner(chart.error, onDismiss = { progress.holder.dismissError() })
                    OutlinedButton(onClick = { sharing = true }) { Text(words().copyAction) }
                }
            }
            chart.data?.let { c ->
                item { SectionTitle(words().clientProgress, Modifier.padding(16.dp)) }
                items(c.goals, key = { it.goalId }) { goal: GoalProgress ->
                    Column(Modifier.padding(horizontal = 16.dp, vertical = 8.dp)) {
                        Text(goal.words)
                        GoalProgressChart(c, goal)
                    }
                }
            }
            plan.data?.let { view ->
                item { WellnessPlanView(view, onEdit = null, modifier = Modifier.padding(16.dp)) }
            }
            // Each save of the wellness plan is a version, newest as the core lists them.
            saved.data?.takeIf { it.size > 1 }?.let { list ->
                item { SectionTitle(words().wellnessVersionsTitle, Modifier.padding(16.dp)) }
                items(list, key = { it.id }) { version ->
                    ListRow(
                        title = phrase(AppPhrase.FieldValue(version.version.toString(), version.saved.display())),
                        lines = version.entries.map { it.text },
                        modifier = Modifier.padding(horizontal = 16.dp),
                    )
                }
            }
        }
    }
    if (sharing) ClientCopyShareDialog(clientId, onDone = { sharing = false })
}
