## La copia de la persona: el documento HTML que guarda.

copy-title = Mi plan: { $name }
copy-made = Hecho el { $day }. Esta copia es tuya: guárdala en un lugar seguro.
copy-goals = Mis metas
copy-no-goals = Aún no hay metas.
copy-steps = Pasos
copy-step-done = hecho
copy-my-words = Lo que dije
