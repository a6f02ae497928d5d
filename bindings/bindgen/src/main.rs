//! The uniffi-bindgen binary, built from the workspace so its version always matches the uniffi the
//! phone library was built with: `make bindings` runs it to write the Kotlin and Swift sources.

fn main() {
    uniffi::uniffi_bindgen_main()
}
