//! Alongside's core: the domain of community support work, its rules, sealed local storage and
//! the view models the phone screens render. The phone shells reach it through uniffi
//! (feature `ffi`); the CLI and tests use it directly.
//!
//! Modules are private and point one way: `screens -> rules -> sync -> domain / backup -> vault ->
//! storage -> crypto -> error / time / validate / words` (`make lint` checks it; `words`, the
//! Fluent messages, knows no records, so every module may word things through it). What callers may use is
//! chosen below with `pub use`; the uniffi surface is the same set, exported by name.

#[cfg(feature = "ffi")]
uniffi::setup_scaffolding!("alongside");

// The baselines store records unsealed so the benchmark can compare; a phone build never may.
#[cfg(all(
    feature = "ffi",
    any(feature = "baseline-plaintext", feature = "baseline-sqlcipher")
))]
compile_error!(
    "the benchmark baselines (`baseline-plaintext`, `baseline-sqlcipher`) store records unsealed \
     and must never be built into the phone library"
);

// Nor may any other binary: a CLI built with a baseline would write unsealed vaults. Only the
// benchmark's build sets this variable (bench/run.sh), so asking for a baseline anywhere else
// fails to compile instead of quietly storing plaintext.
#[cfg(any(feature = "baseline-plaintext", feature = "baseline-sqlcipher"))]
const _: () = assert!(
    option_env!("ALONGSIDE_BENCH_BASELINE").is_some(),
    "the benchmark baselines store records unsealed: only bench/run.sh builds them \
     (it sets ALONGSIDE_BENCH_BASELINE=1)"
);

mod backup;
mod crypto;
mod domain;
mod error;
mod rules;
mod screens;
mod storage;
mod sync;
mod time;
mod validate;
mod vault;
mod words;

#[cfg(feature = "test-support")]
pub mod test_support;

pub use crypto::{KdfCost, KdfParams};
pub use error::{error_code_of, error_message, Error, LockReason, NotAllowedReason, Result, Rule};
pub use time::{set_test_now, ClockTime, Day, Timestamp};
pub use vault::lock::{
    AppLock, LockState, SleepCountingClock, DEFAULT_AUTO_LOCK_SECONDS, MAX_AUTO_LOCK_SECONDS,
};
pub use vault::platform::PlatformKey;
pub use vault::{Vault, WorkerSession};

pub use storage::audit::{AuditEntry, AuditReport, Op};

pub use backup::{
    restore_stream, verify_backup, verify_backup_stream, BackupOptions, BackupSummary,
    AEAD_AES_256_GCM, DEFAULT_CHUNK_SIZE, FORMAT_VERSION as BACKUP_FORMAT_VERSION, KDF_ARGON2ID,
    KDF_PBKDF2_HMAC_SHA256, MAGIC as BACKUP_MAGIC, MAX_CHUNK_SIZE, MAX_ENTRY_LEN,
    MAX_KDF_ITERATIONS, MIN_CHUNK_SIZE,
};

pub use domain::activity::{
    activity_kinds, Activity, ActivityInput, ActivityKind, ActivityKindInfo, ActivityStatus,
    FollowUp, FollowUpInput, Scheduling, MAX_DURATION_MINUTES,
};
pub use domain::assessment::{
    AreaAssessment, Assessment, AssessmentInput, LifeArea, Risk, RiskLevel,
};
pub use domain::client::{Client, ClientInput, ClientStatus, Consent, Contact};
pub use domain::defaults::{
    follow_up_due, form_defaults, review_due, FormDefaults, DUTY_BALANCE_WEEKS, FOLLOW_UP_DAYS,
    REVIEW_MONTHS,
};
pub use domain::duty::{duties, Duty, DutyInfo, DutySettings, DEFAULT_ADVOCACY_HINT_WEEKS};
pub use domain::entry::{ClientEntry, EntryKind};
pub use domain::incident::{
    incident_kinds, Incident, IncidentAction, IncidentActionInput, IncidentCorrection,
    IncidentInput, IncidentKind, IncidentKindInfo, IncidentStatus, RequiredAction,
    RequiredActionInfo,
};
pub use domain::note::{Addendum, Note, NoteStatus};
pub use domain::plan::{
    Author, Goal, GoalInput, GoalStatus, Plan, PlanVersion, Rating, RatingInput, Review,
    ReviewInput, Step, SCORE_MAX, SCORE_MIN,
};
pub use domain::referral::{
    Referral, ReferralChange, ReferralInput, ReferralStatus, ReferralView, Resource,
    ResourceCategory, ResourceInput,
};
pub use domain::team::{DEFAULT_UNSIGNED_NOTE_DAYS, DISPLAY_NAME_MAX, MAX_UNSIGNED_NOTE_DAYS};
pub use domain::wellness::{WellnessAuthor, WellnessEntry, WellnessPlan, WellnessSection};
pub use domain::worker::certification::{Certification, CertificationInput};
pub use domain::worker::debrief::{Debrief, DebriefInput, DebriefOccasion, HEAVY_SCORE};
pub use domain::worker::settings::{
    CornerSettings, HeavyWeekThresholds, WorkingHours, DEFAULT_CERTIFICATION_NOTICE_DAYS,
};
pub use domain::worker::supervision::{
    SupervisionAction, SupervisionActionInput, SupervisionInput, SupervisionSession,
};

pub use rules::duty_balance::{
    DutyBalance, DutyCount, DutyTrend, DutyWeek, EmpowermentHint, MAX_PERIOD_DAYS, TREND_POINTS,
};
pub use rules::duty_suggest::{suggest_duties, DutySuggestion, DutyTrigger};
pub use rules::heavy_week::HeavyReasonKind;
pub use rules::person_first::{language_hints, FieldHints, LanguageHint};
pub use rules::phrases::TextSpan;

pub use screens::activity::{ActivityView, LinkedGoal};
pub use screens::app_words::{app_phrase, app_words, team_words, AppPhrase, AppWords, TeamWords};
pub use screens::boundary::{BoundaryCard, BoundaryRoute};
pub use screens::briefing::{
    BriefingIncident, BriefingScreen, DependenceRow, SharedDebriefRow, SupervisionRequestRow,
    TeamNotification, UnsignedNotesRow, WorkerBriefing,
};
pub use screens::caseload::{
    status_label, CaseloadRow, CaseloadView, ClientList, DueItem, DueKind,
};
pub use screens::choices::{
    activity_kind_choices, auto_lock_choices, duty_choices, entry_kind_choices,
    incident_kind_choices, language_choices, life_area_choices, resource_category_choices,
    risk_level_choices, scheduling_choices, AUTO_LOCK_MINUTES,
};
pub use screens::corner::{
    CertificationRow, CornerAction, CornerScreen, CornerSuggestion, CornerWords, DebriefRow,
    HeavyReason, HeavyWeek, SuggestionKind, TodayCorner,
};
pub use screens::corner_words::CornerFormWords;
pub use screens::history::{EarlierRevision, FieldChange};
pub use screens::incident::{IncidentView, RecordedAction, RequiredActionState};
pub use screens::note::{NoteList, NoteView};
pub use screens::plan::{
    goal_status_label, GoalCard, GoalReviewRow, PlanScreen, PlanVersionSummary, RatingView,
    ReviewScreen, Trend,
};
pub use screens::progress::{client_languages, ChartPoint, DutyMonth, GoalProgress, ProgressChart};
pub use screens::shared::{
    SharedGoal, SharedRating, SharedScreen, SharedSession, SharedStep, SharedVisit,
    DEFAULT_IDLE_SECONDS,
};
pub use screens::shared_words::{rating_scale, SharedWords};
pub use screens::team::{TeamDevice, TeamMember, TeamRequestRow};
pub use screens::timeline::{TimelineItem, TimelineKind, TimelinePage, TIMELINE_PAGE_MAX};
pub use screens::today::{
    TodayDraft, TodayFollowUp, TodayIncident, TodayReferral, TodayReview, TodayView, TodayVisit,
    REVIEW_NOTICE_DAYS,
};
pub use screens::wellness::{WellnessSectionView, WellnessView};
pub use screens::UnreadableRecord;

pub use sync::{
    RefusalReason, RefusedRevision, ReviewChoice, ReviewItem, SyncReply, SyncReport, SyncStatus,
    SyncTransport, TeamIdentity, REFUSED_NAMED,
};

pub use words::{
    lang_from_tag, lang_is_rtl, lang_tag, plain, say, word, worker_language, Arg, Choice, Lang,
};
