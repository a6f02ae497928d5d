//! Passphrase key derivation: Argon2id for every new key slot and backup, with its parameters
//! stored beside what it protects; PBKDF2-HMAC-SHA256 only to open slots and backups written before.
//!
//! The parameters a release build writes are fixed ([`KdfParams::PRODUCTION`]). Cheaper ones
//! ([`KdfCost::Test`]) exist only in debug builds and with the `test-support` feature, so a test
//! suite stays quick while no release binary can ever write a cheap slot or backup. Reading is wider
//! than writing: any parameters inside [`KdfParams::is_readable`] open (a slot a debug build wrote
//! at test cost opens in a release build, which then upgrades it), and anything beyond is damage,
//! not a reason to stall a phone for minutes or exhaust its memory.

use argon2::{Algorithm, Argon2, Params, Version};
use ring::pbkdf2;
use std::num::NonZeroU32;

use super::Secret;
use crate::error::{Error, Result};

/// Argon2id's three costs, as stored in a key slot or a backup header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes over the memory.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

/// How costly new passphrase slots and backups are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KdfCost {
    /// [`KdfParams::PRODUCTION`]: the only cost a release build knows.
    #[default]
    Production,
    /// [`KdfParams::TEST`]: for test suites. Only in debug builds and with `test-support`; a release
    /// build upgrades a slot written at this cost at its next unlock.
    #[cfg(any(debug_assertions, feature = "test-support"))]
    Test,
}

impl KdfCost {
    /// The Argon2id parameters this cost stands for.
    pub fn params(self) -> KdfParams {
        match self {
            KdfCost::Production => KdfParams::PRODUCTION,
            #[cfg(any(debug_assertions, feature = "test-support"))]
            KdfCost::Test => KdfParams::TEST,
        }
    }
}

impl KdfParams {
    /// 64 MiB, 2 passes, 1 lane, per slot: an unlock derives a key for each of the vault's two
    /// slots, about 1 s together on a mid-range phone (docs/security.md has the measurements), and
    /// every guess at a copied file costs an attacker 64 MiB of memory per slot.
    pub const PRODUCTION: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 2,
        p: 1,
    };
    /// Argon2id's floor, for tests only (see [`KdfCost::Test`]).
    pub const TEST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };
    /// Readers refuse more memory than this (256 MiB) as damage.
    pub const MAX_M_KIB: u32 = 256 * 1024;
    /// Readers refuse more passes than this as damage.
    pub const MAX_T: u32 = 10;
    /// Readers refuse more lanes than this as damage.
    pub const MAX_P: u32 = 4;
    /// Readers refuse a total cost (memory × passes) above this: four times production.
    pub const MAX_WORK: u64 = 4 * 64 * 1024 * 3;

    /// Whether stored parameters are something this build will spend time and memory on.
    pub fn is_readable(&self) -> bool {
        (1..=Self::MAX_P).contains(&self.p)
            && (8 * self.p..=Self::MAX_M_KIB).contains(&self.m_kib)
            && (1..=Self::MAX_T).contains(&self.t)
            && u64::from(self.m_kib) * u64::from(self.t) <= Self::MAX_WORK
    }

    /// Whether a slot at these parameters is weaker than `target` and should be rewrapped.
    pub fn weaker_than(&self, target: &KdfParams) -> bool {
        self.m_kib < target.m_kib || self.t < target.t
    }

    /// The 12 bytes stored: memory, passes, lanes (big-endian u32 each).
    pub fn to_bytes(self) -> [u8; 12] {
        let mut b = [0u8; 12];
        b[0..4].copy_from_slice(&self.m_kib.to_be_bytes());
        b[4..8].copy_from_slice(&self.t.to_be_bytes());
        b[8..12].copy_from_slice(&self.p.to_be_bytes());
        b
    }

    /// Read parameters back from the 12 bytes a slot or backup header stores them in.
    pub fn from_bytes(b: &[u8; 12]) -> Self {
        let u = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        KdfParams {
            m_kib: u(0),
            t: u(4),
            p: u(8),
        }
    }
}

/// Argon2id (version 0x13) of `passphrase` (its UTF-8 bytes, no normalisation) under `salt`,
/// 32 bytes out. The memory it works in is wiped before it is freed.
pub fn argon2id(passphrase: &str, salt: &[u8], params: &KdfParams) -> Result<Secret> {
    if !params.is_readable() {
        return Err(Error::corrupt("key derivation parameters"));
    }
    let p = Params::new(params.m_kib, params.t, params.p, Some(32))
        .map_err(|_| Error::corrupt("key derivation parameters"))?;
    let mut out = [0u8; 32];
    let derived = Argon2::new(Algorithm::Argon2id, Version::V0x13, p).hash_password_into(
        passphrase.as_bytes(),
        salt,
        &mut out,
    );
    let key = Secret(out);
    zeroize::Zeroize::zeroize(&mut out);
    derived.map_err(|_| Error::corrupt("key derivation"))?;
    Ok(key)
}

/// PBKDF2-HMAC-SHA256, for slots and backups written before Argon2id (never for new ones).
pub fn pbkdf2_sha256(passphrase: &str, salt: &[u8], iterations: u32) -> Result<Secret> {
    let iterations = NonZeroU32::new(iterations).ok_or_else(|| Error::corrupt("key slot"))?;
    let mut out = [0u8; 32];
    pbkdf2::derive(
        pbkdf2::PBKDF2_HMAC_SHA256,
        iterations,
        salt,
        passphrase.as_bytes(),
        &mut out,
    );
    let key = Secret(out);
    zeroize::Zeroize::zeroize(&mut out);
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 9106's Argon2id test vector needs a secret and associated data, which this API does not
    /// take; this checks instead that the parameters matter and the output is stable.
    #[test]
    fn argon2id_is_deterministic_and_parameter_bound() {
        let salt = [7u8; 16];
        let a = argon2id("a passphrase", &salt, &KdfParams::TEST).unwrap();
        let b = argon2id("a passphrase", &salt, &KdfParams::TEST).unwrap();
        assert_eq!(a.as_bytes(), b.as_bytes());
        let more = KdfParams {
            t: 2,
            ..KdfParams::TEST
        };
        assert_ne!(
            a.as_bytes(),
            argon2id("a passphrase", &salt, &more).unwrap().as_bytes()
        );
        assert_ne!(
            a.as_bytes(),
            argon2id("a passphrase", &[8u8; 16], &KdfParams::TEST)
                .unwrap()
                .as_bytes()
        );
    }

    #[test]
    fn hostile_parameters_are_refused_before_any_work() {
        for bad in [
            KdfParams {
                m_kib: 4 * 1024 * 1024,
                t: 1,
                p: 1,
            },
            KdfParams {
                m_kib: 64 * 1024,
                t: 1_000,
                p: 1,
            },
            KdfParams {
                m_kib: 256 * 1024,
                t: 10,
                p: 1,
            },
            KdfParams {
                m_kib: 64,
                t: 1,
                p: 0,
            },
            KdfParams {
                m_kib: 4,
                t: 1,
                p: 1,
            },
        ] {
            assert!(!bad.is_readable(), "{bad:?}");
            assert!(argon2id("x", &[0; 16], &bad).is_err());
        }
        assert!(KdfParams::PRODUCTION.is_readable());
        assert!(KdfParams::TEST.is_readable());
        assert!(KdfParams::TEST.weaker_than(&KdfParams::PRODUCTION));
        assert!(!KdfParams::PRODUCTION.weaker_than(&KdfParams::PRODUCTION));
    }
}
