//! A client's timeline: everything that happened with them, newest first, one page at a time.
//! Each row says what to open when tapped; wording and order are decided here so both phones
//! say and sort the same.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::mem::{discriminant, Discriminant};

use crate::crypto::Keys;
use crate::domain::activity::{Activity, ActivityKind, ActivityStatus, Scheduling};
use crate::domain::client::{self, Client};
use crate::domain::duty::Duty;
use crate::domain::incident::{Incident, IncidentStatus};
use crate::domain::note::{self, Note, NoteStatus};
use crate::domain::plan::{self, Author, Rating, Review};
use crate::domain::referral::{self, Referral};
use crate::error::Result;
use crate::screens::{unreadable, UnreadableRecord};
use crate::storage::{self, Record};
use crate::time::{ClockTime, Day, Timestamp};
use crate::validate;
use crate::vault::WorkerSession;
use crate::words::{say, word, worker_lang, Arg};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
/// What a timeline row is, so the screen knows what to open when it is tapped.
pub enum TimelineKind {
    /// An activity: open it with `activity_view`.
    Activity,
    /// A note: open it with `note`.
    Note,
    /// An incident: open it with `incident`.
    Incident,
    /// A referral: open it with `referral`.
    Referral,
    /// A rating of a goal.
    Rating,
    /// A plan review.
    Review,
}

/// One row of a client's timeline; `kind` and `id` say what to open when it is tapped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TimelineItem {
    /// What the row is: says which call opens it.
    pub kind: TimelineKind,
    /// The record to open.
    pub id: String,
    /// The day it happened.
    pub day: Day,
    /// The time of day, if one was set.
    pub time: Option<ClockTime>,
    /// The row's title.
    pub title: String,
    /// A line under the title (a snippet, an outcome), if any.
    pub detail: Option<String>,
    /// For activities; empty otherwise.
    pub duties: Vec<Duty>,
}

/// One page of a client's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct TimelinePage {
    /// The page's rows, newest first.
    pub items: Vec<TimelineItem>,
    /// The page's records that could not be opened (every record of the client's, when the page
    /// was built without the index): a damaged record is listed here and never hides the rest.
    pub unreadable: Vec<UnreadableRecord>,
}

/// The longest page of a timeline.
pub const TIMELINE_PAGE_MAX: u32 = 200;
const SNIPPET_CHARS: usize = 140;

fn snippet(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if line.chars().count() <= SNIPPET_CHARS {
        line.to_string()
    } else {
        let cut: String = line.chars().take(SNIPPET_CHARS - 1).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

type Placed = (TimelineItem, Timestamp);

/// Each value worded once, then reused: the first row with a key words it.
struct Memo<K, V>(Vec<(K, V)>);

impl<K: PartialEq, V: Clone> Memo<K, V> {
    fn get(&mut self, key: K, word: impl FnOnce(&K) -> V) -> V {
        if let Some((_, v)) = self.0.iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let v = word(&key);
        self.0.push((key, v.clone()));
        v
    }
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(Vec::new())
    }
}

/// A visit's title says its kind, duties and flags, nothing of its own.
type ActivityTitle = (ActivityKind, Vec<Duty>, bool, Discriminant<ActivityStatus>);

/// The titles one page words, each once: most rows share theirs with many others (a week's
/// visits, a goal's ratings), and wording a title through Fluent cost a third as much as opening
/// its record. Built for one call and dropped with it.
#[derive(Default)]
struct Titles {
    activities: Memo<ActivityTitle, String>,
    notes: Memo<(bool, usize), String>,
    ratings: Memo<(Author, u8), String>,
}

fn activity_title(a: &Activity) -> String {
    let lang = worker_lang();
    let duties: Vec<String> = a.duties.iter().map(|d| d.label()).collect();
    let kind = ("kind", Arg::from(a.kind.label()));
    let duties = ("duties", Arg::from(duties.join(", ")));
    let mut flags = Vec::new();
    if a.scheduling == Scheduling::Emergency {
        flags.push(a.scheduling.label().to_lowercase());
    }
    if a.status != ActivityStatus::Done {
        flags.push(a.status.label().to_lowercase());
    }
    if flags.is_empty() {
        say(lang, "timeline-activity", &[kind, duties])
    } else {
        let status = ("status", Arg::from(flags.join(", ")));
        say(lang, "timeline-activity-status", &[kind, duties, status])
    }
}

fn activity_item(a: Activity, titles: &mut Titles) -> Placed {
    let lang = worker_lang();
    let key = (
        a.kind,
        a.duties.clone(),
        a.scheduling == Scheduling::Emergency,
        discriminant(&a.status),
    );
    let title = titles.activities.get(key, |_| activity_title(&a));
    // A cancelled visit says why first: that is what the worker looks for later.
    let detail = match a.status.cancel_reason() {
        Some(reason) => Some(say(
            lang,
            "timeline-cancelled",
            &[("reason", Arg::from(snippet(reason)))],
        )),
        None => a.purpose.as_deref().map(snippet),
    };
    (
        TimelineItem {
            kind: TimelineKind::Activity,
            id: a.id,
            day: a.day,
            time: a.time,
            title,
            detail,
            duties: a.duties,
        },
        a.recorded,
    )
}

/// A note's row; `addenda` is how many it has.
fn note_item(n: Note, addenda: usize, titles: &mut Titles) -> Placed {
    let draft = n.status == NoteStatus::Draft;
    let title = titles.notes.get((draft, addenda), |&(draft, count)| {
        let lang = worker_lang();
        let mut title = if draft {
            word(lang, "timeline-note-draft")
        } else {
            word(lang, "timeline-note")
        };
        if count > 0 {
            title.push_str(", ");
            title.push_str(&say(lang, "count-addenda", &[("count", count.into())]));
        }
        title
    });
    (
        TimelineItem {
            kind: TimelineKind::Note,
            id: n.id,
            day: n.on,
            time: None,
            title,
            detail: Some(snippet(&n.text)),
            duties: Vec::new(),
        },
        n.written,
    )
}

fn incident_item(i: Incident) -> Placed {
    let lang = worker_lang();
    let kind = [("kind", Arg::from(i.kind.label().to_lowercase()))];
    let title = match &i.status {
        IncidentStatus::Open => say(lang, "timeline-incident-open", &kind),
        IncidentStatus::Closed { .. } => say(lang, "timeline-incident-closed", &kind),
    };
    (
        TimelineItem {
            kind: TimelineKind::Incident,
            title,
            detail: Some(snippet(&i.description)),
            id: i.id,
            day: i.occurred_on,
            time: i.occurred_at,
            duties: Vec::new(),
        },
        i.recorded,
    )
}

fn referral_item(r: Referral, resources: &HashMap<String, referral::Resource>) -> Placed {
    let lang = worker_lang();
    let name = resources
        .get(&r.resource_id)
        .map_or_else(|| word(lang, "unknown-resource"), |x| x.name.clone());
    let title = say(
        lang,
        "timeline-referral",
        &[
            ("name", name.into()),
            ("status", r.status.label().to_lowercase().into()),
        ],
    );
    (
        TimelineItem {
            kind: TimelineKind::Referral,
            title,
            detail: r.outcome.as_deref().or(r.reason.as_deref()).map(snippet),
            id: r.id,
            day: r.made_on,
            time: None,
            duties: Vec::new(),
        },
        r.updated,
    )
}

fn rating_item(
    r: Rating,
    client: &Client,
    goals: &HashMap<String, String>,
    titles: &mut Titles,
) -> Placed {
    let Rating {
        id,
        on,
        score,
        by,
        goal_id,
        recorded,
        ..
    } = r;
    let title = titles.ratings.get((by, score), |&(by, score)| {
        let lang = worker_lang();
        match by {
            Author::Client => say(
                lang,
                "timeline-rating-client",
                &[
                    ("score", score.into()),
                    ("name", client.preferred_name.as_str().into()),
                ],
            ),
            Author::Worker => say(lang, "timeline-rating-worker", &[("score", score.into())]),
        }
    });
    (
        TimelineItem {
            kind: TimelineKind::Rating,
            id,
            day: on,
            time: None,
            title,
            detail: goals.get(&goal_id).map(|w| snippet(w)),
            duties: Vec::new(),
        },
        recorded,
    )
}

fn review_item(r: Review) -> Placed {
    (
        TimelineItem {
            kind: TimelineKind::Review,
            title: say(
                worker_lang(),
                "timeline-review",
                &[("version", r.plan_version.into())],
            ),
            detail: Some(snippet(&r.what_changed)),
            id: r.id,
            day: r.on,
            time: None,
            duties: Vec::new(),
        },
        r.recorded,
    )
}

fn goal_words(conn: &Connection, keys: &Keys, client_id: &str) -> Result<HashMap<String, String>> {
    Ok(plan::goals_of(conn, keys, client_id)?
        .into_iter()
        .map(|g| (g.id, g.client_words))
        .collect())
}

/// The client's whole history, by opening every record of it (before the index, and to check it).
fn timeline_of(conn: &Connection, keys: &Keys, client: &Client) -> Result<Vec<Placed>> {
    let id = &client.id;
    let mut titles = Titles::default();
    let mut items = Vec::new();
    for a in storage::list_owned::<Activity>(conn, keys, id)? {
        items.push(activity_item(a, &mut titles));
    }
    let addenda = storage::list_owned::<note::Addendum>(conn, keys, id)?;
    for n in note::notes_of(conn, keys, id)? {
        let count = addenda.iter().filter(|a| a.note_id == n.id).count();
        items.push(note_item(n, count, &mut titles));
    }
    for i in storage::list_owned::<Incident>(conn, keys, id)? {
        items.push(incident_item(i));
    }
    let resources = referral::resources_by_id(conn, keys)?;
    for r in storage::list_owned::<Referral>(conn, keys, id)? {
        items.push(referral_item(r, &resources));
    }
    let goals = goal_words(conn, keys, id)?;
    for r in plan::ratings_of(conn, keys, id)? {
        items.push(rating_item(r, client, &goals, &mut titles));
    }
    for r in storage::list_owned::<Review>(conn, keys, id)? {
        items.push(review_item(r));
    }
    Ok(items)
}

/// One page of the client's history through the per-client index by day: the weeks' counts
/// say which weeks the page spans, each week's gathered places give the order, and only the
/// page's own records (and the goals and services they name, and the addenda of its signed
/// notes) are opened.
fn page_of(
    conn: &Connection,
    keys: &Keys,
    client: &Client,
    offset: u32,
    limit: u32,
) -> Result<Vec<TimelineItem>> {
    use storage::indexes::{gathered, listed, total, week_bucket, Place, BY_DAY, NOTE_ADDENDA};
    let weeks = total(conn, keys, BY_DAY, &client.id)?;
    let mut skip = i64::from(offset);
    let mut page: Vec<Place> = Vec::new();
    for (week, count) in weeks.iter().rev() {
        if page.len() >= limit as usize {
            break;
        }
        if skip >= *count {
            skip -= count;
            continue;
        }
        let mut places: Vec<Place> =
            gathered::<Place>(conn, keys, BY_DAY, &week_bucket(&client.id, *week))?
                .into_values()
                .collect();
        places.sort_by(|a, b| b.cmp(a));
        let from = usize::try_from(skip).unwrap_or(usize::MAX);
        skip = 0;
        let room = limit as usize - page.len();
        page.extend(places.into_iter().skip(from).take(room));
    }
    let ids = |kind: &str| -> Vec<String> {
        page.iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.id.clone())
            .collect()
    };
    let mut titles = Titles::default();
    let mut items: HashMap<String, TimelineItem> = HashMap::with_capacity(page.len());
    let mut add = |placed: Placed| {
        items.insert(placed.0.id.clone(), placed.0);
    };
    for a in storage::get_many::<Activity>(conn, keys, &ids("activity"))? {
        add(activity_item(a, &mut titles));
    }
    for n in storage::get_many::<Note>(conn, keys, &ids("note"))? {
        // Only a signed note takes addenda: a draft's count is none, without a look-up.
        let addenda = match n.status {
            NoteStatus::Draft => 0,
            NoteStatus::Signed { .. } => listed(conn, keys, NOTE_ADDENDA, &n.id)?.len(),
        };
        add(note_item(n, addenda, &mut titles));
    }
    storage::get_many::<Incident>(conn, keys, &ids("incident"))?
        .into_iter()
        .for_each(|i| add(incident_item(i)));
    let referrals = storage::get_many::<Referral>(conn, keys, &ids("referral"))?;
    if !referrals.is_empty() {
        let named = distinct(referrals.iter().map(|r| &r.resource_id));
        let resources = storage::get_many::<referral::Resource>(conn, keys, &named)?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        referrals
            .into_iter()
            .for_each(|r| add(referral_item(r, &resources)));
    }
    let ratings = storage::get_many::<Rating>(conn, keys, &ids("rating"))?;
    if !ratings.is_empty() {
        let named = distinct(ratings.iter().map(|r| &r.goal_id));
        let goals = storage::get_many::<plan::Goal>(conn, keys, &named)?
            .into_iter()
            .map(|g| (g.id, g.client_words))
            .collect();
        for r in ratings {
            add(rating_item(r, client, &goals, &mut titles));
        }
    }
    storage::get_many::<Review>(conn, keys, &ids("review"))?
        .into_iter()
        .for_each(|r| add(review_item(r)));
    Ok(page.iter().filter_map(|p| items.remove(&p.id)).collect())
}

/// Each id once, for opening the records a page's rows name.
fn distinct<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut ids: Vec<String> = ids.cloned().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// A client's history, newest first, one page at a time (`limit` 1 to 200), with the
    /// client's records that could not be opened listed apart.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn timeline(&self, client_id: String, offset: u32, limit: u32) -> Result<TimelinePage> {
        validate::range("limit", limit.into(), 1, TIMELINE_PAGE_MAX.into())?;
        let (page, left_out) = self.with(|conn, keys| {
            let client = client::load(conn, keys, &client_id)?;
            if storage::indexes::bypassed() || !ensure_by_day(conn, keys)? {
                return storage::tolerant(|| {
                    timeline_of(conn, keys, &client).map(|items| full_page(items, offset, limit))
                });
            }
            // One read transaction for the page's few dozen statements: one snapshot, and the
            // database's lock taken once rather than by each statement.
            let tx = conn.transaction()?;
            let page = storage::tolerant(|| page_of(&tx, keys, &client, offset, limit))?;
            tx.commit()?;
            Ok(page)
        })?;
        Ok(TimelinePage {
            items: page,
            unreadable: unreadable(left_out),
        })
    }
}

/// Every kind on the timeline (and addenda, by note) marked in its index (false: one of them has a
/// record that does not open, so the page is built by opening every record). Once they are, a
/// call looks seven rows up without opening them.
fn ensure_by_day(conn: &mut Connection, keys: &Keys) -> Result<bool> {
    use storage::indexes::{built, ensure};
    let kinds = [
        Activity::KIND,
        Note::KIND,
        note::Addendum::KIND,
        Incident::KIND,
        Referral::KIND,
        Rating::KIND,
        Review::KIND,
    ];
    if built(conn, keys, &kinds)? {
        return Ok(true);
    }
    Ok(ensure::<Activity>(conn, keys)?
        && ensure::<Note>(conn, keys)?
        && ensure::<note::Addendum>(conn, keys)?
        && ensure::<Incident>(conn, keys)?
        && ensure::<Referral>(conn, keys)?
        && ensure::<Rating>(conn, keys)?
        && ensure::<Review>(conn, keys)?)
}

/// Newest first; within a day, timed entries by time, latest first, then by when recorded.
fn full_page(mut items: Vec<Placed>, offset: u32, limit: u32) -> Vec<TimelineItem> {
    items.sort_by(|(a, ra), (b, rb)| (b.day, b.time, rb, &b.id).cmp(&(a.day, a.time, ra, &a.id)));
    items
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .map(|(item, _)| item)
        .collect()
}
