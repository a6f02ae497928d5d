package org.alongside.buildlogic

import javax.inject.Inject
import org.gradle.api.DefaultTask
import org.gradle.api.file.ConfigurableFileCollection
import org.gradle.api.file.DirectoryProperty
import org.gradle.api.file.RegularFileProperty
import org.gradle.api.tasks.InputFiles
import org.gradle.api.tasks.Internal
import org.gradle.api.tasks.OutputFile
import org.gradle.api.tasks.PathSensitive
import org.gradle.api.tasks.PathSensitivity
import org.gradle.api.tasks.TaskAction
import org.gradle.process.ExecOperations
import org.gradle.work.DisableCachingByDefault

/**
 * Builds the phone library for the machine running the build (`cargo build --release --package
 * alongside-ffi`, as `make bindings` does), so that uniffi-bindgen can read the API from it. The
 * library lands in the workspace's target/release, where cargo keeps its own incremental state;
 * it is not copied into the Gradle build cache.
 */
@DisableCachingByDefault(because = "cargo keeps its own incremental build in the workspace's target/")
abstract class CargoHostBuildTask : DefaultTask() {
    @get:Inject abstract val exec: ExecOperations

    /** The Rust sources and manifests the library is built from. */
    @get:InputFiles
    @get:PathSensitive(PathSensitivity.RELATIVE)
    abstract val rustSources: ConfigurableFileCollection

    @get:Internal abstract val workspace: DirectoryProperty

    /** The built library, as cargo writes it (symbols kept: uniffi reads its metadata from them). */
    @get:OutputFile abstract val library: RegularFileProperty

    @TaskAction
    fun build() {
        exec.exec {
            workingDir = workspace.get().asFile
            executable = "cargo"
            args("build", "--release", "--package", FFI_PACKAGE)
        }
    }
}
