//! Printers for the worker's own corner: debriefs, supervision, certifications, the corner screen
//! and its part of the day's view. The words are the core's; Fluent's isolation marks are taken
//! out for the terminal.

use alongside_core::{
    plain, Certification, CornerScreen, CornerSettings, Debrief, SupervisionSession, TodayCorner,
};
use std::io::{Result, Write};

type Out<'a> = &'a mut dyn Write;

pub fn done(w: Out, _: &serde_json::Value) -> Result<()> {
    writeln!(w, "Done.")
}

pub fn debrief(w: Out, d: &Debrief) -> Result<()> {
    writeln!(
        w,
        "{}  {}  {}/10  ({})",
        d.id,
        d.day,
        d.score,
        words(&d.occasion)
    )?;
    for (label, v) in [
        ("words", &d.words),
        ("helped", &d.what_helped),
        ("for me", &d.for_myself),
    ] {
        if let Some(v) = v {
            writeln!(w, "  {label:<8} {v}")?;
        }
    }
    if let Some(b) = d.took_break {
        writeln!(w, "  break    {}", if b { "yes" } else { "no" })?;
    }
    if d.share_with_supervisor {
        writeln!(
            w,
            "  marked to share with your supervisor (sent once team sync exists)"
        )?;
    }
    Ok(())
}

pub fn debriefs(w: Out, all: &[Debrief]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "No debriefs yet.");
    }
    for d in all {
        debrief(w, d)?;
    }
    Ok(())
}

fn words<T: serde::Serialize>(value: &T) -> String {
    crate::parse::name_of(value).replace('_', " ")
}

pub fn supervision(w: Out, s: &SupervisionSession) -> Result<()> {
    writeln!(
        w,
        "{}  {}  with {}  ({})",
        s.id,
        s.day,
        s.with_whom,
        if s.held { "held" } else { "planned" }
    )?;
    for t in &s.topics {
        writeln!(w, "  topic    {t}")?;
    }
    if let Some(n) = &s.notes {
        writeln!(w, "  notes    {n}")?;
    }
    for a in &s.actions {
        let due = a.due.map(|d| format!(" (due {d})")).unwrap_or_default();
        let mark = if a.done_on.is_some() { "[x]" } else { "[ ]" };
        writeln!(w, "  {mark} {}{due}  {}", a.what, a.id)?;
    }
    Ok(())
}

pub fn supervisions(w: Out, all: &[SupervisionSession]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "No supervision sessions yet.");
    }
    for s in all {
        supervision(w, s)?;
    }
    Ok(())
}

pub fn certification(w: Out, c: &Certification) -> Result<()> {
    let expires = c
        .expires
        .map_or_else(|| "does not expire".to_string(), |d| format!("expires {d}"));
    writeln!(w, "{}  {}  ({expires})", c.id, c.name)?;
    if let Some(n) = &c.notes {
        writeln!(w, "  {n}")?;
    }
    Ok(())
}

pub fn certifications(w: Out, all: &[Certification]) -> Result<()> {
    if all.is_empty() {
        return writeln!(w, "No certifications yet.");
    }
    for c in all {
        certification(w, c)?;
    }
    Ok(())
}

pub fn corner_settings(w: Out, s: &CornerSettings) -> Result<()> {
    match &s.working_hours {
        Some(h) => {
            let days: Vec<String> = h.days.iter().map(u32::to_string).collect();
            writeln!(
                w,
                "Working hours: days {} from {} to {}",
                days.join(","),
                h.start,
                h.end
            )?;
        }
        None => writeln!(w, "Working hours: not set")?,
    }
    writeln!(
        w,
        "Certifications show {} days before they expire",
        s.certification_notice_days
    )?;
    let t = &s.heavy_week;
    writeln!(
        w,
        "Heavy week at: {} crisis responses, {} incidents, {} emergency visits, {} late finishes, \
         {} days without a break, {} heavy debriefs (0: left out)",
        t.crisis_responses,
        t.incidents,
        t.emergency_visits,
        t.late_finishes,
        t.days_without_break,
        t.heavy_debriefs
    )
}

fn heavy_week(w: Out, h: &alongside_core::HeavyWeek) -> Result<()> {
    writeln!(w)?;
    writeln!(w, "{}  ({})", plain(&h.title), h.week)?;
    writeln!(w, "  {}", plain(&h.intro))?;
    for r in &h.reasons {
        writeln!(w, "  - {}", plain(&r.label))?;
    }
    for s in &h.suggestions {
        match &s.contact {
            Some(c) => writeln!(w, "  > {}  {c}", plain(&s.label))?,
            None => writeln!(w, "  > {}", plain(&s.label))?,
        }
    }
    writeln!(
        w,
        "  ({}: alongside corner dismiss-week)",
        plain(&h.dismiss_label)
    )
}

pub fn corner(w: Out, c: &CornerScreen) -> Result<()> {
    writeln!(w, "{}  ·  {}", plain(&c.words.title), c.day)?;
    writeln!(w, "{}", plain(&c.words.privacy))?;
    if let Some(l) = &c.duty_label {
        writeln!(w, "{}", plain(l))?;
    }
    if let Some(h) = &c.heavy_week {
        heavy_week(w, h)?;
    }
    writeln!(w)?;
    writeln!(w, "{}", plain(&c.words.debrief))?;
    for d in &c.recent_debriefs {
        writeln!(
            w,
            "  {}  {}  ·  {}",
            d.debrief.day,
            plain(&d.occasion_label),
            plain(&d.score_label)
        )?;
    }
    writeln!(w)?;
    writeln!(w, "{}", plain(&c.words.supervision))?;
    writeln!(w, "  {}", plain(&c.supervision_label))?;
    for a in &c.open_actions {
        writeln!(w, "  [ ] {}  ({})", a.action.what, plain(&a.due_label))?;
    }
    writeln!(w, "  {}", plain(&c.words.supervision_request_note))?;
    if !c.certifications.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}", plain(&c.words.certifications))?;
        for r in &c.certifications {
            writeln!(w, "  {}  {}", r.certification.name, plain(&r.expiry_label))?;
        }
    }
    Ok(())
}

/// The corner's part of the day's view.
pub fn today_corner(w: Out, c: &TodayCorner) -> Result<()> {
    if let Some(l) = &c.off_duty_label {
        writeln!(w)?;
        writeln!(w, "{}", plain(l))?;
    }
    if !c.supervision_actions.is_empty() {
        writeln!(w)?;
        writeln!(w, "Supervision actions")?;
        for a in &c.supervision_actions {
            writeln!(w, "  {}  ({})", a.action.what, plain(&a.due_label))?;
        }
    }
    if !c.certifications_expiring.is_empty() {
        writeln!(w)?;
        writeln!(w, "Certifications")?;
        for r in &c.certifications_expiring {
            writeln!(
                w,
                "  {}  ({})",
                r.certification.name,
                plain(&r.expiry_label)
            )?;
        }
    }
    if let Some(h) = &c.heavy_week {
        heavy_week(w, h)?;
    }
    Ok(())
}
