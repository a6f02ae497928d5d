//! The activity screen in one call: the activity with its client's name, labels for its kind,
//! status and duties, the goals it serves, its notes, and the duties its words point to that the
//! worker has not chosen (only shown, never applied).

use serde::{Deserialize, Serialize};

use crate::domain::activity::{load, Activity};
use crate::domain::assessment::LifeArea;
use crate::domain::{client, plan};
use crate::error::Result;
use crate::rules::duty_suggest::{self, DutySuggestion};
use crate::rules::person_first::{self, FieldHints};
use crate::screens::note::{self, NoteView};
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
    /// Labels of the activity's duties, in order.
    pub duty_labels: Vec<String>,
    /// The goals it works towards.
    pub goals: Vec<LinkedGoal>,
    /// Newest first.
    pub notes: Vec<NoteView>,
    /// Duties the purpose and notes point to that the worker has not chosen; only shown, never applied.
    pub suggestions: Vec<DutySuggestion>,
    /// Person-first language hints on the purpose (the notes carry their own).
    pub purpose_hints: Vec<FieldHints>,
}

#[cfg_attr(feature = "ffi", uniffi::export)]
impl WorkerSession {
    /// The activity screen in one call: the activity, labels, linked goals, notes and duty
    /// suggestions.
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
                &[("purpose", activity.purpose.as_deref())],
            );
            Ok(ActivityView {
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
