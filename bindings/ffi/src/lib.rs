//! The phone library. All exported types and calls are the core's own (its `ffi` feature); this
//! crate only links them into one cdylib / staticlib for Kotlin and Swift.

pub use alongside_core::*;
