package org.alongside.app.ui.shared

import androidx.activity.compose.BackHandler
import org.alongside.app.ui.common.LocalLang
import org.alongside.core.ratingScale
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.client.RateDialog
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.rememberHolder
import org.alongside.core.SharedGoal
import org.alongside.core.SharedScreen
import org.alongside.core.SharedVisit
import org.alongside.state.BoundaryState
import org.alongside.state.SharedModeState

/**
 * Shared mode: the client holds the phone and sees their own plan in their own words. This
 * screen reaches the core only through the shared session, which has no call for anything else.
 * The app is pinned (startLockTask) while here; back does nothing; the phone goes back to the
 * worker only with the worker's passphrase or biometrics.
 */
@Composable
fun SharedModeScreen() {
    val model = rememberHolder("shared") { SharedModeState(it) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    val today = remember { LocalDate.now() }
    var rating by remember { mutableStateOf<SharedGoal?>(null) }
    var writingFor by remember { mutableStateOf<WordsTarget?>(null) }
    var handingBack by remember { mutableStateOf(false) }
    val boundary = rememberHolder("boundary") { BoundaryState(it) }
    val boundaryCard by boundary.holder.state.collectAsStateWithLifecycle()
    var showingBoundary by remember { mutableStateOf(false) }
    LaunchedEffect(Unit) { model.call { load(today) } }
    LaunchedEffect(Unit) { boundary.call { load() } }
    BackHandler(enabled = true) { /* Leaving needs the worker. */ }
    val view: SharedScreen? = screen.data

    ClientLanguage(view?.lang ?: LocalLang.current) {
        Scaffold { padding ->
            LazyColumn(contentPadding = padding) {
                item {
                    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                        ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
                        view?.let {
                            Text(
                                it.greeting,
                                style = MaterialTheme.typography.headlineMedium,
                                modifier = Modifier.semantics { heading() },
                            )
                        }
                    }
                }
                if (view != null) {
                    items(view.goals, key = { it.goalId }) { goal: SharedGoal ->
                        SharedGoalCard(
                            goal = goal,
                            words = view.words,
                            onStepDone = { stepId -> model.call { markStepDone(goal.goalId, stepId, today) } },
                            onRate = { rating = goal },
                            onWrite = { writingFor = WordsTarget(goal.goalId, goal.words) },
                            modifier = Modifier.padding(horizontal = 16.dp, vertical = 8.dp),
                        )
                    }
                    item {
                        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                            view.myEntries.forEach { Text(it) }
                            OutlinedButton(onClick = { writingFor = WordsTarget(null, null) }) {
                                Text(view.words.addWords)
                            }
                        }
                    }
                    item { SharedWellness(today, Modifier.padding(16.dp)) }
                    item { SectionTitle(view.nextVisitsLabel, Modifier.padding(horizontal = 16.dp)) }
                    items(view.upcomingVisits) { visit: SharedVisit ->
                        Text(
                            listOfNotNull(visit.on.display(), visit.time?.display()).joinToString(" "),
                            modifier = Modifier.padding(horizontal = 16.dp, vertical = 4.dp),
                        )
                    }
                }
                boundaryCard.data?.let { card ->
                    item {
                        OutlinedButton(
                            onClick = { showingBoundary = true },
                            modifier = Modifier.fillMaxWidth().padding(horizontal = 16.dp).heightIn(min = 48.dp),
                        ) { Text(card.title) }
                    }
                }
                item {
                    OutlinedButton(
                        onClick = { handingBack = true },
                        modifier = Modifier.fillMaxWidth().padding(16.dp).heightIn(min = 48.dp),
                    ) { Text(view?.words?.giveBack ?: words().sharedGiveBack) }
                }
            }
        }

        rating?.let { goal ->
            RateDialog(
                title = goal.words,
                scale = view?.ratingScale ?: ratingScale(LocalLang.current),
                onRate = { score, words -> model.call({ rate(goal.goalId, today, score, words) }) { ok -> if (ok) rating = null } },
                onDismiss = { rating = null },
            )
        }
        boundaryCard.data?.takeIf { showingBoundary }?.let { card ->
            BoundaryCardDialog(card, onDismiss = { showingBoundary = false })
        }
        writingFor?.let { target ->
            OwnWordsDialog(
                about = target.goalWords,
                kinds = view?.entryKinds.orEmpty(),
                onSave = { kind, text ->
                    model.call({ addEntry(kind, text, target.goalId, today) }) { ok -> if (ok) writingFor = null }
                },
                onDismiss = { writingFor = null },
            )
        }
    }
    if (handingBack) {
        HandBackDialog(
            model = model,
            onDismiss = { handingBack = false },
        )
    }
}

/** Which goal the client is writing about (null: in general). */
private data class WordsTarget(val goalId: String?, val goalWords: String?)
