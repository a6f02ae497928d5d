package org.alongside.state

import org.alongside.core.BoundaryCard

/**
 * Shared mode's boundary card, for when the client asks for the worker's personal number: the
 * core's [BoundaryCard], every word in the client's language, with the agency's routes and the
 * crisis lines from the directory. It reads through the shared-mode handle only.
 */
class BoundaryState(vault: VaultRepository) : StateHolder<BoundaryCard>(vault) {
    fun load(): Boolean = show { vault.withShared { it.boundaryCard() } }
}
