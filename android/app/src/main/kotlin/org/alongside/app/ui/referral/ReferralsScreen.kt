package org.alongside.app.ui.referral

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.TextButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.dp
import java.time.Instant
import java.time.LocalDate
import org.alongside.app.R
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.display
import org.alongside.core.Referral
import org.alongside.core.ReferralStatus
import org.alongside.core.ReferralView
import org.alongside.core.Resource
import org.alongside.core.ResourceCategory
import org.alongside.state.ReferralState

/**
 * Resources and one client's referrals with their outcomes, stateless over
 * [ReferralState.Referrals]: the core's category and status labels, the outcome in the worker's
 * words, and the follow-up day. Referring opens on a resource; outcomes are set per referral.
 */
@Composable
fun ReferralsContent(
    data: ReferralState.Referrals,
    onRefer: (Resource) -> Unit,
    onOutcome: (ReferralView) -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(
        modifier = modifier.verticalScroll(rememberScrollState()).padding(vertical = 8.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        SectionTitle(stringResource(R.string.referrals_title), Modifier.padding(horizontal = 16.dp))
        data.referrals.forEach { r ->
            ListRow(
                title = r.resourceName,
                lines = listOfNotNull(
                    r.statusLabel,
                    r.referral.outcome,
                    r.referral.followUpDue?.let { stringResource(R.string.referral_follow_up, it.display()) },
                ),
                onClickLabel = stringResource(R.string.action_set_outcome),
                onClick = { onOutcome(r) },
            )
        }
        SectionTitle(stringResource(R.string.resources_title), Modifier.padding(horizontal = 16.dp))
        data.resources.forEach { res ->
            ListRow(
                title = res.name,
                lines = listOfNotNull(res.contact, res.hours, res.languages.joinToString(" ").ifBlank { null }),
                trailing = { TextButton(onClick = { onRefer(res) }) { Text(stringResource(R.string.action_refer)) } },
            )
        }
    }
}

@Preview(showBackground = true)
@Composable
private fun ReferralsPreview() {
    val day = LocalDate.of(2026, 11, 23)
    val bank = Resource("r1", "Northside food bank", ResourceCategory.FOOD_BANK, "0161 000 0000", "Mon-Fri", listOf("ar", "en"), null, Instant.EPOCH)
    val referral = Referral("f1", "c1", "r1", null, day, day.plusDays(7), ReferralStatus.MADE, emptyList(), null, Instant.EPOCH)
    ReferralsContent(
        ReferralState.Referrals(listOf(bank), listOf(ReferralView(referral, bank.name, bank.category, "Food bank", "Made"))),
        onRefer = {},
        onOutcome = {},
    )
}
