//! What an activity is (its kind, with the form's labels), whether it was planned or came up,
//! and where it stands (scheduled, done, missed, cancelled with a reason).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// What kind of activity it was. The form's choices, with their labels, come from
/// `activity_kinds()`.
pub enum ActivityKind {
    /// At the client's home.
    HomeVisit,
    /// Out in the community (a shop, a park, a service the client goes to).
    Community,
    /// At the agency's office.
    Office,
    /// By phone or video call.
    PhoneOrVideo,
    /// Going with the client to an appointment.
    Accompanying,
    /// A group session the client took part in.
    GroupSession,
    /// A response to a crisis.
    CrisisResponse,
    /// Contact with a third party (landlord, doctor, agency) on the client's behalf.
    ThirdPartyContact,
}

impl ActivityKind {
    /// Every kind, in the order the activity form lists them.
    pub const ALL: [ActivityKind; 8] = [
        ActivityKind::HomeVisit,
        ActivityKind::Community,
        ActivityKind::Office,
        ActivityKind::PhoneOrVideo,
        ActivityKind::Accompanying,
        ActivityKind::GroupSession,
        ActivityKind::CrisisResponse,
        ActivityKind::ThirdPartyContact,
    ];

    /// The kind's label, as a screen shows it ("Home visit").
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                ActivityKind::HomeVisit => "label-activity_kind-home_visit",
                ActivityKind::Community => "label-activity_kind-community",
                ActivityKind::Office => "label-activity_kind-office",
                ActivityKind::PhoneOrVideo => "label-activity_kind-phone_or_video",
                ActivityKind::Accompanying => "label-activity_kind-accompanying",
                ActivityKind::GroupSession => "label-activity_kind-group_session",
                ActivityKind::CrisisResponse => "label-activity_kind-crisis_response",
                ActivityKind::ThirdPartyContact => "label-activity_kind-third_party_contact",
            },
        )
    }

    /// A home visit must be made with a lesson in mind, so its purpose is required.
    pub fn needs_purpose(self) -> bool {
        self == ActivityKind::HomeVisit
    }
}

/// An activity kind with its label, for the activity form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ActivityKindInfo {
    /// The kind, to put in `ActivityInput.kind`.
    pub kind: ActivityKind,
    /// Its label, for the form.
    pub label: String,
    /// Whether the form must ask for a purpose (a lesson in mind) for this kind.
    pub needs_purpose: bool,
}

#[cfg_attr(feature = "ffi", uniffi::export)]
/// The activity kinds in the form's order, each with its label and whether it needs a purpose.
pub fn activity_kinds() -> Vec<ActivityKindInfo> {
    ActivityKind::ALL
        .iter()
        .map(|k| ActivityKindInfo {
            kind: *k,
            label: k.label(),
            needs_purpose: k.needs_purpose(),
        })
        .collect()
}

impl Scheduling {
    /// The label a screen shows beside the activity ("Planned", "Emergency", "As needed").
    pub fn label(self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                Scheduling::Planned => "label-scheduling-planned",
                Scheduling::Emergency => "label-scheduling-emergency",
                Scheduling::AsNeeded => "label-scheduling-as_needed",
            },
        )
    }
}

/// Whether the activity was planned ahead or came up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Scheduling {
    /// Arranged beforehand.
    Planned,
    /// An unplanned response to an emergency.
    Emergency,
    /// Unplanned, when the client needed it.
    AsNeeded,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "status", rename_all = "snake_case")]
/// Where an activity stands: scheduled, done, missed or cancelled (with a reason).
pub enum ActivityStatus {
    /// Planned and not yet happened.
    Scheduled,
    /// It happened. Only done activities count in the duty balance.
    Done,
    /// The client was not there or did not answer.
    Missed,
    /// Called off, with the reason.
    Cancelled {
        /// Why, in the worker's words.
        reason: String,
    },
}

impl ActivityStatus {
    /// The reason it was called off, when it was cancelled.
    pub fn cancel_reason(&self) -> Option<&str> {
        match self {
            ActivityStatus::Cancelled { reason } => Some(reason),
            _ => None,
        }
    }

    /// The status's label, as a screen shows it ("Done", "Cancelled").
    pub fn label(&self) -> String {
        self.label_in(crate::words::worker_lang())
    }

    /// The label in `lang`.
    pub fn label_in(&self, lang: crate::words::Lang) -> String {
        crate::words::word(
            lang,
            match self {
                ActivityStatus::Scheduled => "label-activity_status-scheduled",
                ActivityStatus::Done => "label-activity_status-done",
                ActivityStatus::Missed => "label-activity_status-missed",
                ActivityStatus::Cancelled { .. } => "label-activity_status-cancelled",
            },
        )
    }
}
