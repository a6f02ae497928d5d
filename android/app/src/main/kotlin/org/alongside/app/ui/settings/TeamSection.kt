package org.alongside.app.ui.settings

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.text.selection.SelectionContainer
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import org.alongside.app.ui.Routes
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.SectionHeader
import org.alongside.app.ui.common.teamWords
import org.alongside.app.ui.common.words
import org.alongside.app.ui.sync.rememberSyncState

/**
 * Settings → Team: on a phone in no team, start one on the agency's server or join with a code
 * shown in person on an admin's phone; on an admin's phone, make an invite code (shown as text, which
 * is what a QR code would carry); once admitted, the way to the members. The status line is the
 * core's.
 */
@Composable
fun TeamSection(nav: NavController) {
    val model = rememberSyncState("team")
    val screen by model.holder.state.collectAsStateWithLifecycle()
    var server by remember { mutableStateOf("") }
    var code by remember { mutableStateOf("") }
    val page = screen.data

    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionHeader(words().teamTitle, words().teamExplainer)
        ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
        page?.let { Text(it.status.summary) }
        if (page != null && !page.status.inTeam) {
            OutlinedTextField(server, { server = it }, label = { Text(words().fieldServerUrl) }, singleLine = true)
            Button(onClick = { model.call { createTeam(server) } }, enabled = server.isNotBlank() && !screen.busy) {
                Text(words().actionTeamCreate)
            }
            OutlinedTextField(code, { code = it }, label = { Text(words().fieldInviteCode) }, singleLine = true)
            Button(onClick = { model.call { join(code) } }, enabled = code.isNotBlank() && !screen.busy) {
                Text(words().actionTeamJoin)
            }
        }
        if (page != null && page.status.member) {
            OutlinedButton(onClick = { nav.navigate(Routes.MEMBERS) }) { Text(teamWords().actionMembers) }
        }
        if (page != null && page.status.admin) {
            OutlinedButton(onClick = { model.call { invite() } }, enabled = !screen.busy) { Text(words().actionTeamInvite) }
            page.inviteCode?.let { invite ->
                Text(words().teamInviteExplainer)
                SelectionContainer { Text(invite) }
            }
        }
    }
}
