## What the worker's screens and forms show: a label for every kind, status and state.
## Ids are label-<what>-<value>, the value as the calls take it (snake_case).

label-activity_kind-home_visit = Home visit
label-activity_kind-community = Community visit
label-activity_kind-office = Office visit
label-activity_kind-phone_or_video = Phone or video call
label-activity_kind-accompanying = Accompanying to an appointment
label-activity_kind-group_session = Group session
label-activity_kind-crisis_response = Crisis response
label-activity_kind-third_party_contact = Contact on the client's behalf

label-activity_status-scheduled = Scheduled
label-activity_status-done = Done
label-activity_status-missed = Missed
label-activity_status-cancelled = Cancelled

label-scheduling-planned = Planned
label-scheduling-emergency = Emergency
label-scheduling-as_needed = As needed

label-area-housing = Housing
label-area-mental_health = Mental health
label-area-physical_health = Physical health and self-care
label-area-daily_living = Daily living skills
label-area-work_education = Work and education
label-area-money = Money
label-area-relationships = Relationships and social life
label-area-substance_use = Substance use
label-area-legal = Legal
label-area-safety = Safety

label-risk_level-low = Low
label-risk_level-medium = Medium
label-risk_level-high = High

label-client_status-active = Active
label-client_status-paused = Paused since { $since }
label-client_status-discharged = Discharged { $on }

label-duty-educate = Educate
    .description = Teach a skill or share knowledge
label-duty-empower = Empower
    .description = The person acts for themself, with your support
label-duty-advocate = Advocate
    .description = You act on the person's behalf

label-entry_kind-what_helps_me = What helps me
label-entry_kind-reflection = A thought

label-incident_kind-medication_refusal = Medication refusal
label-incident_kind-suspected_abuse = Suspected abuse
label-incident_kind-safety_risk = Safety risk
label-incident_kind-crisis = Crisis
label-incident_kind-other = Other incident

label-required_action-listen_to_concerns = Listen to the person's concerns
label-required_action-document_refusal = Document the refusal
label-required_action-inform_supervisor = Inform the supervisor
label-required_action-report_per_protocol = Report per agency protocol
label-required_action-assess_risk = Assess the risk
label-required_action-decide_escalation = Decide on escalation

label-goal_status-active = Working on it
label-goal_status-achieved = Achieved { $on }
label-goal_status-paused = Paused
label-goal_status-dropped = Set aside

label-author-client = The client
label-author-worker = The worker

label-resource_category-crisis_line = Crisis line
label-resource_category-food_bank = Food bank
label-resource_category-legal_aid = Legal aid
label-resource_category-housing = Housing
label-resource_category-healthcare = Healthcare
label-resource_category-mental_health = Mental health
label-resource_category-substance_use = Substance use
label-resource_category-employment = Employment and training
label-resource_category-childcare = Childcare
label-resource_category-education = Education support
label-resource_category-employee_assistance = Employee assistance
label-resource_category-agency = Agency contact
label-resource_category-other = Other

label-referral_status-made = Referral made
label-referral_status-accepted = Accepted
label-referral_status-declined = Declined
label-referral_status-completed = Completed

label-due_kind-visit = Visit
label-due_kind-follow_up = Follow-up
label-due_kind-plan_review = Plan review
label-due_kind-goal_target = Goal target

label-trend-up = Going up
label-trend-same = The same
label-trend-down = Going down
label-trend-not_enough = Not enough ratings yet

label-duty_trend-rising = Rising
label-duty_trend-steady = Steady
label-duty_trend-falling = Falling
label-duty_trend-not_enough_data = Not enough to compare

label-timeline_kind-activity = Visit
label-timeline_kind-note = Case note
label-timeline_kind-incident = Incident
label-timeline_kind-referral = Referral
label-timeline_kind-rating = Rating
label-timeline_kind-review = Plan review

label-step-open = To do
label-step-done = Done
label-step-marked_by_client = Marked done by the client; please confirm
label-step-confirmed = Done and confirmed

label-record-client = Client
label-record-note = Case note
label-record-addendum = Addendum
label-record-activity = Visit
label-record-follow_up_open = Follow-up
label-record-plan = Plan
label-record-plan_version = Plan version
label-record-goal = Goal
label-record-step = Step
label-record-rating = Rating
label-record-review = Plan review
label-record-incident = Incident
label-record-referral = Referral
label-record-resource = Resource
label-record-assessment = Assessment
label-record-client_entry = Client's own words
label-record-duty_settings = Duty settings
label-record-worker_settings = Worker settings
label-record-vault = Vault
label-record-wellness_plan = Wellness and crisis plan
label-record-revision = Earlier revision
label-record-note_draft = Draft to sign
label-record-incident_correction = Incident correction
label-record-debrief = Debrief
label-record-supervision = Supervision session
label-record-certification = Certification

label-auto_lock-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}

## Languages, each in its own name, for the language setting.
label-language-en = English
label-language-fr = Français
label-language-es = Español
label-language-ar = العربية

## Counts.
count-people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
count-clients = { $count ->
    [one] { $count } client
   *[other] { $count } clients
}
count-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
count-addenda = { $count ->
    [one] { $count } addendum
   *[other] { $count } addenda
}
count-records = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
count-actions-to-record = { $count ->
    [one] { $count } required action to record
   *[other] { $count } required actions to record
}
count-goals = { $count ->
    [one] { $count } goal
   *[other] { $count } goals
}
count-audit-entries = { $count ->
    [one] { $count } audit entry
   *[other] { $count } audit entries
}
count-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}

## The day's screen, the incident screen and the timeline.
today-visits = { $count ->
    [one] { $count } visit
   *[other] { $count } visits
}
today-follow-ups-due = { $count ->
    [one] { $count } follow-up due
   *[other] { $count } follow-ups due
}
today-overdue = ({ $count } overdue)
today-plan-reviews = { $count ->
    [one] { $count } plan review
   *[other] { $count } plan reviews
}
today-open-incidents = { $count ->
    [one] { $count } open incident
   *[other] { $count } open incidents
}
today-referrals-to-check = { $count ->
    [one] { $count } referral to check
   *[other] { $count } referrals to check
}
today-nothing = Nothing planned
due-today = Due today
due-overdue = { $count ->
    [one] { $count } day overdue
   *[other] { $count } days overdue
}
review-due-today = Review due today
review-overdue = Review overdue by { $count ->
    [one] { $count } day
   *[other] { $count } days
}
review-due-in = Review due in { $count ->
    [one] { $count } day
   *[other] { $count } days
}
incident-closed-on = Closed on { $on }
incident-ready = Ready to close
any-time = Any time
unknown-resource = Unknown resource
due-plan-review = Plan review
due-goal = Goal: { $words }
due-follow-up = Follow up: { $what }
due-visit-at = { $kind } at { $time }
timeline-activity = { $kind } · { $duties }
timeline-activity-status = { $kind } · { $duties } ({ $status })
timeline-cancelled = Cancelled: { $reason }
timeline-note = Case note
timeline-note-draft = Case note (draft)
timeline-incident-open = Incident: { $kind } (open)
timeline-incident-closed = Incident: { $kind } (closed)
timeline-referral = Referral to { $name }: { $status }
timeline-rating-client = Progress { $score }/10, rated by { $name }
timeline-rating-worker = Progress { $score }/10, rated by the worker
timeline-review = Plan review (version { $version })
balance-none = No activities recorded in this period.
balance-summary = { $count ->
    [one] { $count } activity
   *[other] { $count } activities
}: { $shares }

today-draft-started = Started today
today-draft-unsigned = { $count ->
    [one] Unsigned for { $count } day
   *[other] Unsigned for { $count } days
}
today-notes-to-sign = { $count ->
    [one] { $count } note to sign
   *[other] { $count } notes to sign
}
today-off-duty = Off duty
