package org.alongside.app.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import org.alongside.app.ui.corner.MyCornerScreen
import androidx.navigation.compose.rememberNavController
import androidx.navigation.navArgument
import org.alongside.app.AppContainer
import org.alongside.app.security.LockTask
import org.alongside.app.ui.caseload.CaseloadScreen
import org.alongside.app.ui.client.ClientOwnsScreen
import org.alongside.app.ui.client.ClientScreen
import org.alongside.app.ui.assessment.AssessmentScreen
import org.alongside.app.ui.balance.DutyBalanceScreen
import org.alongside.app.ui.common.HolderModel
import org.alongside.app.ui.referral.ReferralsScreen
import org.alongside.app.ui.review.PlanReviewScreen
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.incident.IncidentScreen
import org.alongside.app.ui.note.NoteScreen
import org.alongside.app.ui.settings.SettingsScreen
import org.alongside.app.ui.shared.SharedModeScreen
import org.alongside.app.ui.sync.NeedsReviewScreen
import org.alongside.app.ui.team.TeamBriefingScreen
import org.alongside.app.ui.team.MembersScreen
import org.alongside.app.ui.today.TodayScreen
import org.alongside.app.ui.unlock.CreateVaultScreen
import org.alongside.app.ui.unlock.UnlockScreen
import org.alongside.app.ui.visit.LogVisitScreen
import org.alongside.app.ui.common.WordsIn
import org.alongside.core.Lang
import org.alongside.state.UnlockState
import org.alongside.state.VaultStatus

/**
 * The app's one navigation graph. The vault's status decides the screen family: with no vault,
 * "create"; locked, "unlock"; shared, only the client's screen (pinned); unlocked, the worker's
 * screens. Everything is worded in the worker's language ([WordsIn], from the repository).
 * Each change of family clears the back stack, so no worker screen (or its state
 * holder) survives a lock or a hand-over.
 */
@Composable
fun AlongsideApp(container: AppContainer, activity: FragmentActivity) {
    val lang: Lang by container.repository.language.collectAsStateWithLifecycle()
    CompositionLocalProvider(LocalAppContainer provides container) {
        WordsIn(lang) {
            val unlock = rememberHolder("unlock") { UnlockState(it) }
            var started by remember { mutableStateOf(false) }
            LaunchedEffect(Unit) { unlock.call({ start() }) { started = true } }
            if (started) {
                AppGraph(container, activity, unlock)
            } else {
                Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
            }
        }
    }
}

@Composable
private fun AppGraph(container: AppContainer, activity: FragmentActivity, unlock: HolderModel<UnlockState>) {
    val status: VaultStatus by container.repository.status.collectAsStateWithLifecycle()
    val nav = rememberNavController()
    LaunchedEffect(status) {
        if (status is VaultStatus.Shared) LockTask.start(activity) else LockTask.stop(activity)
        val (pattern, route) = Routes.forStatus(status)
        val current = nav.currentDestination?.route
        val inFamily = current == pattern || (status is VaultStatus.Unlocked && current in Routes.worker)
        if (!inFamily) {
            nav.navigate(route) {
                popUpTo(nav.graph.id) { inclusive = true }
                launchSingleTop = true
            }
        }
    }

    // The process starts with the vault locked (or absent); the effect above moves on from here.
    val start = if (status is VaultStatus.NoVault) Routes.CREATE else Routes.UNLOCK
    NavHost(navController = nav, startDestination = start) {
        composable(Routes.CREATE) { CreateVaultScreen(unlock) }
        composable(Routes.UNLOCK) { UnlockScreen(unlock) }
        composable(Routes.SHARED, arguments = listOf(navArgument("clientId") { type = NavType.StringType })) {
            SharedModeScreen()
        }
        composable(Routes.TODAY) { TodayScreen(nav) }
        composable(Routes.CASELOAD) { CaseloadScreen(nav) }
        composable(Routes.SETTINGS) { SettingsScreen(nav) }
        composable(Routes.CORNER) { MyCornerScreen(nav) }
        composable(Routes.SYNC_REVIEW) { NeedsReviewScreen(nav) }
        composable(Routes.MEMBERS) { MembersScreen(nav) }
        composable(Routes.BRIEFING) { TeamBriefingScreen(nav) }
        composable(Routes.CLIENT, arguments = listOf(navArgument("clientId") { type = NavType.StringType })) { entry ->
            ClientScreen(nav, clientId = entry.arguments?.getString("clientId").orEmpty())
        }
        composable(Routes.OWNS, arguments = listOf(navArgument("clientId") { type = NavType.StringType })) { entry ->
            ClientOwnsScreen(nav, clientId = entry.arguments?.getString("clientId").orEmpty())
        }
        composable(Routes.REVIEW, arguments = listOf(navArgument("clientId") { type = NavType.StringType })) { entry ->
            PlanReviewScreen(nav, clientId = entry.arguments?.getString("clientId").orEmpty())
        }
        composable(Routes.ASSESSMENT, arguments = listOf(navArgument("clientId") { type = NavType.StringType })) { entry ->
            AssessmentScreen(nav, clientId = entry.arguments?.getString("clientId").orEmpty())
        }
        composable(Routes.REFERRALS, arguments = listOf(navArgument("clientId") { type = NavType.StringType })) { entry ->
            ReferralsScreen(nav, clientId = entry.arguments?.getString("clientId").orEmpty())
        }
        composable(
            Routes.BALANCE,
            arguments = listOf(navArgument("clientId") { type = NavType.StringType; defaultValue = "" }),
        ) { entry ->
            DutyBalanceScreen(nav, clientId = entry.arguments?.getString("clientId")?.ifBlank { null })
        }
        composable(Routes.VISIT, arguments = listOf(navArgument("clientId") { type = NavType.StringType })) { entry ->
            LogVisitScreen(nav, clientId = entry.arguments?.getString("clientId").orEmpty())
        }
        composable(
            Routes.NOTE,
            arguments = listOf(
                navArgument("clientId") { type = NavType.StringType },
                navArgument("noteId") { type = NavType.StringType; defaultValue = "" },
                navArgument("activityId") { type = NavType.StringType; defaultValue = "" },
            ),
        ) { entry ->
            val args = entry.arguments
            NoteScreen(
                nav,
                clientId = args?.getString("clientId").orEmpty(),
                noteId = args?.getString("noteId")?.ifEmpty { null },
                activityId = args?.getString("activityId")?.ifEmpty { null },
            )
        }
        composable(
            Routes.INCIDENT,
            arguments = listOf(
                navArgument("clientId") { type = NavType.StringType; defaultValue = "" },
                navArgument("incidentId") { type = NavType.StringType; defaultValue = "" },
            ),
        ) { entry ->
            val args = entry.arguments
            IncidentScreen(
                nav,
                clientId = args?.getString("clientId")?.ifEmpty { null },
                incidentId = args?.getString("incidentId")?.ifEmpty { null },
            )
        }
    }
}
