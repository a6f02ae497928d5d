package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
import org.alongside.core.AppWords
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.alongside.app.R
import org.alongside.app.ui.common.display
import org.alongside.core.Author
import org.alongside.core.GoalCard
import org.alongside.core.RatingView
import org.alongside.core.Step
import org.alongside.core.Trend

/**
 * One goal of the plan, from the core's [GoalCard]: the client's words first, then the worker's
 * step, and the latest ratings from both sides next to each other.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun GoalCardView(
    card: GoalCard,
    onRate: () -> Unit,
    onAddStep: () -> Unit,
    onConfirmStep: (Step) -> Unit,
    modifier: Modifier = Modifier,
    onEditStep: (Step) -> Unit = {},
    onEdit: () -> Unit = {},
) {
    Card(modifier = modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(card.areaLabel, style = MaterialTheme.typography.labelLarge)
            Text(card.clientWords, style = MaterialTheme.typography.titleMedium)
            card.workerStep?.let { Text(phrase(AppPhrase.GoalWorkerStep(it))) }
            card.measure?.let { Text(phrase(AppPhrase.GoalMeasure(it))) }
            val target = card.targetDate?.let { phrase(AppPhrase.GoalTarget(it.display())) }
            Text(listOfNotNull(card.statusLabel, target).joinToString(" · "))
            Row(horizontalArrangement = Arrangement.spacedBy(16.dp)) {
                RatingSide(
                    title = words().ratingClient,
                    rating = card.latestClientRating,
                    trend = card.clientTrend,
                    modifier = Modifier.weight(1f),
                )
                RatingSide(
                    title = words().ratingWorker,
                    rating = card.latestWorkerRating,
                    trend = card.workerTrend,
                    modifier = Modifier.weight(1f),
                )
            }
            if (card.steps.isNotEmpty()) {
                Text(
                    phrase(AppPhrase.GoalStepsDone(card.stepsDone.toUInt(), card.steps.size.toUInt())),
                    style = MaterialTheme.typography.labelLarge,
                )
                card.steps.forEach { step -> StepLine(step, onConfirm = { onConfirmStep(step) }, onEdit = { onEditStep(step) }) }
            }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(onClick = onRate) { Text(words().actionRateProgress) }
                TextButton(onClick = onAddStep) { Text(words().actionAddStep) }
                TextButton(onClick = onEdit) { Text(words().actionEditGoal) }
            }
            // Corrections keep what they replaced: the goal's earlier revisions, in the core's words.
            if (card.edits.isNotEmpty()) {
                Text(words().historyTitle, style = MaterialTheme.typography.labelLarge)
                card.edits.forEach { Text(it.summary, style = MaterialTheme.typography.bodySmall) }
            }
        }
    }
}

/** One side of the ratings: read by TalkBack as one sentence. */
@Composable
private fun RatingSide(title: String, rating: RatingView?, trend: Trend, modifier: Modifier = Modifier) {
    Column(modifier.semantics(mergeDescendants = true) {}) {
        Text(title, style = MaterialTheme.typography.labelLarge)
        if (rating == null) {
            Text(words().ratingNone)
        } else {
            Text(phrase(AppPhrase.RatingScore(rating.score.toUInt())), style = MaterialTheme.typography.headlineSmall)
            Text(rating.on.display(), style = MaterialTheme.typography.bodySmall)
            rating.words?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        }
        Text(trendText(words(), trend), style = MaterialTheme.typography.bodySmall)
    }
}

@Composable
private fun StepLine(step: Step, onConfirm: () -> Unit, onEdit: () -> Unit) {
    val waiting = step.markedBy == Author.CLIENT && !step.confirmed
    val state = when {
        waiting -> words().stepMarkedByClient
        step.doneOn != null -> phrase(AppPhrase.StepDoneOn(step.doneOn!!.display()))
        else -> words().stepOpen
    }
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Column(Modifier.weight(1f).semantics(mergeDescendants = true) {}) {
            Text(step.text)
            Text(state, style = MaterialTheme.typography.bodySmall)
        }
        if (waiting) TextButton(onClick = onConfirm) { Text(words().actionConfirmStep) }
        TextButton(onClick = onEdit) { Text(words().actionEdit) }
    }
}

private fun trendText(words: AppWords, trend: Trend): String = when (trend) {
    Trend.UP -> words.trendUp
    Trend.SAME -> words.trendSame
    Trend.DOWN -> words.trendDown
    Trend.NOT_ENOUGH -> words.trendNotEnough
}
