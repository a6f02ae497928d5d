//! The apps' own chrome in the worker's language: tab names, buttons, field labels, titles and
//! the explanations beside a setting (`app.ftl`). Everything about a client, a plan or a day is
//! worded by its screen model; these are the words around it, so no app holds an English
//! sentence of its own. `app_words` gives the plain words as one record; `app_phrase` the few
//! with values put in (days and numbers formatted by the platform, passed as text).

use serde::Serialize;

use crate::words::{say, word, Arg, Lang};

/// Declares a words record (one `String` field per message of `app.ftl`), the exported call
/// that fills it in a language, and the list of its message ids for the locale tests.
///
/// The apps receive the record as its twin in module `$wire` (the same fields under the same
/// name, each a [`ChromeWord`]). Why a twin: uniffi's derived writer moves a record's fields
/// out one at a time, and for every field that may fail to write it keeps code that drops each
/// field not yet written; with nearly 300 `String` fields that came to 530 KB of the phone
/// library (docs/performance.md, "The phone library's size"). A `ChromeWord` has nothing to
/// drop, so the twin's writer is one write per field.
macro_rules! words_record {
    (
        $(#[$record_doc:meta])* struct $record:ident;
        wire $wire:ident;
        $(#[$call_doc:meta])* fn $call:ident;
        ids $ids:ident;
        $($field:ident = $id:literal, $english:literal;)*
    ) => {
        $(#[$record_doc])*
        #[derive(Clone, Debug, PartialEq, Serialize)]
        pub struct $record {
            $(
                #[doc = $english]
                pub $field: String,
            )*
        }

        /// Every message id the record reads, for the locale tests.
        #[cfg(test)]
        pub(crate) const $ids: &[&str] = &[$($id),*];

        $(#[$call_doc])*
        pub fn $call(language: Lang) -> $record {
            $record {
                $($field: word(language, $id),)*
            }
        }

        /// The record as the apps receive it (see `words_record!`).
        #[cfg(feature = "ffi")]
        mod $wire {
            use super::{word, ChromeWord, Lang};

            $(#[$record_doc])*
            #[derive(uniffi::Record)]
            pub struct $record {
                $(
                    #[doc = $english]
                    pub $field: ChromeWord,
                )*
            }

            $(#[$call_doc])*
            #[uniffi::export]
            pub fn $call(language: Lang) -> $record {
                $record {
                    $($field: ChromeWord::new(word(language, $id)),)*
                }
            }
        }
    };
}

/// One word of the apps' chrome on its way to them: a `String` there (Kotlin and Swift see the
/// type as a plain string), and in Rust one that is never dropped, only handed over whole to
/// the record's writer (see `words_record!`).
#[cfg(feature = "ffi")]
pub struct ChromeWord(std::mem::ManuallyDrop<String>);

#[cfg(feature = "ffi")]
impl ChromeWord {
    fn new(text: String) -> Self {
        ChromeWord(std::mem::ManuallyDrop::new(text))
    }
}

#[cfg(feature = "ffi")]
uniffi::custom_type!(ChromeWord, String, {
    lower: |w| std::mem::ManuallyDrop::into_inner(w.0),
    try_lift: |s| Ok(ChromeWord::new(s)),
});

words_record! {
    /// The apps' chrome in one language: every field is one message of `app.ftl`, named
    /// after it (`action_save` is `app-action-save`); its English is the field's doc.
    struct AppWords;
    wire app_words_wire;
    /// The apps' chrome in `language` (English for any message a language lacks).
    fn app_words;
    ids APP_WORD_IDS;
    tab_today = "app-tab-today", "Today";
    tab_caseload = "app-tab-caseload", "Caseload";
    tab_corner = "app-tab-corner", "My corner";
    tab_settings = "app-tab-settings", "Settings";
    action_add = "app-action-add", "Add";
    action_add_addendum = "app-action-add-addendum", "Add an addendum";
    action_add_client = "app-action-add-client", "Add a client";
    action_add_follow_up = "app-action-add-follow-up", "Add follow-up";
    action_add_step = "app-action-add-step", "Add a step";
    action_back = "app-action-back", "Back";
    action_backup_save = "app-action-backup-save", "Save backup…";
    action_backup_share = "app-action-backup-share", "Share backup…";
    action_cancel = "app-action-cancel", "Cancel";
    action_change_passphrase = "app-action-change-passphrase", "Change passphrase";
    action_choose_backup = "app-action-choose-backup", "Choose a backup file";
    action_choose_other_backup = "app-action-choose-other-backup", "Choose another backup file";
    action_clear = "app-action-clear", "Clear";
    action_close_incident = "app-action-close-incident", "Close the incident";
    action_confirm_step = "app-action-confirm-step", "Confirm";
    action_continue = "app-action-continue", "Continue";
    action_create_vault = "app-action-create-vault", "Create";
    action_discard = "app-action-discard", "Discard";
    action_dismiss = "app-action-dismiss", "Dismiss";
    action_hand_over = "app-action-hand-over", "Hand to client";
    action_load_more = "app-action-load-more", "Show older";
    action_lock_now = "app-action-lock-now", "Lock now";
    action_quick_hide = "app-action-quick-hide", "Hide now";
    action_log_visit = "app-action-log-visit", "Log a visit";
    action_mark_done = "app-action-mark-done", "Done";
    action_mark_missed = "app-action-mark-missed", "Missed";
    action_new_note = "app-action-new-note", "New note";
    action_ok = "app-action-ok", "OK";
    action_open = "app-action-open", "Open";
    action_open_client = "app-action-open-client", "Open the client";
    action_open_incident = "app-action-open-incident", "Open the incident";
    action_rate_progress = "app-action-rate-progress", "Rate progress";
    action_remove_duress_passphrase = "app-action-remove-duress-passphrase", "Remove duress passphrase";
    action_report = "app-action-report", "Report";
    action_report_incident = "app-action-report-incident", "Report an incident";
    action_restore = "app-action-restore", "Restore";
    action_save = "app-action-save", "Save";
    action_save_changes = "app-action-save-changes", "Save changes";
    action_save_draft = "app-action-save-draft", "Save draft";
    action_save_visit = "app-action-save-visit", "Save visit";
    action_set_duress_passphrase = "app-action-set-duress-passphrase", "Set duress passphrase";
    action_sign = "app-action-sign", "Sign";
    action_start_plan = "app-action-start-plan", "Start a plan";
    action_take_back = "app-action-take-back", "Take the phone back";
    action_unlock = "app-action-unlock", "Unlock";
    action_unlock_biometrics = "app-action-unlock-biometrics", "Use fingerprint or face";
    biometric_enrol_title = "app-biometric-enrol-title", "Turn on unlocking with biometrics";
    biometric_unlock_title = "app-biometric-unlock-title", "Unlock Alongside";
    biometric_use_passphrase = "app-biometric-use-passphrase", "Use passphrase";
    unlock_title = "app-unlock-title", "Alongside is locked";
    create_title = "app-create-title", "Welcome to Alongside";
    create_explainer = "app-create-explainer", "Everything you record is encrypted on this phone under a passphrase only you know. Choose a long one: a few words you will remember. If it is lost, nobody can open the records.";
    restore_title = "app-restore-title", "New phone?";
    restore_explainer = "app-restore-explainer", "Restore your records from an Alongside backup file. Choose this phone's passphrase above, then the file and the passphrase it was sealed with.";
    restore_copy_failed = "app-restore-copy-failed", "The backup file could not be read. Choose it again.";
    passphrases_differ = "app-passphrases-differ", "The two passphrases are not the same.";
    value_none = "app-value-none", "none";
    field_addendum_reason = "app-field-addendum-reason", "Why this addendum";
    field_addendum_text = "app-field-addendum-text", "Addendum";
    field_backup_passphrase = "app-field-backup-passphrase", "Backup passphrase";
    field_current_passphrase = "app-field-current-passphrase", "Current passphrase";
    field_day = "app-field-day", "Day";
    field_details = "app-field-details", "Details";
    field_done_by = "app-field-done-by", "Done by";
    field_due = "app-field-due", "Due";
    field_duress_passphrase = "app-field-duress-passphrase", "Duress passphrase";
    field_follow_up = "app-field-follow-up", "Follow-up";
    field_language = "app-field-language", "Language they read";
    field_language_hint = "app-field-language-hint", "For example en, fr-CA, pl";
    field_minutes = "app-field-minutes", "Minutes";
    field_my_words = "app-field-my-words", "In my words";
    field_new_passphrase = "app-field-new-passphrase", "New passphrase";
    field_note = "app-field-note", "Note";
    field_occurred_on = "app-field-occurred-on", "When";
    field_on = "app-field-on", "On";
    field_outcome = "app-field-outcome", "Outcome";
    field_passphrase = "app-field-passphrase", "Passphrase";
    field_passphrase_again = "app-field-passphrase-again", "The same passphrase again";
    field_place = "app-field-place", "Place";
    field_preferred_name = "app-field-preferred-name", "Name they go by";
    field_pronouns = "app-field-pronouns", "Pronouns";
    field_purpose = "app-field-purpose", "Purpose: the lesson in mind";
    field_purpose_needed = "app-field-purpose-needed", "Purpose: the lesson in mind (needed for this kind)";
    field_rating_words = "app-field-rating-words", "Words (optional)";
    field_review_due = "app-field-review-due", "Review due";
    field_step = "app-field-step", "Step";
    field_time = "app-field-time", "Time";
    field_what_happened = "app-field-what-happened", "What happened";
    field_worker_passphrase = "app-field-worker-passphrase", "Worker's passphrase";
    today_visits = "app-today-visits", "Visits";
    today_follow_ups = "app-today-follow-ups", "Follow-ups";
    today_reviews = "app-today-reviews", "Plan reviews";
    today_incidents = "app-today-incidents", "Open incidents";
    today_referrals = "app-today-referrals", "Referrals to follow up";
    overdue = "app-overdue", "Overdue";
    client_plan = "app-client-plan", "Recovery plan";
    client_own_words = "app-client-own-words", "In their own words";
    client_owns = "app-client-owns", "Wellness plan, progress and copy";
    client_progress = "app-client-progress", "Progress";
    action_write = "app-action-write", "Write";
    copy_action = "app-copy-action", "Give the client their copy";
    copy_warning_title = "app-copy-warning-title", "This copy leaves the vault";
    copy_warning = "app-copy-warning", "The client's copy is not sealed: whoever holds it can read their goals, ratings and wellness and crisis plan. Share it only with the client, to a place they choose.";
    copy_share_anyway = "app-copy-share-anyway", "Share with the client";
    copy_share_title = "app-copy-share-title", "Share the client's copy";
    client_timeline = "app-client-timeline", "Timeline";
    plan_none = "app-plan-none", "No plan yet. Build it with them.";
    plan_review_overdue = "app-plan-review-overdue", "The review is overdue.";
    rating_client = "app-rating-client", "Client";
    rating_worker = "app-rating-worker", "Worker";
    rating_none = "app-rating-none", "Not rated yet";
    trend_up = "app-trend-up", "Going up";
    trend_same = "app-trend-same", "Steady";
    trend_down = "app-trend-down", "Going down";
    trend_not_enough = "app-trend-not-enough", "Not enough ratings for a trend";
    step_open = "app-step-open", "Not done yet";
    step_marked_by_client = "app-step-marked-by-client", "Marked done by the client; please confirm";
    handover_title = "app-handover-title", "Hand the phone to the client?";
    handover_explainer = "app-handover-explainer", "They will see only their own plan, and can rate it and add their own words. The app is pinned to that screen. Taking the phone back needs your passphrase or biometrics. Tip: in Android settings, turn on \"Ask for PIN before unpinning\".";
    log_visit_title = "app-log-visit-title", "Log a visit";
    visit_kind = "app-visit-kind", "Kind";
    visit_duties = "app-visit-duties", "Duties";
    visit_goals = "app-visit-goals", "Goals it worked on";
    visit_suggested = "app-visit-suggested", "The purpose suggests";
    visit_follow_ups = "app-visit-follow-ups", "Follow-ups";
    scheduling_planned = "app-scheduling-planned", "Planned";
    scheduling_emergency = "app-scheduling-emergency", "Emergency";
    scheduling_as_needed = "app-scheduling-as-needed", "As needed";
    note_title = "app-note-title", "Case note";
    note_hints = "app-note-hints", "Language";
    note_addenda = "app-note-addenda", "Addenda";
    sign_title = "app-sign-title", "Sign this note?";
    sign_explainer = "app-sign-explainer", "A signed note is a record that never changes. Corrections are added as dated addenda.";
    discard_title = "app-discard-title", "Discard this draft?";
    incident_title = "app-incident-title", "Incident";
    incident_kind = "app-incident-kind", "What kind of situation";
    incident_required = "app-incident-required", "Required actions";
    incident_donts = "app-incident-donts", "Do not";
    incident_action_missing = "app-incident-action-missing", "Still to do";
    shared_add_words = "app-shared-add-words", "Add my own words";
    shared_give_back = "app-shared-give-back", "Give the phone back";
    shared_my_ratings = "app-shared-my-ratings", "My ratings";
    shared_worker_ratings = "app-shared-worker-ratings", "My worker's ratings";
    shared_rate = "app-shared-rate", "How is it going?";
    shared_step_done = "app-shared-step-done", "I did this";
    entry_what_helps_me = "app-entry-what-helps-me", "What helps me";
    entry_reflection = "app-entry-reflection", "A thought";
    hand_back_title = "app-hand-back-title", "Worker: take the phone back";
    settings_biometrics = "app-settings-biometrics", "Unlock with fingerprint or face";
    enrol_explainer = "app-enrol-explainer", "Enter your passphrase, then confirm with your fingerprint or face. The key stays in this phone's secure hardware.";
    settings_auto_lock = "app-settings-auto-lock", "Lock when away for";
    settings_change_passphrase = "app-settings-change-passphrase", "Passphrase";
    settings_passphrase_changed = "app-settings-passphrase-changed", "Passphrase changed.";
    settings_duress = "app-settings-duress", "Duress passphrase";
    duress_explainer = "app-duress-explainer", "A second passphrase to give up if someone forces you to open the app. It opens an empty-looking vault while your real records stay locked. Nothing is wiped, and your real vault records that it was used the next time you unlock it. Biometric unlock always opens the real vault.";
    settings_duress_set = "app-settings-duress-set", "Duress passphrase set.";
    settings_duress_removed = "app-settings-duress-removed", "Duress passphrase removed.";
    settings_backup = "app-settings-backup", "Backup";
    backup_explainer = "app-backup-explainer", "One file with all your records, sealed under a backup passphrase. Keep that passphrase somewhere safe: without it the file cannot be opened.";
    backup_copy_failed = "app-backup-copy-failed", "The backup could not be written there. Try another place.";
    error_biometrics_failed = "app-error-biometrics-failed", "Biometrics did not unlock. Use your passphrase; you can turn biometrics on again in Settings.";
    error_unexpected = "app-error-unexpected", "Something went wrong. Nothing was changed.";
    field_what_changed = "app-field-what-changed", "What changed";
    field_why = "app-field-why", "Why";
    action_hold_review = "app-action-hold-review", "Hold the review";
    review_history = "app-review-history", "Earlier reviews and versions";
    referrals_title = "app-referrals-title", "Referrals";
    resources_title = "app-resources-title", "Resources";
    action_set_outcome = "app-action-set-outcome", "Set the outcome";
    action_refer = "app-action-refer", "Refer";
    duty_balance_title = "app-duty-balance-title", "Duty balance";
    assessments_title = "app-assessments-title", "Assessments";
    action_new_assessment = "app-action-new-assessment", "New assessment";
    field_strengths = "app-field-strengths", "Strengths";
    field_needs = "app-field-needs", "Needs";
    field_risk = "app-field-risk", "A risk";
    action_save_area = "app-action-save-area", "Keep this area";
    action_add_risk = "app-action-add-risk", "Add the risk";
    ios_duress_explainer = "app-ios-duress-explainer", "A second passphrase to give up if someone forces you to open the app. It opens an empty-looking vault while your real records stay locked. Nothing is wiped, and your real vault records that it was used the next time you unlock it. Face ID and Touch ID always open the real vault.";
    action_choose = "app-action-choose", "Choose";
    duty_chooses = "app-duty-chooses", "Chooses this duty";
    status_completed = "app-status-completed", "Completed";
    could_not_open = "app-could-not-open", "Could not be opened";
    review_earlier = "app-review-earlier", "Earlier reviews";
    ios_enrol_explainer = "app-ios-enrol-explainer", "Enter your passphrase. The key stays in this phone's Secure Enclave and only Face ID or Touch ID can use it.";
    action_make_backup = "app-action-make-backup", "Make a backup";
    step_marks_done = "app-step-marks-done", "Marks it done";
    review_next = "app-review-next", "Next review";
    review_title = "app-review-title", "Plan review";
    action_record_plain = "app-action-record-plain", "Record";
    action_remove = "app-action-remove", "Remove";
    action_save_to_files = "app-action-save-to-files", "Save to Files…";
    visit_scheduling = "app-visit-scheduling", "Scheduling";
    action_set_time = "app-action-set-time", "Set a time";
    action_share = "app-action-share", "Share…";
    action_start = "app-action-start", "Start";
    field_lesson = "app-field-lesson", "The lesson in mind";
    ios_handover_explainer = "app-ios-handover-explainer", "They will see only their own plan, and can rate it and add their own words. Taking the phone back needs your passphrase or Face ID / Touch ID. Turn on Guided Access to keep the phone on this screen.";
    ios_guided_access = "app-ios-guided-access", "To keep the phone on this screen, start Guided Access: triple-click the side button. (Turn it on in Settings › Accessibility › Guided Access.)";
    ios_settings_biometrics = "app-ios-settings-biometrics", "Unlock with Face ID or Touch ID";
    ios_action_unlock_biometrics = "app-ios-action-unlock-biometrics", "Use Face ID or Touch ID";
    visit_when_where = "app-visit-when-where", "When and where";
    ios_biometrics_failed = "app-ios-biometrics-failed", "Face ID or Touch ID did not unlock. Use your passphrase; you can turn biometrics on again in Settings.";
    settings_language = "app-settings-language", "Language";
    action_edit = "app-action-edit", "Edit";
    action_correct = "app-action-correct", "Add a correction";
    field_correction_reason = "app-field-correction-reason", "Why the correction";
    history_title = "app-history-title", "Earlier versions";
    wellness_versions_title = "app-wellness-versions-title", "Saved versions of the plan";
    field_reason = "app-field-reason", "Reason";
    incident_corrections = "app-incident-corrections", "Corrections";
    field_language_options = "app-field-language-options", "Languages the app speaks";
    action_add_goal = "app-action-add-goal", "Add a goal";
    action_edit_goal = "app-action-edit-goal", "Edit the goal";
    field_client_words = "app-field-client-words", "The goal, in their words";
    field_worker_step = "app-field-worker-step", "Worker's step";
    field_measure = "app-field-measure", "How progress shows";
    field_visible_to_client = "app-field-visible-to-client", "The client sees it in shared mode";
    team_title = "app-team-title", "Team";
    team_explainer = "app-team-explainer", "Your team's phones share their records through your agency's server, sealed so the server cannot read them.";
    field_server_url = "app-field-server-url", "Server address";
    action_team_create = "app-action-team-create", "Start a team";
    action_team_invite = "app-action-team-invite", "Invite a phone";
    team_invite_explainer = "app-team-invite-explainer", "Show this code to the other phone in person. It works once, for 7 days.";
    field_invite_code = "app-field-invite-code", "Invite code";
    action_team_join = "app-action-team-join", "Join the team";
    action_sync_now = "app-action-sync-now", "Sync now";
    sync_review_title = "app-sync-review-title", "Needs review";
    sync_review_none = "app-sync-review-none", "Nothing needs review.";
    action_keep_value = "app-action-keep-value", "Keep this value";
}

words_record! {
    /// The chrome of the apps' team screens (members, briefing, requests, supervision, team
    /// notifications) in one language, from `app.ftl` like `AppWords` (a record of its own: the
    /// phone bindings take at most 256 fields a record).
    struct TeamWords;
    wire team_words_wire;
    /// The team screens' chrome in `language` (English for any message a language lacks).
    fn team_words;
    ids TEAM_WORD_IDS;
    tab_briefing = "app-tab-briefing", "Briefing";
    members_title = "app-members-title", "Members";
    action_members = "app-action-members", "See the members";
    field_my_team_name = "app-field-my-team-name", "My name in the team";
    members_list_only = "app-members-list-only", "Only the team's supervisors can change who works with whom.";
    field_client = "app-field-client", "Client";
    action_assign_client = "app-action-assign-client", "Assign a client";
    field_remove_previous = "app-field-remove-previous", "The previous worker loses access";
    assign_explainer = "app-assign-explainer", "Their phones receive the client's whole history at the next sync. If the previous worker loses access, the client's records are sealed with new keys and leave their phones.";
    action_cover = "app-action-cover", "Cover clients until a date";
    field_cover_until = "app-field-cover-until", "Until (the first day without them)";
    cover_explainer = "app-cover-explainer", "The colleague's phones hold these clients until that day, then erase them by themselves.";
    action_remove_device = "app-action-remove-device", "Cut off this phone";
    remove_device_confirm = "app-remove-device-confirm", "The server refuses this phone at once and every record it held is sealed with new keys. If it ever syncs again, it erases the team's records. This cannot be undone.";
    action_remove_member = "app-action-remove-member", "Remove from the team";
    remove_member_confirm = "app-remove-member-confirm", "Every phone of this member is cut off and the keys of every client they held change. What they wrote stays with the team. This cannot be undone.";
    action_make_supervisor = "app-action-make-supervisor", "Make a supervisor";
    action_make_worker = "app-action-make-worker", "Make a worker";
    field_lease_days = "app-field-lease-days", "Offline lease in days (0: none)";
    lease_explainer = "app-lease-explainer", "A phone that has not reached the server for this many days cannot open the team's clients until it syncs.";
    briefing_visits = "app-briefing-visits", "Visits today";
    briefing_incidents = "app-briefing-incidents", "Open incidents";
    briefing_follow_ups = "app-briefing-follow-ups", "Overdue follow-ups";
    briefing_reviews = "app-briefing-reviews", "Reviews due";
    briefing_unsigned = "app-briefing-unsigned", "Unsigned notes";
    briefing_balance = "app-briefing-balance", "Duty balance";
    briefing_supervision = "app-briefing-supervision", "Supervision requests";
    briefing_debriefs = "app-briefing-debriefs", "Shared debriefs";
    briefing_requests = "app-briefing-requests", "What you asked";
    field_unsigned_days = "app-field-unsigned-days", "Show notes unsigned for more than (days)";
    action_ask = "app-action-ask", "Ask this worker";
    field_ask_text = "app-field-ask-text", "What you ask";
    field_ask_due = "app-field-ask-due", "Wanted by (optional)";
    field_ask_client = "app-field-ask-client", "About a client (optional)";
    ask_no_client = "app-ask-no-client", "No client";
    today_requests_title = "app-today-requests-title", "Asked by your supervisor";
    action_ask_supervision = "app-action-ask-supervision", "Ask for supervision";
    field_supervision_topics = "app-field-supervision-topics", "What you would like to raise (optional)";
    supervision_request_explainer = "app-supervision-request-explainer", "Your supervisors see that you ask, and the topics if you write them. It reaches them at the next sync.";
    action_share_debrief = "app-action-share-debrief", "Share this debrief with my supervisor";
    share_debrief_explainer = "app-share-debrief-explainer", "Your supervisors will see this one entry: its day, the score and the words you wrote. Nothing else from your corner is shared, and the entry stays on this phone.";
    sent_next_sync = "app-sent-next-sync", "Saved; it reaches your supervisors at the next sync.";
    sync_removed_from_team = "app-sync-removed-from-team", "This phone was removed from the team: the team's records were erased from it.";
    notify_channel = "app-notify-channel", "Team alerts";
    notify_public_title = "app-notify-public-title", "An incident needs your attention";
    notify_public_body = "app-notify-public-body", "Open Alongside to see it.";
}

/// A phrase of the apps' chrome with values put in. Days and times are passed already
/// formatted by the platform; counts as numbers, so the language picks the plural.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum AppPhrase {
    /// "Record: Safety check", on a button that records an action.
    Record {
        /// What is recorded.
        label: String,
    },
    /// "Remove follow-up: Call the landlord", a remove button's spoken label.
    RemoveFollowUp {
        /// The follow-up's words.
        label: String,
    },
    /// "Field: value", a labelled value in a list.
    FieldValue {
        /// The label.
        field: String,
        /// The value.
        value: String,
    },
    /// "Sam (they/them)".
    NameWithPronouns {
        /// The name the client goes by.
        name: String,
        /// Their pronouns.
        pronouns: String,
    },
    /// "3 active goals", with the language's plural.
    ActiveGoals {
        /// How many.
        count: u32,
    },
    /// "Version 2, started 1 Nov".
    PlanVersion {
        /// The plan's version number.
        version: u32,
        /// The day it started, formatted by the platform.
        started: String,
    },
    /// "Review due 1 Feb".
    PlanReviewDue {
        /// The day, formatted by the platform.
        day: String,
    },
    /// "Worker's step: ...".
    GoalWorkerStep {
        /// The step's words.
        step: String,
    },
    /// "Measure: ...".
    GoalMeasure {
        /// How progress is measured.
        measure: String,
    },
    /// "by 1 Mar", a goal's target day.
    GoalTarget {
        /// The day, formatted by the platform.
        day: String,
    },
    /// "Steps done: 2 of 5".
    GoalStepsDone {
        /// Steps done.
        done: u32,
        /// All the goal's steps.
        total: u32,
    },
    /// "7 out of 10".
    RatingScore {
        /// The score.
        score: u32,
    },
    /// "Your rating: <goal>", the worker's rating dialog's title.
    RateAsWorkerTitle {
        /// The goal's words.
        goal: String,
    },
    /// "Done 3 Nov", a step done on a day.
    StepDoneOn {
        /// The day, formatted by the platform.
        day: String,
    },
    /// "Call the landlord, by 9 Nov".
    FollowUpLine {
        /// What is to be done.
        what: String,
        /// When by, formatted by the platform.
        due: String,
    },
    /// "\"non-compliant\": consider declined, chose not to".
    NoteHintLine {
        /// The words the hint is about.
        words: String,
        /// The suggestions, already joined.
        suggestions: String,
    },
    /// "Signed <when>. It can no longer change; add an addendum instead."
    NoteSignedAt {
        /// When, formatted by the platform.
        at: String,
    },
    /// "Draft, saved <when>".
    NoteDraftSaved {
        /// When, formatted by the platform.
        at: String,
    },
    /// "<when>: <reason>", an addendum's header.
    AddendumHeader {
        /// When, formatted by the platform.
        at: String,
        /// Why the addendum was written.
        reason: String,
    },
    /// "<client>, <day>, <status>", an incident's header.
    IncidentHeader {
        /// The client's name.
        client: String,
        /// The day it happened, formatted by the platform.
        day: String,
        /// Its status, as the incident screen words it.
        status: String,
    },
    /// "Done by <who> on <day>", a required action done.
    IncidentActionDone {
        /// Who did it.
        by: String,
        /// The day, formatted by the platform.
        day: String,
    },
    /// "Backup saved: 120 records, 40960 bytes."
    BackupDone {
        /// How many records the backup holds.
        records: u32,
        /// Its size, formatted by the platform.
        bytes: String,
    },
    /// "Check on it 9 Nov", a referral's follow-up day.
    ReferralFollowUp {
        /// The day, formatted by the platform.
        day: String,
    },
    /// "2 clients were handed to another worker and left this phone.", after a sync.
    ClientsHandedAway {
        /// How many clients left this phone.
        count: u32,
    },
}

/// A phrase of the apps' chrome in `language`, its values put in.
#[cfg_attr(feature = "ffi", uniffi::export)]
pub fn app_phrase(language: Lang, phrase: AppPhrase) -> String {
    let s = |v: &String| Arg::from(v);
    let n = |v: u32| Arg::from(v);
    match &phrase {
        AppPhrase::Record { label } => say(language, "app-record", &[("label", s(label))]),
        AppPhrase::RemoveFollowUp { label } => {
            say(language, "app-remove-follow-up", &[("label", s(label))])
        }
        AppPhrase::FieldValue { field, value } => say(
            language,
            "app-field-value",
            &[("field", s(field)), ("value", s(value))],
        ),
        AppPhrase::NameWithPronouns { name, pronouns } => say(
            language,
            "app-name-with-pronouns",
            &[("name", s(name)), ("pronouns", s(pronouns))],
        ),
        AppPhrase::ActiveGoals { count } => {
            say(language, "app-active-goals", &[("count", n(*count))])
        }
        AppPhrase::PlanVersion { version, started } => say(
            language,
            "app-plan-version",
            &[("version", n(*version)), ("started", s(started))],
        ),
        AppPhrase::PlanReviewDue { day } => {
            say(language, "app-plan-review-due", &[("day", s(day))])
        }
        AppPhrase::GoalWorkerStep { step } => {
            say(language, "app-goal-worker-step", &[("step", s(step))])
        }
        AppPhrase::GoalMeasure { measure } => {
            say(language, "app-goal-measure", &[("measure", s(measure))])
        }
        AppPhrase::GoalTarget { day } => say(language, "app-goal-target", &[("day", s(day))]),
        AppPhrase::GoalStepsDone { done, total } => say(
            language,
            "app-goal-steps-done",
            &[("done", n(*done)), ("total", n(*total))],
        ),
        AppPhrase::RatingScore { score } => {
            say(language, "app-rating-score", &[("score", n(*score))])
        }
        AppPhrase::RateAsWorkerTitle { goal } => {
            say(language, "app-rate-as-worker-title", &[("goal", s(goal))])
        }
        AppPhrase::StepDoneOn { day } => say(language, "app-step-done-on", &[("day", s(day))]),
        AppPhrase::FollowUpLine { what, due } => say(
            language,
            "app-follow-up-line",
            &[("what", s(what)), ("due", s(due))],
        ),
        AppPhrase::NoteHintLine { words, suggestions } => say(
            language,
            "app-note-hint-line",
            &[("words", s(words)), ("suggestions", s(suggestions))],
        ),
        AppPhrase::NoteSignedAt { at } => say(language, "app-note-signed-at", &[("at", s(at))]),
        AppPhrase::NoteDraftSaved { at } => say(language, "app-note-draft-saved", &[("at", s(at))]),
        AppPhrase::AddendumHeader { at, reason } => say(
            language,
            "app-addendum-header",
            &[("at", s(at)), ("reason", s(reason))],
        ),
        AppPhrase::IncidentHeader {
            client,
            day,
            status,
        } => say(
            language,
            "app-incident-header",
            &[
                ("client", s(client)),
                ("day", s(day)),
                ("status", s(status)),
            ],
        ),
        AppPhrase::IncidentActionDone { by, day } => say(
            language,
            "app-incident-action-done",
            &[("by", s(by)), ("day", s(day))],
        ),
        AppPhrase::BackupDone { records, bytes } => say(
            language,
            "app-backup-done",
            &[("records", n(*records)), ("bytes", s(bytes))],
        ),
        AppPhrase::ReferralFollowUp { day } => {
            say(language, "app-referral-follow-up", &[("day", s(day))])
        }
        AppPhrase::ClientsHandedAway { count } => say(
            language,
            "app-sync-clients-handed-away",
            &[("count", n(*count))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::plain;

    #[test]
    fn every_app_word_is_in_every_language() {
        for lang in Lang::ALL {
            for id in APP_WORD_IDS.iter().chain(TEAM_WORD_IDS) {
                assert!(crate::words::has(lang, id), "{id} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn the_apps_words_are_in_the_workers_language() {
        assert_eq!(app_words(Lang::En).tab_today, "Today");
        assert_eq!(app_words(Lang::Fr).tab_today, "Aujourd'hui");
        assert_eq!(app_words(Lang::Es).action_save, "Guardar");
        assert_ne!(app_words(Lang::Ar).action_save, "Save");
    }

    #[test]
    fn phrases_put_their_values_in_with_the_languages_plural() {
        let goals = |lang, count| plain(&app_phrase(lang, AppPhrase::ActiveGoals { count }));
        assert_eq!(goals(Lang::En, 1), "1 active goal");
        assert_eq!(goals(Lang::En, 3), "3 active goals");
        assert_eq!(goals(Lang::Fr, 3), "3 objectifs en cours");
        let due = AppPhrase::PlanReviewDue {
            day: "1 Feb".into(),
        };
        assert_eq!(plain(&app_phrase(Lang::En, due)), "Review due 1 Feb");
    }
}
