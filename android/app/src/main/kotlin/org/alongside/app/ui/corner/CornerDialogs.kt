@file:OptIn(ExperimentalLayoutApi::class)

package org.alongside.app.ui.corner

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import java.time.DayOfWeek
import java.time.LocalDate
import java.time.format.TextStyle
import java.util.Locale
import org.alongside.app.ui.common.DateField
import org.alongside.app.ui.common.SectionTitle
import org.alongside.app.ui.common.TextArea
import org.alongside.app.ui.common.TimeField
import org.alongside.core.CornerFormWords
import org.alongside.core.CornerScreen
import org.alongside.core.DebriefOccasion
import org.alongside.core.HeavyWeekThresholds
import org.alongside.state.ActionDraft
import org.alongside.state.CertificationForm
import org.alongside.state.CornerSettingsForm
import org.alongside.state.DebriefForm
import org.alongside.state.SupervisionForm

/*
 * The corner's forms as dialogs: stateless over the Kotlin layer's form values, every word from
 * the core (CornerWords, CornerFormWords); dates and weekday names as the phone's locale writes
 * them.
 */

@Composable
private fun FormDialog(
    title: String,
    save: String,
    cancel: String,
    canSave: Boolean,
    onSave: () -> Unit,
    onCancel: () -> Unit,
    extra: (@Composable () -> Unit)? = null,
    content: @Composable () -> Unit,
) {
    AlertDialog(
        onDismissRequest = onCancel,
        title = { Text(title) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                content()
            }
        },
        confirmButton = { TextButton(enabled = canSave, onClick = onSave) { Text(save) } },
        dismissButton = {
            Row {
                extra?.invoke()
                TextButton(onClick = onCancel) { Text(cancel) }
            }
        },
    )
}

/** An optional day: a date field while set, and a box to leave it unset ([unsetLabel]). */
@Composable
private fun OptionalDay(label: String, unsetLabel: String, value: LocalDate?, onChange: (LocalDate?) -> Unit) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Checkbox(checked = value == null, onCheckedChange = { none -> onChange(if (none) null else LocalDate.now()) })
        Text(unsetLabel)
    }
    value?.let { DateField(label, it, onChange = { d -> onChange(d) }) }
}

@Composable
fun DebriefDialog(
    view: CornerScreen,
    form: DebriefForm,
    onChange: (DebriefForm) -> Unit,
    onSave: () -> Unit,
    onCancel: () -> Unit,
) {
    val w = view.words
    val f = view.formWords
    FormDialog(
        title = if (form.editing == null) f.newDebrief else f.editDebrief,
        save = w.save,
        cancel = f.cancel,
        canSave = form.canSave,
        onSave = onSave,
        onCancel = onCancel,
    ) {
        DateField(f.day, form.day, onChange = { onChange(form.copy(day = it)) })
        Text(f.occasion)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            view.occasions.forEach { choice ->
                val value = DebriefOccasion.entries.first { it.name.lowercase() == choice.value }
                FilterChip(
                    selected = form.occasion == value,
                    onClick = { onChange(form.copy(occasion = value)) },
                    label = { Text(choice.label) },
                )
            }
        }
        Text(w.debriefQuestion)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            view.scoreScale.forEach { choice ->
                val n = choice.value.toInt()
                FilterChip(
                    selected = form.score == n,
                    onClick = { onChange(form.copy(score = n)) },
                    label = { Text(choice.label) },
                )
            }
        }
        TextArea(form.words, { onChange(form.copy(words = it)) }, w.debriefWords)
        TextArea(form.whatHelped, { onChange(form.copy(whatHelped = it)) }, w.whatHelped)
        TextArea(form.forMyself, { onChange(form.copy(forMyself = it)) }, w.forMyself)
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = form.tookBreak == true, onCheckedChange = { onChange(form.copy(tookBreak = it)) })
            Text(w.tookBreak)
        }
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(
                checked = form.shareWithSupervisor,
                onCheckedChange = { onChange(form.copy(shareWithSupervisor = it)) },
            )
            Text(w.shareWithSupervisor)
        }
        Text(w.shareNote)
    }
}

@Composable
fun SupervisionDialog(
    f: CornerFormWords,
    save: String,
    form: SupervisionForm,
    onChange: (SupervisionForm) -> Unit,
    onSave: () -> Unit,
    onCancel: () -> Unit,
) {
    FormDialog(
        title = if (form.editing == null) f.newSupervision else f.editSupervision,
        save = save,
        cancel = f.cancel,
        canSave = form.withWhom.isNotBlank(),
        onSave = onSave,
        onCancel = onCancel,
    ) {
        DateField(f.day, form.day, onChange = { onChange(form.copy(day = it)) })
        OutlinedTextField(form.withWhom, { onChange(form.copy(withWhom = it)) }, label = { Text(f.withWhom) })
        SectionTitle(f.topics)
        form.topics.forEachIndexed { i, topic ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                OutlinedTextField(topic, { onChange(form.setTopic(i, it)) }, modifier = Modifier.weight(1f))
                TextButton(onClick = { onChange(form.removeTopic(i)) }) { Text(f.delete) }
            }
        }
        TextButton(onClick = { onChange(form.addTopic()) }) { Text(f.addTopic) }
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = form.held, onCheckedChange = { onChange(form.copy(held = it)) })
            Text(f.held)
        }
        TextArea(form.notes, { onChange(form.copy(notes = it)) }, f.notes)
        SectionTitle(f.actions)
        form.agreed.forEach { a ->
            Text(listOfNotNull(a.what, a.doneOn?.let { f.actionDone }).joinToString(" · "))
        }
        form.newActions.forEachIndexed { i, a ->
            OutlinedTextField(a.what, { onChange(form.setAction(i, a.copy(what = it))) }, label = { Text(f.actionWhat) })
            OptionalDay(f.actionDue, f.notSet, a.due) { due -> onChange(form.setAction(i, a.copy(due = due))) }
            TextButton(onClick = { onChange(form.removeAction(i)) }) { Text(f.delete) }
        }
        TextButton(onClick = { onChange(form.addAction()) }) { Text(f.addAction) }
    }
}

@Composable
fun CertificationDialog(
    f: CornerFormWords,
    save: String,
    form: CertificationForm,
    onChange: (CertificationForm) -> Unit,
    onSave: () -> Unit,
    onDelete: (() -> Unit)?,
    onCancel: () -> Unit,
) {
    FormDialog(
        title = if (form.editing == null) f.newCertification else f.editCertification,
        save = save,
        cancel = f.cancel,
        canSave = form.name.isNotBlank(),
        onSave = onSave,
        onCancel = onCancel,
        extra = onDelete?.let { delete -> { TextButton(onClick = delete) { Text(f.delete) } } },
    ) {
        OutlinedTextField(form.name, { onChange(form.copy(name = it)) }, label = { Text(f.certificationName) })
        OptionalDay(f.certificationExpires, f.noExpiry, form.expires) { onChange(form.copy(expires = it)) }
        TextArea(form.notes, { onChange(form.copy(notes = it)) }, f.notes)
    }
}

/** A whole number typed in a box; anything not a number leaves the value as it was. */
@Composable
private fun NumberField(label: String, value: Int, onChange: (Int) -> Unit) {
    OutlinedTextField(
        value = value.toString(),
        onValueChange = { text -> text.toIntOrNull()?.let(onChange) },
        label = { Text(label) },
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
    )
}

@Composable
fun SettingsDialog(
    f: CornerFormWords,
    save: String,
    form: CornerSettingsForm,
    onChange: (CornerSettingsForm) -> Unit,
    onSave: () -> Unit,
    onCancel: () -> Unit,
) {
    FormDialog(title = f.settings, save = save, cancel = f.cancel, canSave = true, onSave = onSave, onCancel = onCancel) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = form.hoursSet, onCheckedChange = { onChange(form.copy(hoursSet = it)) })
            Text(f.workingHours)
        }
        if (form.hoursSet) {
            Text(f.workingDays)
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                DayOfWeek.entries.forEach { d ->
                    FilterChip(
                        selected = d in form.days,
                        onClick = { onChange(form.toggleDay(d)) },
                        label = { Text(d.getDisplayName(TextStyle.SHORT, Locale.getDefault())) },
                    )
                }
            }
            TimeField(f.dayStart, form.start, onChange = { t -> t?.let { onChange(form.copy(start = it)) } })
            TimeField(f.dayEnd, form.end, onChange = { t -> t?.let { onChange(form.copy(end = it)) } })
        }
        SectionTitle(f.thresholds)
        val t = form.thresholds
        val set = { next: HeavyWeekThresholds -> onChange(form.copy(thresholds = next)) }
        NumberField(f.thresholdCrisis, t.crisisResponses.toInt()) { set(t.copy(crisisResponses = it.toUInt())) }
        NumberField(f.thresholdIncidents, t.incidents.toInt()) { set(t.copy(incidents = it.toUInt())) }
        NumberField(f.thresholdEmergency, t.emergencyVisits.toInt()) { set(t.copy(emergencyVisits = it.toUInt())) }
        NumberField(f.thresholdLate, t.lateFinishes.toInt()) { set(t.copy(lateFinishes = it.toUInt())) }
        NumberField(f.thresholdNoBreak, t.daysWithoutBreak.toInt()) { set(t.copy(daysWithoutBreak = it.toUInt())) }
        NumberField(f.thresholdHeavyDebriefs, t.heavyDebriefs.toInt()) { set(t.copy(heavyDebriefs = it.toUInt())) }
        NumberField(f.certificationNotice, form.noticeDays) { onChange(form.copy(noticeDays = it)) }
    }
}
