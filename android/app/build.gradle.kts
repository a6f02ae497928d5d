import org.jetbrains.kotlin.gradle.dsl.JvmTarget

// The Compose app. The Rust phone library is built for each ABI by the `alongside.rust-android`
// convention plugin (build-logic/: task cargoNdkBuild, added to every variant's jniLibs); the Kotlin
// layer and the generated bindings come from :core-kotlin.
plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
    id("alongside.rust-android")
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
        // ABI filters: those the phone library is built for, set by alongside.rust-android.
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

    packaging {
        jniLibs { useLegacyPackaging = false }
    }
}

kotlin {
    compilerOptions { jvmTarget.set(JvmTarget.JVM_17) }
}

dependencies {
    // The plain-Kotlin layer (repositories and screen state) with the generated bindings.
    implementation(project(":core-kotlin"))
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
    // One HTTP exchange per call of the core's SyncTransport (sync/OkHttpSyncTransport.kt).
    implementation(libs.okhttp)
    // JNA as its Android AAR: the jar has no Android native part.
    implementation(libs.jna) { artifact { type = "aar" } }
}
