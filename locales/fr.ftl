# Counterpart : français.

## Résultats des actions

text = { $text }
already-recorded = déjà enregistré : la même action a été envoyée deux fois
program-published = { $program } publié en version { $version }
enrolled = inscrit avec la carte { $card }
card-code = QR code de la carte : { $code }
typed-code = code de la carte : { $code }
card-replaced = nouvelle carte { $new } ; la carte { $old } ne fonctionne plus
plan-sold = abonnement « { $plan } » vendu { $price } : du { $starts } au { $ends }
profile-updated = profil mis à jour
merged = { $from } fusionné dans { $into }
erased = données personnelles effacées ; les soldes et l'historique restent, anonymisés
voided = { $kind } { $event } annulé : { $reason }
undone = { $what } — annulé
tier-changed = niveau : { $before } → { $after }
tier-lost = niveau : { $before } → aucun niveau
tier-reached = niveau : aucun niveau → { $after }

## Ce que rapporte une visite

earn-points = +{ $points } { $points ->
        [one] point
       *[other] points
    } ({ $earn } { $earn ->
        [one] point
       *[other] points
    } par tranche de { $per })
earn-points-boosted = +{ $points } { $points ->
        [one] point
       *[other] points
    } ({ $earn } { $earn ->
        [one] point
       *[other] points
    } par tranche de { $per }, { $boosts })
# One multiplier of a visit: its sign and the offer's or the tier's name ("×2 before 9:00").
boost = { $times } { $name }
# Several multipliers, the first and the rest.
boost-list = { $first }, { $rest }
no-points-minimum = pas de points : l'achat minimum est de { $minimum }
grant-points = +{ $points } { $points ->
        [one] point
       *[other] points
    } : { $label }
grant-reward = récompense « { $reward } » débloquée : { $label }
grant-credit = +{ $amount } à dépenser : { $label }
label-offer = { $offer }
label-winback = { $offer } ({ $days } { $days ->
        [one] jour
       *[other] jours
    } d'absence)
label-product = { $offer } ×{ $quantity }
label-milestone = { $spent } dépensés au total
offer-now-multiplier = points { $times } : { $offer }
offer-now-coupon = coupon { $code } : { $what }
coupon-used = coupon { $code } utilisé
birthday-given = offre « { $offer } » : accordée pour { $year }
stamp-one = tampon { $stamp } sur { $of } sur la carte « { $card } »
stamp-many = +{ $stamps } { $stamps ->
        [one] tampon
       *[other] tampons
    } sur la carte « { $card } » : { $now } sur { $of }
stamp-limit = pas de tampon sur la carte « { $card } » : la limite est de { $max } par jour
card-full = carte « { $card } » complète : { $carried } { $carried ->
        [one] tampon reporté
       *[other] tampons reportés
    }
card-reward = récompense « { $reward } » débloquée par la carte « { $card } » complète
earn-cashback = +{ $amount } de cashback à { $percent } %

## Récompenses et corrections

redeem-voucher = récompense « { $reward } » utilisée avec un bon
redeem-plan-day = récompense « { $reward } » avec l'abonnement « { $plan } » : { $used } sur { $allowance } aujourd'hui
redeem-plan-week = récompense « { $reward } » avec l'abonnement « { $plan } » : { $used } sur { $allowance } cette semaine
redeem-points = -{ $points } { $points ->
        [one] point
       *[other] points
    } pour « { $reward } »
redeem-cashback = -{ $amount } de cashback pour « { $reward } »
redeem-once = récompense « { $reward } » utilisée (une fois par client)
cashback-spent = -{ $amount } de cashback dépensés
donated = -{ $points } { $points ->
        [one] point donné
       *[other] points donnés
    } à { $cause }
adjusted = correction d'un responsable : { $amount } { $account } ({ $reason })
adjusted-money = correction d'un responsable : { $amount } { $account } ({ $reason })

## Soldes

balance-points = { $points } { $points ->
        [one] point
       *[other] points
    }
balance-points-expired = { $points } { $points ->
        [one] point
       *[other] points
    } ({ $expired } expirés)
balance-stamps = { $stamps } sur { $of } sur la carte « { $card } »
balance-stamps-retired = { $stamps } { $stamps ->
        [one] tampon
       *[other] tampons
    } sur la carte « { $card } »
balance-cashback = { $amount } de cashback
balance-vouchers = { $count } × { $reward }

## Conflits entre caisses

conflict-card-taken = la carte { $card } a d'abord été remise à { $other } à une autre caisse et reste la sienne : donnez une nouvelle carte à ce client
conflict-below-zero = { $account } est à { $amount } : plus a été repris ou corrigé que ce que le client avait
conflict-merge-overruled = la fusion de { $from } dans { $into } a été annulée : une autre caisse a fusionné ces fiches dans l'autre sens d'abord, et { $remains } reste
conflict-merge-joined = { $from } a été fusionné dans { $into } et dans une autre fiche à une autre caisse : tout est une seule fiche maintenant, { $remains }
conflict-overdrawn = { $event } a fait passer { $balances } sous zéro : des caisses hors ligne ont dépensé le même solde


## Personnel

staff-added = { $name } ajouté(e) au personnel : { $role }
staff-role-changed = { $name } : nouveau rôle — { $role }
staff-pin-changed = code PIN modifié : { $name }
staff-removed = { $name } retiré(e) du personnel
staff-key-set = { $name } signe désormais ses actions avec son code PIN
role-barista = barista
role-manager = responsable


## Refus

refused-not-enough = pas assez de { $account } : la récompense demande { $needed }, le client a { $available }
refused-not-enough-points = encore { $missing } { $missing ->
        [one] point
       *[other] points
    } : la récompense coûte { $needed }, le client en a { $available }
refused-not-enough-cashback = encore { $missing } de cashback : la récompense coûte { $needed }, le client a { $available }
account-points = points
account-cashback = cashback
account-other = { $account }
refused-not-available = La récompense « { $reward } » n'est pas disponible : { $why }
refused-coupon-not-available = Le coupon { $code } n'est pas valable : { $why }
refused-redemption-not-available = Cet échange n'est pas possible pour l'instant : { $why }
why-not-on-this-date = pas proposé à cette date
why-needs-tier = il faut le niveau « { $tier } » ; le client est au niveau « { $held } »
why-needs-tier-none = il faut le niveau « { $tier } » ; le client n'a aucun niveau
why-once-per-customer = une fois par client, et c'est déjà fait
why-no-voucher = le client n'a pas de bon pour cela
why-coupon-not-running = pas en cours, ou pas pour ce client
why-coupon-used = ce client l'a déjà utilisé { $uses } { $uses ->
        [one] fois
       *[other] fois
    }
why-coupon-all-used = toutes ses utilisations sont prises
why-offline-allowance = cette caisse n'a pas synchronisé depuis { $hours } { $hours ->
        [one] heure
       *[other] heures
    } ; d'ici là, un client peut échanger au plus { $max } { $max ->
        [one] point
       *[other] points
    } ici (déjà { $spent })
why-offline-allowance-clock = l'horloge de cette caisse retarde sur sa dernière synchronisation : on ne sait pas depuis quand elle est hors ligne ; d'ici la prochaine, un client peut échanger au plus { $max } { $max ->
        [one] point
       *[other] points
    } ici (déjà { $spent })
offline-since = cette caisse n'a pas synchronisé depuis { $hours } { $hours ->
        [one] heure
       *[other] heures
    }
offline-clock-behind = l'horloge de cette caisse retarde sur sa dernière synchronisation : on ne sait pas depuis quand elle est hors ligne
offline-limit-cashback = { $since } ; d'ici la prochaine synchronisation, un client peut dépenser au plus { $max } de cashback ici (déjà { $spent })
offline-limit-vouchers = { $since } ; d'ici la prochaine synchronisation, un client peut utiliser au plus { $max } { $max ->
        [one] bon
       *[other] bons
    } ici (déjà { $spent })
refused-cannot-void = annulation impossible : { $why }
why-voided-already = déjà annulé par { $event }
why-not-voidable = un événement { $kind } ne s'annule pas ; seulement les visites, récompenses utilisées, corrections et dons
refused-customer-closed = cette fiche client est fermée : { $why }
why-erased = ses données personnelles ont été effacées à sa demande
refused-below-zero = le solde { $account } passerait à { $after } : { $why }. Un responsable peut le confirmer ; le solde est alors négatif et signalé
why-spent-since = ce que l'événement annulé a donné a déjà été dépensé
why-has-less = le client a moins que cela
why-nothing-to-undo = rien de vous à annuler sur cette caisse
why-undo-too-late = votre dernière action date de plus de 2 minutes : un responsable peut l'annuler
refused-no-program = aucun programme de fidélité publié : publiez-en un avec `counterpart program publish FICHIER`
auth-sign-in-required = connectez-vous d'abord : cette caisse a du personnel
auth-forbidden = le rôle { $role } ne permet pas cela : demandez à un responsable
auth-wrong-pin = code PIN erroné pour { $name } : encore { $left } { $left ->
        [one] essai
       *[other] essais
    } avant un blocage de 5 minutes
auth-locked-out = { $name } : 5 codes PIN erronés, bloqué(e) sur cette caisse jusqu'à { $until }
auth-signed-out-idle = { $name } a été déconnecté(e) après { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    } sans utiliser la caisse : reconnectez-vous

## Les mots de la ligne de commande

cli-tier = niveau
cli-visits = visites : { $visits }, dernière { $last }
cli-never = jamais
cli-conflict = conflit
cli-can-redeem = utilisable maintenant
cli-not-yet = pas encore
cli-runs-open = cette caisse est ouverte : personne n'est au personnel, chacun peut tout faire (ajoutez un responsable avec `counterpart staff add NOM --role manager`)

## Rapports (de la ligne de commande et, plus tard, des écrans)

report-close-title = Clôture du { $day } ({ $hours } heures, { $currency })
report-close-visits = Visites : { $visits } · membres servis : { $customers } · inscriptions : { $enrolments }
report-close-sales = Ventes aux membres : { $sales } · ticket moyen : { $average }
report-close-points = Points attribués : { $issued } · utilisés : { $redeemed }
report-close-stamps = Tampons attribués : { $issued } · changés en récompenses : { $redeemed }
report-close-cashback = Cashback attribué : { $issued } · dépensé : { $spent }
report-close-rewards = Récompenses utilisées :
report-close-reward = { $reward } : { $count }
report-close-by-hour = Par heure :
report-close-hour = { $hour } h · visites : { $visits } · ventes : { $sales }
report-close-by-staff = Par membre de l'équipe :
report-close-staff = { $name } · visites : { $visits } · ventes : { $sales } · points attribués : { $points } · récompenses : { $redeemed }
report-close-nobody = (personne de connecté)
report-close-voids = Annulations :
report-close-void = { $at } · { $by } a annulé { $target } : { $reason }
report-close-adjustments = Corrections :
report-close-adjustment = { $at } · { $by } a modifié { $account } de { $amount } pour { $customer } : { $reason }
report-close-conflicts = Récompenses trouvées à découvert après synchronisation : { $count }
report-close-unusual = Client { $customer } : { $actions } actions de fidélité ce jour-là (plus de { $limit })
report-close-last-sync = Comprend les événements de toutes les caisses jusqu'à la dernière synchronisation de celle-ci : { $at }
report-close-never-synced = Cette caisse ne s'est jamais synchronisée : la clôture ne comprend que ses propres événements.
report-never-synced = Cette caisse ne s'est jamais synchronisée : le rapport ne comprend que ses propres événements.

## Indicateurs : noms et définitions (ligne de commande, écrans, fichiers)

kpi-repeat-customer-rate = Taux de clients fidèles
kpi-repeat-customer-rate-definition = Clients venus au moins deux fois dans la période ÷ clients venus dans la période.
kpi-retention = Rétention
kpi-retention-definition = Parmi les clients venus dans la période précédente, la part de ceux revenus dans celle-ci.
kpi-visit-frequency = Fréquence de visite
kpi-visit-frequency-definition = Visites de la période ÷ clients venus dans la période.
kpi-average-check = Ticket moyen des membres
kpi-average-check-definition = Ventes aux membres ÷ visites de la période (visites annulées exclues), arrondi au centime.
kpi-redemption-rate = Taux d'utilisation des points
kpi-redemption-rate-definition = Points utilisés (récompenses et dons) ÷ points attribués (visites et offres de bienvenue) dans la période.
kpi-redemption-value = Taux d'utilisation (valeur)
kpi-redemption-value-definition = Valeur à la carte des points, tampons et cashback utilisés ÷ celle des points, tampons et cashback attribués dans la période : chaque unité au prix à la carte des récompenses qu'elle permet d'obtenir, le cashback à sa valeur. Un solde dont les récompenses n'ont pas de prix à la carte n'est pas compté.
kpi-breakage = Points expirés
kpi-breakage-definition = Parmi les points dont le sort s'est réglé dans la période — utilisés, ou expirés sans servir —, la part de ceux qui ont expiré. Ce qui reste à utiliser figure dans le rapport des engagements.
kpi-breakage-no-expiry = Dans ce programme, les points n'expirent jamais : aucun n'est perdu.
kpi-breakage-counting = Calcul en cours…
kpi-enrolment-rate = Taux d'adhésion
kpi-enrolment-rate-definition = Nouveaux membres ÷ membres servis (venus ou inscrits) dans la période.
kpi-clv-historical = Valeur vie client (historique)
kpi-clv-historical-definition = Ce que les clients venus pendant la période avaient dépensé depuis leur inscription, en moyenne, à son dernier jour (visites annulées exclues).
kpi-clv-predicted = Valeur client sur la durée (prévision)
kpi-clv-predicted-definition = Une estimation : ticket moyen × visites par client dans une période × nombre de périodes où un client reste, 1 ÷ (1 − rétention), cinq ans au plus.
report-kpis-title = Indicateurs du { $from } au { $to } ({ $days } { $days ->
        [one] jour
       *[other] jours
    }), comparés au { $previousFrom } – { $previousTo }
report-kpis-line = { $name } : { $value } (avant : { $previous })
report-cohort-line = { $month } : clients { $customers } ; mois par mois : { $shares }
report-kpis-nothing = n.d.

## Tableaux des rapports : titres, en-têtes de colonnes et mots dans les cellules (écrans et fichiers CSV)

report-table-close-summary = La journée en chiffres
report-table-close-by-hour = Par heure
report-table-close-by-staff = Par membre de l'équipe
report-table-close-rewards = Récompenses utilisées
report-table-close-voids = Annulations
report-table-close-adjustments = Corrections
report-table-close-unusual = Activité inhabituelle
report-table-close-unusual-own-customers = Récompenses pour des clients inscrits par la même personne
report-table-close-unusual-points = Points bien au-delà de la part des visites
report-column-on-the-day = Ce jour-là
report-column-window-days = Sur (jours)
report-column-points-share = Part des points du jour
report-column-visits-share = Part des visites du jour
report-column-share-limit = Maximum habituel, rapporté à la part des visites
report-close-unusual-own = { $staff } : { $redemptions ->
    [one] { $redemptions } récompense
   *[other] { $redemptions } récompenses
} en { $days } jours pour { $customer }, inscrit par la même personne ; { $today } ce jour-là (plus de { $limit })
report-close-unusual-points = { $staff } : { $points } points, soit { $pointsShare } des points du jour, pour { $visitsShare } de ses visites (plus de { $limit } de cette part)
report-column-measure = Mesure
report-column-value = Valeur
report-column-hour = Heure
report-column-visits = Visites
report-column-sales = Ventes
report-column-staff = Membre de l'équipe
report-column-points-issued = Points attribués
report-column-redemptions = Récompenses
report-column-reward = Récompense
report-column-count = Nombre
report-column-time = Heure
report-column-by = Par
report-column-customer = Client
report-column-reason = Motif
report-column-account = Solde
report-column-amount = Variation
report-column-actions = Actions de fidélité
report-column-limit = Maximum habituel
report-measure-visits = Visites
report-measure-customers = Membres servis
report-measure-enrolments = Nouveaux membres
report-measure-sales = Ventes aux membres
report-measure-average-check = Ticket moyen
report-measure-points-issued = Points attribués
report-measure-points-redeemed = Points utilisés
report-measure-stamps-issued = Tampons attribués
report-measure-stamps-redeemed = Tampons échangés contre des récompenses
report-measure-cashback-issued = Cashback attribué
report-measure-cashback-spent = Cashback utilisé
report-measure-voids = Annulations
report-measure-adjustments = Corrections
report-measure-conflicts = Récompenses à découvert
report-cell-nobody = (personne de connecté)
report-cell-no-name = (sans nom)
report-table-kpis = Indicateurs
report-table-kpis-by-day = Jour par jour
report-table-kpis-goals = Objectifs
report-table-kpis-goal-trend = Objectifs, mesure après mesure
report-table-kpis-rewards = Popularité des récompenses
report-table-kpis-cohorts = Fidélisation par cohorte mensuelle
report-column-goal = Objectif
report-column-baseline = Avant le début
report-column-target = Cible
report-column-current = Maintenant
report-column-projected = Tendance à l'échéance
report-column-goal-by = Échéance
report-column-status = Où il en est
report-goal-not-started = Pas encore commencé
report-goal-no-baseline = Pas de valeur de départ
report-goal-no-data = Pas assez de données
report-goal-reached = Atteint
report-goal-on-track = En bonne voie
report-goal-behind = En retard
report-goal-too-early = Trop tôt pour le dire
report-goal-met = Réussi
report-goal-missed = Manqué
report-goal-line = Objectif « { $name } » ({ $kpi }) : { $status }. Maintenant { $current }, cible { $target } d'ici le { $by }.
ui-goals-title = Objectifs
ui-goals-counting = Calcul des objectifs…
ui-goals-none = Aucun objectif pour l'instant. Un objectif se fixe dans le programme ([[goals]]) : un indicateur, une cible et une échéance.
ui-rewards-none = Le programme n'a pas encore de récompense, et aucune n'a été utilisée dans ces deux périodes.
ui-rewards-counting = Décompte des récompenses utilisées…
ui-cohorts-counting = Calcul des cohortes…
ui-cohorts-explain = Chaque ligne : les clients inscrits un mois donné ; chaque colonne : la part d'entre eux venus autant de mois plus tard (0 : le mois de leur inscription). Le mois en cours compte jusqu'à aujourd'hui.
ui-cohorts-none = Personne ne s'est inscrit ces douze derniers mois.
ui-cohorts-months-since = Mois depuis l'inscription
ui-goal-target = Cible : { $target } d'ici le { $by }
ui-goal-change = { $change } par rapport à { $baseline }, sa valeur sur les { $days } jours avant le { $starts }
ui-goal-change-no-baseline = { $change } par rapport à sa valeur avant le { $starts }, qui n'est pas connue
ui-goal-current = Maintenant : { $value }
ui-goal-projected = Selon cette tendance : { $value } d'ici le { $by }
ui-goal-window = Chaque mesure couvre { $days ->
    [one] le jour
   *[other] les { $days } jours
} qui y mènent.
ui-goal-chart = { $kpi }, mesure après mesure, et la cible
ui-goal-chart-target = Cible
ui-report-export-goals = Exporter les objectifs en CSV
ui-report-export-goal-trend = Exporter les mesures en CSV
report-column-kpi = Indicateur
report-column-previous = Période précédente
report-column-cohort = Inscrits en
report-column-joined = Clients
report-column-month-0 = Mois 0
report-column-month-1 = Mois 1
report-column-month-2 = Mois 2
report-column-month-3 = Mois 3
report-column-month-4 = Mois 4
report-column-month-5 = Mois 5
report-column-month-6 = Mois 6
report-column-month-7 = Mois 7
report-column-month-8 = Mois 8
report-column-month-9 = Mois 9
report-column-month-10 = Mois 10
report-column-month-11 = Mois 11
report-column-definition = Définition
report-column-day = Journée
report-column-points-redeemed = Points utilisés
report-column-enrolments = Nouveaux membres
report-table-liability = Soldes en cours, en argent
report-table-liability-ages = Soldes en cours par ancienneté
report-table-liability-redemption = Comment les clients utilisent leurs soldes
report-column-balance-kind = Type
report-column-balance = Carte ou récompense
report-column-outstanding = En cours
report-column-customers = Clients concernés
report-column-issued = Émis
report-column-redeemed = Utilisés
report-column-expired = Expirés
report-column-redemption-rate = Taux d'utilisation
report-column-redemption-probability = Probabilité d'utilisation
report-column-face-value = Valeur faciale
report-column-expected-cost = Coût attendu
report-column-deferral = Produit différé (IFRS 15)
report-column-age-0-30 = 0 à 30 jours
report-column-age-31-90 = 31 à 90 jours
report-column-age-91-180 = 91 à 180 jours
report-column-age-181-365 = 181 à 365 jours
report-column-age-over-365 = Plus de 365 jours
report-balance-points = Points
report-balance-stamps = Tampons
report-balance-cashback = Cagnotte
report-balance-voucher = Bons
report-cell-no-cost = coût non renseigné
report-cell-no-price = prix non renseigné
report-cell-no-history = rien d'émis encore
report-cell-total = Total
liability-face-value-definition = Les unités en cours aux prix des récompenses sur la carte : ce que les clients pourraient emporter s'ils utilisaient tout.
liability-expected-cost-definition = Les unités en cours à ce que les récompenses coûtent à la boutique, multipliées par son propre taux d'utilisation (unités utilisées ÷ unités émises, depuis le début).
liability-deferral-definition = La valeur faciale multipliée par la probabilité qu'une unité soit un jour utilisée (parmi les unités utilisées ou expirées, la part utilisée ; tant que rien n'a expiré, le taux d'utilisation) : le produit différé selon IFRS 15.
report-liability-title = Soldes en cours au { $day } (chaque valeur est une estimation)
report-liability-line = { $balance } : { $outstanding } en cours, chez { $customers } clients · valeur faciale { $face } · coût attendu { $cost } · produit différé { $deferral }
report-liability-total = Total : valeur faciale { $face } · coût attendu { $cost } · produit différé { $deferral }
report-liability-partial = Un total laisse de côté un solde qu'il ne sait pas valoriser : il vaut au moins ce qu'il indique.
report-liability-no-cost = coût non renseigné pour { $rewards } (shop_cost dans le programme)
report-liability-no-price = prix non renseigné pour { $rewards } (menu_price dans le programme)
report-liability-nothing = Rien en cours.
report-table-segments = Clients par segment
report-table-segments-over-time = Segments à chaque fin de mois
report-table-segments-scores = Ce que chaque note représente aujourd'hui
report-table-segments-moves = Clients que les règles proposées déplacent
report-table-at-risk = À risque : clients à reconquérir
report-column-segment = Segment
report-column-segment-customers = Clients
report-column-share = Part
report-column-segment-new = Nouveaux
report-column-segment-occasional = Occasionnels
report-column-segment-regular = Habitués
report-column-segment-high-value = Meilleurs clients
report-column-segment-at-risk = À risque
report-column-segment-lapsed = Perdus
report-column-score = Note
report-column-days-since-from = Jours depuis la dernière visite, de
report-column-days-since-to = Jours depuis la dernière visite, à
report-column-visits-from = Visites, de
report-column-visits-to = Visites, à
report-column-spend-from = Dépenses, de
report-column-spend-to = Dépenses, à
report-column-from-segment = De
report-column-to-segment = Vers
report-column-last-visit = Dernière visite
report-column-days-since = Jours depuis
report-column-usual-gap = Intervalle habituel (jours)
report-column-visits-year = Visites (365 jours)
report-column-spend-year = Dépenses (365 jours)
report-column-points = Points
report-column-stamps = Tampons
report-column-cashback = Cashback
report-column-consent = Accepte d'être contacté
report-column-phone = Téléphone
report-column-email = E-mail
report-segment-new = Nouveaux
report-segment-occasional = Occasionnels
report-segment-regular = Habitués
report-segment-high-value = Meilleurs clients
report-segment-at-risk = À risque
report-segment-lapsed = Perdus
report-cell-none = —
report-cell-yes = oui
report-cell-no = non
segment-new-definition = Une visite au plus, inscrits ces { $days } derniers jours.
segment-occasional-definition = Viennent de temps en temps : une visite, inscrits avant cela ; ou plusieurs visites, sans la fréquence d'un habitué ni les dépenses d'un meilleur client.
segment-regular-definition = Note de fréquence de { $score } ou plus.
segment-high-value-definition = Note de dépenses de { $score } ou plus.
segment-at-risk-definition = Un habitué ou un meilleur client dont la note de récence est de { $score } ou moins : il ne vient plus ces derniers temps.
segment-lapsed-definition = Aucune visite depuis plus de { $days } jours.
segments-method = Les clients venus deux fois ou plus reçoivent des notes de 1 à 5 les uns par rapport aux autres, par cinquièmes : récence (jours depuis la dernière visite, moins c'est mieux), fréquence (visites) et dépenses, toutes deux sur les 365 derniers jours. Les clients venus une fois et les clients perdus ne sont pas notés.
report-segments-title = Segments au { $day } : { $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    }
report-segments-line = { $segment } : { $customers } ({ $share }) · { $definition }
report-segments-preview = Règles proposées, non enregistrées : { $moved ->
        [one] { $moved } client change de segment
       *[other] { $moved } clients changent de segment
    }.
report-segments-move = { $from } → { $to } : { $customers }
report-segments-at-risk-title = À risque, les plus grosses dépenses d'abord ({ $customers }) :
report-segments-at-risk-none = Personne n'est à risque.
report-segments-at-risk-line = { $name } : dernière visite le { $day }, il y a { $days } jours, d'habitude tous les { $gap } jours ; { $visits } visites et { $spend } sur 365 jours ; { $contact }
report-segments-no-consent = n'a pas accepté d'être contacté
report-segments-kept = Les règles des segments sont enregistrées sur cette caisse.
report-table-offers = Les offres face à leurs groupes témoins
report-table-offers-uplift = Ce que chaque offre a changé par client
report-column-offer = Offre
report-column-offer-from = Premier jour
report-column-offer-to = Dernier jour
report-column-group = Groupe
report-column-group-customers = Clients
report-column-visits-per-customer = Visites par client
report-column-spend-per-customer = Dépense par client
report-column-uplift = Écart
report-column-uplift-low = Intervalle à 95 %, de
report-column-uplift-high = Intervalle à 95 %, à
report-column-uplift-relative = Écart par rapport au groupe témoin
report-offer-group-exposed = Avec l'offre
report-offer-group-held-out = Groupe témoin
report-measure-visits-per-customer = Visites par client
report-measure-spend-per-customer = Dépense par client
report-cell-not-enough-data = pas encore assez de données
offers-method = Chaque offre met de côté une part des clients auxquels elle s'adresse, tirés au sort d'après l'offre et le client, de sorte que toutes les caisses s'accordent ; ils ne la reçoivent jamais. Les deux groupes sont comparés sur les jours de l'offre écoulés, en comptant tout le monde, venu ou non. L'écart est le groupe avec l'offre moins le groupe témoin, par client, avec un intervalle à 95 % (approximation normale, Welch).
offers-minimum = Un écart est donné dès que chaque groupe compte { $customers } clients et que l'offre a duré { $days } jours.
report-offers-title = Offres avec un groupe témoin, au { $day } :
report-offers-none = Aucune offre n'a de groupe témoin : donnez à une offre un holdout_percent dans le programme pour mesurer ce qu'elle change.
report-offers-offer = { $offer } : { $percent } % mis de côté, du { $from } au { $to } ({ $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }){ $running }
report-offers-running = , toujours en cours
report-offers-group = { $group } : { $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    }, { $visits } visites ({ $visits_each } par client), { $spend } ({ $spend_each } par client)
report-offers-uplift-visits = Écart de visites par client : { $difference } (intervalle à 95 % de { $low } à { $high })
report-offers-uplift-spend = Écart de dépense par client : { $difference } (intervalle à 95 % de { $low } à { $high })
report-offers-not-enough = Pas encore assez de données : il faut { $customers } clients dans chaque groupe et { $days } jours d'offre.
report-pdf-made = Établi le { $day } à { $time }
report-pdf-page = Page { $page } sur { $pages }
report-pdf-empty = Néant.
report-pdf-segments-proposed = Selon les règles proposées, non enregistrées sur cette caisse.
report-pdf-saved = Enregistré en PDF : { $path }
ui-reports = Rapports
ui-report-close-title = Clôture de la journée
ui-report-previous = Jour précédent
ui-report-next = Jour suivant
ui-report-pick-day = Aller au jour
ui-report-today = Aujourd'hui, jusqu'à maintenant
ui-report-hours = Cette journée a duré { $hours ->
        [one] { $hours } heure
       *[other] { $hours } heures
    } à cause du changement d'heure.
ui-report-counting = Calcul des événements de la journée…
ui-report-chart-by-hour = Visites par heure (heure locale)
ui-report-no-visits = Aucune visite ce jour-là.
ui-report-empty = Rien ce jour-là.
ui-report-export = Exporter en CSV
ui-report-export-pdf = Enregistrer en PDF
ui-report-saving-pdf = Enregistrement du PDF…
ui-report-exported = Enregistré : { $path }
ui-report-export-failed = Non enregistré : { $reason }
ui-report-attention = { $table } : { $count ->
        [one] une ligne
       *[other] { $count } lignes
    } à examiner
ui-report-attention-close-unusual = { $count ->
        [one] Un client a fait
       *[other] { $count } clients ont fait
    } plus d'actions de fidélité que d'habitude ce jour-là.
ui-report-tab-kpis = Indicateurs
ui-report-pick-period = Période
ui-report-preset = { $days ->
        [one] Dernier jour
       *[other] { $days } derniers jours
    }
ui-report-from = Du
ui-report-to = Au
ui-report-period-days = { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
ui-report-compared-with = par rapport à la période { $period }
ui-report-counting-period = Calcul des événements de la période…
ui-report-chart-visits-by-day = Visites par jour
ui-report-chart-points-by-day = Points attribués et utilisés par jour
ui-report-no-visits-period = Aucune visite sur cette période.
ui-kpi-previous = Période précédente : { $value }
ui-report-export-kpis = Exporter les indicateurs en CSV
ui-report-export-kpis-by-day = Exporter les jours en CSV
ui-report-export-kpis-rewards = Exporter la popularité des récompenses en CSV
ui-report-export-cohorts = Exporter les cohortes en CSV
ui-report-tab-liability = Engagements
ui-report-liability-as-of = En cours au { $day }
ui-report-liability-estimates = Chaque valeur ici est une estimation, tirée des coûts et des prix des récompenses dans le programme.
ui-report-counting-liability = Valorisation des soldes en cours…
ui-report-chart-liability-ages = Valeur faciale en cours, par ancienneté
ui-report-liability-partial = Au moins : { $why }
ui-report-liability-refresh = Recompter
ui-report-tab-segments = Segments
ui-report-segments-as-of = Clients au { $day }
ui-report-segments-customers = { $customers ->
        [one] { $customers } client en tout
       *[other] { $customers } clients en tout
    }
ui-report-segments-refresh = Recompter
ui-report-counting-segments = Répartition des clients en segments…
ui-report-chart-segments-over-time = Clients de chaque segment à chaque fin de mois, puis aujourd'hui
ui-report-segments-nobody = Pas encore de clients.
ui-report-export-segments = Exporter les segments en CSV
ui-report-export-segments-over-time = Exporter les mois en CSV
ui-report-at-risk-listed = Les { $listed } premiers des { $total } clients à risque sont affichés ; le fichier exporté les contient tous.
ui-segments-rules = Règles des segments
ui-segments-rules-about = Prévisualisez de nouvelles règles pour voir combien de clients changent de segment, puis enregistrez-les sur cette caisse.
ui-segments-new-days = Nouveau pendant (jours)
ui-segments-lapsed-days = Perdu après (jours sans visite)
ui-segments-at-risk-recency = À risque : note de récence au plus
ui-segments-regular-frequency = Habitué : note de fréquence au moins
ui-segments-high-value-spend = Meilleur client : note de dépenses au moins
ui-segments-preview = Prévisualiser
ui-segments-keep = Enregistrer ces règles
ui-segments-discard = Revenir aux règles enregistrées
ui-segments-previewing = Aperçu, pas encore enregistré : { $moved ->
        [one] { $moved } client change de segment.
       *[other] { $moved } clients changent de segment.
    }
ui-segments-kept = Les règles sont enregistrées sur cette caisse.
ui-report-tab-offers = Offres
ui-report-offers-as-of = Offres au { $day }
ui-report-offers-refresh = Recompter
ui-report-counting-offers = Comparaison de chaque offre avec son groupe témoin…
ui-report-offers-none = Aucune offre n'a encore de groupe témoin. Donnez à une offre une part de clients mis de côté dans le programme pour mesurer ce qu'elle change.
ui-report-offer-dates = { $from } – { $to } · { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
ui-report-offer-held-out = { $percent } % de ses clients mis de côté
ui-report-offer-running = Toujours en cours
ui-report-offer-ended = Terminée
ui-report-offer-customers = { $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    }
ui-report-offer-visits-each = { $visits } visites par client
ui-report-offer-spend-each = { $spend } par client
ui-report-offer-change-visits = Visites par client
ui-report-offer-change-spend = Dépense par client
ui-report-offer-interval = Intervalle à 95 % : de { $low } à { $high }
ui-report-offer-relative = { $change } par rapport au groupe témoin
ui-report-offer-not-enough = Pas encore assez de données : il faut { $customers } clients dans chaque groupe et { $days } jours d'offre.
ui-report-offer-no-difference = L'intervalle contient l'absence d'écart : l'offre n'a peut-être rien changé.
ui-report-export-offers = Exporter les groupes en CSV
ui-report-export-offers-uplift = Exporter les écarts en CSV
ui-error-invalid-new-days = Un client est nouveau pendant 1 à 365 jours.
ui-error-invalid-lapsed-days = Un client est perdu après 14 à 730 jours sans visite, et après plus de jours qu'il n'est nouveau.
ui-error-invalid-at-risk-recency = Choisissez une note de 1 à 5.
ui-error-invalid-regular-frequency = Choisissez une note de 1 à 5.
ui-error-invalid-high-value-spend = Choisissez une note de 1 à 5.
ui-kpi-previous-none = Période précédente : — (pas assez de données)
ui-kpi-no-data = pas assez de données
ui-kpi-change-points = { $change } pts
ui-kpi-change-up = En hausse par rapport à la période précédente
ui-kpi-change-down = En baisse par rapport à la période précédente
ui-kpi-change-same = Stable par rapport à la période précédente
ui-error-invalid-from = Vérifiez le premier jour de la période : une date comme 2026-12-05, pas après le dernier jour.
ui-error-invalid-to = Vérifiez le dernier jour de la période : une date comme 2026-12-05, pas avant le premier jour, et dix ans après au plus.

## Les écrans de l'application de caisse (ui/)

ui-loading = Ouverture de la caisse…
ui-back = Retour
ui-cancel = Annuler
ui-confirm = Oui
ui-close = Fermer
ui-retry = Réessayer
ui-key-enter = Entrée
ui-key-escape = Échap
ui-key-function = F{ $number }
ui-language = Langue
ui-settings = Réglages
ui-first-run-title = Bienvenue dans Counterpart
ui-first-run-set-up = Créer un nouvel établissement
ui-first-run-set-up-hint = Cette caisse devient la première de l'établissement : nom, devise, programme de fidélité, premier responsable.
ui-first-run-join = Rejoindre un établissement
ui-first-run-join-hint = L'établissement existe déjà : appairez cette caisse avec un code du responsable.
ui-shop-name = Nom de l'établissement
ui-currency = Devise
ui-timezone = Fuseau horaire
ui-day-starts-at = La journée commerciale commence à
ui-program = Programme de fidélité de départ
ui-first-manager = Le premier responsable
ui-with-staff = Le personnel se connecte avec un code PIN
ui-manager-name = Nom du responsable
ui-pin = Code PIN
ui-pin-again = Confirmez le code PIN
ui-pin-rule = Le code PIN d'un responsable a de 6 à 12 chiffres ; évitez 123456, 111111 et les suites trop simples.
ui-pins-differ = Les deux codes PIN ne sont pas identiques.
ui-runs-open-hint = Sans personnel, n'importe qui peut tout faire sur cette caisse. Un responsable peut être ajouté plus tard.
ui-set-up-submit = Créer l'établissement
ui-join-hint = Saisissez le code d'appairage affiché par le responsable, ou présentez son QR code à la caméra.
ui-pairing-code = Code d'appairage
ui-server = Adresse du serveur
ui-till-name = Nom de cette caisse
ui-join-submit = Appairer la caisse
ui-sign-in-who = Qui est à la caisse ?
ui-sign-in-choose = Choisissez votre nom.
ui-sign-in-pin = Code PIN de { $name }
ui-sign-in-submit = Se connecter
ui-sign-in-catching-up = Récupération de l'équipe de l'établissement depuis son serveur… cela prend un moment après l'appairage.
ui-sign-in-signed-out-idle = Déconnexion ({ $name }) : la caisse n'a pas été utilisée pendant un moment.
ui-role-barista = Barista
ui-role-manager = Responsable
ui-staff = Équipe
ui-staff-open-runs-open = Ajouter des membres de l'équipe — la caisse est ouverte : n'importe qui peut tout faire
ui-staff-runs-open = Personne ne fait encore partie de l'équipe : n'importe qui peut tout faire sur cette caisse. Ajoutez d'abord un responsable ; ensuite, chacun se connecte avec son propre code PIN.
ui-staff-loading = Chargement de l'équipe…
ui-staff-you = session ouverte ici
ui-staff-add = Ajouter un membre de l'équipe
ui-staff-name = Nom
ui-staff-role = Rôle
ui-staff-pin-rule = Le code PIN d'un barista a de 4 à 12 chiffres ; celui d'un responsable, de 6 à 12.
ui-staff-role-pin-hint = Devenir responsable demande un nouveau code PIN de 6 à 12 chiffres. Sans nouveau code PIN, un barista garde l'ancien.
ui-staff-add-submit = Ajouter
ui-staff-pin-button = Nouveau code PIN
ui-staff-pin-for = Nouveau code PIN ({ $name })
ui-staff-pin-submit = Enregistrer le code PIN
ui-staff-role-button = Changer le rôle
ui-staff-role-for = Changer le rôle ({ $name })
ui-staff-role-submit = Changer le rôle
ui-staff-remove-button = Retirer
ui-staff-remove-for = Retirer ({ $name })
ui-staff-remove-question = Retirer { $name } de l'équipe ?
ui-staff-remove-detail = La connexion sous ce nom cesse sur toutes les caisses ; ce qui a été fait reste dans les rapports.
ui-staff-done-added = { $name } fait maintenant partie de l'équipe.
ui-staff-done-pin = Code PIN changé ({ $name }).
ui-staff-done-role = Nouveau rôle ({ $name }) : { $role }.
ui-staff-done-removed = Membre retiré de l'équipe ({ $name }).
ui-staff-idle = Déconnexion automatique
ui-staff-idle-about = Sur cette caisse, une session se termine après ce nombre de minutes sans utilisation. La vente en cours (le client, le montant) reste pour la prochaine connexion.
ui-staff-idle-barista = Minutes pour un barista
ui-staff-idle-manager = Minutes pour un responsable
ui-staff-idle-save = Enregistrer
ui-staff-idle-saved = Enregistré pour cette caisse.
ui-staff-idle-invalid = Indiquez un nombre entier de minutes, de 1 à { $max }.
ui-camera = Caméra
ui-camera-starting = La caméra démarre…
ui-camera-waiting = En attente de la première image de la caméra…
ui-camera-unavailable = Pas de caméra : branchez une caméra ou saisissez le code de la carte en dessous.
ui-camera-unavailable-pairing = Pas de caméra : branchez une caméra ou saisissez le code d'appairage à gauche.
ui-camera-ended = La caméra rejouée est terminée.
ui-lookup = Trouver un client
ui-lookup-placeholder = Code, téléphone ou nom (F2)
ui-offers-today = Offres du jour
ui-items-clear = Effacer
ui-spend-cashback = Utiliser le cashback
ui-spend-title = Utiliser le cashback
ui-spend-has = Le client a { $amount } à utiliser.
ui-spend = Utiliser
ui-resolution = Résolution
ui-resolution-auto = Celle de la caméra
ui-new-customer = Nouveau client
ui-waiting = Présentez la carte à la caméra
ui-waiting-hint = ou saisissez le code de la carte, le téléphone ou le nom à gauche.
ui-waiting-no-camera = Saisissez le code de la carte, le téléphone ou le nom à gauche.
ui-customer-no-name = Client sans nom
ui-customer-visits = { $visits } { $visits ->
        [one] visite
       *[other] visites
    }
ui-customer-last-visit = dernière visite le { $date }
ui-customer-perks = Avantages du niveau { $tier } : { $perks }
ui-reward-to-go = Encore { $missing }
ui-reward-to-go-points = Encore { $missing } { $missing ->
        [one] point
       *[other] points
    }
ui-reward-progress = { $have } sur { $need }
ui-birthday-note = Anniversaire le { $date }
ui-amount = Montant
# Sur une ligne à côté de sa touche à 1024 px (la touche la plus pressée) : « Enregistrer la visite » passait à la ligne.
ui-record = Enregistrer
ui-undo = Revenir en arrière
ui-redeem-confirm = Utiliser la récompense « { $reward } » ?
ui-redeem-confirm-points = Utiliser { $points } { $points ->
        [one] point
       *[other] points
    } pour « { $reward } » ?
ui-redeem-confirm-cashback = Utiliser { $amount } de cashback pour « { $reward } » ?
ui-redeem-after-points = Solde après : { $points } { $points ->
        [one] point
       *[other] points
    }
ui-redeem-after-cashback = Cashback après : { $amount }
ui-card-print = Imprimer la carte
ui-card-print-title = La carte du nouveau client
ui-card-print-hint = Imprimez-la sur un carton ou un autocollant et remettez-la. Le code de la carte, sous le QR, peut être saisi si le scan échoue.
ui-card-print-go = Imprimer
ui-enrol-title = Nouveau client
ui-enrol-name = Nom (facultatif)
ui-enrol-phone = Téléphone
ui-enrol-tags = Étiquettes
ui-enrol-tags-hint = étudiant, personnel, …
ui-enrol-consent = Accepte de recevoir des offres
ui-enrol-card-hint = Présentez une carte préimprimée à la caméra pour la remettre ; sinon une nouvelle carte est émise.
ui-enrol-card-read = Carte lue : elle est remise avec cette inscription.
ui-enrol-submit = Inscrire
ui-status-signed-in = { $name } à la caisse
ui-sign-out = Se déconnecter
ui-status-runs-open = Sans identification
ui-status-not-paired = Non appairée (en local)
ui-status-online = En ligne
ui-status-offline = Hors ligne
ui-status-last-sync = synchronisé { $minutes ->
        [0] à l'instant
        [one] il y a { $minutes } min
       *[other] il y a { $minutes } min
    }
ui-status-last-sync-at = synchronisé : { $time }
ui-status-waiting = { $count ->
        [0] tout est envoyé
        [one] { $count } à envoyer
       *[other] { $count } à envoyer
    }
ui-status-refused = { $count ->
        [one] { $count } événement refusé
       *[other] { $count } événements refusés
    }
ui-status-held = { $count ->
        [one] { $count } événement non appliqué ici
       *[other] { $count } événements non appliqués ici
    }
ui-refused-title = Ce que la synchronisation n'a pas pu transmettre
ui-refused-by-server = Refusés par le serveur de l'établissement : ils ne comptent que sur cette caisse
ui-refused-by-this-till = Non appliqués sur cette caisse : ils comptent sur les autres caisses
ui-refused-none = Rien n'a été refusé.
ui-refused-next = Rien n'est perdu : ces événements restent sur cette caisse. Signalez-les à la personne qui s'occupe du serveur de l'établissement, avec les détails ci-dessous.
ui-refused-recorded = enregistré le { $when }
ui-refused-staff = par { $name }
ui-refused-details = Détails (pour l'assistance)
ui-refused-erased = Un événement (ses détails ont été effacés avec le client)
ui-event-program_published = Programme publié
ui-event-enrolled = Inscription
ui-event-profile_updated = Coordonnées modifiées
ui-event-visit = Visite
ui-event-redeemed = Récompense utilisée
ui-event-voided = Annulation
ui-event-adjusted = Solde corrigé
ui-event-card_replaced = Carte remplacée
ui-event-subscription_bought = Formule vendue
ui-event-donated = Don
ui-event-merged = Fiches fusionnées
ui-event-erased = Client effacé
ui-event-till_key_added = Caisse ajoutée
ui-event-staff_added = Membre de l'équipe ajouté
ui-event-staff_role_changed = Rôle d'un membre de l'équipe modifié
ui-event-staff_pin_changed = Code PIN d'un membre de l'équipe modifié
ui-event-staff_removed = Membre de l'équipe retiré
ui-event-staff_key_set = Clé de signature d'un membre de l'équipe
ui-event-overdrawn = Solde à découvert
ui-status-catching-up = Rattrapage : { $percent } %
ui-status-action-needed = Synchronisation arrêtée : un responsable doit appairer à nouveau cette caisse
ui-status-camera-starting = Caméra en démarrage
ui-status-camera-running = Caméra active
ui-status-camera-unavailable = Pas de caméra
ui-status-camera-ended = Caméra terminée
ui-status-camera-replay = Caméra rejouée
ui-no-cameras = Aucune webcam n'est branchée sur cette machine.
ui-camera-replay-hint = Des images enregistrées sont lues à la place d'une webcam.
ui-pairing = Appairage avec le serveur de l'établissement
ui-paired = Cette caisse est appairée avec le serveur de l'établissement.
# The recovery screen: the till could not open its data at start.
ui-recovery-title = La caisse n'arrive pas à ouvrir ses données
ui-recovery-intro = Rien n'a été supprimé. Lisez ce qui s'est passé, puis choisissez une des solutions ci-dessous.
ui-recovery-kind-not-a-database = Le fichier de données de la caisse n'est pas un fichier qu'elle sait lire : il a peut-être été remplacé ou écrasé par un autre fichier.
ui-recovery-kind-damaged = Le fichier de données de la caisse est endommagé, par exemple après une coupure de courant ou une panne de disque.
ui-recovery-kind-read-only = La caisse n'a pas le droit d'écrire dans le dossier qui contient ses données.
ui-recovery-kind-disk-full = Le disque est plein : la caisse n'a pas la place d'ouvrir ses données.
ui-recovery-kind-too-new = Les données de la caisse ont été écrites par une version de Counterpart plus récente que celle-ci.
ui-recovery-kind-other = Un problème inattendu empêche la caisse d'ouvrir ses données.
ui-recovery-hint-not-a-database = Restaurez une sauvegarde, ou repartez d'une caisse vide.
ui-recovery-hint-damaged = Restaurez une sauvegarde, ou repartez d'une caisse vide.
ui-recovery-hint-read-only = Demandez à la personne qui s'occupe de cet ordinateur de redonner à Counterpart le droit d'écrire dans ce dossier, puis réessayez.
ui-recovery-hint-disk-full = Libérez de la place sur cet ordinateur (videz la corbeille, déplacez de gros fichiers ailleurs), puis réessayez.
ui-recovery-hint-too-new = Installez la dernière version de Counterpart sur cette caisse, puis rouvrez-la : les données sont très probablement intactes. Restaurer une sauvegarde ou repartir à vide laisserait de côté ce que la version plus récente a enregistré.
ui-recovery-hint-other = Réessayez d'abord. Si cela se répète, transmettez à l'assistance les détails ci-dessous.
ui-recovery-file = Fichier de données
ui-recovery-working = Veuillez patienter…
ui-recovery-retry = Réessayer
ui-recovery-retry-about = Rouvre le fichier de données tel quel, sans rien modifier. À utiliser une fois de la place libérée ou le dossier réparé.
ui-recovery-restore-title = Restaurer une sauvegarde
ui-recovery-restore-about = La caisse revient à l'état où elle était au moment de la sauvegarde. Le fichier endommagé n'est pas supprimé : il est conservé à côté de l'original, sous un autre nom.
ui-recovery-backups-found = { $count ->
        [one] { $count } sauvegarde trouvée.
       *[other] { $count } sauvegardes trouvées.
    }
ui-recovery-no-backups = Aucune sauvegarde de cette caisse n'a été trouvée.
ui-recovery-restore = Restaurer
ui-recovery-restore-label = Restaurer la sauvegarde du { $date }
ui-recovery-restore-question = Restaurer la sauvegarde du { $date } ?
ui-recovery-restore-detail = La caisse revient à l'état où elle était à ce moment-là. Le fichier endommagé est conservé à côté de l'original, sous un autre nom ; rien n'est supprimé.
ui-recovery-restore-confirm = Restaurer cette sauvegarde
ui-recovery-set-aside-title = Repartir d'une caisse vide
ui-recovery-set-aside-about = Le fichier endommagé n'est pas supprimé : il est conservé à côté de l'original, sous un autre nom. La caisse repart ensuite à vide : rejoignez de nouveau l'établissement pour tout récupérer depuis le serveur de l'établissement, ou créez un nouvel établissement.
ui-recovery-set-aside = Mettre de côté et repartir à vide
ui-recovery-set-aside-question = Mettre de côté le fichier endommagé et repartir d'une caisse vide ?
ui-recovery-set-aside-detail = Le fichier reste à côté de l'original, sous un autre nom ; rien n'est supprimé. Ensuite, rejoignez de nouveau l'établissement pour tout récupérer depuis le serveur de l'établissement, ou créez un nouvel établissement.
ui-recovery-only-retry = Mettre le fichier de côté comme restaurer une sauvegarde demandent de la place sur le disque et le droit d'écrire dans le dossier des données : réglez d'abord ce point, puis réessayez.
ui-recovery-failed-retry = La nouvelle tentative n'a pas ouvert la caisse.
ui-recovery-failed-set-aside = Repartir d'une caisse vide n'a pas fonctionné.
ui-recovery-failed-restore = La restauration de la sauvegarde n'a pas fonctionné.
ui-recovery-still-not-open = Ce qui bloque maintenant est indiqué plus haut.
ui-recovery-details = Détails (pour l'assistance)
ui-error-unknown = Un problème est survenu. Réessayez ; si cela se répète, prévenez un responsable.
ui-error-invalid-input = Ce n'est pas valide : vérifiez la saisie.
ui-error-invalid-amount = Saisissez un montant supérieur à zéro, comme 4,50.
ui-error-invalid-name = Donnez un nom (80 caractères au plus).
ui-error-invalid-pin = Ce code PIN n'est pas accepté : utilisez le nombre de chiffres demandé, pas 123456 ni 111111.
ui-error-invalid-staff-name = Donnez un nom que personne dans l'équipe ne porte encore.
ui-error-invalid-staff-role = Ce rôle ne peut pas être donné : le premier membre de l'équipe est un responsable, le seul responsable le reste, et le nouveau rôle doit différer de l'ancien.
ui-error-invalid-staff-pin = Le code PIN d'un barista a de 4 à 12 chiffres, celui d'un responsable de 6 à 12, chiffres seulement ; un nouveau responsable a besoin d'un nouveau code PIN.
ui-error-invalid-staff-staff = Le seul responsable de l'établissement reste dans l'équipe : nommez d'abord un autre responsable.
ui-error-invalid-currency = Choisissez une devise.
ui-error-invalid-timezone = Choisissez un fuseau horaire dans la liste, comme Europe/Paris.
ui-error-invalid-shop = Donnez un nom à l'établissement.
ui-error-invalid-phone = Ce numéro de téléphone ne semble pas correct.
ui-error-invalid-email = Cette adresse e-mail ne semble pas correcte.
ui-error-invalid-birthday = Saisissez une date d'anniversaire comme 1990-05-17.
ui-error-invalid-tags = Les étiquettes sont des mots courts séparés par des virgules.
ui-error-invalid-card = Cette carte ne peut pas être utilisée ici.
ui-error-invalid-code = Ce code d'appairage ne semble pas correct.
ui-error-invalid-server = Saisissez l'adresse du serveur, comme https://cloud.example.
ui-error-invalid-query = Saisissez au moins deux lettres ou chiffres.
ui-error-invalid-program = Le programme contient des erreurs ; un responsable doit le corriger.
ui-error-refused-not-enough = Pas assez pour cela.
ui-error-refused-not-available = Cette récompense n'est pas disponible maintenant.
ui-error-refused-cannot-void = Cela ne peut pas être annulé.
ui-error-refused-customer-closed = Le dossier de ce client est fermé.
ui-error-refused-no-program = Aucun programme de fidélité n'est publié : un responsable doit en créer un.
ui-error-refused-below-zero = Le solde passerait sous zéro.
ui-error-auth-sign-in-required = Connectez-vous d'abord.
ui-error-auth-forbidden = Seul un responsable peut faire cela.
ui-error-auth-wrong-pin = Code PIN erroné.
ui-error-auth-locked-out = Trop de codes PIN erronés : attendez quelques minutes.
ui-error-auth-signed-out-idle = Vous avez été déconnecté(e) après un moment sans utiliser la caisse : reconnectez-vous.
ui-error-card-garbled = Ce n'est pas une carte de fidélité, ou elle a été mal lue.
ui-error-card-unknown-shop = Cette carte vient d'un autre établissement.
ui-error-card-unknown-till = Cette carte vient d'une caisse que celle-ci ne connaît pas encore : synchronisez, puis scannez à nouveau.
ui-error-card-forged = Cette carte n'est pas authentique : sa signature ne correspond pas.
ui-error-card-revoked = Cette carte a été remplacée et ne fonctionne plus.
ui-error-card-ambiguous = Les cartes de deux clients partagent ce code : choisissez le bon par son nom.
ui-error-not-found = Introuvable.
ui-error-idempotency-mismatch = Ceci a déjà été envoyé avec d'autres détails : recommencez.
ui-error-forked = L'historique de cette caisse a été copié ailleurs : un responsable doit l'appairer à nouveau.
ui-error-not-initialised = Cette caisse n'est pas encore configurée.
ui-error-database = La base de données de la caisse n'a pas pu le faire. Réessayez.
ui-error-disk-full = Le disque de cet ordinateur est plein : rien n'a été enregistré. Libérez de la place, puis réessayez.
ui-error-migration = La base de données de la caisse n'a pas pu être mise à jour pour cette version.
ui-error-corrupt = Les données de la caisse sont endommagées : prévenez un responsable.
ui-error-io = Un fichier n'a pas pu être lu ou écrit.
ui-error-internal = Un problème est survenu dans la caisse. Réessayez ; si cela se répète, prévenez un responsable.
ui-error-sync-offline = Le serveur est injoignable.
ui-error-sync-unauthenticated = Le serveur ne connaît pas cette caisse : appairez-la à nouveau.
ui-error-sync-forbidden = Le serveur a refusé cette caisse.
ui-error-sync-forked = Le serveur a trouvé l'historique de cette caisse copié : appairez-la à nouveau.
ui-error-sync-gap = Des événements manquent entre la caisse et le serveur ; la synchronisation va réessayer.
ui-error-sync-too-large = Trop à envoyer d'un coup ; la synchronisation l'envoie en plusieurs fois.
ui-error-sync-unsupported-protocol = Le serveur utilise une autre version : mettez l'application à jour.
ui-error-sync-pairing-code = Ce code d'appairage est faux ou a expiré : demandez-en un nouveau.
ui-error-sync-shop-mismatch = Cette caisse contient les données d'un autre établissement : elle ne peut pas rejoindre celle-ci.
ui-error-sync-malformed = Le serveur a envoyé quelque chose que la caisse ne sait pas lire.
ui-error-sync-rate-limited = Le serveur demande à la caisse de ralentir ; elle va réessayer.
ui-error-sync-unavailable = Le serveur est occupé ou arrêté ; la caisse va réessayer.
ui-error-sync-internal = Le serveur a eu un problème ; la caisse va réessayer.
ui-error-sync-http = Le serveur a répondu par une erreur.
ui-error-sync-protocol = La réponse du serveur ne suivait pas le protocole.
ui-error-sync-not-paired = Cette caisse n'est appairée à aucun serveur.
ui-error-sync-already-paired = Cette caisse est déjà appairée.
ui-error-sync-insecure-server = Cette caisse a été appairée en http:// non chiffré : elle n'envoie rien tant qu'un responsable ne l'appaire pas de nouveau avec l'adresse https:// du serveur.
ui-error-sync-failed = La synchronisation a échoué ; la caisse va réessayer.

example-points-cafe = Des points sur les achats (1 point par tranche de 1,00), une boisson pour 100 points ; niveaux Bronze, Argent et Or selon les visites ; points doublés avant 9 h en semaine ; une boisson d'anniversaire.
example-stamp-cafe = Une carte à tampons : 9 cafés achetés, le 10e offert.
example-cashback-bakery = 5 % de chaque achat reversés en cagnotte, et 5,00 de remise par tranche de 50,00 dépensés.
example-coffee-club = Un club prépayé : une boisson par jour pendant 30 jours ; les habitués cumulent aussi des tampons pour un gâteau offert.
