// Convention plugins for the Android project; see ../README.md.
plugins {
    `kotlin-dsl`
}

group = "org.alongside.buildlogic"

dependencies {
    // Compile-only: the project's own build puts AGP and the Kotlin Gradle plugin on the classpath
    // (android/build.gradle.kts declares them with `apply false`), in the versions of the catalog.
    compileOnly(libs.android.gradlePlugin)
    compileOnly(libs.kotlin.gradlePlugin)
}

tasks {
    validatePlugins {
        enableStricterValidation = true
        failOnWarning = true
    }
}

gradlePlugin {
    plugins {
        register("rustAndroid") {
            id = "alongside.rust-android"
            implementationClass = "org.alongside.buildlogic.RustAndroidPlugin"
        }
        register("uniffiKotlin") {
            id = "alongside.uniffi-kotlin"
            implementationClass = "org.alongside.buildlogic.UniffiKotlinPlugin"
        }
    }
}
