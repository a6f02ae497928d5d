package org.alongside.app.ui.caseload

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.material3.FilterChip
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import org.alongside.app.ui.common.words
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import org.alongside.app.R
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.supporting
import org.alongside.core.ClientInput
import org.alongside.state.UiError

/**
 * A new client: the name they go by, pronouns, and the language they read (BCP-47, e.g. "fr-CA";
 * shared mode speaks to them in it; the languages the core ships are one tap away). Empty boxes are sent as "not given"; the core checks the rest.
 */
@Composable
@OptIn(ExperimentalLayoutApi::class)
fun AddClientDialog(
    error: UiError?,
    onAdd: (ClientInput) -> Unit,
    onDismiss: () -> Unit,
    /** The languages the core's words ship in (`clientLanguages`), offered as one tap each. */
    languages: List<String> = emptyList(),
) {
    var name by remember { mutableStateOf("") }
    var pronouns by remember { mutableStateOf("") }
    var language by remember { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text(words().actionAddClient) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(
                    value = name,
                    onValueChange = { name = it },
                    label = { Text(words().fieldPreferredName) },
                    isError = error.forField("preferred_name") != null,
                    supportingText = supporting(error.forField("preferred_name")),
                )
                OutlinedTextField(
                    value = pronouns,
                    onValueChange = { pronouns = it },
                    label = { Text(words().fieldPronouns) },
                    supportingText = supporting(error.forField("pronouns")),
                )
                OutlinedTextField(
                    value = language,
                    onValueChange = { language = it },
                    label = { Text(words().fieldLanguage) },
                    supportingText = { Text(error.forField("language") ?: words().fieldLanguageHint) },
                )
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    languages.forEach { tag ->
                        FilterChip(selected = language == tag, onClick = { language = tag }, label = { Text(tag) })
                    }
                }
            }
        },
        confirmButton = {
            TextButton(onClick = {
                onAdd(
                    ClientInput(
                        preferredName = name,
                        legalName = null,
                        pronouns = pronouns.ifBlank { null },
                        language = language.ifBlank { null },
                        culturalNotes = null,
                        contacts = emptyList(),
                        consents = emptyList(),
                    ),
                )
            }) { Text(words().actionAdd) }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text(words().actionCancel) } },
    )
}
