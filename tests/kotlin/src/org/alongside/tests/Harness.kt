package org.alongside.tests

import java.io.File
import java.nio.file.Files
import kotlin.system.exitProcess

/**
 * The smallest test runner that CI can read: each check prints `ok` or `FAIL`, and the run ends
 * with one line `N passed, N failed` and a non-zero exit on any failure.
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
            failed++
            println("FAIL $name: $t")
            t.stackTrace.take(6).forEach { println("       at $it") }
        }
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
