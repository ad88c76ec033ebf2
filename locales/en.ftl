# Counterpart's messages: English. Every language has every message here, with
# the plural forms it needs (a test checks). Money arrives formatted for the
# locale; counts arrive as numbers, so each language picks its plural form.

## Outcomes of actions

text = { $text }
already-recorded = already recorded: this is the same action sent twice
program-published = published { $program } as version { $version }
enrolled = enrolled with card { $card }
card-code = card code (QR): { $code }
typed-code = typed code: { $code }
card-replaced = new card { $new }; card { $old } no longer works
plan-sold = { $plan } sold for { $price }: runs { $starts } to { $ends }
profile-updated = profile updated
merged = merged { $from } into { $into }
erased = personal data erased; balances and history stay, anonymised
voided = voided { $kind } { $event }: { $reason }
undone = undone: { $what }
tier-changed = tier: { $before } → { $after }
tier-lost = tier: { $before } → no tier

## What a visit earns

earn-points = +{ $points } { $points ->
        [one] point
       *[other] points
    } at { $per } = { $earn } { $earn ->
        [one] point
       *[other] points
    }
earn-points-boosted = +{ $points } { $points ->
        [one] point
       *[other] points
    } at { $per } = { $earn } { $earn ->
        [one] point
       *[other] points
    }, { $boosts }
no-points-minimum = no points: the minimum spend is { $minimum }
grant-points = +{ $points } { $points ->
        [one] point
       *[other] points
    }: { $label }
grant-reward = { $reward } unlocked: { $label }
grant-credit = +{ $amount } to spend: { $label }
label-offer = { $offer }
label-winback = { $offer } ({ $days } { $days ->
        [one] day
       *[other] days
    } away)
label-product = { $offer } ×{ $quantity }
label-milestone = { $spent } spent in all
offer-now-multiplier = points { $times }: { $offer }
offer-now-coupon = coupon { $code }: { $what }
coupon-used = coupon { $code } used
birthday-given = { $offer } given for { $year }
stamp-one = stamp { $stamp } of { $of } on { $card }
stamp-many = +{ $stamps } stamps on { $card }: { $now } of { $of }
stamp-limit = no stamp on { $card }: the limit is { $max } a day
card-full = { $card } full: { $carried } { $carried ->
        [one] stamp
       *[other] stamps
    } carried over
card-reward = { $reward } unlocked by a full { $card }
earn-cashback = +{ $amount } cashback at { $percent } %

## Redemptions and corrections

redeem-voucher = { $reward } redeemed with a voucher
redeem-plan-day = { $reward } from { $plan }: { $used } of { $allowance } today
redeem-plan-week = { $reward } from { $plan }: { $used } of { $allowance } this week
redeem-points = -{ $points } { $points ->
        [one] point
       *[other] points
    } for { $reward }
redeem-cashback = -{ $amount } cashback for { $reward }
redeem-once = { $reward } used (once per customer)
cashback-spent = -{ $amount } cashback spent
donated = -{ $points } { $points ->
        [one] point
       *[other] points
    } given to { $cause }
adjusted = { $amount } { $account } adjusted by a manager: { $reason }
adjusted-money = { $amount } { $account } adjusted by a manager: { $reason }

## Balances

balance-points = { $points } { $points ->
        [one] point
       *[other] points
    }
balance-points-expired = { $points } { $points ->
        [one] point
       *[other] points
    } ({ $expired } expired)
balance-stamps = { $stamps } of { $of } on { $card }
balance-stamps-retired = { $stamps } { $stamps ->
        [one] stamp
       *[other] stamps
    } on { $card }
balance-cashback = { $amount } cashback
balance-vouchers = { $count } × { $reward }

## Conflicts between tills

conflict-card-taken = card { $card } was handed to { $other } at another till first and stays theirs: give this customer a new card
conflict-below-zero = { $account } is at { $amount }: more was taken back or adjusted away than the customer had left
conflict-merge-overruled = merging { $from } into { $into } was overruled: another till merged these records the other way first, and { $remains } remains
conflict-merge-joined = { $from } was merged into { $into }, and into another record at another till: all of them are one record now, { $remains }
conflict-overdrawn = { $event } took { $balances } below zero: tills spent the same balance while offline


## Staff

staff-added = added { $name } to the staff as { $role }
staff-role-changed = { $name } is now { $role }
staff-pin-changed = changed the PIN of { $name }
staff-removed = removed { $name } from the staff
role-barista = barista
role-manager = manager


## Refusals

refused-not-enough = not enough { $account }: the reward needs { $needed }, the customer has { $available }
account-points = points
account-cashback = cashback
account-other = { $account }
refused-not-available = { $reward } is not available: { $why }
why-not-on-this-date = it is not offered on this date
why-needs-tier = it needs the { $tier } tier; the customer is { $held }
why-needs-tier-none = it needs the { $tier } tier; the customer is in no tier
why-once-per-customer = it can be redeemed once per customer, and was
why-no-voucher = the customer has no voucher for it
why-coupon-not-running = it is not running now or not for this customer
why-coupon-used = this customer has used it { $uses } { $uses ->
        [one] time
       *[other] times
    } already
why-coupon-all-used = all its uses are taken
why-offline-allowance = this till has not synced for { $hours } { $hours ->
        [one] hour
       *[other] hours
    }; until it does, a customer may redeem at most { $max } { $max ->
        [one] point
       *[other] points
    } here ({ $spent } already)
refused-cannot-void = cannot void: { $why }
why-voided-already = it was voided already by { $event }
why-not-voidable = a { $kind } event cannot be voided; only visits, redemptions, adjustments and donations
refused-customer-closed = this customer record is closed: { $why }
why-erased = their personal data was erased at their request
refused-below-zero = this would leave { $account } at { $after }: { $why }. A manager can confirm it; the balance then shows below zero, flagged
why-spent-since = what the voided event gave was spent since
why-has-less = the customer has less than that
why-nothing-to-undo = there is nothing of yours on this till to undo
why-undo-too-late = your last action was more than 2 minutes ago: a manager can void it
refused-no-program = no loyalty program is published yet: publish one with `counterpart program publish FILE`
auth-sign-in-required = sign in first: this till has staff
auth-forbidden = a { $role } may not do this: ask a manager
auth-wrong-pin = wrong PIN for { $name }: { $left } more { $left ->
        [one] try
       *[other] tries
    } before a 5-minute lockout
auth-locked-out = { $name } typed 5 wrong PINs and is locked out on this till until { $until }

## The command line's own words

cli-tier = tier
cli-visits = visits: { $visits }, last { $last }
cli-never = never
cli-conflict = conflict
cli-can-redeem = can redeem now
cli-not-yet = not yet
cli-runs-open = this till runs open: nobody is on the staff, so anyone may do anything (add a manager with `counterpart staff add NAME --role manager`)

## Reports (the command line's and, later, the screens')

report-close-title = Daily close of { $day } ({ $hours } hours, { $currency })
report-close-visits = Visits: { $visits } · members served: { $customers } · enrolments: { $enrolments }
report-close-sales = Member sales: { $sales } · average check: { $average }
report-close-points = Points issued: { $issued } · redeemed: { $redeemed }
report-close-stamps = Stamps issued: { $issued } · turned into rewards: { $redeemed }
report-close-cashback = Cashback issued: { $issued } · spent: { $spent }
report-close-rewards = Rewards redeemed:
report-close-reward = { $reward }: { $count }
report-close-by-hour = By hour:
report-close-hour = { $hour }:00 · visits: { $visits } · sales: { $sales }
report-close-by-staff = By staff member:
report-close-staff = { $name } · visits: { $visits } · sales: { $sales } · points issued: { $points } · redemptions: { $redeemed }
report-close-nobody = (nobody signed in)
report-close-voids = Voids:
report-close-void = { $at } · { $by } undid { $target }: { $reason }
report-close-adjustments = Adjustments:
report-close-adjustment = { $at } · { $by } changed { $account } by { $amount } for { $customer }: { $reason }
report-close-conflicts = Redemptions found overdrawn after sync: { $count }
report-close-unusual = Customer { $customer }: { $actions } loyalty actions this day (more than { $limit })
report-close-last-sync = Holds every till's events up to this till's last sync: { $at }
report-close-never-synced = This till has never synced: the close holds its own events only.

## The till app's screens (ui/)

ui-loading = Opening the till…
ui-back = Back
ui-cancel = Cancel
ui-confirm = Yes
ui-close = Close
ui-retry = Retry
ui-language = Language
ui-settings = Settings
ui-first-run-title = Welcome to Counterpart
ui-first-run-set-up = Set up a new shop
ui-first-run-set-up-hint = This till becomes the shop's first: name, currency, a loyalty program, the first manager.
ui-first-run-join = Join a shop
ui-first-run-join-hint = The shop is set up already: pair this till with a code from the manager.
ui-shop-name = Shop name
ui-currency = Currency
ui-timezone = Time zone
ui-day-starts-at = The business day starts at
ui-program = Loyalty program to start from
ui-first-manager = The first manager
ui-with-staff = Staff sign in with a PIN
ui-manager-name = Manager's name
ui-pin = PIN
ui-pin-again = PIN again
ui-pin-rule = A manager's PIN has 6 to 12 digits; avoid 123456 and the like.
ui-pins-differ = The two PINs are not the same.
ui-runs-open-hint = Without staff, anyone at this till may do anything. A manager can be added later.
ui-set-up-submit = Set up the shop
ui-join-hint = Type the pairing code the manager shows, or hold its QR code up to the camera.
ui-pairing-code = Pairing code
ui-server = Server address
ui-till-name = This till's name
ui-join-submit = Pair this till
ui-sign-in-who = Who is at the till?
ui-sign-in-choose = Pick your name.
ui-sign-in-pin = PIN for { $name }
ui-sign-in-submit = Sign in
ui-sign-in-catching-up = Getting the shop's staff from its server… this takes a moment after joining.
ui-role-barista = Barista
ui-role-manager = Manager
ui-camera = Camera
ui-camera-starting = The camera is starting…
ui-camera-waiting = Waiting for the camera's first picture…
ui-camera-unavailable = No camera: plug one in, or type the card's code below.
ui-camera-ended = The replayed camera has ended.
ui-lookup = Find a customer
ui-lookup-placeholder = Card code, phone or name (F2)
ui-offers-today = Today's offers
ui-items-clear = Clear
ui-spend-cashback = Spend cashback
ui-spend-title = Spend cashback
ui-spend-has = The customer has { $amount } to spend.
ui-spend = Spend
ui-resolution = Resolution
ui-resolution-auto = The camera's own
ui-new-customer = New customer
ui-waiting = Hold the card up to the camera
ui-waiting-hint = or type its code, phone or name on the left.
ui-customer-no-name = Customer without a name
ui-customer-visits = { $visits } { $visits ->
        [one] visit
       *[other] visits
    }
ui-birthday-note = Birthday on { $date }
ui-amount = Amount
ui-record = Record
ui-undo = Undo
ui-redeem-confirm = Redeem { $reward }?
ui-card-print = Print card
ui-card-print-title = The new customer's card
ui-card-print-hint = Print it on card or a sticker and hand it over. The code under the QR can be typed when a scan fails.
ui-card-print-go = Print
ui-enrol-title = New customer
ui-enrol-name = Name (optional)
ui-enrol-phone = Phone
ui-enrol-tags = Tags
ui-enrol-tags-hint = student, staff, …
ui-enrol-consent = Agrees to receive offers
ui-enrol-card-hint = Hold a pre-printed card up to the camera to hand it over, or a new card is issued.
ui-enrol-card-read = Card read: it is handed over with this enrolment.
ui-enrol-submit = Enrol
ui-status-signed-in = { $name } at the till
ui-sign-out = Sign out
ui-status-runs-open = No sign-in needed
ui-status-not-paired = Not paired (local only)
ui-status-online = Online
ui-status-offline = Offline, kept here
ui-status-last-sync = synced { $minutes ->
        [0] just now
        [one] { $minutes } minute ago
       *[other] { $minutes } minutes ago
    }
ui-status-waiting = { $count ->
        [0] nothing waiting
        [one] { $count } event waiting
       *[other] { $count } events waiting
    }
ui-status-refused = { $count ->
        [one] { $count } event refused
       *[other] { $count } events refused
    }
ui-status-held = { $count ->
        [one] { $count } event not applied here
       *[other] { $count } events not applied here
    }
ui-refused-title = Events sync could not complete
ui-refused-by-server = Refused by the cloud: they count on this till only
ui-refused-by-this-till = Not applied on this till: they count on the other tills
ui-refused-none = Nothing was refused.
ui-refused-recorded = recorded { $when }
ui-refused-staff = by { $name }
ui-refused-details = Details (for support)
ui-refused-erased = An event (its details were erased with the customer)
ui-event-program_published = Program published
ui-event-enrolled = Enrolment
ui-event-profile_updated = Customer details changed
ui-event-visit = Visit
ui-event-redeemed = Redemption
ui-event-voided = Undo
ui-event-adjusted = Balance adjusted
ui-event-card_replaced = Card replaced
ui-event-subscription_bought = Plan sold
ui-event-donated = Donation
ui-event-merged = Records joined
ui-event-erased = Customer erased
ui-event-till_key_added = Till joined
ui-event-staff_added = Staff member added
ui-event-staff_role_changed = Staff role changed
ui-event-staff_pin_changed = Staff PIN changed
ui-event-staff_removed = Staff member removed
ui-event-overdrawn = Balance overdrawn
ui-status-catching-up = Catching up: { $percent }%
ui-status-action-needed = Sync stopped: a manager must pair this till again
ui-status-camera-starting = Camera starting
ui-status-camera-running = Camera on
ui-status-camera-unavailable = No camera
ui-status-camera-ended = Camera ended
ui-status-camera-replay = Replayed camera
ui-no-cameras = No webcam is connected to this machine.
ui-camera-replay-hint = Recorded frames are playing in place of a webcam.
ui-pairing = Pairing with the shop's server
ui-paired = This till is paired with the shop's server.
ui-error-unknown = Something went wrong. Try again; if it keeps happening, tell a manager.
ui-error-invalid-input = That is not valid: check what was typed.
ui-error-invalid-amount = Type an amount above zero, like 4.50.
ui-error-invalid-name = Give a name (at most 80 characters).
ui-error-invalid-pin = That PIN is not allowed: use the number of digits asked for, not 123456 or 111111.
ui-error-invalid-currency = Pick a currency.
ui-error-invalid-timezone = Pick a time zone from the list, like Europe/Warsaw.
ui-error-invalid-shop = Give the shop a name.
ui-error-invalid-phone = That phone number does not look right.
ui-error-invalid-email = That email address does not look right.
ui-error-invalid-birthday = Type a birthday like 1990-05-17.
ui-error-invalid-tags = Tags are short words separated by commas.
ui-error-invalid-card = That card cannot be used here.
ui-error-invalid-code = That pairing code does not look right.
ui-error-invalid-server = Type the server's address, like https://cloud.example.
ui-error-invalid-query = Type at least two letters or digits.
ui-error-invalid-program = The program has mistakes; a manager must fix it.
ui-error-refused-not-enough = Not enough for that.
ui-error-refused-not-available = That reward is not available now.
ui-error-refused-cannot-void = That cannot be undone.
ui-error-refused-customer-closed = This customer's record is closed.
ui-error-refused-no-program = No loyalty program is published yet: a manager must set one up.
ui-error-refused-below-zero = That would take the balance below zero.
ui-error-auth-sign-in-required = Sign in first.
ui-error-auth-forbidden = Only a manager may do this.
ui-error-auth-wrong-pin = Wrong PIN.
ui-error-auth-locked-out = Too many wrong PINs: wait a few minutes.
ui-error-card-garbled = This is not a loyalty card, or it did not read cleanly.
ui-error-card-unknown-shop = This card is from another shop.
ui-error-card-unknown-till = This card comes from a till this one has not heard of yet: sync, then scan again.
ui-error-card-forged = This card is not genuine: its signature does not match.
ui-error-card-revoked = This card was replaced and no longer works.
ui-error-card-ambiguous = Two customers' cards share this code: pick the right one by name.
ui-error-not-found = Not found.
ui-error-idempotency-mismatch = This was already sent with other details: start again.
ui-error-forked = This till's history was copied elsewhere: a manager must pair it again.
ui-error-not-initialised = This till is not set up yet.
ui-error-database = The till's database could not do that. Try again.
ui-error-migration = The till's database could not be updated to this version.
ui-error-corrupt = The till's data is damaged: tell a manager.
ui-error-io = A file could not be read or written.
ui-error-internal = Something went wrong inside the till. Try again; if it keeps happening, tell a manager.
ui-error-sync-offline = The server cannot be reached.
ui-error-sync-unauthenticated = The server does not know this till: pair it again.
ui-error-sync-forbidden = The server refused this till.
ui-error-sync-forked = The server found this till's history copied: pair it again.
ui-error-sync-gap = Events are missing between this till and the server; sync will try again.
ui-error-sync-too-large = Too much to send at once; sync sends it in parts.
ui-error-sync-unsupported-protocol = The server runs another version: update the app.
ui-error-sync-pairing-code = That pairing code is wrong or has expired: ask for a new one.
ui-error-sync-shop-mismatch = This till holds another shop's data: it cannot join this shop.
ui-error-sync-malformed = The server sent something the till could not read.
ui-error-sync-rate-limited = The server asks the till to slow down; it will try again.
ui-error-sync-unavailable = The server is busy or down; the till will try again.
ui-error-sync-internal = The server had a problem; the till will try again.
ui-error-sync-http = The server answered with an error.
ui-error-sync-protocol = The server's answer did not follow the protocol.
ui-error-sync-not-paired = This till is not paired with a server.
ui-error-sync-already-paired = This till is paired already.
ui-error-sync-failed = Sync failed; the till will try again.
