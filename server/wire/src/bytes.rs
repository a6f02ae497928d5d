//! Binary values with their text form: random ids, hashes, keys, signatures and sealed bodies.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! fixed_bytes {
    ($(#[$doc:meta])* $name:ident, $len:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub [u8; $len]);

        impl $name {
            /// The number of bytes.
            pub const LEN: usize = $len;

            /// The bytes.
            pub fn as_bytes(&self) -> &[u8] {
                &self.0
            }

            /// Takes exactly `LEN` bytes, or `None`.
            pub fn from_slice(bytes: &[u8]) -> Option<Self> {
                <[u8; $len]>::try_from(bytes).ok().map(Self)
            }

            /// The unpadded base64url text form, as on the wire.
            pub fn to_text(&self) -> String {
                crate::b64::encode(&self.0)
            }

            /// Parses the text form, or `None`.
            pub fn from_text(text: &str) -> Option<Self> {
                crate::b64::decode(text).and_then(|v| Self::from_slice(&v))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.to_text())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.to_text())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.to_text())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                Self::from_text(&text).ok_or_else(|| {
                    D::Error::custom(concat!("expected ", stringify!($len), " bytes as unpadded base64url"))
                })
            }
        }
    };
}

fixed_bytes!(
    /// A random 16-byte identifier (team, record, keyspace, member, op, invite).
    Id16,
    16
);
fixed_bytes!(
    /// A SHA-256 value: a revision, a log entry's hash, a chain value, an invite's lookup hash.
    Hash32,
    32
);
fixed_bytes!(
    /// A device's Ed25519 public key, which is also the device's id within its team.
    DeviceId,
    32
);
fixed_bytes!(
    /// A device's X25519 public key, to which keyspace keys are wrapped (the relay never uses it).
    AgreementKey,
    32
);
fixed_bytes!(
    /// An Ed25519 signature.
    Signature,
    64
);

/// A team's random id.
pub type TeamId = Id16;
/// A record's random id (chosen by the device that creates the record).
pub type RecordId = Id16;
/// A keyspace's random id (per client, team-wide, management, ...).
pub type KeyspaceId = Id16;
/// A member's (a person's) random id; a member may have several devices.
pub type MemberId = Id16;
/// A push operation's random id, the key of idempotent retries.
pub type OpId = Id16;

impl Id16 {
    /// Sixteen fresh random bytes from the system's generator.
    pub fn random() -> Result<Self, ring::error::Unspecified> {
        use ring::rand::SecureRandom;
        let mut b = [0u8; 16];
        ring::rand::SystemRandom::new().fill(&mut b)?;
        Ok(Self(b))
    }
}

/// A variable-length binary value: a sealed body, a challenge.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Blob(pub Vec<u8>);

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::b64::encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        crate::b64::decode(&text)
            .map(Blob)
            .ok_or_else(|| D::Error::custom("expected unpadded base64url"))
    }
}
