package org.alongside.state

import java.time.LocalDate
import org.alongside.core.EntryKind
import org.alongside.core.PlatformKey
import org.alongside.core.SharedScreen

/**
 * Shared mode: the client holds the phone and sees only their own plan. This holder reaches the
 * core only through the repository's shared session, which has no call for anything else. When
 * the core's idle timer locks the vault, calls fail with [UiError.SessionEnded] and the
 * repository's status moves to locked; handing back needs the worker's passphrase or biometrics.
 */
class SharedModeState(vault: VaultRepository) : StateHolder<SharedScreen>(vault) {
    private var today: LocalDate? = null

    /** Hand the phone over: shared mode for [clientId] ([idleSeconds] null: the core's default). */
    fun open(clientId: String, today: LocalDate, idleSeconds: UInt? = null): Boolean {
        attempt { vault.openShared(clientId, idleSeconds) } ?: return false
        return load(today)
    }

    fun load(today: LocalDate): Boolean {
        this.today = today
        return show { vault.withShared { it.screen(today) } }
    }

    /** The client rates their own progress (1 to 10) on one of their goals. */
    fun rate(goalId: String, on: LocalDate, score: Int, words: String? = null): Boolean =
        change { vault.withShared { it.rate(goalId, on, score, words) } }

    /** The client writes in their own words, about a goal or in general. */
    fun addEntry(kind: EntryKind, text: String, goalId: String?, on: LocalDate): Boolean =
        change { vault.withShared { it.addEntry(kind, text, goalId, on) } }

    /** The client marks a step done; the worker confirms it later. */
    fun markStepDone(goalId: String, stepId: String, on: LocalDate): Boolean =
        change { vault.withShared { it.markStepDone(goalId, stepId, on) } }

    /** The worker takes the phone back. A wrong passphrase keeps shared mode (and is throttled). */
    fun leave(passphrase: String): Boolean = handBack { vault.leaveShared(passphrase) }

    fun leaveWithPlatformKey(key: PlatformKey): Boolean = handBack { vault.leaveSharedWithPlatformKey(key) }

    private fun handBack(call: () -> VaultStatus): Boolean {
        attempt(call) ?: return false
        clear()
        return true
    }

    private fun change(call: () -> Unit): Boolean {
        attempt(call) ?: return false
        return today?.let { load(it) } ?: true
    }
}
