package org.alongside.app.ui.client

import androidx.compose.foundation.layout.Arrangement
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.alongside.app.R
import org.alongside.app.ui.common.display
import org.alongside.core.WellnessSectionView
import org.alongside.core.WellnessView

/**
 * The client's wellness and crisis plan, every section in the core's order with its heading, the
 * words as written, and who wrote them. [onEdit] null: read only (the worker's view).
 */
@Composable
fun WellnessPlanView(view: WellnessView, onEdit: ((WellnessSectionView) -> Unit)?, modifier: Modifier = Modifier) {
    Column(modifier, verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(view.title, style = MaterialTheme.typography.titleLarge, modifier = Modifier.semantics { heading() })
        view.sections.forEach { section ->
            Card {
                Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(section.heading, style = MaterialTheme.typography.titleSmall, modifier = Modifier.semantics { heading() })
                    section.text?.let { Text(it) }
                    Text(
                        listOfNotNull(section.writtenByLabel, section.writtenOn?.display()).joinToString(" · "),
                        style = MaterialTheme.typography.bodySmall,
                    )
                    onEdit?.let { edit ->
                        TextButton(onClick = { edit(section) }) { Text(words().actionWrite) }
                    }
                }
            }
        }
    }
}
