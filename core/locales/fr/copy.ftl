## La copie de la personne : le document HTML qu'elle garde.

copy-title = Mon plan : { $name }
copy-made = Fait le { $day }. Cette copie est à vous : gardez-la en lieu sûr.
copy-goals = Mes objectifs
copy-no-goals = Pas encore d'objectif.
copy-steps = Étapes
copy-step-done = fait
copy-my-words = Ce que j'ai dit
