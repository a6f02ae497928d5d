// Alongside for Android. Open this folder (android/) in Android Studio, or run Gradle here; the
// README's "Building the apps" lists what the machine needs (SDK, NDK, rustup targets, cargo-ndk).
pluginManagement {
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
include(":app")
