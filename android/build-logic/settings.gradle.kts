// The Android project's build logic, as an included build (android/settings.gradle.kts includes it
// in pluginManagement): the Rust steps (cargo-ndk for the app's native libraries, uniffi-bindgen
// for the Kotlin bindings) as typed, cached Gradle tasks behind two convention plugins. It shares
// the project's version catalog, so AGP and Kotlin are pinned in one place.
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
    versionCatalogs {
        create("libs") {
            from(files("../gradle/libs.versions.toml"))
        }
    }
}

rootProject.name = "build-logic"
include(":convention")
