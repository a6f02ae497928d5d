# L'équipe comme personnes (membres, demandes) et le point du matin de la ou du superviseur.
team-unnamed = Membre sans nom
team-role-lead = Responsable d'équipe
team-role-supervisor = Superviseur·e
team-role-worker = Intervenant·e
team-device-removed = Coupé
team-device-admins-only = Dernière connexion : connue des responsables seulement
team-device-seen = Vu le { $when }
team-device-unreachable = Dernière connexion : le serveur est injoignable
team-device-never = Jamais vu par le serveur
team-member-summary = { $role } · { $devices ->
    [one] 1 appareil
   *[other] { $devices } appareils
} · { $clients ->
    [0] aucune personne suivie
    [one] 1 personne suivie
   *[other] { $clients } personnes suivies
}
team-member-covering = { $summary } · en remplacement pour { $count ->
    [one] 1 personne
   *[other] { $count } personnes
} jusqu'au { $until }
team-day-month = { $day } { $month }
team-member-left = { $summary } · a quitté l'équipe
team-request-done = Fait
team-request-due = Pour le { $day }
team-request-open = À faire
team-request-summary = Demandé par { $name } : { $text }
team-list-separator = {", "}
today-requests = { $count ->
    [one] 1 demande de votre superviseur·e
   *[other] { $count } demandes de votre superviseur·e
}
briefing-title = Point du matin
briefing-counts = { $visits ->
    [0] Aucune visite aujourd'hui
    [one] 1 visite aujourd'hui
   *[other] { $visits } visites aujourd'hui
} · { $incidents ->
    [0] aucun incident ouvert
    [one] 1 incident ouvert
   *[other] { $incidents } incidents ouverts
} · { $overdue ->
    [0] aucun suivi en retard
    [one] 1 suivi en retard
   *[other] { $overdue } suivis en retard
}
briefing-incident-waits = En attente de { $name } : { $actions }
briefing-incident-nothing-waits = Toutes les actions requises sont consignées : prêt à clore.
briefing-unsigned = { $count ->
    [one] 1 note non signée
   *[other] { $count } notes non signées
}, la plus ancienne depuis { $days ->
    [one] 1 jour
   *[other] { $days } jours
}
briefing-dependence = Depuis { $weeks } semaines, le travail avec cette personne est du plaidoyer, sans étape d'autonomisation consignée. La prochaine visite pourrait-elle prévoir une étape qu'elle franchit elle-même, avec du soutien ?
briefing-supervision-asked = { $name } demande une séance de supervision.
briefing-supervision-topics = { $name } demande une séance de supervision : { $topics }
briefing-debrief-shared = { $name } a partagé un bilan : la journée a été vécue à { $score } sur 10.
notify-inform-title = Superviseur·e à informer : { $kind }
notify-inform-body = { $name } l'a consigné avec { $client } le { $day }.
