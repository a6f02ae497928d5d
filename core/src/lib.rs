//! Alongside's core: the domain of community support work, its rules, sealed local storage and
//! the view models the phone screens render. The phone shells reach it through uniffi
//! (feature `ffi`); the CLI and tests use it directly.

#[cfg(feature = "ffi")]
uniffi::setup_scaffolding!("alongside");

// The baselines store records unsealed so the benchmark can compare; a phone build never may.
#[cfg(all(
    feature = "ffi",
    any(feature = "baseline-plaintext", feature = "baseline-sqlcipher")
))]
compile_error!(
    "the benchmark baselines (`baseline-plaintext`, `baseline-sqlcipher`) store records unsealed \
     and must never be built into the phone library"
);

pub mod activity;
pub mod assessment;
pub mod audit;
pub mod backup;
pub mod client;
pub mod crypto;
pub mod duty;
pub mod error;
#[cfg(any(test, feature = "generate"))]
pub mod generate;
pub mod incident;
pub mod language;
pub mod note;
pub mod plan;
pub mod platform;
pub mod referral;
pub mod sample;
pub mod shared;
pub mod store;
pub mod time;
pub mod today;
pub mod validate;
pub mod vault;
pub mod views;
pub mod words;

pub use error::{Error, Result, Rule};
pub use platform::PlatformKey;
pub use shared::SharedSession;
pub use time::{ClockTime, Day, Timestamp};
pub use vault::{Vault, WorkerSession};
