//! Every form's options as `Choice { value, label }` in the worker's language, and the labels of
//! the enums a screen shows that have none of their own in the domain. The apps show these
//! rather than wording options themselves.

use crate::domain::activity::{ActivityKind, Scheduling};
use crate::domain::assessment::{LifeArea, RiskLevel};
use crate::domain::duty::Duty;
use crate::domain::entry::EntryKind;
use crate::domain::incident::IncidentKind;
use crate::domain::plan::Author;
use crate::domain::referral::ResourceCategory;
use crate::domain::value_of;
use crate::rules::duty_balance::DutyTrend;
use crate::screens::caseload::DueKind;
use crate::screens::plan::Trend;
use crate::screens::timeline::TimelineKind;
use crate::words::{say, word, Choice, Lang};

/// The auto-lock times the settings offer, in minutes.
pub const AUTO_LOCK_MINUTES: [u32; 4] = [1, 5, 15, 30];

impl Scheduling {
    /// Every way an activity comes about, in the form's order.
    pub const ALL: [Scheduling; 3] = [
        Scheduling::Planned,
        Scheduling::Emergency,
        Scheduling::AsNeeded,
    ];
}

impl RiskLevel {
    /// Every risk level, lowest first.
    pub const ALL: [RiskLevel; 3] = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High];

    /// The label in `lang`.
    pub fn label_in(self, lang: Lang) -> String {
        word(
            lang,
            match self {
                RiskLevel::Low => "label-risk_level-low",
                RiskLevel::Medium => "label-risk_level-medium",
                RiskLevel::High => "label-risk_level-high",
            },
        )
    }
}

impl EntryKind {
    /// Both kinds of client entry.
    pub const ALL: [EntryKind; 2] = [EntryKind::WhatHelpsMe, EntryKind::Reflection];

    /// The label in `lang`.
    pub fn label_in(self, lang: Lang) -> String {
        word(
            lang,
            match self {
                EntryKind::WhatHelpsMe => "label-entry_kind-what_helps_me",
                EntryKind::Reflection => "label-entry_kind-reflection",
            },
        )
    }
}

impl Author {
    /// The label in `lang` ("The client", "The worker").
    pub fn label_in(self, lang: Lang) -> String {
        word(
            lang,
            match self {
                Author::Client => "label-author-client",
                Author::Worker => "label-author-worker",
            },
        )
    }
}

impl Trend {
    /// The label in `lang` ("Going up").
    pub fn label_in(self, lang: Lang) -> String {
        word(
            lang,
            match self {
                Trend::Up => "label-trend-up",
                Trend::Same => "label-trend-same",
                Trend::Down => "label-trend-down",
                Trend::NotEnough => "label-trend-not_enough",
            },
        )
    }
}

impl DutyTrend {
    /// The label in `lang` ("Rising").
    pub fn label_in(self, lang: Lang) -> String {
        word(
            lang,
            match self {
                DutyTrend::Rising => "label-duty_trend-rising",
                DutyTrend::Steady => "label-duty_trend-steady",
                DutyTrend::Falling => "label-duty_trend-falling",
                DutyTrend::NotEnoughData => "label-duty_trend-not_enough_data",
            },
        )
    }
}

impl DueKind {
    /// The label in `lang` ("Plan review").
    pub fn label_in(self, lang: Lang) -> String {
        word(
            lang,
            match self {
                DueKind::Visit => "label-due_kind-visit",
                DueKind::FollowUp => "label-due_kind-follow_up",
                DueKind::PlanReview => "label-due_kind-plan_review",
                DueKind::GoalTarget => "label-due_kind-goal_target",
            },
        )
    }
}

impl TimelineKind {
    /// The label in `lang` ("Case note").
    pub fn label_in(self, lang: Lang) -> String {
        word(
            lang,
            match self {
                TimelineKind::Activity => "label-timeline_kind-activity",
                TimelineKind::Note => "label-timeline_kind-note",
                TimelineKind::Incident => "label-timeline_kind-incident",
                TimelineKind::Referral => "label-timeline_kind-referral",
                TimelineKind::Rating => "label-timeline_kind-rating",
                TimelineKind::Review => "label-timeline_kind-review",
            },
        )
    }
}

fn choices<T: serde::Serialize + Copy>(all: &[T], label: impl Fn(T) -> String) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice::new(value_of(v), label(*v)))
        .collect()
}

/// How an activity came about (planned, emergency, as needed), for the activity form.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn scheduling_choices(language: Lang) -> Vec<Choice> {
    choices(&Scheduling::ALL, |v| v.label_in(language))
}

/// The ten life areas, for goals and assessments.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn life_area_choices(language: Lang) -> Vec<Choice> {
    choices(&LifeArea::ALL, |v| v.label_in(language))
}

/// The resource directory's categories.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn resource_category_choices(language: Lang) -> Vec<Choice> {
    choices(&ResourceCategory::ALL, |v| v.label_in(language))
}

/// How serious a risk is, lowest first.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn risk_level_choices(language: Lang) -> Vec<Choice> {
    choices(&RiskLevel::ALL, |v| v.label_in(language))
}

/// What a client's entry is (what helps me, a thought).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn entry_kind_choices(language: Lang) -> Vec<Choice> {
    choices(&EntryKind::ALL, |v| v.label_in(language))
}

/// The kinds of activity, for the activity form.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn activity_kind_choices(language: Lang) -> Vec<Choice> {
    choices(&ActivityKind::ALL, |v| v.label_in(language))
}

/// The kinds of incident, for the incident form.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn incident_kind_choices(language: Lang) -> Vec<Choice> {
    choices(&IncidentKind::ALL, |v| v.label_in(language))
}

/// The three duties, for the activity form (their descriptions: `duties()`).
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn duty_choices(language: Lang) -> Vec<Choice> {
    choices(&Duty::ALL, |v| v.label_in(language))
}

/// The auto-lock times the settings offer: `value` in minutes ("5"), `label` "5 minutes".
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn auto_lock_choices(language: Lang) -> Vec<Choice> {
    AUTO_LOCK_MINUTES
        .iter()
        .map(|m| {
            Choice::new(
                m.to_string(),
                say(
                    language,
                    "label-auto_lock-minutes",
                    &[("minutes", (*m).into())],
                ),
            )
        })
        .collect()
}

/// The shipped languages, each in its own name (`value` is the tag: "en", "fr", ...), for the
/// language setting.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn language_choices() -> Vec<Choice> {
    Lang::ALL
        .iter()
        .map(|l| {
            let id = match l {
                Lang::En => "label-language-en",
                Lang::Fr => "label-language-fr",
                Lang::Es => "label-language-es",
                Lang::Ar => "label-language-ar",
            };
            Choice::new(l.tag(), word(*l, id))
        })
        .collect()
}
