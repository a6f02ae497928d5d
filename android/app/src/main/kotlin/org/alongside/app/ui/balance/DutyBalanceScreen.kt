package org.alongside.app.ui.balance

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import java.time.LocalDate
import org.alongside.app.ui.common.SectionTitle
import org.alongside.core.Duty
import org.alongside.core.DutyBalance
import org.alongside.core.DutyCount
import org.alongside.core.DutyTrend
import org.alongside.core.EmpowermentHint

/**
 * The duty balance, for one client or the worker's caseload: stateless, over the core's
 * [DutyBalance]. Every word is the core's (its summary, each duty's label, the empowerment hint's
 * message); the app draws the shares as bars and nothing else.
 */
@Composable
fun DutyBalanceContent(balance: DutyBalance, modifier: Modifier = Modifier) {
    Column(
        modifier = modifier.verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(balance.summary, style = MaterialTheme.typography.bodyLarge)
        balance.hint?.let { hint ->
            Card {
                Text(hint.message, modifier = Modifier.padding(16.dp), style = MaterialTheme.typography.bodyMedium)
            }
        }
        balance.duties.forEach { count ->
            Column(modifier = Modifier.semantics { stateDescription = "${count.percent}%" }) {
                SectionTitle(count.label)
                LinearProgressIndicator(progress = { count.share.toFloat() })
            }
        }
    }
}

/** A plain record, as the core would give it, to preview the screen without a vault. */
@Preview(showBackground = true)
@Composable
private fun DutyBalancePreview() {
    val day = LocalDate.of(2026, 11, 23)
    DutyBalanceContent(
        DutyBalance(
            from = day.minusWeeks(12),
            to = day,
            activities = 12u,
            duties = listOf(
                DutyCount(Duty.ADVOCATE, "Advocate", 9u, 0.75, 75u, DutyTrend.RISING, 20),
                DutyCount(Duty.EMPOWER, "Empower", 1u, 0.08, 8u, DutyTrend.FALLING, -10),
                DutyCount(Duty.EDUCATE, "Educate", 2u, 0.17, 17u, DutyTrend.STEADY, 0),
            ),
            weeks = emptyList(),
            summary = "12 activities: mostly advocating.",
            hint = EmpowermentHint(4u, day.minusWeeks(4), 6u, "Four weeks of advocating alone: what could she do herself next time?"),
        ),
    )
}
