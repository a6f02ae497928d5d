package org.alongside.buildlogic

import com.android.build.api.variant.ApplicationAndroidComponentsExtension
import org.gradle.api.GradleException
import org.gradle.api.Plugin
import org.gradle.api.Project

/**
 * `alongside.rust-android`, for the app module (beside `com.android.application`): registers
 * `cargoNdkBuild`, which builds the phone library for [RUST_ANDROID_ABIS] with cargo-ndk, at the
 * app's minSdk and with the NDK of the app's `ndkVersion`, and adds its output to every variant's
 * jniLibs. It also limits the app's ABIs to those the library is built for.
 *
 * The Kotlin bindings are not generated here: `:core-kotlin` (plugin `alongside.uniffi-kotlin`)
 * compiles them with the Kotlin layer, and the app depends on that module.
 */
class RustAndroidPlugin : Plugin<Project> {
    override fun apply(project: Project) {
        /** The app's minSdk, read once its DSL is final. */
        val appMinSdk = project.objects.property(Int::class.javaObjectType)
        val cargoNdkBuild = project.tasks.register("cargoNdkBuild", CargoNdkTask::class.java) {
            group = "rust"
            description = "Builds lib$FFI_LIB_NAME.so for ${RUST_ANDROID_ABIS.joinToString()} with cargo-ndk"
            abis.set(RUST_ANDROID_ABIS)
            minSdk.set(appMinSdk)
            workspace.set(project.repoRoot)
            project.phoneLibrarySources(rustSources)
            outputDir.set(project.layout.buildDirectory.dir("rust/jniLibs"))
        }

        project.pluginManager.withPlugin("com.android.application") {
            val androidComponents =
                project.extensions.getByType(ApplicationAndroidComponentsExtension::class.java)
            androidComponents.finalizeDsl { android ->
                android.defaultConfig.ndk { abiFilters.addAll(RUST_ANDROID_ABIS) }
                appMinSdk.set(
                    android.defaultConfig.minSdk
                        ?: throw GradleException("alongside.rust-android needs defaultConfig.minSdk"),
                )
            }
            cargoNdkBuild.configure {
                ndkDirectory.set(androidComponents.sdkComponents.ndkDirectory)
            }
            androidComponents.onVariants { variant ->
                // Wired by task output, so Gradle orders and caches the step.
                variant.sources.jniLibs?.addGeneratedSourceDirectory(cargoNdkBuild, CargoNdkTask::outputDir)
            }
        }
    }
}
