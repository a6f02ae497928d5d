package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
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
) {
    Card(modifier = modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(card.areaLabel, style = MaterialTheme.typography.labelLarge)
            Text(card.clientWords, style = MaterialTheme.typography.titleMedium)
            card.workerStep?.let { Text(stringResource(R.string.goal_worker_step, it)) }
            card.measure?.let { Text(stringResource(R.string.goal_measure, it)) }
            val target = card.targetDate?.let { stringResource(R.string.goal_target, it.display()) }
            Text(listOfNotNull(card.statusLabel, target).joinToString(" · "))
            Row(horizontalArrangement = Arrangement.spacedBy(16.dp)) {
                RatingSide(
                    title = stringResource(R.string.rating_client),
                    rating = card.latestClientRating,
                    trend = card.clientTrend,
                    modifier = Modifier.weight(1f),
                )
                RatingSide(
                    title = stringResource(R.string.rating_worker),
                    rating = card.latestWorkerRating,
                    trend = card.workerTrend,
                    modifier = Modifier.weight(1f),
                )
            }
            if (card.steps.isNotEmpty()) {
                Text(
                    stringResource(R.string.goal_steps_done, card.stepsDone.toInt(), card.steps.size),
                    style = MaterialTheme.typography.labelLarge,
                )
                card.steps.forEach { step -> StepLine(step, onConfirm = { onConfirmStep(step) }) }
            }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(onClick = onRate) { Text(stringResource(R.string.action_rate_progress)) }
                TextButton(onClick = onAddStep) { Text(stringResource(R.string.action_add_step)) }
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
            Text(stringResource(R.string.rating_none))
        } else {
            Text(stringResource(R.string.rating_score, rating.score.toInt()), style = MaterialTheme.typography.headlineSmall)
            Text(rating.on.display(), style = MaterialTheme.typography.bodySmall)
            rating.words?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        }
        Text(stringResource(trendText(trend)), style = MaterialTheme.typography.bodySmall)
    }
}

@Composable
private fun StepLine(step: Step, onConfirm: () -> Unit) {
    val waiting = step.markedBy == Author.CLIENT && !step.confirmed
    val state = when {
        waiting -> stringResource(R.string.step_marked_by_client)
        step.doneOn != null -> stringResource(R.string.step_done_on, step.doneOn!!.display())
        else -> stringResource(R.string.step_open)
    }
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Column(Modifier.weight(1f).semantics(mergeDescendants = true) {}) {
            Text(step.text)
            Text(state, style = MaterialTheme.typography.bodySmall)
        }
        if (waiting) TextButton(onClick = onConfirm) { Text(stringResource(R.string.action_confirm_step)) }
    }
}

private fun trendText(trend: Trend): Int = when (trend) {
    Trend.UP -> R.string.trend_up
    Trend.SAME -> R.string.trend_same
    Trend.DOWN -> R.string.trend_down
    Trend.NOT_ENOUGH -> R.string.trend_not_enough
}
