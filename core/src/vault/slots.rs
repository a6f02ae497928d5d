//! The passphrase key slots: where the data key is stored wrapped under a key derived from the
//! worker's passphrase (Argon2id), and, when the phone supplies one, from its device key too.
//!
//! Every vault has exactly [`SLOT_COUNT`] passphrase slots of the same size and parameters: one
//! holds the data key, the other either holds a duress passphrase's notice key or is random bytes
//! shaped like a wrapped key. Which slot is the worker's is chosen at random, and an unlock derives
//! a key for every slot whichever matches, so nothing in the files or in an unlock's time says
//! whether a duress passphrase exists (docs/adr/0013-duress-passphrase.md).
//!
//! A slot row (table `key_slots`, schema unchanged): `name` is `passphrase-1` or `passphrase-2`,
//! `iterations` is NULL, `salt` holds the slot header below, `wrapped` the sealed key.
//!
//! ```text
//! header  = format (1 byte, 2) | kdf (1 byte, 2 = Argon2id) | m_kib u32 | t u32 | p u32
//!           | bound (1 byte: 1 = the device key is mixed in) | salt (16 bytes)
//! master  = Argon2id(passphrase, salt, m_kib, t, p, 32 bytes)
//! device  = PlatformKey::device_secret(HKDF(salt "alongside/device-binding/v1", master, "challenge"))
//!           when bound, else empty
//! kek     = HKDF(salt "alongside/keyslot/v2", master || device, info "slot key")
//! wrapped = AES-256-GCM envelope of the 32-byte key, associated data binding the slot's name,
//!           its role (worker or duress), the vault id and the header
//! ```
//!
//! The slot a vault created before this format has (`passphrase`, PBKDF2-HMAC-SHA256, its count in
//! `iterations` and its salt in `salt`) still opens, and is replaced by the two slots above at the
//! next unlock.

use rusqlite::{params, Connection, OptionalExtension};

use super::platform::PlatformKey;
use crate::crypto::{self, KdfParams, Secret, MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS};
use crate::error::{Error, Result};

/// Passphrase slots in every vault of this format.
pub(crate) const SLOT_COUNT: usize = 2;
pub(crate) const SLOT_NAMES: [&str; SLOT_COUNT] = ["passphrase-1", "passphrase-2"];
/// The PBKDF2 slot of vaults made before Argon2id.
pub(crate) const LEGACY_SLOT: &str = "passphrase";
pub(crate) const SLOT_PLATFORM: &str = "platform";

const SLOT_FORMAT: u8 = 2;
const KDF_ARGON2ID: u8 = 2;
const SALT_LEN: usize = 16;
const HEADER_LEN: usize = 1 + 1 + 12 + 1 + SALT_LEN;
/// The wrapped key is exactly envelope header + nonce + 32 bytes + tag; anything else is damage,
/// not a wrong passphrase.
pub(crate) const WRAPPED_LEN: usize = 2 + 12 + 32 + 16;
/// A device key's answer shorter or longer than this is a broken shell, not a key.
const DEVICE_SECRET_LEN: std::ops::RangeInclusive<usize> = 16..=512;

/// Whose key a slot holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The vault's data key.
    Worker,
    /// A duress passphrase's notice key: it opens an empty vault and leaves a sealed notice.
    Duress,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SlotHeader {
    pub(crate) params: KdfParams,
    pub(crate) bound: bool,
    salt: [u8; SALT_LEN],
}

impl SlotHeader {
    pub(crate) fn fresh(params: KdfParams, bound: bool) -> Result<Self> {
        Ok(SlotHeader {
            params,
            bound,
            salt: crypto::random_bytes()?,
        })
    }

    fn to_bytes(self) -> Vec<u8> {
        let mut b = Vec::with_capacity(HEADER_LEN);
        b.push(SLOT_FORMAT);
        b.push(KDF_ARGON2ID);
        b.extend_from_slice(&self.params.to_bytes());
        b.push(u8::from(self.bound));
        b.extend_from_slice(&self.salt);
        b
    }

    fn parse(b: &[u8]) -> Result<Self> {
        let damaged = || Error::corrupt("passphrase key slot");
        if b.len() != HEADER_LEN || b[0] != SLOT_FORMAT || b[1] != KDF_ARGON2ID || b[14] > 1 {
            return Err(damaged());
        }
        let params = KdfParams::from_bytes(b[2..14].try_into().expect("12 bytes"));
        if !params.is_readable() {
            return Err(damaged());
        }
        Ok(SlotHeader {
            params,
            bound: b[14] == 1,
            salt: b[15..].try_into().expect("16 bytes"),
        })
    }
}

/// A slot as stored.
struct StoredSlot {
    header: SlotHeader,
    wrapped: Vec<u8>,
}

/// What a passphrase opened.
pub(crate) struct Unwrapped {
    /// The data key (role worker) or the notice key (role duress).
    pub(crate) key: Secret,
    pub(crate) role: Role,
    /// Which of [`SLOT_NAMES`] it was in (0 for the legacy slot).
    pub(crate) index: usize,
    /// The slot's header; `None` for the legacy PBKDF2 slot.
    pub(crate) header: Option<SlotHeader>,
}

fn ad(name: &str, role: Role, vault_id: &[u8], header: &SlotHeader) -> Vec<u8> {
    let mut ad = b"alongside/keyslot/v2\0".to_vec();
    ad.extend_from_slice(name.as_bytes());
    ad.push(0);
    ad.push(match role {
        Role::Worker => 1,
        Role::Duress => 2,
    });
    ad.extend_from_slice(vault_id);
    ad.push(0);
    ad.extend_from_slice(&header.to_bytes());
    ad
}

fn legacy_ad(vault_id: &[u8]) -> Vec<u8> {
    let mut ad = b"alongside/keyslot/".to_vec();
    ad.extend_from_slice(LEGACY_SLOT.as_bytes());
    ad.push(0);
    ad.extend_from_slice(vault_id);
    ad
}

/// The device key is needed but the shell supplied none.
pub(crate) fn device_key_missing() -> Error {
    Error::PlatformKey {
        reason: "this vault is bound to this phone's device key, which was not supplied".into(),
    }
}

/// The key-encryption key of a slot with `header`, from the passphrase and (when the slot is
/// bound) the phone's device key.
fn kek(header: &SlotHeader, passphrase: &str, device: Option<&dyn PlatformKey>) -> Result<Secret> {
    let device = match (header.bound, device) {
        (false, _) => None,
        (true, None) => return Err(device_key_missing()),
        (true, Some(d)) => Some(d),
    };
    let master = crypto::argon2id(passphrase, &header.salt, &header.params)?;
    let mut bound = Vec::new();
    if let Some(device) = device {
        let challenge = Secret::hkdf(
            b"alongside/device-binding/v1",
            &[master.as_bytes()],
            b"challenge",
        )?;
        bound = device.device_secret(challenge.as_bytes().to_vec())?;
        if !DEVICE_SECRET_LEN.contains(&bound.len()) {
            zeroize::Zeroize::zeroize(&mut bound);
            return Err(Error::PlatformKey {
                reason: "the device key returned a malformed value".into(),
            });
        }
    }
    let kek = Secret::hkdf(
        b"alongside/keyslot/v2",
        &[master.as_bytes(), &bound],
        b"slot key",
    );
    zeroize::Zeroize::zeroize(&mut bound);
    kek
}

/// Both current slots, or `None` when the vault still has only the legacy slot; one without the
/// other is damage.
fn read_slots(conn: &Connection) -> Result<Option<Vec<StoredSlot>>> {
    let mut out = Vec::with_capacity(SLOT_COUNT);
    let mut missing = 0;
    for name in SLOT_NAMES {
        let row: Option<(Option<i64>, Vec<u8>, Vec<u8>)> = conn
            .query_row(
                "SELECT iterations, salt, wrapped FROM key_slots WHERE name = ?1",
                [name],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<Vec<u8>>>(1)?.unwrap_or_default(),
                        r.get(2)?,
                    ))
                },
            )
            .optional()?;
        match row {
            Some((iterations, header, wrapped)) => {
                let header = SlotHeader::parse(&header)?;
                // The iteration count belongs to the PBKDF2 slot; here it is damage.
                if iterations.is_some() || wrapped.len() != WRAPPED_LEN {
                    return Err(Error::corrupt("passphrase key slot"));
                }
                out.push(StoredSlot { header, wrapped });
            }
            None => missing += 1,
        }
    }
    match missing {
        0 => Ok(Some(out)),
        SLOT_COUNT => Ok(None),
        _ => Err(Error::corrupt("passphrase key slot missing")),
    }
}

/// Whether this vault's passphrase slots are bound to the phone's device key (readable without any
/// key: the unlock screen may say so).
pub(crate) fn is_bound(conn: &Connection) -> Result<bool> {
    Ok(read_slots(conn)?.is_some_and(|s| s.iter().any(|s| s.header.bound)))
}

/// The headers of both slots, if the vault has the current format.
pub(crate) fn headers(conn: &Connection) -> Result<Option<Vec<SlotHeader>>> {
    Ok(read_slots(conn)?.map(|s| s.into_iter().map(|s| s.header).collect()))
}

/// Open whichever slot `passphrase` opens. A key is derived for every slot whatever happens, so
/// the time taken does not say which slot matched or whether the other one is in use.
pub(crate) fn open(
    conn: &Connection,
    vault_id: &[u8],
    passphrase: &str,
    device: Option<&dyn PlatformKey>,
) -> Result<Unwrapped> {
    let Some(slots) = read_slots(conn)? else {
        return open_legacy(conn, vault_id, passphrase);
    };
    let mut found: Option<Unwrapped> = None;
    for (index, slot) in slots.iter().enumerate() {
        let kek = kek(&slot.header, passphrase, device)?;
        for role in [Role::Worker, Role::Duress] {
            let ad = ad(SLOT_NAMES[index], role, vault_id, &slot.header);
            if let Some(mut plain) = crypto::open(&kek, &ad, &slot.wrapped) {
                let key = Secret::from_slice(&plain);
                zeroize::Zeroize::zeroize(&mut plain);
                let key = key.ok_or_else(|| Error::corrupt("passphrase key slot"))?;
                if found.is_none() {
                    found = Some(Unwrapped {
                        key,
                        role,
                        index,
                        header: Some(slot.header),
                    });
                }
            }
        }
    }
    found.ok_or_else(Error::wrong_passphrase)
}

fn open_legacy(conn: &Connection, vault_id: &[u8], passphrase: &str) -> Result<Unwrapped> {
    let (iterations, salt, wrapped): (i64, Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT iterations, salt, wrapped FROM key_slots WHERE name = ?1",
            [LEGACY_SLOT],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or_else(|| Error::corrupt("passphrase key slot missing"))?;
    let iterations = u32::try_from(iterations)
        .ok()
        .filter(|i| (MIN_PBKDF2_ITERATIONS..=MAX_PBKDF2_ITERATIONS).contains(i))
        .ok_or_else(|| Error::corrupt("passphrase key slot"))?;
    if salt.len() < SALT_LEN || wrapped.len() != WRAPPED_LEN {
        return Err(Error::corrupt("passphrase key slot"));
    }
    let kek = crypto::pbkdf2_sha256(passphrase, &salt, iterations)?;
    let mut plain =
        crypto::open(&kek, &legacy_ad(vault_id), &wrapped).ok_or_else(Error::wrong_passphrase)?;
    let key = Secret::from_slice(&plain).ok_or_else(|| Error::corrupt("passphrase key slot"));
    zeroize::Zeroize::zeroize(&mut plain);
    Ok(Unwrapped {
        key: key?,
        role: Role::Worker,
        index: 0,
        header: None,
    })
}

fn put(conn: &Connection, name: &str, header: &SlotHeader, wrapped: &[u8]) -> Result<()> {
    conn.execute(
        "INSERT INTO key_slots (name, iterations, salt, wrapped) VALUES (?1, NULL, ?2, ?3)
         ON CONFLICT(name) DO UPDATE SET iterations = NULL, salt = excluded.salt,
             wrapped = excluded.wrapped",
        params![name, header.to_bytes(), wrapped],
    )?;
    Ok(())
}

/// What a slot is locked with: a passphrase at a cost, and the device key when bound.
pub(crate) struct Lock<'a> {
    pub(crate) passphrase: &'a str,
    pub(crate) params: KdfParams,
    pub(crate) bound: bool,
    pub(crate) device: Option<&'a dyn PlatformKey>,
}

/// Seal `key` into slot `index` under `lock`, with a fresh salt.
pub(crate) fn write(
    conn: &Connection,
    vault_id: &[u8],
    index: usize,
    role: Role,
    key: &Secret,
    lock: &Lock<'_>,
) -> Result<()> {
    let header = SlotHeader::fresh(lock.params, lock.bound)?;
    let kek = kek(&header, lock.passphrase, lock.device)?;
    let wrapped = crypto::seal(
        &kek,
        &ad(SLOT_NAMES[index], role, vault_id, &header),
        key.as_bytes(),
    )?;
    debug_assert_eq!(wrapped.len(), WRAPPED_LEN);
    put(conn, SLOT_NAMES[index], &header, &wrapped)
}

/// Fill slot `index` with random bytes shaped like a wrapped key, under a header like its
/// neighbour's: what an unused slot looks like.
pub(crate) fn write_unused(
    conn: &Connection,
    index: usize,
    params: KdfParams,
    bound: bool,
) -> Result<()> {
    let header = SlotHeader::fresh(params, bound)?;
    let mut wrapped = vec![crypto::ENVELOPE_FORMAT, crypto::ALG_AES_256_GCM];
    wrapped.extend_from_slice(&crypto::random_bytes::<{ WRAPPED_LEN - 2 }>()?);
    put(conn, SLOT_NAMES[index], &header, &wrapped)
}

/// A fresh set of slots: the data key in a slot chosen at random, the other unused; the legacy
/// slot, if any, removed. Returns the worker's slot index.
pub(crate) fn write_fresh(
    conn: &Connection,
    vault_id: &[u8],
    data_key: &Secret,
    passphrase: &str,
    params: KdfParams,
    device: Option<&dyn PlatformKey>,
) -> Result<usize> {
    let index = usize::from(crypto::random_bytes::<1>()?[0] & 1);
    let bound = device.is_some();
    let lock = Lock {
        passphrase,
        params,
        bound,
        device,
    };
    write(conn, vault_id, index, Role::Worker, data_key, &lock)?;
    write_unused(conn, 1 - index, params, bound)?;
    conn.execute("DELETE FROM key_slots WHERE name = ?1", [LEGACY_SLOT])?;
    Ok(index)
}
