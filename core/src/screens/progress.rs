//! Progress as a picture: for each goal, the client's and the worker's ratings over time as two
//! separate series (never averaged, never merged), the plan's review days marked, and for the
//! worker the duty balance month by month. The core gives the points, the axis words and one
//! sentence that says what the picture shows, in the reader's language; the apps draw it.

use chrono::Datelike;
use serde::Serialize;

use crate::domain::activity::{Activity, ActivityStatus};
use crate::domain::client::{self, Client};
use crate::domain::plan::{self, Author, Goal, Rating, Review};
use crate::error::Result;
use crate::screens::shared::{self, SharedSession};
use crate::screens::wellness_words as ww;
use crate::screens::Reader;
use crate::storage;
use crate::time::Day;
use crate::vault::WorkerSession;
use crate::words::Lang;

/// One rating on the chart.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ChartPoint {
    /// The day of the rating (the x axis).
    pub on: Day,
    /// The score, 1 to 10 (the y axis).
    pub score: u8,
}

/// One goal's picture: two series and the review days.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct GoalProgress {
    /// The goal's id.
    pub goal_id: String,
    /// The goal in the client's own words (the chart's title).
    pub words: String,
    /// The client's own ratings, oldest first.
    pub client_series: Vec<ChartPoint>,
    /// The worker's ratings, oldest first: a separate line, never averaged with the client's.
    pub worker_series: Vec<ChartPoint>,
    /// The client's line's legend, in the reader's words.
    pub client_label: String,
    /// The worker's line's legend, in the reader's words.
    pub worker_label: String,
    /// The plan's review days, to mark on the time axis.
    pub review_days: Vec<Day>,
    /// What the picture shows, for screen readers: "Your own rating went from 3 in March to 7 in
    /// November. ..."
    pub sentence: String,
}

/// One month of the client's done activities, by duty (one activity may carry several).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DutyMonth {
    /// The first day of the month.
    pub month_start: Day,
    /// The month's name in the reader's language.
    pub label: String,
    /// Done activities that carried Educate.
    pub educate: u32,
    /// Done activities that carried Empower.
    pub empower: u32,
    /// Done activities that carried Advocate.
    pub advocate: u32,
}

/// The client's progress as a picture.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ProgressChart {
    /// The client it is about.
    pub client_id: String,
    /// The language of every word here (a BCP-47 tag).
    pub language: String,
    /// Whether that language is written right to left: mirror the layout.
    pub right_to_left: bool,
    /// The time axis's title.
    pub time_axis: String,
    /// The rating axis's title.
    pub score_axis: String,
    /// The rating axis's lowest value.
    pub score_min: u8,
    /// The rating axis's highest value.
    pub score_max: u8,
    /// The legend of the review marks.
    pub review_label: String,
    /// One picture per goal, oldest goal first.
    pub goals: Vec<GoalProgress>,
    /// The worker's chart only: the duty balance month by month, from the first month with a
    /// done activity to the last; empty on the client's chart.
    pub duty_months: Vec<DutyMonth>,
}

/// One line's sentence; none when the line is empty.
fn series_sentence(lang: Lang, who: &str, series: &[ChartPoint]) -> Option<String> {
    let (first, last) = (series.first()?, series.last()?);
    let with_year = first.on.0.year() != last.on.0.year();
    let start = (first.score, ww::month_of(lang, first.on, with_year));
    let end = (series.len() > 1).then(|| (last.score, ww::month_of(lang, last.on, with_year)));
    Some(ww::went(lang, who, start, end))
}

fn points(ratings: &[Rating], goal_id: &str, by: Author) -> Vec<ChartPoint> {
    plan::by_author(ratings, goal_id, by)
        .into_iter()
        .map(|r| ChartPoint {
            on: r.on,
            score: r.score,
        })
        .collect()
}

pub(crate) fn goal_progress(
    lang: Lang,
    reader: Reader,
    goal: &Goal,
    ratings: &[Rating],
    reviews: &[Review],
) -> GoalProgress {
    let client_series = points(ratings, &goal.id, Author::Client);
    let worker_series = points(ratings, &goal.id, Author::Worker);
    let (client_label, worker_label) = ww::legends(lang, reader);
    let sentences: Vec<String> = [
        series_sentence(lang, &client_label, &client_series),
        series_sentence(lang, &worker_label, &worker_series),
    ]
    .into_iter()
    .flatten()
    .collect();
    let sentence = if sentences.is_empty() {
        ww::no_ratings(lang)
    } else {
        sentences.join(" ")
    };
    let mut review_days: Vec<Day> = reviews
        .iter()
        .filter(|r| r.plan_id == goal.plan_id)
        .map(|r| r.on)
        .collect();
    review_days.sort();
    review_days.dedup();
    GoalProgress {
        goal_id: goal.id.clone(),
        words: goal.client_words.clone(),
        client_series,
        worker_series,
        client_label,
        worker_label,
        review_days,
        sentence,
    }
}

fn duty_months(lang: Lang, activities: &[Activity]) -> Vec<DutyMonth> {
    let done: Vec<&Activity> = activities
        .iter()
        .filter(|a| a.status == ActivityStatus::Done && !a.duties.is_empty())
        .collect();
    let month_of = |d: Day| Day::from_ymd(d.0.year(), d.0.month(), 1).unwrap_or(d);
    let (Some(first), Some(last)) = (
        done.iter().map(|a| month_of(a.day)).min(),
        done.iter().map(|a| month_of(a.day)).max(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut month = first;
    while month <= last {
        let next = month_of(month.add_days(32));
        let mut n = [0u32; 3];
        for a in done.iter().filter(|a| a.day >= month && a.day < next) {
            for d in &a.duties {
                n[*d as usize] += 1;
            }
        }
        out.push(DutyMonth {
            month_start: month,
            label: ww::month_of(lang, month, first.0.year() != last.0.year()),
            educate: n[0],
            empower: n[1],
            advocate: n[2],
        });
        month = next;
    }
    out
}

/// The chart for one client, for the given reader: the client sees only the goals their shared
/// screen shows and no duty balance.
pub(crate) fn chart(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
    client: &Client,
    reader: Reader,
) -> Result<ProgressChart> {
    let lang = reader.lang(client);
    let ratings = plan::ratings_of(conn, keys, &client.id)?;
    let reviews = storage::list_owned::<Review>(conn, keys, &client.id)?;
    let goals = plan::goals_of(conn, keys, &client.id)?
        .iter()
        .filter(|g| reader == Reader::Worker || shared::shown_to_client(g))
        .map(|g| goal_progress(lang, reader, g, &ratings, &reviews))
        .collect();
    let duty_months = match reader {
        Reader::Client => Vec::new(),
        Reader::Worker => duty_months(
            lang,
            &storage::list_owned::<Activity>(conn, keys, &client.id)?,
        ),
    };
    let (time_axis, score_axis, review_label) = ww::axes(lang);
    Ok(ProgressChart {
        client_id: client.id.clone(),
        language: lang.tag().into(),
        right_to_left: lang.is_rtl(),
        time_axis,
        score_axis,
        score_min: plan::SCORE_MIN,
        score_max: plan::SCORE_MAX,
        review_label,
        goals,
        duty_months,
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The client's progress as a picture: each goal's two rating lines with review days, and the
    /// duty balance month by month.
    /// Fails with `NotFound` (`client_id`), and the errors every call has (see `WorkerSession`).
    pub fn progress_chart(&self, client_id: String) -> Result<ProgressChart> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            chart(conn, keys, &client, Reader::Worker)
        })
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl SharedSession {
    /// The client's own progress as a picture, in their language: their goals only.
    /// Fails only with the errors every call has (see `SharedSession`).
    pub fn progress_chart(&self) -> Result<ProgressChart> {
        self.run(|conn, keys, client_id| {
            let client = client::load(conn, keys, client_id)?;
            chart(conn, keys, &client, Reader::Client)
        })
    }
}

/// The languages the client's screens, chart and copy are written in (BCP-47 tags); a client
/// whose language is not among them reads English.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn client_languages() -> Vec<String> {
    Lang::ALL.iter().map(|l| l.tag().to_string()).collect()
}
