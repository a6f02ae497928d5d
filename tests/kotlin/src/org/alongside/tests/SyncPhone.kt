package org.alongside.tests

import java.time.LocalDate
import kotlin.system.exitProcess
import kotlin.test.assertNotNull
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.ClientInput
import org.alongside.core.Duty
import org.alongside.core.GoalInput
import org.alongside.core.Scheduling
import org.alongside.core.LifeArea
import org.alongside.state.JdkSyncTransport
import org.alongside.state.SyncState
import org.alongside.state.TeamState
import org.alongside.state.TodayState
import org.alongside.state.VaultRepository
import org.alongside.state.VaultStatus

/*
 * The other phones of the relay tests (SyncRelayTest.kt, TeamRelayTest.kt), each as its own JVM
 * process with its own vault folder: each run opens the vault, does one thing through the app's
 * Kotlin layer (SyncState over the JDK transport), prints what it found as `key=value` lines, and
 * exits.
 *
 * Usage: SyncPhoneKt DIR join CODE | sync | status | goal GOAL_ID | edit-goal GOAL_ID WORDS |
 *        reviews | resolve ITEM_ID CHOICE | clients | name NAME | whoami |
 *        client-with-visit NAME | requests | request-done REQUEST_ID
 *
 * Beside it, [relayPhone]: the phone a relay test's own process plays.
 */

const val PHONE_PASS = "correct horse battery staple"

fun main(args: Array<String>) {
    val (dir, command) = args
    val repo = VaultRepository(dir, TestClock(), autoLockSeconds = 3600u)
    val opened = if (repo.start() == VaultStatus.NoVault) repo.create(PHONE_PASS) else repo.unlock(PHONE_PASS)
    check(opened == VaultStatus.Unlocked) { "the vault did not open: $opened" }
    val sync = SyncState(repo, JdkSyncTransport())
    val ok = when (command) {
        "join" -> sync.join(args[2])
        "sync" -> sync.syncNow().also {
            sync.screen.data?.lastSync?.let {
                println("received=${it.received}")
                println("handed_away=${it.clientsHandedAway}")
                println("removed_from_team=${it.removedFromTeam}")
            }
        }
        "status" -> sync.load()
        "goal" -> true.also { println("words=" + repo.withWorker { it.goal(args[2]).clientWords }) }
        "edit-goal" -> true.also {
            repo.withWorker { it.updateGoal(args[2], GoalInput(LifeArea.HOUSING, args[3], null, null, null, null)) }
        }
        "reviews" -> sync.load().also {
            for (item in sync.screen.data?.reviews.orEmpty()) {
                println("review=${item.id}\t${item.field}\t${item.choices.joinToString("\t") { it.value }}")
            }
        }
        "resolve" -> sync.resolve(args[2], args[3].toInt())
        "clients" -> true.also { repo.withWorker { it.clients() }.clients.forEach { println("client=${it.preferredName}") } }
        "name" -> TeamState(repo, JdkSyncTransport()).use { it.setName(args[2]).also { ok -> if (!ok) println("error=${it.screen.error}") } }
        "whoami" -> true.also { println("member_id=" + repo.withWorker { it.teamWhoami() }.memberId) }
        "client-with-visit" -> true.also {
            val client = repo.withWorker { it.addClient(ClientInput(args[2], null, null, null, null, emptyList(), emptyList())) }
            repo.withWorker {
                it.addActivity(
                    client.id,
                    ActivityInput(ActivityKind.HOME_VISIT, Scheduling.PLANNED, null, SYNC_DAY, null, null, null, "rent", listOf(Duty.EDUCATE), emptyList()),
                )
            }
            println("client_id=${client.id}")
        }
        "requests" -> TodayState(repo).use { today ->
            today.load(SYNC_DAY).also {
                for (q in today.screen.data?.requests.orEmpty()) println("request=${q.id}\t${q.text}\t${q.askedByName}")
            }
        }
        "request-done" -> TodayState(repo).use { today ->
            (today.load(SYNC_DAY) && today.requestDone(args[2])).also {
                println("requests_open=${today.screen.data?.requests?.size}")
            }
        }
        else -> error("unknown command $command")
    }
    sync.load()
    sync.screen.data?.status?.let { println("member=${it.member}"); println("reviews=${it.reviews}"); println("summary=${it.summary}") }
    sync.screen.error?.let { println("error=$it") }
    repo.close()
    exitProcess(if (ok) 0 else 1)
}

/** Today's date for the records the phones write (fixed: the test never reads the clock). */
val SYNC_DAY: LocalDate = LocalDate.of(2026, 11, 23)

/** This process's phone in a relay test: the relay's address, a new unlocked vault and its [sync]. */
internal data class RelayPhone(val url: String, val repo: VaultRepository, val sync: SyncState)

/**
 * This process's phone for the relay test [test], with a new vault in a folder named for [name];
 * null when tests/kotlin/run.sh did not start the relay, which fails a check: the relay tests are
 * never skipped.
 */
internal fun relayPhone(name: String, test: String): RelayPhone? {
    val url = System.getenv("ALONGSIDE_RELAY_URL")
    Harness.check("the relay and PostgreSQL are running for the $test test (tests/kotlin/run.sh starts them)") {
        assertNotNull(url, "ALONGSIDE_RELAY_URL is not set: the $test test cannot run")
    }
    url ?: return null
    val repo = VaultRepository(Harness.tempDir(name), TestClock(), autoLockSeconds = 3600u)
    repo.start()
    repo.create(PHONE_PASS)
    return RelayPhone(url, repo, SyncState(repo, JdkSyncTransport()))
}
