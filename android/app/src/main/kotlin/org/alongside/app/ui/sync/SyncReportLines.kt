package org.alongside.app.ui.sync

import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import org.alongside.app.ui.common.phrase
import org.alongside.app.ui.common.teamWords
import org.alongside.core.AppPhrase
import org.alongside.core.SyncReport

/**
 * What a sync did to this phone's team data, when it took something away or refused a change from
 * the team: said, never silent (each refusal as the core words it, with the sending phone and why).
 */
@Composable
fun SyncReportLines(report: SyncReport) {
    if (report.removedFromTeam) Text(teamWords().syncRemovedFromTeam)
    if (report.clientsHandedAway > 0u) Text(phrase(AppPhrase.ClientsHandedAway(report.clientsHandedAway)))
    report.refusedRevisions.forEach { Text(it.summary) }
}
