//! The worker's certifications (first aid, crisis intervention, ...), each with its expiry, so
//! Today can show those running out within the notice the worker set (60 days unless changed).

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, NAME_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

/// A new or changed certification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CertificationInput {
    /// Its name ("First aid").
    pub name: String,
    /// The day it expires, if it does.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub expires: Option<Day>,
    /// The worker's notes (who issued it, how to renew).
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub notes: Option<String>,
}

/// A certification. A stored record: renaming a field is a migration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Certification {
    /// The certification's random id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The day it expires, if it does.
    pub expires: Option<Day>,
    /// The worker's notes.
    pub notes: Option<String>,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl Record for Certification {
    const KIND: &'static str = "certification";
    fn id(&self) -> &str {
        &self.id
    }
}

fn checked(id: String, input: CertificationInput) -> Result<Certification> {
    Ok(Certification {
        id,
        name: validate::name("name", &input.name, NAME_MAX)?,
        expires: input.expires,
        notes: validate::optional_text("notes", input.notes, TEXT_MAX)?,
        updated: Timestamp::now(),
    })
}

pub(crate) fn all(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
) -> Result<Vec<Certification>> {
    storage::list::<Certification>(conn, keys)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Add a certification.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn add_certification(&self, input: CertificationInput) -> Result<Certification> {
        let c = checked(validate::new_id(), input)?;
        self.write(|tx, keys| {
            storage::put(tx, keys, &c)?;
            Ok(c)
        })
    }

    /// Change a certification (renewed: a new expiry).
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`certification_id`), and the
    /// errors every call has (see `WorkerSession`).
    pub fn update_certification(
        &self,
        certification_id: String,
        input: CertificationInput,
    ) -> Result<Certification> {
        self.write(|tx, keys| {
            let old: Certification = super::load(tx, keys, &certification_id)?;
            let c = checked(old.id, input)?;
            storage::put(tx, keys, &c)?;
            Ok(c)
        })
    }

    /// Remove a certification.
    /// Fails with `NotFound` (`certification_id`), and the errors every call has (see
    /// `WorkerSession`).
    pub fn delete_certification(&self, certification_id: String) -> Result<()> {
        self.write(|tx, keys| {
            let old: Certification = super::load(tx, keys, &certification_id)?;
            storage::erase(tx, keys, Certification::KIND, &old.id)
        })
    }

    /// Every certification, soonest expiry first (those that never expire last), then by name.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn certifications(&self) -> Result<Vec<Certification>> {
        self.with(|conn, keys| {
            let mut all = all(conn, keys)?;
            all.sort_by_cached_key(|c| (c.expires.is_none(), c.expires, c.name.to_lowercase()));
            Ok(all)
        })
    }
}
