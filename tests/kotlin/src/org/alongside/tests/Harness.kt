package org.alongside.tests

import java.io.File
import java.nio.file.Files
import kotlin.system.exitProcess

/**
 * The smallest test runner that CI can read: each check prints `ok` or `FAIL`, and the run ends
 * with one line `N passed, N failed` and a non-zero exit on any failure. A failure outside any
 * check (the setup between them) is counted too, so no run ends without that line: see [run].
 */
object Harness {
    private var passed = 0
    private var failed = 0
    private val dirs = mutableListOf<File>()

    fun check(name: String, body: () -> Unit) {
        try {
            body()
            passed++
            println("ok   $name")
        } catch (t: Throwable) {
            fail(name, t)
        }
    }

    private fun fail(name: String, t: Throwable) {
        failed++
        println("FAIL $name: $t")
        t.stackTrace.take(6).forEach { println("       at $it") }
    }

    /**
     * One group of checks with the setup around them. If the setup throws, the group counts as
     * one failure and the run goes on to the next group.
     */
    fun section(name: String, body: () -> Unit) {
        try {
            body()
        } catch (t: Throwable) {
            fail("$name (outside any check)", t)
        }
    }

    /** Run every group and always end with the count, whatever was thrown. */
    fun run(body: () -> Unit): Nothing {
        try {
            body()
        } catch (t: Throwable) {
            fail("the run itself", t)
        }
        finish()
    }

    /** A fresh folder for a vault, removed at the end of the run. */
    fun tempDir(prefix: String): String {
        val dir = Files.createTempDirectory("alongside-kt-$prefix").toFile()
        dirs += dir
        return dir.resolve("vault").path
    }

    fun finish(): Nothing {
        dirs.forEach { it.deleteRecursively() }
        println("$passed passed, $failed failed")
        exitProcess(if (failed == 0) 0 else 1)
    }
}
