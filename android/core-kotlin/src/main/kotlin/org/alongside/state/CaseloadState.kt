package org.alongside.state

import java.time.LocalDate
import org.alongside.core.clientLanguages
import org.alongside.core.CaseloadView
import org.alongside.core.Client
import org.alongside.core.ClientInput

/**
 * The caseload list, in the core's order (with the records it could not open listed apart, in
 * [CaseloadView.unreadable]), and adding a client.
 */
class CaseloadState(vault: VaultRepository) : StateHolder<CaseloadView>(vault) {
    private var today: LocalDate? = null

    fun load(today: LocalDate): Boolean {
        this.today = today
        return show { vault.withWorker { it.caseload(today) } }
    }

    /** Add a client; the list is shown again. Returns the new client, or null (see the error). */
    /**
     * The languages the core's words ship in (`clientLanguages`: tags), offered first in the
     * add/edit client form's language field; any other tag may still be typed.
     */
    fun languageOptions(): List<String> = clientLanguages()

    fun addClient(input: ClientInput): Client? {
        val client = attempt { vault.withWorker { it.addClient(input) } } ?: return null
        today?.let { load(it) }
        return client
    }
}
