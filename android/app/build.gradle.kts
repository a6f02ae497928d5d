import javax.inject.Inject
import org.gradle.api.DefaultTask
import org.gradle.api.file.ConfigurableFileCollection
import org.gradle.api.file.DirectoryProperty
import org.gradle.api.file.RegularFileProperty
import org.gradle.api.provider.ListProperty
import org.gradle.api.provider.Property
import org.gradle.api.tasks.CacheableTask
import org.gradle.api.tasks.Input
import org.gradle.api.tasks.InputFile
import org.gradle.api.tasks.InputFiles
import org.gradle.api.tasks.Internal
import org.gradle.api.tasks.OutputDirectory
import org.gradle.api.tasks.PathSensitive
import org.gradle.api.tasks.PathSensitivity
import org.gradle.api.tasks.TaskAction
import org.gradle.process.ExecOperations
import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

/** The repository root: android/ sits inside it, beside core/ and bindings/. */
val repoRoot: File = rootDir.parentFile

/** The ABIs the phone library is built for (phones, old 32-bit phones, the emulator). */
val rustAbis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

/**
 * Builds the phone library (bindings/ffi) with cargo-ndk for every ABI in [abis] and copies each
 * libalongside_ffi.so into [outputDir]/<abi>/, which the variant adds to its jniLibs. Always a
 * release build: a debug core runs the 600,000-round key derivation several times slower.
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
        // cargo ndk -t <abi>... --platform <minSdk> -o <dir> build --release --package alongside-ffi
        val command = mutableListOf("ndk")
        abis.get().forEach { command += listOf("-t", it) }
        command += listOf("--platform", minSdk.get().toString(), "-o", out.path)
        command += listOf("build", "--release", "--package", "alongside-ffi")
        exec.exec {
            workingDir = workspace.get().asFile
            executable = "cargo"
            args(command)
            environment("ANDROID_NDK_HOME", ndkDirectory.get().asFile.path)
        }
    }
}

/**
 * Writes the Kotlin bindings (package org.alongside.core) from the built phone library with the
 * workspace's own uniffi-bindgen (bindings/bindgen), as `make bindings` does on the desktop. The
 * generated file is never edited or committed; it lands in build/generated and is compiled with
 * the app.
 */
@CacheableTask
abstract class UniffiKotlinTask : DefaultTask() {
    @get:Inject abstract val exec: ExecOperations

    /** The arm64 library as cargo built it (symbols kept: uniffi reads its metadata from them). */
    @get:InputFile
    @get:PathSensitive(PathSensitivity.NONE)
    abstract val library: RegularFileProperty

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

val cargoNdkBuild = tasks.register<CargoNdkTask>("cargoNdkBuild") {
    group = "rust"
    description = "Builds libalongside_ffi.so for ${rustAbis.joinToString()} with cargo-ndk"
    abis.set(rustAbis)
    minSdk.set(26)
    workspace.set(repoRoot)
    ndkDirectory.set(androidComponents.sdkComponents.ndkDirectory)
    rustSources.from(
        fileTree(repoRoot.resolve("core/src")),
        fileTree(repoRoot.resolve("bindings/ffi/src")),
        repoRoot.resolve("Cargo.toml"),
        repoRoot.resolve("Cargo.lock"),
        repoRoot.resolve("core/Cargo.toml"),
        repoRoot.resolve("bindings/ffi/Cargo.toml"),
    )
    outputDir.set(layout.buildDirectory.dir("rust/jniLibs"))
}

val generateUniffiKotlin = tasks.register<UniffiKotlinTask>("generateUniffiKotlin") {
    group = "rust"
    description = "Generates the Kotlin bindings (org.alongside.core) from the phone library"
    dependsOn(cargoNdkBuild)
    workspace.set(repoRoot)
    library.set(repoRoot.resolve("target/aarch64-linux-android/release/libalongside_ffi.so"))
    config.from(repoRoot.resolve("core/uniffi.toml"), fileTree(repoRoot.resolve("bindings/bindgen/src")))
    outputDir.set(layout.buildDirectory.dir("generated/uniffi/kotlin"))
}

android {
    namespace = "org.alongside.app"
    compileSdk = 36
    ndkVersion = libs.versions.ndk.get()

    defaultConfig {
        applicationId = "org.alongside.app"
        minSdk = 26
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        ndk { abiFilters += rustAbis }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures {
        compose = true
    }

    sourceSets["main"].apply {
        // The app's plain-Kotlin layer (repositories and screen state), tested on the desktop JVM.
        java.srcDir("../core-kotlin/src/main/kotlin")
    }

    packaging {
        jniLibs { useLegacyPackaging = false }
    }
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

androidComponents {
    onVariants { variant ->
        // Generated in the build, wired by task output so Gradle orders and caches the steps.
        variant.sources.java?.addGeneratedSourceDirectory(generateUniffiKotlin, UniffiKotlinTask::outputDir)
        variant.sources.jniLibs?.addGeneratedSourceDirectory(cargoNdkBuild, CargoNdkTask::outputDir)
    }
}

dependencies {
    implementation(platform(libs.compose.bom))
    implementation(libs.compose.ui)
    implementation(libs.compose.foundation)
    implementation(libs.compose.material3)
    implementation(libs.compose.material.icons)
    implementation(libs.compose.ui.tooling.preview)
    debugImplementation(libs.compose.ui.tooling)
    implementation(libs.activity.compose)
    implementation(libs.lifecycle.process)
    implementation(libs.lifecycle.runtime.compose)
    implementation(libs.lifecycle.viewmodel.compose)
    implementation(libs.navigation.compose)
    implementation(libs.biometric)
    implementation(libs.fragment.ktx)
    implementation(libs.core.ktx)
    implementation(libs.coroutines.android)
    // JNA as its Android AAR: the jar has no Android native part.
    implementation(libs.jna) { artifact { type = "aar" } }
}
