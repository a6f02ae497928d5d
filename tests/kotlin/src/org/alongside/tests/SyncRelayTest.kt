package org.alongside.tests

import java.io.File
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.alongside.core.ClientInput
import org.alongside.core.GoalInput
import org.alongside.core.LifeArea
import org.alongside.tests.Harness.check

/*
 * Team sync through the app's Kotlin layer against the real relay on a real PostgreSQL, both
 * started by tests/kotlin/run.sh (ALONGSIDE_RELAY_URL). Phone A is this process (SyncState over
 * JdkSyncTransport); phone B is another JVM with its own vault folder (SyncPhone.kt), run once
 * per step. Without the relay every check fails: this test is never skipped.
 */

/** What phone B printed: its `key=value` lines, and whether it exited 0. */
internal class Said(val ok: Boolean, val lines: List<String>) {
    fun one(key: String): String? = lines.firstOrNull { it.startsWith("$key=") }?.substringAfter("=")
    fun all(key: String): List<String> = lines.filter { it.startsWith("$key=") }.map { it.substringAfter("=") }
    override fun toString() = lines.joinToString(" | ")
}

/** Phone B: one run of SyncPhoneKt in its own JVM on [dir]. */
internal class OtherPhone(private val dir: String) {
    fun run(vararg args: String): Said {
        val java = File(System.getProperty("java.home"), "bin/java").path
        val cmd = listOf(
            java, "-Djna.library.path=${System.getProperty("jna.library.path")}",
            "-cp", System.getProperty("java.class.path"), "org.alongside.tests.SyncPhoneKt", dir,
        ) + args
        val p = ProcessBuilder(cmd).redirectErrorStream(true).start()
        val out = p.inputStream.bufferedReader().readLines()
        kotlin.check(p.waitFor(120, TimeUnit.SECONDS)) { "phone B did not finish" }
        return Said(p.exitValue() == 0, out)
    }
}

fun syncThroughTheRelay() {
    val (url, repo, a) = relayPhone("sync-a", "sync") ?: return
    val b = OtherPhone(Harness.tempDir("sync-b"))
    lateinit var goalId: String
    try {
        check("phone A starts a team on the relay and is its admin") {
            val robin = repo.withWorker { it.addClient(ClientInput("Robin Achebe", null, null, null, null, emptyList(), emptyList())) }
            assertTrue(a.createTeam(url), "${a.screen.error}")
            val status = a.screen.data!!.status
            assertTrue(status.inTeam && status.member && status.admin, "$status")
            val plan = repo.withWorker { it.createPlan(robin.id, SYNC_DAY, SYNC_DAY.plusDays(90)) }
            goalId = repo.withWorker { it.addGoal(robin.id, plan.id, GoalInput(LifeArea.HOUSING, "A flat", null, null, null, null)) }.id
            assertTrue(a.syncNow(), "${a.screen.error}")
            assertEquals(0u, a.screen.data!!.status.outbox, "${a.screen.data}")
        }
        check("A shows an invite code; B (its own process and vault) joins with it and waits for an admin") {
            assertTrue(a.invite(), "${a.screen.error}")
            val code = assertNotNull(a.screen.data?.inviteCode)
            assertTrue(code.startsWith(url), code)
            val joined = b.run("join", code)
            assertTrue(joined.ok, "$joined")
            assertEquals("false", joined.one("member"), "$joined")
            val first = b.run("sync")
            assertTrue(first.ok, "$first")
            assertEquals("false", first.one("member"), "$first")
        }
        check("A's sync admits B; B's next sync brings the client written on A") {
            assertTrue(a.syncNow(), "${a.screen.error}")
            assertEquals(1u, a.screen.data!!.lastSync!!.admitted)
            val synced = b.run("sync")
            assertTrue(synced.ok, "$synced")
            assertEquals("true", synced.one("member"), "$synced")
            val clients = b.run("clients")
            assertEquals(listOf("Robin Achebe"), clients.all("client"), "$clients")
            assertEquals("A flat", b.run("goal", goalId).one("words"))
        }
        check("the same goal field edited on both phones keeps both values as a review item, with who and when") {
            repo.withWorker { it.updateGoal(goalId, GoalInput(LifeArea.HOUSING, "A flat by the park", null, null, null, null)) }
            assertTrue(b.run("edit-goal", goalId, "A flat by the river").ok)
            assertTrue(a.syncNow(), "${a.screen.error}")
            assertTrue(b.run("sync").ok)
            assertTrue(a.syncNow(), "${a.screen.error}")
            val items = a.screen.data!!.reviews
            assertEquals(1, items.size, "$items")
            val item = items[0]
            assertEquals("client_words", item.field)
            assertEquals(setOf("\"A flat by the park\"", "\"A flat by the river\""), item.choices.map { it.value }.toSet())
            assertTrue(item.choices.all { it.device.isNotBlank() && it.summary.contains(it.device) }, "${item.choices}")
            assertTrue(item.summary.isNotBlank())
            assertEquals(1u, a.screen.data!!.status.reviews)
            val onB = b.run("reviews")
            assertEquals(1, onB.all("review").size, "$onB")
        }
        check("A resolves it; after syncing, both phones hold the chosen value and no review is open") {
            val item = a.screen.data!!.reviews.single()
            val river = item.choices.indexOfFirst { it.value == "\"A flat by the river\"" }
            assertTrue(a.resolve(item.id, river), "${a.screen.error}")
            assertTrue(a.screen.data!!.reviews.isEmpty())
            assertTrue(a.syncNow(), "${a.screen.error}")
            assertTrue(b.run("sync").ok)
            assertEquals("A flat by the river", repo.withWorker { it.goal(goalId).clientWords })
            assertEquals("A flat by the river", b.run("goal", goalId).one("words"))
            assertEquals("0", b.run("reviews").one("reviews"))
            assertTrue(a.syncNow())
            assertTrue(a.screen.data!!.reviews.isEmpty())
        }
        check("the lock forgets the invite code and the review list") {
            repo.lock()
            assertNull(a.screen.data)
            assertFalse(a.screen.busy)
        }
    } finally {
        a.close()
        repo.close()
    }
}
