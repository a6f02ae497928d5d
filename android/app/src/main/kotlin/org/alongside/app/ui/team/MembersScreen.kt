@file:OptIn(ExperimentalMaterial3Api::class, ExperimentalLayoutApi::class)

package org.alongside.app.ui.team

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.Checkbox
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.navigation.NavController
import java.time.LocalDate
import org.alongside.app.ui.common.BackAction
import org.alongside.app.ui.common.ChipRow
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.ErrorBanner
import org.alongside.app.ui.common.ListRow
import org.alongside.app.ui.common.LocalAppContainer
import org.alongside.app.ui.common.SectionHeader
import org.alongside.app.ui.common.forField
import org.alongside.app.ui.common.rememberHolder
import org.alongside.app.ui.common.supporting
import org.alongside.app.ui.common.teamWords
import org.alongside.app.ui.common.words
import org.alongside.app.ui.sync.SyncReportLines
import org.alongside.core.TeamMember
import org.alongside.state.TeamState

/** What an admin is about to cut off, held until they confirm. */
private sealed class Removal {
    data class Device(val deviceId: String) : Removal()
    data class Member(val memberId: String) : Removal()
}

/**
 * Settings → Team → Members: each member's name, role, devices with last seen and clients count
 * (the core's sentences), and this phone's own name in the team. On an admin's phone: assign a
 * client, cover clients until a day, cut off a device or a member (after a confirmation that says
 * what happens), make a worker a supervisor or back, and the offline lease. A worker sees the list.
 */
@Composable
fun MembersScreen(nav: NavController) {
    val container = LocalAppContainer.current
    val model = rememberHolder("team-members") { TeamState(it, container.syncTransport) }
    val screen by model.holder.state.collectAsStateWithLifecycle()
    LaunchedEffect(Unit) { model.call { load() } }
    val page = screen.data
    var name by remember { mutableStateOf("") }
    var removal by remember { mutableStateOf<Removal?>(null) }

    Scaffold(
        topBar = { TopAppBar(title = { Text(teamWords().membersTitle) }, navigationIcon = { BackAction(nav) }) },
    ) { padding ->
        LazyColumn(contentPadding = padding) {
            item {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    ErrorBanner(screen.error, onDismiss = { model.holder.dismissError() })
                    page?.lastChange?.let { SyncReportLines(it) }
                    OutlinedTextField(
                        name, { name = it },
                        label = { Text(teamWords().fieldMyTeamName) },
                        singleLine = true,
                        isError = screen.error.forField("name") != null,
                        supportingText = supporting(screen.error.forField("name")),
                    )
                    Button(onClick = { model.call { setName(name) } }, enabled = name.isNotBlank() && !screen.busy) {
                        Text(words().actionSave)
                    }
                    if (page != null && !page.admin) Text(teamWords().membersListOnly)
                }
            }
            items(page?.members.orEmpty(), key = { it.memberId }) { member ->
                MemberRow(
                    member = member,
                    admin = page?.admin == true,
                    busy = screen.busy,
                    onRemoveDevice = { removal = Removal.Device(it) },
                    onRemoveMember = { removal = Removal.Member(member.memberId) },
                    onRole = { supervisor -> model.call { setSupervisor(member.memberId, supervisor) } },
                )
            }
            if (page != null && page.admin) {
                item { AssignForm(page, screen.busy) { form -> model.call { assign(form) } } }
                item { CoverForm(page, screen.busy) { form -> model.call { cover(form) } } }
                item { LeaseForm(screen.busy) { days -> model.call { setLease(days) } } }
            }
        }
    }

    removal?.let { pending ->
        AlertDialog(
            onDismissRequest = { removal = null },
            text = {
                Text(if (pending is Removal.Device) teamWords().removeDeviceConfirm else teamWords().removeMemberConfirm)
            },
            confirmButton = {
                TextButton(onClick = {
                    removal = null
                    when (pending) {
                        is Removal.Device -> model.call { removeDevice(pending.deviceId) }
                        is Removal.Member -> model.call { removeMember(pending.memberId) }
                    }
                }) { Text(if (pending is Removal.Device) teamWords().actionRemoveDevice else teamWords().actionRemoveMember) }
            },
            dismissButton = { TextButton(onClick = { removal = null }) { Text(words().actionCancel) } },
        )
    }
}

@Composable
private fun MemberRow(
    member: TeamMember,
    admin: Boolean,
    busy: Boolean,
    onRemoveDevice: (String) -> Unit,
    onRemoveMember: () -> Unit,
    onRole: (Boolean) -> Unit,
) {
    ListRow(title = member.name, lines = listOf(member.summary)) {
        member.devices.forEach { device ->
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(device.statusLabel, Modifier.weight(1f))
                if (admin && !device.removed && !device.thisPhone) {
                    TextButton(onClick = { onRemoveDevice(device.device) }, enabled = !busy) { Text(teamWords().actionRemoveDevice) }
                }
            }
        }
        if (admin && !member.isMe && !member.removed) {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(onClick = { onRole(!member.admin) }, enabled = !busy) {
                    Text(if (member.admin) teamWords().actionMakeWorker else teamWords().actionMakeSupervisor)
                }
                OutlinedButton(onClick = onRemoveMember, enabled = !busy) { Text(teamWords().actionRemoveMember) }
            }
        }
    }
}

/** Assign a client to a member, with "the previous worker loses access". */
@Composable
private fun AssignForm(page: TeamState.MembersPage, busy: Boolean, onAssign: (TeamState.AssignForm) -> Unit) {
    var form by remember { mutableStateOf(TeamState.AssignForm()) }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionHeader(teamWords().actionAssignClient, teamWords().assignExplainer)
        ChipRow(teamWords().fieldClient, page.clients, { it.preferredName }, { form.clientId == it.id }) {
            form = form.copy(clientId = it.id)
        }
        ChipRow(teamWords().membersTitle, page.members.filter { !it.removed }, { it.name }, { form.memberId == it.memberId }) {
            form = form.copy(memberId = it.memberId)
        }
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = form.removePrevious, onCheckedChange = { form = form.copy(removePrevious = it) })
            Text(teamWords().fieldRemovePrevious)
        }
        Button(onClick = { onAssign(form) }, enabled = form.ready && !busy) { Text(teamWords().actionAssignClient) }
    }
}

/** Let a colleague cover named clients until a day (the first day without them). */
@Composable
private fun CoverForm(page: TeamState.MembersPage, busy: Boolean, onCover: (TeamState.CoverForm) -> Unit) {
    var form by remember { mutableStateOf(TeamState.CoverForm(until = LocalDate.now().plusDays(7))) }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionHeader(teamWords().actionCover, teamWords().coverExplainer)
        ChipRow(teamWords().fieldClient, page.clients, { it.preferredName }, { it.id in form.clientIds }) {
            form = form.toggle(it.id)
        }
        ChipRow(teamWords().membersTitle, page.others, { it.name }, { form.memberId == it.memberId }) {
            form = form.copy(memberId = it.memberId)
        }
        form.until?.let { until -> DateField(teamWords().fieldCoverUntil, until, { form = form.copy(until = it) }) }
        Button(onClick = { onCover(form) }, enabled = form.ready && !busy) { Text(teamWords().actionCover) }
    }
}

/** The team's offline lease in days (0: none). */
@Composable
private fun LeaseForm(busy: Boolean, onSet: (UInt) -> Unit) {
    var days by remember { mutableStateOf("") }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedTextField(
            days, { days = it.filter(Char::isDigit).take(4) },
            label = { Text(teamWords().fieldLeaseDays) },
            supportingText = { Text(teamWords().leaseExplainer) },
            singleLine = true,
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        )
        val value = days.toUIntOrNull()
        Button(onClick = { value?.let(onSet) }, enabled = value != null && !busy) { Text(words().actionSave) }
    }
}
