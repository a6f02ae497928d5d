package org.alongside.buildlogic

import javax.inject.Inject
import org.gradle.api.DefaultTask
import org.gradle.api.file.ConfigurableFileCollection
import org.gradle.api.file.DirectoryProperty
import org.gradle.api.provider.ListProperty
import org.gradle.api.provider.Property
import org.gradle.api.tasks.CacheableTask
import org.gradle.api.tasks.Input
import org.gradle.api.tasks.InputFiles
import org.gradle.api.tasks.Internal
import org.gradle.api.tasks.OutputDirectory
import org.gradle.api.tasks.PathSensitive
import org.gradle.api.tasks.PathSensitivity
import org.gradle.api.tasks.TaskAction
import org.gradle.process.ExecOperations

/**
 * Builds the phone library (bindings/ffi) with cargo-ndk for every ABI in [abis] and copies each
 * libalongside_ffi.so into [outputDir]/<abi>/, which the variant adds to its jniLibs. Always the
 * workspace's `phone` profile (optimised for size, whole-program LTO; docs/performance.md, "The
 * phone library's size"), never debug: a debug core runs the key derivation several times slower.
 */
@CacheableTask
abstract class CargoNdkTask : DefaultTask() {
    @get:Inject abstract val exec: ExecOperations

    @get:Input abstract val abis: ListProperty<String>

    @get:Input abstract val minSdk: Property<Int>

    /** The Rust sources and manifests the library is built from. */
    @get:InputFiles
    @get:PathSensitive(PathSensitivity.RELATIVE)
    abstract val rustSources: ConfigurableFileCollection

    @get:Internal abstract val workspace: DirectoryProperty

    @get:Internal abstract val ndkDirectory: DirectoryProperty

    @get:OutputDirectory abstract val outputDir: DirectoryProperty

    @TaskAction
    fun build() {
        val out = outputDir.get().asFile
        out.deleteRecursively()
        out.mkdirs()
        // cargo ndk -t <abi>... --platform <minSdk> -o <dir> build --profile phone --package alongside-ffi
        val command = mutableListOf("ndk")
        abis.get().forEach { command += listOf("-t", it) }
        command += listOf("--platform", minSdk.get().toString(), "-o", out.path)
        command += listOf("build", "--profile", "phone", "--package", FFI_PACKAGE)
        exec.exec {
            workingDir = workspace.get().asFile
            executable = "cargo"
            args(command)
            environment("ANDROID_NDK_HOME", ndkDirectory.get().asFile.path)
        }
    }
}
