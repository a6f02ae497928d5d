package org.alongside.app.ui.visit

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Check
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import org.alongside.app.R
import org.alongside.app.ui.common.highlighted
import org.alongside.core.Duty
import org.alongside.core.DutySuggestion

/**
 * The core's duty suggestions for the purpose typed so far: each duty with the reason and the
 * purpose with the words that triggered it marked. Tapping one chooses (or unchooses) that duty.
 */
@Composable
fun DutySuggestions(
    purpose: String,
    suggestions: List<DutySuggestion>,
    chosen: List<Duty>,
    onToggle: (Duty) -> Unit,
) {
    if (suggestions.isEmpty()) return
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(words().visitSuggested, style = MaterialTheme.typography.labelLarge)
        suggestions.forEach { suggestion ->
            val selected = suggestion.duty in chosen
            FilterChip(
                selected = selected,
                onClick = { onToggle(suggestion.duty) },
                label = { Text(suggestion.label) },
                leadingIcon = if (selected) {
                    { Icon(Icons.Filled.Check, contentDescription = null) }
                } else {
                    null
                },
            )
            Text(suggestion.reason, style = MaterialTheme.typography.bodySmall)
            Text(highlighted(purpose, suggestion.triggers.map { it.span }), style = MaterialTheme.typography.bodySmall)
        }
    }
}
