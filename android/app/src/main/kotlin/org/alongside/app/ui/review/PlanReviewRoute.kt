package org.alongside.app.ui.review

import androidx.compose.foundation.layout.Column
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
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
import org.alongside.state.ReviewState

/** Hold a plan review for one client, with the history beneath. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun PlanReviewScreen(nav: NavController, clientId: String) {
    val model = rememberHolder("review-$clientId") { ReviewState(it, clientId) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    LaunchedEffect(clientId) { model.call { load(today) } }
    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(words().actionHoldReview) },
                navigationIcon = { BackAction(nav) },
                actions = { LockAction() },
            )
        },
    ) { padding ->
        Column(Modifier.padding(padding)) {
            ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
            screen.data?.let { page ->
                PlanReviewContent(
                    page = page,
                    nextDueDefault = model.holder.defaultNextDue(today),
                    error = screen.error,
                    onReview = { what, why, next -> model.call { review(today, what, why, next) } },
                )
            }
        }
    }
}
