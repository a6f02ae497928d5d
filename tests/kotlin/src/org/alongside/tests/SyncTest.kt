package org.alongside.tests

import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.alongside.core.AlongsideException
import org.alongside.core.ClientInput
import org.alongside.core.DebriefInput
import org.alongside.core.DebriefOccasion
import org.alongside.core.SyncReply
import org.alongside.core.SyncTransport
import org.alongside.core.Vault
import org.alongside.tests.Harness.check

/*
 * Team sync across the FFI: the shell's transport is a Kotlin object the core calls, the outbox
 * counts the team's records and never the worker's corner, and a relay that cannot be reached is
 * the typed `Sync` error with every change kept. (Against the real relay: bindings/cli/tests/sync.rs.)
 */

private const val SYNC_PASS = "correct horse battery staple"

/** A relay that accepts the team's creation, then is unreachable (status 0). */
private class OfflineRelay : SyncTransport {
    val calls = mutableListOf<String>()

    override fun send(method: String, url: String, token: String?, body: String?): SyncReply {
        calls += "$method $url"
        if (method == "POST" && url.endsWith("/v1/teams") && calls.size == 1) {
            return SyncReply(201u, """{"length":1,"head":"${"A".repeat(43)}"}""")
        }
        return SyncReply(0u, "")
    }
}

fun syncAcrossTheFfi() {
    val dir = Harness.tempDir("sync")
    Vault.create(dir, SYNC_PASS, null).use { v ->
        v.worker().use { s ->
            check("a vault in no team says so") {
                val status = s.syncStatus()
                assertFalse(status.inTeam)
                assertEquals("This phone is not in a team.", status.summary)
            }
            check("the team's records go to the outbox, the worker's corner never") {
                s.addClient(ClientInput("Robin", null, null, null, null, emptyList(), emptyList()))
                val relay = OfflineRelay()
                s.teamCreate("http://relay.invalid", relay)
                assertEquals(listOf("POST http://relay.invalid/v1/teams"), relay.calls)
                s.addDebrief(
                    DebriefInput(LocalDate.of(2026, 11, 23), DebriefOccasion.END_OF_DAY, 3, "KTSYNC", null, null, null, true),
                )
                val status = s.syncStatus()
                assertTrue(status.inTeam && status.member && status.admin, "$status")
                assertEquals(1u, status.outbox)
                assertEquals(0, s.reviewItems().size)
            }
            check("an unreachable relay is the typed Sync error, and the outbox keeps everything") {
                assertFailsWith<AlongsideException.Sync> { s.syncNow(OfflineRelay()) }
                assertEquals(1u, s.syncStatus().outbox)
            }
        }
    }
}
