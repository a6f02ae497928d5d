package org.alongside.state

import org.alongside.core.EarlierRevision
import org.alongside.core.WellnessPlan

/**
 * A record's earlier revisions, as the core keeps them when a goal, step, visit, incident,
 * referral or assessment is corrected (`recordHistory`): each with when it changed and what it
 * said. The screen shows them under the record; nothing here changes them.
 */
class HistoryState(vault: VaultRepository, val recordId: String) : StateHolder<List<EarlierRevision>>(vault) {
    fun load(): Boolean = show { vault.withWorker { it.recordHistory(recordId) } }
}

/** Every saved version of a client's wellness and crisis plan, as the core lists them. */
class WellnessVersionsState(vault: VaultRepository, val clientId: String) : StateHolder<List<WellnessPlan>>(vault) {
    fun load(): Boolean = show { vault.withWorker { it.wellnessVersions(clientId) } }
}
