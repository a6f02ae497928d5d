package org.alongside.bench

import java.nio.file.Files
import java.time.LocalDate
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.Author
import org.alongside.core.ClientInput
import org.alongside.core.Duty
import org.alongside.core.GoalInput
import org.alongside.core.LifeArea
import org.alongside.core.RatingInput
import org.alongside.core.Scheduling
import org.alongside.core.TimelineItem
import org.alongside.core.Vault
import org.alongside.core.WorkerSession
import org.alongside.core.activityKinds

/*
 * How long it takes to bring a client's 1,000-item timeline into Kotlin through the bindings
 * (JNA, the generated converters, the core opening every sealed record), on the host JVM.
 * Measured, never asserted: `make bench-kotlin` prints the figures.
 */

private const val ITEMS = 1000
private const val PAGE = 200u // the core's largest page
private const val RUNS = 30

fun main() {
    val dir = Files.createTempDirectory("alongside-bench").toFile()
    try {
        Vault.create(dir.resolve("vault").path, "bench passphrase, not a real one", null).use { vault ->
            vault.worker().use { w -> run(vault, w) }
        }
    } finally {
        dir.deleteRecursively()
    }
}

private fun run(vault: Vault, w: WorkerSession) {
    val today = LocalDate.of(2026, 11, 23)
    val client = w.addClient(ClientInput("Bench client", null, null, "en", null, emptyList(), emptyList()))
    val plan = w.createPlan(client.id, today.minusDays(500), today.plusDays(30))
    val goal = w.addGoal(
        client.id, plan.id,
        GoalInput(LifeArea.HOUSING, "a place of my own near my sister", "view two flats a week", null, null, null),
    )
    // 400 visits, 300 notes on them, 300 ratings: 1,000 timeline items.
    val fill = timed {
        val activities = (0 until 400).map { i ->
            w.addActivity(
                client.id,
                ActivityInput(
                    ActivityKind.HOME_VISIT, Scheduling.PLANNED, null, today.minusDays(i.toLong()), null, 60,
                    "her flat", "Showed her how to read a tenancy agreement, part ${i + 1}",
                    listOf(Duty.EDUCATE, Duty.EMPOWER), listOf(goal.id),
                ),
            )
        }
        activities.take(300).forEachIndexed { i, a ->
            w.addNote(client.id, a.id, "We went through the agreement together. She asked good questions. ($i)")
        }
        (0 until 300).forEach { i ->
            w.rateGoal(goal.id, RatingInput(today.minusDays(i.toLong()), 1 + i % 10, Author.entries[i % 2], null))
        }
    }
    val all = fetchAll(w, client.id)
    check(all.size == ITEMS) { "expected $ITEMS timeline items, got ${all.size}" }

    repeat(5) { fetchAll(w, client.id) } // warm up the JIT and SQLite's cache
    val whole = List(RUNS) { timed { fetchAll(w, client.id) } }.sorted()
    val firstPage = List(RUNS) { timed { w.timeline(client.id, 0u, 50u) } }.sorted()
    // Per-call cost: 50 batches of 1,000 calls; the median batch and the quickest (the machine may be busy).
    repeat(20_000) { vault.isLocked(); activityKinds() }
    val bareCall = List(50) { timed { repeat(1000) { vault.isLocked() } } / 1000 }.sorted()
    val smallList = List(50) { timed { repeat(1000) { activityKinds() } } / 1000 }.sorted()

    println("bench: filled $ITEMS timeline items in ${ms(fill)} (one transaction each, synchronous=FULL)")
    println(
        "bench: 1,000-item timeline into Kotlin (pages of 200: 5 full, 1 empty): median ${ms(whole[RUNS / 2])}, " +
            "min ${ms(whole.first())}, max ${ms(whole.last())} over $RUNS runs",
    )
    println("bench: first page of 50: median ${ms(firstPage[RUNS / 2])}")
    println("bench: bare call (Vault.isLocked): median ${us(bareCall[25])}, quickest batch ${us(bareCall.first())} per call")
    println("bench: activityKinds() (8 small records): median ${us(smallList[25])}, quickest batch ${us(smallList.first())} per call")
    println("bench: load average at the end: ${loadAverage()} (figures inflate on a busy machine)")
}

private fun fetchAll(w: WorkerSession, clientId: String): List<TimelineItem> {
    val out = ArrayList<TimelineItem>()
    while (true) {
        val page = w.timeline(clientId, out.size.toUInt(), PAGE).items
        out += page
        if (page.size.toUInt() < PAGE) return out
    }
}

private inline fun timed(block: () -> Unit): Long {
    val start = System.nanoTime()
    block()
    return System.nanoTime() - start
}

private fun loadAverage() =
    java.lang.management.ManagementFactory.getOperatingSystemMXBean().systemLoadAverage.let { "%.1f".format(it) } +
        " on ${Runtime.getRuntime().availableProcessors()} cores"

private fun ms(nanos: Long) = "%.1f ms".format(nanos / 1e6)

private fun us(nanos: Long) = "%.1f µs".format(nanos / 1e3)
