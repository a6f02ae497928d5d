//! The incident screen: an incident with its labels, each required action done or still to do,
//! what not to do, and person-first hints on its description; and the calls that report, act on,
//! close and list incidents, which answer with that screen.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::activity;
use crate::domain::client;
use crate::domain::incident::{
    all, Incident, IncidentAction, IncidentActionInput, IncidentInput, IncidentStatus,
    RequiredAction,
};
use crate::error::{Error, Result, Rule};
use crate::rules::person_first::{self, FieldHints};
use crate::storage;
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
    IncidentView {
        description_hints: person_first::field_hints(
            &incident.id,
            &[("description", Some(&incident.description))],
        ),
        client_name,
        kind_label: incident.kind.label(),
        required,
        can_close: incident.is_open() && missing == 0,
        status_label,
        donts: incident
            .kind
            .donts()
            .iter()
            .map(|s| s.to_string())
            .collect(),
        incident,
    }
}

fn load(conn: &Connection, keys: &Keys, incident_id: &str) -> Result<Incident> {
    let id = validate::id("incident_id", incident_id)?;
    Ok(storage::get::<Incident>(conn, keys, &id)?.value)
}

fn load_view(conn: &Connection, keys: &Keys, incident: Incident) -> Result<IncidentView> {
    let client = client::load(conn, keys, &incident.client_id)?;
    Ok(view(incident, client.preferred_name))
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
    pub fn report_incident(&self, client_id: String, input: IncidentInput) -> Result<IncidentView> {
        let description = validate::text("description", &input.description, NOTE_MAX)?;
        input.occurred_on.not_in_future("occurred_on")?;
        self.write(|tx, keys| {
            let client = client::load(tx, keys, &client_id)?;
            let activity = input
                .activity_id
                .filter(|a| !a.trim().is_empty())
                .map(|a| activity::load(tx, keys, &a))
                .transpose()?;
            if activity.as_ref().is_some_and(|a| a.client_id != client.id) {
                return Err(Error::invalid("activity_id", Rule::WrongOwner));
            }
            let now = Timestamp::now();
            let incident = Incident {
                id: validate::new_id(),
                client_id: client.id,
                activity_id: activity.map(|a| a.id),
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

    /// Record an action taken: what, who, when.
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
            storage::put(tx, keys, &incident)?;
            load_view(tx, keys, incident)
        })
    }

    /// Close an incident once every required action is recorded.
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
            storage::put(tx, keys, &incident)?;
            load_view(tx, keys, incident)
        })
    }

    /// One incident by id, as its screen shows it.
    pub fn incident(&self, incident_id: String) -> Result<IncidentView> {
        self.with(|conn, keys| {
            let incident = load(conn, keys, &incident_id)?;
            load_view(conn, keys, incident)
        })
    }

    /// A client's incidents, newest first.
    pub fn incidents(&self, client_id: String) -> Result<Vec<IncidentView>> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            let all = storage::list_owned::<Incident>(conn, keys, &client.id)?;
            sorted_views(conn, keys, all)
        })
    }

    /// Every open incident on this phone, newest first.
    pub fn open_incidents(&self) -> Result<Vec<IncidentView>> {
        self.with(|conn, keys| {
            let open = all(conn, keys)?
                .into_iter()
                .filter(Incident::is_open)
                .collect();
            sorted_views(conn, keys, open)
        })
    }
}
