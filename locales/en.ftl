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
cli-runs-open = this till runs open: nobody is on the staff, so anyone may do anything (add a manager with `counterpart staff add NAME --role manager`)
