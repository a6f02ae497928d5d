package org.alongside.state

import java.time.LocalDate
import org.alongside.core.ProgressChart
import org.alongside.core.WellnessSection
import org.alongside.core.WellnessView

/**
 * The client's wellness and crisis plan in shared mode: the client reads it and writes each
 * section in their own words (blank empties it). Every save is a new version in the core; the
 * screen shows the newest, each section with who wrote it.
 */
class SharedWellnessState(vault: VaultRepository) : StateHolder<WellnessView>(vault) {
    fun load(): Boolean = show { vault.withShared { it.wellness() } }

    fun write(section: WellnessSection, text: String?, on: LocalDate): Boolean =
        show { vault.withShared { it.writeWellness(section, text, on) } }
}

/**
 * The worker's read view of a client's wellness and crisis plan; a section written with the
 * client beside them is marked so by the core.
 */
class ClientWellnessState(vault: VaultRepository, val clientId: String) : StateHolder<WellnessView>(vault) {
    fun load(): Boolean = show { vault.withWorker { it.wellnessView(clientId) } }

    fun writeWithClient(section: WellnessSection, text: String?, on: LocalDate): Boolean {
        attempt { vault.withWorker { it.writeWellnessWithClient(clientId, section, text, on) } } ?: return false
        return load()
    }
}

/**
 * Progress as a picture: each goal's two rating lines (the client's and the worker's, never
 * averaged), review days, and the sentence a screen reader speaks. [clientId] null: the client's
 * own chart in shared mode.
 */
class ProgressState(vault: VaultRepository, val clientId: String?) : StateHolder<ProgressChart>(vault) {
    fun load(): Boolean = show {
        if (clientId == null) vault.withShared { it.progressChart() }
        else vault.withWorker { it.progressChart(clientId) }
    }
}

/**
 * The client's copy for the share sheet: one self-contained HTML document. It leaves the vault
 * unsealed, so the screen asks first ([confirmLeavesVault]) and only then fetches it.
 */
class ClientCopyState(vault: VaultRepository, val clientId: String) : StateHolder<String>(vault) {
    /** The HTML, once the worker has confirmed the warning; null (with the error) otherwise. */
    fun make(today: LocalDate, confirmLeavesVault: Boolean): String? {
        if (!confirmLeavesVault) return null
        return attempt { vault.withWorker { it.clientCopy(clientId, today) } }
    }
}
