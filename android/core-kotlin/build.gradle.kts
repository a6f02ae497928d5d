import org.jetbrains.kotlin.gradle.dsl.JvmTarget

// The app's plain-Kotlin layer (org.alongside.state) and the generated bindings (org.alongside.core)
// as a JVM module. No Android plugin and no Android dependency: an `android.*` import here does not
// compile, so this layer stays runnable on the desktop JVM, where `make test` tests it
// (tests/kotlin/run.sh). The app depends on it.
plugins {
    alias(libs.plugins.kotlin.jvm)
    // cargoHostBuild + generateUniffiKotlin; the bindings join the main sources (build-logic).
    id("alongside.uniffi-kotlin")
}

java {
    sourceCompatibility = JavaVersion.VERSION_17
    targetCompatibility = JavaVersion.VERSION_17
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

dependencies {
    // StateFlow is part of every state holder's API.
    api(libs.coroutines.core)
    // The bindings call JNA. Compile against the jar only: the app ships JNA as its Android AAR
    // (with libjnidispatch.so per ABI), and two copies of its classes would clash.
    compileOnly(libs.jna)
}
