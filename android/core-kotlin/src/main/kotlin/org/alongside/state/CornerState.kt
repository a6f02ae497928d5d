package org.alongside.state

import java.time.LocalDate
import java.time.LocalTime
import org.alongside.core.CertificationInput
import org.alongside.core.CornerScreen
import org.alongside.core.CornerSettings
import org.alongside.core.DebriefInput
import org.alongside.core.Lang
import org.alongside.core.SupervisionInput

/**
 * "My corner": the worker's own screen (the core's [CornerScreen]) and the writes on it:
 * debriefs, supervision, certifications, settings and dismissing a heavy week. Every write shows
 * the corner again, so the screen never words or sorts anything itself. Nothing here is about a
 * client, and no shared-mode handle reaches it.
 */
class CornerState(
    vault: VaultRepository,
    /** The worker's language for the corner's words. */
    private val language: Lang = Lang.EN,
) : StateHolder<CornerScreen>(vault) {
    private var day: LocalDate? = null
    private var now: LocalTime? = null

    /** Show the corner for [day]; [now] says whether the worker is off duty (null: not said). */
    fun load(day: LocalDate, now: LocalTime?): Boolean {
        this.day = day
        this.now = now
        return show { vault.withWorker { it.corner(day, now, language) } }
    }

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

    private fun change(call: () -> Any): Boolean {
        attempt(call) ?: return false
        return day?.let { load(it, now) } ?: true
    }
}
