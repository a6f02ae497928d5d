# Sincronización del equipo: elementos «por revisar» y línea de estado.
sync-review = Dos teléfonos cambiaron «{ $field }» de este { $kind } de forma distinta. Elige el valor que se queda.
sync-choice = { $value }, del teléfono { $device }, { $when }
sync-status = { $outbox ->
    [0] Todo está enviado.
    [one] Un cambio espera para enviarse.
   *[other] { $outbox } cambios esperan para enviarse.
} { $reviews ->
    [0] Nada por revisar.
    [one] Un registro necesita revisión.
   *[other] { $reviews } registros necesitan revisión.
}
sync-status-none = Este teléfono no está en ningún equipo.
sync-status-waiting = Esperando a que el teléfono de un administrador añada este al equipo.
sync-lease-left = Las personas atendidas del equipo siguen abiertas { $days ->
    [one] 1 día más
   *[other] { $days } días más
} sin sincronizar.
sync-lease-expired = Las personas atendidas del equipo están cerradas: este teléfono no ha contactado con el servidor desde hace demasiado tiempo. Una sincronización las abre de nuevo.
