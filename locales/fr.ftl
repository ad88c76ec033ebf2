# Counterpart : français.

## Résultats des actions

text = { $text }
already-recorded = déjà enregistré : la même action a été envoyée deux fois
program-published = { $program } publié en version { $version }
enrolled = inscrit avec la carte { $card }
card-code = code de la carte (QR) : { $code }
typed-code = code à saisir : { $code }
card-replaced = nouvelle carte { $new } ; la carte { $old } ne fonctionne plus
plan-sold = { $plan } vendu { $price } : du { $starts } au { $ends }
profile-updated = profil mis à jour
merged = { $from } fusionné dans { $into }
erased = données personnelles effacées ; les soldes et l’historique restent, anonymisés
voided = { $kind } { $event } annulé : { $reason }
undone = annulé : { $what }
tier-changed = niveau : { $before } → { $after }
tier-lost = niveau : { $before } → aucun niveau

## Ce que rapporte une visite

earn-points = +{ $points } { $points ->
        [one] point
       *[other] points
    } à { $per } = { $earn } { $earn ->
        [one] point
       *[other] points
    }
earn-points-boosted = +{ $points } { $points ->
        [one] point
       *[other] points
    } à { $per } = { $earn } { $earn ->
        [one] point
       *[other] points
    }, { $boosts }
no-points-minimum = pas de points : l’achat minimum est de { $minimum }
grant-points = +{ $points } { $points ->
        [one] point
       *[other] points
    } : { $label }
grant-reward = { $reward } débloqué : { $label }
grant-credit = +{ $amount } à dépenser : { $label }
label-offer = { $offer }
label-winback = { $offer } ({ $days } { $days ->
        [one] jour
       *[other] jours
    } d’absence)
label-product = { $offer } ×{ $quantity }
label-milestone = { $spent } dépensés au total
coupon-used = coupon { $code } utilisé
birthday-given = { $offer } offert pour { $year }
stamp-one = tampon { $stamp } sur { $of } sur { $card }
stamp-many = +{ $stamps } { $stamps ->
        [one] tampon
       *[other] tampons
    } sur { $card } : { $now } sur { $of }
stamp-limit = pas de tampon sur { $card } : la limite est de { $max } par jour
card-full = { $card } complète : { $carried } { $carried ->
        [one] tampon reporté
       *[other] tampons reportés
    }
card-reward = { $reward } débloqué par une { $card } complète
earn-cashback = +{ $amount } de cashback à { $percent } %

## Récompenses et corrections

redeem-voucher = { $reward } obtenu avec un bon
redeem-plan-day = { $reward } avec { $plan } : { $used } sur { $allowance } aujourd’hui
redeem-plan-week = { $reward } avec { $plan } : { $used } sur { $allowance } cette semaine
redeem-points = -{ $points } { $points ->
        [one] point
       *[other] points
    } pour { $reward }
redeem-cashback = -{ $amount } de cashback pour { $reward }
redeem-once = { $reward } utilisé (une fois par client)
cashback-spent = -{ $amount } de cashback dépensés
donated = -{ $points } { $points ->
        [one] point donné
       *[other] points donnés
    } à { $cause }
adjusted = correction d’un responsable : { $amount } { $account } ({ $reason })
adjusted-money = correction d’un responsable : { $amount } { $account } ({ $reason })

## Soldes

balance-points = { $points } { $points ->
        [one] point
       *[other] points
    }
balance-points-expired = { $points } { $points ->
        [one] point
       *[other] points
    } ({ $expired } expirés)
balance-stamps = { $stamps } sur { $of } sur { $card }
balance-stamps-retired = { $stamps } { $stamps ->
        [one] tampon
       *[other] tampons
    } sur { $card }
balance-cashback = { $amount } de cashback
balance-vouchers = { $count } × { $reward }

## Conflits entre caisses

conflict-below-zero = { $account } est à { $amount } : plus a été repris ou corrigé que ce que le client avait
conflict-merge-overruled = la fusion de { $from } dans { $into } a été annulée : une autre caisse a fusionné ces fiches dans l’autre sens d’abord, et { $remains } reste
conflict-merge-joined = { $from } a été fusionné dans { $into } et dans une autre fiche à une autre caisse : tout est une seule fiche maintenant, { $remains }
conflict-overdrawn = { $event } a fait passer { $balances } sous zéro : des caisses hors ligne ont dépensé le même solde


## Personnel

staff-added = { $name } ajouté(e) au personnel : { $role }
staff-role-changed = { $name } : nouveau rôle — { $role }
staff-pin-changed = PIN modifié : { $name }
staff-removed = { $name } retiré(e) du personnel
role-barista = barista
role-manager = responsable


## Refus

refused-not-enough = pas assez de { $account } : la récompense demande { $needed }, le client a { $available }
account-points = points
account-cashback = cagnotte
account-other = { $account }
refused-not-available = { $reward } n'est pas disponible : { $why }
why-not-on-this-date = pas proposé à cette date
why-needs-tier = il faut le niveau { $tier } ; le client est { $held }
why-needs-tier-none = il faut le niveau { $tier } ; le client n'a aucun niveau
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
refused-cannot-void = annulation impossible : { $why }
why-voided-already = déjà annulé par { $event }
why-not-voidable = un événement { $kind } ne s'annule pas ; seulement les visites, échanges, corrections et dons
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
auth-wrong-pin = PIN erroné pour { $name } : encore { $left } { $left ->
        [one] essai
       *[other] essais
    } avant un blocage de 5 minutes
auth-locked-out = { $name } : 5 PIN erronés, bloqué(e) sur cette caisse jusqu'à { $until }

## Les mots de la ligne de commande

cli-tier = niveau
cli-visits = visites : { $visits }, dernière { $last }
cli-never = jamais
cli-conflict = conflit
cli-can-redeem = à obtenir maintenant
cli-runs-open = cette caisse est ouverte : personne n'est au personnel, chacun peut tout faire (ajoutez un responsable avec `counterpart staff add NOM --role manager`)
