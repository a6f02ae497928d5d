//! Incidents: situations that call for a set response. Each kind carries the actions the field's
//! own do / don't guidance requires (medication refusal: listen, document, inform the supervisor;
//! suspected abuse: report per agency protocol), and an incident stays open until each is recorded
//! with who did it and when.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::error::Result;
use crate::storage;
use crate::time::{ClockTime, Day, Timestamp};

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
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                RequiredAction::ListenToConcerns => "label-required_action-listen_to_concerns",
                RequiredAction::DocumentRefusal => "label-required_action-document_refusal",
                RequiredAction::InformSupervisor => "label-required_action-inform_supervisor",
                RequiredAction::ReportPerProtocol => "label-required_action-report_per_protocol",
                RequiredAction::AssessRisk => "label-required_action-assess_risk",
                RequiredAction::DecideEscalation => "label-required_action-decide_escalation",
            },
        )
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
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                IncidentKind::MedicationRefusal => "label-incident_kind-medication_refusal",
                IncidentKind::SuspectedAbuse => "label-incident_kind-suspected_abuse",
                IncidentKind::SafetyRisk => "label-incident_kind-safety_risk",
                IncidentKind::Crisis => "label-incident_kind-crisis",
                IncidentKind::Other => "label-incident_kind-other",
            },
        )
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

    /// What not to do, in the worker's language, shown beside the form.
    pub fn donts(self) -> Vec<String> {
        self.donts_in(crate::words::worker_lang())
    }

    /// What not to do, in `lang`.
    pub fn donts_in(self, lang: crate::words::Lang) -> Vec<String> {
        use crate::words::word;
        match self {
            IncidentKind::MedicationRefusal => vec![
                word(lang, "incident-dont-force-medication"),
                word(lang, "incident-dont-dismiss-reasons"),
            ],
            IncidentKind::SuspectedAbuse => vec![
                word(lang, "incident-dont-investigate"),
                word(lang, "incident-dont-confront"),
            ],
            IncidentKind::SafetyRisk | IncidentKind::Crisis => vec![
                word(lang, "incident-dont-stay-in-danger"),
                word(lang, "incident-dont-keep-risk-secret"),
            ],
            IncidentKind::Other => Vec::new(),
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
            label: k.label(),
            required: k
                .required_actions()
                .iter()
                .map(|a| RequiredActionInfo {
                    action: *a,
                    label: a.label(),
                })
                .collect(),
            donts: k.donts(),
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
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub at: Option<ClockTime>,
    /// What was done, in the worker's words, if anything to add.
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
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

/// The index of open incidents, for the today view: the day's list finds them without opening
/// every incident ever recorded.
pub(crate) const OPEN_INDEX: &str = "open_incident";

impl storage::Record for Incident {
    const KIND: &'static str = "incident";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> Option<&str> {
        Some(&self.client_id)
    }
    fn marks(&self) -> Vec<storage::indexes::Mark> {
        let mut marks = vec![storage::indexes::by_day_mark(
            &self.client_id,
            storage::indexes::Place {
                day: self.occurred_on,
                time: self.occurred_at,
                recorded: self.recorded,
                id: self.id.clone(),
                kind: "incident".into(),
            },
        )];
        // Counted on its day for the heavy-week signal, open or closed.
        let mut counts = [0; crate::domain::activity::day_load::INCIDENTS as usize + 1];
        counts[crate::domain::activity::day_load::INCIDENTS as usize] = 1;
        marks.push(storage::indexes::Mark::counted(
            crate::domain::activity::DUTY_DAY_INDEX,
            &self.occurred_on.to_string(),
            &counts,
        ));
        if self.is_open() {
            marks.push(storage::indexes::Mark::listed(
                OPEN_INDEX,
                "",
                serde_json::Value::Null,
            ));
        }
        marks
    }
}

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
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub occurred_at: Option<ClockTime>,
    /// What happened or what it is, in the worker's words.
    pub description: String,
    /// The activity it happened at, if any (the client's own).
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub activity_id: Option<String>,
}

/// A dated correction of a closed incident, kept beside it: the incident itself stays as it was
/// closed. Stored sealed (kind `incident_correction`); renaming a field is a migration plus a
/// frozen fixture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct IncidentCorrection {
    /// The record's random id.
    pub id: String,
    /// The client this belongs to.
    pub client_id: String,
    /// The incident it corrects.
    pub incident_id: String,
    /// The day the correction was written.
    pub on: Day,
    /// Why the correction was made.
    pub reason: String,
    /// The correction, exactly as written.
    pub text: String,
    /// When it was written, by the phone's clock.
    pub written: Timestamp,
}

storage::client_record!(IncidentCorrection, "incident_correction");

/// A closed incident's corrections, oldest first.
pub(crate) fn corrections_of(
    conn: &Connection,
    keys: &Keys,
    incident: &Incident,
) -> Result<Vec<IncidentCorrection>> {
    let mut out: Vec<IncidentCorrection> =
        storage::list_owned::<IncidentCorrection>(conn, keys, &incident.client_id)?
            .into_iter()
            .filter(|c| c.incident_id == incident.id)
            .collect();
    out.sort_by_key(|c| c.written);
    Ok(out)
}

/// Every incident on the phone.
/// The open incidents: through their index (which lists only open ones) when `indexed` (what
/// `storage::indexes::ensure::<Incident>` said), else by opening every incident.
pub(crate) fn open(conn: &Connection, keys: &Keys, indexed: bool) -> Result<Vec<Incident>> {
    if !indexed || storage::indexes::bypassed() {
        return Ok(all(conn, keys)?
            .into_iter()
            .filter(Incident::is_open)
            .collect());
    }
    let ids: Vec<String> = storage::indexes::listed(conn, keys, OPEN_INDEX, "")?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    storage::get_many::<Incident>(conn, keys, &ids)
}

pub(crate) fn all(conn: &Connection, keys: &Keys) -> Result<Vec<Incident>> {
    storage::list::<Incident>(conn, keys)
}
