# Counterpart: polski. Liczby wybierają formę: 1 punkt, 2–4 punkty, 5+ punktów.

## Wyniki działań

text = { $text }
already-recorded = już zapisane: to samo działanie wysłane dwa razy
program-published = opublikowano program „{ $program }” jako wersję { $version }
enrolled = zapisano z kartą { $card }
card-code = kod QR karty: { $code }
typed-code = kod karty: { $code }
card-replaced = nowa karta { $new }; karta { $old } już nie działa
plan-sold = sprzedano karnet „{ $plan }” za { $price }: ważny od { $starts } do { $ends }
profile-updated = zaktualizowano profil
merged = połączono { $from } z { $into }
erased = dane osobowe usunięte; salda i historia zostają, zanonimizowane
voided = anulowano { $kind } { $event }: { $reason }
undone = { $what } — cofnięto
tier-changed = poziom: { $before } → { $after }
tier-lost = poziom: { $before } → brak poziomu
tier-reached = poziom: brak poziomu → { $after }

## Co daje wizyta

earn-points = +{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } ({ $earn } { $earn ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } za każde { $per })
earn-points-boosted = +{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } ({ $earn } { $earn ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } za każde { $per }, { $boosts })
# One multiplier of a visit: its sign and the offer's or the tier's name ("×2 before 9:00").
boost = { $times } { $name }
# Several multipliers, the first and the rest.
boost-list = { $first }, { $rest }
no-points-minimum = bez punktów: minimalna kwota to { $minimum }
grant-points = +{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    }: { $label }
grant-reward = odblokowano nagrodę „{ $reward }”: { $label }
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
offer-now-multiplier = punkty { $times }: { $offer }
offer-now-coupon = kupon { $code }: { $what }
coupon-used = wykorzystano kupon { $code }
birthday-given = oferta „{ $offer }”: przyznano za rok { $year }
stamp-one = pieczątka { $stamp } z { $of } na karcie „{ $card }”
stamp-many = +{ $stamps } { $stamps ->
        [one] pieczątka
        [few] pieczątki
        [many] pieczątek
       *[other] pieczątki
    } na karcie „{ $card }”: { $now } z { $of }
stamp-limit = bez pieczątki na karcie „{ $card }”: limit to { $max } dziennie
card-full = karta „{ $card }” pełna: przeniesiono { $carried } { $carried ->
        [one] pieczątkę
        [few] pieczątki
        [many] pieczątek
       *[other] pieczątki
    }
card-reward = odblokowano nagrodę „{ $reward }” za pełną kartę „{ $card }”
earn-cashback = +{ $amount } cashbacku ({ $percent } %)

## Realizacje i korekty

redeem-voucher = wydano nagrodę „{ $reward }” za bon
redeem-plan-day = nagroda „{ $reward }” z karnetu „{ $plan }”: { $used } z { $allowance } dzisiaj
redeem-plan-week = nagroda „{ $reward }” z karnetu „{ $plan }”: { $used } z { $allowance } w tym tygodniu
redeem-points = -{ $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } za nagrodę „{ $reward }”
redeem-cashback = -{ $amount } cashbacku za nagrodę „{ $reward }”
redeem-once = wydano nagrodę „{ $reward }” (raz na klienta)
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
balance-stamps = { $stamps } z { $of } na karcie „{ $card }”
balance-stamps-retired = { $stamps } { $stamps ->
        [one] pieczątka
        [few] pieczątki
        [many] pieczątek
       *[other] pieczątki
    } na karcie „{ $card }”
balance-cashback = { $amount } cashbacku
balance-vouchers = { $count } × { $reward }

## Konflikty między kasami

conflict-card-taken = karta { $card } została wcześniej wydana w innej kasie klientowi { $other } i zostaje przy nim: wydaj temu klientowi nową kartę
conflict-below-zero = { $account } wynosi { $amount }: cofnięto lub skorygowano więcej, niż klient miał
conflict-merge-overruled = połączenie { $from } z { $into } zostało uchylone: inna kasa połączyła te rekordy odwrotnie jako pierwsza i zostaje { $remains }
conflict-merge-joined = { $from } połączono z { $into } oraz z innym rekordem na innej kasie: to teraz jeden rekord, { $remains }
conflict-overdrawn = { $event } zeszło poniżej zera ({ $balances }): kasy offline wydały to samo saldo


## Personel

staff-added = dodano do personelu: { $name }, rola: { $role }
staff-role-changed = { $name }: nowa rola — { $role }
staff-pin-changed = zmieniono PIN: { $name }
staff-removed = usunięto z personelu: { $name }
staff-key-set = { $name } podpisuje teraz swoje działania kodem PIN
role-barista = barista
role-manager = kierownik


## Odmowy

refused-not-enough = za mało: { $account }; nagroda wymaga { $needed }, klient ma { $available }
refused-not-enough-points = brakuje { $missing } { $missing ->
        [one] punktu
        [few] punktów
        [many] punktów
       *[other] punktu
    }: nagroda kosztuje { $needed }, klient ma { $available }
refused-not-enough-cashback = brakuje { $missing } cashbacku: nagroda kosztuje { $needed }, klient ma { $available }
account-points = punkty
account-cashback = cashback
account-other = { $account }
refused-not-available = Nagroda „{ $reward }” jest niedostępna: { $why }
refused-coupon-not-available = Kupon { $code } jest niedostępny: { $why }
refused-redemption-not-available = Tej wymiany nie można teraz przeprowadzić: { $why }
why-not-on-this-date = nie jest oferowane w tym dniu
why-needs-tier = wymaga poziomu „{ $tier }”; klient ma poziom „{ $held }”
why-needs-tier-none = wymaga poziomu „{ $tier }”; klient nie ma poziomu
why-once-per-customer = można ją wydać raz na klienta i już wydano
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
why-offline-allowance-clock = zegar tej kasy cofnął się przed jej ostatnią synchronizację, więc nie wiadomo, jak długo jest offline; do następnej synchronizacji klient może tu wymienić najwyżej { $max } { $max ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    } (już { $spent })
offline-since = ta kasa nie synchronizowała się od { $hours } { $hours ->
        [one] godziny
        [few] godzin
        [many] godzin
       *[other] godziny
    }
offline-clock-behind = zegar tej kasy cofnął się przed jej ostatnią synchronizację, więc nie wiadomo, jak długo jest offline
offline-limit-cashback = { $since }; do następnej synchronizacji klient może tu wydać najwyżej { $max } z cashbacku (już { $spent })
offline-limit-vouchers = { $since }; do następnej synchronizacji klient może tu wykorzystać najwyżej { $max } { $max ->
        [one] bon
        [few] bony
        [many] bonów
       *[other] bonu
    } (już { $spent })
refused-cannot-void = nie można anulować: { $why }
why-voided-already = zostało już anulowane przez { $event }
why-not-voidable = zdarzenia { $kind } nie można anulować; tylko wizyty, wydania nagród, korekty i darowizny
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
auth-wrong-pin = zły PIN ({ $name }): jeszcze { $left } { $left ->
        [one] próba
        [few] próby
        [many] prób
       *[other] próby
    } przed 5-minutową blokadą
auth-locked-out = { $name }: 5 złych PIN-ów, blokada na tej kasie do { $until }
auth-signed-out-idle = { $name }: wylogowano po { $minutes } { $minutes ->
        [one] minucie
        [few] minutach
        [many] minutach
       *[other] minutach
    } bez korzystania z kasy; zaloguj się ponownie

## Słowa wiersza poleceń

cli-tier = poziom
cli-visits = wizyty: { $visits }, ostatnia { $last }
cli-never = nigdy
cli-conflict = konflikt
cli-can-redeem = do odebrania teraz
cli-not-yet = jeszcze nie
cli-runs-open = ta kasa działa bez logowania: nikt nie jest w personelu, więc każdy może wszystko (dodaj kierownika: `counterpart staff add IMIĘ --role manager`)

## Raporty (wiersza poleceń, a później ekranów)

report-close-title = Zamknięcie dnia { $day } ({ $hours } h, { $currency })
report-close-visits = Wizyty: { $visits } · obsłużeni klienci: { $customers } · nowi członkowie: { $enrolments }
report-close-sales = Sprzedaż członkom: { $sales } · średni rachunek: { $average }
report-close-points = Punkty przyznane: { $issued } · wykorzystane: { $redeemed }
report-close-stamps = Pieczątki przyznane: { $issued } · zamienione na nagrody: { $redeemed }
report-close-cashback = Cashback przyznany: { $issued } · wydany: { $spent }
report-close-rewards = Odebrane nagrody:
report-close-reward = { $reward }: { $count }
report-close-by-hour = Według godzin:
report-close-hour = { $hour }:00 · wizyty: { $visits } · sprzedaż: { $sales }
report-close-by-staff = Według pracowników:
report-close-staff = { $name } · wizyty: { $visits } · sprzedaż: { $sales } · przyznane punkty: { $points } · odebrane nagrody: { $redeemed }
report-close-nobody = (nikt niezalogowany)
report-close-voids = Anulowania:
report-close-void = { $at } · { $by } anulował(a) { $target }: { $reason }
report-close-adjustments = Korekty:
report-close-adjustment = { $at } · { $by } zmienił(a) { $account } o { $amount } dla { $customer }: { $reason }
report-close-conflicts = Nagrody, które po synchronizacji okazały się ponad stan: { $count }
report-close-unusual = Klient { $customer }: { $actions } działań lojalnościowych tego dnia (więcej niż { $limit })
report-close-last-sync = Obejmuje zdarzenia wszystkich kas do ostatniej synchronizacji tej kasy: { $at }
report-close-never-synced = Ta kasa nigdy się nie synchronizowała: zamknięcie obejmuje tylko jej własne zdarzenia.
report-never-synced = Ta kasa nigdy się nie synchronizowała: raport obejmuje tylko jej własne zdarzenia.

## Wskaźniki: nazwy i definicje (wiersz poleceń, ekrany, pliki)

kpi-repeat-customer-rate = Odsetek powracających klientów
kpi-repeat-customer-rate-definition = Klienci z co najmniej dwiema wizytami w okresie ÷ klienci, którzy w nim przyszli.
kpi-retention = Utrzymanie klientów
kpi-retention-definition = Spośród klientów, którzy przyszli w poprzednim okresie, odsetek tych, którzy przyszli i w tym.
kpi-visit-frequency = Częstotliwość wizyt
kpi-visit-frequency-definition = Wizyty w okresie ÷ klienci, którzy w nim przyszli.
kpi-average-check = Średni rachunek członka
kpi-average-check-definition = Sprzedaż członkom ÷ wizyty w okresie (bez anulowanych), zaokrąglone do grosza.
kpi-redemption-rate = Wskaźnik wykorzystania punktów
kpi-redemption-rate-definition = Punkty wykorzystane (nagrody i darowizny) ÷ punkty przyznane (wizyty i powitania) w okresie.
kpi-redemption-value = Wskaźnik wykorzystania (wartość)
kpi-redemption-value-definition = Wartość według menu wykorzystanych punktów, pieczątek i cashbacku ÷ wartość przyznanych w okresie: każda jednostka po cenach z menu nagród, które można za nią dostać, cashback po wartości nominalnej. Saldo, którego nagrody nie mają ceny w menu, jest pominięte.
kpi-breakage = Przepadłe punkty
kpi-breakage-definition = Spośród punktów, których los rozstrzygnął się w okresie — wykorzystanych lub przepadłych — odsetek tych, które przepadły niewykorzystane. To, co wciąż pozostaje do wykorzystania, pokazuje raport zobowiązań.
kpi-breakage-no-expiry = W tym programie punkty nie wygasają, więc żadne nie przepadają.
kpi-breakage-counting = Liczenie…
kpi-enrolment-rate = Odsetek nowych członków
kpi-enrolment-rate-definition = Nowi członkowie ÷ obsłużeni członkowie (ci, którzy przyszli lub dołączyli) w okresie.
kpi-clv-historical = Wartość klienta w czasie (historyczna)
kpi-clv-historical-definition = Ile średnio wydali od dołączenia, do ostatniego dnia okresu, klienci, którzy odwiedzili lokal w tym okresie (bez anulowanych wizyt).
kpi-clv-predicted = Wartość klienta w czasie (prognoza)
kpi-clv-predicted-definition = Szacunek: średni rachunek × wizyty na klienta w okresie × liczba okresów, przez które klient zwykle zostaje, 1 ÷ (1 − utrzymanie), najwyżej pięć lat.
report-kpis-title = Wskaźniki od { $from } do { $to } ({ $days } { $days ->
        [one] dzień
        [few] dni
        [many] dni
       *[other] dnia
    }), w porównaniu z okresem od { $previousFrom } do { $previousTo }
report-kpis-line = { $name }: { $value } (wcześniej: { $previous })
report-cohort-line = { $month }: klienci { $customers }; miesiąc po miesiącu: { $shares }
report-kpis-nothing = b.d.

## Tabele raportów: tytuły, nagłówki kolumn i słowa w komórkach (ekrany i pliki CSV)

report-table-close-summary = Dzień w liczbach
report-table-close-by-hour = Według godzin
report-table-close-by-staff = Według pracowników
report-table-close-rewards = Wydane nagrody
report-table-close-voids = Anulowania
report-table-close-adjustments = Korekty
report-table-close-unusual = Nietypowa aktywność
report-table-close-unusual-own-customers = Nagrody dla klientów zapisanych przez tę samą osobę
report-table-close-unusual-points = Punkty daleko ponad udział w wizytach
report-column-on-the-day = Tego dnia
report-column-window-days = W ciągu dni
report-column-points-share = Udział w punktach dnia
report-column-visits-share = Udział w wizytach dnia
report-column-share-limit = Zwykle najwyżej, względem udziału w wizytach
report-close-unusual-own = { $staff }: { $redemptions ->
    [one] { $redemptions } nagroda
    [few] { $redemptions } nagrody
    [many] { $redemptions } nagród
   *[other] { $redemptions } nagrody
} w ciągu { $days } dni dla klienta { $customer }, zapisanego przez tę samą osobę; tego dnia: { $today } (więcej niż { $limit })
report-close-unusual-points = { $staff }: { $points } pkt, czyli { $pointsShare } punktów dnia, przy { $visitsShare } jego wizyt (więcej niż { $limit } tego udziału)
report-column-measure = Miara
report-column-value = Wartość
report-column-hour = Godzina
report-column-visits = Wizyty
report-column-sales = Sprzedaż
report-column-staff = Pracownik
report-column-points-issued = Przyznane punkty
report-column-redemptions = Wydane nagrody
report-column-reward = Nagroda
report-column-count = Ile razy
report-column-time = Godzina
report-column-by = Kto
report-column-customer = Klient
report-column-reason = Powód
report-column-account = Saldo
report-column-amount = Zmiana
report-column-actions = Działania lojalnościowe
report-column-limit = Zwykle najwyżej
report-measure-visits = Wizyty
report-measure-customers = Obsłużeni członkowie
report-measure-enrolments = Nowi członkowie
report-measure-sales = Sprzedaż członkom
report-measure-average-check = Średni rachunek
report-measure-points-issued = Przyznane punkty
report-measure-points-redeemed = Wykorzystane punkty
report-measure-stamps-issued = Przyznane pieczątki
report-measure-stamps-redeemed = Pieczątki wymienione na nagrody
report-measure-cashback-issued = Przyznany cashback
report-measure-cashback-spent = Wykorzystany cashback
report-measure-voids = Anulowania
report-measure-adjustments = Korekty
report-measure-conflicts = Odbiory nagród bez pokrycia
report-cell-nobody = (nikt niezalogowany)
report-cell-no-name = (bez imienia)
report-table-kpis = Wskaźniki
report-table-kpis-by-day = Dzień po dniu
report-table-kpis-goals = Cele
report-table-kpis-goal-trend = Cele, pomiar po pomiarze
report-table-kpis-rewards = Popularność nagród
report-table-kpis-cohorts = Retencja kohort miesięcznych
report-column-goal = Cel
report-column-baseline = Przed startem
report-column-target = Cel do osiągnięcia
report-column-current = Teraz
report-column-projected = Wg trendu na termin
report-column-goal-by = Termin
report-column-status = Stan
report-goal-not-started = Jeszcze się nie zaczął
report-goal-no-baseline = Brak wartości wyjściowej
report-goal-no-data = Za mało danych
report-goal-reached = Osiągnięty
report-goal-on-track = Na dobrej drodze
report-goal-behind = Opóźniony
report-goal-too-early = Za wcześnie, by ocenić
report-goal-met = Zrealizowany
report-goal-missed = Niezrealizowany
report-goal-line = Cel „{ $name }” ({ $kpi }): { $status }. Teraz { $current }, cel { $target } do { $by }.
ui-goals-title = Cele
ui-goals-counting = Liczę cele…
ui-goals-none = Nie ma jeszcze celów. Cel ustala się w programie ([[goals]]): wskaźnik, wartość do osiągnięcia i termin.
ui-rewards-none = Program nie ma jeszcze nagród i w tych dwóch okresach nic nie wydano.
ui-rewards-counting = Liczenie wykorzystanych nagród…
ui-cohorts-counting = Liczenie kohort…
ui-cohorts-explain = Każdy wiersz to klienci, którzy dołączyli w danym miesiącu; każda kolumna to odsetek z nich, którzy przyszli tyle miesięcy później (0: miesiąc dołączenia). Bieżący miesiąc liczy się do dziś.
ui-cohorts-none = W ostatnich dwunastu miesiącach nikt nie dołączył.
ui-cohorts-months-since = Miesiące od dołączenia
ui-goal-target = Cel: { $target } do { $by }
ui-goal-change = { $change } względem { $baseline }, wartości z { $days ->
    [one] { $days } dnia
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dnia
} przed { $starts }
ui-goal-change-no-baseline = { $change } względem wartości sprzed { $starts }, której nie znamy
ui-goal-current = Teraz: { $value }
ui-goal-projected = Wg tego trendu: { $value } do { $by }
ui-goal-window = Każdy pomiar obejmuje { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dnia
} do swojej daty.
ui-goal-chart = { $kpi }: kolejne pomiary i cel
ui-goal-chart-target = Cel
ui-report-export-goals = Eksportuj cele do CSV
ui-report-export-goal-trend = Eksportuj pomiary do CSV
report-column-kpi = Wskaźnik
report-column-previous = Poprzedni okres
report-column-cohort = Dołączyli w
report-column-joined = Klienci
report-column-month-0 = Miesiąc 0
report-column-month-1 = Miesiąc 1
report-column-month-2 = Miesiąc 2
report-column-month-3 = Miesiąc 3
report-column-month-4 = Miesiąc 4
report-column-month-5 = Miesiąc 5
report-column-month-6 = Miesiąc 6
report-column-month-7 = Miesiąc 7
report-column-month-8 = Miesiąc 8
report-column-month-9 = Miesiąc 9
report-column-month-10 = Miesiąc 10
report-column-month-11 = Miesiąc 11
report-column-definition = Definicja
report-column-day = Dzień roboczy
report-column-points-redeemed = Wykorzystane punkty
report-column-enrolments = Nowi członkowie
report-table-liability = Niewykorzystane salda w pieniądzu
report-table-liability-ages = Niewykorzystane według wieku
report-table-liability-redemption = Jak klienci wykorzystują salda
report-column-balance-kind = Rodzaj
report-column-balance = Karta lub nagroda
report-column-outstanding = Do wykorzystania
report-column-customers = Klienci, którzy je mają
report-column-issued = Wydane
report-column-redeemed = Wykorzystane
report-column-expired = Przeterminowane
report-column-redemption-rate = Wskaźnik wykorzystania
report-column-redemption-probability = Prawdopodobieństwo wykorzystania
report-column-face-value = Wartość nominalna
report-column-expected-cost = Oczekiwany koszt
report-column-deferral = Przychód odroczony (MSSF 15)
report-column-age-0-30 = 0–30 dni
report-column-age-31-90 = 31–90 dni
report-column-age-91-180 = 91–180 dni
report-column-age-181-365 = 181–365 dni
report-column-age-over-365 = Ponad 365 dni
report-balance-points = Punkty
report-balance-stamps = Pieczątki
report-balance-cashback = Zwrot gotówki
report-balance-voucher = Bony
report-cell-no-cost = brak kosztu
report-cell-no-price = brak ceny w menu
report-cell-no-history = jeszcze nic nie wydano
report-cell-total = Razem
liability-face-value-definition = Niewykorzystane jednostki po cenach nagród w menu: to, co klienci mogliby odebrać, gdyby wykorzystali wszystko.
liability-expected-cost-definition = Niewykorzystane jednostki po koszcie nagród dla lokalu, razy własny wskaźnik wykorzystania lokalu (jednostki wykorzystane ÷ wydane, od początku).
liability-deferral-definition = Wartość nominalna razy prawdopodobieństwo, że jednostka zostanie kiedyś wykorzystana (spośród jednostek wykorzystanych lub przeterminowanych udział wykorzystanych; dopóki nic nie wygasło, wskaźnik wykorzystania), jako przychód odroczony według MSSF 15.
report-liability-title = Niewykorzystane salda na dzień { $day } (każda wartość to szacunek)
report-liability-line = { $balance }: do wykorzystania { $outstanding }, klientów: { $customers } · wartość nominalna { $face } · oczekiwany koszt { $cost } · przychód odroczony { $deferral }
report-liability-total = Razem: wartość nominalna { $face } · oczekiwany koszt { $cost } · przychód odroczony { $deferral }
report-liability-partial = Suma pomija saldo, którego nie da się wycenić, więc wynosi co najmniej tyle.
report-liability-no-cost = brak kosztu dla: { $rewards } (shop_cost w programie)
report-liability-no-price = brak ceny w menu dla: { $rewards } (menu_price w programie)
report-liability-nothing = Nic do wykorzystania.
report-table-segments = Klienci według segmentów
report-table-segments-over-time = Segmenty na koniec każdego miesiąca
report-table-segments-scores = Co dziś znaczy każda ocena
report-table-segments-moves = Klienci, których przesuną proponowane zasady
report-table-at-risk = Zagrożeni odejściem: klienci do odzyskania
report-column-segment = Segment
report-column-segment-customers = Klienci
report-column-share = Udział
report-column-segment-new = Nowi
report-column-segment-occasional = Okazjonalni
report-column-segment-regular = Stali
report-column-segment-high-value = Najcenniejsi
report-column-segment-at-risk = Zagrożeni odejściem
report-column-segment-lapsed = Utraceni
report-column-score = Ocena
report-column-days-since-from = Dni od ostatniej wizyty, od
report-column-days-since-to = Dni od ostatniej wizyty, do
report-column-visits-from = Wizyty, od
report-column-visits-to = Wizyty, do
report-column-spend-from = Wydatki, od
report-column-spend-to = Wydatki, do
report-column-from-segment = Z segmentu
report-column-to-segment = Do segmentu
report-column-last-visit = Ostatnia wizyta
report-column-days-since = Dni od niej
report-column-usual-gap = Zwykła przerwa (dni)
report-column-visits-year = Wizyty (365 dni)
report-column-spend-year = Wydatki (365 dni)
report-column-points = Punkty
report-column-stamps = Pieczątki
report-column-cashback = Cashback
report-column-consent = Zgoda na kontakt
report-column-phone = Telefon
report-column-email = E-mail
report-segment-new = Nowi
report-segment-occasional = Okazjonalni
report-segment-regular = Stali
report-segment-high-value = Najcenniejsi
report-segment-at-risk = Zagrożeni odejściem
report-segment-lapsed = Utraceni
report-cell-none = —
report-cell-yes = tak
report-cell-no = nie
segment-new-definition = Najwyżej jedna wizyta, dołączyli w ciągu ostatnich { $days } dni.
segment-occasional-definition = Przychodzą od czasu do czasu: jedna wizyta i dołączyli wcześniej; albo więcej wizyt, ale bez częstotliwości stałego klienta ani wydatków najcenniejszego.
segment-regular-definition = Ocena częstotliwości { $score } lub wyższa.
segment-high-value-definition = Ocena wydatków { $score } lub wyższa.
segment-at-risk-definition = Stały lub najcenniejszy klient z oceną świeżości { $score } lub niższą: ostatnio nie przychodzi.
segment-lapsed-definition = Brak wizyty od ponad { $days } dni.
segments-method = Klienci z co najmniej dwiema wizytami dostają oceny od 1 do 5 względem siebie nawzajem, według kwintyli (każda ocena to jedna piąta klientów): świeżość (dni od ostatniej wizyty, im mniej, tym lepiej), częstotliwość (wizyty) i wydatki, obie z ostatnich 365 dni. Klienci z jedną wizytą i utraceni nie są oceniani.
report-segments-title = Segmenty na dzień { $day }: { $customers ->
        [one] { $customers } klient
        [few] { $customers } klientów
        [many] { $customers } klientów
       *[other] { $customers } klienta
    }
report-segments-line = { $segment }: { $customers } ({ $share }) · { $definition }
report-segments-preview = Proponowane zasady, jeszcze niezachowane: { $moved ->
        [one] { $moved } klient zmienia segment
        [few] { $moved } klientów zmienia segment
        [many] { $moved } klientów zmienia segment
       *[other] { $moved } klienta zmienia segment
    }.
report-segments-move = { $from } → { $to }: { $customers }
report-segments-at-risk-title = Zagrożeni odejściem, od największych wydatków ({ $customers }):
report-segments-at-risk-none = Nikt nie jest zagrożony odejściem.
report-segments-at-risk-line = { $name }: ostatnia wizyta { $day }, dni temu: { $days }, zwykle co { $gap } dni; wizyty: { $visits }, wydatki: { $spend } w 365 dni; { $contact }
report-segments-no-consent = brak zgody na kontakt
report-segments-kept = Zasady segmentów są zachowane na tej kasie.
report-table-offers = Oferty wobec grup kontrolnych
report-table-offers-uplift = Co każda oferta zmieniła na klienta
report-column-offer = Oferta
report-column-offer-from = Pierwszy dzień
report-column-offer-to = Ostatni dzień
report-column-group = Grupa
report-column-group-customers = Klienci
report-column-visits-per-customer = Wizyty na klienta
report-column-spend-per-customer = Wydatki na klienta
report-column-uplift = Zmiana
report-column-uplift-low = Przedział 95%, od
report-column-uplift-high = Przedział 95%, do
report-column-uplift-relative = Zmiana względem grupy kontrolnej
report-offer-group-exposed = Z ofertą
report-offer-group-held-out = Grupa kontrolna
report-measure-visits-per-customer = Wizyty na klienta
report-measure-spend-per-customer = Wydatki na klienta
report-cell-not-enough-data = jeszcze za mało danych
offers-method = Każda oferta wyłącza część klientów, do których jest skierowana, losowanych według oferty i klienta, tak że każda kasa wybiera tych samych; oni nigdy jej nie dostają. Obie grupy porównuje się w dotychczasowych dniach oferty, licząc wszystkich, także tych, którzy nie przyszli. Zmiana to grupa z ofertą minus grupa kontrolna, na klienta, z przedziałem 95% (przybliżenie normalne, Welch).
offers-minimum = Zmiana jest podawana, gdy każda grupa ma { $customers } klientów, a oferta trwa { $days } dni.
report-offers-title = Oferty z grupą kontrolną, stan na { $day }:
report-offers-none = Żadna oferta nie ma grupy kontrolnej: nadaj ofercie holdout_percent w programie, aby zmierzyć, co zmienia.
report-offers-offer = { $offer }: { $percent }% w grupie kontrolnej, od { $from } do { $to } ({ $days ->
        [one] { $days } dzień
        [few] { $days } dni
        [many] { $days } dni
       *[other] { $days } dnia
    }){ $running }
report-offers-running = , nadal trwa
report-offers-group = { $group }: { $customers ->
        [one] { $customers } klient
        [few] { $customers } klientów
        [many] { $customers } klientów
       *[other] { $customers } klienta
    }, wizyty: { $visits } ({ $visits_each } na klienta), { $spend } ({ $spend_each } na klienta)
report-offers-uplift-visits = Zmiana wizyt na klienta: { $difference } (przedział 95% od { $low } do { $high })
report-offers-uplift-spend = Zmiana wydatków na klienta: { $difference } (przedział 95% od { $low } do { $high })
report-offers-not-enough = Jeszcze za mało danych: każda grupa potrzebuje { $customers } klientów, a oferta { $days } dni.
report-pdf-made = Sporządzono { $day } o { $time }
report-pdf-page = Strona { $page } z { $pages }
report-pdf-empty = Brak pozycji.
report-pdf-segments-proposed = Według proponowanych zasad, niezachowanych na tej kasie.
report-pdf-saved = Zapisano jako PDF: { $path }
ui-reports = Raporty
ui-report-close-title = Zamknięcie dnia
ui-report-previous = Poprzedni dzień
ui-report-next = Następny dzień
ui-report-pick-day = Przejdź do dnia
ui-report-today = Dzisiaj, do tej chwili
ui-report-hours = Ten dzień trwał { $hours ->
        [one] { $hours } godzinę
        [few] { $hours } godziny
        [many] { $hours } godzin
       *[other] { $hours } godziny
    } z powodu zmiany czasu.
ui-report-counting = Liczenie zdarzeń z tego dnia…
ui-report-chart-by-hour = Wizyty według godzin (czas lokalny)
ui-report-no-visits = Tego dnia nie było wizyt.
ui-report-empty = Brak wpisów z tego dnia.
ui-report-export = Eksportuj CSV
ui-report-export-pdf = Zapisz jako PDF
ui-report-saving-pdf = Zapisywanie PDF…
ui-report-exported = Zapisano: { $path }
ui-report-export-failed = Nie zapisano: { $reason }
ui-report-attention = { $table }: { $count ->
        [one] jedna pozycja
        [few] { $count } pozycje
        [many] { $count } pozycji
       *[other] { $count } pozycji
    } do sprawdzenia
ui-report-attention-close-unusual = { $count ->
        [one] Jeden klient miał
        [few] { $count } klientów miało
        [many] { $count } klientów miało
       *[other] { $count } klientów miało
    } tego dnia więcej działań lojalnościowych niż zwykle.
ui-report-tab-kpis = Wskaźniki
ui-report-pick-period = Okres
ui-report-preset = { $days ->
        [one] Ostatni dzień
        [few] Ostatnie { $days } dni
        [many] Ostatnie { $days } dni
       *[other] Ostatnie { $days } dni
    }
ui-report-from = Od
ui-report-to = Do
ui-report-period-days = { $days ->
        [one] { $days } dzień
        [few] { $days } dni
        [many] { $days } dni
       *[other] { $days } dnia
    }
ui-report-compared-with = w porównaniu z okresem { $period }
ui-report-counting-period = Liczenie zdarzeń z tego okresu…
ui-report-chart-visits-by-day = Wizyty dziennie
ui-report-chart-points-by-day = Punkty przyznane i wykorzystane dziennie
ui-report-no-visits-period = W tym okresie nie było wizyt.
ui-kpi-previous = Poprzedni okres: { $value }
ui-report-export-kpis = Eksportuj wskaźniki do CSV
ui-report-export-kpis-by-day = Eksportuj dni do CSV
ui-report-export-kpis-rewards = Eksportuj popularność nagród do CSV
ui-report-export-cohorts = Eksportuj kohorty do CSV
ui-report-tab-liability = Zobowiązania
ui-report-liability-as-of = Do wykorzystania na dzień { $day }
ui-report-liability-estimates = Każda wartość to szacunek na podstawie kosztów i cen nagród w programie.
ui-report-counting-liability = Wyceniam niewykorzystane salda…
ui-report-chart-liability-ages = Wartość nominalna do wykorzystania według wieku
ui-report-liability-partial = Co najmniej: { $why }
ui-report-liability-refresh = Policz ponownie
ui-report-tab-segments = Segmenty
ui-report-segments-as-of = Klienci na dzień { $day }
ui-report-segments-customers = { $customers ->
        [one] Razem { $customers } klient
        [few] Razem { $customers } klientów
        [many] Razem { $customers } klientów
       *[other] Razem { $customers } klienta
    }
ui-report-segments-refresh = Policz ponownie
ui-report-counting-segments = Dzielenie klientów na segmenty…
ui-report-chart-segments-over-time = Klienci w każdym segmencie na koniec każdego miesiąca i dziś
ui-report-segments-nobody = Jeszcze nie ma klientów.
ui-report-export-segments = Eksportuj segmenty do CSV
ui-report-export-segments-over-time = Eksportuj miesiące do CSV
ui-report-at-risk-listed = Pokazano pierwszych { $listed } z { $total } klientów zagrożonych odejściem; wyeksportowany plik zawiera wszystkich.
ui-segments-rules = Zasady segmentów
ui-segments-rules-about = Podejrzyj nowe zasady, aby zobaczyć, ilu klientów zmieni segment, a potem zachowaj je na tej kasie.
ui-segments-new-days = Nowi przez (dni)
ui-segments-lapsed-days = Utraceni po (dniach bez wizyty)
ui-segments-at-risk-recency = Zagrożeni: ocena świeżości najwyżej
ui-segments-regular-frequency = Stali: ocena częstotliwości co najmniej
ui-segments-high-value-spend = Najcenniejsi: ocena wydatków co najmniej
ui-segments-preview = Podgląd
ui-segments-keep = Zachowaj te zasady
ui-segments-discard = Wróć do zachowanych zasad
ui-segments-previewing = Podgląd, jeszcze niezachowany: { $moved ->
        [one] { $moved } klient zmienia segment.
        [few] { $moved } klientów zmienia segment.
        [many] { $moved } klientów zmienia segment.
       *[other] { $moved } klienta zmienia segment.
    }
ui-segments-kept = Zasady są zachowane na tej kasie.
ui-report-tab-offers = Oferty
ui-report-offers-as-of = Oferty, stan na { $day }
ui-report-offers-refresh = Policz ponownie
ui-report-counting-offers = Porównywanie każdej oferty z jej grupą kontrolną…
ui-report-offers-none = Żadna oferta nie ma jeszcze grupy kontrolnej. Nadaj ofercie w programie udział grupy kontrolnej, aby zmierzyć, co zmienia.
ui-report-offer-dates = { $from } – { $to } · { $days ->
        [one] { $days } dzień
        [few] { $days } dni
        [many] { $days } dni
       *[other] { $days } dnia
    }
ui-report-offer-held-out = { $percent }% klientów w grupie kontrolnej
ui-report-offer-running = Nadal trwa
ui-report-offer-ended = Zakończona
ui-report-offer-customers = { $customers ->
        [one] { $customers } klient
        [few] { $customers } klientów
        [many] { $customers } klientów
       *[other] { $customers } klienta
    }
ui-report-offer-visits-each = { $visits } wizyty na klienta
ui-report-offer-spend-each = { $spend } na klienta
ui-report-offer-change-visits = Wizyty na klienta
ui-report-offer-change-spend = Wydatki na klienta
ui-report-offer-interval = Przedział 95%: od { $low } do { $high }
ui-report-offer-relative = { $change } względem grupy kontrolnej
ui-report-offer-not-enough = Jeszcze za mało danych: każda grupa potrzebuje { $customers } klientów, a oferta { $days } dni.
ui-report-offer-no-difference = Przedział obejmuje brak zmiany: oferta mogła niczego nie zmienić.
ui-report-export-offers = Eksportuj grupy do CSV
ui-report-export-offers-uplift = Eksportuj zmiany do CSV
ui-error-invalid-new-days = Klient jest nowy przez 1 do 365 dni.
ui-error-invalid-lapsed-days = Klient jest utracony po 14 do 730 dniach bez wizyty i po większej liczbie dni, niż jest nowy.
ui-error-invalid-at-risk-recency = Wybierz ocenę od 1 do 5.
ui-error-invalid-regular-frequency = Wybierz ocenę od 1 do 5.
ui-error-invalid-high-value-spend = Wybierz ocenę od 1 do 5.
ui-kpi-previous-none = Poprzedni okres: — (za mało danych)
ui-kpi-no-data = za mało danych
ui-kpi-change-points = { $change } p.p.
ui-kpi-change-up = Więcej niż w poprzednim okresie
ui-kpi-change-down = Mniej niż w poprzednim okresie
ui-kpi-change-same = Tyle samo co w poprzednim okresie
ui-error-invalid-from = Sprawdź pierwszy dzień okresu: data w postaci 2026-12-05, nie późniejsza niż ostatni dzień.
ui-error-invalid-to = Sprawdź ostatni dzień okresu: data w postaci 2026-12-05, nie wcześniejsza niż pierwszy dzień i najwyżej dziesięć lat po nim.

## Ekrany aplikacji kasy (ui/)

ui-loading = Otwieranie kasy…
ui-back = Wstecz
ui-cancel = Anuluj
ui-confirm = Tak
ui-close = Zamknij
ui-retry = Ponów
ui-key-enter = Enter
ui-key-escape = Esc
ui-key-function = F{ $number }
ui-language = Język
ui-settings = Ustawienia
ui-first-run-title = Witamy w Counterpart
ui-first-run-set-up = Załóż nowy lokal
ui-first-run-set-up-hint = Ta kasa będzie pierwszą w lokalu: nazwa, waluta, program lojalnościowy, pierwszy kierownik.
ui-first-run-join = Dołącz do lokalu
ui-first-run-join-hint = Lokal już istnieje: sparuj tę kasę kodem od kierownika.
ui-shop-name = Nazwa lokalu
ui-currency = Waluta
ui-timezone = Strefa czasowa
ui-day-starts-at = Dzień handlowy zaczyna się o
ui-program = Program lojalnościowy na początek
ui-first-manager = Pierwszy kierownik
ui-with-staff = Personel loguje się kodem PIN
ui-manager-name = Imię kierownika
ui-pin = PIN
ui-pin-again = Powtórz PIN
ui-pin-rule = PIN kierownika ma od 6 do 12 cyfr; unikaj 123456 i podobnych.
ui-pins-differ = Oba kody PIN się różnią.
ui-runs-open-hint = Bez personelu każdy przy tej kasie może wszystko. Kierownika można dodać później.
ui-set-up-submit = Załóż lokal
ui-join-hint = Wpisz kod parowania pokazany przez kierownika albo pokaż kamerze jego kod QR.
ui-pairing-code = Kod parowania
ui-server = Adres serwera
ui-till-name = Nazwa tej kasy
ui-join-submit = Sparuj kasę
ui-sign-in-who = Kto jest przy kasie?
ui-sign-in-choose = Wybierz swoje imię.
ui-sign-in-pin = PIN ({ $name })
ui-sign-in-submit = Zaloguj
ui-sign-in-catching-up = Pobieranie personelu lokalu z serwera… po dołączeniu to chwilę trwa.
ui-sign-in-signed-out-idle = Wylogowano ({ $name }): kasa przez dłuższą chwilę nie była używana.
ui-role-barista = Barista
ui-role-manager = Kierownik
ui-staff = Personel
ui-staff-open-runs-open = Dodaj personel — kasa jest otwarta: każdy może wszystko
ui-staff-runs-open = Nikt nie należy jeszcze do personelu: każdy przy tej kasie może wszystko. Najpierw dodaj kierownika; potem każdy loguje się własnym PIN-em.
ui-staff-loading = Wczytywanie personelu…
ui-staff-you = zalogowano tutaj
ui-staff-add = Dodaj pracownika
ui-staff-name = Imię
ui-staff-role = Rola
ui-staff-pin-rule = PIN baristy ma od 4 do 12 cyfr, PIN kierownika — od 6 do 12.
ui-staff-role-pin-hint = Rola kierownika wymaga nowego PIN-u (od 6 do 12 cyfr). Bez nowego PIN-u barista zachowuje dotychczasowy.
ui-staff-add-submit = Dodaj
ui-staff-pin-button = Nowy PIN
ui-staff-pin-for = Nowy PIN ({ $name })
ui-staff-pin-submit = Ustaw PIN
ui-staff-role-button = Zmień rolę
ui-staff-role-for = Zmień rolę ({ $name })
ui-staff-role-submit = Zmień rolę
ui-staff-remove-button = Usuń
ui-staff-remove-for = Usuń ({ $name })
ui-staff-remove-question = Usunąć pracownika „{ $name }”?
ui-staff-remove-detail = Logowanie tego pracownika przestanie działać na każdej kasie; wcześniejsze działania zostaną w raportach.
ui-staff-done-added = Dodano pracownika „{ $name }”.
ui-staff-done-pin = Zmieniono PIN ({ $name }).
ui-staff-done-role = Nowa rola ({ $name }): { $role }.
ui-staff-done-removed = Usunięto pracownika „{ $name }”.
ui-staff-idle = Automatyczne wylogowanie
ui-staff-idle-about = Na tej kasie logowanie kończy się po tylu minutach bez użycia. Rozpoczęta sprzedaż (klient, kwota) zostaje do następnego logowania.
ui-staff-idle-barista = Minuty dla baristy
ui-staff-idle-manager = Minuty dla kierownika
ui-staff-idle-save = Zapisz
ui-staff-idle-saved = Zapisano dla tej kasy.
ui-staff-idle-invalid = Podaj całkowitą liczbę minut od 1 do { $max }.
ui-camera = Kamera
ui-camera-starting = Kamera się uruchamia…
ui-camera-waiting = Czekam na pierwszy obraz z kamery…
ui-camera-unavailable = Brak kamery: podłącz ją albo wpisz kod karty poniżej.
ui-camera-unavailable-pairing = Brak kamery: podłącz ją albo wpisz kod parowania po lewej.
ui-camera-ended = Odtwarzana kamera się skończyła.
ui-lookup = Znajdź klienta
ui-lookup-placeholder = Kod karty, telefon lub imię (F2)
ui-offers-today = Dzisiejsze oferty
ui-items-clear = Wyczyść
ui-spend-cashback = Wykorzystaj cashback
ui-spend-title = Wykorzystaj cashback
ui-spend-has = Klient ma { $amount } do wykorzystania.
ui-spend = Wykorzystaj
ui-resolution = Rozdzielczość
ui-resolution-auto = Domyślna kamery
ui-new-customer = Nowy klient
ui-waiting = Przyłóż kartę do kamery
ui-waiting-hint = albo wpisz jej kod, telefon lub imię po lewej.
ui-waiting-no-camera = Wpisz kod karty, telefon lub imię po lewej.
ui-customer-no-name = Klient bez imienia
ui-customer-visits = { $visits } { $visits ->
        [one] wizyta
        [few] wizyty
        [many] wizyt
       *[other] wizyty
    }
ui-customer-last-visit = ostatnia wizyta { $date }
ui-customer-perks = Korzyści poziomu „{ $tier }”: { $perks }
ui-reward-to-go = Brakuje { $missing }
ui-reward-to-go-points = Brakuje { $missing } { $missing ->
        [one] punktu
        [few] punktów
        [many] punktów
       *[other] punktu
    }
ui-reward-progress = { $have } z { $need }
ui-birthday-note = Urodziny { $date }
ui-amount = Kwota
ui-record = Zapisz wizytę
ui-undo = Cofnij
ui-redeem-confirm = Wydać nagrodę „{ $reward }”?
ui-redeem-confirm-points = Wydać nagrodę „{ $reward }” za { $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    }?
ui-redeem-confirm-cashback = Wydać nagrodę „{ $reward }” za { $amount } z cashbacku?
ui-redeem-after-points = Saldo po wydaniu: { $points } { $points ->
        [one] punkt
        [few] punkty
        [many] punktów
       *[other] punktu
    }
ui-redeem-after-cashback = Cashback po wydaniu: { $amount }
ui-card-print = Drukuj kartę
ui-card-print-title = Karta nowego klienta
ui-card-print-hint = Wydrukuj ją na kartoniku lub naklejce i wręcz klientowi. Kod karty pod kodem QR można wpisać, gdy skanowanie zawiedzie.
ui-card-print-go = Drukuj
ui-enrol-title = Nowy klient
ui-enrol-name = Imię i nazwisko (opcjonalnie)
ui-enrol-phone = Telefon
ui-enrol-tags = Tagi
ui-enrol-tags-hint = student, personel, …
ui-enrol-consent = Zgoda na otrzymywanie ofert
ui-enrol-card-hint = Przyłóż do kamery wydrukowaną kartę, aby ją wydać; inaczej zostanie wydana nowa karta.
ui-enrol-card-read = Karta odczytana: zostanie wydana z tą rejestracją.
ui-enrol-submit = Zarejestruj
ui-status-signed-in = Przy kasie: { $name }
ui-sign-out = Wyloguj
ui-status-runs-open = Logowanie niepotrzebne
ui-status-not-paired = Niesparowana (tylko lokalnie)
ui-status-online = W sieci
ui-status-offline = Bez sieci
ui-status-last-sync = zsynchronizowano { $minutes ->
        [0] przed chwilą
        [one] { $minutes } min temu
        [few] { $minutes } min temu
        [many] { $minutes } min temu
       *[other] { $minutes } min temu
    }
ui-status-last-sync-at = zsynchronizowano: { $time }
ui-status-waiting = { $count ->
        [0] wszystko wysłane
        [one] { $count } do wysłania
        [few] { $count } do wysłania
        [many] { $count } do wysłania
       *[other] { $count } do wysłania
    }
ui-status-refused = { $count ->
        [one] { $count } zdarzenie odrzucone
        [few] { $count } zdarzenia odrzucone
        [many] { $count } zdarzeń odrzuconych
       *[other] { $count } zdarzenia odrzucone
    }
ui-status-held = { $count ->
        [one] { $count } zdarzenie niezastosowane
        [few] { $count } zdarzenia niezastosowane
        [many] { $count } zdarzeń niezastosowanych
       *[other] { $count } zdarzenia niezastosowane
    }
ui-refused-title = Czego synchronizacja nie przekazała
ui-refused-by-server = Odrzucone przez serwer lokalu: liczą się tylko na tej kasie
ui-refused-by-this-till = Niezastosowane na tej kasie: liczą się na pozostałych kasach
ui-refused-none = Nic nie zostało odrzucone.
ui-refused-next = Nic nie przepadło: te zdarzenia zostają na tej kasie. Przekaż je osobie, która opiekuje się serwerem lokalu, razem ze szczegółami poniżej.
ui-refused-recorded = zapisano { $when }
ui-refused-staff = przez: { $name }
ui-refused-details = Szczegóły (dla wsparcia)
ui-refused-erased = Zdarzenie (szczegóły usunięto wraz z klientem)
ui-event-program_published = Opublikowanie programu
ui-event-enrolled = Zapisanie klienta
ui-event-profile_updated = Zmiana danych klienta
ui-event-visit = Wizyta
ui-event-redeemed = Wydanie nagrody
ui-event-voided = Anulowanie
ui-event-adjusted = Korekta salda
ui-event-card_replaced = Wymiana karty
ui-event-subscription_bought = Sprzedaż planu
ui-event-donated = Darowizna
ui-event-merged = Połączenie kont
ui-event-erased = Usunięcie klienta
ui-event-till_key_added = Dołączenie kasy
ui-event-staff_added = Dodanie pracownika
ui-event-staff_role_changed = Zmiana roli pracownika
ui-event-staff_pin_changed = Zmiana PIN-u pracownika
ui-event-staff_removed = Usunięcie pracownika
ui-event-staff_key_set = Klucz podpisu pracownika
ui-event-overdrawn = Saldo poniżej zera
ui-status-catching-up = Pobieranie danych: { $percent }%
ui-status-action-needed = Synchronizacja stoi: kierownik musi ponownie sparować kasę
ui-status-camera-starting = Kamera startuje
ui-status-camera-running = Kamera działa
ui-status-camera-unavailable = Brak kamery
ui-status-camera-ended = Kamera zakończyła
ui-status-camera-replay = Kamera z nagrania
ui-no-cameras = Do tego komputera nie podłączono kamery.
ui-camera-replay-hint = Zamiast kamery odtwarzane są nagrane klatki.
ui-pairing = Parowanie z serwerem lokalu
ui-paired = Ta kasa jest sparowana z serwerem lokalu.
# The recovery screen: the till could not open its data at start.
ui-recovery-title = Kasa nie może otworzyć swoich danych
ui-recovery-intro = Nic nie zostało usunięte. Przeczytaj, co się stało, i wybierz jedno z rozwiązań poniżej.
ui-recovery-kind-not-a-database = Plik z danymi kasy nie jest plikiem, który kasa potrafi odczytać: mógł zostać zastąpiony albo nadpisany innym plikiem.
ui-recovery-kind-damaged = Plik z danymi kasy jest uszkodzony, na przykład po zaniku zasilania albo awarii dysku.
ui-recovery-kind-read-only = Kasa nie ma prawa zapisu w folderze, w którym są jej dane.
ui-recovery-kind-disk-full = Dysk jest pełny: kasa nie ma miejsca, żeby otworzyć swoje dane.
ui-recovery-kind-too-new = Dane kasy zapisała nowsza wersja Counterpart niż ta.
ui-recovery-kind-other = Coś nieoczekiwanego nie pozwala kasie otworzyć jej danych.
ui-recovery-hint-not-a-database = Przywróć kopię zapasową albo zacznij od pustej kasy.
ui-recovery-hint-damaged = Przywróć kopię zapasową albo zacznij od pustej kasy.
ui-recovery-hint-read-only = Poproś osobę, która opiekuje się tym komputerem, żeby znów pozwoliła programowi Counterpart zapisywać w tym folderze, a potem spróbuj ponownie.
ui-recovery-hint-disk-full = Zwolnij trochę miejsca na tym komputerze (opróżnij kosz, przenieś duże pliki gdzie indziej), a potem spróbuj ponownie.
ui-recovery-hint-too-new = Zainstaluj na tej kasie najnowszą wersję Counterpart i otwórz ją ponownie: dane są najpewniej w porządku. Po przywróceniu kopii albo starcie od pustej kasy zabrakłoby tego, co zapisała nowsza wersja.
ui-recovery-hint-other = Najpierw spróbuj ponownie. Jeśli to się powtarza, przekaż wsparciu szczegóły poniżej.
ui-recovery-file = Plik z danymi
ui-recovery-working = Proszę czekać…
ui-recovery-retry = Spróbuj ponownie
ui-recovery-retry-about = Otwiera plik z danymi jeszcze raz, niczego nie zmieniając. Użyj tego po zwolnieniu miejsca albo naprawieniu folderu.
ui-recovery-restore-title = Przywróć kopię zapasową
ui-recovery-restore-about = Kasa wraca do stanu z chwili wykonania kopii. Uszkodzony plik nie jest usuwany: zostaje obok oryginału, pod nową nazwą.
ui-recovery-backups-found = Znaleziono { $count } { $count ->
        [one] kopię zapasową.
        [few] kopie zapasowe.
        [many] kopii zapasowych.
       *[other] kopii zapasowej.
    }
ui-recovery-no-backups = Nie znaleziono żadnej kopii zapasowej tej kasy.
ui-recovery-restore = Przywróć
ui-recovery-restore-label = Przywróć kopię z { $date }
ui-recovery-restore-question = Przywrócić kopię zapasową z { $date }?
ui-recovery-restore-detail = Kasa wróci do stanu z tamtej chwili. Uszkodzony plik zostanie obok oryginału, pod nową nazwą; nic nie zostanie usunięte.
ui-recovery-restore-confirm = Przywróć tę kopię
ui-recovery-set-aside-title = Zacznij od pustej kasy
ui-recovery-set-aside-about = Uszkodzony plik nie jest usuwany: zostaje obok oryginału, pod nową nazwą. Kasa startuje wtedy pusta: dołącz ponownie do lokalu, żeby pobrać wszystko z serwera lokalu, albo załóż nowy lokal.
ui-recovery-set-aside = Odłóż plik i zacznij od pustej kasy
ui-recovery-set-aside-question = Odłożyć uszkodzony plik i zacząć od pustej kasy?
ui-recovery-set-aside-detail = Plik zostanie obok oryginału, pod nową nazwą; nic nie zostanie usunięte. Potem dołącz ponownie do lokalu, żeby pobrać wszystko z serwera lokalu, albo załóż nowy lokal.
ui-recovery-only-retry = Odłożenie pliku i przywrócenie kopii wymagają miejsca na dysku i prawa zapisu w folderze z danymi: najpierw to napraw, a potem spróbuj ponownie.
ui-recovery-failed-retry = Ponowna próba nie otworzyła kasy.
ui-recovery-failed-set-aside = Nie udało się zacząć od pustej kasy.
ui-recovery-failed-restore = Nie udało się przywrócić kopii zapasowej.
ui-recovery-still-not-open = To, co blokuje kasę teraz, opisano wyżej.
ui-recovery-details = Szczegóły (dla wsparcia)
ui-error-unknown = Coś poszło nie tak. Spróbuj ponownie; jeśli to się powtarza, powiedz kierownikowi.
ui-error-invalid-input = To jest niepoprawne: sprawdź, co wpisano.
ui-error-invalid-amount = Wpisz kwotę większą od zera, np. 4,50.
ui-error-invalid-name = Podaj imię (najwyżej 80 znaków).
ui-error-invalid-pin = Ten PIN jest niedozwolony: użyj wymaganej liczby cyfr, nie 123456 ani 111111.
ui-error-invalid-staff-name = Podaj imię, którego nie ma jeszcze nikt z personelu.
ui-error-invalid-staff-role = Tej roli nie można nadać: pierwszy pracownik to kierownik, jedyny kierownik nim pozostaje, a nowa rola musi być inna niż dotychczasowa.
ui-error-invalid-staff-pin = PIN baristy ma od 4 do 12 cyfr, PIN kierownika od 6 do 12, same cyfry; nowy kierownik potrzebuje nowego PIN-u.
ui-error-invalid-staff-staff = Jedyny kierownik lokalu zostaje w personelu: najpierw mianuj kierownikiem kogoś innego.
ui-error-invalid-currency = Wybierz walutę.
ui-error-invalid-timezone = Wybierz strefę czasową z listy, np. Europe/Warsaw.
ui-error-invalid-shop = Podaj nazwę lokalu.
ui-error-invalid-phone = Ten numer telefonu wygląda na błędny.
ui-error-invalid-email = Ten adres e-mail wygląda na błędny.
ui-error-invalid-birthday = Wpisz datę urodzin jak 1990-05-17.
ui-error-invalid-tags = Tagi to krótkie słowa rozdzielone przecinkami.
ui-error-invalid-card = Tej karty nie można tu użyć.
ui-error-invalid-code = Ten kod parowania wygląda na błędny.
ui-error-invalid-server = Wpisz adres serwera, np. https://cloud.example.
ui-error-invalid-query = Wpisz co najmniej dwie litery lub cyfry.
ui-error-invalid-program = Program ma błędy; kierownik musi go poprawić.
ui-error-refused-not-enough = Za mało na to.
ui-error-refused-not-available = Ta nagroda nie jest teraz dostępna.
ui-error-refused-cannot-void = Tego nie można cofnąć.
ui-error-refused-customer-closed = Konto tego klienta jest zamknięte.
ui-error-refused-no-program = Nie opublikowano jeszcze programu lojalnościowego: kierownik musi go ustawić.
ui-error-refused-below-zero = Saldo spadłoby poniżej zera.
ui-error-auth-sign-in-required = Najpierw się zaloguj.
ui-error-auth-forbidden = Tylko kierownik może to zrobić.
ui-error-auth-wrong-pin = Błędny PIN.
ui-error-auth-locked-out = Za dużo błędnych kodów PIN: odczekaj kilka minut.
ui-error-auth-signed-out-idle = Wylogowano po dłuższej chwili bez korzystania z kasy: zaloguj się ponownie.
ui-error-card-garbled = To nie jest karta lojalnościowa albo odczyt był niewyraźny.
ui-error-card-unknown-shop = Ta karta jest z innego lokalu.
ui-error-card-unknown-till = Ta karta pochodzi z kasy, o której ta jeszcze nie wie: zsynchronizuj i zeskanuj ponownie.
ui-error-card-forged = Ta karta nie jest prawdziwa: podpis się nie zgadza.
ui-error-card-revoked = Ta karta została zastąpiona i już nie działa.
ui-error-card-ambiguous = Karty dwóch klientów mają ten sam kod: wybierz właściwego po imieniu.
ui-error-not-found = Nie znaleziono.
ui-error-idempotency-mismatch = To już wysłano z innymi danymi: zacznij od nowa.
ui-error-forked = Historię tej kasy skopiowano gdzie indziej: kierownik musi ją ponownie sparować.
ui-error-not-initialised = Ta kasa nie jest jeszcze skonfigurowana.
ui-error-database = Baza danych kasy nie mogła tego zrobić. Spróbuj ponownie.
ui-error-disk-full = Dysk tego komputera jest pełny: nic nie zostało zapisane. Zwolnij trochę miejsca i spróbuj ponownie.
ui-error-migration = Nie udało się zaktualizować bazy danych kasy do tej wersji.
ui-error-corrupt = Dane kasy są uszkodzone: powiedz kierownikowi.
ui-error-io = Nie udało się odczytać ani zapisać pliku.
ui-error-internal = Coś poszło nie tak wewnątrz kasy. Spróbuj ponownie; jeśli to się powtarza, powiedz kierownikowi.
ui-error-sync-offline = Serwer jest nieosiągalny.
ui-error-sync-unauthenticated = Serwer nie zna tej kasy: sparuj ją ponownie.
ui-error-sync-forbidden = Serwer odrzucił tę kasę.
ui-error-sync-forked = Serwer wykrył skopiowaną historię tej kasy: sparuj ją ponownie.
ui-error-sync-gap = Brakuje zdarzeń między kasą a serwerem; synchronizacja spróbuje ponownie.
ui-error-sync-too-large = Za dużo naraz; synchronizacja wyśle to w częściach.
ui-error-sync-unsupported-protocol = Serwer działa w innej wersji: zaktualizuj aplikację.
ui-error-sync-pairing-code = Kod parowania jest błędny lub wygasł: poproś o nowy.
ui-error-sync-shop-mismatch = Ta kasa ma dane innego lokalu: nie może dołączyć do tego.
ui-error-sync-malformed = Serwer przysłał coś, czego kasa nie umie odczytać.
ui-error-sync-rate-limited = Serwer prosi kasę o zwolnienie; spróbuje ponownie.
ui-error-sync-unavailable = Serwer jest zajęty lub niedostępny; kasa spróbuje ponownie.
ui-error-sync-internal = Serwer miał problem; kasa spróbuje ponownie.
ui-error-sync-http = Serwer odpowiedział błędem.
ui-error-sync-protocol = Odpowiedź serwera nie była zgodna z protokołem.
ui-error-sync-not-paired = Ta kasa nie jest sparowana z serwerem.
ui-error-sync-already-paired = Ta kasa jest już sparowana.
ui-error-sync-insecure-server = Ta kasa została sparowana przez niezabezpieczone http://: nic nie wysyła, dopóki kierownik nie sparuje jej ponownie z adresem https:// serwera.
ui-error-sync-failed = Synchronizacja się nie udała; kasa spróbuje ponownie.

example-points-cafe = Punkty za zakupy (1 punkt za każde 1,00), napój za 100 punktów; poziomy Brązowy, Srebrny i Złoty według liczby wizyt; podwójne punkty w dni robocze przed 9:00; napój na urodziny.
example-stamp-cafe = Karta z pieczątkami: przy zakupie 9 kaw dziesiąta gratis.
example-cashback-bakery = 5% wartości każdego zakupu wraca do wydania, a za każde wydane 50,00 zniżka 5,00.
example-coffee-club = Klub z przedpłatą: jeden napój dziennie przez 30 dni; stali klienci zbierają też pieczątki na ciasto gratis.
