package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.AlongsideException
import org.alongside.core.AppLock
import org.alongside.core.Author
import org.alongside.core.ClientInput
import org.alongside.core.Duty
import org.alongside.core.FollowUpInput
import org.alongside.core.GoalInput
import org.alongside.core.LifeArea
import org.alongside.core.LockReason
import org.alongside.core.LockState
import org.alongside.core.RatingInput
import org.alongside.core.Rule
import org.alongside.core.Vault
import org.alongside.core.errorCodeOf
import org.alongside.core.followUpDue
import org.alongside.core.formDefaults
import org.alongside.core.reviewDue
import org.alongside.tests.Harness.check

/*
 * The phone API as a Kotlin programmer meets it, from the generated bindings alone: defaults where
 * a form has them, scores that cannot wrap, exception messages that read, a Locked that says why,
 * the app's lock on the shell's clock, and what a closed object does.
 */

private const val PASS = "correct horse battery staple"
private val DAY: LocalDate = LocalDate.of(2026, 11, 23)

fun phoneApi() {
    check("phone API: inputs need only what the form requires; the rest defaults") {
        val dir = Harness.tempDir("defaults")
        Vault.create(dir, PASS, null).use { vault ->
            vault.worker().use { w ->
                val sam = w.addClient(ClientInput(preferredName = "Sam"))
                val visit = w.addActivityWithFollowUps(
                    sam.id,
                    ActivityInput(
                        kind = ActivityKind.OFFICE,
                        scheduling = org.alongside.core.Scheduling.PLANNED,
                        day = DAY,
                        duties = listOf(Duty.ADVOCATE),
                    ),
                    listOf(FollowUpInput("Call the council", followUpDue(DAY))),
                )
                assertEquals(null, visit.place)
                assertEquals(DAY.plusDays(7), visit.followUps.single().due)
                val plan = w.createPlan(sam.id, DAY, reviewDue(DAY))
                assertEquals(DAY.plusMonths(3), plan.reviewDue)
                val goal = w.addGoal(sam.id, plan.id, GoalInput(area = LifeArea.HOUSING, clientWords = "A flat"))
                assertEquals(goal.clientWords, "A flat")
                assertEquals(DAY.plusMonths(3), formDefaults(DAY).planReviewDue)
            }
        }
    }

    check("phone API: a score of 260 is refused by the core's rule, not wrapped to 4") {
        val dir = Harness.tempDir("score")
        Vault.create(dir, PASS, null).use { vault ->
            vault.worker().use { w ->
                val sam = w.addClient(ClientInput(preferredName = "Sam"))
                val plan = w.createPlan(sam.id, DAY, reviewDue(DAY))
                val goal = w.addGoal(sam.id, plan.id, GoalInput(area = LifeArea.HOUSING, clientWords = "A flat"))
                val e = assertFailsWith<AlongsideException.Invalid> {
                    w.rateGoal(goal.id, RatingInput(on = DAY, score = 260, by = Author.WORKER))
                }
                assertEquals("score", e.field)
                assertEquals(Rule.OutOfRange(1L, 10L), e.rule)
                assertTrue(w.ratings(goal.id).isEmpty(), "nothing stored")
                w.openShared(sam.id, null).use { shared ->
                    assertFailsWith<AlongsideException.Invalid> { shared.rate(goal.id, DAY, 260, null) }
                }
            }
        }
    }

    check("phone API: exception messages read as the core's words, every variant has one") {
        val dir = Harness.tempDir("messages")
        val vault = Vault.create(dir, PASS, null)
        val w = vault.worker()
        val invalid = assertFailsWith<AlongsideException.Invalid> { w.addClient(ClientInput(preferredName = " ")) }
        val message = invalid.message.orEmpty()
        assertContains(message, "The preferred name")
        assertContains(message, "is required")
        assertFalse(message.contains("Rule$") || message.contains("@"), message)
        assertContains(invalid.rule.toString(), "is required")
        assertContains(Rule.OutOfRange(1L, 10L).toString(), "must be between 1 and 10")
        val exists = assertFailsWith<AlongsideException.AlreadyExists> { Vault.create(dir, PASS, null) }
        assertContains(exists.message.orEmpty(), "a vault already exists in this folder")
        vault.lock()
        val wrong = assertFailsWith<AlongsideException.WrongPassphrase> { vault.unlock("not the passphrase at all", null) }
        assertContains(wrong.message.orEmpty(), "wrong passphrase")
        val locked = assertFailsWith<AlongsideException.Locked> { w.clients() }
        assertContains(locked.message.orEmpty(), "it was locked")
        w.close()
        vault.close()
    }

    check("phone API: Locked says which of its situations it is; its code stays `locked`") {
        val dir = Harness.tempDir("reasons")
        val vault = Vault.create(dir, PASS, null)
        val w = vault.worker()
        val sam = w.addClient(ClientInput(preferredName = "Sam"))
        fun reason(call: () -> Any?): LockReason {
            val e = assertFailsWith<AlongsideException.Locked> { call() }
            assertEquals("locked", errorCodeOf(e))
            return e.reason
        }
        val shared = w.openShared(sam.id, null)
        assertTrue(vault.isLocked(), "the worker's screens are locked while the client holds the phone")
        assertEquals(LockReason.SHARED_MODE, reason { w.clients() })
        val back = shared.leave(PASS)
        assertFalse(vault.isLocked())
        assertEquals(LockReason.STALE_HANDLE, reason { w.clients() })
        assertEquals(LockReason.STALE_HANDLE, reason { shared.screen(DAY) })
        vault.lock()
        assertEquals(LockReason.LOCKED_NOW, reason { back.clients() })
        Vault.open(dir).use { other -> assertEquals(LockReason.NOT_UNLOCKED, reason { other.worker() }) }
        val fresh = vault.unlock(PASS, null)
        vault.close()
        assertEquals(LockReason.CLOSED, reason { fresh.clients() })
        // A call on the closed Kotlin object itself never reaches the core: uniffi refuses it
        // (docs/phone-api.md); the sessions it gave out answer with the core's error, as above.
        assertFailsWith<IllegalStateException> { vault.isLocked() }
        listOf(w, shared, back, fresh).forEach { it.close() }
    }

    check("phone API: the app's lock on the shell's clock: auto-lock after sleep, a backwards clock locks") {
        val dir = Harness.tempDir("applock")
        val clock = TestClock()
        Vault.create(dir, PASS, null).use { vault ->
            AppLock(vault, clock).use { lock ->
                assertEquals(300u, lock.autoLockSeconds(), "the core's default")
                assertEquals(LockState.Unlocked, lock.state())
                clock.millis += 299_000
                assertEquals(LockState.Unlocked, lock.touch())
                clock.millis += 301_000
                assertEquals(LockState.Locked(LockReason.AUTO_LOCK), lock.state())
                vault.unlock(PASS, null).close()
                clock.millis -= 1
                val e = assertFailsWith<AlongsideException.Locked> { lock.touch() }
                assertEquals(LockReason.CLOCK_WENT_BACK, e.reason)
                assertEquals(LockState.Locked(LockReason.CLOCK_WENT_BACK), lock.state())
                val refused = assertFailsWith<AlongsideException.Invalid> { lock.setAutoLockSeconds(5u) }
                assertEquals("auto_lock_seconds", refused.field)
            }
        }
    }
}
