## Lo que muestran las pantallas y formularios del acompañante.

label-activity_kind-home_visit = Visita a domicilio
label-activity_kind-community = Visita en la comunidad
label-activity_kind-office = Cita en la oficina
label-activity_kind-phone_or_video = Llamada o videollamada
label-activity_kind-accompanying = Acompañamiento a una cita
label-activity_kind-group_session = Sesión de grupo
label-activity_kind-crisis_response = Respuesta a una crisis
label-activity_kind-third_party_contact = Gestión en nombre de la persona

label-activity_status-scheduled = Prevista
label-activity_status-done = Hecha
label-activity_status-missed = Perdida
label-activity_status-cancelled = Cancelada

label-scheduling-planned = Planificada
label-scheduling-emergency = Emergencia
label-scheduling-as_needed = Según necesidad

label-area-housing = Vivienda
label-area-mental_health = Salud mental
label-area-physical_health = Salud física y autocuidado
label-area-daily_living = Vida diaria
label-area-work_education = Trabajo y estudios
label-area-money = Dinero
label-area-relationships = Relaciones y vida social
label-area-substance_use = Consumo de sustancias
label-area-legal = Asuntos legales
label-area-safety = Seguridad

label-risk_level-low = Bajo
label-risk_level-medium = Medio
label-risk_level-high = Alto

label-client_status-active = Activo
label-client_status-paused = En pausa desde { $since }
label-client_status-discharged = Cerrado el { $on }

label-duty-educate = Educar
    .description = Enseñar una habilidad o compartir conocimientos
label-duty-empower = Empoderar
    .description = La persona actúa por sí misma, con tu apoyo
label-duty-advocate = Abogar
    .description = Actúas en nombre de la persona

label-entry_kind-what_helps_me = Lo que me ayuda
label-entry_kind-reflection = Un pensamiento

label-incident_kind-medication_refusal = Rechazo de medicación
label-incident_kind-suspected_abuse = Sospecha de maltrato
label-incident_kind-safety_risk = Riesgo para la seguridad
label-incident_kind-crisis = Crisis
label-incident_kind-other = Otro incidente

label-required_action-listen_to_concerns = Escuchar las preocupaciones de la persona
label-required_action-document_refusal = Documentar el rechazo
label-required_action-inform_supervisor = Informar a la supervisión
label-required_action-report_per_protocol = Notificar según el protocolo de la entidad
label-required_action-assess_risk = Valorar el riesgo
label-required_action-decide_escalation = Decidir si escalar

label-goal_status-active = En marcha
label-goal_status-achieved = Logrado el { $on }
label-goal_status-paused = En pausa
label-goal_status-dropped = Dejado de lado

label-author-client = La persona
label-author-worker = El acompañante

label-resource_category-crisis_line = Línea de crisis
label-resource_category-food_bank = Banco de alimentos
label-resource_category-legal_aid = Asistencia jurídica
label-resource_category-housing = Vivienda
label-resource_category-healthcare = Atención sanitaria
label-resource_category-mental_health = Salud mental
label-resource_category-substance_use = Adicciones
label-resource_category-employment = Empleo y formación
label-resource_category-childcare = Cuidado infantil
label-resource_category-education = Apoyo educativo
label-resource_category-employee_assistance = Asistencia al personal
label-resource_category-agency = Contacto de la agencia
label-resource_category-other = Otro

label-referral_status-made = Derivación hecha
label-referral_status-accepted = Aceptada
label-referral_status-declined = Rechazada
label-referral_status-completed = Completada

label-due_kind-visit = Visita
label-due_kind-follow_up = Seguimiento
label-due_kind-plan_review = Revisión del plan
label-due_kind-goal_target = Fecha de la meta

label-trend-up = Sube
label-trend-same = Igual
label-trend-down = Baja
label-trend-not_enough = Aún no hay suficientes puntuaciones

label-duty_trend-rising = En aumento
label-duty_trend-steady = Estable
label-duty_trend-falling = En descenso
label-duty_trend-not_enough_data = No hay suficiente para comparar

label-timeline_kind-activity = Visita
label-timeline_kind-note = Nota del caso
label-timeline_kind-incident = Incidente
label-timeline_kind-referral = Derivación
label-timeline_kind-rating = Puntuación
label-timeline_kind-review = Revisión del plan

label-step-open = Por hacer
label-step-done = Hecho
label-step-marked_by_client = Marcado por la persona; confírmalo, por favor
label-step-confirmed = Hecho y confirmado

label-record-client = Persona
label-record-note = Nota del caso
label-record-addendum = Adenda
label-record-activity = Visita
label-record-follow_up_open = Seguimiento
label-record-plan = Plan
label-record-plan_version = Versión del plan
label-record-goal = Meta
label-record-step = Paso
label-record-rating = Puntuación
label-record-review = Revisión del plan
label-record-incident = Incidente
label-record-referral = Derivación
label-record-resource = Recurso
label-record-assessment = Valoración
label-record-client_entry = Palabras de la persona
label-record-duty_settings = Ajustes de tareas
label-record-worker_settings = Ajustes del acompañante
label-record-vault = Almacén
label-record-wellness_plan = Plan de bienestar y crisis
label-record-revision = Versión anterior
label-record-note_draft = Borrador por firmar
label-record-incident_correction = Corrección de incidente
label-record-debrief = Balance personal
label-record-supervision = Sesión de supervisión
label-record-certification = Certificación

label-auto_lock-minutes = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}

label-language-en = English
label-language-fr = Français
label-language-es = Español
label-language-ar = العربية

count-people = { $count ->
    [one] { $count } persona
   *[other] { $count } personas
}
count-clients = { $count ->
    [one] { $count } persona atendida
   *[other] { $count } personas atendidas
}
count-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
count-addenda = { $count ->
    [one] { $count } adenda
   *[other] { $count } adendas
}
count-records = { $count ->
    [one] { $count } registro
   *[other] { $count } registros
}
count-actions-to-record = { $count ->
    [one] { $count } acción obligatoria por registrar
   *[other] { $count } acciones obligatorias por registrar
}
count-goals = { $count ->
    [one] { $count } meta
   *[other] { $count } metas
}
count-audit-entries = { $count ->
    [one] { $count } entrada del registro
   *[other] { $count } entradas del registro
}
count-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}

today-visits = { $count ->
    [one] { $count } visita
   *[other] { $count } visitas
}
today-follow-ups-due = { $count ->
    [one] { $count } seguimiento pendiente
   *[other] { $count } seguimientos pendientes
}
today-overdue = ({ $count } atrasados)
today-plan-reviews = { $count ->
    [one] { $count } revisión de plan
   *[other] { $count } revisiones de plan
}
today-open-incidents = { $count ->
    [one] { $count } incidente abierto
   *[other] { $count } incidentes abiertos
}
today-referrals-to-check = { $count ->
    [one] { $count } derivación por revisar
   *[other] { $count } derivaciones por revisar
}
today-nothing = Nada previsto
due-today = Para hoy
due-overdue = { $count ->
    [one] { $count } día de retraso
   *[other] { $count } días de retraso
}
review-due-today = Revisión prevista hoy
review-overdue = Revisión atrasada { $count ->
    [one] { $count } día
   *[other] { $count } días
}
review-due-in = Revisión en { $count ->
    [one] { $count } día
   *[other] { $count } días
}
incident-closed-on = Cerrado el { $on }
incident-ready = Listo para cerrar
any-time = A cualquier hora
unknown-resource = Recurso desconocido
due-plan-review = Revisión del plan
due-goal = Meta: { $words }
due-follow-up = Seguimiento: { $what }
due-visit-at = { $kind } a las { $time }
timeline-activity = { $kind } · { $duties }
timeline-activity-status = { $kind } · { $duties } ({ $status })
timeline-cancelled = Cancelada: { $reason }
timeline-note = Nota del caso
timeline-note-draft = Nota del caso (borrador)
timeline-incident-open = Incidente: { $kind } (abierto)
timeline-incident-closed = Incidente: { $kind } (cerrado)
timeline-referral = Derivación a { $name }: { $status }
timeline-rating-client = Progreso { $score }/10, puntuado por { $name }
timeline-rating-worker = Progreso { $score }/10, puntuado por el acompañante
timeline-review = Revisión del plan (versión { $version })
balance-none = No hay actividades registradas en este periodo.
balance-summary = { $count ->
    [one] { $count } actividad
   *[other] { $count } actividades
}: { $shares }

today-draft-started = Empezada hoy
today-draft-unsigned = { $count ->
    [one] Sin firmar desde hace { $count } día
   *[other] Sin firmar desde hace { $count } días
}
today-notes-to-sign = { $count ->
    [one] { $count } nota por firmar
   *[other] { $count } notas por firmar
}
today-off-duty = Fuera de servicio
