package org.alongside.state

import java.time.LocalDate
import org.alongside.core.DutyBalance
import org.alongside.core.DutySettings
import org.alongside.core.formDefaults

/**
 * The duty balance, for one client ([clientId]) or for the worker's whole caseload (null): the
 * core's [DutyBalance] (counts, weekly trend, its summary sentence and the empowerment hint when
 * advocacy has gone on for weeks without empowering), over a period that starts at the core's
 * default unless the worker picks one; and the hint's setting.
 */
class DutyBalanceState(vault: VaultRepository, val clientId: String?) : StateHolder<DutyBalanceState.Balance>(vault) {
    data class Balance(val balance: DutyBalance, val settings: DutySettings)

    /** The balance up to [to]; [from] null: the core's default period (twelve weeks back). */
    fun load(to: LocalDate, from: LocalDate? = null): Boolean = show {
        val start = from ?: formDefaults(to).dutyBalanceFrom
        vault.withWorker { s ->
            val balance = clientId?.let { s.clientDutyBalance(it, start, to) } ?: s.dutyBalance(start, to)
            Balance(balance, s.dutySettings())
        }
    }

    /** How many weeks of advocacy without empowering bring the hint (the core checks the range). */
    fun setHintWeeks(weeks: UInt): Boolean {
        val current = screen.data ?: return false
        attempt { vault.withWorker { it.setDutySettings(DutySettings(weeks)) } } ?: return false
        return load(current.balance.to, current.balance.from)
    }
}
