## Les écrans de l'intervenant.
today-title = Votre journée
unreadable-record = { $kind } { $id } n'a pas pu être ouvert : restaurez-le depuis une sauvegarde.
duty-suggest-reason = À cause { $count ->
    [one] du mot { $words }
   *[other] des mots { $words }
}
duty-dependence-hint = Depuis { $weeks } semaines, le travail avec { $name } est du plaidoyer, sans étape d'autonomisation consignée. La prochaine visite pourrait-elle prévoir une étape que { $name } franchit, avec votre soutien ?
duty-suggest-quoted = « { $text } »
incident-dont-force-medication = Ne forcez pas la personne à le prendre
incident-dont-dismiss-reasons = N'écartez pas ses raisons
incident-dont-investigate = N'enquêtez pas vous-même
incident-dont-confront = Ne confrontez pas la personne soupçonnée
incident-dont-stay-in-danger = Ne restez pas seul en danger : appelez à l'aide
incident-dont-keep-risk-secret = Ne promettez pas de garder un risque secret
hint-why-label = réduit la personne à un trouble
hint-why-describe = un jugement ; décrivez plutôt ce qui s'est passé
hint-why-decided = un jugement ; dites ce que la personne a décidé
hint-why-wheelchair = un fauteuil roulant libère plutôt qu'il n'enferme
hint-why-victim = présente la personne comme victime de son trouble
hint-why-slur = une insulte
hint-why-committed = « commettre » évoque un crime
