//! The words of what the client owns, from the locale files (`wellness.ftl`, `progress.ftl`,
//! `copy.ftl`): each section's heading, who wrote an entry, the chart's legends and its sentence,
//! month names. Every id is written out here so the words' tests can find it.

use chrono::Datelike;

use crate::domain::wellness::{WellnessAuthor, WellnessSection};
use crate::screens::Reader;
use crate::time::Day;
use crate::words::{say, word, Lang};

/// A section's heading, in the client's voice.
pub(crate) fn section_heading(lang: Lang, section: WellnessSection) -> String {
    word(
        lang,
        match section {
            WellnessSection::WhenWell => "wellness-when-well",
            WellnessSection::KeepingWell => "wellness-keeping-well",
            WellnessSection::SetBacks => "wellness-set-backs",
            WellnessSection::EarlySigns => "wellness-early-signs",
            WellnessSection::EarlyActions => "wellness-early-actions",
            WellnessSection::CrisisContact => "wellness-crisis-contact",
            WellnessSection::CrisisDoNotContact => "wellness-crisis-do-not-contact",
            WellnessSection::CrisisHelps => "wellness-crisis-helps",
            WellnessSection::CrisisDoesNotHelp => "wellness-crisis-does-not-help",
            WellnessSection::PracticalMatters => "wellness-practical-matters",
            WellnessSection::Medication => "wellness-medication",
            WellnessSection::CrisisPlace => "wellness-crisis-place",
            WellnessSection::AfterCrisis => "wellness-after-crisis",
        },
    )
}

/// Who wrote an entry, said to the reader; "Nothing written yet" for an empty section.
pub(crate) fn written_by(lang: Lang, reader: Reader, by: Option<WellnessAuthor>) -> String {
    word(
        lang,
        match (reader, by) {
            (_, None) => "wellness-empty",
            (Reader::Client, Some(WellnessAuthor::Client)) => "wellness-by-client",
            (Reader::Client, Some(WellnessAuthor::WorkerWithClient)) => "wellness-with-worker",
            (Reader::Worker, Some(WellnessAuthor::Client)) => "wellness-by-client-for-worker",
            (Reader::Worker, Some(WellnessAuthor::WorkerWithClient)) => {
                "wellness-with-client-for-worker"
            }
        },
    )
}

/// "My wellness and crisis plan".
pub(crate) fn wellness_title(lang: Lang) -> String {
    word(lang, "wellness-title")
}

/// The legends of the two lines: the client's, then the worker's, as the reader names them.
pub(crate) fn legends(lang: Lang, reader: Reader) -> (String, String) {
    match reader {
        Reader::Client => (word(lang, "progress-mine"), word(lang, "progress-workers")),
        Reader::Worker => (
            word(lang, "progress-clients-for-worker"),
            word(lang, "progress-mine-for-worker"),
        ),
    }
}

/// The chart's fixed words: the time axis, the rating axis, the review mark's legend.
pub(crate) fn axes(lang: Lang) -> (String, String, String) {
    (
        word(lang, "progress-time-axis"),
        word(lang, "progress-score-axis"),
        word(lang, "progress-review"),
    )
}

/// A month's name (1 to 12), as it stands after "in".
pub(crate) fn month(lang: Lang, month: u32) -> String {
    word(
        lang,
        match month {
            1 => "month-1",
            2 => "month-2",
            3 => "month-3",
            4 => "month-4",
            5 => "month-5",
            6 => "month-6",
            7 => "month-7",
            8 => "month-8",
            9 => "month-9",
            10 => "month-10",
            11 => "month-11",
            _ => "month-12",
        },
    )
}

/// The month of a day, with its year when `with_year` ("March", "March 2026").
pub(crate) fn month_of(lang: Lang, day: Day, with_year: bool) -> String {
    let name = month(lang, day.0.month());
    if with_year {
        say(
            lang,
            "progress-month-year",
            &[
                ("month", name.into()),
                // As text: a number would be formatted as a quantity.
                ("year", day.0.year().to_string().into()),
            ],
        )
    } else {
        name
    }
}

/// One line's sentence: "{who} went from 3 in March to 7 in November." (or "was", for one
/// rating).
pub(crate) fn went(
    lang: Lang,
    who: &str,
    first: (u8, String),
    last: Option<(u8, String)>,
) -> String {
    match last {
        Some((to, last)) => say(
            lang,
            "progress-went",
            &[
                ("who", who.into()),
                ("from", first.0.into()),
                ("first", first.1.into()),
                ("to", to.into()),
                ("last", last.into()),
            ],
        ),
        None => say(
            lang,
            "progress-was",
            &[
                ("who", who.into()),
                ("from", first.0.into()),
                ("first", first.1.into()),
            ],
        ),
    }
}

/// "No ratings yet."
pub(crate) fn no_ratings(lang: Lang) -> String {
    word(lang, "progress-none")
}
