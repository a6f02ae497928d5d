//! Screen models and their builders: what each phone screen shows, as plain records, with the
//! wording and order decided here so Android and iOS show the same thing. A screen file never
//! defines a stored record; it reads the domain and the rules and words the result.

pub(crate) mod activity;
pub(crate) mod app_words;
pub(crate) mod boundary;
pub(crate) mod briefing;
pub(crate) mod caseload;
pub(crate) mod choices;
pub(crate) mod copy;
pub(crate) mod corner;
pub(crate) mod corner_words;
pub(crate) mod history;
pub(crate) mod incident;
pub(crate) mod note;
pub(crate) mod plan;
pub(crate) mod progress;
pub(crate) mod shared;
pub(crate) mod shared_words;
pub(crate) mod team;
pub(crate) mod timeline;
pub(crate) mod today;
pub(crate) mod wellness;
pub(crate) mod wellness_words;

/// Who reads a screen about the client's own things: the client (in their language, in their
/// voice: "your own rating") or the worker (in the worker's words: "the client's own rating").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reader {
    Client,
    Worker,
}

impl Reader {
    /// The language this reader reads: the client's (English when theirs is not shipped), or
    /// the worker's (English: the worker's screens are not translated yet).
    pub(crate) fn lang(self, client: &crate::domain::client::Client) -> crate::words::Lang {
        match self {
            Reader::Client => crate::words::Lang::from_tag(client.language.as_deref()),
            Reader::Worker => crate::words::Lang::En,
        }
    }
}

use crate::words::word;

/// A stored record that could not be opened: damaged, or changed outside the app. Screens that
/// list records show one of these for each record they had to leave out, beside everything that
/// did open, so one damaged record never hides the rest and is never silently missing either.
/// (A list of these beside the screen's rows, rather than a row marked unreadable: nothing in a
/// damaged record can be trusted to place it, not its day, its name or its order.)
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct UnreadableRecord {
    /// The record's kind as stored (`note`, `client`, `goal`, ...).
    pub kind: String,
    /// "Case note", "Client", "Goal", ...
    pub kind_label: String,
    /// The record's id.
    pub id: String,
    /// The sentence to show: "Case note 3f2c… could not be opened: restore it from a backup."
    pub summary: String,
}

/// The words for a kind of record, as a person would name it, in the worker's language.
fn record_kind_label(kind: &str) -> String {
    let lang = crate::words::worker_lang();
    match kind {
        "client" => word(lang, "label-record-client"),
        "note" => word(lang, "label-record-note"),
        "addendum" => word(lang, "label-record-addendum"),
        "activity" => word(lang, "label-record-activity"),
        "follow_up_open" => word(lang, "label-record-follow_up_open"),
        "plan" => word(lang, "label-record-plan"),
        "plan_version" => word(lang, "label-record-plan_version"),
        "goal" => word(lang, "label-record-goal"),
        "rating" => word(lang, "label-record-rating"),
        "review" => word(lang, "label-record-review"),
        "incident" => word(lang, "label-record-incident"),
        "referral" => word(lang, "label-record-referral"),
        "resource" => word(lang, "label-record-resource"),
        "assessment" => word(lang, "label-record-assessment"),
        "client_entry" => word(lang, "label-record-client_entry"),
        "duty_settings" => word(lang, "label-record-duty_settings"),
        "worker_settings" => word(lang, "label-record-worker_settings"),
        "wellness_plan" => word(lang, "label-record-wellness_plan"),
        "revision" => word(lang, "label-record-revision"),
        "note_draft" => word(lang, "label-record-note_draft"),
        "incident_correction" => word(lang, "label-record-incident_correction"),
        "debrief" => word(lang, "label-record-debrief"),
        "supervision" => word(lang, "label-record-supervision"),
        "certification" => word(lang, "label-record-certification"),
        "corner_settings" => word(lang, "label-record-corner_settings"),
        other => other.to_string(),
    }
}

/// The screen's words for the records a tolerant read left out.
pub(crate) fn unreadable(left_out: Vec<crate::storage::Unreadable>) -> Vec<UnreadableRecord> {
    left_out
        .into_iter()
        .map(|u| {
            let label = record_kind_label(&u.kind);
            UnreadableRecord {
                summary: crate::words::say(
                    crate::words::worker_lang(),
                    "unreadable-record",
                    &[
                        ("kind", label.as_str().into()),
                        ("id", u.id.as_str().into()),
                    ],
                ),
                kind_label: label.to_string(),
                kind: u.kind,
                id: u.id,
            }
        })
        .collect()
}
