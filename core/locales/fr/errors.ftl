## Les erreurs, pour la personne qui les lit : ce qui s'est passé, puis quoi faire.

error-wrong-passphrase = Cette phrase secrète n'a pas ouvert les dossiers. Vérifiez-la et réessayez.
error-tampered = Un dossier ({ $kind }) a été modifié en dehors d'Alongside et n'est plus fiable. Restaurez-le depuis une sauvegarde.
error-corrupt = Les dossiers de ce téléphone sont endommagés. Restaurez-les depuis une sauvegarde.
error-schema-too-new = Ces dossiers ont été écrits par une version plus récente d'Alongside. Mettez l'application à jour pour les ouvrir.
error-locked = Alongside est verrouillé. Déverrouillez-le pour continuer.
error-not-found = Cet élément ({ $kind }) n'est plus là. Revenez en arrière et choisissez-le à nouveau.
error-already-exists = Ce dossier contient déjà des données. Ouvrez-les ou choisissez un dossier vide.
error-platform-key = Le déverrouillage par empreinte ou visage n'a pas fonctionné. Utilisez votre phrase secrète ; vous pourrez le réactiver dans les Réglages.
error-too-many-attempts = Trop d'essais. Réessayez dans { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}.
error-storage = Les dossiers n'ont pas pu être enregistrés ou lus ici (l'espace est peut-être plein ou endommagé). Libérez de l'espace et réessayez.
error-sync = Les dossiers de l'équipe n'ont pas pu être synchronisés. Rien n'est perdu ; réessayez quand le téléphone a une connexion.
error-backup-wrong-passphrase = Cette phrase secrète de sauvegarde n'ouvre pas ce fichier. Vérifiez-la et réessayez.
error-backup-corrupt = Ce fichier de sauvegarde est endommagé ou incomplet. Utilisez une autre copie de la sauvegarde.
error-backup-too-new = Cette sauvegarde a été écrite par une version plus récente d'Alongside. Mettez l'application à jour pour la restaurer.
error-list-separator = {", "}

rule-required = { $field } est obligatoire : remplissez-le.
rule-too-long = { $field } est trop long : raccourcissez-le à { $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
} au plus.
rule-too-short = { $field } est trop court : utilisez au moins { $min ->
    [one] { $min } caractère
   *[other] { $min } caractères
}.
rule-out-of-range = { $field } doit être entre { $min } et { $max } : choisissez une valeur dans cet intervalle.
rule-format = { $field } n'a pas la bonne forme : écrivez-le comme { $expected }.
rule-not-before = { $field } ne doit pas précéder { $other } : choisissez une date plus tardive.
rule-not-after = { $field } ne doit pas suivre { $other } : choisissez une date plus précoce.
rule-wrong-owner = { $field ->
    [goal_ids] L'un des objectifs appartient à une autre personne : choisissez uniquement les objectifs de cette personne.
    [plan_id] Ce plan appartient à une autre personne : utilisez le plan de cette personne.
    [activity_id] Cette activité appartient à une autre personne : choisissez l'une des activités de cette personne.
   *[other] { $field } appartient à une autre personne ou à un autre dossier : choisissez l'un des siens.
}
rule-weak = { $field } est trop facile à deviner : ajoutez un ou deux mots que personne ne relierait à vous.
rule-same-as = { $field } doit être différent de { $other } : choisissez-en un autre.

not-allowed-plan-exists = Cette personne a déjà un plan. Faites-en la révision pour commencer une nouvelle version.
not-allowed-period-too-long = La période est trop longue : choisissez-en une d'au plus { $max ->
    [one] { $max } jour
   *[other] { $max } jours
}.
not-allowed-restore-folder-not-empty = Ce dossier n'est pas vide. Restaurez dans un dossier nouveau ou vide.
not-allowed-referral-transition = Une orientation « { $from } » ne peut pas devenir « { $to } » : une orientation ne fait qu'avancer.
not-allowed-discharged-reopens-active = Un dossier clos peut être rouvert comme actif, pas en pause. Choisissez actif.
not-allowed-duty-twice = { $duty } est choisi deux fois. Choisissez chaque mission une seule fois.
not-allowed-goal-dropped = Cet objectif a été abandonné. Ajoutez plutôt un nouvel objectif.
not-allowed-goal-closed = Cet objectif est fermé : ses étapes ne peuvent pas être cochées. Rouvrez d'abord l'objectif.
not-allowed-step-not-done = Cette étape n'est pas encore cochée comme faite. Cochez-la avant de la confirmer.
not-allowed-note-signed = Cette note est signée et ne peut plus changer. Ajoutez plutôt un addendum.
not-allowed-note-already-signed = Cette note est déjà signée : il n'y a plus rien à faire.
not-allowed-note-draft = Cette note est encore un brouillon. Modifiez-la au lieu d'ajouter un addendum.
not-allowed-incident-closed = Cet incident est clos et ne peut plus changer : ajoutez plutôt une correction datée.
not-allowed-incident-open = Cet incident est encore ouvert : modifiez-le au lieu d'ajouter une correction.
not-allowed-action-before-day = Une action est enregistrée avant ce jour : gardez un jour égal ou antérieur à la première action.
not-allowed-referral-answered = Le service a déjà répondu à cette orientation : faites plutôt une nouvelle orientation vers l'autre service.
not-allowed-referral-changed-before = Le statut de l'orientation a changé avant ce jour : gardez un jour égal ou antérieur à son premier changement.
not-allowed-actions-open = L'incident ne peut pas encore être clos : enregistrez d'abord { $count ->
    [one] cette action obligatoire
   *[other] ces actions obligatoires
} : { $actions }.
not-allowed-area-twice = { $area } apparaît deux fois. Gardez une seule entrée par domaine de vie.
not-allowed-area-empty = Rien n'est noté pour { $area }. Donnez une note ou quelques mots, ou retirez ce domaine.
not-allowed-session-not-held-yet = Une séance prévue à une date à venir ne peut pas encore avoir eu lieu : indiquez-la comme tenue le jour même ou après.

field-preferred_name = Le nom d'usage
field-legal_name = Le nom légal
field-pronouns = Les pronoms
field-text = Le texte
field-reason = La raison
field-outcome = L'issue
field-purpose = L'objet
field-client_words = Les mots de la personne
field-worker_step = L'étape de l'intervenant
field-measure = La mesure
field-description = La description
field-name = Le nom
field-what = Ce qui est à faire
field-why = Le pourquoi
field-by = Qui l'a fait
field-time = L'heure
field-on = Le jour
field-due = L'échéance
field-review_due = L'échéance de la révision
field-next_due = Le jour de la prochaine révision
field-score = La note
field-duties = Les missions
field-passphrase = La phrase secrète
field-new_passphrase = La nouvelle phrase secrète
field-language = La langue
field-place = Le lieu
field-notes = Les notes
field-details = Les détails
field-value = Ce champ

what-today = aujourd'hui
what-activity-day = le jour de l'activité
what-referral-made = le jour de l'orientation
what-referral-last-change = le dernier changement de l'orientation
what-plan-start = le début du plan
what-day-after-plan-start = le lendemain du début du plan
what-review-day = le jour de la révision
what-last-review = la dernière révision
what-working-day-start = le début de la journée de travail
what-incident-day = le jour de l'incident
what-last-action = la dernière action consignée
what-period-start = le premier jour de la période
what-duress-passphrase = la phrase secrète de contrainte
what-unlock-passphrase = la phrase secrète de déverrouillage
form-date = une date AAAA-MM-JJ entre { $first } et { $last }
form-time = une heure HH:MM, à la minute
form-record-id = un identifiant de dossier
form-file-path = un chemin de fichier
form-folder-path = un chemin de dossier
form-folder = un dossier
form-language-tag = une étiquette de langue comme en, fr-CA ou zh-Hant-TW
form-one-line = une ligne de texte sans caractère de contrôle ni de forçage de direction
form-text = un texte sans caractère de contrôle ni de forçage de direction (retours à la ligne et tabulations acceptés)
not-allowed-not-team-admin = Seuls la ou le responsable d'équipe et les superviseurs peuvent faire cela.
not-allowed-request-not-yours = Cette demande s'adresse à un autre membre de l'équipe : lui seul peut l'indiquer comme faite.
not-allowed-no-such-member = L'équipe n'a pas ce membre, ou il l'a quittée.
not-allowed-team-lease-expired = Ce téléphone n'a pas joint le serveur de l'équipe depuis plus de { $days } { $days ->
    [one] jour
   *[other] jours
 } : synchronisez pour rouvrir les dossiers de l'équipe.
