## Ce que montrent les écrans et formulaires de l'intervenant.

label-activity_kind-home_visit = Visite à domicile
label-activity_kind-community = Visite dans la communauté
label-activity_kind-office = Rendez-vous au bureau
label-activity_kind-phone_or_video = Appel téléphonique ou vidéo
label-activity_kind-accompanying = Accompagnement à un rendez-vous
label-activity_kind-group_session = Séance de groupe
label-activity_kind-crisis_response = Intervention de crise
label-activity_kind-third_party_contact = Démarche pour la personne

label-activity_status-scheduled = Prévue
label-activity_status-done = Faite
label-activity_status-missed = Manquée
label-activity_status-cancelled = Annulée

label-scheduling-planned = Planifiée
label-scheduling-emergency = Urgence
label-scheduling-as_needed = Au besoin

label-area-housing = Logement
label-area-mental_health = Santé mentale
label-area-physical_health = Santé physique et soins de soi
label-area-daily_living = Vie quotidienne
label-area-work_education = Travail et études
label-area-money = Argent
label-area-relationships = Relations et vie sociale
label-area-substance_use = Consommation de substances
label-area-legal = Juridique
label-area-safety = Sécurité

label-risk_level-low = Faible
label-risk_level-medium = Moyen
label-risk_level-high = Élevé

label-client_status-active = Actif
label-client_status-paused = En pause depuis le { $since }
label-client_status-discharged = Clos le { $on }

label-duty-educate = Éduquer
    .description = Enseigner un savoir-faire ou partager des connaissances
label-duty-empower = Rendre autonome
    .description = La personne agit elle-même, avec votre soutien
label-duty-advocate = Défendre
    .description = Vous agissez au nom de la personne

label-entry_kind-what_helps_me = Ce qui m'aide
label-entry_kind-reflection = Une pensée

label-incident_kind-medication_refusal = Refus de traitement
label-incident_kind-suspected_abuse = Maltraitance soupçonnée
label-incident_kind-safety_risk = Risque pour la sécurité
label-incident_kind-crisis = Crise
label-incident_kind-other = Autre incident

label-required_action-listen_to_concerns = Écouter les inquiétudes de la personne
label-required_action-document_refusal = Consigner le refus
label-required_action-inform_supervisor = Informer la personne responsable
label-required_action-report_per_protocol = Signaler selon le protocole de l'organisme
label-required_action-assess_risk = Évaluer le risque
label-required_action-decide_escalation = Décider d'une remontée

label-goal_status-active = En cours
label-goal_status-achieved = Atteint le { $on }
label-goal_status-paused = En pause
label-goal_status-dropped = Mis de côté

label-author-client = La personne
label-author-worker = L'intervenant

label-resource_category-crisis_line = Ligne de crise
label-resource_category-food_bank = Banque alimentaire
label-resource_category-legal_aid = Aide juridique
label-resource_category-housing = Logement
label-resource_category-healthcare = Soins de santé
label-resource_category-mental_health = Santé mentale
label-resource_category-substance_use = Dépendances
label-resource_category-employment = Emploi et formation
label-resource_category-childcare = Garde d'enfants
label-resource_category-education = Soutien scolaire
label-resource_category-employee_assistance = Aide aux employés
label-resource_category-agency = Contact de l'organisme
label-resource_category-other = Autre

label-referral_status-made = Orientation faite
label-referral_status-accepted = Acceptée
label-referral_status-declined = Refusée
label-referral_status-completed = Terminée

label-due_kind-visit = Visite
label-due_kind-follow_up = Suivi
label-due_kind-plan_review = Révision du plan
label-due_kind-goal_target = Échéance d'objectif

label-trend-up = En hausse
label-trend-same = Stable
label-trend-down = En baisse
label-trend-not_enough = Pas encore assez de notes

label-duty_trend-rising = En hausse
label-duty_trend-steady = Stable
label-duty_trend-falling = En baisse
label-duty_trend-not_enough_data = Pas assez pour comparer

label-timeline_kind-activity = Visite
label-timeline_kind-note = Note de suivi
label-timeline_kind-incident = Incident
label-timeline_kind-referral = Orientation
label-timeline_kind-rating = Note
label-timeline_kind-review = Révision du plan

label-step-open = À faire
label-step-done = Fait
label-step-marked_by_client = Cochée par la personne ; merci de confirmer
label-step-confirmed = Faite et confirmée

label-record-client = Personne accompagnée
label-record-note = Note de suivi
label-record-addendum = Addendum
label-record-activity = Visite
label-record-follow_up_open = Suivi
label-record-plan = Plan
label-record-plan_version = Version du plan
label-record-goal = Objectif
label-record-step = Étape
label-record-rating = Note
label-record-review = Révision du plan
label-record-incident = Incident
label-record-referral = Orientation
label-record-resource = Ressource
label-record-assessment = Évaluation
label-record-client_entry = Mots de la personne
label-record-duty_settings = Réglages des missions
label-record-worker_settings = Réglages de l'intervenant
label-record-vault = Coffre
label-record-wellness_plan = Plan de bien-être et de crise
label-record-revision = Version antérieure
label-record-note_draft = Brouillon à signer
label-record-incident_correction = Correction d'incident
label-record-debrief = Bilan personnel
label-record-supervision = Séance de supervision
label-record-certification = Certification

label-auto_lock-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}

label-language-en = English
label-language-fr = Français
label-language-es = Español
label-language-ar = العربية

count-people = { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
count-clients = { $count ->
    [one] { $count } personne accompagnée
   *[other] { $count } personnes accompagnées
}
count-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
count-addenda = { $count ->
    [one] { $count } addendum
   *[other] { $count } addenda
}
count-records = { $count ->
    [one] { $count } dossier
   *[other] { $count } dossiers
}
count-actions-to-record = { $count ->
    [one] { $count } action obligatoire à consigner
   *[other] { $count } actions obligatoires à consigner
}
count-goals = { $count ->
    [one] { $count } objectif
   *[other] { $count } objectifs
}
count-audit-entries = { $count ->
    [one] { $count } entrée du journal
   *[other] { $count } entrées du journal
}
count-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}

today-visits = { $count ->
    [one] { $count } visite
   *[other] { $count } visites
}
today-follow-ups-due = { $count ->
    [one] { $count } suivi à faire
   *[other] { $count } suivis à faire
}
today-overdue = ({ $count } en retard)
today-plan-reviews = { $count ->
    [one] { $count } révision de plan
   *[other] { $count } révisions de plan
}
today-open-incidents = { $count ->
    [one] { $count } incident ouvert
   *[other] { $count } incidents ouverts
}
today-referrals-to-check = { $count ->
    [one] { $count } orientation à vérifier
   *[other] { $count } orientations à vérifier
}
today-nothing = Rien de prévu
due-today = À faire aujourd'hui
due-overdue = { $count ->
    [one] { $count } jour de retard
   *[other] { $count } jours de retard
}
review-due-today = Révision prévue aujourd'hui
review-overdue = Révision en retard de { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
review-due-in = Révision dans { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
incident-closed-on = Clos le { $on }
incident-ready = Prêt à être clos
any-time = À n'importe quelle heure
unknown-resource = Ressource inconnue
due-plan-review = Révision du plan
due-goal = Objectif : { $words }
due-follow-up = Suivi : { $what }
due-visit-at = { $kind } à { $time }
timeline-activity = { $kind } · { $duties }
timeline-activity-status = { $kind } · { $duties } ({ $status })
timeline-cancelled = Annulée : { $reason }
timeline-note = Note de suivi
timeline-note-draft = Note de suivi (brouillon)
timeline-incident-open = Incident : { $kind } (ouvert)
timeline-incident-closed = Incident : { $kind } (clos)
timeline-referral = Orientation vers { $name } : { $status }
timeline-rating-client = Progrès { $score }/10, noté par { $name }
timeline-rating-worker = Progrès { $score }/10, noté par l'intervenant
timeline-review = Révision du plan (version { $version })
balance-none = Aucune activité enregistrée sur cette période.
balance-summary = { $count ->
    [one] { $count } activité
   *[other] { $count } activités
} : { $shares }

today-draft-started = Commencée aujourd'hui
today-draft-unsigned = { $count ->
    [one] Non signée depuis { $count } jour
   *[other] Non signée depuis { $count } jours
}
today-notes-to-sign = { $count ->
    [one] { $count } note à signer
   *[other] { $count } notes à signer
}
today-off-duty = Hors service
