package org.alongside.app.ui.corner

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.alongside.app.ui.common.ListRow
import org.alongside.core.TodayCorner

/**
 * The worker's own part of Today, as the core's [TodayCorner] gives it (worded in the worker's
 * language): off duty, or the agreed supervision actions due, certifications running out and the
 * heavy-week signal. Stateless; the corner's tab is where they are acted on.
 */
@Composable
fun TodayCornerSection(corner: TodayCorner, onDismissWeek: (() -> Unit)? = null) {
    Column {
        corner.offDutyLabel?.let { Text(it, modifier = Modifier.padding(horizontal = 16.dp)) }
        corner.heavyWeek?.let { week -> HeavyWeekCard(week, onDismiss = onDismissWeek) }
        corner.supervisionActions.forEach { a -> ListRow(title = a.action.what, lines = listOf(a.dueLabel)) }
        corner.certificationsExpiring.forEach { c ->
            ListRow(title = c.certification.name, lines = listOf(c.expiryLabel))
        }
    }
}
