//! The three duties of support work (educate, empower, advocate), the words a form shows for
//! each, and the vault's one duty setting (when the empowerment hint appears). Only the worker
//! chooses an activity's duties; suggestions (`rules::duty_suggest`) and the balance between
//! duties (`rules::duty_balance`) build on this.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::error::Result;
use crate::storage::{self, Record};
use crate::vault::WorkerSession;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// The three duties of support work. An activity carries the duties the worker chose for it.
pub enum Duty {
    /// Teach a skill or give knowledge.
    Educate,
    /// The client acts for themself, with support.
    Empower,
    /// The worker acts on the client's behalf.
    Advocate,
}

impl Duty {
    /// The three duties in their fixed order.
    pub const ALL: [Duty; 3] = [Duty::Educate, Duty::Empower, Duty::Advocate];

    /// The duty's label ("Educate").
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                Duty::Educate => "label-duty-educate",
                Duty::Empower => "label-duty-empower",
                Duty::Advocate => "label-duty-advocate",
            },
        )
    }

    /// One line saying what the duty means, for the activity form.
    pub fn description(self) -> String {
        crate::words::word(
            crate::words::worker_lang(),
            match self {
                Duty::Educate => "label-duty-educate.description",
                Duty::Empower => "label-duty-empower.description",
                Duty::Advocate => "label-duty-advocate.description",
            },
        )
    }
}

/// A duty with the words a form shows for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutyInfo {
    /// The duty, to put in `ActivityInput.duties`.
    pub duty: Duty,
    /// Its label ("Educate").
    pub label: String,
    /// One line saying what it means, for the form.
    pub description: String,
}

/// The three duties in their fixed order, for the activity form.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn duties() -> Vec<DutyInfo> {
    Duty::ALL
        .iter()
        .map(|d| DutyInfo {
            duty: *d,
            label: d.label(),
            description: d.description(),
        })
        .collect()
}

/// How many weeks of advocacy with no empowerment make the client's screen suggest a step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutySettings {
    /// Weeks of advocacy with no empowerment before the client's balance shows a hint (1 to 52).
    pub advocacy_hint_weeks: u32,
}

/// How many weeks of advocacy with no empowerment make the client's screen show a hint, unless the
/// worker changed it.
pub const DEFAULT_ADVOCACY_HINT_WEEKS: u32 = 4;
const SETTINGS_ID: &str = "settings-duty";

impl Default for DutySettings {
    fn default() -> Self {
        DutySettings {
            advocacy_hint_weeks: DEFAULT_ADVOCACY_HINT_WEEKS,
        }
    }
}

/// Stored under a fixed id: there is one per vault, and the id says nothing about anyone.
#[derive(Serialize, Deserialize)]
struct StoredDutySettings {
    id: String,
    settings: DutySettings,
}

impl Record for StoredDutySettings {
    const KIND: &'static str = "duty_settings";
    fn id(&self) -> &str {
        &self.id
    }
}

pub(crate) fn settings(conn: &Connection, keys: &Keys) -> Result<DutySettings> {
    Ok(
        storage::find::<StoredDutySettings>(conn, keys, SETTINGS_ID)?
            .map(|s| s.value.settings)
            .unwrap_or_default(),
    )
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The vault's duty setting (when the empowerment hint appears); the default until the worker
    /// changes it.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn duty_settings(&self) -> Result<DutySettings> {
        self.with(|conn, keys| settings(conn, keys))
    }

    /// Change the duty setting. `advocacy_hint_weeks` must be 1 to 52.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn set_duty_settings(&self, settings: DutySettings) -> Result<DutySettings> {
        crate::validate::range(
            "advocacy_hint_weeks",
            settings.advocacy_hint_weeks.into(),
            1,
            52,
        )?;
        self.write(|tx, keys| {
            let stored = StoredDutySettings {
                id: SETTINGS_ID.into(),
                settings: settings.clone(),
            };
            storage::put(tx, keys, &stored)?;
            Ok(settings)
        })
    }
}
