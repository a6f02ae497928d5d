//! Shared mode: the worker hands the phone to the client, who sees their own plan and nothing
//! else. `SharedSession` is a separate capability: it holds one client id, and every call it has
//! can only read or write that client's client-visible records. While it is open, every worker
//! handle is dead; leaving needs the worker's passphrase or platform key.

use serde::Serialize;
use std::sync::Arc;

use crate::domain::client::{self, Client};
use crate::domain::entry::{ClientEntry, EntryKind};
use crate::domain::plan::{self, Author, Goal, GoalStatus, RatingInput};
use crate::error::{Error, LockReason, Result};
use crate::screens::shared_words::{self as sw, SharedWords};
use crate::storage;
use crate::storage::audit::Op;
use crate::time::{Day, Timestamp};
use crate::validate::{self, TEXT_MAX};
use crate::vault::platform::PlatformKey;
use crate::vault::{self, Inner, Mode, WorkerSession};
use crate::words::{Choice, Lang};

/// Shared mode locks the whole vault after this long without a touch, unless the shell says otherwise.
pub const DEFAULT_IDLE_SECONDS: u32 = 300;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A rating as the client reads it in shared mode.
pub struct SharedRating {
    /// The day of the rating.
    pub on: Day,
    /// The score, 1 (low) to 10 (high).
    pub score: u8,
    /// e.g. "You said 6 out of 10".
    pub said: String,
    /// The band on our neutral scale, e.g. "Getting there".
    pub band: String,
    /// Words given with it, if any.
    pub words: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A step as the client sees it in shared mode.
pub struct SharedStep {
    /// The step, for `mark_step_done`.
    pub step_id: String,
    /// The step, in the words written.
    pub text: String,
    /// Whether the step is done.
    pub done: bool,
    /// Shown under a step the client marked, until the worker confirms it.
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A goal as the client sees it in shared mode, in the client's language.
pub struct SharedGoal {
    /// The goal, for `rate`, `add_entry` and `mark_step_done`.
    pub goal_id: String,
    /// The goal in the client's own words.
    pub words: String,
    /// The life area, in the client's words.
    pub area: String,
    /// Where the goal stands, in the client's words.
    pub status: String,
    /// The day the goal aims for, if set.
    pub target_date: Option<Day>,
    /// The goal's steps, in order.
    pub steps: Vec<SharedStep>,
    /// The client's own ratings of this goal, oldest first.
    pub my_ratings: Vec<SharedRating>,
    /// The worker's ratings of this goal, oldest first.
    pub worker_ratings: Vec<SharedRating>,
    /// What the client wrote about this goal in shared mode.
    pub my_entries: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
/// A coming visit as the client sees it.
pub struct SharedVisit {
    /// The day of the visit.
    pub on: Day,
    /// The time of the visit, if set.
    pub time: Option<crate::time::ClockTime>,
}

/// Everything the client's screen shows, every word in the client's language (English when the
/// core does not ship theirs): the apps add no words of their own.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct SharedScreen {
    /// The language the words are in (a BCP-47 tag): lay the screen out for it.
    pub language: String,
    /// The language the words are in, for `shared_error_message` and the layout.
    pub lang: Lang,
    /// Whether the language is written right to left: mirror the layout.
    pub right_to_left: bool,
    /// The screen's headings, buttons and prompts.
    pub words: SharedWords,
    /// How many goals the screen shows, in words ("3 goals").
    pub goals_count: String,
    /// The 1-10 rating scale, each score (`value`) with its band's words (`label`).
    pub rating_scale: Vec<Choice>,
    /// The kinds of entry the client may write (`value` is the `EntryKind`'s snake_case name).
    pub entry_kinds: Vec<Choice>,
    /// A greeting with the client's name.
    pub greeting: String,
    /// The name the client wants to be called by: use it on every screen.
    pub preferred_name: String,
    /// The client's visible goals.
    pub goals: Vec<SharedGoal>,
    /// Entries not tied to one goal ("what helps me").
    pub my_entries: Vec<String>,
    /// The heading over the coming visits.
    pub next_visits_label: String,
    /// The next few visits, soonest first.
    pub upcoming_visits: Vec<SharedVisit>,
}

#[cfg_attr(feature = "ffi", derive(uniffi::Object))]
/// The client's capability in shared mode: only this client's own screen, ratings, entries and
/// steps. Close it with `leave` (the worker's passphrase) or `leave_with_platform_key`.
///
/// The errors every call has: `Locked` (shared mode has ended: its idle limit passed, the clock
/// went back, the worker left it, or the vault locked), `Tampered`, `Storage`. A record that is not
/// this client's, or not shown to them, is `NotFound`.
pub struct SharedSession {
    inner: Arc<Inner>,
    epoch: u64,
    client_id: String,
    lang: Lang,
}

/// How many upcoming visits the client sees.
const UPCOMING_VISITS: usize = 3;

impl SharedSession {
    /// Run `f` for this client if shared mode is still live and not idle too long.
    pub(crate) fn run<T>(
        &self,
        f: impl FnOnce(&mut rusqlite::Connection, &crate::crypto::Keys, &str) -> Result<T>,
    ) -> Result<T> {
        let mut state = self.live()?;
        // A call is the client's touch: the idle count starts again (a backwards clock locks).
        if vault::lock::restart(&mut state) {
            return Err(Error::locked(LockReason::ClockWentBack));
        }
        let vault::State { conn, keys, .. } = &mut *state;
        let keys = keys
            .as_ref()
            .ok_or_else(|| Error::locked(LockReason::NotUnlocked))?;
        f(conn, keys, &self.client_id)
    }

    /// The vault's state if shared mode is still this one's and its idle limit (the vault's, timed
    /// by the shell's clock; the shells' timer checks it too) has not passed; else `Locked`.
    fn live(&self) -> Result<std::sync::MutexGuard<'_, vault::State>> {
        let mut state = self.inner.state();
        vault::lock::lock_if_due(&mut state);
        if let Some(dead) = vault::dead_handle(&state, self.epoch, false) {
            return Err(dead);
        }
        Ok(state)
    }

    /// The client's language, in which shared mode words everything.
    pub(super) fn lang(&self) -> Lang {
        self.lang
    }

    fn visible_goal(
        conn: &rusqlite::Connection,
        keys: &crate::crypto::Keys,
        client_id: &str,
        goal_id: &str,
    ) -> Result<Goal> {
        let goal = plan::load_goal(conn, keys, goal_id)?;
        // A goal of someone else, or one the client's screen does not show (hidden or dropped),
        // does not exist from here.
        if goal.client_id != client_id || !shown_to_client(&goal) {
            return Err(Error::not_found("goal", goal_id));
        }
        Ok(goal)
    }

    fn leave_as_worker(
        &self,
        check: impl FnOnce(&mut vault::State) -> Result<()>,
    ) -> Result<Arc<WorkerSession>> {
        let mut state = self.live()?;
        check(&mut state)?;
        let epoch = vault::switch_mode(&mut state, Mode::Worker)?;
        vault::record_event(&mut state, Op::SharedLeft, "client", &self.client_id)?;
        Ok(vault::worker_session(&self.inner, epoch))
    }
}

/// Whether the client's screen shows this goal of theirs: the one rule for what the screen lists
/// and what shared mode may write to.
pub(crate) fn shown_to_client(goal: &Goal) -> bool {
    goal.visible_to_client && !matches!(goal.status, GoalStatus::Dropped { .. })
}

fn shared_rating(lang: Lang, r: &plan::Rating) -> SharedRating {
    SharedRating {
        on: r.on,
        score: r.score,
        said: sw::said(lang, r.by == Author::Client, r.score),
        band: sw::band(lang, r.score),
        // The worker's words on a rating are working notes; the client sees only the score.
        words: (r.by == Author::Client).then(|| r.words.clone()).flatten(),
    }
}

fn screen(
    conn: &rusqlite::Connection,
    keys: &crate::crypto::Keys,
    client: &Client,
    today: Day,
) -> Result<SharedScreen> {
    let lang = Lang::from_tag(client.language.as_deref());
    let ratings = plan::ratings_of(conn, keys, &client.id)?;
    let entries = storage::list_owned::<ClientEntry>(conn, keys, &client.id)?;
    let mut entries: Vec<ClientEntry> = entries;
    entries.sort_by_key(|e| (e.on, e.recorded));
    let goals = plan::goals_of(conn, keys, &client.id)?
        .into_iter()
        .filter(shown_to_client)
        .map(|g| SharedGoal {
            my_ratings: plan::by_author(&ratings, &g.id, Author::Client)
                .into_iter()
                .map(|r| shared_rating(lang, r))
                .collect(),
            worker_ratings: plan::by_author(&ratings, &g.id, Author::Worker)
                .into_iter()
                .map(|r| shared_rating(lang, r))
                .collect(),
            my_entries: entries
                .iter()
                .filter(|e| e.goal_id.as_deref() == Some(g.id.as_str()))
                .map(|e| e.text.clone())
                .collect(),
            steps: g
                .steps
                .iter()
                .map(|s| SharedStep {
                    step_id: s.id.clone(),
                    text: s.text.clone(),
                    done: s.done_on.is_some(),
                    note: (s.done_on.is_some() && !s.confirmed).then(|| sw::step_waiting(lang)),
                })
                .collect(),
            area: sw::area(lang, g.area),
            status: sw::status(lang, &g.status),
            target_date: g.target_date,
            words: g.client_words,
            goal_id: g.id,
        })
        .collect::<Vec<_>>();
    let upcoming_visits =
        crate::domain::activity::upcoming_for_client(conn, keys, &client.id, today)?
            .into_iter()
            .take(UPCOMING_VISITS)
            .map(|a| SharedVisit {
                on: a.day,
                time: a.time,
            })
            .collect();
    Ok(SharedScreen {
        language: lang.tag().into(),
        lang,
        right_to_left: lang.is_rtl(),
        words: sw::shared_words(lang),
        goals_count: sw::goals_count(lang, goals.len()),
        rating_scale: sw::rating_scale(lang),
        entry_kinds: sw::entry_kinds(lang),
        greeting: sw::greeting(lang, &client.preferred_name),
        preferred_name: client.preferred_name.clone(),
        goals,
        my_entries: entries
            .iter()
            .filter(|e| e.goal_id.is_none())
            .map(|e| e.text.clone())
            .collect(),
        next_visits_label: sw::next_visit(lang),
        upcoming_visits,
    })
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// Hand the phone to a client. Every worker handle stops working until the worker unlocks
    /// it again with `SharedSession::leave`. `idle_seconds` (default 300) locks the whole vault.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`client_id`), and the errors
    /// every call has (see `WorkerSession`).
    pub fn open_shared(
        &self,
        client_id: String,
        idle_seconds: Option<u32>,
    ) -> Result<Arc<SharedSession>> {
        let idle = idle_seconds.unwrap_or(DEFAULT_IDLE_SECONDS);
        validate::range("idle_seconds", idle.into(), 1, 3600)?;
        let client = self.client(client_id)?;
        let mut state = self.state()?;
        vault::record_event(&mut state, Op::SharedOpened, "client", &client.id)?;
        let epoch = vault::switch_mode(
            &mut state,
            Mode::Shared {
                client_id: client.id.clone(),
                idle_ms: u64::from(idle) * 1000,
            },
        )?;
        Ok(Arc::new(SharedSession {
            inner: self.inner.clone(),
            epoch,
            client_id: client.id,
            lang: Lang::from_tag(client.language.as_deref()),
        }))
    }
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl SharedSession {
    /// The client's screen.
    /// Fails only with the errors every call has (see `SharedSession`).
    pub fn screen(&self, today: Day) -> Result<SharedScreen> {
        self.run(|conn, keys, client_id| {
            let client = client::load(conn, keys, client_id)?;
            // A record of this client's that does not open (damaged, or moved here from another
            // client's rows) is left out of the client's screen; the worker's screens name it.
            storage::tolerant(|| screen(conn, keys, &client, today)).map(|(screen, _)| screen)
        })
    }

    /// What went wrong, worded for the client in their language (the screen's `lang`): what to
    /// do next, never a code. Show this for any error a shared-mode call throws.
    pub fn error_message(&self, error: Error) -> String {
        sw::error_for_client(self.lang, &error)
    }

    /// The client rates their own progress on one of their visible goals, 1 to 10 (anything else
    /// is refused: `Invalid`, rule `OutOfRange`). Fails with `NotFound` for a goal the client's
    /// screen does not show, `Locked` once shared mode has ended or timed out.
    pub fn rate(&self, goal_id: String, on: Day, score: i32, words: Option<String>) -> Result<()> {
        let input = plan::validate_rating(RatingInput {
            on,
            score,
            by: Author::Client,
            words,
        })?;
        self.run(|conn, keys, client_id| {
            let tx = storage::write_tx(conn)?;
            let goal = Self::visible_goal(&tx, keys, client_id, &goal_id)?;
            plan::record_rating(&tx, keys, &goal, input)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// The client adds words of their own, about one goal or in general.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`), and the errors every
    /// call has (see `SharedSession`).
    pub fn add_entry(
        &self,
        kind: EntryKind,
        text: String,
        goal_id: Option<String>,
        on: Day,
    ) -> Result<()> {
        let text = validate::text("text", &text, TEXT_MAX)?;
        self.run(|conn, keys, client_id| {
            let tx = storage::write_tx(conn)?;
            let goal_id = match goal_id {
                Some(id) => Some(Self::visible_goal(&tx, keys, client_id, &id)?.id),
                None => None,
            };
            let entry = ClientEntry {
                id: validate::new_id(),
                client_id: client_id.to_string(),
                goal_id,
                kind,
                text,
                on,
                recorded: Timestamp::now(),
            };
            storage::put(&tx, keys, &entry)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// The client marks a step done; it waits for the worker to confirm.
    /// Fails with `Invalid` (the field and its rule), `NotFound` (`goal_id`, `step_id`), and the
    /// errors every call has (see `SharedSession`).
    pub fn mark_step_done(&self, goal_id: String, step_id: String, on: Day) -> Result<()> {
        self.run(|conn, keys, client_id| {
            let tx = storage::write_tx(conn)?;
            let mut goal = Self::visible_goal(&tx, keys, client_id, &goal_id)?;
            if !matches!(goal.status, GoalStatus::Active | GoalStatus::Paused) {
                return Err(Error::not_allowed(
                    "goal_id",
                    crate::error::NotAllowedReason::GoalClosed,
                ));
            }
            plan::mark_step(&mut goal, &step_id, Some(on), Author::Client)?;
            storage::revise(&tx, keys, &goal)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Give the phone back to the worker: needs the worker's passphrase. Wrong attempts are
    /// throttled and leave shared mode in place.
    /// Fails with `WrongPassphrase` / `TooManyAttempts` (checked and throttled as at unlock), and
    /// the errors every call has (see `SharedSession`).
    pub fn leave(&self, passphrase: String) -> Result<Arc<WorkerSession>> {
        self.leave_as_worker(|state| vault::check_passphrase_attempt(state, &passphrase))
    }

    /// Give the phone back to the worker through the platform key (the worker's biometrics).
    /// Fails with `PlatformKey`, and the errors every call has (see `SharedSession`).
    pub fn leave_with_platform_key(&self, key: Arc<dyn PlatformKey>) -> Result<Arc<WorkerSession>> {
        self.leave_as_worker(|state| vault::check_platform_key(state, key.as_ref()))
    }
}
