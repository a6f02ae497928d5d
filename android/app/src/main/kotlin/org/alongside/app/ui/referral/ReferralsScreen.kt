package org.alongside.app.ui.referral

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.material3.FilterChip
import org.alongside.state.toEnum
import org.alongside.app.ui.common.phrase
import org.alongside.core.AppPhrase
import org.alongside.app.ui.common.words
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
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ReferralsContent(
    data: ReferralState.Referrals,
    onRefer: (Resource) -> Unit,
    onOutcome: (ReferralView) -> Unit,
    modifier: Modifier = Modifier,
    onCategory: (ResourceCategory?) -> Unit = {},
) {
    Column(
        modifier = modifier.verticalScroll(rememberScrollState()).padding(vertical = 8.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        SectionTitle(words().referralsTitle, Modifier.padding(horizontal = 16.dp))
        data.referrals.forEach { r ->
            ListRow(
                title = r.resourceName,
                lines = listOfNotNull(
                    r.statusLabel,
                    r.referral.outcome,
                    r.referral.followUpDue?.let { phrase(AppPhrase.ReferralFollowUp(it.display())) },
                ),
                onClickLabel = words().actionSetOutcome,
                onClick = { onOutcome(r) },
            )
        }
        SectionTitle(words().resourcesTitle, Modifier.padding(horizontal = 16.dp))
        FlowRow(Modifier.padding(horizontal = 16.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            data.categoryChoices.forEach { choice ->
                val value: ResourceCategory = choice.toEnum()
                FilterChip(
                    selected = data.category == value,
                    onClick = { onCategory(if (data.category == value) null else value) },
                    label = { Text(choice.label) },
                )
            }
        }
        data.resources.forEach { res ->
            ListRow(
                title = res.name,
                lines = listOfNotNull(data.categoryLabel(res.category), res.contact, res.hours, res.languages.joinToString(" ").ifBlank { null }),
                trailing = { TextButton(onClick = { onRefer(res) }) { Text(words().actionRefer) } },
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
