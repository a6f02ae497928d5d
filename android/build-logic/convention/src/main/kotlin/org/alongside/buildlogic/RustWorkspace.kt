package org.alongside.buildlogic

import java.io.File
import org.gradle.api.Project
import org.gradle.api.file.ConfigurableFileCollection

/** The ABIs the phone library is built for (phones, old 32-bit phones, the emulator). */
val RUST_ANDROID_ABIS = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

/** The cargo package of the phone library (bindings/ffi) and its library name. */
internal const val FFI_PACKAGE = "alongside-ffi"
internal const val FFI_LIB_NAME = "alongside_ffi"

/** The repository root (the cargo workspace): android/ sits inside it, beside core/ and bindings/. */
internal val Project.repoRoot: File
    get() = rootDir.parentFile

/** The Rust sources and manifests the phone library is built from (its tasks' inputs). */
internal fun Project.phoneLibrarySources(into: ConfigurableFileCollection) {
    val root = repoRoot
    into.from(
        fileTree(root.resolve("core/src")),
        fileTree(root.resolve("bindings/ffi/src")),
        root.resolve("Cargo.toml"),
        root.resolve("Cargo.lock"),
        root.resolve("core/Cargo.toml"),
        root.resolve("bindings/ffi/Cargo.toml"),
    )
}

/** The file name cargo gives the phone library's cdylib on the machine running the build. */
internal fun hostLibraryFileName(): String {
    val os = System.getProperty("os.name").lowercase()
    return when {
        os.startsWith("mac") -> "lib$FFI_LIB_NAME.dylib"
        os.startsWith("windows") -> "$FFI_LIB_NAME.dll"
        else -> "lib$FFI_LIB_NAME.so"
    }
}
