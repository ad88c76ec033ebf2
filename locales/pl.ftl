# Counterpart: polski. Liczby wybierają formę: 1 punkt, 2–4 punkty, 5+ punktów.

## Wyniki działań

text = { $text }
already-recorded = już zapisane: to samo działanie wysłane dwa razy
program-published = opublikowano { $program } jako wersję { $version }
enrolled = zapisano z kartą { $card }
card-code = kod karty (QR): { $code }
typed-code = kod do wpisania: { $code }
card-replaced = nowa karta { $new }; karta { $old } już nie działa
plan-sold = sprzedano { $plan } za { $price }: ważny od { $starts } do { $ends }
profile-updated = zaktualizowano profil
merged = połączono { $from } z { $into }
erased = dane osobowe usunięte; salda i historia zostają, zanonimizowane
voided = anulowano { $kind } { $event }: { $reason }
undone = cofnięto: { $what }
tier-changed = poziom: { $before } → { $after }
tier-lost = poziom: { $before } → brak poziomu

## Co daje wizyta

earn-points = +{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } po { $per } = { $earn } { $earn ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    }
earn-points-boosted = +{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } po { $per } = { $earn } { $earn ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    }, { $boosts }
no-points-minimum = bez punktów: minimalna kwota to { $minimum }
grant-points = +{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    }: { $label }
grant-reward = odblokowano { $reward }: { $label }
grant-credit = +{ $amount } do wydania: { $label }
label-offer = { $offer }
label-winback = { $offer } ({ $days } { $days ->
        [one] dzień
        [few] dni
        [many] dni
       *[other] dnia
    } nieobecności)
label-product = { $offer } ×{ $quantity }
label-milestone = łącznie wydano { $spent }
coupon-used = wykorzystano kupon { $code }
birthday-given = { $offer } przyznany za rok { $year }
stamp-one = pieczątka { $stamp } z { $of } na karcie { $card }
stamp-many = +{ $stamps } { $stamps ->
        [one] pieczątka
        [few] pieczątki
        [many] pieczątek
       *[other] pieczątki
    } na karcie { $card }: { $now } z { $of }
stamp-limit = bez pieczątki na karcie { $card }: limit to { $max } dziennie
card-full = karta { $card } pełna: przeniesiono { $carried } { $carried ->
        [one] pieczątkę
        [few] pieczątki
        [many] pieczątek
       *[other] pieczątki
    }
card-reward = { $reward } odblokowane za pełną kartę { $card }
earn-cashback = +{ $amount } zwrotu ({ $percent } %)

## Realizacje i korekty

redeem-voucher = { $reward } odebrane z bonu
redeem-plan-day = { $reward } z { $plan }: { $used } z { $allowance } dzisiaj
redeem-plan-week = { $reward } z { $plan }: { $used } z { $allowance } w tym tygodniu
redeem-points = -{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } za { $reward }
redeem-cashback = -{ $amount } zwrotu za { $reward }
redeem-once = { $reward } wykorzystane (raz na klienta)
cashback-spent = wydano { $amount } zwrotu
donated = -{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } przekazane na { $cause }
adjusted = korekta kierownika: { $amount } { $account } ({ $reason })
adjusted-money = korekta kierownika: { $amount } { $account } ({ $reason })

## Salda

balance-points = { $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    }
balance-points-expired = { $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } ({ $expired } wygasło)
balance-stamps = { $stamps } z { $of } na karcie { $card }
balance-stamps-retired = { $stamps } { $stamps ->
        [one] pieczątka
        [few] pieczątki
        [many] pieczątek
       *[other] pieczątki
    } na karcie { $card }
balance-cashback = { $amount } zwrotu
balance-vouchers = { $count } × { $reward }

## Konflikty między kasami

conflict-below-zero = { $account } wynosi { $amount }: cofnięto lub skorygowano więcej, niż klient miał
conflict-merge-overruled = połączenie { $from } z { $into } zostało uchylone: inna kasa połączyła te rekordy odwrotnie jako pierwsza i zostaje { $remains }
conflict-merge-joined = { $from } połączono z { $into } oraz z innym rekordem na innej kasie: to teraz jeden rekord, { $remains }
conflict-overdrawn = { $event } zeszło poniżej zera ({ $balances }): kasy offline wydały to samo saldo


## Personel

staff-added = dodano do personelu: { $name }, rola: { $role }
staff-role-changed = { $name }: nowa rola — { $role }
staff-pin-changed = zmieniono PIN: { $name }
staff-removed = usunięto z personelu: { $name }
role-barista = barista
role-manager = kierownik


## Odmowy

refused-not-enough = za mało: { $account }; nagroda wymaga { $needed }, klient ma { $available }
account-points = punkty
account-cashback = zwrot
account-other = { $account }
refused-not-available = { $reward } jest niedostępne: { $why }
why-not-on-this-date = nie jest oferowane w tym dniu
why-needs-tier = wymaga poziomu { $tier }; klient ma poziom { $held }
why-needs-tier-none = wymaga poziomu { $tier }; klient nie ma poziomu
why-once-per-customer = można odebrać raz na klienta i już odebrano
why-no-voucher = klient nie ma na to kuponu
why-coupon-not-running = nie obowiązuje teraz lub nie dla tego klienta
why-coupon-used = ten klient użył go już { $uses } { $uses ->
        [one] raz
        [few] razy
        [many] razy
       *[other] razy
    }
why-coupon-all-used = wszystkie użycia są wykorzystane
why-offline-allowance = ta kasa nie synchronizowała się od { $hours } { $hours ->
        [one] godziny
        [few] godzin
        [many] godzin
       *[other] godziny
    }; do tego czasu klient może tu wymienić najwyżej { $max } { $max ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } (już { $spent })
refused-cannot-void = nie można anulować: { $why }
why-voided-already = zostało już anulowane przez { $event }
why-not-voidable = zdarzenia { $kind } nie można anulować; tylko wizyty, odbiory nagród, korekty i darowizny
refused-customer-closed = ten rekord klienta jest zamknięty: { $why }
why-erased = jego dane osobowe usunięto na jego prośbę
refused-below-zero = saldo { $account } spadłoby do { $after }: { $why }. Kierownik może to potwierdzić; saldo będzie wtedy ujemne i oznaczone
why-spent-since = to, co dało anulowane zdarzenie, zostało już wydane
why-has-less = klient ma mniej
why-nothing-to-undo = na tej kasie nie ma Twojego działania do cofnięcia
why-undo-too-late = Twoje ostatnie działanie było ponad 2 minuty temu: kierownik może je anulować
refused-no-program = nie opublikowano jeszcze programu lojalnościowego: opublikuj go poleceniem `counterpart program publish PLIK`
auth-sign-in-required = najpierw się zaloguj: ta kasa ma personel
auth-forbidden = rola { $role } na to nie pozwala: poproś kierownika
auth-wrong-pin = zły PIN dla { $name }: jeszcze { $left } { $left ->
        [one] próba
        [few] próby
        [many] prób
       *[other] próby
    } przed 5-minutową blokadą
auth-locked-out = { $name }: 5 złych PIN-ów, blokada na tej kasie do { $until }

## Słowa wiersza poleceń

cli-tier = poziom
cli-visits = wizyty: { $visits }, ostatnia { $last }
cli-never = nigdy
cli-conflict = konflikt
cli-can-redeem = do odebrania teraz
cli-runs-open = ta kasa działa bez logowania: nikt nie jest w personelu, więc każdy może wszystko (dodaj kierownika: `counterpart staff add IMIĘ --role manager`)
