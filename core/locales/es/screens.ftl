## Las pantallas del trabajador.
today-title = Tu día
unreadable-record = { $kind } { $id } no se pudo abrir: restáuralo desde una copia de seguridad.
duty-suggest-reason = Por { $count ->
    [one] la palabra { $words }
   *[other] las palabras { $words }
}
duty-dependence-hint = Desde hace { $weeks } semanas, el trabajo con { $name } es defensa, sin ningún paso de empoderamiento registrado. ¿Podría la próxima visita planear un paso que dé { $name }, con tu apoyo?
duty-suggest-quoted = «{ $text }»
incident-dont-force-medication = No obligues a la persona a tomarla
incident-dont-dismiss-reasons = No descartes sus razones
incident-dont-investigate = No investigues por tu cuenta
incident-dont-confront = No confrontes a la persona sospechosa
incident-dont-stay-in-danger = No te quedes solo en peligro; pide ayuda
incident-dont-keep-risk-secret = No prometas guardar en secreto un riesgo
hint-why-label = reduce a la persona a un trastorno
hint-why-describe = un juicio; describe mejor lo que pasó
hint-why-decided = un juicio; di lo que decidió la persona
hint-why-wheelchair = una silla de ruedas da libertad, no encierra
hint-why-victim = presenta a la persona como víctima de su trastorno
hint-why-slur = un insulto
hint-why-committed = «cometer» sugiere un delito
