## The worker's screens: the day's heading, records that could not be opened, why a duty is
## suggested, and what not to do in an incident (the field's own guidance).
today-title = Your day
unreadable-record = { $kind } { $id } could not be opened: restore it from a backup.
duty-suggest-reason = Because of { $count ->
    [one] { $words }
   *[other] { $words }
}
duty-dependence-hint = For { $weeks } weeks, the work with { $name } has been advocacy, with no empowerment step recorded. Could the next visit plan a step { $name } takes, with your support?
duty-suggest-quoted = “{ $text }”
incident-dont-force-medication = Do not force the person to take it
incident-dont-dismiss-reasons = Do not dismiss their reasons
incident-dont-investigate = Do not investigate yourself
incident-dont-confront = Do not confront the person suspected
incident-dont-stay-in-danger = Do not stay alone in danger; call for help
incident-dont-keep-risk-secret = Do not promise to keep a risk secret
hint-why-label = describes a person by a condition
hint-why-describe = a judgement; describe what happened instead
hint-why-decided = a judgement; say what the person decided
hint-why-wheelchair = a wheelchair gives freedom rather than confining
hint-why-victim = casts the person as a victim of their condition
hint-why-slur = a slur
hint-why-committed = "committed" implies a crime
