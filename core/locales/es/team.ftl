# El equipo como personas (miembros, peticiones) y la reunión de la mañana de la supervisión.
team-unnamed = Miembro sin nombre
team-role-lead = Responsable del equipo
team-role-supervisor = Supervisión
team-role-worker = Trabajador·a
team-device-removed = Desconectado
team-device-admins-only = Última conexión: solo la ven las personas responsables
team-device-seen = Visto el { $when }
team-device-unreachable = Última conexión: no se pudo contactar con el servidor
team-device-never = Nunca visto por el servidor
team-member-summary = { $role } · { $devices ->
    [one] 1 dispositivo
   *[other] { $devices } dispositivos
} · { $clients ->
    [0] ninguna persona atendida
    [one] 1 persona atendida
   *[other] { $clients } personas atendidas
}
team-member-covering = { $summary } · cubre { $count ->
    [one] 1 persona
   *[other] { $count } personas
} hasta el { $until }
team-day-month = { $day } de { $month }
team-member-left = { $summary } · dejó el equipo
team-request-done = Hecho
team-request-due = Para el { $day }
team-request-open = Pendiente
team-request-summary = Pedido por { $name }: { $text }
team-list-separator = {", "}
today-requests = { $count ->
    [one] 1 petición de tu supervisión
   *[other] { $count } peticiones de tu supervisión
}
briefing-title = Reunión de la mañana
briefing-counts = { $visits ->
    [0] Ninguna visita hoy
    [one] 1 visita hoy
   *[other] { $visits } visitas hoy
} · { $incidents ->
    [0] ningún incidente abierto
    [one] 1 incidente abierto
   *[other] { $incidents } incidentes abiertos
} · { $overdue ->
    [0] ningún seguimiento atrasado
    [one] 1 seguimiento atrasado
   *[other] { $overdue } seguimientos atrasados
}
briefing-incident-waits = Pendiente de { $name }: { $actions }
briefing-incident-nothing-waits = Todas las acciones requeridas están registradas: listo para cerrar.
briefing-unsigned = { $count ->
    [one] 1 nota sin firmar
   *[other] { $count } notas sin firmar
}, la más antigua desde hace { $days ->
    [one] 1 día
   *[other] { $days } días
}
briefing-dependence = Desde hace { $weeks } semanas el trabajo con esta persona es defensa, sin ningún paso de empoderamiento registrado. ¿Podría la próxima visita planear un paso que dé ella misma, con apoyo?
briefing-supervision-asked = { $name } pide una sesión de supervisión.
briefing-supervision-topics = { $name } pide una sesión de supervisión: { $topics }
briefing-debrief-shared = { $name } compartió un balance: el día se vivió con un { $score } de 10.
notify-inform-title = Hay que informar a la supervisión: { $kind }
notify-inform-body = { $name } lo registró con { $client } el { $day }.
