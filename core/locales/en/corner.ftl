## The worker's own corner: debriefs, the heavy-week signal, supervision, certifications, being
## off duty (the worker reads these), and the boundary card in shared mode (the client reads those,
## in their language). Warm and plain; never a diagnosis, never a reprimand.

corner-title = My corner
corner-privacy = Only you can read what is here. It is not part of any client's record and is never shown in shared mode.
corner-save = Save

## Being on or off duty.
corner-off-duty = You are off duty. Reminders wait until your next working hours; a crisis response can still be logged.
corner-on-duty = On duty until { $end }

## Debrief.
corner-debrief = Debrief
corner-debrief-question = How did today sit with you, from 1 to 10?
corner-debrief-words = In my own words
corner-debrief-helped = What helped
corner-debrief-for-myself = What I will do for myself
corner-debrief-break = Did you have a break?
corner-debrief-share = Share this entry with my supervisor
corner-debrief-share-note = Nothing is sent yet: sharing starts when your team's sync is set up.
corner-debrief-shared = Marked to share with your supervisor
corner-occasion-end-of-day = End of the day
corner-occasion-after-crisis = After a crisis response
corner-occasion-after-incident = After an incident
corner-score = { $score } out of 10

## The heavy-week signal.
corner-heavy-title = This has been a heavy week
corner-heavy-intro = You have carried a lot this week. That is the work, not a failing. Here is what the app noticed:
corner-heavy-dismiss = Not now: hide for this week
corner-reason-crisis = { $count ->
    [one] { $count } crisis response
   *[other] { $count } crisis responses
}
corner-reason-incidents = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}
corner-reason-emergency = { $count ->
    [one] { $count } emergency visit
   *[other] { $count } emergency visits
}
corner-reason-late = { $count ->
    [one] { $count } day that ran past your working hours
   *[other] { $count } days that ran past your working hours
}
corner-reason-no-break = { $count ->
    [one] { $count } day without a break
   *[other] { $count } days without a break
}
corner-reason-heavy-debriefs = { $count ->
    [one] { $count } day that sat heavily with you
   *[other] { $count } days that sat heavily with you
}
corner-suggest-break = Take a real break, even a short one, away from work.
corner-suggest-colleague = Talk the week through with a colleague you trust.
corner-suggest-supervision = Book a supervision session to talk it over.
corner-suggest-eap = Your agency's support line is there for you too: { $name }

## Supervision.
corner-supervision = Supervision
corner-supervision-next = Next session: { $day } with { $name }
corner-supervision-none = No supervision planned. Regular supervision is part of the work: you could book one.
corner-supervision-request-note = In a team, “Ask for supervision” sends your request to your supervisors at the next sync. Without a team, book it as you usually do, then record it here.
corner-action-no-due = No due day
corner-action-due-today = Due today
corner-action-due = Due { $day }
corner-action-overdue = { $count ->
    [one] { $count } day overdue
   *[other] { $count } days overdue
}

## Certifications.
corner-certifications = Certifications
corner-cert-no-expiry = Does not expire
corner-cert-expires-today = Expires today
corner-cert-expires-in = { $count ->
    [one] Expires tomorrow
   *[other] Expires in { $count } days
}
corner-cert-expired = { $count ->
    [one] Expired yesterday
   *[other] Expired { $count } days ago
}

## The boundary card in shared mode, spoken to the client.
corner-boundary-title = Staying in touch
corner-boundary-explain = Your worker keeps their own phone number private. That is how every worker here can keep supporting people well. You can always reach the service in these ways, and help is there if things get hard.
corner-boundary-routes = Ways to reach the service
corner-boundary-crisis = If you need help urgently
corner-boundary-none = Ask your worker to write down how to reach the service.
corner-boundary-close = Back to my plan
corner-boundary-hours = Open: { $hours }
