## El plan de bienestar y de crisis de la persona, con sus propias palabras.

wellness-title = Mi plan de bienestar y de crisis
wellness-when-well = Cuando estoy bien, soy así
wellness-keeping-well = Lo que me mantiene bien, día a día
wellness-set-backs = Lo que me puede hacer retroceder
wellness-early-signs = Las primeras señales de que las cosas van mal
wellness-early-actions = Lo que yo y otras personas podemos hacer entonces
wellness-crisis-contact = En una crisis, contacten a
wellness-crisis-do-not-contact = En una crisis, no contacten a
wellness-crisis-helps = En una crisis, esto me ayuda
wellness-crisis-does-not-help = En una crisis, esto no me ayuda
wellness-practical-matters = Asuntos prácticos: hijos, mascotas, facturas, mi hogar
wellness-medication = La medicación que tomo, y la que no quiero
wellness-crisis-place = Dónde me gustaría estar en una crisis
wellness-after-crisis = Después de una crisis, esto me ayuda a recuperarme
wellness-empty = Nada escrito todavía
wellness-by-client = Con tus propias palabras
wellness-with-worker = Escrito con tu acompañante
wellness-by-client-for-worker = Escrito por la persona
wellness-with-client-for-worker = Escrito por ti con la persona
