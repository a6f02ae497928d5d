//! The words of the corner's forms (a debrief written or edited, a supervision session planned
//! or recorded, a certification, the corner's settings), in the worker's language, so neither
//! phone holds a sentence of its own. Weekday names and dates are the platform's to write.

use serde::{Deserialize, Serialize};

use crate::words::{word, Lang};

/// Headings, field labels and buttons of the corner's forms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CornerFormWords {
    /// "Write a debrief".
    pub new_debrief: String,
    /// "Edit the debrief".
    pub edit_debrief: String,
    /// "What is it after?".
    pub occasion: String,
    /// "Day".
    pub day: String,
    /// "Plan a session".
    pub new_supervision: String,
    /// "Edit the session".
    pub edit_supervision: String,
    /// "With whom".
    pub with_whom: String,
    /// "What I want to raise".
    pub topics: String,
    /// "Add a topic".
    pub add_topic: String,
    /// "It has been held".
    pub held: String,
    /// "My notes".
    pub notes: String,
    /// "Actions agreed".
    pub actions: String,
    /// "What was agreed".
    pub action_what: String,
    /// "Due".
    pub action_due: String,
    /// "Add an action".
    pub add_action: String,
    /// "Done".
    pub action_done: String,
    /// "Add a certification".
    pub new_certification: String,
    /// "Edit the certification".
    pub edit_certification: String,
    /// "Name".
    pub certification_name: String,
    /// "Expires on".
    pub certification_expires: String,
    /// "No expiry".
    pub no_expiry: String,
    /// "Corner settings".
    pub settings: String,
    /// "Set working hours".
    pub working_hours: String,
    /// "Working days".
    pub working_days: String,
    /// "Starts".
    pub day_start: String,
    /// "Ends".
    pub day_end: String,
    /// "What makes a week heavy (0 leaves it out)".
    pub thresholds: String,
    /// "Crisis responses".
    pub threshold_crisis: String,
    /// "Incidents".
    pub threshold_incidents: String,
    /// "Emergency visits".
    pub threshold_emergency: String,
    /// "Days past working hours".
    pub threshold_late: String,
    /// "Days without a break".
    pub threshold_no_break: String,
    /// "Days that sat heavily".
    pub threshold_heavy_debriefs: String,
    /// "Show certifications this many days before they expire".
    pub certification_notice: String,
    /// "Edit".
    pub edit: String,
    /// "Delete".
    pub delete: String,
    /// "Cancel".
    pub cancel: String,
    /// "Not set".
    pub not_set: String,
}

pub(crate) fn form_words(lang: Lang) -> CornerFormWords {
    CornerFormWords {
        new_debrief: word(lang, "corner-form-new-debrief"),
        edit_debrief: word(lang, "corner-form-edit-debrief"),
        occasion: word(lang, "corner-form-occasion"),
        day: word(lang, "corner-form-day"),
        new_supervision: word(lang, "corner-form-new-supervision"),
        edit_supervision: word(lang, "corner-form-edit-supervision"),
        with_whom: word(lang, "corner-form-with-whom"),
        topics: word(lang, "corner-form-topics"),
        add_topic: word(lang, "corner-form-add-topic"),
        held: word(lang, "corner-form-held"),
        notes: word(lang, "corner-form-notes"),
        actions: word(lang, "corner-form-actions"),
        action_what: word(lang, "corner-form-action-what"),
        action_due: word(lang, "corner-form-action-due"),
        add_action: word(lang, "corner-form-add-action"),
        action_done: word(lang, "corner-form-action-done"),
        new_certification: word(lang, "corner-form-new-certification"),
        edit_certification: word(lang, "corner-form-edit-certification"),
        certification_name: word(lang, "corner-form-certification-name"),
        certification_expires: word(lang, "corner-form-certification-expires"),
        no_expiry: word(lang, "corner-form-no-expiry"),
        settings: word(lang, "corner-form-settings"),
        working_hours: word(lang, "corner-form-working-hours"),
        working_days: word(lang, "corner-form-working-days"),
        day_start: word(lang, "corner-form-day-start"),
        day_end: word(lang, "corner-form-day-end"),
        thresholds: word(lang, "corner-form-thresholds"),
        threshold_crisis: word(lang, "corner-form-threshold-crisis"),
        threshold_incidents: word(lang, "corner-form-threshold-incidents"),
        threshold_emergency: word(lang, "corner-form-threshold-emergency"),
        threshold_late: word(lang, "corner-form-threshold-late"),
        threshold_no_break: word(lang, "corner-form-threshold-no-break"),
        threshold_heavy_debriefs: word(lang, "corner-form-threshold-heavy-debriefs"),
        certification_notice: word(lang, "corner-form-certification-notice"),
        edit: word(lang, "corner-form-edit"),
        delete: word(lang, "corner-form-delete"),
        cancel: word(lang, "corner-form-cancel"),
        not_set: word(lang, "corner-form-not-set"),
    }
}
