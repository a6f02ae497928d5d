//! The incident screen: an incident with its labels, each required action done or still to do,
//! what not to do, and person-first hints on its description; and the calls that report, act on,
//! close and list incidents, which answer with that screen.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::activity;
use crate::domain::client;
use crate::domain::incident::{
    corrections_of, Incident, IncidentAction, IncidentActionInput, IncidentCorrection,
    IncidentInput, IncidentStatus, RequiredAction,
};
use crate::error::{Error, Result, Rule};
use crate::rules::person_first::{self, FieldHints};
use crate::screens::history::{self, EarlierRevision};
use crate::storage::{self, audit::Op};
use crate::time::{Day, Timestamp};
use crate::validate::{self, NAME_MAX, NOTE_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

/// A required action as the incident screen shows it: done (by whom, when) or still to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RequiredActionState {
    /// The required action.
    pub action: RequiredAction,
    /// Its label.
    pub label: String,
    /// The first time it was recorded, if it was.
    pub done: Option<IncidentAction>,
}

/// An action recorded on an incident, as the screen lists it: every one, in the order recorded,
/// whether the kind requires it or not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct RecordedAction {
    /// The action as recorded.
    pub action: IncidentAction,
    /// Its label.
    pub label: String,
    /// Whether this kind of incident requires it (an extra step taken is shown too).
    pub required: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// An incident as its screen shows it: the record, labels, and each required action done or still
/// to do.
pub struct IncidentView {
    /// The incident as stored.
    pub incident: Incident,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// `kind`'s label, as a screen shows it.
    pub kind_label: String,
    /// Each required action, done (with who and when) or still to do.
    pub required: Vec<RequiredActionState>,
    /// Whether every required action is recorded, so `close_incident` will accept it.
    pub can_close: bool,
    /// e.g. "2 required actions to record" or "Closed on 2025-03-04".
    pub status_label: String,
    /// What not to do in this kind of incident.
    pub donts: Vec<String>,
    /// Person-first language hints on the description.
    pub description_hints: Vec<FieldHints>,
    /// Every action recorded, in the order recorded, required by the kind or not.
    pub recorded_actions: Vec<RecordedAction>,
    /// Dated corrections written after the incident closed, oldest first; the incident itself
    /// stays as it was closed.
    pub corrections: Vec<IncidentCorrection>,
    /// Person-first language hints on the corrections' text and reason, by correction id.
    pub correction_hints: Vec<FieldHints>,
    /// The incident's earlier revisions, oldest first (edits made while it was open).
    pub edits: Vec<EarlierRevision>,
}

pub(crate) fn view(incident: Incident, client_name: String) -> IncidentView {
    let required = incident
        .kind
        .required_actions()
        .iter()
        .map(|r| RequiredActionState {
            action: *r,
            label: r.label(),
            done: incident.actions.iter().find(|a| a.action == *r).cloned(),
        })
        .collect();
    let missing = incident.missing_actions().len();
    let lang = crate::words::worker_lang();
    let status_label = match &incident.status {
        IncidentStatus::Closed { on, .. } => {
            crate::words::say(lang, "incident-closed-on", &[("on", on.to_string().into())])
        }
        IncidentStatus::Open if missing == 0 => crate::words::word(lang, "incident-ready"),
        IncidentStatus::Open => crate::words::say(
            lang,
            "count-actions-to-record",
            &[("count", missing.into())],
        ),
    };
    let recorded_actions = incident
        .actions
        .iter()
        .map(|a| RecordedAction {
            label: a.action.label(),
            required: incident.kind.required_actions().contains(&a.action),
            action: a.clone(),
        })
        .collect();
    IncidentView {
        recorded_actions,
        corrections: Vec::new(),
        correction_hints: Vec::new(),
        edits: Vec::new(),
        description_hints: person_first::field_hints(
            &incident.id,
            &[("description", Some(&incident.description))],
        ),
        client_name,
        kind_label: incident.kind.label(),
        required,
        can_close: incident.is_open() && missing == 0,
        status_label,
        donts: incident.kind.donts(),
        incident,
    }
}

fn load(conn: &Connection, keys: &Keys, incident_id: &str) -> Result<Incident> {
    let id = validate::id("incident_id", incident_id)?;
    Ok(storage::get::<Incident>(conn, keys, &id)?.value)
}

fn load_view(conn: &Connection, keys: &Keys, incident: Incident) -> Result<IncidentView> {
    let client = client::load(conn, keys, &incident.client_id)?;
    let corrections = corrections_of(conn, keys, &incident)?;
    let edits = history::history(conn, keys, &incident.id, &incident)?;
    let mut v = view(incident, client.preferred_name);
    v.correction_hints = corrections
        .iter()
        .flat_map(|c| {
            person_first::field_hints(
                &c.id,
                &[("text", Some(&c.text)), ("reason", Some(&c.reason))],
            )
        })
        .collect();
    v.corrections = corrections;
    v.edits = edits;
    Ok(v)
}

fn not_before_incident(field: &str, day: Day, incident: &Incident) -> Result<()> {
    if day < incident.occurred_on {
        return Err(Error::invalid(
            field,
            Rule::NotBefore {
                other: "the day of the incident".into(),
            },
        ));
    }
    Ok(())
}

fn open_only(incident: &Incident) -> Result<()> {
    if !incident.is_open() {
        return Err(Error::not_allowed(
            "incident_id",
            crate::error::NotAllowedReason::IncidentClosed,
        ));
    }
    Ok(())
}

fn closed_only(incident: &Incident) -> Result<()> {
    if incident.is_open() {
        return Err(Error::not_allowed(
            "incident_id",
            crate::error::NotAllowedReason::IncidentOpen,
        ));
    }
    Ok(())
}

/// The activity an incident happened at, if one is named: it must be the client's own.
fn activity_of(
    conn: &Connection,
    keys: &Keys,
    client_id: &str,
    activity_id: Option<String>,
) -> Result<Option<String>> {
    let activity = activity_id
        .filter(|a| !a.trim().is_empty())
        .map(|a| activity::load(conn, keys, &a))
        .transpose()?;
    if activity.as_ref().is_some_and(|a| a.client_id != client_id) {
        return Err(Error::invalid("activity_id", Rule::WrongOwner));
    }
    Ok(activity.map(|a| a.id))
}

fn sorted_views(
    conn: &Connection,
    keys: &Keys,
    incidents: Vec<Incident>,
) -> Result<Vec<IncidentView>> {
    let mut out = incidents
        .into_iter()
        .map(|i| load_view(conn, keys, i))
        .collect::<Result<Vec<_>>>()?;
    out.sort_by(|a, b| {
        (
            b.incident.occurred_on,
            b.incident.occurred_at,
            b.incident.recorded,
        )
            .cmp(&(
                a.incident.occurred_on,
                a.incident.occurred_at,
                a.incident.recorded,
            ))
    });
    Ok(out)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Report an incident about a client; it opens with every required action still to do.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn report_incident(&self, client_id: String, input: IncidentInput) -> Result<IncidentView> {
        let description = validate::text("description", &input.description, NOTE_MAX)?;
        input.occurred_on.not_in_future("occurred_on")?;
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            let activity_id = activity_of(tx, keys, &client.id, input.activity_id)?;
            let now = Timestamp::now();
            let incident = Incident {
                id: validate::new_id(),
                client_id: client.id,
                activity_id,
                kind: input.kind,
                occurred_on: input.occurred_on,
                occurred_at: input.occurred_at,
                description,
                actions: Vec::new(),
                status: IncidentStatus::Open,
                recorded: now,
                updated: now,
            };
            storage::put(tx, keys, &incident)?;
            Ok(view(incident, client.preferred_name))
        })
    }

    /// Correct an open incident: its kind, day, time, description and activity, checked as when
    /// it was reported. The incident as it was is kept in its history. A closed incident refuses:
    /// it takes a dated correction (`correct_incident`) instead.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`incident_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_incident(
        &self,
        incident_id: String,
        input: IncidentInput,
    ) -> Result<IncidentView> {
        let description = validate::text("description", &input.description, NOTE_MAX)?;
        input.occurred_on.not_in_future("occurred_on")?;
        self.write(|tx, keys| {
            let mut incident = load(tx, keys, &incident_id)?;
            open_only(&incident)?;
            if incident.actions.iter().any(|a| a.on < input.occurred_on) {
                return Err(Error::not_allowed(
                    "occurred_on",
                    crate::error::NotAllowedReason::ActionBeforeDay,
                ));
            }
            incident.activity_id = activity_of(tx, keys, &incident.client_id, input.activity_id)?;
            incident.kind = input.kind;
            incident.occurred_on = input.occurred_on;
            incident.occurred_at = input.occurred_at;
            incident.description = description;
            incident.updated = Timestamp::now();
            storage::revise(tx, keys, &incident)?;
            load_view(tx, keys, incident)
        })
    }

    /// Add a dated correction to a closed incident, saying why. The incident stays exactly as it
    /// was closed; the correction is kept beside it and shown with it.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`incident_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn correct_incident(
        &self,
        incident_id: String,
        reason: String,
        text: String,
    ) -> Result<IncidentView> {
        let reason = validate::text("reason", &reason, TEXT_MAX)?;
        let text = validate::text("text", &text, NOTE_MAX)?;
        self.write(|tx, keys| {
            let incident = load(tx, keys, &incident_id)?;
            closed_only(&incident)?;
            let now = Timestamp::now();
            let correction = IncidentCorrection {
                id: validate::new_id(),
                client_id: incident.client_id.clone(),
                incident_id: incident.id.clone(),
                on: now.day(),
                reason,
                text,
                written: now,
            };
            storage::put_as(tx, keys, &correction, Op::Correction)?;
            load_view(tx, keys, incident)
        })
    }

    /// Record an action taken: what, who, when.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`incident_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn record_incident_action(
        &self,
        incident_id: String,
        input: IncidentActionInput,
    ) -> Result<IncidentView> {
        let by = validate::name("by", &input.by, NAME_MAX)?;
        let details = validate::optional_text("details", input.details, TEXT_MAX)?;
        input.on.not_in_future("on")?;
        self.write(|tx, keys| {
            let mut incident = load(tx, keys, &incident_id)?;
            open_only(&incident)?;
            not_before_incident("on", input.on, &incident)?;
            incident.actions.push(IncidentAction {
                action: input.action,
                by,
                on: input.on,
                at: input.at,
                details,
                recorded: Timestamp::now(),
            });
            incident.updated = Timestamp::now();
            storage::revise(tx, keys, &incident)?;
            load_view(tx, keys, incident)
        })
    }

    /// Correct an action recorded on an open incident: `index` is its place in the order
    /// recorded, from 0 (`IncidentView.recorded_actions`). Checked as when it was recorded; the
    /// incident as it was is kept in its history. A closed incident refuses: it takes a dated
    /// correction instead.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`incident_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn update_incident_action(
        &self,
        incident_id: String,
        index: u32,
        input: IncidentActionInput,
    ) -> Result<IncidentView> {
        let by = validate::name("by", &input.by, NAME_MAX)?;
        let details = validate::optional_text("details", input.details, TEXT_MAX)?;
        input.on.not_in_future("on")?;
        self.write(|tx, keys| {
            let mut incident = load(tx, keys, &incident_id)?;
            open_only(&incident)?;
            not_before_incident("on", input.on, &incident)?;
            let action = incident
                .actions
                .get_mut(index as usize)
                .ok_or_else(|| Error::not_found("incident_action", &index.to_string()))?;
            action.action = input.action;
            action.by = by;
            action.on = input.on;
            action.at = input.at;
            action.details = details;
            incident.updated = Timestamp::now();
            storage::revise(tx, keys, &incident)?;
            load_view(tx, keys, incident)
        })
    }

    /// Close an incident once every required action is recorded.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`incident_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn close_incident(
        &self,
        incident_id: String,
        on: Day,
        outcome: Option<String>,
    ) -> Result<IncidentView> {
        let outcome = validate::optional_text("outcome", outcome, TEXT_MAX)?;
        on.not_in_future("on")?;
        self.write(|tx, keys| {
            let mut incident = load(tx, keys, &incident_id)?;
            open_only(&incident)?;
            let missing = incident.missing_actions();
            if !missing.is_empty() {
                return Err(Error::not_allowed(
                    "actions",
                    crate::error::NotAllowedReason::ActionsOpen {
                        actions: missing.iter().map(crate::domain::value_of).collect(),
                    },
                ));
            }
            not_before_incident("on", on, &incident)?;
            if let Some(last) = incident.actions.iter().map(|a| a.on).max() {
                if on < last {
                    return Err(Error::invalid(
                        "on",
                        Rule::NotBefore {
                            other: "the last recorded action".into(),
                        },
                    ));
                }
            }
            incident.status = IncidentStatus::Closed { on, outcome };
            incident.updated = Timestamp::now();
            storage::revise(tx, keys, &incident)?;
            load_view(tx, keys, incident)
        })
    }

    /// One incident by id, as its screen shows it.
    /// Fails with `NotFound` (`incident_id`), and the errors every call has (see `WorkerSession`).
    pub fn incident(&self, incident_id: String) -> Result<IncidentView> {
        self.with(|conn, keys| {
            let incident = load(conn, keys, &incident_id)?;
            load_view(conn, keys, incident)
        })
    }

    /// A client's incidents, newest first.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn incidents(&self, client_id: String) -> Result<Vec<IncidentView>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let all = storage::list_owned::<Incident>(conn, keys, &client.id)?;
            sorted_views(conn, keys, all)
        })
    }

    /// Every open incident on this phone, newest first.
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn open_incidents(&self) -> Result<Vec<IncidentView>> {
        self.with(|conn, keys| {
            let indexed = storage::indexes::ensure::<Incident>(conn, keys)?;
            let open = crate::domain::incident::open(conn, keys, indexed)?
                .into_iter()
                .filter(Incident::is_open)
                .collect();
            sorted_views(conn, keys, open)
        })
    }
}
