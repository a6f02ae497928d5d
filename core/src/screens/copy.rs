//! The client's copy: one self-contained HTML document the client keeps, built only from what
//! their shared screen shows (their goals in their words, the ratings' scores, their own words on
//! their ratings, the steps, their wellness and crisis plan), in their language. Nothing else of
//! the vault goes in: not the worker's words on ratings, notes, incidents, or anyone else.
//!
//! It reads without the app and without a network: inline CSS, ratings drawn as inline SVG, no
//! script, no link or image fetched from anywhere, every text escaped. It prints on A4 and Letter:
//! the page box takes the printer's paper (`size: auto`) and the content never needs more than
//! the narrower of the two (A4: 210 mm less the margins).

use std::fmt::Write as _;

use crate::domain::client::{self, Client};
use crate::domain::plan::{self, Author, Review};
use crate::domain::wellness;
use crate::error::Result;
use crate::screens::progress::{self, ChartPoint, GoalProgress};
use crate::screens::shared::shown_to_client;
use crate::screens::shared_words as sw;
use crate::screens::wellness::view as wellness_view;
use crate::screens::wellness_words as ww;
use crate::screens::Reader;
use crate::storage;
use crate::time::Day;
use crate::vault::WorkerSession;
use crate::words::{plain, say, word, Lang};

const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
  color: #1b1b1b; background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 44rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #2d6a4f; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
h4 { font-size: 1rem; margin: .75rem 0 .25rem; }
.made { color: #444; margin: 0; }
.goal, .part { border: 1px solid #ccc; border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0;
  break-inside: avoid; page-break-inside: avoid; }
.meta, .who { color: #444; font-size: .9rem; margin: 0; }
.sentence { font-size: .95rem; }
.words { white-space: pre-wrap; margin: .25rem 0; }
.empty { color: #666; font-style: italic; margin: 0; }
svg { width: 100%; max-width: 36rem; height: auto; display: block; }
ul { margin: .25rem 0; padding-inline-start: 1.25rem; }
@page { size: auto; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .goal, .part { border-color: #999; }
}
";

/// Escape a message for element content. The isolation marks Fluent puts around a placeable
/// (a name, a month) become `<bdi>`, HTML's own isolation, so an Arabic name in an English
/// sentence (or the other way round) keeps its direction in every browser and in print.
fn html(text: &str) -> String {
    escape(text)
        .replace('\u{2068}', "<bdi>")
        .replace('\u{2069}', "</bdi>")
}

/// A day, isolated and left to right, so a right-to-left page does not turn it round.
fn day_html(day: Day) -> String {
    format!("<bdi dir=\"ltr\">{day}</bdi>")
}

/// Escape text for element content and quoted attribute values alike.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const SVG_W: f64 = 560.0;
const SVG_H: f64 = 200.0;
const PAD_L: f64 = 36.0;
const PAD_R: f64 = 16.0;
const PAD_T: f64 = 12.0;
const PAD_B: f64 = 28.0;

/// The two rating lines and the review marks as an inline SVG, the sentence as its label. In a
/// right-to-left language time runs from right to left and the rating axis stands on the right;
/// the drawing itself is laid out left to right (`direction="ltr"`), so its anchors mean the same
/// in both and only the positions are mirrored.
fn svg(goal: &GoalProgress, lang: Lang) -> String {
    let rtl = lang.is_rtl();
    // A position measured from the reader's start side.
    let from_start = |x: f64| if rtl { SVG_W - x } else { x };
    let (start, end) = if rtl {
        ("end", "start")
    } else {
        ("start", "end")
    };
    let days: Vec<Day> = goal
        .client_series
        .iter()
        .chain(&goal.worker_series)
        .map(|p| p.on)
        .chain(goal.review_days.iter().copied())
        .collect();
    let (Some(first), Some(last)) = (days.iter().min().copied(), days.iter().max().copied()) else {
        return String::new();
    };
    let span = first.days_until(last).max(1) as f64;
    let x =
        |d: Day| from_start(PAD_L + (SVG_W - PAD_L - PAD_R) * first.days_until(d) as f64 / span);
    let y = |score: u8| {
        let min = f64::from(plan::SCORE_MIN);
        let max = f64::from(plan::SCORE_MAX);
        PAD_T + (SVG_H - PAD_T - PAD_B) * (max - f64::from(score)) / (max - min)
    };
    let (_, _, review) = ww::axes(lang);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SVG_W} {SVG_H}" direction="ltr" role="img" aria-label="{label}"><title>{label}</title>"#,
        label = escape(&plain(&goal.sentence))
    );
    // The rating axis: 1, 5 and 10, with light guide lines.
    for score in [1u8, 5, 10] {
        let _ = write!(
            s,
            r##"<line x1="{x1}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" font-size="11" text-anchor="{end}" fill="#444">{score}</text>"##,
            x1 = from_start(PAD_L),
            x2 = from_start(SVG_W - PAD_R),
            y = y(score),
            tx = from_start(PAD_L - 6.0),
            ty = y(score) + 4.0,
        );
    }
    for d in &goal.review_days {
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" x2="{x:.1}" y1="{PAD_T}" y2="{y2}" stroke="#7b2cbf" stroke-dasharray="2 3"><title>{t} {d}</title></line>"##,
            x = x(*d),
            y2 = SVG_H - PAD_B,
            t = escape(&review),
        );
    }
    let line = |s: &mut String, series: &[ChartPoint], colour: &str, dash: &str, who: &str| {
        if series.is_empty() {
            return;
        }
        let pts: Vec<String> = series
            .iter()
            .map(|p| format!("{:.1},{:.1}", x(p.on), y(p.score)))
            .collect();
        let _ = write!(
            s,
            r#"<polyline fill="none" stroke="{colour}" stroke-width="2.5" {dash} points="{}"/>"#,
            pts.join(" ")
        );
        for p in series {
            let _ = write!(
                s,
                r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{colour}"><title>{} {}: {}</title></circle>"#,
                x(p.on),
                y(p.score),
                escape(&plain(who)),
                p.on,
                p.score
            );
        }
    };
    line(
        &mut s,
        &goal.client_series,
        "#1b4332",
        "",
        &goal.client_label,
    );
    line(
        &mut s,
        &goal.worker_series,
        "#b5651d",
        r#"stroke-dasharray="6 4""#,
        &goal.worker_label,
    );
    // The time axis: its first and last months.
    let with_year = chrono::Datelike::year(&first.0) != chrono::Datelike::year(&last.0);
    for (d, anchor) in [(first, start), (last, end)] {
        let label = plain(&ww::month_of(lang, d, with_year));
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{}" font-size="11" text-anchor="{anchor}" fill="#444">{}</text>"##,
            x(d),
            SVG_H - 8.0,
            escape(&label)
        );
    }
    s.push_str("</svg>");
    // The legend, as text so it reads in any direction; the review mark only where there is one.
    let review = if goal.review_days.is_empty() {
        String::new()
    } else {
        format!(
            r#" &nbsp; <span style="color:#7b2cbf">&#9474; {}</span>"#,
            html(&review)
        )
    };
    let _ = write!(
        s,
        r#"<p class="meta"><span style="color:#1b4332">&#9679; {}</span> &nbsp; <span style="color:#b5651d">&#9679; {}</span>{review}</p>"#,
        html(&goal.client_label),
        html(&goal.worker_label),
    );
    s
}

/// The whole document for one client.
pub(crate) fn document(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
    client: &Client,
    today: Day,
) -> Result<String> {
    let lang = Reader::Client.lang(client);
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    let ratings = plan::ratings_of(conn, keys, &client.id)?;
    let reviews = storage::list_owned::<Review>(conn, keys, &client.id)?;
    let goals: Vec<plan::Goal> = plan::goals_of(conn, keys, &client.id)?
        .into_iter()
        .filter(shown_to_client)
        .collect();
    let wellness = wellness_view(
        client,
        wellness::current(conn, keys, &client.id)?.as_ref(),
        Reader::Client,
    );

    let title = say(
        lang,
        "copy-title",
        &[("name", client.preferred_name.as_str().into())],
    );
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{tp}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header><h1>{t}</h1><p class=\"made\">{made}</p></header>\n",
        lang = lang.tag(),
        tp = escape(&plain(&title)),
        t = html(&title),
        // A day reads left to right in every language (2026-11-30, never 30-11-2026).
        made = html(&say(lang, "copy-made", &[("day", today.to_string().into())]))
            .replace(&format!("<bdi>{today}</bdi>"), &day_html(today)),
    );

    let _ = writeln!(h, "<section><h2>{}</h2>", html(&word(lang, "copy-goals")));
    if goals.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"empty\">{}</p>",
            html(&word(lang, "copy-no-goals"))
        );
    }
    for goal in &goals {
        let picture = progress::goal_progress(lang, Reader::Client, goal, &ratings, &reviews);
        let _ = writeln!(
            h,
            "<article class=\"goal\"><h3 dir=\"auto\">{}</h3><p class=\"meta\">{} · {}</p>",
            escape(&goal.client_words),
            html(&sw::area(lang, goal.area)),
            html(&sw::status(lang, &goal.status)),
        );
        h.push_str(&svg(&picture, lang));
        let _ = writeln!(h, "<p class=\"sentence\">{}</p>", html(&picture.sentence));
        if !goal.steps.is_empty() {
            let _ = write!(h, "<h4>{}</h4><ul>", html(&word(lang, "copy-steps")));
            for step in &goal.steps {
                let done = if step.done_on.is_some() {
                    format!(" ({})", word(lang, "copy-step-done"))
                } else {
                    String::new()
                };
                let _ = write!(
                    h,
                    "<li dir=\"auto\">{}{}</li>",
                    escape(&step.text),
                    escape(&done)
                );
            }
            h.push_str("</ul>\n");
        }
        // The client's own words on their ratings; the worker's words on theirs stay in the vault.
        let mine: Vec<&plan::Rating> = plan::by_author(&ratings, &goal.id, Author::Client)
            .into_iter()
            .filter(|r| r.words.is_some())
            .collect();
        if !mine.is_empty() {
            let _ = write!(h, "<h4>{}</h4><ul>", html(&word(lang, "copy-my-words")));
            for r in mine {
                let _ = write!(
                    h,
                    "<li><span class=\"meta\">{} · {}</span> <span dir=\"auto\">{}</span></li>",
                    day_html(r.on),
                    html(&sw::said(lang, true, r.score)),
                    escape(r.words.as_deref().unwrap_or_default()),
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</article>\n");
    }
    h.push_str("</section>\n");

    let _ = writeln!(h, "<section><h2>{}</h2>", html(&wellness.title));
    for part in &wellness.sections {
        let _ = write!(h, "<div class=\"part\"><h3>{}</h3>", html(&part.heading));
        match &part.text {
            Some(text) => {
                let _ = write!(
                    h,
                    "<p class=\"words\" dir=\"auto\">{}</p><p class=\"who\">{}{}</p>",
                    escape(text),
                    html(&part.written_by_label),
                    part.written_on
                        .map(|d| format!(" · {d}"))
                        .unwrap_or_default(),
                );
            }
            None => {
                let _ = write!(h, "<p class=\"empty\">{}</p>", html(&part.written_by_label));
            }
        }
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n</body>\n</html>\n");
    Ok(h)
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The client's copy as one self-contained HTML document (their goals in their words, their
    /// ratings drawn as SVG, their wellness and crisis plan, in their language), for the share
    /// sheet. It leaves the vault unsealed: warn before sharing it.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn client_copy(&self, client_id: String, today: Day) -> Result<String> {
        self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            document(conn, keys, &client, today)
        })
    }
}
