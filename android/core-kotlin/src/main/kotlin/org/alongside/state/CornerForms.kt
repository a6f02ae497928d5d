package org.alongside.state

import java.time.DayOfWeek
import java.time.LocalDate
import java.time.LocalTime
import org.alongside.core.Certification
import org.alongside.core.CertificationInput
import org.alongside.core.CornerSettings
import org.alongside.core.Debrief
import org.alongside.core.DebriefInput
import org.alongside.core.DebriefOccasion
import org.alongside.core.HeavyWeekThresholds
import org.alongside.core.SupervisionAction
import org.alongside.core.SupervisionActionInput
import org.alongside.core.SupervisionInput
import org.alongside.core.SupervisionSession
import org.alongside.core.WorkingHours

/*
 * The corner's forms as plain values: what the worker has typed so far, made from a stored record
 * to edit it, and turned into the core's input to save. The core checks every field (and words
 * any refusal); these only keep the typing, so the screens stay stateless. Tested on the JVM in
 * tests/kotlin (CornerTest).
 */

private fun String.orNull(): String? = trim().ifEmpty { null }

/** A debrief being written ([editing] null) or edited. Saved once a score is chosen. */
data class DebriefForm(
    val editing: String? = null,
    val day: LocalDate,
    val occasion: DebriefOccasion = DebriefOccasion.END_OF_DAY,
    /** 1 to 10, from the core's `scoreScale`; null until chosen. */
    val score: Int? = null,
    val words: String = "",
    val whatHelped: String = "",
    val forMyself: String = "",
    val tookBreak: Boolean? = null,
    val shareWithSupervisor: Boolean = false,
) {
    val canSave: Boolean get() = score != null

    /** The core's input, or null while no score is chosen. */
    fun toInput(): DebriefInput? = score?.let {
        DebriefInput(
            day = day,
            occasion = occasion,
            score = it,
            words = words.orNull(),
            whatHelped = whatHelped.orNull(),
            forMyself = forMyself.orNull(),
            tookBreak = tookBreak,
            shareWithSupervisor = shareWithSupervisor,
        )
    }

    companion object {
        fun of(d: Debrief) = DebriefForm(
            editing = d.id,
            day = d.day,
            occasion = d.occasion,
            score = d.score.toInt(),
            words = d.words.orEmpty(),
            whatHelped = d.whatHelped.orEmpty(),
            forMyself = d.forMyself.orEmpty(),
            tookBreak = d.tookBreak,
            shareWithSupervisor = d.shareWithSupervisor,
        )
    }
}

/** An action being added in the supervision form. */
data class ActionDraft(val what: String = "", val due: LocalDate? = null)

/**
 * A supervision session being planned ([editing] null) or recorded / edited. Actions agreed
 * before stay as they are ([agreed], ticked on the corner); [newActions] are added on save.
 */
data class SupervisionForm(
    val editing: String? = null,
    val day: LocalDate,
    val withWhom: String = "",
    val topics: List<String> = emptyList(),
    val held: Boolean = false,
    val notes: String = "",
    val agreed: List<SupervisionAction> = emptyList(),
    val newActions: List<ActionDraft> = emptyList(),
) {
    fun addTopic(): SupervisionForm = copy(topics = topics + "")

    fun setTopic(index: Int, text: String): SupervisionForm =
        copy(topics = topics.mapIndexed { i, t -> if (i == index) text else t })

    fun removeTopic(index: Int): SupervisionForm = copy(topics = topics.filterIndexed { i, _ -> i != index })

    fun addAction(): SupervisionForm = copy(newActions = newActions + ActionDraft())

    fun setAction(index: Int, draft: ActionDraft): SupervisionForm =
        copy(newActions = newActions.mapIndexed { i, a -> if (i == index) draft else a })

    fun removeAction(index: Int): SupervisionForm =
        copy(newActions = newActions.filterIndexed { i, _ -> i != index })

    /** Blank topics and actions are left out; the core refuses the rest if they break a rule. */
    fun toInput(): SupervisionInput = SupervisionInput(
        day = day,
        withWhom = withWhom,
        topics = topics.filter { it.isNotBlank() },
        held = held,
        notes = notes.orNull(),
        actions = newActions.filter { it.what.isNotBlank() }.map { SupervisionActionInput(it.what, it.due) },
    )

    companion object {
        fun of(s: SupervisionSession) = SupervisionForm(
            editing = s.id,
            day = s.day,
            withWhom = s.withWhom,
            topics = s.topics,
            held = s.held,
            notes = s.notes.orEmpty(),
            agreed = s.actions,
        )
    }
}

/** A certification being added ([editing] null) or edited (renewed: a new expiry). */
data class CertificationForm(
    val editing: String? = null,
    val name: String = "",
    val expires: LocalDate? = null,
    val notes: String = "",
) {
    fun toInput(): CertificationInput = CertificationInput(name = name, expires = expires, notes = notes.orNull())

    companion object {
        fun of(c: Certification) = CertificationForm(c.id, c.name, c.expires, c.notes.orEmpty())
    }
}

/** The corner's settings being changed: working hours on or off, thresholds, the notice. */
data class CornerSettingsForm(
    val hoursSet: Boolean = false,
    val days: Set<DayOfWeek> = WEEKDAYS,
    val start: LocalTime = LocalTime.of(9, 0),
    val end: LocalTime = LocalTime.of(17, 0),
    val thresholds: HeavyWeekThresholds = HeavyWeekThresholds(),
    val noticeDays: Int = 60,
) {
    fun toggleDay(day: DayOfWeek): CornerSettingsForm = copy(days = if (day in days) days - day else days + day)

    /** The core's settings; its rules refuse an empty week, an end before the start, ... */
    fun toSettings(): CornerSettings = CornerSettings(
        workingHours = if (hoursSet) {
            WorkingHours(days.sorted().map { it.value.toUInt() }, start, end)
        } else {
            null
        },
        heavyWeek = thresholds,
        certificationNoticeDays = noticeDays.coerceAtLeast(0).toUInt(),
    )

    companion object {
        private val WEEKDAYS = setOf(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
        )

        fun of(s: CornerSettings): CornerSettingsForm {
            val hours = s.workingHours
            return CornerSettingsForm(
                hoursSet = hours != null,
                days = hours?.days?.map { DayOfWeek.of(it.toInt()) }?.toSet() ?: WEEKDAYS,
                start = hours?.start ?: LocalTime.of(9, 0),
                end = hours?.end ?: LocalTime.of(17, 0),
                thresholds = s.heavyWeek,
                noticeDays = s.certificationNoticeDays.toInt(),
            )
        }
    }
}
