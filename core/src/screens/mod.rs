//! Screen models and their builders: what each phone screen shows, as plain records, with the
//! wording and order decided here so Android and iOS show the same thing. A screen file never
//! defines a stored record; it reads the domain and the rules and words the result.

pub(crate) mod activity;
pub(crate) mod boundary;
pub(crate) mod caseload;
pub(crate) mod corner;
pub(crate) mod incident;
pub(crate) mod note;
pub(crate) mod plan;
pub(crate) mod shared;
pub(crate) mod shared_words;
pub(crate) mod timeline;
pub(crate) mod today;

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

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

/// The words for a kind of record, as a person would name it.
fn record_kind_label(kind: &str) -> &'static str {
    match kind {
        "client" => "Client",
        "note" => "Case note",
        "addendum" => "Addendum",
        "activity" => "Visit",
        "follow_up_open" => "Follow-up",
        "plan" => "Plan",
        "plan_version" => "Plan version",
        "goal" => "Goal",
        "rating" => "Rating",
        "review" => "Plan review",
        "incident" => "Incident",
        "referral" => "Referral",
        "resource" => "Resource",
        "assessment" => "Assessment",
        "client_entry" => "Client's own words",
        "duty_settings" => "Duty settings",
        "debrief" => "Debrief",
        "supervision" => "Supervision session",
        "certification" => "Certification",
        "corner_settings" => "My corner's settings",
        _ => "Record",
    }
}

/// The screen's words for the records a tolerant read left out.
pub(crate) fn unreadable(left_out: Vec<crate::storage::Unreadable>) -> Vec<UnreadableRecord> {
    left_out
        .into_iter()
        .map(|u| {
            let label = record_kind_label(&u.kind);
            UnreadableRecord {
                summary: format!(
                    "{label} {} could not be opened: restore it from a backup.",
                    u.id
                ),
                kind_label: label.to_string(),
                kind: u.kind,
                id: u.id,
            }
        })
        .collect()
}
