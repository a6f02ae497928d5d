package org.alongside.buildlogic

import javax.inject.Inject
import org.gradle.api.DefaultTask
import org.gradle.api.file.ConfigurableFileCollection
import org.gradle.api.file.DirectoryProperty
import org.gradle.api.file.RegularFileProperty
import org.gradle.api.tasks.CacheableTask
import org.gradle.api.tasks.InputFile
import org.gradle.api.tasks.InputFiles
import org.gradle.api.tasks.Internal
import org.gradle.api.tasks.OutputDirectory
import org.gradle.api.tasks.PathSensitive
import org.gradle.api.tasks.PathSensitivity
import org.gradle.api.tasks.TaskAction
import org.gradle.process.ExecOperations

/**
 * Writes the Kotlin bindings (package org.alongside.core) from a built phone library with the
 * workspace's own uniffi-bindgen (bindings/bindgen), as `make bindings` does on the desktop. The
 * generated file is never edited or committed; it lands in build/generated and is compiled with
 * the module that applies `alongside.uniffi-kotlin`.
 */
@CacheableTask
abstract class UniffiKotlinTask : DefaultTask() {
    @get:Inject abstract val exec: ExecOperations

    /** The library uniffi-bindgen reads the API from (its metadata travels in the symbols). */
    @get:InputFile
    @get:PathSensitive(PathSensitivity.NONE)
    abstract val library: RegularFileProperty

    /** core/uniffi.toml (package name, custom types) and the bindgen binary's sources. */
    @get:InputFiles
    @get:PathSensitive(PathSensitivity.RELATIVE)
    abstract val config: ConfigurableFileCollection

    @get:Internal abstract val workspace: DirectoryProperty

    @get:OutputDirectory abstract val outputDir: DirectoryProperty

    @TaskAction
    fun generate() {
        val out = outputDir.get().asFile
        out.deleteRecursively()
        out.mkdirs()
        exec.exec {
            workingDir = workspace.get().asFile
            executable = "cargo"
            args(
                "run", "--release", "--package", "alongside-bindgen", "--bin", "uniffi-bindgen", "--",
                "generate", library.get().asFile.path, "--language", "kotlin",
                "--out-dir", out.path, "--no-format",
            )
        }
    }
}
