package org.alongside.state

import java.time.LocalDate
import java.time.LocalTime
import org.alongside.core.CertificationInput
import org.alongside.core.CornerScreen
import org.alongside.core.CornerSettings
import org.alongside.core.DebriefInput
import org.alongside.core.Lang
import org.alongside.core.SupervisionInput
import org.alongside.core.SupervisionSession
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * "My corner": the worker's own screen (the core's [CornerScreen]) and the writes on it:
 * debriefs, supervision, certifications, settings and dismissing a heavy week. Every write shows
 * the corner again, so the screen never words or sorts anything itself. Nothing here is about a
 * client, and no shared-mode handle reaches it.
 */
class CornerState(
    vault: VaultRepository,
    /** The language for the corner's words; null: the worker's own setting. */
    private val language: Lang? = null,
) : StateHolder<CornerScreen>(vault) {
    private var day: LocalDate? = null
    private var now: LocalTime? = null
    private val _sessions = MutableStateFlow<List<SupervisionSession>>(emptyList())
    private val _settings = MutableStateFlow<CornerSettings?>(null)

    /** Every supervision session, the latest day first, to pick one to record or edit. */
    val sessions: StateFlow<List<SupervisionSession>> = _sessions.asStateFlow()

    /** The corner's settings as stored (the core's defaults until changed). */
    val settings: StateFlow<CornerSettings?> = _settings.asStateFlow()

    /** Show the corner for [day]; [now] says whether the worker is off duty (null: not said). */
    fun load(day: LocalDate, now: LocalTime?): Boolean {
        this.day = day
        this.now = now
        return show {
            vault.withWorker {
                _sessions.value = it.supervisionSessions()
                _settings.value = it.cornerSettings()
                it.corner(day, now, language ?: it.language())
            }
        }
    }

    override fun clear() {
        super.clear()
        _sessions.value = emptyList()
        _settings.value = null
    }

    /** A new debrief for the day shown (the end of the day unless changed). */
    fun newDebrief(): DebriefForm = DebriefForm(day = day ?: LocalDate.now())

    /** A new supervision session, planned for the day shown unless changed. */
    fun newSupervision(): SupervisionForm = SupervisionForm(day = day ?: LocalDate.now())

    /** The settings form, filled from what is stored. */
    fun settingsForm(): CornerSettingsForm = _settings.value?.let { CornerSettingsForm.of(it) } ?: CornerSettingsForm()

    /** Save a debrief form: added when new, changed when editing. False (error in state) if refused. */
    fun saveDebrief(form: DebriefForm): Boolean {
        val input = form.toInput() ?: return false
        val id = form.editing
        return change { vault.withWorker { if (id == null) it.addDebrief(input) else it.updateDebrief(id, input) } }
    }

    /** Save a supervision form: planned when new; when editing, its new actions are added. */
    fun saveSupervision(form: SupervisionForm): Boolean {
        val input = form.toInput()
        val id = form.editing
        return change {
            vault.withWorker { if (id == null) it.addSupervision(input) else it.updateSupervision(id, input) }
        }
    }

    /** Save a certification form: added when new, changed (renewed) when editing. */
    fun saveCertification(form: CertificationForm): Boolean {
        val input = form.toInput()
        val id = form.editing
        return change {
            vault.withWorker { if (id == null) it.addCertification(input) else it.updateCertification(id, input) }
        }
    }

    fun deleteCertification(certificationId: String): Boolean =
        change { vault.withWorker { it.deleteCertification(certificationId) } }

    fun saveSettings(form: CornerSettingsForm): Boolean = saveSettings(form.toSettings())

    fun addDebrief(input: DebriefInput): Boolean = change { vault.withWorker { it.addDebrief(input) } }

    fun deleteDebrief(debriefId: String): Boolean = change { vault.withWorker { it.deleteDebrief(debriefId) } }

    fun addSupervision(input: SupervisionInput): Boolean =
        change { vault.withWorker { it.addSupervision(input) } }

    /** Tick an agreed action done on [on], or not done with null. */
    fun actionDone(sessionId: String, actionId: String, on: LocalDate?): Boolean =
        change { vault.withWorker { it.setSupervisionActionDone(sessionId, actionId, on) } }

    fun addCertification(input: CertificationInput): Boolean =
        change { vault.withWorker { it.addCertification(input) } }

    fun saveSettings(settings: CornerSettings): Boolean =
        change { vault.withWorker { it.setCornerSettings(settings) } }

    /** Hide this week's heavy-week signal; the core never shows it again for the week. */
    fun dismissHeavyWeek(): Boolean {
        val shown = day ?: return false
        return change { vault.withWorker { it.dismissHeavyWeek(shown) } }
    }

    /**
     * Ask the team's supervisors for a supervision session, with [topics] if written; it reaches
     * them at the next sync. Needs a team.
     */
    fun askForSupervision(topics: String?): Boolean =
        attempt { vault.withWorker { it.supervisionRequest(topics?.trim()?.ifEmpty { null }) } } != null

    /**
     * Share one debrief with the supervisors: a copy of its day, score and words; the entry stays
     * private on this phone otherwise. Needs a team.
     */
    fun shareDebrief(debriefId: String): Boolean =
        attempt { vault.withWorker { it.debriefShare(debriefId) } } != null

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return day?.let { load(it, now) } ?: true
    }
}
