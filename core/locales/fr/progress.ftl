## Les progrès en image : les deux lignes de notes (la personne et l'intervenant, jamais
## moyennées) et la phrase que lit un lecteur d'écran.

progress-time-axis = Mois
progress-score-axis = Note, de 1 à 10
progress-mine = Votre propre note
progress-workers = La note de votre intervenant
progress-clients-for-worker = La propre note de la personne
progress-mine-for-worker = Votre note
progress-review = Révision du plan
progress-went = { $who } est passée de { $from } en { $first } à { $to } en { $last }.
progress-was = { $who } était de { $from } en { $first }.
progress-none = Pas encore de note.
progress-month-year = { $month } { $year }

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
