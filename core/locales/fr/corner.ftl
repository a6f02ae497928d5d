## Le coin de l'intervenant : bilans, semaine chargée, supervision, certifications, hors service ;
## et la carte des limites en mode partagé (lue par la personne accompagnée).

corner-title = Mon coin
corner-privacy = Vous seul pouvez lire ce qui est ici. Rien de cela ne fait partie du dossier d'une personne accompagnée ni n'apparaît en mode partagé.
corner-save = Enregistrer

corner-off-duty = Vous n'êtes pas en service. Les rappels attendent vos prochaines heures de travail ; une intervention de crise peut toujours être notée.
corner-on-duty = En service jusqu'à { $end }

corner-debrief = Bilan
corner-debrief-question = Comment avez-vous vécu cette journée, de 1 à 10 ?
corner-debrief-words = Avec mes propres mots
corner-debrief-helped = Ce qui m'a aidé
corner-debrief-for-myself = Ce que je vais faire pour moi
corner-debrief-break = Avez-vous pu faire une pause ?
corner-debrief-share = Partager ce bilan avec mon superviseur
corner-debrief-share-note = Rien n'est encore envoyé : le partage commencera quand la synchronisation de l'équipe sera en place.
corner-debrief-shared = À partager avec votre superviseur
corner-occasion-end-of-day = Fin de journée
corner-occasion-after-crisis = Après une intervention de crise
corner-occasion-after-incident = Après un incident
corner-score = { $score } sur 10

corner-heavy-title = Cette semaine a été lourde
corner-heavy-intro = Vous avez porté beaucoup cette semaine. C'est le travail, pas un échec. Voici ce que l'application a remarqué :
corner-heavy-dismiss = Pas maintenant : masquer pour cette semaine
corner-reason-crisis = { $count ->
    [one] { $count } intervention de crise
   *[other] { $count } interventions de crise
}
corner-reason-incidents = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}
corner-reason-emergency = { $count ->
    [one] { $count } visite d'urgence
   *[other] { $count } visites d'urgence
}
corner-reason-late = { $count ->
    [one] { $count } journée qui a dépassé vos heures de travail
   *[other] { $count } journées qui ont dépassé vos heures de travail
}
corner-reason-no-break = { $count ->
    [one] { $count } journée sans pause
   *[other] { $count } journées sans pause
}
corner-reason-heavy-debriefs = { $count ->
    [one] { $count } journée vécue lourdement
   *[other] { $count } journées vécues lourdement
}
corner-suggest-break = Prenez une vraie pause, même courte, loin du travail.
corner-suggest-colleague = Parlez de la semaine avec un collègue de confiance.
corner-suggest-supervision = Réservez une séance de supervision pour en parler.
corner-suggest-eap = La ligne de soutien de votre organisme est là pour vous aussi : { $name }

corner-supervision = Supervision
corner-supervision-next = Prochaine séance : { $day } avec { $name }
corner-supervision-none = Aucune supervision prévue. La supervision régulière fait partie du travail : vous pourriez en réserver une.
corner-supervision-request-note = Dans une équipe, « Demander une supervision » envoie votre demande à vos superviseurs à la prochaine synchronisation. Sans équipe, réservez-la comme d'habitude, puis notez-la ici.
corner-action-no-due = Sans échéance
corner-action-due-today = À faire aujourd'hui
corner-action-due = À faire pour le { $day }
corner-action-overdue = { $count ->
    [one] En retard de { $count } jour
   *[other] En retard de { $count } jours
}

corner-certifications = Certifications
corner-cert-no-expiry = N'expire pas
corner-cert-expires-today = Expire aujourd'hui
corner-cert-expires-in = { $count ->
    [one] Expire demain
   *[other] Expire dans { $count } jours
}
corner-cert-expired = { $count ->
    [one] Expirée hier
   *[other] Expirée depuis { $count } jours
}

corner-boundary-title = Rester en contact
corner-boundary-explain = Votre intervenant garde son numéro personnel privé. C'est ainsi que chaque intervenant ici peut continuer à bien accompagner les gens. Vous pouvez toujours joindre le service de ces façons, et de l'aide existe si les choses deviennent difficiles.
corner-boundary-routes = Comment joindre le service
corner-boundary-crisis = Si vous avez besoin d'aide en urgence
corner-boundary-none = Demandez à votre intervenant de noter comment joindre le service.
corner-boundary-close = Retour à mon plan
corner-boundary-hours = Ouvert : { $hours }
