//! Incidents: situations that call for a set response. Each kind carries the actions the field's
//! own do / don't guidance requires (medication refusal: listen, document, inform the supervisor;
//! suspected abuse: report per agency protocol), and an incident stays open until each is recorded
//! with who did it and when.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::activity;
use crate::domain::client;
use crate::error::{Error, Result, Rule};
use crate::rules::person_first::{self, FieldHints};
use crate::storage;
use crate::time::{ClockTime, Day, Timestamp};
use crate::validate::{self, NAME_MAX, NOTE_MAX, TEXT_MAX};
use crate::vault::WorkerSession;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// What kind of incident. Each kind has its required actions and its don'ts (`incident_kinds()`).
pub enum IncidentKind {
    /// The client refused their medication.
    MedicationRefusal,
    /// Abuse or neglect is suspected.
    SuspectedAbuse,
    /// A risk to the client's or someone else's safety.
    SafetyRisk,
    /// A mental health or other crisis.
    Crisis,
    /// Anything else that needs a recorded response.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// An action an incident kind requires before the incident can close.
pub enum RequiredAction {
    /// Listen to the client's concerns.
    ListenToConcerns,
    /// Document the refusal.
    DocumentRefusal,
    /// Inform the supervisor.
    InformSupervisor,
    /// Report as the agency's protocol requires.
    ReportPerProtocol,
    /// Assess the risk.
    AssessRisk,
    /// Decide whether to escalate (emergency services, crisis team, health providers) and record
    /// who was contacted, or why no one was.
    DecideEscalation,
}

impl RequiredAction {
    /// The action's label, as a screen shows it.
    pub fn label(self) -> &'static str {
        match self {
            RequiredAction::ListenToConcerns => "Listen to the person's concerns",
            RequiredAction::DocumentRefusal => "Document the refusal",
            RequiredAction::InformSupervisor => "Inform the supervisor",
            RequiredAction::ReportPerProtocol => "Report per agency protocol",
            RequiredAction::AssessRisk => "Assess the risk",
            RequiredAction::DecideEscalation => "Decide on escalation",
        }
    }
}

impl IncidentKind {
    /// Every kind, in the order the incident form lists them.
    pub const ALL: [IncidentKind; 5] = [
        IncidentKind::MedicationRefusal,
        IncidentKind::SuspectedAbuse,
        IncidentKind::SafetyRisk,
        IncidentKind::Crisis,
        IncidentKind::Other,
    ];

    /// The kind's label, as a screen shows it.
    pub fn label(self) -> &'static str {
        match self {
            IncidentKind::MedicationRefusal => "Medication refusal",
            IncidentKind::SuspectedAbuse => "Suspected abuse",
            IncidentKind::SafetyRisk => "Safety risk",
            IncidentKind::Crisis => "Crisis",
            IncidentKind::Other => "Other incident",
        }
    }

    /// What must be done and recorded before the incident can be closed.
    pub fn required_actions(self) -> &'static [RequiredAction] {
        use RequiredAction::*;
        match self {
            IncidentKind::MedicationRefusal => {
                &[ListenToConcerns, DocumentRefusal, InformSupervisor]
            }
            IncidentKind::SuspectedAbuse => &[ReportPerProtocol],
            IncidentKind::SafetyRisk => &[AssessRisk, InformSupervisor],
            IncidentKind::Crisis => &[AssessRisk, DecideEscalation, InformSupervisor],
            IncidentKind::Other => &[InformSupervisor],
        }
    }

    /// What not to do, shown beside the form.
    pub fn donts(self) -> &'static [&'static str] {
        match self {
            IncidentKind::MedicationRefusal => &[
                "Do not force the person to take it",
                "Do not dismiss their reasons",
            ],
            IncidentKind::SuspectedAbuse => &[
                "Do not investigate yourself",
                "Do not confront the person suspected",
            ],
            IncidentKind::SafetyRisk | IncidentKind::Crisis => &[
                "Do not stay alone in danger; call for help",
                "Do not promise to keep a risk secret",
            ],
            IncidentKind::Other => &[],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A required action with its label.
pub struct RequiredActionInfo {
    /// The action.
    pub action: RequiredAction,
    /// Its label, for the form.
    pub label: String,
}

/// An incident kind with everything its form shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct IncidentKindInfo {
    /// The kind, to put in `IncidentInput.kind`.
    pub kind: IncidentKind,
    /// Its label, for the form.
    pub label: String,
    /// The actions this kind requires, in order.
    pub required: Vec<RequiredActionInfo>,
    /// What not to do in this kind of incident, as the field's guidance says.
    pub donts: Vec<String>,
}

#[cfg_attr(feature = "ffi", uniffi::export)]
/// The incident kinds in the form's order, each with its required actions and don'ts.
pub fn incident_kinds() -> Vec<IncidentKindInfo> {
    IncidentKind::ALL
        .iter()
        .map(|k| IncidentKindInfo {
            kind: *k,
            label: k.label().into(),
            required: k
                .required_actions()
                .iter()
                .map(|a| RequiredActionInfo {
                    action: *a,
                    label: a.label().into(),
                })
                .collect(),
            donts: k.donts().iter().map(|s| s.to_string()).collect(),
        })
        .collect()
}

/// An action taken on an incident: what, who, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct IncidentAction {
    /// The required action.
    pub action: RequiredAction,
    /// Who did it (the worker, or e.g. "J. Ortiz, duty supervisor").
    pub by: String,
    /// The day it was done.
    pub on: Day,
    /// The time it was done, if known.
    pub at: Option<ClockTime>,
    /// e.g. the report's reference number, who was informed.
    pub details: Option<String>,
    /// When it was recorded, by the phone's clock.
    pub recorded: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A required action as done, for `record_incident_action`.
pub struct IncidentActionInput {
    /// The required action.
    pub action: RequiredAction,
    /// Who did it (a name or a role).
    pub by: String,
    /// The day it was done.
    pub on: Day,
    /// The time it was done, if known.
    pub at: Option<ClockTime>,
    /// What was done, in the worker's words, if anything to add.
    pub details: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "status", rename_all = "snake_case")]
/// Whether an incident is open or closed (with the day and an optional outcome).
pub enum IncidentStatus {
    /// Not all required actions are recorded, or it is not closed yet.
    Open,
    /// Closed, after every required action was recorded.
    Closed {
        /// The day it was closed.
        on: Day,
        /// How it ended, in the worker's words.
        outcome: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// An incident with a client, as stored (sealed at rest). It stays open until each required action
/// is recorded and it is closed.
pub struct Incident {
    /// The record's random id; pass it to the calls that read or change this record.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The activity it happened at, if any.
    pub activity_id: Option<String>,
    /// What kind it is.
    pub kind: IncidentKind,
    /// The day it happened.
    pub occurred_on: Day,
    /// The time it happened, if known.
    pub occurred_at: Option<ClockTime>,
    /// What happened, objectively.
    pub description: String,
    /// In the order recorded.
    pub actions: Vec<IncidentAction>,
    /// Open, or closed with the day and outcome.
    pub status: IncidentStatus,
    /// When it was recorded, by the phone's clock.
    pub recorded: Timestamp,
    /// When it was last changed.
    pub updated: Timestamp,
}

storage::client_record!(Incident, "incident");

impl Incident {
    /// Required actions with nothing recorded yet, in the kind's order.
    pub fn missing_actions(&self) -> Vec<RequiredAction> {
        self.kind
            .required_actions()
            .iter()
            .filter(|r| !self.actions.iter().any(|a| a.action == **r))
            .copied()
            .collect()
    }

    /// Whether the incident is still open.
    pub fn is_open(&self) -> bool {
        self.status == IncidentStatus::Open
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A new incident for `report_incident`.
pub struct IncidentInput {
    /// What kind it is.
    pub kind: IncidentKind,
    /// The day it happened.
    pub occurred_on: Day,
    /// The time it happened, if known.
    pub occurred_at: Option<ClockTime>,
    /// What happened or what it is, in the worker's words.
    pub description: String,
    /// The activity it happened at, if any (the client's own).
    pub activity_id: Option<String>,
}

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
            label: r.label().into(),
            done: incident.actions.iter().find(|a| a.action == *r).cloned(),
        })
        .collect();
    let missing = incident.missing_actions().len();
    let status_label = match &incident.status {
        IncidentStatus::Closed { on, .. } => format!("Closed on {on}"),
        IncidentStatus::Open if missing == 0 => "Ready to close".to_string(),
        IncidentStatus::Open if missing == 1 => "1 required action to record".to_string(),
        IncidentStatus::Open => format!("{missing} required actions to record"),
    };
    IncidentView {
        description_hints: person_first::field_hints(
            &incident.id,
            &[("description", Some(&incident.description))],
        ),
        client_name,
        kind_label: incident.kind.label().into(),
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

pub(crate) fn all(conn: &Connection, keys: &Keys) -> Result<Vec<Incident>> {
    storage::list::<Incident>(conn, keys)
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
        return Err(Error::invalid(
            "incident_id",
            Rule::NotAllowed {
                reason: "the incident is closed".into(),
            },
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
                let labels: Vec<String> =
                    missing.iter().map(|a| a.label().to_lowercase()).collect();
                return Err(Error::invalid(
                    "actions",
                    Rule::NotAllowed {
                        reason: format!("still to record: {}", labels.join(", ")),
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
