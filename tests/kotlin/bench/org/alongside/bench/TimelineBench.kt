package org.alongside.bench

import java.nio.ByteBuffer
import java.nio.file.Files
import java.time.LocalDate
import org.alongside.core.ActivityInput
import org.alongside.core.ActivityKind
import org.alongside.core.Author
import org.alongside.core.ClientInput
import org.alongside.core.FfiConverterString
import org.alongside.core.FfiConverterTypeTimelinePage
import org.alongside.core.Duty
import org.alongside.core.GoalInput
import org.alongside.core.LifeArea
import org.alongside.core.RatingInput
import org.alongside.core.RustBuffer
import org.alongside.core.Scheduling
import org.alongside.core.TimelineItem
import org.alongside.core.UniffiLib
import org.alongside.core.UniffiRustCallStatus
import org.alongside.core.Vault
import org.alongside.core.WorkerSession
import org.alongside.core.activityKinds

/*
 * How long it takes to bring a client's 1,000-item timeline into Kotlin through the bindings
 * (JNA, the generated converters, the core opening the page's sealed records), on the host JVM,
 * in pages of 15 (the screen's), 50 and 200; and where one call's time goes on the Kotlin side
 * (the exported function through JNA, the lift), beside bindings/ffi/examples/bridge_split.rs's
 * Rust side. The bench is compiled with the generated bindings as one module, so it reaches their
 * internal pieces (UniffiLib, the call status) as the generated calls do.
 * Measured, never asserted: `make bench-kotlin` prints the figures.
 */

private const val ITEMS = 1000
private const val PAGE = 200u // the core's largest page
private val PAGES = listOf(15u, 50u, PAGE) // the screen's page, a middle one, the largest
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
    val all = fetchAll(w, client.id, PAGE)
    check(all.size == ITEMS) { "expected $ITEMS timeline items, got ${all.size}" }
    println("bench: filled $ITEMS timeline items in ${ms(fill)} (one transaction each, synchronous=FULL)")

    repeat(5) { PAGES.forEach { fetchAll(w, client.id, it) } } // warm up the JIT and SQLite's cache
    for (page in PAGES) {
        val whole = runs(RUNS) { fetchAll(w, client.id, page) }
        val calls = ITEMS / page.toInt() + 1
        val first = runs(RUNS) { w.timeline(client.id, 0u, page) }
        println(
            "bench: 1,000-item timeline into Kotlin in pages of $page ($calls calls): ${stats(whole, ::ms)}; " +
                "first page alone ${stats(first, ::ms)}",
        )
    }
    PAGES.forEach { split(w, client.id, it) }
    bareCall(vault)
    println("bench: load average at the end: ${loadAverage()} (figures inflate on a busy machine)")
}

/*
 * Where one page's time goes on the Kotlin side: the exported function called through JNA as the
 * generated `timeline` calls it (the client id lowered, the handle cloned, the call, a status
 * checked), and the lift of the buffer it returns, timed apart on a captured copy of that buffer.
 * The Rust half (the core alone, and the exported function without JNA) is bridge_split's.
 */
private fun split(w: WorkerSession, clientId: String, page: UInt) {
    val captured = raw(w, clientId, page).let { buf ->
        ByteArray(buf.len.toInt()).also { buf.asByteBuffer()!!.get(it); RustBuffer.free(buf) }
    }
    repeat(200) { raw(w, clientId, page).let(RustBuffer::free); FfiConverterTypeTimelinePage.read(ByteBuffer.wrap(captured)) }
    val total = runs(RUNS * 2) { w.timeline(clientId, 0u, page) }
    val jna = runs(RUNS * 2) { RustBuffer.free(raw(w, clientId, page)) }
    val lift = runs(RUNS * 10) { FfiConverterTypeTimelinePage.read(ByteBuffer.wrap(captured)) }
    val lower = runs(RUNS * 10) { RustBuffer.free(FfiConverterString.lower(clientId)) }
    println(
        "split (Kotlin): page of $page (${captured.size} bytes): whole call ${stats(total, ::us)}; " +
            "exported call through JNA, buffer freed ${stats(jna, ::us)} " +
            "(of it the id lowered ${stats(lower, ::us)}); lift ${stats(lift, ::us)}",
    )
}

/** The generated `timeline` without its lift: what JNA and the Rust side cost together. */
private fun raw(w: WorkerSession, clientId: String, page: UInt): RustBuffer.ByValue {
    val status = UniffiRustCallStatus()
    val buf = UniffiLib.uniffi_alongside_core_fn_method_workersession_timeline(
        w.uniffiCloneHandle(), FfiConverterString.lower(clientId), 0, page.toInt(), status,
    )
    check(status.isSuccess()) { "the timeline call failed" }
    return buf
}

/*
 * One bare call, and its parts: the generated `isLocked` makes two crossings (the handle cloned,
 * then the call), each with a new call status (a JNA Structure); here the same two crossings with
 * one status reused, and a status allocated alone. Batches of 1,000.
 */
private fun bareCall(vault: Vault) {
    val reused = UniffiRustCallStatus()
    val handle = vault.uniffiCloneHandle() // ours to free below
    val crossings = {
        val h = UniffiLib.uniffi_alongside_core_fn_clone_vault(handle, reused)
        UniffiLib.uniffi_alongside_core_fn_method_vault_is_locked(h, reused)
    }
    repeat(20_000) { vault.isLocked(); activityKinds(); crossings(); UniffiRustCallStatus() }
    val batch = 1000
    val whole = runs(50) { repeat(batch) { vault.isLocked() } }
    val bare = runs(50) { repeat(batch) { crossings() } }
    val status = runs(50) { repeat(batch) { UniffiRustCallStatus() } }
    val smallList = runs(50) { repeat(batch) { activityKinds() } }
    UniffiLib.uniffi_alongside_core_fn_free_vault(handle, reused)
    check(reused.isSuccess()) { "a bare call failed" }
    val per = { nanos: Long -> us(nanos / batch) }
    println("bench: bare call (Vault.isLocked): ${stats(whole, per)} per call")
    println(
        "split (Kotlin): bare call's parts, per call: its two crossings with one status reused " +
            "${stats(bare, per)}; one call status allocated ${stats(status, per)}",
    )
    println("bench: activityKinds() (8 small records): ${stats(smallList, per)} per call")
}

private fun fetchAll(w: WorkerSession, clientId: String, size: UInt): List<TimelineItem> {
    val out = ArrayList<TimelineItem>()
    while (true) {
        val page = w.timeline(clientId, out.size.toUInt(), size).items
        out += page
        if (page.size.toUInt() < size) return out
    }
}

/** `n` timings of `block`, sorted. */
private inline fun runs(n: Int, block: () -> Unit): List<Long> = List(n) { timed(block) }.sorted()

private fun stats(sorted: List<Long>, unit: (Long) -> String) = "median ${unit(sorted[sorted.size / 2])} (quickest ${unit(sorted.first())})"

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
