//! The activity screen in one call: the activity with its client's name, labels for its kind,
//! status and duties, the goals it serves, its notes, and the duties its words point to that the
//! worker has not chosen (only shown, never applied).

use serde::{Deserialize, Serialize};

use crate::domain::activity::{load, Activity, ActivityKind, Scheduling};
use crate::domain::assessment::LifeArea;
use crate::domain::{client, plan};
use crate::error::Result;
use crate::rules::duty_suggest::{self, DutySuggestion};
use crate::rules::person_first::{self, FieldHints};
use crate::screens::history::{self, EarlierRevision};
use crate::screens::note::{self, NoteView};
use crate::screens::wellness::{self, WellnessView};
use crate::vault::WorkerSession;

/// A goal an activity is linked to, as the activity screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct LinkedGoal {
    /// The goal's id.
    pub goal_id: String,
    /// The goal's life area.
    pub area: LifeArea,
    /// The goal in the client's own words.
    pub client_words: String,
}

/// The activity screen in one call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ActivityView {
    /// The activity as stored.
    pub activity: Activity,
    /// The client's preferred name, to show.
    pub client_name: String,
    /// `kind`'s label, as a screen shows it.
    pub kind_label: String,
    /// `status`'s label, as a screen shows it.
    pub status_label: String,
    /// Whether it was an unplanned response to an emergency (shown as a flag).
    pub emergency: bool,
    /// `scheduling`'s label ("Planned", "Emergency", "As needed").
    pub scheduling_label: String,
    /// Why it was called off, when it was cancelled.
    pub cancel_reason: Option<String>,
    /// Labels of the activity's duties, in order.
    pub duty_labels: Vec<String>,
    /// The goals it works towards.
    pub goals: Vec<LinkedGoal>,
    /// Newest first.
    pub notes: Vec<NoteView>,
    /// Duties the purpose and notes point to that the worker has not chosen; only shown, never applied.
    pub suggestions: Vec<DutySuggestion>,
    /// Person-first language hints on the purpose and a cancellation's reason (the notes carry
    /// their own).
    pub purpose_hints: Vec<FieldHints>,
    /// On a crisis-response visit, the client's wellness and crisis plan, one step away (none on
    /// other visits). Its `version` is 0 when the client has not written one.
    pub crisis_plan: Option<WellnessView>,
    /// The activity's earlier revisions, oldest first: each edit, with what it replaced.
    pub edits: Vec<EarlierRevision>,
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The activity screen in one call: the activity, labels, linked goals, notes and duty
    /// suggestions.
    /// Fails with `NotFound` (`activity_id`), and the errors every call has (see `WorkerSession`).
    pub fn activity_view(&self, activity_id: String) -> Result<ActivityView> {
        self.with(|conn, keys| {
            let activity = load(conn, keys, &activity_id)?;
            let client = client::load(conn, keys, &activity.client_id)?;
            let goals = plan::goals_of(conn, keys, &client.id)?
                .into_iter()
                .filter(|g| activity.goal_ids.contains(&g.id))
                .map(|g| LinkedGoal {
                    goal_id: g.id,
                    area: g.area,
                    client_words: g.client_words,
                })
                .collect();
            let notes = note::views_of_activity(conn, keys, &activity)?;
            let mut texts: Vec<(&str, Option<&str>)> = Vec::new();
            if let Some(p) = &activity.purpose {
                texts.push((p, None));
            }
            for n in &notes {
                texts.push((&n.note.text, Some(&n.note.id)));
            }
            let suggestions = duty_suggest::suggest_in(&texts, None)
                .into_iter()
                .filter(|s| !activity.duties.contains(&s.duty))
                .collect();
            let purpose_hints = person_first::field_hints(
                &activity.id,
                &[
                    ("purpose", activity.purpose.as_deref()),
                    ("status.reason", activity.status.cancel_reason()),
                ],
            );
            let crisis_plan = if activity.kind == ActivityKind::CrisisResponse {
                Some(wellness::current_view(
                    conn,
                    keys,
                    &client,
                    crate::screens::Reader::Worker,
                )?)
            } else {
                None
            };
            let edits = history::history(conn, keys, &activity.id, &activity)?;
            Ok(ActivityView {
                crisis_plan,
                edits,
                emergency: activity.scheduling == Scheduling::Emergency,
                scheduling_label: activity.scheduling.label(),
                cancel_reason: activity.status.cancel_reason().map(str::to_string),
                purpose_hints,
                client_name: client.preferred_name,
                kind_label: activity.kind.label(),
                status_label: activity.status.label(),
                duty_labels: activity.duties.iter().map(|d| d.label()).collect(),
                goals,
                notes,
                suggestions,
                activity,
            })
        })
    }
}
