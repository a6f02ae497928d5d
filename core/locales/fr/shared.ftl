## Mode partagé : ce que lit la personne accompagnée quand l'intervenant lui passe le téléphone.

shared-title = Mon plan
shared-greeting = Bonjour { $name }. Voici votre plan.
shared-goals-count = { $count ->
    [one] { $count } objectif
   *[other] { $count } objectifs
}
shared-no-goals = Aucun objectif à afficher pour l'instant.

shared-area-housing = Mon logement
shared-area-mental-health = Comment je me sens
shared-area-physical-health = Mon corps et ma santé
shared-area-daily-living = La vie de tous les jours
shared-area-work-education = Travail et études
shared-area-money = Argent
shared-area-relationships = Les gens de ma vie
shared-area-substance-use = Alcool et autres drogues
shared-area-legal = Questions juridiques
shared-area-safety = Me sentir en sécurité

shared-status-active = En cours
shared-status-achieved = Atteint
shared-status-paused = En pause pour l'instant
shared-status-set-aside = Mis de côté

shared-band-starting = Au début
shared-band-getting-there = Ça avance
shared-band-going-well = Ça va bien
shared-band-there = Là où je veux être

shared-my-rating = Vous avez dit { $score } sur 10
shared-worker-rating = Votre intervenant a dit { $score } sur 10
shared-no-rating = Pas encore de note
shared-my-ratings = Mes notes
shared-worker-ratings = Les notes de mon intervenant
shared-rate = Comment ça va ?
shared-rate-question = Comment ça va, de 1 à 10 ?

shared-step-done = J'ai fait ça
shared-step-waiting = Fait - votre intervenant le verra avec vous

shared-add-words = Ajouter mes propres mots
shared-my-words = Mes propres mots
shared-entry-kind = Type
shared-entry-what-helps-me = Ce qui m'aide
shared-entry-reflection = Une pensée
shared-entry-placeholder = Avec mes mots
shared-save = Enregistrer
shared-cancel = Annuler

shared-next-visit = Prochaine visite
shared-no-visits = Aucune visite prévue pour l'instant.

shared-give-back = Rendre le téléphone
shared-hand-back-title = Intervenant : reprendre le téléphone
shared-worker-passphrase = Phrase secrète de l'intervenant
shared-take-back = Reprendre le téléphone
shared-use-biometrics = Utiliser l'empreinte ou le visage

shared-error-closed = Cet écran s'est fermé. Merci de rendre le téléphone à votre intervenant.
shared-error-not-found = Cet élément n'est plus là.
shared-error-too-long = C'est trop long : { $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
} au plus. Merci de raccourcir.
shared-error-required = Merci d'écrire quelque chose d'abord.
shared-error-rating = Merci de choisir un nombre de 1 à 10.
shared-error-goal-closed = Cet objectif est fermé : ses étapes ne peuvent plus être cochées.
shared-error-other = Un problème est survenu. Merci de rendre le téléphone à votre intervenant.
