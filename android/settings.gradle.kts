// Alongside for Android. Open this folder (android/) in Android Studio, or run Gradle here;
// docs/building-apps.md lists what the machine needs (SDK, NDK, rustup targets, cargo-ndk).
pluginManagement {
    // The Rust steps (cargo-ndk, uniffi-bindgen) as convention plugins: build-logic/README.md.
    includeBuild("build-logic")
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "Alongside"
// The Compose app, and its plain-Kotlin layer over the generated bindings (a JVM module: no
// android.* import compiles there).
include(":app")
include(":core-kotlin")
