## Errors, worded for the person who reads them: what happened, then what to do next.
## $kind is a record kind as a person names it; $field an input's name.

error-wrong-passphrase = That passphrase did not open the records. Check it and try again.
error-tampered = A record ({ $kind }) was changed outside Alongside and cannot be trusted. Restore it from a backup.
error-corrupt = The records on this phone are damaged. Restore them from a backup.
error-schema-too-new = These records were written by a newer version of Alongside. Update the app to open them.
error-locked = Alongside is locked. Unlock it to go on.
error-not-found = That record ({ $kind }) is no longer here. Go back and choose it again.
error-already-exists = There are already records in this folder. Open them, or choose an empty folder.
error-platform-key = Fingerprint or face unlock did not work. Use your passphrase; you can turn it on again in Settings.
error-too-many-attempts = Too many tries. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
error-storage = The records could not be saved or read here (the storage may be full or damaged). Free some space and try again.
error-sync = The team's records could not be synced now. Nothing was lost; try again when the phone has a connection.
error-backup-wrong-passphrase = That backup passphrase does not open this file. Check it and try again.
error-backup-corrupt = This backup file is damaged or incomplete. Use another copy of the backup.
error-backup-too-new = This backup was written by a newer version of Alongside. Update the app to restore it.
error-list-separator = {", "}

## An input that broke a rule.
rule-required = { $field } is required: fill it in.
rule-too-long = { $field } is too long: shorten it to at most { $max ->
    [one] { $max } character
   *[other] { $max } characters
}.
rule-too-short = { $field } is too short: use at least { $min ->
    [one] { $min } character
   *[other] { $min } characters
}.
rule-out-of-range = { $field } must be between { $min } and { $max }: choose a value in that range.
rule-format = { $field } is not in the right form: write it as { $expected }.
rule-not-before = { $field } must not be before { $other }: choose a later one.
rule-not-after = { $field } must not be after { $other }: choose an earlier one.
rule-wrong-owner = { $field ->
    [goal_ids] One of the goals belongs to another client: choose only this client's goals.
    [plan_id] That plan belongs to another client: use this client's own plan.
    [activity_id] That activity belongs to another client: choose one of this client's activities.
   *[other] { $field } belongs to another client or record: choose one of this one's own.
}
rule-weak = { $field } is too easy to guess: add another word or two that nobody would link to you.
rule-same-as = { $field } must differ from { $other }: choose another.

## A record whose state refuses the change: each its own sentence.
not-allowed-plan-exists = This client already has a plan. Review it to start a new version.
not-allowed-period-too-long = The period is too long: choose one of at most { $max ->
    [one] { $max } day
   *[other] { $max } days
}.
not-allowed-restore-folder-not-empty = That folder is not empty. Restore into a new or empty folder.
not-allowed-referral-transition = A referral that is { $from } cannot become { $to }: a referral only moves forward.
not-allowed-discharged-reopens-active = A discharged client can be re-opened as active, not paused. Choose active.
not-allowed-duty-twice = { $duty } is chosen twice. Choose each duty once.
not-allowed-goal-dropped = This goal was dropped. Add a new goal instead.
not-allowed-goal-closed = This goal is closed, so its steps cannot be marked. Re-open the goal first.
not-allowed-step-not-done = This step is not marked done yet. Mark it done before confirming it.
not-allowed-note-signed = This note is signed and can no longer change. Add an addendum instead.
not-allowed-note-already-signed = This note is already signed: nothing more to do.
not-allowed-note-draft = This note is still a draft. Edit it instead of adding an addendum.
not-allowed-incident-closed = This incident is closed and can no longer change: add a dated correction instead.
not-allowed-incident-open = This incident is still open: edit it instead of adding a correction.
not-allowed-action-before-day = An action is recorded before that day: keep the day on or before the first action.
not-allowed-referral-answered = The service has already answered this referral: make a new referral to the other service instead.
not-allowed-referral-changed-before = The referral's status changed before that day: keep the day on or before its first change.
not-allowed-actions-open = The incident cannot close yet: first record { $count ->
    [one] this required action
   *[other] these required actions
}: { $actions }.
not-allowed-area-twice = { $area } appears twice. Keep one entry for each life area.
not-allowed-area-empty = { $area } has nothing recorded. Give it a score or some words, or leave the area out.
not-allowed-session-not-held-yet = A session on a day still to come cannot be held yet: mark it held on the day or after.

## Inputs by name, as a sentence starts with them (field-<the call's field name>).
field-preferred_name = The preferred name
field-legal_name = The legal name
field-pronouns = The pronouns
field-text = The text
field-reason = The reason
field-outcome = The outcome
field-purpose = The purpose
field-client_words = The client's words
field-worker_step = The worker's step
field-measure = The measure
field-description = The description
field-name = The name
field-what = What is to be done
field-why = Why
field-by = Who did it
field-time = The time
field-on = The day
field-due = The due day
field-review_due = The review's due day
field-next_due = The next review's day
field-score = The score
field-duties = The duties
field-passphrase = The passphrase
field-new_passphrase = The new passphrase
field-language = The language
field-place = The place
field-notes = The notes
field-details = The details
field-value = This field

## What a value is compared with, and the forms expected.
what-today = today
what-activity-day = the activity's day
what-referral-made = the day the referral was made
what-referral-last-change = the referral's last change
what-plan-start = the plan's start
what-day-after-plan-start = the day after the plan starts
what-review-day = the review day
what-last-review = the last review
what-working-day-start = the start of the working day
what-incident-day = the day of the incident
what-last-action = the last recorded action
what-period-start = the period's first day
what-duress-passphrase = the duress passphrase
what-unlock-passphrase = the unlock passphrase
form-date = a date as YYYY-MM-DD in the years { $first } to { $last }
form-time = a time as HH:MM, to the minute
form-record-id = a record id
form-file-path = a file path
form-folder-path = a folder path
form-folder = a folder
form-language-tag = a language tag such as en, fr-CA or zh-Hant-TW
form-one-line = one line of text without control or direction-override characters
form-text = text without control or direction-override characters (newlines and tabs are fine)
not-allowed-not-team-admin = Only the team lead or a supervisor can do this.
not-allowed-request-not-yours = This request was made of another team member: only they can mark it done.
not-allowed-no-such-member = The team has no such member, or they have left it.
not-allowed-team-lease-expired = This phone has not reached the team's server for more than { $days } { $days ->
    [one] day
   *[other] days
 }: sync to open the team's clients again.
