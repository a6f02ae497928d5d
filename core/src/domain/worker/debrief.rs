//! Debriefs: the worker's short private check-in at the end of a day or after a crisis response
//! or an incident. How the day sat (the neutral 1-10 scale), what helped, what I will do for
//! myself. Owned by no client: never in a client's record, never read by shared mode. The "share
//! with my supervisor" flag is only stored: nothing leaves the phone until sync is built.

use serde::{Deserialize, Serialize};

use crate::domain::plan::{SCORE_MAX, SCORE_MIN};
use crate::error::{Error, Result, Rule};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, TEXT_MAX};
use crate::vault::WorkerSession;

/// What the debrief comes after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DebriefOccasion {
    /// The end of the working day.
    EndOfDay,
    /// A crisis response.
    AfterCrisis,
    /// An incident.
    AfterIncident,
}

impl DebriefOccasion {
    /// Every occasion, in the order the form lists them.
    pub const ALL: [DebriefOccasion; 3] = [
        DebriefOccasion::EndOfDay,
        DebriefOccasion::AfterCrisis,
        DebriefOccasion::AfterIncident,
    ];
}

/// A new or changed debrief, for `add_debrief` / `update_debrief`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DebriefInput {
    /// The day it is about (not in the future).
    pub day: Day,
    /// What it comes after.
    pub occasion: DebriefOccasion,
    /// How the day sat with me, 1 (very heavily) to 10 (lightly). A wide integer so a value out
    /// of range is refused by the core's rule rather than wrapped by the phone's conversion.
    pub score: i32,
    /// In my own words, if I want.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub words: Option<String>,
    /// What helped.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub what_helped: Option<String>,
    /// What I will do for myself.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub for_myself: Option<String>,
    /// Whether I had a break that day, if I want to say.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub took_break: Option<bool>,
    /// Share this entry with my supervisor when the team syncs (stored only: sync is not built).
    #[cfg_attr(feature = "ffi", uniffi(default = false))]
    pub share_with_supervisor: bool,
}

/// A debrief as stored. A stored record: renaming a field is a migration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Debrief {
    /// The debrief's random id.
    pub id: String,
    /// The day it is about.
    pub day: Day,
    /// What it comes after.
    pub occasion: DebriefOccasion,
    /// How the day sat with me, 1 (very heavily) to 10 (lightly).
    pub score: u8,
    /// In my own words.
    pub words: Option<String>,
    /// What helped.
    pub what_helped: Option<String>,
    /// What I will do for myself.
    pub for_myself: Option<String>,
    /// Whether I had a break that day, if I said.
    pub took_break: Option<bool>,
    /// Marked to share with my supervisor; only `debrief_share` sends a copy (never this record).
    pub share_with_supervisor: bool,
    /// When it was written.
    pub recorded: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl Record for Debrief {
    const KIND: &'static str = "debrief";
    fn id(&self) -> &str {
        &self.id
    }
    /// Counted on its day for the heavy-week signal (when it sat heavily, when it said there was
    /// no break), so the week's signal does not open every debrief ever written.
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        use crate::domain::activity::day_load::{HEAVY_DEBRIEFS, NO_BREAK_DEBRIEFS};
        let mut counts = [0; NO_BREAK_DEBRIEFS as usize + 1];
        if self.score <= HEAVY_SCORE {
            counts[HEAVY_DEBRIEFS as usize] = 1;
        }
        if self.took_break == Some(false) {
            counts[NO_BREAK_DEBRIEFS as usize] = 1;
        }
        // Every debrief has the mark, counted or not, so that a mark row's presence does not
        // say which debriefs sat heavily.
        vec![storage::indexes::Mark::counted(
            crate::domain::activity::DUTY_DAY_INDEX,
            &self.day.to_string(),
            &counts,
        )]
    }
}

/// A debrief score at or below this is a day that sat heavily.
pub const HEAVY_SCORE: u8 = 3;

fn checked(input: DebriefInput, id: String, recorded: Timestamp) -> Result<Debrief> {
    validate::range(
        "score",
        input.score.into(),
        SCORE_MIN.into(),
        SCORE_MAX.into(),
    )?;
    let score = u8::try_from(input.score)
        .map_err(|_| Error::invalid("score", Rule::OutOfRange { min: 1, max: 10 }))?;
    Ok(Debrief {
        id,
        day: input.day.not_in_future("day")?,
        occasion: input.occasion,
        score,
        words: validate::optional_text("words", input.words, TEXT_MAX)?,
        what_helped: validate::optional_text("what_helped", input.what_helped, TEXT_MAX)?,
        for_myself: validate::optional_text("for_myself", input.for_myself, TEXT_MAX)?,
        took_break: input.took_break,
        share_with_supervisor: input.share_with_supervisor,
        recorded,
        updated: Timestamp::now(),
    })
}

pub(crate) fn all(conn: &rusqlite::Connection, keys: &crate::crypto::Keys) -> Result<Vec<Debrief>> {
    storage::list::<Debrief>(conn, keys)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Write a private debrief. Score 1 to 10; words optional; the day not in the future.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn add_debrief(&self, input: DebriefInput) -> Result<Debrief> {
        let debrief = checked(input, validate::new_id(), Timestamp::now())?;
        self.write(|tx, keys| {
            storage::put(tx, keys, &debrief)?;
            Ok(debrief)
        })
    }

    /// Change a debrief (its words, score, or the share flag).
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`debrief_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_debrief(&self, debrief_id: String, input: DebriefInput) -> Result<Debrief> {
        self.write(|tx, keys| {
            let old: Debrief = super::load(tx, keys, &debrief_id)?;
            let debrief = checked(input, old.id, old.recorded)?;
            storage::put(tx, keys, &debrief)?;
            Ok(debrief)
        })
    }

    /// Erase a debrief for good.
    /// Fails with `NotFound` (`debrief_id`), and the errors every call has (see `WorkerSession`).
    pub fn delete_debrief(&self, debrief_id: String) -> Result<()> {
        self.write(|tx, keys| {
            let old: Debrief = super::load(tx, keys, &debrief_id)?;
            storage::erase(tx, keys, Debrief::KIND, &old.id)
        })
    }

    /// Every debrief, newest day first.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn debriefs(&self) -> Result<Vec<Debrief>> {
        self.with(|conn, keys| {
            let mut all = all(conn, keys)?;
            all.sort_by_key(|d| std::cmp::Reverse((d.day, d.recorded)));
            Ok(all)
        })
    }
}
