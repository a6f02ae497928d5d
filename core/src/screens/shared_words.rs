//! Every word of shared mode, in the client's language: the screen's headings and buttons, the
//! rating scale, and what went wrong. The apps show these and nothing of their own, so a
//! French-speaking client never reads an English button.

use serde::Serialize;

use crate::domain::assessment::LifeArea;
use crate::domain::plan::{GoalStatus, SCORE_MAX, SCORE_MIN};
use crate::error::{Error, Rule};
use crate::words::{say, word, Choice, Lang};

/// The headings, buttons and prompts of the client's screen, in the client's language.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SharedWords {
    /// The screen's title ("My plan").
    pub title: String,
    /// Shown instead of the goals when there are none.
    pub no_goals: String,
    /// Heading over the client's own ratings of a goal.
    pub my_ratings: String,
    /// Heading over the worker's ratings of a goal.
    pub worker_ratings: String,
    /// Shown where a goal has no rating yet.
    pub no_rating: String,
    /// The button that opens the rating scale on a goal ("How is it going?").
    pub rate: String,
    /// The rating scale's question ("How is it going, from 1 to 10?").
    pub rate_question: String,
    /// The button beside a step the client has done ("I did this").
    pub step_done: String,
    /// The button to write words of their own, on a goal or in general.
    pub add_words: String,
    /// Heading over what the client wrote.
    pub my_words: String,
    /// The label of the entry-kind picker.
    pub entry_kind: String,
    /// The placeholder of the text field for the client's words.
    pub entry_placeholder: String,
    /// The button that saves a rating or an entry.
    pub save: String,
    /// The button that closes a form without saving.
    pub cancel: String,
    /// Shown instead of the coming visits when there are none.
    pub no_visits: String,
    /// The button that hands the phone back to the worker.
    pub give_back: String,
    /// The title of the hand-back form (the worker reads it).
    pub hand_back_title: String,
    /// The label of the worker's passphrase field on the hand-back form.
    pub worker_passphrase: String,
    /// The button that takes the phone back with the passphrase.
    pub take_back: String,
    /// The button that takes the phone back with fingerprint or face.
    pub use_biometrics: String,
}

/// The words of the client's screen in `lang`.
pub(crate) fn shared_words(lang: Lang) -> SharedWords {
    SharedWords {
        title: word(lang, "shared-title"),
        no_goals: word(lang, "shared-no-goals"),
        my_ratings: word(lang, "shared-my-ratings"),
        worker_ratings: word(lang, "shared-worker-ratings"),
        no_rating: word(lang, "shared-no-rating"),
        rate: word(lang, "shared-rate"),
        rate_question: word(lang, "shared-rate-question"),
        step_done: word(lang, "shared-step-done"),
        add_words: word(lang, "shared-add-words"),
        my_words: word(lang, "shared-my-words"),
        entry_kind: word(lang, "shared-entry-kind"),
        entry_placeholder: word(lang, "shared-entry-placeholder"),
        save: word(lang, "shared-save"),
        cancel: word(lang, "shared-cancel"),
        no_visits: word(lang, "shared-no-visits"),
        give_back: word(lang, "shared-give-back"),
        hand_back_title: word(lang, "shared-hand-back-title"),
        worker_passphrase: word(lang, "shared-worker-passphrase"),
        take_back: word(lang, "shared-take-back"),
        use_biometrics: word(lang, "shared-use-biometrics"),
    }
}

/// The two kinds of entry a client writes, as the picker offers them.
pub(crate) fn entry_kinds(lang: Lang) -> Vec<Choice> {
    vec![
        Choice::new("what_helps_me", word(lang, "shared-entry-what-helps-me")),
        Choice::new("reflection", word(lang, "shared-entry-reflection")),
    ]
}

/// A life area, in the client's words ("My home" rather than "Housing").
pub(crate) fn area(lang: Lang, area: LifeArea) -> String {
    word(
        lang,
        match area {
            LifeArea::Housing => "shared-area-housing",
            LifeArea::MentalHealth => "shared-area-mental-health",
            LifeArea::PhysicalHealth => "shared-area-physical-health",
            LifeArea::DailyLiving => "shared-area-daily-living",
            LifeArea::WorkEducation => "shared-area-work-education",
            LifeArea::Money => "shared-area-money",
            LifeArea::Relationships => "shared-area-relationships",
            LifeArea::SubstanceUse => "shared-area-substance-use",
            LifeArea::Legal => "shared-area-legal",
            LifeArea::Safety => "shared-area-safety",
        },
    )
}

/// Where a goal stands, in the client's words.
pub(crate) fn status(lang: Lang, status: &GoalStatus) -> String {
    word(
        lang,
        match status {
            GoalStatus::Active => "shared-status-active",
            GoalStatus::Achieved { .. } => "shared-status-achieved",
            GoalStatus::Paused => "shared-status-paused",
            GoalStatus::Dropped { .. } => "shared-status-set-aside",
        },
    )
}

/// The band of our own neutral 1-10 scale a score falls in.
pub(crate) fn band(lang: Lang, score: u8) -> String {
    word(
        lang,
        match score {
            0..=3 => "shared-band-starting",
            4..=6 => "shared-band-getting-there",
            7..=9 => "shared-band-going-well",
            _ => "shared-band-there",
        },
    )
}

/// The 1-10 rating scale as a person picks from it: each score (`value`, "1" to "10") with its
/// band's words (`label`), in `language`.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn rating_scale(language: Lang) -> Vec<Choice> {
    (SCORE_MIN..=SCORE_MAX)
        .map(|s| Choice::new(s.to_string(), band(language, s)))
        .collect()
}

/// "You said 6 out of 10" (the client's rating) or "Your worker said ..." (the worker's).
pub(crate) fn said(lang: Lang, by_client: bool, score: u8) -> String {
    let args = [("score", score.into())];
    if by_client {
        say(lang, "shared-my-rating", &args)
    } else {
        say(lang, "shared-worker-rating", &args)
    }
}

/// "Done - your worker will check it with you", under a step the client marked.
pub(crate) fn step_waiting(lang: Lang) -> String {
    word(lang, "shared-step-waiting")
}

/// What went wrong, for the client, in the client's language: what to do next, never a code.
pub(crate) fn error_for_client(lang: Lang, error: &Error) -> String {
    match error {
        Error::Locked { .. } => word(lang, "shared-error-closed"),
        Error::NotFound { .. } => word(lang, "shared-error-not-found"),
        Error::Invalid { rule, field, .. } => match rule {
            Rule::Required => word(lang, "shared-error-required"),
            Rule::TooLong { max } => say(lang, "shared-error-too-long", &[("max", (*max).into())]),
            Rule::OutOfRange { .. } if field == "score" => word(lang, "shared-error-rating"),
            Rule::NotAllowed { .. } if field == "goal_id" => word(lang, "shared-error-goal-closed"),
            _ => word(lang, "shared-error-other"),
        },
        _ => word(lang, "shared-error-other"),
    }
}

/// The greeting with the client's name, isolated so it reads right in any direction.
pub(crate) fn greeting(lang: Lang, name: &str) -> String {
    say(lang, "shared-greeting", &[("name", name.into())])
}

/// "3 goals", plural-correct in the client's language.
pub(crate) fn goals_count(lang: Lang, n: usize) -> String {
    say(lang, "shared-goals-count", &[("count", n.into())])
}

/// "Next visit".
pub(crate) fn next_visit(lang: Lang) -> String {
    word(lang, "shared-next-visit")
}
