# Synchronisation de l'équipe : éléments « à revoir » et ligne d'état.
sync-review = Deux téléphones ont modifié « { $field } » de ce { $kind } différemment. Choisissez la valeur à garder.
sync-choice = { $value }, du téléphone { $device }, { $when }
sync-status = { $outbox ->
    [0] Tout est envoyé.
    [one] Une modification attend d'être envoyée.
   *[other] { $outbox } modifications attendent d'être envoyées.
} { $reviews ->
    [0] Rien à revoir.
    [one] Un dossier est à revoir.
   *[other] { $reviews } dossiers sont à revoir.
}
sync-status-none = Ce téléphone n'est dans aucune équipe.
sync-status-waiting = En attente du téléphone d'un administrateur pour ajouter celui-ci à l'équipe.
sync-lease-left = Les personnes suivies de l'équipe restent ouvertes encore { $days ->
    [one] 1 jour
   *[other] { $days } jours
} sans synchronisation.
sync-lease-expired = Les personnes suivies de l'équipe sont fermées : ce téléphone n'a pas joint le serveur depuis trop longtemps. Une synchronisation les ouvre à nouveau.
# Une révision refusée par une synchronisation : quel téléphone l'a envoyée et pourquoi (jamais son contenu).
sync-refused = Une modification du téléphone { $device } a été refusée. { $reason }
sync-refused-kind = Une modification ({ $kind }) du téléphone { $device } a été refusée. { $reason }
sync-refused-unknown-device = Son auteur n'est pas un appareil de l'équipe.
sync-refused-could-not-open = Elle n'a pas pu être ouverte : endommagée, ou non scellée avec la clé de l'équipe.
sync-refused-bad-signature = Elle n'est pas signée par le téléphone qu'elle nomme.
sync-refused-unreadable = Cette version de l'application ne peut pas lire son contenu.
sync-refused-record-mismatch = Elle désigne un dossier que ce téléphone connaît comme un autre.
