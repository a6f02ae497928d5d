package org.alongside.app.ui.common

import androidx.activity.ComponentActivity
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.Favorite
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Lock
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material.icons.filled.VisibilityOff
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.navigation.NavController
import kotlinx.coroutines.launch
import org.alongside.app.R
import org.alongside.app.ui.Routes
import org.alongside.core.AppWords

/** The worker's three top-level places. */
enum class Tab(val route: String, val label: (AppWords) -> String) {
    TODAY(Routes.TODAY, { it.tabToday }),
    CASELOAD(Routes.CASELOAD, { it.tabCaseload }),
    CORNER(Routes.CORNER, { it.tabCorner }),
    SETTINGS(Routes.SETTINGS, { it.tabSettings }),
}

@Composable
fun WorkerTabs(nav: NavController, selected: Tab) {
    NavigationBar {
        Tab.entries.forEach { tab ->
            NavigationBarItem(
                selected = tab == selected,
                onClick = {
                    if (tab != selected) {
                        nav.navigate(tab.route) {
                            popUpTo(Routes.TODAY)
                            launchSingleTop = true
                        }
                    }
                },
                icon = {
                    val icon = when (tab) {
                        Tab.TODAY -> Icons.Filled.Home
                        Tab.CASELOAD -> Icons.AutoMirrored.Filled.List
                        Tab.CORNER -> Icons.Filled.Favorite
                        Tab.SETTINGS -> Icons.Filled.Settings
                    }
                    Icon(icon, contentDescription = null)
                },
                label = { Text(tab.label(words())) },
            )
        }
    }
}

/**
 * "Lock now": the core wipes its keys and the app returns to the unlock screen. Beside it, quick
 * hide: one tap locks at once and sends the app to the background, so the phone shows the home
 * screen (neutral) and the recents thumbnail is blank (FLAG_SECURE).
 */
@Composable
fun LockAction() {
    val container = LocalAppContainer.current
    val scope = rememberCoroutineScope()
    val activity = LocalContext.current as? ComponentActivity
    IconButton(onClick = {
        // Out of sight first, then the lock on the core's thread.
        activity?.moveTaskToBack(true)
        scope.launch(container.core) { container.repository.quickHide() }
    }) {
        Icon(Icons.Filled.VisibilityOff, contentDescription = words().actionQuickHide)
    }
    IconButton(onClick = { scope.launch(container.core) { container.repository.lock() } }) {
        Icon(Icons.Filled.Lock, contentDescription = words().actionLockNow)
    }
}

@Composable
fun BackAction(nav: NavController) {
    IconButton(onClick = { nav.popBackStack() }) {
        Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = words().actionBack)
    }
}
