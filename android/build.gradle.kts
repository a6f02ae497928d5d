// Plugins are declared once here and applied in app/ and core-kotlin/build.gradle.kts (and, for
// AGP and Kotlin, used by the convention plugins in build-logic/).
plugins {
    alias(libs.plugins.android.application) apply false
    alias(libs.plugins.kotlin.android) apply false
    alias(libs.plugins.kotlin.compose) apply false
    alias(libs.plugins.kotlin.jvm) apply false
}
