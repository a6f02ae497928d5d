package org.alongside.app.ui.referral

import androidx.compose.foundation.layout.Column
import org.alongside.app.ui.common.RecordHistory
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.LockAction
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.ReferralInput
import org.alongside.core.ReferralStatus
import org.alongside.core.ReferralView
import org.alongside.state.ReferralState

/** Resources and one client's referrals: refer, and record each referral's outcome. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ReferralsScreen(nav: NavController, clientId: String) {
    val model = rememberHolder("referrals-$clientId") { ReferralState(it, clientId) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    var outcomeFor by remember { mutableStateOf<ReferralView?>(null) }
    LaunchedEffect(clientId) { model.call { load() } }
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(words().referralsTitle) },
                navigationIcon = { BackAction(nav) },
                actions = { LockAction() },
            )
        },
    ) { padding ->
        Column(Modifier.padding(padding)) {
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
            screen.data?.let { data ->
                ReferralsContent(
                    data = data,
                    onRefer = { res -> model.call { refer(ReferralInput(resourceId = res.id, madeOn = today)) } },
                    onOutcome = { outcomeFor = it },
                    onCategory = { category -> model.call { load(category, data.language) } },
                )
            }
        }
    }
    outcomeFor?.let { r ->
        var outcome by remember(r) { mutableStateOf(r.referral.outcome.orEmpty()) }
        var reason by remember(r) { mutableStateOf(r.referral.reason.orEmpty()) }
        AlertDialog(
            onDismissRequest = { outcomeFor = null },
            title = { Text(r.resourceName) },
            text = {
                Column {
                    OutlinedTextField(value = reason, onValueChange = { reason = it }, label = { Text(words().fieldReason) })
                    OutlinedTextField(value = outcome, onValueChange = { outcome = it }, label = { Text(words().fieldOutcome) })
                    // A correction of the referral as made and its outcome, keeping the earlier revision.
                    TextButton(onClick = {
                        val input = ReferralInput(r.referral.resourceId, reason.ifBlank { null }, r.referral.madeOn, r.referral.followUpDue)
                        model.call({ updateReferral(r.referral.id, input, outcome.ifBlank { null }) }) { ok ->
                            if (ok) outcomeFor = null
                        }
                    }) { Text(words().actionSaveChanges) }
                    RecordHistory(r.referral.id)
                }
            },
            confirmButton = {
                TextButton(onClick = {
                    model.call({ setStatus(r.referral.id, ReferralStatus.COMPLETED, today, outcome.ifBlank { null }) }) { ok ->
                        if (ok) outcomeFor = null
                    }
                }) { Text(words().actionSave) }
            },
            dismissButton = { TextButton(onClick = { outcomeFor = null }) { Text(words().actionCancel) } },
        )
    }
}
