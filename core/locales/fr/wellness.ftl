## Le plan de bien-être et de crise de la personne, avec ses propres mots.

wellness-title = Mon plan de bien-être et de crise
wellness-when-well = Quand je vais bien, je suis comme ça
wellness-keeping-well = Ce qui m'aide à aller bien au quotidien
wellness-set-backs = Ce qui peut me faire reculer
wellness-early-signs = Les premiers signes que ça ne va pas
wellness-early-actions = Ce que moi et les autres pouvons faire alors
wellness-crisis-contact = En cas de crise, contactez
wellness-crisis-do-not-contact = En cas de crise, ne contactez pas
wellness-crisis-helps = En cas de crise, ceci m'aide
wellness-crisis-does-not-help = En cas de crise, ceci ne m'aide pas
wellness-practical-matters = Questions pratiques : enfants, animaux, factures, mon logement
wellness-medication = Les médicaments que je prends, et ceux que je ne veux pas
wellness-crisis-place = Où j'aimerais être en cas de crise
wellness-after-crisis = Après une crise, ceci m'aide à me relever
wellness-empty = Rien d'écrit pour l'instant
wellness-by-client = Avec vos propres mots
wellness-with-worker = Écrit avec votre intervenant
wellness-by-client-for-worker = Écrit par la personne
wellness-with-client-for-worker = Écrit par vous avec la personne
