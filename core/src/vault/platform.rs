//! What the phone's secure hardware (Android Keystore, iOS Keychain / Secure Enclave) does for the
//! vault. Two jobs, one trait, implemented by the shell:
//!
//! - the second way to unlock, usually behind biometrics: the core hands it the vault key to wrap
//!   and gets it back on unlock (`wrap`, `unwrap`);
//! - the device binding, with no biometrics: a keyed function of the core's challenge under a key
//!   that never leaves this phone (`device_secret`), mixed into the passphrase slot's key so that a
//!   copy of the files cannot be attacked anywhere else.

use crate::error::Error;

/// The phone's secure key store, implemented by the shell (Android Keystore, iOS Keychain / Secure
/// Enclave): it wraps and unwraps the vault's data key, usually behind biometrics.
#[cfg_attr(feature = "ffi", uniffi::export(foreign))]
pub trait PlatformKey: Send + Sync {
    /// Encrypt `secret` under the platform's key (the result may carry its own IV).
    fn wrap(&self, secret: Vec<u8>) -> Result<Vec<u8>, Error>;
    /// Reverse [`PlatformKey::wrap`]; fail with `Error::PlatformKey` if the user cancels or the key is gone.
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, Error>;
    /// The same output for the same `input` on this phone, for as long as its device key lives, and
    /// computable nowhere else: e.g. HMAC-SHA256 under a non-exportable Android Keystore key, or a
    /// Secure Enclave key agreement. Needs no biometrics (the passphrase is the worker's proof);
    /// 16 to 512 bytes. Fail with `Error::PlatformKey` if the key is gone.
    fn device_secret(&self, input: Vec<u8>) -> Result<Vec<u8>, Error>;
}
