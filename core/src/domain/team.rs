//! The team's own records, beside the clients': who each member is (their display name, which the
//! team log never carries, so the relay never sees a name), what a supervisor asks of a worker,
//! a worker's request for supervision and a debrief entry they chose to share, and the count of
//! notes each worker has left unsigned (drafts never leave a phone; this count does, without a
//! word of them).
//!
//! Members are named by their team member id as text (the team log's id): this layer knows no
//! team log, so the caller (`screens::team`) checks who may write what. Every record about one
//! staff member carries `staff_member`, which the sync engine reads to seal it in that member's
//! own keyspace (held by them and the team's admins), never the whole team's.

use serde::{Deserialize, Serialize};

use crate::domain::worker::debrief::{Debrief, DebriefOccasion};
use crate::error::{Error, NotAllowedReason, Result};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, TEXT_MAX};

/// The longest display name, in characters: a name as colleagues say it, not a full record.
pub const DISPLAY_NAME_MAX: u32 = 80;

/// How a member is named to the team, written by that member's own phone. Stored record
/// (`team_profile`): renaming a field is a migration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamProfile {
    /// `team_profile:` and the member id: one record per member, the same on every phone.
    pub id: String,
    /// The member (the team log's id, as text).
    pub member_id: String,
    /// The name colleagues know them by.
    pub display_name: String,
    /// When it was last set.
    pub updated: Timestamp,
}

impl Record for TeamProfile {
    const KIND: &'static str = "team_profile";
    fn id(&self) -> &str {
        &self.id
    }
}

/// Something a supervisor asked of a worker, and whether it is done. Stored record
/// (`team_request`); sealed in the worker's own keyspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamRequest {
    /// The request's random id.
    pub id: String,
    /// The worker it is asked of (member id as text).
    pub staff_member: String,
    /// The admin who asked (member id as text).
    pub asked_by: String,
    /// The client it is about, if any (not `client_id`: the request is the worker's, not part of
    /// the client's record, and is not erased with them).
    pub about_client: Option<String>,
    /// What is asked, in the supervisor's words.
    pub text: String,
    /// The day it is wanted by, if one was given.
    pub due: Option<Day>,
    /// When it was asked.
    pub asked: Timestamp,
    /// When the worker marked it done.
    pub done: Option<Timestamp>,
}

impl Record for TeamRequest {
    const KIND: &'static str = "team_request";
    fn id(&self) -> &str {
        &self.id
    }
}

/// A worker's request for a supervision session, to their supervisors. Stored record
/// (`supervision_request`); sealed in the worker's own keyspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SupervisionRequest {
    /// The request's random id.
    pub id: String,
    /// The worker asking (member id as text).
    pub staff_member: String,
    /// What they would like to raise, if they said.
    pub topics: Option<String>,
    /// When they asked.
    pub asked: Timestamp,
}

impl Record for SupervisionRequest {
    const KIND: &'static str = "supervision_request";
    fn id(&self) -> &str {
        &self.id
    }
}

/// A copy of one debrief entry the worker chose to share with their supervisors: only the fields
/// a debrief has for that, never the worker's private debrief record itself. Stored record
/// (`debrief_shared`); sealed in the worker's own keyspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedDebrief {
    /// `debrief_shared:` and the debrief's id: sharing twice updates one copy.
    pub id: String,
    /// The worker sharing (member id as text).
    pub staff_member: String,
    /// The day the debrief is about.
    pub day: Day,
    /// What it came after.
    pub occasion: DebriefOccasion,
    /// How the day sat, 1 (very heavily) to 10 (lightly).
    pub score: u8,
    /// In the worker's words, if they wrote any.
    pub words: Option<String>,
    /// What helped.
    pub what_helped: Option<String>,
    /// What they will do for themself.
    pub for_myself: Option<String>,
    /// When it was shared.
    pub shared: Timestamp,
}

impl Record for SharedDebrief {
    const KIND: &'static str = "debrief_shared";
    fn id(&self) -> &str {
        &self.id
    }
}

/// One client's notes a worker has not signed: how many, and since when. No note's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsignedCount {
    /// The client.
    pub client_id: String,
    /// Draft notes about them.
    pub count: u32,
    /// The day the oldest draft was started.
    pub oldest: Day,
}

/// What a worker's phone publishes at each sync for the briefing's "notes left unsigned": the
/// drafts themselves never leave the phone. Stored record (`unsigned_notes`), one per member,
/// sealed in their own keyspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsignedNotes {
    /// `unsigned_notes:` and the member id.
    pub id: String,
    /// The worker (member id as text).
    pub staff_member: String,
    /// Per client, by client id.
    pub clients: Vec<UnsignedCount>,
}

impl Record for UnsignedNotes {
    const KIND: &'static str = "unsigned_notes";
    fn id(&self) -> &str {
        &self.id
    }
}

/// Which "inform the supervisor" incidents this phone has already notified. Kept on this phone
/// only (`team_seen`, not a shared kind).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    /// Always `team_seen`.
    pub id: String,
    /// Incident ids already notified.
    pub incidents: Vec<String>,
}

impl Record for Seen {
    const KIND: &'static str = "team_seen";
    fn id(&self) -> &str {
        &self.id
    }
}

/// The supervisor's own briefing settings, on their phone only (`team_settings`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BriefingSettings {
    /// Always `team_settings`.
    pub id: String,
    /// A note unsigned for more than this many days shows on the briefing.
    pub unsigned_note_days: u32,
}

impl Record for BriefingSettings {
    const KIND: &'static str = "team_settings";
    fn id(&self) -> &str {
        &self.id
    }
}

/// Notes unsigned for longer than this show on the briefing, until the supervisor sets another.
pub const DEFAULT_UNSIGNED_NOTE_DAYS: u32 = 3;
/// The longest threshold: a quarter.
pub const MAX_UNSIGNED_NOTE_DAYS: u32 = 92;

fn profile_row(member: &str) -> String {
    format!("team_profile:{member}")
}

/// Set a member's display name (required, one line, at most [`DISPLAY_NAME_MAX`] characters).
pub fn set_name(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    member: &str,
    name: &str,
) -> Result<TeamProfile> {
    let display_name = validate::name("name", name, DISPLAY_NAME_MAX)?;
    let profile = TeamProfile {
        id: profile_row(member),
        member_id: member.to_string(),
        display_name,
        updated: Timestamp::now(),
    };
    storage::put(tx, keys, &profile)?;
    Ok(profile)
}

/// Every display name this phone holds, by member id.
pub fn names(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
) -> Result<std::collections::HashMap<String, String>> {
    Ok(storage::list::<TeamProfile>(conn, keys)?
        .into_iter()
        .map(|p| (p.member_id, p.display_name))
        .collect())
}

/// A new request of `member` by `asked_by`: the text is required (at most [`TEXT_MAX`]), the
/// client, when given, must be one this phone holds.
pub fn ask(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    asked_by: &str,
    member: &str,
    client_id: Option<String>,
    text: &str,
    due: Option<Day>,
) -> Result<TeamRequest> {
    let text = validate::text("text", text, TEXT_MAX)?;
    let about_client = match client_id {
        Some(c) => Some(crate::domain::client::load(tx, keys, &validate::id("client_id", &c)?)?.id),
        None => None,
    };
    let request = TeamRequest {
        id: validate::new_id(),
        staff_member: member.to_string(),
        asked_by: asked_by.to_string(),
        about_client,
        text,
        due,
        asked: Timestamp::now(),
        done: None,
    };
    storage::put(tx, keys, &request)?;
    Ok(request)
}

/// Mark a request done, by the member it was asked of.
pub fn request_done(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    me: &str,
    id: &str,
) -> Result<TeamRequest> {
    let id = validate::id("id", id)?;
    let mut request = storage::get::<TeamRequest>(tx, keys, &id)?.value;
    if request.staff_member != me {
        return Err(Error::not_allowed("id", NotAllowedReason::RequestNotYours));
    }
    if request.done.is_none() {
        request.done = Some(Timestamp::now());
        storage::put(tx, keys, &request)?;
    }
    Ok(request)
}

/// A request for supervision by `member`; topics optional (at most [`TEXT_MAX`]).
pub fn request_supervision(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    member: &str,
    topics: Option<String>,
) -> Result<SupervisionRequest> {
    let request = SupervisionRequest {
        id: validate::new_id(),
        staff_member: member.to_string(),
        topics: validate::optional_text("topics", topics, TEXT_MAX)?,
        asked: Timestamp::now(),
    };
    storage::put(tx, keys, &request)?;
    Ok(request)
}

/// Share a copy of one of `member`'s debriefs with their supervisors. The private debrief stays
/// as it is, and stays on the phone.
pub fn share_debrief(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    member: &str,
    debrief_id: &str,
) -> Result<SharedDebrief> {
    let id = validate::id("debrief_id", debrief_id)?;
    let d: Debrief = storage::get::<Debrief>(tx, keys, &id)?.value;
    let copy = SharedDebrief {
        id: format!("debrief_shared:{}", d.id),
        staff_member: member.to_string(),
        day: d.day,
        occasion: d.occasion,
        score: d.score,
        words: d.words,
        what_helped: d.what_helped,
        for_myself: d.for_myself,
        shared: Timestamp::now(),
    };
    storage::put(tx, keys, &copy)?;
    Ok(copy)
}

/// Publish `member`'s unsigned-note counts from their `drafts` (see `note::drafts`), written
/// only when they changed (so a quiet sync sends nothing new).
pub fn publish_unsigned(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    member: &str,
    drafts: Vec<crate::domain::note::DraftMark>,
) -> Result<()> {
    let mut by_client: std::collections::BTreeMap<String, UnsignedCount> = Default::default();
    for d in drafts {
        let day = d.written.day();
        let c = by_client
            .entry(d.client_id.clone())
            .or_insert(UnsignedCount {
                client_id: d.client_id,
                count: 0,
                oldest: day,
            });
        c.count += 1;
        c.oldest = c.oldest.min(day);
    }
    let record = UnsignedNotes {
        id: format!("unsigned_notes:{member}"),
        staff_member: member.to_string(),
        clients: by_client.into_values().collect(),
    };
    let held = storage::find::<UnsignedNotes>(tx, keys, &record.id)?.map(|s| s.value);
    if held.as_ref() != Some(&record) && !(held.is_none() && record.clients.is_empty()) {
        storage::put(tx, keys, &record)?;
    }
    Ok(())
}

/// The briefing's settings as this phone holds them.
pub fn settings(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
) -> Result<BriefingSettings> {
    Ok(
        storage::find::<BriefingSettings>(conn, keys, "team_settings")?.map_or(
            BriefingSettings {
                id: "team_settings".into(),
                unsigned_note_days: DEFAULT_UNSIGNED_NOTE_DAYS,
            },
            |s| s.value,
        ),
    )
}

/// Set how many days a note may stay unsigned before the briefing shows it (1 to
/// [`MAX_UNSIGNED_NOTE_DAYS`]).
pub fn set_unsigned_note_days(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    days: u32,
) -> Result<()> {
    validate::range(
        "unsigned_note_days",
        i64::from(days),
        1,
        i64::from(MAX_UNSIGNED_NOTE_DAYS),
    )?;
    let mut s = settings(tx, keys)?;
    s.unsigned_note_days = days;
    storage::put(tx, keys, &s)?;
    Ok(())
}

/// The incidents already notified on this phone.
pub fn seen(conn: &rusqlite::Connection, keys: &crate::crypto::Keys) -> Result<Seen> {
    Ok(storage::find::<Seen>(conn, keys, "team_seen")?.map_or(
        Seen {
            id: "team_seen".into(),
            incidents: Vec::new(),
        },
        |s| s.value,
    ))
}

/// Mark incidents as notified on this phone.
pub fn mark_seen(
    tx: &rusqlite::Transaction<'_>,
    keys: &crate::crypto::Keys,
    ids: &[String],
) -> Result<()> {
    let mut s = seen(tx, keys)?;
    for id in ids {
        let id = validate::id("ids", id)?;
        if !s.incidents.contains(&id) {
            s.incidents.push(id);
        }
    }
    storage::put(tx, keys, &s)?;
    Ok(())
}

/// The requests, supervision requests and shared debriefs this phone holds.
pub fn requests(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
) -> Result<Vec<TeamRequest>> {
    storage::list::<TeamRequest>(conn, keys)
}
