package org.alongside.app.ui.sync

import android.Manifest
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import org.alongside.app.ui.Routes
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.teamWords
import org.alongside.app.ui.common.words

/**
 * Today's sync line: the core's status sentence, "sync now", and the way to the "needs review"
 * list when a field changed differently on two phones; on an admin's phone the way to the
 * briefing, and the team's notifications posted after each sync (then marked, so each is posted
 * once). What a sync took away (removed from the team, clients handed to another worker) is
 * said under the line. Nothing shows on a phone in no team.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun SyncStatusRow(nav: NavController) {
    val container = LocalAppContainer.current
    val model = rememberSyncState("sync")
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val currentWords = teamWords()
    val notifications = screen.data?.notifications.orEmpty()
    LaunchedEffect(notifications) {
        val posted = container.teamNotifier.post(notifications, currentWords)
        if (posted.isNotEmpty()) model.call { notified(posted) }
    }
    val askPermission = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) {}
    val admin = screen.data?.status?.admin == true
    LaunchedEffect(admin) {
        if (admin && Build.VERSION.SDK_INT >= 33 && !container.teamNotifier.allowed()) {
            askPermission.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
    }
    val page = screen.data ?: return
    page.lastSync?.let { if (it.removedFromTeam) SyncReportLines(it) }
    if (!page.status.inTeam) return
    Column(Modifier.padding(horizontal = 16.dp, vertical = 8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
        Text(page.status.summary)
        page.lastSync?.let { if (!it.removedFromTeam) SyncReportLines(it) }
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(onClick = { model.call { syncNow() } }, enabled = !screen.busy) { Text(words().actionSyncNow) }
            if (page.reviews.isNotEmpty()) {
                OutlinedButton(onClick = { nav.navigate(Routes.SYNC_REVIEW) }) { Text(words().syncReviewTitle) }
            }
            if (page.status.admin) {
                OutlinedButton(onClick = { nav.navigate(Routes.BRIEFING) }) { Text(teamWords().tabBriefing) }
            }
        }
    }
}
