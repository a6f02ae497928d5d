## Modo compartido: lo que lee la persona cuando su acompañante le pasa el teléfono.

shared-title = Mi plan
shared-greeting = Hola { $name }. Este es tu plan.
shared-goals-count = { $count ->
    [one] { $count } meta
   *[other] { $count } metas
}
shared-no-goals = Aún no hay metas que mostrar.

shared-area-housing = Mi hogar
shared-area-mental-health = Cómo me siento
shared-area-physical-health = Mi cuerpo y mi salud
shared-area-daily-living = La vida diaria
shared-area-work-education = Trabajo y estudios
shared-area-money = Dinero
shared-area-relationships = Las personas de mi vida
shared-area-substance-use = Alcohol y otras drogas
shared-area-legal = Asuntos legales
shared-area-safety = Sentirme seguro

shared-status-active = En marcha
shared-status-achieved = Logrado
shared-status-paused = En pausa por ahora
shared-status-set-aside = Dejado de lado

shared-band-starting = Empezando
shared-band-getting-there = Avanzando
shared-band-going-well = Va bien
shared-band-there = Donde quiero estar

shared-my-rating = Dijiste { $score } de 10
shared-worker-rating = Tu acompañante dijo { $score } de 10
shared-no-rating = Aún sin puntuación
shared-my-ratings = Mis puntuaciones
shared-worker-ratings = Las puntuaciones de mi acompañante
shared-rate = ¿Cómo va?
shared-rate-question = ¿Cómo va, del 1 al 10?

shared-step-done = Lo hice
shared-step-waiting = Hecho - tu acompañante lo revisará contigo

shared-add-words = Añadir mis propias palabras
shared-my-words = Mis propias palabras
shared-entry-kind = Tipo
shared-entry-what-helps-me = Lo que me ayuda
shared-entry-reflection = Un pensamiento
shared-entry-placeholder = Con mis palabras
shared-save = Guardar
shared-cancel = Cancelar

shared-next-visit = Próxima visita
shared-no-visits = Aún no hay visitas previstas.

shared-give-back = Devolver el teléfono
shared-hand-back-title = Acompañante: recuperar el teléfono
shared-worker-passphrase = Frase de contraseña del acompañante
shared-take-back = Recuperar el teléfono
shared-use-biometrics = Usar huella o rostro

shared-error-closed = Esta pantalla se cerró. Devuelve el teléfono a tu acompañante, por favor.
shared-error-not-found = Eso ya no está aquí.
shared-error-too-long = Es demasiado largo: { $max ->
    [one] { $max } carácter
   *[other] { $max } caracteres
} como máximo. Acórtalo, por favor.
shared-error-required = Escribe algo primero, por favor.
shared-error-rating = Elige un número del 1 al 10, por favor.
shared-error-goal-closed = Esta meta está cerrada: sus pasos ya no se pueden marcar.
shared-error-other = Algo salió mal. Devuelve el teléfono a tu acompañante, por favor.
