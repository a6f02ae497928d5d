@file:OptIn(ExperimentalMaterial3Api::class)

package org.alongside.app.ui.sync

import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.words
import org.alongside.core.ReviewItem

/**
 * "Needs review": each field two phones changed differently, with the record, the field and both
 * values with which phone wrote each and when (the core's sentences). The worker keeps one; the
 * other stays among the record's earlier versions, and the next sync tells the team.
 */
@Composable
fun NeedsReviewScreen(nav: NavController) {
    val model = rememberSyncState("sync-review")
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val items = screen.data?.reviews.orEmpty()

    Scaffold(
        topBar = { TopAppBar(title = { Text(words().syncReviewTitle) }, navigationIcon = { BackAction(nav) }) },
    ) { padding ->
        LazyColumn(contentPadding = padding) {
            item { ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() }, modifier = Modifier.padding(16.dp)) }
            if (screen.data != null && items.isEmpty()) {
                item { Text(words().syncReviewNone, modifier = Modifier.padding(16.dp)) }
            }
            items(items, key = { it.id }) { item: ReviewItem ->
                ListRow(title = item.summary, lines = emptyList())
                item.choices.forEachIndexed { index, choice ->
                    ListRow(title = choice.summary, lines = emptyList()) {
                        OutlinedButton(
                            onClick = { model.call { resolve(item.id, index) } },
                            enabled = !screen.busy,
                        ) { Text(words().actionKeepValue) }
                    }
                }
            }
        }
    }
}
