//! The wellness and crisis plan as the client and the worker read it: every section in the
//! plan's order, headed in the reader's words, each filled one showing who wrote it and when.
//! The client writes it through their shared-mode capability; the worker reads it here, and from
//! a crisis-response visit (see `screens::activity`).

use serde::Serialize;

use crate::domain::client::{self, Client};
use crate::domain::wellness::{self, WellnessAuthor, WellnessPlan, WellnessSection};
use crate::error::Result;
use crate::screens::shared::SharedSession;
use crate::screens::wellness_words as ww;
use crate::screens::Reader;
use crate::storage;
use crate::time::{Day, Timestamp};
use crate::vault::WorkerSession;

/// One section of the plan as a screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WellnessSectionView {
    /// The section, for `write_wellness`.
    pub section: WellnessSection,
    /// Its heading, in the reader's language.
    pub heading: String,
    /// What was written, exactly; none while the section is empty.
    pub text: Option<String>,
    /// Who wrote it; none while the section is empty.
    pub written_by: Option<WellnessAuthor>,
    /// Who wrote it, in the reader's words ("In your own words"), or "Nothing written yet".
    pub written_by_label: String,
    /// The day it was written.
    pub written_on: Option<Day>,
}

/// The client's wellness and crisis plan as a screen shows it: all thirteen sections, in order.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct WellnessView {
    /// The client it belongs to.
    pub client_id: String,
    /// The language the headings are in (a BCP-47 tag): lay the screen out for it.
    pub language: String,
    /// Whether that language is written right to left: mirror the layout.
    pub right_to_left: bool,
    /// "My wellness and crisis plan".
    pub title: String,
    /// The version shown (the newest); 0 while nothing was ever written.
    pub version: u32,
    /// The id of the version shown, if any.
    pub plan_id: Option<String>,
    /// When the version shown was saved.
    pub saved: Option<Timestamp>,
    /// Every section, in the plan's order, filled or not.
    pub sections: Vec<WellnessSectionView>,
}

/// The view of a plan version (or of no plan yet) in the reader's words: the client reads it in
/// their language and voice ("In your own words"), the worker in theirs ("Written by the client").
pub(crate) fn view(client: &Client, plan: Option<&WellnessPlan>, reader: Reader) -> WellnessView {
    let lang = reader.lang(client);
    let sections = WellnessSection::ALL
        .iter()
        .map(|section| {
            let entry = plan.and_then(|p| p.entries.iter().find(|e| e.section == *section));
            WellnessSectionView {
                section: *section,
                heading: ww::section_heading(lang, *section),
                text: entry.map(|e| e.text.clone()),
                written_by: entry.map(|e| e.written_by),
                written_by_label: ww::written_by(lang, reader, entry.map(|e| e.written_by)),
                written_on: entry.map(|e| e.written_on),
            }
        })
        .collect();
    WellnessView {
        client_id: client.id.clone(),
        language: lang.tag().into(),
        right_to_left: lang.is_rtl(),
        title: ww::wellness_title(lang),
        version: plan.map_or(0, |p| p.version),
        plan_id: plan.map(|p| p.id.clone()),
        saved: plan.map(|p| p.saved),
        sections,
    }
}

/// The client's plan as it stands, read the way their screen reads it.
pub(crate) fn current_view(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
    client: &Client,
    reader: Reader,
) -> Result<WellnessView> {
    let plan = wellness::current(conn, keys, &client.id)?;
    Ok(view(client, plan.as_ref(), reader))
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The client's wellness and crisis plan as it stands, every section with who wrote it.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn wellness_view(&self, client_id: String) -> Result<WellnessView> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            current_view(conn, keys, &client, Reader::Worker)
        })
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl SharedSession {
    /// The client's own wellness and crisis plan, in their language.
    /// Fails only with the errors every call has (see `SharedSession`).
    pub fn wellness(&self) -> Result<WellnessView> {
        self.run(|conn, keys, client_id| {
            let client = client::load(conn, keys, client_id)?;
            current_view(conn, keys, &client, Reader::Client)
        })
    }

    /// The client writes one section of their wellness and crisis plan in their own words (blank
    /// empties it). Saves a new version; earlier versions are kept.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `SharedSession`).
    pub fn write_wellness(
        &self,
        section: WellnessSection,
        text: Option<String>,
        on: Day,
    ) -> Result<WellnessView> {
        let text = wellness::checked_text(text)?;
        let on = on.not_in_future("on")?;
        self.run(|conn, keys, client_id| {
            let tx = storage::write_tx(conn)?;
            let client = client::load(&tx, keys, client_id)?;
            let plan = wellness::write_section(
                &tx,
                keys,
                &client.id,
                section,
                text,
                WellnessAuthor::Client,
                on,
            )?;
            tx.commit()?;
            Ok(view(&client, Some(&plan), Reader::Client))
        })
    }
}
