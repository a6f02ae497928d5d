//! Why a record's state refuses a change: one typed reason per situation, each with its own
//! sentence saying what to do next (`errors.ftl`, ids `not-allowed-*`).

use serde::Serialize;

/// Why a change is not allowed. Values that name a kind (`duty`, `area`, a status) are the
/// enum's snake_case name, worded in the reader's language when the message is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotAllowedReason {
    /// The client already has a plan: review it to start a new version.
    PlanExists,
    /// A duty-balance period longer than the core computes.
    PeriodTooLong {
        /// The most days a period may span.
        max_days: u32,
    },
    /// A restore into a folder that already holds files.
    RestoreFolderNotEmpty,
    /// A referral status change that goes backwards or skips.
    ReferralTransition {
        /// The referral's status now (`made`, `accepted`, ...).
        from: String,
        /// The status asked for.
        to: String,
    },
    /// A discharged client re-opened as paused rather than active.
    DischargedReopensActive,
    /// The same duty chosen twice for one activity.
    DutyTwice {
        /// The duty (`educate`, `empower`, `advocate`).
        duty: String,
    },
    /// A change to a goal that was dropped.
    GoalDropped,
    /// A step marked on a goal that is achieved or dropped.
    GoalClosed,
    /// A step confirmed that nobody marked done.
    StepNotDone,
    /// A signed note edited (it takes addenda only).
    NoteSigned,
    /// A note signed twice.
    NoteAlreadySigned,
    /// An addendum on a draft (edit the draft instead).
    NoteDraft,
    /// A change to a closed incident.
    IncidentClosed,
    /// A dated correction asked for on an incident that is still open (edit it instead).
    IncidentOpen,
    /// An incident's day moved after an action already recorded on it.
    ActionBeforeDay,
    /// A referral moved to another resource after the first one answered.
    ReferralAnswered,
    /// A referral's day moved after its status already changed.
    ReferralChangedBefore,
    /// An incident closed while required actions are still to record.
    ActionsOpen {
        /// The actions still to record (`RequiredAction` snake_case names).
        actions: Vec<String>,
    },
    /// The same life area twice in one assessment.
    AreaTwice {
        /// The life area (`housing`, `money`, ...).
        area: String,
    },
    /// A life area in an assessment with nothing recorded.
    AreaEmpty {
        /// The life area (`housing`, `money`, ...).
        area: String,
    },
    /// A supervision session marked held on a day still to come.
    SessionNotHeldYet,
    /// Only a team admin (team lead or supervisor) may do this.
    NotTeamAdmin,
    /// A request made of another team member: only they mark it done.
    RequestNotYours,
    /// A team member this phone's verified team log does not name (or one who left).
    NoSuchMember,
    /// The team's offline lease ran out: the phone syncs before it opens the team's clients.
    TeamLeaseExpired {
        /// The lease, in days.
        days: u32,
    },
    /// A reason not yet given its own type and translations: shown as written, in English.
    /// Fold each into a variant above (`grep -rn "NotAllowedReason::Other\|reason: \"" core/src`).
    Other {
        /// The reason, in English.
        reason: String,
    },
}

impl From<&str> for NotAllowedReason {
    fn from(reason: &str) -> Self {
        NotAllowedReason::Other {
            reason: reason.to_string(),
        }
    }
}

impl From<String> for NotAllowedReason {
    fn from(reason: String) -> Self {
        NotAllowedReason::Other { reason }
    }
}
