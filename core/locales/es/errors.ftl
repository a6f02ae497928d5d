## Los errores, para quien los lee: qué pasó y qué hacer ahora.

error-wrong-passphrase = Esa frase de contraseña no abrió los registros. Revísala e inténtalo de nuevo.
error-tampered = Un registro ({ $kind }) se cambió fuera de Alongside y no es fiable. Restáuralo desde una copia de seguridad.
error-corrupt = Los registros de este teléfono están dañados. Restáuralos desde una copia de seguridad.
error-schema-too-new = Estos registros los escribió una versión más nueva de Alongside. Actualiza la aplicación para abrirlos.
error-locked = Alongside está bloqueado. Desbloquéalo para seguir.
error-not-found = Ese registro ({ $kind }) ya no está. Vuelve atrás y elígelo de nuevo.
error-already-exists = Ya hay registros en esta carpeta. Ábrelos o elige una carpeta vacía.
error-platform-key = El desbloqueo con huella o rostro no funcionó. Usa tu frase de contraseña; puedes volver a activarlo en Ajustes.
error-too-many-attempts = Demasiados intentos. Vuelve a intentarlo en { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}.
error-storage = Los registros no se pudieron guardar ni leer aquí (el almacenamiento puede estar lleno o dañado). Libera espacio e inténtalo de nuevo.
error-sync = Los registros del equipo no se pudieron sincronizar ahora. No se perdió nada; inténtalo de nuevo cuando el teléfono tenga conexión.
error-backup-wrong-passphrase = Esa frase de contraseña de la copia no abre este archivo. Revísala e inténtalo de nuevo.
error-backup-corrupt = Este archivo de copia de seguridad está dañado o incompleto. Usa otra copia.
error-backup-too-new = Esta copia la escribió una versión más nueva de Alongside. Actualiza la aplicación para restaurarla.
error-list-separator = {", "}

rule-required = { $field } es obligatorio: complétalo.
rule-too-long = { $field } es demasiado largo: acórtalo a { $max ->
    [one] { $max } carácter
   *[other] { $max } caracteres
} como máximo.
rule-too-short = { $field } es demasiado corto: usa al menos { $min ->
    [one] { $min } carácter
   *[other] { $min } caracteres
}.
rule-out-of-range = { $field } debe estar entre { $min } y { $max }: elige un valor en ese rango.
rule-format = { $field } no tiene la forma correcta: escríbelo como { $expected }.
rule-not-before = { $field } no puede ser anterior a { $other }: elige una fecha posterior.
rule-not-after = { $field } no puede ser posterior a { $other }: elige una fecha anterior.
rule-wrong-owner = { $field ->
    [goal_ids] Una de las metas es de otra persona: elige solo metas de esta persona.
    [plan_id] Ese plan es de otra persona: usa el plan de esta persona.
    [activity_id] Esa actividad es de otra persona: elige una de las actividades de esta persona.
   *[other] { $field } es de otra persona u otro registro: elige uno de los suyos.
}
rule-weak = { $field } es demasiado fácil de adivinar: añade una o dos palabras que nadie relacione contigo.
rule-same-as = { $field } debe ser distinto de { $other }: elige otro.

not-allowed-plan-exists = Esta persona ya tiene un plan. Revísalo para empezar una nueva versión.
not-allowed-period-too-long = El periodo es demasiado largo: elige uno de { $max ->
    [one] { $max } día
   *[other] { $max } días
} como máximo.
not-allowed-restore-folder-not-empty = Esa carpeta no está vacía. Restaura en una carpeta nueva o vacía.
not-allowed-referral-transition = Una derivación «{ $from }» no puede pasar a «{ $to }»: una derivación solo avanza.
not-allowed-discharged-reopens-active = Un caso cerrado puede reabrirse como activo, no en pausa. Elige activo.
not-allowed-duty-twice = { $duty } está elegido dos veces. Elige cada tarea una sola vez.
not-allowed-goal-dropped = Esta meta se abandonó. Añade una meta nueva en su lugar.
not-allowed-goal-closed = Esta meta está cerrada: sus pasos no se pueden marcar. Reábrela primero.
not-allowed-step-not-done = Este paso aún no está marcado como hecho. Márcalo antes de confirmarlo.
not-allowed-note-signed = Esta nota está firmada y ya no puede cambiar. Añade una adenda en su lugar.
not-allowed-note-already-signed = Esta nota ya está firmada: no hay nada más que hacer.
not-allowed-note-draft = Esta nota aún es un borrador. Edítala en vez de añadir una adenda.
not-allowed-incident-closed = Este incidente está cerrado y ya no puede cambiar: añade una corrección con fecha.
not-allowed-incident-open = Este incidente sigue abierto: edítalo en lugar de añadir una corrección.
not-allowed-action-before-day = Hay una acción registrada antes de ese día: deja el día en la primera acción o antes.
not-allowed-referral-answered = El servicio ya respondió a esta derivación: haz una nueva derivación al otro servicio.
not-allowed-referral-changed-before = El estado de la derivación cambió antes de ese día: deja el día en su primer cambio o antes.
not-allowed-actions-open = El incidente aún no se puede cerrar: primero registra { $count ->
    [one] esta acción obligatoria
   *[other] estas acciones obligatorias
}: { $actions }.
not-allowed-area-twice = { $area } aparece dos veces. Deja una sola entrada por área de vida.
not-allowed-area-empty = No hay nada anotado en { $area }. Pon una puntuación o unas palabras, o quita el área.
not-allowed-session-not-held-yet = Una sesión en un día que aún no ha llegado no puede haberse celebrado: márcala como celebrada ese día o después.

field-preferred_name = El nombre preferido
field-legal_name = El nombre legal
field-pronouns = Los pronombres
field-text = El texto
field-reason = El motivo
field-outcome = El resultado
field-purpose = El propósito
field-client_words = Las palabras de la persona
field-worker_step = El paso del acompañante
field-measure = La medida
field-description = La descripción
field-name = El nombre
field-what = Lo que hay que hacer
field-why = El porqué
field-by = Quién lo hizo
field-time = La hora
field-on = El día
field-due = La fecha límite
field-review_due = La fecha de la revisión
field-next_due = El día de la próxima revisión
field-score = La puntuación
field-duties = Las tareas
field-passphrase = La frase de contraseña
field-new_passphrase = La nueva frase de contraseña
field-language = El idioma
field-place = El lugar
field-notes = Las notas
field-details = Los detalles
field-value = Este campo

what-today = hoy
what-activity-day = el día de la actividad
what-referral-made = el día de la derivación
what-referral-last-change = el último cambio de la derivación
what-plan-start = el inicio del plan
what-day-after-plan-start = el día siguiente al inicio del plan
what-review-day = el día de la revisión
what-last-review = la última revisión
what-working-day-start = el comienzo de la jornada
what-incident-day = el día del incidente
what-last-action = la última acción registrada
what-period-start = el primer día del periodo
what-duress-passphrase = la frase de coacción
what-unlock-passphrase = la frase de desbloqueo
form-date = una fecha AAAA-MM-DD entre { $first } y { $last }
form-time = una hora HH:MM, al minuto
form-record-id = un identificador de registro
form-file-path = una ruta de archivo
form-folder-path = una ruta de carpeta
form-folder = una carpeta
form-language-tag = una etiqueta de idioma como en, fr-CA o zh-Hant-TW
form-one-line = una línea de texto sin caracteres de control ni de cambio de dirección
form-text = un texto sin caracteres de control ni de cambio de dirección (se admiten saltos de línea y tabulaciones)
not-allowed-not-team-admin = Solo la persona responsable del equipo o una supervisora pueden hacer esto.
not-allowed-request-not-yours = Esta petición se hizo a otro miembro del equipo: solo esa persona puede marcarla como hecha.
not-allowed-no-such-member = El equipo no tiene ese miembro, o ya lo dejó.
not-allowed-team-lease-expired = Este teléfono no ha contactado con el servidor del equipo desde hace más de { $days } { $days ->
    [one] día
   *[other] días
 }: sincronice para volver a abrir los expedientes del equipo.
