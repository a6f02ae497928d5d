//! "My corner": the worker's own screen (debriefs, the heavy-week signal, supervision,
//! certifications, whether they are on duty), and the part of it the day's view shows. Everything
//! here is worded in the worker's language; nothing here is about a client, and no shared-mode
//! call reaches it.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::Keys;
use crate::domain::referral::{Resource, ResourceCategory};
use crate::domain::worker::certification::{self, Certification};
use crate::domain::worker::debrief::{self, Debrief, DebriefOccasion};
use crate::domain::worker::settings::{self, iso_week, CornerSettings};
use crate::domain::worker::supervision::{self, SupervisionAction, SupervisionSession};
use crate::error::Result;
use crate::rules::heavy_week::{self, HeavyReasonKind};
use crate::screens::corner_words::{form_words, CornerFormWords};
use crate::screens::{unreadable, UnreadableRecord};
use crate::storage;
use crate::time::{ClockTime, Day};
use crate::vault::WorkerSession;
use crate::words::{say, word, Choice, Lang};

/// How many recent debriefs the corner lists.
const RECENT_DEBRIEFS: usize = 7;

/// One reason the week looks heavy, with its count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct HeavyReason {
    /// What was counted.
    pub kind: HeavyReasonKind,
    /// How many this week.
    pub count: u32,
    /// "3 crisis responses".
    pub label: String,
}

/// What a suggestion offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SuggestionKind {
    /// Take a break.
    Break,
    /// Debrief with a colleague.
    ColleagueDebrief,
    /// Book supervision.
    BookSupervision,
    /// Call the agency's employee assistance line.
    EmployeeAssistance,
}

/// One suggestion, in respectful words; the assistance line carries its contact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CornerSuggestion {
    /// What it offers.
    pub kind: SuggestionKind,
    /// The words to show.
    pub label: String,
    /// How to reach it (the assistance line's contact), if it has one.
    pub contact: Option<String>,
}

/// The heavy-week signal for one ISO week, with its reasons and suggestions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct HeavyWeek {
    /// The ISO week ("2026-W49").
    pub week: String,
    /// The Monday it starts on.
    pub week_start: Day,
    /// "This has been a heavy week".
    pub title: String,
    /// The opening line, before the reasons.
    pub intro: String,
    /// Each count that reached its threshold.
    pub reasons: Vec<HeavyReason>,
    /// What might help.
    pub suggestions: Vec<CornerSuggestion>,
    /// The dismiss button ("Not now: hide for this week").
    pub dismiss_label: String,
}

/// A debrief as the corner lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct DebriefRow {
    /// The debrief.
    pub debrief: Debrief,
    /// "End of the day".
    pub occasion_label: String,
    /// "6 out of 10".
    pub score_label: String,
    /// Shown when it is marked to share with the supervisor (nothing is sent until sync).
    pub share_label: Option<String>,
}

/// An agreed supervision action still open, with when it is due.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CornerAction {
    /// The session it was agreed in, for `set_supervision_action_done`.
    pub session_id: String,
    /// The action.
    pub action: SupervisionAction,
    /// "Due today", "Due 2026-12-09", "2 days overdue", or "No due day".
    pub due_label: String,
}

/// A certification with how soon it runs out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CertificationRow {
    /// The certification.
    pub certification: Certification,
    /// "Expires in 12 days", "Expired 3 days ago", "Does not expire".
    pub expiry_label: String,
    /// Whether it expires within the notice (or has expired).
    pub needs_renewal: bool,
}

/// The headings and buttons of the corner and the debrief form, in the worker's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CornerWords {
    /// "My corner".
    pub title: String,
    /// "Only you can read what is here...".
    pub privacy: String,
    /// "Debrief".
    pub debrief: String,
    /// "How did today sit with you, from 1 to 10?".
    pub debrief_question: String,
    /// "In my own words".
    pub debrief_words: String,
    /// "What helped".
    pub what_helped: String,
    /// "What I will do for myself".
    pub for_myself: String,
    /// "Did you have a break?".
    pub took_break: String,
    /// "Share this entry with my supervisor".
    pub share_with_supervisor: String,
    /// What sharing does today (nothing is sent until team sync exists).
    pub share_note: String,
    /// "Supervision".
    pub supervision: String,
    /// Why the app cannot yet send a request to the supervisor.
    pub supervision_request_note: String,
    /// "Certifications".
    pub certifications: String,
    /// "Save".
    pub save: String,
}

/// The worker's own screen in one call.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CornerScreen {
    /// The day shown.
    pub day: Day,
    /// Whether the worker is off duty now (working hours set, and outside them).
    pub off_duty: bool,
    /// "You are off duty..." or "On duty until 17:00"; none without working hours.
    pub duty_label: Option<String>,
    /// The heavy-week signal for this week, unless the week is light or the worker dismissed it.
    pub heavy_week: Option<HeavyWeek>,
    /// The latest debriefs, newest first.
    pub recent_debriefs: Vec<DebriefRow>,
    /// The debrief form's occasions.
    pub occasions: Vec<Choice>,
    /// The debrief form's scale, 1 to 10, each worded.
    pub score_scale: Vec<Choice>,
    /// The next planned supervision session, if any.
    pub next_supervision: Option<SupervisionSession>,
    /// "Next session: 2026-12-09 with Sam", or a gentle nudge to book one.
    pub supervision_label: String,
    /// Agreed actions still open, the soonest due first.
    pub open_actions: Vec<CornerAction>,
    /// Every certification, soonest expiry first.
    pub certifications: Vec<CertificationRow>,
    /// The corner's words.
    pub words: CornerWords,
    /// The words of the corner's forms (debrief, supervision, certification, settings).
    pub form_words: CornerFormWords,
    /// Records the corner draws on that could not be opened, listed apart from the rest.
    pub unreadable: Vec<UnreadableRecord>,
}

/// What Today shows of the corner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TodayCorner {
    /// Whether the worker is off duty now: Today then shows no reminders.
    pub off_duty: bool,
    /// "You are off duty..." when off duty.
    pub off_duty_label: Option<String>,
    /// Supervision actions due by the day (none when off duty).
    pub supervision_actions: Vec<CornerAction>,
    /// Certifications expiring within the notice (none when off duty).
    pub certifications_expiring: Vec<CertificationRow>,
    /// The heavy-week signal, if the week is heavy and not dismissed (none when off duty).
    pub heavy_week: Option<HeavyWeek>,
}

fn occasion_label(lang: Lang, o: DebriefOccasion) -> String {
    word(
        lang,
        match o {
            DebriefOccasion::EndOfDay => "corner-occasion-end-of-day",
            DebriefOccasion::AfterCrisis => "corner-occasion-after-crisis",
            DebriefOccasion::AfterIncident => "corner-occasion-after-incident",
        },
    )
}

fn occasion_value(o: DebriefOccasion) -> &'static str {
    match o {
        DebriefOccasion::EndOfDay => "end_of_day",
        DebriefOccasion::AfterCrisis => "after_crisis",
        DebriefOccasion::AfterIncident => "after_incident",
    }
}

fn reason_label(lang: Lang, kind: HeavyReasonKind, count: u32) -> String {
    let id = match kind {
        HeavyReasonKind::CrisisResponses => "corner-reason-crisis",
        HeavyReasonKind::Incidents => "corner-reason-incidents",
        HeavyReasonKind::EmergencyVisits => "corner-reason-emergency",
        HeavyReasonKind::LateFinishes => "corner-reason-late",
        HeavyReasonKind::DaysWithoutBreak => "corner-reason-no-break",
        HeavyReasonKind::HeavyDebriefs => "corner-reason-heavy-debriefs",
    };
    say(lang, id, &[("count", count.into())])
}

fn due_label(lang: Lang, due: Option<Day>, day: Day) -> String {
    match due.map(|d| d.days_until(day)) {
        None => word(lang, "corner-action-no-due"),
        Some(0) => word(lang, "corner-action-due-today"),
        Some(n) if n > 0 => say(lang, "corner-action-overdue", &[("count", n.into())]),
        Some(_) => say(
            lang,
            "corner-action-due",
            &[("day", due.map(|d| d.to_string()).unwrap_or_default().into())],
        ),
    }
}

fn certification_row(lang: Lang, c: Certification, day: Day, notice: u32) -> CertificationRow {
    let days = c.expires.map(|e| day.days_until(e));
    let expiry_label = match days {
        None => word(lang, "corner-cert-no-expiry"),
        Some(0) => word(lang, "corner-cert-expires-today"),
        Some(n) if n < 0 => say(lang, "corner-cert-expired", &[("count", (-n).into())]),
        Some(n) => say(lang, "corner-cert-expires-in", &[("count", n.into())]),
    };
    CertificationRow {
        needs_renewal: days.is_some_and(|n| n <= i64::from(notice)),
        certification: c,
        expiry_label,
    }
}

fn duty_label(
    lang: Lang,
    s: &CornerSettings,
    day: Day,
    now: Option<ClockTime>,
) -> (bool, Option<String>) {
    match (&s.working_hours, now) {
        (Some(h), Some(now)) if !h.on_duty(day, now) => (true, Some(word(lang, "corner-off-duty"))),
        (Some(h), Some(_)) => (
            false,
            Some(say(
                lang,
                "corner-on-duty",
                &[("end", h.end.to_string().into())],
            )),
        ),
        _ => (false, None),
    }
}

fn heavy_week_card(
    conn: &Connection,
    keys: &Keys,
    lang: Lang,
    day: Day,
    stored: &settings::StoredCorner,
    indexed: bool,
    resources: Option<&[Resource]>,
) -> Result<Option<HeavyWeek>> {
    let week = iso_week(day);
    if stored.dismissed_weeks.contains(&week) {
        return Ok(None);
    }
    let load = heavy_week::week_load(
        conn,
        keys,
        day,
        stored.settings.working_hours.as_ref(),
        indexed,
    )?;
    let reasons = load.reasons(&stored.settings.heavy_week);
    if reasons.is_empty() {
        return Ok(None);
    }
    let mut suggestions = vec![
        (SuggestionKind::Break, "corner-suggest-break"),
        (SuggestionKind::ColleagueDebrief, "corner-suggest-colleague"),
        (
            SuggestionKind::BookSupervision,
            "corner-suggest-supervision",
        ),
    ]
    .into_iter()
    .map(|(kind, id)| CornerSuggestion {
        kind,
        label: word(lang, id),
        contact: None,
    })
    .collect::<Vec<_>>();
    let listed;
    let resources = match resources {
        Some(r) => r,
        None => {
            listed = storage::list::<Resource>(conn, keys)?;
            &listed
        }
    };
    let mut lines = resources
        .iter()
        .filter(|r| r.category == ResourceCategory::EmployeeAssistance)
        .collect::<Vec<_>>();
    lines.sort_by_cached_key(|r| r.name.to_lowercase());
    if let Some(line) = lines.into_iter().next() {
        suggestions.push(CornerSuggestion {
            kind: SuggestionKind::EmployeeAssistance,
            label: say(
                lang,
                "corner-suggest-eap",
                &[("name", line.name.as_str().into())],
            ),
            contact: line.contact.clone(),
        });
    }
    Ok(Some(HeavyWeek {
        week,
        week_start: load.monday,
        title: word(lang, "corner-heavy-title"),
        intro: word(lang, "corner-heavy-intro"),
        reasons: reasons
            .into_iter()
            .map(|(kind, count)| HeavyReason {
                kind,
                count,
                label: reason_label(lang, kind, count),
            })
            .collect(),
        suggestions,
        dismiss_label: word(lang, "corner-heavy-dismiss"),
    }))
}

fn open_actions(
    lang: Lang,
    sessions: &[SupervisionSession],
    day: Day,
    due_by: Option<Day>,
) -> Vec<CornerAction> {
    let mut out: Vec<CornerAction> = sessions
        .iter()
        .flat_map(|s| s.actions.iter().map(move |a| (s, a)))
        .filter(|(_, a)| a.done_on.is_none())
        .filter(|(_, a)| due_by.is_none_or(|by| a.due.is_some_and(|d| d <= by)))
        .map(|(s, a)| CornerAction {
            session_id: s.id.clone(),
            due_label: due_label(lang, a.due, day),
            action: a.clone(),
        })
        .collect();
    out.sort_by_cached_key(|a| (a.action.due.is_none(), a.action.due, a.action.id.clone()));
    out
}

/// What Today shows of the corner on `day` at `now` (none: the time is not known, so on duty).
pub(crate) fn today_corner(
    conn: &Connection,
    keys: &Keys,
    lang: Lang,
    day: Day,
    now: Option<ClockTime>,
    indexed: bool,
    resources: &[Resource],
) -> Result<TodayCorner> {
    let stored = settings::stored(conn, keys)?;
    let (off_duty, label) = duty_label(lang, &stored.settings, day, now);
    if off_duty {
        return Ok(TodayCorner {
            off_duty,
            off_duty_label: label,
            ..TodayCorner::default()
        });
    }
    let notice = stored.settings.certification_notice_days;
    let certifications_expiring = certification::all(conn, keys)?
        .into_iter()
        .map(|c| certification_row(lang, c, day, notice))
        .filter(|r| r.needs_renewal)
        .collect::<Vec<_>>();
    let mut certifications_expiring = certifications_expiring;
    certifications_expiring.sort_by_cached_key(|r| r.certification.expires);
    Ok(TodayCorner {
        off_duty,
        off_duty_label: None,
        supervision_actions: open_actions(lang, &supervision::all(conn, keys)?, day, Some(day)),
        certifications_expiring,
        heavy_week: heavy_week_card(conn, keys, lang, day, &stored, indexed, Some(resources))?,
    })
}

fn corner_words(lang: Lang) -> CornerWords {
    CornerWords {
        title: word(lang, "corner-title"),
        privacy: word(lang, "corner-privacy"),
        debrief: word(lang, "corner-debrief"),
        debrief_question: word(lang, "corner-debrief-question"),
        debrief_words: word(lang, "corner-debrief-words"),
        what_helped: word(lang, "corner-debrief-helped"),
        for_myself: word(lang, "corner-debrief-for-myself"),
        took_break: word(lang, "corner-debrief-break"),
        share_with_supervisor: word(lang, "corner-debrief-share"),
        share_note: word(lang, "corner-debrief-share-note"),
        supervision: word(lang, "corner-supervision"),
        supervision_request_note: word(lang, "corner-supervision-request-note"),
        certifications: word(lang, "corner-certifications"),
        save: word(lang, "corner-save"),
    }
}

fn corner_screen(
    conn: &Connection,
    keys: &Keys,
    lang: Lang,
    day: Day,
    now: Option<ClockTime>,
    indexed: bool,
) -> Result<CornerScreen> {
    let stored = settings::stored(conn, keys)?;
    let (off_duty, duty_label) = duty_label(lang, &stored.settings, day, now);
    let mut debriefs = debrief::all(conn, keys)?;
    debriefs.sort_by_key(|d| std::cmp::Reverse((d.day, d.recorded)));
    let recent_debriefs = debriefs
        .into_iter()
        .take(RECENT_DEBRIEFS)
        .map(|d| DebriefRow {
            occasion_label: occasion_label(lang, d.occasion),
            score_label: say(lang, "corner-score", &[("score", d.score.into())]),
            share_label: d
                .share_with_supervisor
                .then(|| word(lang, "corner-debrief-shared")),
            debrief: d,
        })
        .collect();
    let sessions = supervision::all(conn, keys)?;
    let next_supervision = sessions
        .iter()
        .filter(|s| !s.held && s.day >= day)
        .min_by_key(|s| s.day)
        .cloned();
    let supervision_label = match &next_supervision {
        Some(s) => say(
            lang,
            "corner-supervision-next",
            &[
                ("day", s.day.to_string().into()),
                ("name", s.with_whom.clone().into()),
            ],
        ),
        None => word(lang, "corner-supervision-none"),
    };
    let notice = stored.settings.certification_notice_days;
    let mut certifications: Vec<CertificationRow> = certification::all(conn, keys)?
        .into_iter()
        .map(|c| certification_row(lang, c, day, notice))
        .collect();
    certifications.sort_by_cached_key(|r| {
        (
            r.certification.expires.is_none(),
            r.certification.expires,
            r.certification.name.to_lowercase(),
        )
    });
    Ok(CornerScreen {
        day,
        off_duty,
        duty_label,
        heavy_week: heavy_week_card(conn, keys, lang, day, &stored, indexed, None)?,
        recent_debriefs,
        occasions: DebriefOccasion::ALL
            .iter()
            .map(|o| Choice::new(occasion_value(*o), occasion_label(lang, *o)))
            .collect(),
        score_scale: (1u8..=10)
            .map(|n| {
                Choice::new(
                    n.to_string(),
                    say(lang, "corner-score", &[("score", n.into())]),
                )
            })
            .collect(),
        next_supervision,
        supervision_label,
        open_actions: open_actions(lang, &sessions, day, None),
        certifications,
        words: corner_words(lang),
        form_words: form_words(lang),
        unreadable: Vec::new(),
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The worker's own screen ("My corner") on `day`, in `lang`. `now` is the time of day, to
    /// say whether the worker is off duty (none: not said).
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn corner(&self, day: Day, now: Option<ClockTime>, lang: Lang) -> Result<CornerScreen> {
        self.with(|conn, keys| {
            let indexed = heavy_week::indexed(conn, keys)?;
            let (mut screen, left_out) =
                storage::tolerant(|| corner_screen(conn, keys, lang, day, now, indexed))?;
            screen.unreadable = unreadable(left_out);
            Ok(screen)
        })
    }

    /// The heavy-week signal for the week `day` falls in, in `lang`: none when the week is
    /// light or the worker dismissed it (`dismiss_heavy_week`).
    /// Fails with `Invalid` (the field and its rule), and the errors every call has (see
    /// `WorkerSession`).
    pub fn heavy_week(&self, day: Day, lang: Lang) -> Result<Option<HeavyWeek>> {
        self.with(|conn, keys| {
            let indexed = heavy_week::indexed(conn, keys)?;
            let stored = settings::stored(conn, keys)?;
            heavy_week_card(conn, keys, lang, day, &stored, indexed, None)
        })
    }
}
