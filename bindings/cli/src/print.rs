//! One printer per view model or record: how each looks in a terminal without `--json`. The words
//! are the core's (labels, summaries, reasons, the client's table of words); only the layout is
//! decided here. Ids are shown so the next command can name the record.

use alongside_core::Assessment;
use alongside_core::Client;
use alongside_core::{
    goal_status_label, status_label, CaseloadView, PlanScreen, RatingView, ReviewScreen, Trend,
};
use alongside_core::{plain, SharedScreen};
use alongside_core::{Activity, ActivityView, Scheduling};
use alongside_core::{Duty, DutyBalance, DutySuggestion};
use alongside_core::{FieldHints, LanguageHint};
use alongside_core::{Goal, Plan, Rating, Review, Step};

use crate::commands::plan::VersionShow;
use alongside_core::{EarlierRevision, PlanVersionSummary};
use alongside_core::{IncidentStatus, IncidentView};
use alongside_core::{NoteList, NoteStatus, NoteView};
use alongside_core::{ReferralView, Resource};
use alongside_core::{TimelinePage, TodayView, UnreadableRecord};
use std::io::{Result, Write};

use crate::commands::WithHistory;
/// A count in the CLI's words ("1 person", "2 people"), plural-correct through the core's
/// messages (`count-*` in labels.ftl). The CLI's own sentences are English.
pub fn count(id: &str, n: impl TryInto<i64>) -> String {
    let n = n.try_into().unwrap_or(i64::MAX);
    alongside_core::plain(&alongside_core::say(
        alongside_core::Lang::En,
        id,
        &[("count", n.into())],
    ))
}

use crate::parse::name_of;

type Out<'a> = &'a mut dyn Write;

/// A core name for a person to read: `not_enough_data` as "not enough data".
fn words_of<T: serde::Serialize>(value: &T) -> String {
    name_of(value).replace('_', " ")
}

fn duties(duties: &[Duty]) -> String {
    let labels: Vec<String> = duties.iter().map(|d| d.label()).collect();
    labels.join(", ")
}

fn line_if(w: Out, label: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(v) => writeln!(w, "  {label:<11} {v}"),
        None => Ok(()),
    }
}

fn check(done: bool) -> &'static str {
    if done {
        "[x]"
    } else {
        "[ ]"
    }
}

/// A record's earlier revisions, oldest first: the day each was replaced and what it said.
pub fn edits(w: Out, edits: &[EarlierRevision]) -> Result<()> {
    for e in edits {
        writeln!(w, "  {:<11} {}", "edited", plain(&e.summary))?;
    }
    Ok(())
}

/// A record with its printer, then its edit history.
pub fn with_history<T>(
    w: Out,
    v: &WithHistory<T>,
    printer: fn(Out, &T) -> Result<()>,
) -> Result<()> {
    printer(w, &v.record)?;
    edits(w, &v.edits)
}

/// The records a screen could not open, each with the core's sentence, after everything else.
pub fn unreadable(w: Out, records: &[UnreadableRecord]) -> Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "Could not be opened")?;
    for r in records {
        writeln!(w, "  {}", plain(&r.summary))?;
    }
    Ok(())
}

// --- The day and the caseload -------------------------------------------------------------------

pub fn today(w: Out, day: &TodayView) -> Result<()> {
    // The core passes the day; the CLI, like the phones, writes the date itself.
    writeln!(w, "{}  ·  {}", day.day.0.format("%A %-d %B"), day.summary)?;
    if !day.visits.is_empty() {
        writeln!(w)?;
        writeln!(w, "Visits")?;
        for v in &day.visits {
            let emergency = if v.emergency { "EMERGENCY  ·  " } else { "" };
            writeln!(
                w,
                "  {:<8} {}  ·  {emergency}{}  ·  {}",
                v.time_label, v.client_name, v.kind_label, v.status_label
            )?;
            if let Some(reason) = &v.cancel_reason {
                writeln!(w, "           cancelled: {reason}")?;
            }
            if let Some(purpose) = &v.purpose {
                writeln!(w, "           for: {purpose}")?;
            }
            if !v.duties.is_empty() {
                writeln!(w, "           {}", duties(&v.duties))?;
            }
        }
    }
    let follow_ups: Vec<_> = day
        .overdue_follow_ups
        .iter()
        .chain(&day.due_follow_ups)
        .collect();
    if !follow_ups.is_empty() {
        writeln!(w)?;
        writeln!(w, "Follow-ups")?;
        for f in follow_ups {
            writeln!(w, "  {}: {}  ({})", f.client_name, f.what, f.due_label)?;
        }
    }
    if !day.reviews_due.is_empty() {
        writeln!(w)?;
        writeln!(w, "Plan reviews")?;
        for r in &day.reviews_due {
            writeln!(w, "  {}: {}", r.client_name, r.due_label)?;
        }
    }
    if !day.open_incidents.is_empty() {
        writeln!(w)?;
        writeln!(w, "Open incidents")?;
        for i in &day.open_incidents {
            writeln!(
                w,
                "  {}: {} on {}  ({})",
                i.client_name, i.kind_label, i.occurred_on, i.status_label
            )?;
        }
    }
    if !day.referrals_to_follow_up.is_empty() {
        writeln!(w)?;
        writeln!(w, "Referrals to check on")?;
        for r in &day.referrals_to_follow_up {
            writeln!(
                w,
                "  {}: {}  ({})",
                r.client_name, r.resource_name, r.due_label
            )?;
        }
    }
    if !day.drafts_to_sign.is_empty() {
        writeln!(w)?;
        writeln!(w, "Notes to sign")?;
        for d in &day.drafts_to_sign {
            writeln!(
                w,
                "  {}: note on {}  ({})  ·  {}",
                d.client_name, d.on, d.age_label, d.note_id
            )?;
        }
    }
    crate::print_corner::today_corner(w, &day.corner)?;
    unreadable(w, &day.unreadable)
}

pub fn caseload(w: Out, screen: &CaseloadView) -> Result<()> {
    let rows = &screen.rows;
    let active = rows
        .iter()
        .filter(|r| matches!(r.status, alongside_core::ClientStatus::Active { .. }))
        .count();
    writeln!(
        w,
        "Caseload: {}, {} active",
        count("count-people", rows.len()),
        active
    )?;
    if rows.is_empty() {
        writeln!(w, "  No one yet.")?;
    }
    for row in rows {
        let pronouns = row
            .pronouns
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let due = match &row.next_due {
            Some(d) if d.overdue => format!("overdue since {}: {}", d.on, d.label),
            Some(d) => format!("next {}: {}", d.on, d.label),
            None => "nothing due".to_string(),
        };
        writeln!(
            w,
            "  {}{}  ·  {}  ·  {} active goals  ·  {}",
            row.preferred_name, pronouns, row.status_label, row.active_goals, due
        )?;
        writeln!(w, "      {}", row.client_id)?;
    }
    unreadable(w, &screen.unreadable)
}

pub fn timeline(w: Out, page: &TimelinePage) -> Result<()> {
    if page.items.is_empty() {
        writeln!(w, "Nothing on this page.")?;
    }
    for i in &page.items {
        let time = i.time.map(|t| t.to_string()).unwrap_or_default();
        writeln!(w, "{} {:<5}  {}", i.day, time, i.title)?;
        if let Some(detail) = &i.detail {
            writeln!(w, "                  {detail}")?;
        }
        writeln!(w, "                  {} {}", name_of(&i.kind), i.id)?;
    }
    unreadable(w, &page.unreadable)
}

// --- Clients, assessments, plans ----------------------------------------------------------------

pub fn client(w: Out, c: &Client) -> Result<()> {
    let pronouns = c
        .pronouns
        .as_deref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    writeln!(
        w,
        "{}{}  ·  {}",
        c.preferred_name,
        pronouns,
        status_label(&c.status)
    )?;
    writeln!(w, "  {:<11} {}", "id", c.id)?;
    line_if(w, "legal name", c.legal_name.as_deref())?;
    line_if(w, "language", c.language.as_deref())?;
    line_if(w, "culture", c.cultural_notes.as_deref())?;
    for k in &c.contacts {
        let mut s = k.name.clone();
        if let Some(r) = &k.relationship {
            s.push_str(&format!(" ({r})"));
        }
        if let Some(p) = &k.phone {
            s.push_str(&format!("  {p}"));
        }
        line_if(w, "contact", Some(&s))?;
    }
    for k in &c.consents {
        let until = k.until.map(|d| format!(" (until {d})")).unwrap_or_default();
        line_if(
            w,
            "consent",
            Some(&format!("{}: {}{until}", k.with_whom, k.what)),
        )?;
    }
    Ok(())
}

pub fn assessment(w: Out, a: &Assessment) -> Result<()> {
    writeln!(w, "Assessment on {}  ·  {}", a.on, a.id)?;
    line_if(w, "own words", a.client_words.as_deref())?;
    for area in &a.areas {
        writeln!(w, "  {}", area.area.label())?;
        line_if(w, "  needs", area.needs.as_deref())?;
        line_if(w, "  strengths", area.strengths.as_deref())?;
        for r in &area.risks {
            let risk = format!("{} ({})", r.description, name_of(&r.level));
            line_if(w, "  risk", Some(&risk))?;
        }
        line_if(w, "  own words", area.client_words.as_deref())?;
    }
    Ok(())
}

pub fn assessments(w: Out, all: &[Assessment]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "No assessments yet.");
    }
    all.iter().try_for_each(|a| assessment(w, a))
}

pub fn plan(w: Out, p: &Plan) -> Result<()> {
    writeln!(
        w,
        "Plan version {}, started {}, review due {}  ·  {}",
        p.version, p.started, p.review_due, p.id
    )
}

fn rating_view(who: &str, r: Option<&RatingView>, trend: Trend) -> Option<String> {
    let r = r?;
    let arrow = match trend {
        Trend::Up => " ↑",
        Trend::Same => " =",
        Trend::Down => " ↓",
        Trend::NotEnough => "",
    };
    let words = r
        .words
        .as_deref()
        .map(|s| format!(" “{s}”"))
        .unwrap_or_default();
    Some(format!("{who} {}/10{arrow} on {}{words}", r.score, r.on))
}

fn steps(w: Out, steps: &[Step]) -> Result<()> {
    for s in steps {
        let by = match (s.done_on, s.confirmed) {
            (Some(d), true) => format!("  done {d}"),
            (Some(d), false) => format!("  marked done {d} by the client, to confirm"),
            (None, _) => String::new(),
        };
        writeln!(w, "      {} {}{by}", check(s.done_on.is_some()), s.text)?;
        writeln!(w, "          step {}", s.id)?;
    }
    Ok(())
}

pub fn plan_screen(w: Out, p: &PlanScreen) -> Result<()> {
    let Some(plan) = &p.plan else {
        return writeln!(w, "No plan yet.");
    };
    let since = p.version_started.unwrap_or(plan.started);
    writeln!(
        w,
        "Plan version {}, since {since} (plan started {}), review due {}{}",
        plan.version,
        plan.started,
        plan.review_due,
        if p.review_overdue { " (overdue)" } else { "" }
    )?;
    if p.goals.is_empty() {
        writeln!(w, "  No goals yet.")?;
    }
    for g in &p.goals {
        let target = g
            .target_date
            .map(|d| format!("  ·  by {d}"))
            .unwrap_or_default();
        let hidden = if g.visible_to_client {
            ""
        } else {
            "  ·  not shown to the client"
        };
        writeln!(w)?;
        writeln!(w, "  “{}”", g.client_words)?;
        writeln!(
            w,
            "    {}  ·  {}{target}{hidden}",
            g.area_label, g.status_label
        )?;
        writeln!(w, "    goal {}", g.goal_id)?;
        line_if(w, "  step", g.worker_step.as_deref())?;
        line_if(w, "  measure", g.measure.as_deref())?;
        let ratings: Vec<String> = [
            rating_view("client", g.latest_client_rating.as_ref(), g.client_trend),
            rating_view("worker", g.latest_worker_rating.as_ref(), g.worker_trend),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !ratings.is_empty() {
            writeln!(w, "    {}", ratings.join("  ·  "))?;
        }
        if !g.steps.is_empty() {
            writeln!(
                w,
                "    steps: {} of {} done{}",
                g.steps_done,
                g.steps.len(),
                match g.steps_to_confirm {
                    0 => String::new(),
                    n => format!(", {n} to confirm"),
                }
            )?;
            steps(w, &g.steps)?;
        }
        for e in &g.edits {
            writeln!(w, "    {}", plain(&e.summary))?;
        }
    }
    if !p.versions.is_empty() {
        writeln!(w)?;
        writeln!(w, "Earlier versions")?;
        version_summaries(w, &p.versions)?;
    }
    if !p.client_entries.is_empty() {
        writeln!(w)?;
        writeln!(w, "In {}'s own words", p.preferred_name)?;
        for e in &p.client_entries {
            writeln!(w, "  {} ({}): {}", e.on, words_of(&e.kind), e.text)?;
        }
    }
    Ok(())
}

pub fn review_screen(w: Out, r: &ReviewScreen) -> Result<()> {
    writeln!(
        w,
        "Review of {}'s plan, version {}: due {} ({}), ratings since {}",
        r.preferred_name,
        r.plan.version,
        r.plan.review_due,
        count("count-days", r.days_until_due),
        r.since
    )?;
    for g in &r.goals {
        writeln!(w, "  “{}”  ·  {}", g.client_words, g.status_label)?;
        for (who, ratings, change) in [
            ("client", &g.client_ratings, g.client_change),
            ("worker", &g.worker_ratings, g.worker_change),
        ] {
            if ratings.is_empty() {
                continue;
            }
            let scores: Vec<String> = ratings.iter().map(|x| x.score.to_string()).collect();
            let change = change.map(|c| format!(" ({c:+})")).unwrap_or_default();
            writeln!(w, "    {who:<6} {}{change}", scores.join(" → "))?;
        }
    }
    if let Some(last) = &r.last_review {
        writeln!(
            w,
            "Last review {}: {} ({})",
            last.on, last.what_changed, last.why
        )?;
    }
    version_summaries(w, &r.versions)
}

/// Each earlier version of a plan with its review: the day, what changed and why.
pub fn version_summaries(w: Out, versions: &[PlanVersionSummary]) -> Result<()> {
    for v in versions {
        writeln!(w, "  {}, {}", v.label, count("count-goals", v.goals))?;
        if let Some(changed) = &v.what_changed {
            writeln!(w, "    changed: {changed}")?;
        }
        if let Some(why) = &v.why {
            writeln!(w, "    why:     {why}")?;
        }
    }
    Ok(())
}

pub fn review(w: Out, r: &Review) -> Result<()> {
    writeln!(
        w,
        "Review on {} closed plan version {}; next review due {}  ·  {}",
        r.on, r.plan_version, r.next_due, r.id
    )
}

pub fn plan_versions(w: Out, versions: &[VersionShow]) -> Result<()> {
    if versions.is_empty() {
        return writeln!(
            w,
            "No earlier versions: the plan has not been reviewed yet."
        );
    }
    for shown in versions {
        let v = &shown.version;
        let s = &shown.summary;
        writeln!(w, "Version {}: {} to {}", v.version, s.started, v.closed_on)?;
        if let Some(on) = s.reviewed_on {
            writeln!(w, "  reviewed   {on}")?;
        }
        line_if(w, "changed", s.what_changed.as_deref())?;
        line_if(w, "why", s.why.as_deref())?;
        for g in &v.goals {
            writeln!(
                w,
                "  “{}”  ·  {}",
                g.client_words,
                goal_status_label(&g.status)
            )?;
        }
    }
    Ok(())
}

pub fn goal(w: Out, g: &Goal) -> Result<()> {
    writeln!(
        w,
        "“{}”  ·  {}  ·  {}",
        g.client_words,
        g.area.label(),
        goal_status_label(&g.status)
    )?;
    writeln!(w, "    goal {}", g.id)?;
    steps(w, &g.steps)
}

pub fn rating(w: Out, r: &Rating) -> Result<()> {
    let words = r
        .words
        .as_deref()
        .map(|s| format!(": “{s}”"))
        .unwrap_or_default();
    writeln!(
        w,
        "{}/10 on {}, by the {}{words}  ·  {}",
        r.score,
        r.on,
        name_of(&r.by),
        r.id
    )
}

// --- Visits, duties, notes ----------------------------------------------------------------------

pub fn activity(w: Out, a: &Activity) -> Result<()> {
    let time = a.time.map(|t| t.to_string()).unwrap_or_default();
    writeln!(
        w,
        "{} {:<5}  {}  ·  {}  ·  {}",
        a.day,
        time,
        a.kind.label(),
        a.status.label(),
        duties(&a.duties)
    )?;
    if a.scheduling == Scheduling::Emergency {
        writeln!(w, "                  emergency")?;
    }
    if let Some(reason) = a.status.cancel_reason() {
        writeln!(w, "                  cancelled: {reason}")?;
    }
    if let Some(p) = &a.purpose {
        writeln!(w, "                  for: {p}")?;
    }
    writeln!(w, "                  visit {}", a.id)
}

pub fn activities(w: Out, all: &[Activity]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "No visits or activities yet.");
    }
    all.iter().try_for_each(|a| activity(w, a))
}

pub fn activity_view(w: Out, v: &ActivityView) -> Result<()> {
    let a = &v.activity;
    let time = a.time.map(|t| format!(" at {t}")).unwrap_or_default();
    writeln!(
        w,
        "{} with {}, {}{time}  ·  {}",
        v.kind_label, v.client_name, a.day, v.status_label
    )?;
    writeln!(w, "  {:<11} {}", "id", a.id)?;
    let scheduling = if v.emergency {
        "EMERGENCY".to_string()
    } else {
        v.scheduling_label.clone()
    };
    line_if(w, "scheduling", Some(&scheduling))?;
    line_if(w, "cancelled", v.cancel_reason.as_deref())?;
    line_if(w, "duties", Some(&v.duty_labels.join(", ")))?;
    line_if(w, "purpose", a.purpose.as_deref())?;
    field_hints(w, &v.purpose_hints)?;
    line_if(w, "place", a.place.as_deref())?;
    let minutes = a.duration_minutes.map(|m| format!("{m} minutes"));
    line_if(w, "duration", minutes.as_deref())?;
    for g in &v.goals {
        line_if(w, "goal", Some(&format!("“{}”", g.client_words)))?;
    }
    for f in &a.follow_ups {
        let done = f.done_on.map(|d| format!(", done {d}")).unwrap_or_default();
        writeln!(
            w,
            "  {} follow up: {} (due {}{done})",
            check(f.done_on.is_some()),
            f.what,
            f.due
        )?;
        writeln!(w, "        follow-up {}", f.id)?;
    }
    edits(w, &v.edits)?;
    if !v.suggestions.is_empty() {
        writeln!(w, "  Duties the words point to, not chosen:")?;
        suggestions(w, &v.suggestions)?;
    }
    for n in &v.notes {
        writeln!(w)?;
        note(w, n)?;
    }
    Ok(())
}

pub fn suggestions(w: Out, all: &[DutySuggestion]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "  No duty suggested by these words.");
    }
    for s in all {
        writeln!(w, "  {:<9} {}", s.label, s.reason)?;
        for t in &s.triggers {
            let place = t
                .note_id
                .as_deref()
                .map(|n| format!(" in note {n}"))
                .unwrap_or_default();
            writeln!(
                w,
                "            “{}” at {}-{}{place}",
                t.span.text, t.span.start, t.span.end
            )?;
        }
    }
    Ok(())
}

pub fn duty_balance(w: Out, b: &DutyBalance) -> Result<()> {
    writeln!(w, "{} to {}: {}", b.from, b.to, b.summary)?;
    if b.activities > 0 {
        for d in &b.duties {
            writeln!(
                w,
                "  {:<9} {:>3}  {:>3}%  {} ({:+} points)",
                d.label,
                d.count,
                d.percent,
                words_of(&d.trend),
                d.change_points
            )?;
        }
        writeln!(w, "  week of     educate empower advocate")?;
        for wk in &b.weeks {
            writeln!(
                w,
                "  {}  {:>7} {:>7} {:>8}",
                wk.week_start, wk.educate, wk.empower, wk.advocate
            )?;
        }
    }
    if let Some(hint) = &b.hint {
        writeln!(w)?;
        writeln!(w, "{}", hint.message)?;
    }
    Ok(())
}

pub fn hints(w: Out, hints: &[LanguageHint]) -> Result<()> {
    for h in hints {
        let instead: Vec<String> = h.suggestions.iter().map(|s| format!("“{s}”")).collect();
        writeln!(
            w,
            "  hint at {}-{}: “{}” -> {}  ({})",
            h.span.start,
            h.span.end,
            h.span.text,
            instead.join(" or "),
            h.why
        )?;
    }
    Ok(())
}

/// Hints on a record's free-text fields, each under the field it is in.
fn field_hints(w: Out, fields: &[FieldHints]) -> Result<()> {
    for f in fields {
        writeln!(w, "  in the {}:", f.field)?;
        hints(w, &f.hints)?;
    }
    Ok(())
}

pub fn note(w: Out, v: &NoteView) -> Result<()> {
    let n = &v.note;
    let status = match (&n.status, v.unsigned_days) {
        (NoteStatus::Draft, Some(days)) if days > 0 => format!("draft, unsigned for {days} d"),
        (NoteStatus::Draft, _) => "draft".to_string(),
        (NoteStatus::Signed { at }, _) => format!("signed {at}"),
    };
    writeln!(w, "Note on {}  ·  {status}  ·  {}", n.on, n.id)?;
    if let Some(a) = &n.activity_id {
        writeln!(w, "  on visit {a}")?;
    }
    for line in n.text.lines() {
        writeln!(w, "  | {line}")?;
    }
    hints(w, &v.hints)?;
    edits(w, &v.edits)?;
    for a in &v.addenda {
        writeln!(w, "  Addendum {} ({}): {}", a.written, a.reason, a.text)?;
        let own: Vec<FieldHints> = v
            .addendum_hints
            .iter()
            .filter(|f| f.record_id == a.id)
            .cloned()
            .collect();
        field_hints(w, &own)?;
    }
    Ok(())
}

pub fn notes(w: Out, list: &NoteList) -> Result<()> {
    if list.notes.is_empty() && list.unreadable.is_empty() {
        return writeln!(w, "No notes yet.");
    }
    for (i, n) in list.notes.iter().enumerate() {
        if i > 0 {
            writeln!(w)?;
        }
        note(w, n)?;
    }
    unreadable(w, &list.unreadable)
}

// --- Incidents, resources, referrals ------------------------------------------------------------

pub fn incident(w: Out, v: &IncidentView) -> Result<()> {
    let i = &v.incident;
    let at = i
        .occurred_at
        .map(|t| format!(" at {t}"))
        .unwrap_or_default();
    writeln!(
        w,
        "{} for {}, {}{at}  ·  {}",
        v.kind_label, v.client_name, i.occurred_on, v.status_label
    )?;
    writeln!(w, "  {:<11} {}", "id", i.id)?;
    for line in i.description.lines() {
        writeln!(w, "  | {line}")?;
    }
    field_hints(w, &v.description_hints)?;
    for r in &v.required {
        let done = r
            .done
            .as_ref()
            .map(|d| {
                let details = d
                    .details
                    .as_deref()
                    .map(|s| format!(": {s}"))
                    .unwrap_or_default();
                format!(" - {}, {}{details}", d.by, d.on)
            })
            .unwrap_or_default();
        writeln!(
            w,
            "  {} {}{done}  ({})",
            check(r.done.is_some()),
            r.label,
            name_of(&r.action)
        )?;
    }
    for r in v.recorded_actions.iter().filter(|r| !r.required) {
        let a = &r.action;
        let details = a
            .details
            .as_deref()
            .map(|s| format!(": {s}"))
            .unwrap_or_default();
        writeln!(
            w,
            "  [x] {} - {}, {}{details}  ({}, also done)",
            r.label,
            a.by,
            a.on,
            name_of(&a.action)
        )?;
    }
    for d in &v.donts {
        writeln!(w, "  ✗ {d}")?;
    }
    if let IncidentStatus::Closed {
        outcome: Some(o), ..
    } = &i.status
    {
        line_if(w, "outcome", Some(o))?;
    }
    edits(w, &v.edits)?;
    for c in &v.corrections {
        writeln!(w, "  Correction {} ({}): {}", c.on, c.reason, c.text)?;
        let own: Vec<FieldHints> = v
            .correction_hints
            .iter()
            .filter(|f| f.record_id == c.id)
            .cloned()
            .collect();
        field_hints(w, &own)?;
    }
    Ok(())
}

pub fn incidents(w: Out, all: &[IncidentView]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "No incidents.");
    }
    all.iter().try_for_each(|v| incident(w, v))
}

pub fn resource(w: Out, r: &Resource) -> Result<()> {
    writeln!(w, "{}  ·  {}  ·  {}", r.name, r.category.label(), r.id)?;
    line_if(w, "contact", r.contact.as_deref())?;
    line_if(w, "hours", r.hours.as_deref())?;
    if !r.languages.is_empty() {
        line_if(w, "languages", Some(&r.languages.join(", ")))?;
    }
    line_if(w, "notes", r.notes.as_deref())
}

pub fn resources(w: Out, all: &[Resource]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "The directory is empty.");
    }
    all.iter().try_for_each(|r| resource(w, r))
}

pub fn referral(w: Out, v: &ReferralView) -> Result<()> {
    let r = &v.referral;
    writeln!(
        w,
        "{} ({})  ·  {}  ·  {}",
        v.resource_name, v.category_label, v.status_label, r.id
    )?;
    line_if(w, "reason", r.reason.as_deref())?;
    let history: Vec<String> = r
        .history
        .iter()
        .map(|c| format!("{} {}", name_of(&c.status), c.on))
        .collect();
    line_if(w, "history", Some(&history.join(", ")))?;
    let due = r.follow_up_due.map(|d| d.to_string());
    line_if(w, "check on", due.as_deref())?;
    line_if(w, "outcome", r.outcome.as_deref())
}

pub fn referrals(w: Out, all: &[ReferralView]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "No referrals yet.");
    }
    all.iter().try_for_each(|v| referral(w, v))
}

// --- Shared mode --------------------------------------------------------------------------------

/// The client's screen: only what `SharedScreen` holds, in the client's words and language; no
/// ids, since the client sees none.
pub fn shared(w: Out, s: &SharedScreen) -> Result<()> {
    // The core's sentences isolate what they put in (the name, a score) with Unicode marks; a
    // terminal shows left-to-right text only, where the marks would print as U+FFFD.
    writeln!(w, "{}", plain(&s.greeting))?;
    for g in &s.goals {
        writeln!(w)?;
        writeln!(w, "“{}”", g.words)?;
        let target = g
            .target_date
            .map(|d| format!("  ·  {d}"))
            .unwrap_or_default();
        writeln!(w, "  {}  ·  {}{target}", g.area, g.status)?;
        for step in &g.steps {
            let note = step
                .note
                .as_deref()
                .map(|n| format!("  ({n})"))
                .unwrap_or_default();
            writeln!(w, "  {} {}{note}", check(step.done), step.text)?;
        }
        // Each side's latest rating in the client's words, the scores before it as a row of
        // numbers, and every rating that has the client's own words with them.
        for ratings in [&g.my_ratings, &g.worker_ratings] {
            let Some(latest) = ratings.last() else {
                continue;
            };
            let scores: Vec<String> = ratings.iter().map(|r| r.score.to_string()).collect();
            let history = if scores.len() > 1 {
                format!("  ({})", scores.join(" → "))
            } else {
                String::new()
            };
            writeln!(w, "  {}  ·  {}{history}", plain(&latest.said), latest.band)?;
            for r in ratings.iter() {
                if let Some(words) = &r.words {
                    writeln!(w, "    {}: “{words}”", r.on)?;
                }
            }
        }
        for e in &g.my_entries {
            writeln!(w, "  “{e}”")?;
        }
    }
    if !s.my_entries.is_empty() {
        writeln!(w)?;
        for e in &s.my_entries {
            writeln!(w, "“{e}”")?;
        }
    }
    if !s.upcoming_visits.is_empty() {
        writeln!(w)?;
        let visits: Vec<String> = s
            .upcoming_visits
            .iter()
            .map(|v| match v.time {
                Some(t) => format!("{} {t}", v.on),
                None => v.on.to_string(),
            })
            .collect();
        writeln!(w, "{}: {}", s.next_visits_label, visits.join(", "))?;
    }
    Ok(())
}
