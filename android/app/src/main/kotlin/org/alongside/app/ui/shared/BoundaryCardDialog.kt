package org.alongside.app.ui.shared

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.alongside.app.ui.common.SectionTitle
import org.alongside.core.BoundaryCard
import org.alongside.core.BoundaryRoute

/**
 * For when the client asks for the worker's personal number: the boundary explained kindly, and
 * the agency's routes and crisis lines from the directory, every word the core's, in the client's
 * language.
 */
@Composable
fun BoundaryCardDialog(card: BoundaryCard, onDismiss: () -> Unit) {
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(card.title) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(card.explanation)
                SectionTitle(card.routesHeading)
                if (card.routes.isEmpty()) Text(card.noRoutes)
                card.routes.forEach { RouteText(it) }
                if (card.crisisLines.isNotEmpty()) {
                    SectionTitle(card.crisisHeading)
                    card.crisisLines.forEach { RouteText(it) }
                }
            }
        },
        confirmButton = { TextButton(onClick = onDismiss) { Text(card.close) } },
    )
}

@Composable
private fun RouteText(route: BoundaryRoute) {
    Text(listOfNotNull(route.name, route.contact, route.hours).joinToString("\n"))
}
