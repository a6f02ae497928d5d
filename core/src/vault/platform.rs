//! The second way to unlock: a key held by the phone's secure hardware (Android Keystore, iOS
//! Keychain / Secure Enclave), usually behind biometrics. The shell implements this trait; the core
//! only ever hands it the vault key to wrap and gets it back on unlock.

use crate::error::Error;

/// The phone's secure key store, implemented by the shell (Android Keystore, iOS Keychain / Secure
/// Enclave): it wraps and unwraps the vault's data key, usually behind biometrics.
#[cfg_attr(feature = "ffi", uniffi::export(foreign))]
pub trait PlatformKey: Send + Sync {
    /// Encrypt `secret` under the platform's key (the result may carry its own IV).
    fn wrap(&self, secret: Vec<u8>) -> Result<Vec<u8>, Error>;
    /// Reverse [`PlatformKey::wrap`]; fail with `Error::PlatformKey` if the user cancels or the key is gone.
    fn unwrap(&self, wrapped: Vec<u8>) -> Result<Vec<u8>, Error>;
}
