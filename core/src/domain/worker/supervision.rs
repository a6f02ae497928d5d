//! Supervision sessions, planned and recorded: the day, with whom, the topics the worker wants to
//! raise, and the actions agreed (each with an optional due day; open ones due show on Today).
//! These records stay on the worker's phone; asking the supervisors for a session goes through
//! the team (`supervision_request`, `domain::team`).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, Rule};
use crate::storage::{self, Record};
use crate::time::{Day, Timestamp};
use crate::validate::{self, LABEL_MAX, NAME_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

/// An action agreed in supervision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SupervisionAction {
    /// The action's random id, for `set_supervision_action_done`.
    pub id: String,
    /// What was agreed, in the worker's words.
    pub what: String,
    /// When it is due, if a day was agreed.
    pub due: Option<Day>,
    /// The day it was done, if it is.
    pub done_on: Option<Day>,
}

/// A new action, for `SupervisionInput.actions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SupervisionActionInput {
    /// What was agreed.
    pub what: String,
    /// When it is due, if a day was agreed.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub due: Option<Day>,
}

/// A new or changed supervision session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SupervisionInput {
    /// The day it is planned for or was held on.
    pub day: Day,
    /// With whom (the supervisor's name or role).
    pub with_whom: String,
    /// Topics the worker wants to raise, one per line.
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub topics: Vec<String>,
    /// Whether it has been held (a session in the future cannot be).
    #[cfg_attr(feature = "ffi", uniffi(default = false))]
    pub held: bool,
    /// The worker's own notes of it.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub notes: Option<String>,
    /// Actions agreed; on an update, these are added to the session's actions.
    #[cfg_attr(feature = "ffi", uniffi(default = []))]
    pub actions: Vec<SupervisionActionInput>,
}

/// A supervision session. A stored record: renaming a field is a migration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SupervisionSession {
    /// The session's random id.
    pub id: String,
    /// The day it is planned for or was held on.
    pub day: Day,
    /// With whom.
    pub with_whom: String,
    /// Topics the worker wants to raise.
    pub topics: Vec<String>,
    /// Whether it has been held.
    pub held: bool,
    /// The worker's own notes of it.
    pub notes: Option<String>,
    /// Actions agreed, in the order they were added.
    pub actions: Vec<SupervisionAction>,
    /// When it was last changed.
    pub updated: Timestamp,
}

impl Record for SupervisionSession {
    const KIND: &'static str = "supervision";
    fn id(&self) -> &str {
        &self.id
    }
}

fn actions(input: Vec<SupervisionActionInput>) -> Result<Vec<SupervisionAction>> {
    input
        .into_iter()
        .map(|a| {
            Ok(SupervisionAction {
                id: validate::new_id(),
                what: validate::name("actions.what", &a.what, LABEL_MAX)?,
                due: a.due,
                done_on: None,
            })
        })
        .collect()
}

fn fill(s: &mut SupervisionSession, input: SupervisionInput) -> Result<()> {
    if input.held && input.day > Day::today() {
        return Err(Error::not_allowed(
            "held",
            crate::error::NotAllowedReason::SessionNotHeldYet,
        ));
    }
    if input.topics.len() > 50 {
        return Err(Error::invalid("topics", Rule::TooLong { max: 50 }));
    }
    s.day = input.day;
    s.with_whom = validate::name("with_whom", &input.with_whom, NAME_MAX)?;
    s.topics = input
        .topics
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| validate::name("topics", t, LABEL_MAX))
        .collect::<Result<_>>()?;
    s.held = input.held;
    s.notes = validate::optional_text("notes", input.notes, TEXT_MAX)?;
    s.actions.extend(actions(input.actions)?);
    s.updated = Timestamp::now();
    Ok(())
}

pub(crate) fn all(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
) -> Result<Vec<SupervisionSession>> {
    storage::list::<SupervisionSession>(conn, keys)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Plan or record a supervision session.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn add_supervision(&self, input: SupervisionInput) -> Result<SupervisionSession> {
        let mut s = SupervisionSession {
            id: validate::new_id(),
            day: input.day,
            with_whom: String::new(),
            topics: Vec::new(),
            held: false,
            notes: None,
            actions: Vec::new(),
            updated: Timestamp::now(),
        };
        fill(&mut s, input)?;
        self.write(|tx, keys| {
            storage::put(tx, keys, &s)?;
            Ok(s)
        })
    }

    /// Change a session (mark it held, add notes and actions); its actions so far are kept.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`session_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_supervision(
        &self,
        session_id: String,
        input: SupervisionInput,
    ) -> Result<SupervisionSession> {
        self.write(|tx, keys| {
            let mut s: SupervisionSession = super::load(tx, keys, &session_id)?;
            fill(&mut s, input)?;
            storage::put(tx, keys, &s)?;
            Ok(s)
        })
    }

    /// Mark an agreed action done on a day, or not done again (`done_on` none).
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`session_id`, `action_id`), and
    /// the errors every call has (see `WorkerSession`).
    pub fn set_supervision_action_done(
        &self,
        session_id: String,
        action_id: String,
        done_on: Option<Day>,
    ) -> Result<SupervisionSession> {
        let done_on = done_on.map(|d| d.not_in_future("done_on")).transpose()?;
        self.write(|tx, keys| {
            let mut s: SupervisionSession = super::load(tx, keys, &session_id)?;
            let action = s
                .actions
                .iter_mut()
                .find(|a| a.id == action_id.trim())
                .ok_or_else(|| Error::not_found("supervision_action", &action_id))?;
            action.done_on = done_on;
            s.updated = Timestamp::now();
            storage::put(tx, keys, &s)?;
            Ok(s)
        })
    }

    /// Every supervision session, the latest day first.
    /// Fails only with the errors every call has (see `WorkerSession`).
    pub fn supervision_sessions(&self) -> Result<Vec<SupervisionSession>> {
        self.with(|conn, keys| {
            let mut all = all(conn, keys)?;
            all.sort_by(|a, b| b.day.cmp(&a.day).then_with(|| a.id.cmp(&b.id)));
            Ok(all)
        })
    }
}
