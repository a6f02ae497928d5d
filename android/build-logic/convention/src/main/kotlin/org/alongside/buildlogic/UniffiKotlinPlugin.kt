package org.alongside.buildlogic

import org.gradle.api.Plugin
import org.gradle.api.Project
import org.jetbrains.kotlin.gradle.dsl.KotlinJvmProjectExtension

/**
 * `alongside.uniffi-kotlin`, for `:core-kotlin` (beside `org.jetbrains.kotlin.jvm`): registers
 * `cargoHostBuild` (the phone library for this machine, in the workspace's target/release) and
 * `generateUniffiKotlin` (the Kotlin bindings written from it by the workspace's uniffi-bindgen),
 * and adds the generated folder to the module's main Kotlin sources.
 *
 * The bindings are read from the host build because they are a function of the library's API
 * metadata, which is the same for every target (the core has no target-specific exports); this
 * keeps the JVM module free of the NDK, and the result is the file `make bindings` writes.
 */
class UniffiKotlinPlugin : Plugin<Project> {
    override fun apply(project: Project) {
        val root = project.repoRoot
        val cargoHostBuild = project.tasks.register("cargoHostBuild", CargoHostBuildTask::class.java) {
            group = "rust"
            description = "Builds the phone library for this machine (target/release), for uniffi-bindgen"
            workspace.set(root)
            project.phoneLibrarySources(rustSources)
            library.set(root.resolve("target/release/${hostLibraryFileName()}"))
        }

        val generateUniffiKotlin =
            project.tasks.register("generateUniffiKotlin", UniffiKotlinTask::class.java) {
                group = "rust"
                description = "Generates the Kotlin bindings (org.alongside.core) from the phone library"
                workspace.set(root)
                library.set(cargoHostBuild.flatMap { it.library })
                config.from(
                    root.resolve("core/uniffi.toml"),
                    project.fileTree(root.resolve("bindings/bindgen/src")),
                    root.resolve("bindings/bindgen/Cargo.toml"),
                )
                outputDir.set(project.layout.buildDirectory.dir("generated/uniffi/kotlin"))
            }

        project.pluginManager.withPlugin("org.jetbrains.kotlin.jvm") {
            project.extensions.getByType(KotlinJvmProjectExtension::class.java)
                .sourceSets.getByName("main")
                .kotlin.srcDir(generateUniffiKotlin.flatMap { it.outputDir })
        }
    }
}
