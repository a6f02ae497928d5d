//! The client's wellness and crisis plan: what keeps them well, the signs that things are
//! slipping, and what they want to happen in a crisis, in their own words. It belongs to the
//! client: they write it in shared mode, or the worker writes it with them (marked so). Each save
//! is a new version and every version is kept, so the plan's history is never rewritten.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::client;
use crate::error::Result;
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::validate::{self, TEXT_MAX};
use crate::vault::WorkerSession;

/// One part of the plan. The order of [`WellnessSection::ALL`] is the order every screen and the
/// client's copy show them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum WellnessSection {
    /// What I am like when I am well.
    WhenWell,
    /// What keeps me well, day to day.
    KeepingWell,
    /// What can set me back.
    SetBacks,
    /// Early signs that things are slipping.
    EarlySigns,
    /// What I and others can do when those signs show.
    EarlyActions,
    /// In a crisis: who I want contacted.
    CrisisContact,
    /// In a crisis: who I do not want contacted.
    CrisisDoNotContact,
    /// In a crisis: what helps.
    CrisisHelps,
    /// In a crisis: what does not help.
    CrisisDoesNotHelp,
    /// Practical matters: children, pets, bills, the home.
    PracticalMatters,
    /// Medication I am on, and any I do not want.
    Medication,
    /// Where I would like to be in a crisis.
    CrisisPlace,
    /// After a crisis: what helps me get back on my feet.
    AfterCrisis,
}

impl WellnessSection {
    /// Every section, in the order the plan shows them.
    pub const ALL: [WellnessSection; 13] = [
        WellnessSection::WhenWell,
        WellnessSection::KeepingWell,
        WellnessSection::SetBacks,
        WellnessSection::EarlySigns,
        WellnessSection::EarlyActions,
        WellnessSection::CrisisContact,
        WellnessSection::CrisisDoNotContact,
        WellnessSection::CrisisHelps,
        WellnessSection::CrisisDoesNotHelp,
        WellnessSection::PracticalMatters,
        WellnessSection::Medication,
        WellnessSection::CrisisPlace,
        WellnessSection::AfterCrisis,
    ];
}

/// Who wrote an entry of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum WellnessAuthor {
    /// The client, in shared mode.
    Client,
    /// The worker, writing with the client beside them.
    WorkerWithClient,
}

/// One section's words, with who wrote them and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WellnessEntry {
    /// The section it fills.
    pub section: WellnessSection,
    /// The words, exactly as written.
    pub text: String,
    /// Who wrote them.
    pub written_by: WellnessAuthor,
    /// The day they were written.
    pub written_on: Day,
}

/// One version of a client's wellness and crisis plan. Every save stores a new version; the
/// newest is the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WellnessPlan {
    /// This version's id.
    pub id: String,
    /// The client the plan belongs to (erasing the client erases every version).
    pub client_id: String,
    /// 1 for the first save, one more at each save after it.
    pub version: u32,
    /// The filled sections, in the plan's order; an empty section is absent.
    pub entries: Vec<WellnessEntry>,
    /// When this version was saved, by the phone's clock.
    pub saved: Timestamp,
}

storage::client_record!(WellnessPlan, "wellness_plan");

/// Every version of the client's plan, oldest first.
pub(crate) fn versions_of(
    conn: &Connection,
    keys: &Keys,
    client_id: &str,
) -> Result<Vec<WellnessPlan>> {
    let mut all = storage::list_owned::<WellnessPlan>(conn, keys, client_id)?;
    all.sort_by_key(|p| p.version);
    Ok(all)
}

/// The client's plan as it stands (its newest version), if anything was ever written.
pub(crate) fn current(
    conn: &Connection,
    keys: &Keys,
    client_id: &str,
) -> Result<Option<WellnessPlan>> {
    Ok(versions_of(conn, keys, client_id)?.pop())
}

/// Check a section's words: blank means the section is emptied.
pub(crate) fn checked_text(text: Option<String>) -> Result<Option<String>> {
    validate::optional_text("text", text, TEXT_MAX)
}

/// Save a new version with one section written (or emptied when `text` is none), keeping every
/// other section as it was.
pub(crate) fn write_section(
    tx: &rusqlite::Transaction<'_>,
    keys: &Keys,
    client_id: &str,
    section: WellnessSection,
    text: Option<String>,
    by: WellnessAuthor,
    on: Day,
) -> Result<WellnessPlan> {
    let previous = current(tx, keys, client_id)?;
    let version = previous.as_ref().map_or(1, |p| p.version + 1);
    let mut entries: Vec<WellnessEntry> = previous
        .map(|p| p.entries)
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e.section != section)
        .collect();
    if let Some(text) = text {
        entries.push(WellnessEntry {
            section,
            text,
            written_by: by,
            written_on: on,
        });
    }
    entries.sort_by_key(|e| WellnessSection::ALL.iter().position(|s| *s == e.section));
    let plan = WellnessPlan {
        id: validate::new_id(),
        client_id: client_id.to_string(),
        version,
        entries,
        saved: Timestamp::now(),
    };
    storage::put(tx, keys, &plan)?;
    Ok(plan)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Write one section of the client's wellness and crisis plan with the client beside you
    /// (marked as written by the worker with the client); blank text empties the section. Saves a
    /// new version; earlier versions are kept.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn write_wellness_with_client(
        &self,
        client_id: String,
        section: WellnessSection,
        text: Option<String>,
        on: Day,
    ) -> Result<WellnessPlan> {
        let text = checked_text(text)?;
        let on = on.not_in_future("on")?;
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            write_section(
                tx,
                keys,
                &client.id,
                section,
                text,
                WellnessAuthor::WorkerWithClient,
                on,
            )
        })
    }

    /// Every version of the client's wellness and crisis plan, oldest first.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn wellness_versions(&self, client_id: String) -> Result<Vec<WellnessPlan>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            versions_of(conn, keys, &client.id)
        })
    }
}
