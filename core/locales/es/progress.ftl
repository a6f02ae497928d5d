## El progreso en imagen: las dos líneas de puntuación (la persona y su acompañante, nunca
## promediadas) y la frase que lee un lector de pantalla.

progress-time-axis = Mes
progress-score-axis = Puntuación, de 1 a 10
progress-mine = Tu propia puntuación
progress-workers = La puntuación de tu acompañante
progress-clients-for-worker = La propia puntuación de la persona
progress-mine-for-worker = Tu puntuación
progress-review = Revisión del plan
progress-went = { $who } pasó de { $from } en { $first } a { $to } en { $last }.
progress-was = { $who } fue { $from } en { $first }.
progress-none = Aún sin puntuaciones.
progress-month-year = { $month } de { $year }

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
