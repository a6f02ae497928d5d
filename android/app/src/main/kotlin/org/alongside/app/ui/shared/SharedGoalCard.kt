package org.alongside.app.ui.shared

import androidx.compose.foundation.layout.Arrangement
import org.alongside.core.SharedWords
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
import org.alongside.core.SharedGoal
import org.alongside.core.SharedRating
import org.alongside.core.SharedStep

/** One of the client's goals, in the words the core prepared for them. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun SharedGoalCard(
    words: SharedWords,
    goal: SharedGoal,
    onStepDone: (String) -> Unit,
    onRate: () -> Unit,
    onWrite: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Card(modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(goal.area, style = MaterialTheme.typography.labelLarge)
            Text(goal.words, style = MaterialTheme.typography.titleLarge)
            Text(listOfNotNull(goal.status, goal.targetDate?.display()).joinToString(" · "))
            goal.steps.forEach { step: SharedStep ->
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    Column(Modifier.weight(1f).semantics(mergeDescendants = true) {}) {
                        Text(step.text)
                        step.note?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
                    }
                    if (!step.done) {
                        TextButton(onClick = { onStepDone(step.stepId) }) { Text(words.stepDone) }
                    }
                }
            }
            // Every rating, in the core's order.
            if (goal.myRatings.isNotEmpty()) Text(words.myRatings, style = MaterialTheme.typography.labelLarge)
            goal.myRatings.forEach { RatingLine(it) }
            if (goal.workerRatings.isNotEmpty()) {
                Text(words.workerRatings, style = MaterialTheme.typography.labelLarge)
            }
            goal.workerRatings.forEach { RatingLine(it) }
            goal.myEntries.forEach { Text(it, style = MaterialTheme.typography.bodyMedium) }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(onClick = onRate) { Text(words.rate) }
                TextButton(onClick = onWrite) { Text(words.addWords) }
            }
        }
    }
}

@Composable
private fun RatingLine(rating: SharedRating) {
    Column(Modifier.semantics(mergeDescendants = true) {}) {
        Text(rating.said)
        Text(rating.band, style = MaterialTheme.typography.bodySmall)
        rating.words?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
    }
}
