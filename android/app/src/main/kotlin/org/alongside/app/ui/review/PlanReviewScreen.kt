package org.alongside.app.ui.review

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.display
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.supporting
import org.alongside.state.ReviewState
import org.alongside.state.UiError

/**
 * A plan review, stateless over [ReviewState.ReviewPage]: each goal's status and ratings since the
 * last review (the core's rows and labels), the form (what changed, why, the next review's day,
 * starting at the core's default), and the history of reviews and versions underneath.
 */
@Composable
fun PlanReviewContent(
    page: ReviewState.ReviewPage,
    nextDueDefault: LocalDate,
    error: UiError?,
    onReview: (whatChanged: String, why: String, nextDue: LocalDate) -> Unit,
    modifier: Modifier = Modifier,
) {
    var whatChanged by remember { mutableStateOf("") }
    var why by remember { mutableStateOf("") }
    var nextDue by remember(nextDueDefault) { mutableStateOf(nextDueDefault) }
    Column(
        modifier = modifier.verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(page.screen.preferredName, style = MaterialTheme.typography.headlineSmall)
        Text(phrase(AppPhrase.PlanReviewDue(page.screen.plan.reviewDue.display())))
        page.screen.goals.forEach { row ->
            ListRow(
                title = row.clientWords,
                lines = listOf(row.statusLabel) +
                    (row.clientRatings + row.workerRatings).map { phrase(AppPhrase.RatingScore(it.score.toUInt())) },
            )
        }
        HorizontalDivider()
        OutlinedTextField(
            value = whatChanged,
            onValueChange = { whatChanged = it },
            label = { Text(words().fieldWhatChanged) },
            isError = error.forField("what_changed") != null,
            supportingText = supporting(error.forField("what_changed")),
        )
        OutlinedTextField(
            value = why,
            onValueChange = { why = it },
            label = { Text(words().fieldWhy) },
            isError = error.forField("why") != null,
            supportingText = supporting(error.forField("why")),
        )
        DateField(words().fieldReviewDue, nextDue, onChange = { nextDue = it })
        Button(onClick = { onReview(whatChanged, why, nextDue) }) { Text(words().actionHoldReview) }
        HorizontalDivider()
        SectionTitle(words().reviewHistory)
        page.history.sortedByDescending { it.on }.forEach { review ->
            ListRow(title = review.on.display(), lines = listOf(review.whatChanged, review.why))
        }
        // The plan's history as the core sums it up (`planHistory`): each version, when it
        // closed, and what the review that closed it changed.
        page.planHistory.ifEmpty { page.screen.versions }.forEach { v ->
            ListRow(
                title = phrase(AppPhrase.PlanVersion(v.version.toUInt(), v.started.display())),
                lines = listOfNotNull(v.closedOn.display(), phrase(AppPhrase.ActiveGoals(v.goals)), v.whatChanged),
            )
        }
    }
}
