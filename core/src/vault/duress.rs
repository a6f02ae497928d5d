//! The duress passphrase (docs/adr/0013-duress-passphrase.md): a second passphrase a threatened
//! worker can give up. It opens a plausible, empty vault held in memory while the real one stays
//! shut, leaves a sealed notice the real vault's audit trail picks up at its next real unlock, and
//! never wipes anything.
//!
//! Nothing in the files says whether one is set: the duress passphrase lives in the vault's second
//! passphrase slot, which otherwise holds random bytes of the same shape (slots.rs); the two meta
//! rows below exist in every vault, always the same size, and are rewritten at every unlock,
//! whichever passphrase was used.
//!
//! - `duress` (sealed under the real vault's keys): the notice key, and whether a duress
//!   passphrase is set. Only the real vault can read it.
//! - `notice` (sealed under the notice key, or random bytes of the same size): how many duress
//!   unlocks since the last real unlock, and when the latest was. The duress slot holds the notice
//!   key, so a duress unlock can write it; a real unlock reads it, records it in the audit trail and
//!   replaces it with random bytes.

use rusqlite::Connection;

use crate::crypto::{self, Keys, RecordAd, Secret};
use crate::error::{Error, Result};
use crate::storage::{self, audit, audit::Op};
use crate::time::Timestamp;

const META_CONFIG: &str = "duress";
const META_NOTICE: &str = "notice";
/// count (u32), latest (i64 ms), reserved (u32).
const NOTICE_PLAIN_LEN: usize = 16;
const NOTICE_LEN: usize = 2 + 12 + NOTICE_PLAIN_LEN + 16;

/// What the real vault knows about its duress passphrase.
pub(crate) struct Config {
    pub(crate) notice_key: Secret,
    pub(crate) set: bool,
}

fn config_ad(vault_id: &str) -> RecordAd<'_> {
    RecordAd {
        kind: "vault",
        id: vault_id,
        field: "duress",
        rev: 0,
    }
}

fn notice_ad(vault_id: &[u8]) -> Vec<u8> {
    let mut ad = b"alongside/duress-notice\0".to_vec();
    ad.extend_from_slice(vault_id);
    ad
}

fn id_text(vault_id: &[u8]) -> String {
    String::from_utf8_lossy(vault_id).into_owned()
}

pub(crate) fn write_config(
    conn: &Connection,
    keys: &Keys,
    vault_id: &[u8],
    config: &Config,
) -> Result<()> {
    let mut plain = config.notice_key.as_bytes().to_vec();
    plain.push(u8::from(config.set));
    let sealed = keys.seal_record(&config_ad(&id_text(vault_id)), &plain);
    zeroize::Zeroize::zeroize(&mut plain);
    storage::set_meta(conn, META_CONFIG, &sealed?)
}

pub(crate) fn read_config(
    conn: &Connection,
    keys: &Keys,
    vault_id: &[u8],
) -> Result<Option<Config>> {
    let Some(sealed) = storage::get_meta(conn, META_CONFIG)? else {
        return Ok(None);
    };
    let mut plain = keys.open_record(&config_ad(&id_text(vault_id)), &sealed)?;
    let config = match plain.len() {
        33 if plain[32] <= 1 => Secret::from_slice(&plain[..32]).map(|notice_key| Config {
            notice_key,
            set: plain[32] == 1,
        }),
        _ => None,
    };
    zeroize::Zeroize::zeroize(&mut plain);
    config
        .map(Some)
        .ok_or_else(|| Error::corrupt("duress settings"))
}

/// Random bytes shaped like a sealed notice.
fn notice_filler() -> Result<Vec<u8>> {
    let mut b = vec![crypto::ENVELOPE_FORMAT, crypto::ALG_AES_256_GCM];
    b.extend_from_slice(&crypto::random_bytes::<{ NOTICE_LEN - 2 }>()?);
    Ok(b)
}

/// A fresh, unset configuration and an empty notice: what every vault has until a duress
/// passphrase is set (written at create, after a restore, and when a vault from before lacks it).
pub(crate) fn write_fresh(conn: &Connection, keys: &Keys, vault_id: &[u8]) -> Result<Config> {
    let config = Config {
        notice_key: Secret::random()?,
        set: false,
    };
    write_config(conn, keys, vault_id, &config)?;
    storage::set_meta(conn, META_NOTICE, &notice_filler()?)?;
    Ok(config)
}

/// The notice's count and latest time, if `notice_key` opens it.
fn read_notice(conn: &Connection, notice_key: &Secret, vault_id: &[u8]) -> Result<(u32, i64)> {
    let Some(sealed) = storage::get_meta(conn, META_NOTICE)? else {
        return Ok((0, 0));
    };
    Ok(crypto::open(notice_key, &notice_ad(vault_id), &sealed)
        .filter(|p| p.len() == NOTICE_PLAIN_LEN)
        .map(|p| {
            let count = u32::from_be_bytes(p[..4].try_into().expect("4 bytes"));
            let at = i64::from_be_bytes(p[4..12].try_into().expect("8 bytes"));
            (count, at)
        })
        .unwrap_or((0, 0)))
}

/// A duress unlock: count it in the notice, sealed under the notice key from the duress slot.
pub(crate) fn note_use(conn: &Connection, notice_key: &Secret, vault_id: &[u8]) -> Result<()> {
    let (count, _) = read_notice(conn, notice_key, vault_id)?;
    let mut plain = [0u8; NOTICE_PLAIN_LEN];
    plain[..4].copy_from_slice(&count.saturating_add(1).to_be_bytes());
    plain[4..12].copy_from_slice(&Timestamp::now().millis().to_be_bytes());
    let sealed = crypto::seal(notice_key, &notice_ad(vault_id), &plain)?;
    debug_assert_eq!(sealed.len(), NOTICE_LEN);
    storage::set_meta(conn, META_NOTICE, &sealed)
}

/// A real unlock: record any duress unlocks since the last one in the audit trail, and leave a
/// fresh empty notice (every unlock rewrites it, so the files change alike either way). Returns
/// the configuration (made fresh if this vault had none).
pub(crate) fn collect(conn: &mut Connection, keys: &Keys, vault_id: &[u8]) -> Result<Config> {
    let tx = crate::storage::write_tx(conn)?;
    let config = match read_config(&tx, keys, vault_id)? {
        Some(c) => c,
        None => write_fresh(&tx, keys, vault_id)?,
    };
    let (count, at) = read_notice(&tx, &config.notice_key, vault_id)?;
    if count > 0 {
        let id = id_text(vault_id);
        let at = Timestamp::from_millis(at).unwrap_or_else(Timestamp::now);
        audit::append_at(
            &tx,
            keys,
            at,
            Op::DuressUnlock,
            "vault",
            &id,
            count.into(),
            &[],
        )?;
    }
    storage::set_meta(&tx, META_NOTICE, &notice_filler()?)?;
    tx.commit()?;
    Ok(config)
}

/// The empty vault a duress unlock shows: an in-memory database with the vault's schema, a key
/// check under a fresh random key, and nothing else. It is gone at the next lock.
pub(crate) fn decoy(vault_id: &[u8]) -> Result<(Connection, Secret)> {
    let mut conn = Connection::open_in_memory()?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    storage::migrate(&mut conn)?;
    let data_key = Secret::random()?;
    let keys = Keys::derive(&data_key)?;
    let id = id_text(vault_id);
    storage::set_meta(&conn, "vault_id", vault_id)?;
    let check = keys.seal_record(&super::key_check_ad(&id), b"alongside")?;
    storage::set_meta(&conn, "key_check", &check)?;
    write_fresh(&conn, &keys, vault_id)?;
    Ok((conn, data_key))
}
