# The team as people (members, requests) and the supervisor's morning briefing.
team-unnamed = Unnamed member
team-role-lead = Team lead
team-role-supervisor = Supervisor
team-role-worker = Worker
team-device-removed = Cut off
team-device-admins-only = Last seen: known to admins only
team-device-seen = Last seen { $when }
team-device-unreachable = Last seen: the server could not be reached
team-device-never = Never seen by the server
team-member-summary = { $role } · { $devices ->
    [one] 1 device
   *[other] { $devices } devices
} · { $clients ->
    [0] no clients
    [one] 1 client
   *[other] { $clients } clients
}
team-member-covering = { $summary } · covering { $count } until { $until }
team-day-month = { $day } { $month }
team-member-left = { $summary } · left the team
team-request-done = Done
team-request-due = Wanted by { $day }
team-request-open = Open
team-request-summary = Asked by { $name }: { $text }
team-list-separator = {", "}
today-requests = { $count ->
    [one] 1 request from your supervisor
   *[other] { $count } requests from your supervisor
}
briefing-title = Morning briefing
briefing-counts = { $visits ->
    [0] No visits today
    [one] 1 visit today
   *[other] { $visits } visits today
} · { $incidents ->
    [0] no open incidents
    [one] 1 open incident
   *[other] { $incidents } open incidents
} · { $overdue ->
    [0] no overdue follow-ups
    [one] 1 overdue follow-up
   *[other] { $overdue } overdue follow-ups
}
briefing-incident-waits = Waits on { $name }: { $actions }
briefing-incident-nothing-waits = Every required action is recorded: ready to close.
briefing-unsigned = { $count ->
    [one] 1 note unsigned
   *[other] { $count } notes unsigned
}, the oldest for { $days ->
    [one] 1 day
   *[other] { $days } days
}
briefing-dependence = For { $weeks } weeks the work with this client has been advocacy, with no empowerment step recorded. Could the next visit plan a step they take, with support?
briefing-supervision-asked = { $name } asks for a supervision session.
briefing-supervision-topics = { $name } asks for a supervision session: { $topics }
briefing-debrief-shared = { $name } shared a debrief: the day sat at { $score } out of 10.
notify-inform-title = Supervisor to be informed: { $kind }
notify-inform-body = { $name } recorded it with { $client } on { $day }.
