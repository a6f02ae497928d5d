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
# Una revisión que una sincronización rechazó: qué teléfono la envió y por qué (nunca su contenido).
sync-refused = Se rechazó un cambio del teléfono { $device }. { $reason }
sync-refused-kind = Se rechazó un cambio ({ $kind }) del teléfono { $device }. { $reason }
sync-refused-unknown-device = Su autor no es un dispositivo del equipo.
sync-refused-could-not-open = No se pudo abrir: está dañado o no está sellado con la clave del equipo.
sync-refused-bad-signature = No está firmado por el teléfono que nombra.
sync-refused-unreadable = Esta versión de la aplicación no puede leer su contenido.
sync-refused-record-mismatch = Nombra un registro que este teléfono tiene como otro distinto.
