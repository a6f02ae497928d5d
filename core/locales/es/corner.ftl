## El rincón del trabajador: reflexiones del día, semana pesada, supervisión, certificaciones,
## fuera de servicio; y la tarjeta de límites en el modo compartido (la lee la persona atendida).

corner-title = Mi rincón
corner-privacy = Solo tú puedes leer lo que hay aquí. No forma parte del expediente de ninguna persona atendida y nunca se muestra en el modo compartido.
corner-save = Guardar

corner-off-duty = Estás fuera de servicio. Los recordatorios esperan a tu próximo horario de trabajo; aún puedes registrar una respuesta a una crisis.
corner-on-duty = De servicio hasta las { $end }

corner-debrief = Reflexión del día
corner-debrief-question = ¿Cómo te sentó el día, del 1 al 10?
corner-debrief-words = Con mis propias palabras
corner-debrief-helped = Lo que me ayudó
corner-debrief-for-myself = Lo que haré por mí
corner-debrief-break = ¿Pudiste tomar un descanso?
corner-debrief-share = Compartir esta entrada con mi supervisor
corner-debrief-share-note = Todavía no se envía nada: compartir empezará cuando la sincronización del equipo esté lista.
corner-debrief-shared = Para compartir con tu supervisor
corner-occasion-end-of-day = Final del día
corner-occasion-after-crisis = Después de una respuesta a una crisis
corner-occasion-after-incident = Después de un incidente
corner-score = { $score } de 10

corner-heavy-title = Ha sido una semana pesada
corner-heavy-intro = Has cargado mucho esta semana. Es el trabajo, no un fallo. Esto es lo que notó la aplicación:
corner-heavy-dismiss = Ahora no: ocultar esta semana
corner-reason-crisis = { $count ->
    [one] { $count } respuesta a una crisis
   *[other] { $count } respuestas a crisis
}
corner-reason-incidents = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}
corner-reason-emergency = { $count ->
    [one] { $count } visita de emergencia
   *[other] { $count } visitas de emergencia
}
corner-reason-late = { $count ->
    [one] { $count } día que pasó de tu horario
   *[other] { $count } días que pasaron de tu horario
}
corner-reason-no-break = { $count ->
    [one] { $count } día sin descanso
   *[other] { $count } días sin descanso
}
corner-reason-heavy-debriefs = { $count ->
    [one] { $count } día que te pesó
   *[other] { $count } días que te pesaron
}
corner-suggest-break = Tómate un descanso de verdad, aunque sea corto, lejos del trabajo.
corner-suggest-colleague = Habla de la semana con un compañero de confianza.
corner-suggest-supervision = Reserva una sesión de supervisión para hablarlo.
corner-suggest-eap = La línea de apoyo de tu organización también está para ti: { $name }

corner-supervision = Supervisión
corner-supervision-next = Próxima sesión: { $day } con { $name }
corner-supervision-none = No hay supervisión prevista. La supervisión regular es parte del trabajo: podrías reservar una.
corner-supervision-request-note = En un equipo, «Pedir supervisión» envía tu petición a tus supervisores en la próxima sincronización. Sin equipo, resérvala como siempre y anótala aquí.
corner-action-no-due = Sin fecha
corner-action-due-today = Para hoy
corner-action-due = Para el { $day }
corner-action-overdue = { $count ->
    [one] { $count } día de retraso
   *[other] { $count } días de retraso
}

corner-certifications = Certificaciones
corner-cert-no-expiry = No caduca
corner-cert-expires-today = Caduca hoy
corner-cert-expires-in = { $count ->
    [one] Caduca mañana
   *[other] Caduca en { $count } días
}
corner-cert-expired = { $count ->
    [one] Caducó ayer
   *[other] Caducó hace { $count } días
}

corner-boundary-title = Seguir en contacto
corner-boundary-explain = Tu trabajador mantiene privado su número personal. Así cada trabajador aquí puede seguir apoyando bien a las personas. Siempre puedes comunicarte con el servicio de estas formas, y hay ayuda si las cosas se ponen difíciles.
corner-boundary-routes = Cómo comunicarte con el servicio
corner-boundary-crisis = Si necesitas ayuda urgente
corner-boundary-none = Pide a tu trabajador que anote cómo comunicarte con el servicio.
corner-boundary-close = Volver a mi plan
corner-boundary-hours = Horario: { $hours }
