package org.alongside.app.ui.common

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.alongside.state.HistoryState

/**
 * A record's earlier revisions (`recordHistory`), each in the core's words ("Edited on 2026-11-20;
 * earlier reason: no food"), under a record that can be corrected. Nothing when it never changed.
 */
@Composable
fun RecordHistory(recordId: String, modifier: Modifier = Modifier) {
    val model = rememberHolder("history-$recordId") { HistoryState(it, recordId) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    LaunchedEffect(recordId) { model.call { load() } }
    val revisions = screen.data.orEmpty()
    if (revisions.isEmpty()) return
    Column(modifier, verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(words().historyTitle, style = MaterialTheme.typography.labelLarge)
        revisions.forEach { Text(it.summary, style = MaterialTheme.typography.bodySmall) }
    }
}
