//! Every error in words, in the reader's language (`errors.ftl`): what happened, then what to
//! do next. The code (`Error::code`) stays for programs; this is for people.

use super::{Error, NotAllowedReason, Rule};
use crate::words::{self, say, word, Arg, Lang};

impl Error {
    /// The error as a sentence in `lang`, saying what to do next.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::WrongPassphrase { .. } => word(lang, "error-wrong-passphrase"),
            Error::Tampered { kind, .. } => {
                say(lang, "error-tampered", &[("kind", kind_label(lang, kind))])
            }
            Error::Corrupt { .. } => word(lang, "error-corrupt"),
            Error::SchemaTooNew { .. } => word(lang, "error-schema-too-new"),
            Error::Locked { .. } => word(lang, "error-locked"),
            Error::NotFound { kind, .. } => {
                say(lang, "error-not-found", &[("kind", kind_label(lang, kind))])
            }
            Error::Invalid { field, rule, .. } => rule_sentence(lang, field, rule),
            Error::AlreadyExists { .. } => word(lang, "error-already-exists"),
            Error::PlatformKey { .. } => word(lang, "error-platform-key"),
            Error::TooManyAttempts {
                retry_after_seconds,
            } => say(
                lang,
                "error-too-many-attempts",
                &[("seconds", (*retry_after_seconds).into())],
            ),
            Error::Storage { .. } => word(lang, "error-storage"),
            Error::Sync { .. } => word(lang, "error-sync"),
            Error::BackupWrongPassphrase { .. } => word(lang, "error-backup-wrong-passphrase"),
            Error::BackupCorrupt { .. } => word(lang, "error-backup-corrupt"),
            Error::BackupTooNew { .. } => word(lang, "error-backup-too-new"),
        }
    }
}

/// An error as a sentence in `language`, saying what to do next: show this, key handling on
/// `errorCodeOf`.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn error_message(error: Error, language: Lang) -> String {
    error.message(language)
}

/// A record kind (`note`, `goal`, ...) as a person names it; an unknown kind as it is.
fn kind_label(lang: Lang, kind: &str) -> Arg {
    label(lang, "record", kind).into()
}

/// The label `label-<what>-<value>` (the worker's screens' words for an enum value), or the
/// value itself if there is none.
fn label(lang: Lang, what: &str, value: &str) -> String {
    words::lookup(lang, &format!("label-{what}-{value}"), &[]).unwrap_or_else(|| value.to_string())
}

/// The input's name as a person reads it (`field-preferred_name`), or as the call names it.
fn field_label(lang: Lang, field: &str) -> String {
    if field.contains('.') {
        return field.to_string();
    }
    words::lookup(lang, &format!("field-{field}"), &[]).unwrap_or_else(|| field.to_string())
}

/// A rule's `other` or `expected` (written in English where the rule is made) in `lang`: each
/// phrase the core uses has its message; one it does not know stays as written.
fn phrase(lang: Lang, english: &str) -> Arg {
    // The day's form names its years (time.rs); they are carried over as they are.
    if let Some(years) = english.strip_prefix("a date as YYYY-MM-DD in the years ") {
        if let Some((first, last)) = years.split_once(" to ") {
            return say(
                lang,
                "form-date",
                &[("first", first.into()), ("last", last.into())],
            )
            .into();
        }
    }
    word(
        lang,
        match english {
        "today" => "what-today",
        "the activity's day" => "what-activity-day",
        "the day the referral was made" => "what-referral-made",
        "the referral's last change" => "what-referral-last-change",
        "the plan's start" => "what-plan-start",
        "the day after the plan starts" => "what-day-after-plan-start",
        "the review day" => "what-review-day",
        "the last review" => "what-last-review",
        "the start of the working day" => "what-working-day-start",
        "the day of the incident" => "what-incident-day",
        "the last recorded action" => "what-last-action",
        "the period's first day" => "what-period-start",
        "the duress passphrase" => "what-duress-passphrase",
        "the unlock passphrase" => "what-unlock-passphrase",
        "a time as HH:MM, to the minute" => "form-time",
        "a record id" => "form-record-id",
        "a file path" => "form-file-path",
        "a folder path" => "form-folder-path",
        "a folder" => "form-folder",
        "a language tag such as en, fr-CA or zh-Hant-TW" => "form-language-tag",
        "one line of text without control or direction-override characters" => "form-one-line",
        "text without control or direction-override characters (newlines and tabs are fine)" => {
            "form-text"
        }
        other => return other.into(),
        },
    )
    .into()
}

/// The sentence for an input that broke `rule`.
pub(super) fn rule_sentence(lang: Lang, field: &str, rule: &Rule) -> String {
    let f = || ("field", Arg::from(field_label(lang, field)));
    match rule {
        Rule::Required => say(lang, "rule-required", &[f()]),
        Rule::TooLong { max } => say(lang, "rule-too-long", &[f(), ("max", (*max).into())]),
        Rule::TooShort { min } => say(lang, "rule-too-short", &[f(), ("min", (*min).into())]),
        Rule::OutOfRange { min, max } => say(
            lang,
            "rule-out-of-range",
            &[f(), ("min", (*min).into()), ("max", (*max).into())],
        ),
        Rule::Format { expected } => say(
            lang,
            "rule-format",
            &[f(), ("expected", phrase(lang, expected))],
        ),
        Rule::NotBefore { other } => say(
            lang,
            "rule-not-before",
            &[f(), ("other", phrase(lang, other))],
        ),
        Rule::NotAfter { other } => say(
            lang,
            "rule-not-after",
            &[f(), ("other", phrase(lang, other))],
        ),
        // The raw field name selects the sentence ("one of the goals belongs to another client").
        Rule::WrongOwner => say(lang, "rule-wrong-owner", &[("field", field.into()), f()]),
        Rule::NotAllowed { reason } => reason_sentence(lang, reason),
        // The estimator's feedback was worded when the rule was made (`vault::strength`).
        Rule::Weak {
            warning,
            suggestions,
        } => {
            let mut s = say(lang, "rule-weak", &[f()]);
            for line in warning.iter().chain(suggestions) {
                s.push(' ');
                s.push_str(line);
            }
            s
        }
        Rule::SameAs { other } => say(lang, "rule-same-as", &[f(), ("other", phrase(lang, other))]),
    }
}

fn reason_sentence(lang: Lang, reason: &NotAllowedReason) -> String {
    use NotAllowedReason as R;
    match reason {
        R::PlanExists => word(lang, "not-allowed-plan-exists"),
        R::PeriodTooLong { max_days } => say(
            lang,
            "not-allowed-period-too-long",
            &[("max", (*max_days).into())],
        ),
        R::RestoreFolderNotEmpty => word(lang, "not-allowed-restore-folder-not-empty"),
        R::ReferralTransition { from, to } => say(
            lang,
            "not-allowed-referral-transition",
            &[
                ("from", label(lang, "referral_status", from).into()),
                ("to", label(lang, "referral_status", to).into()),
            ],
        ),
        R::DischargedReopensActive => word(lang, "not-allowed-discharged-reopens-active"),
        R::DutyTwice { duty } => say(
            lang,
            "not-allowed-duty-twice",
            &[("duty", label(lang, "duty", duty).into())],
        ),
        R::GoalDropped => word(lang, "not-allowed-goal-dropped"),
        R::GoalClosed => word(lang, "not-allowed-goal-closed"),
        R::StepNotDone => word(lang, "not-allowed-step-not-done"),
        R::NoteSigned => word(lang, "not-allowed-note-signed"),
        R::NoteAlreadySigned => word(lang, "not-allowed-note-already-signed"),
        R::NoteDraft => word(lang, "not-allowed-note-draft"),
        R::IncidentClosed => word(lang, "not-allowed-incident-closed"),
        R::IncidentOpen => word(lang, "not-allowed-incident-open"),
        R::ActionBeforeDay => word(lang, "not-allowed-action-before-day"),
        R::ReferralAnswered => word(lang, "not-allowed-referral-answered"),
        R::ReferralChangedBefore => word(lang, "not-allowed-referral-changed-before"),
        R::ActionsOpen { actions } => {
            let names: Vec<String> = actions
                .iter()
                .map(|a| label(lang, "required_action", a))
                .collect();
            say(
                lang,
                "not-allowed-actions-open",
                &[
                    (
                        "actions",
                        names.join(&word(lang, "error-list-separator")).into(),
                    ),
                    ("count", names.len().into()),
                ],
            )
        }
        R::AreaTwice { area } => say(
            lang,
            "not-allowed-area-twice",
            &[("area", label(lang, "area", area).into())],
        ),
        R::AreaEmpty { area } => say(
            lang,
            "not-allowed-area-empty",
            &[("area", label(lang, "area", area).into())],
        ),
        R::SessionNotHeldYet => word(lang, "not-allowed-session-not-held-yet"),
        R::NotTeamAdmin => word(lang, "not-allowed-not-team-admin"),
        R::RequestNotYours => word(lang, "not-allowed-request-not-yours"),
        R::NoSuchMember => word(lang, "not-allowed-no-such-member"),
        R::TeamLeaseExpired { days } => say(
            lang,
            "not-allowed-team-lease-expired",
            &[("days", (*days).into())],
        ),
        R::Other { reason } => reason.clone(),
    }
}
