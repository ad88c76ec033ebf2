# Counterpart's messages: English. Every language has every message here, with
# the plural forms it needs (a test checks). Money arrives formatted for the
# locale; counts arrive as numbers, so each language picks its plural form.

## Outcomes of actions

text = { $text }
already-recorded = already recorded: this is the same action sent twice
program-published = published { $program } as version { $version }
enrolled = enrolled with card { $card }
card-code = the card's QR code: { $code }
typed-code = card code: { $code }
card-replaced = new card { $new }; card { $old } no longer works
plan-sold = { $plan } sold for { $price }: runs { $starts } to { $ends }
profile-updated = profile updated
merged = merged { $from } into { $into }
erased = personal data erased; balances and history stay, anonymised
voided = voided { $kind } { $event }: { $reason }
undone = { $what } — undone
tier-changed = tier: { $before } → { $after }
tier-lost = tier: { $before } → no tier
tier-reached = tier: no tier → { $after }

## What a visit earns

earn-points = +{ $points } { $points ->
        [one] point
       *[other] points
    } ({ $earn } { $earn ->
        [one] point
       *[other] points
    } per { $per })
earn-points-boosted = +{ $points } { $points ->
        [one] point
       *[other] points
    } ({ $earn } { $earn ->
        [one] point
       *[other] points
    } per { $per }, { $boosts })
# One multiplier of a visit: its sign and the offer's or the tier's name ("×2 before 9:00").
boost = { $times } { $name }
# Several multipliers, the first and the rest.
boost-list = { $first }, { $rest }
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
staff-key-set = { $name } now signs what they do with their PIN
role-barista = barista
role-manager = manager


## Refusals

refused-not-enough = not enough { $account }: the reward needs { $needed }, the customer has { $available }
refused-not-enough-points = { $missing } more { $missing ->
        [one] point
       *[other] points
    } needed: the reward costs { $needed }, the customer has { $available }
refused-not-enough-cashback = { $missing } more cashback needed: the reward costs { $needed }, the customer has { $available }
account-points = points
account-cashback = cashback
account-other = { $account }
refused-not-available = { $reward } is not available: { $why }
refused-coupon-not-available = Coupon { $code } is not available: { $why }
refused-redemption-not-available = This redemption is not allowed now: { $why }
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
why-offline-allowance-clock = this till's clock is behind its last sync, so how long it has been offline is unknown; until it syncs, a customer may redeem at most { $max } { $max ->
        [one] point
       *[other] points
    } here ({ $spent } already)
# The offline allowance: how long the till has been cut off (or that its clock cannot say), then a limit.
offline-since = this till has not synced for { $hours } { $hours ->
        [one] hour
       *[other] hours
    }
offline-clock-behind = this till's clock is behind its last sync, so how long it has been offline is unknown
offline-limit-cashback = { $since }; until it syncs, a customer may spend at most { $max } of cashback here ({ $spent } already)
offline-limit-vouchers = { $since }; until it syncs, a customer may use at most { $max } { $max ->
        [one] voucher
       *[other] vouchers
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
auth-signed-out-idle = { $name } was signed out after { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    } without using the till: sign in again

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
report-never-synced = This till has never synced: the report holds its own events only.

## KPIs: names and definitions (the command line, the screens, the files)

kpi-repeat-customer-rate = Repeat-customer rate
kpi-repeat-customer-rate-definition = Customers with two visits or more in the period ÷ customers who visited in it.
kpi-retention = Retention
kpi-retention-definition = Of the customers who visited in the previous period, the share who visited in this one.
kpi-visit-frequency = Visit frequency
kpi-visit-frequency-definition = Visits in the period ÷ customers who visited in it.
kpi-average-check = Member average check
kpi-average-check-definition = Member sales ÷ visits in the period (voided visits left out), rounded to the cent.
kpi-redemption-rate = Redemption rate
kpi-redemption-rate-definition = Points redeemed (rewards and donations) ÷ points issued (visits and welcome offers) in the period.
kpi-redemption-value = Redemption rate (value)
kpi-redemption-value-definition = The menu value of the points, stamps and cashback redeemed ÷ the menu value of those issued in the period: each unit at the menu prices of the rewards it buys, cashback at face value. A balance whose rewards have no menu price is left out.
kpi-breakage = Breakage
kpi-breakage-definition = Of the points whose fate was settled in the period — redeemed, or expired unused — the share that expired. What is still outstanding is in the liability report.
kpi-breakage-no-expiry = Points never expire in this program, so none are lost.
kpi-breakage-counting = Counting…
kpi-enrolment-rate = Enrolment rate
kpi-enrolment-rate-definition = New members ÷ members served (who visited or joined) in the period.
kpi-clv-historical = Customer lifetime value (historical)
kpi-clv-historical-definition = What the customers who visited in the period had spent since joining, on average, by its last day (voided visits left out).
kpi-clv-predicted = Customer lifetime value (predicted)
kpi-clv-predicted-definition = An estimate: average check × visits per customer in a period × the periods a customer is expected to stay, 1 ÷ (1 − retention), at most five years.
report-kpis-title = KPIs from { $from } to { $to } ({ $days } days), beside { $previousFrom } to { $previousTo }
report-kpis-line = { $name }: { $value } (before: { $previous })
report-cohort-line = { $month }: customers { $customers }; month by month: { $shares }
report-kpis-nothing = n/a

## Report tables: their titles, column headings and words in cells (screens and CSV files)

report-table-close-summary = The day in figures
report-table-close-by-hour = By hour
report-table-close-by-staff = By staff member
report-table-close-rewards = Rewards redeemed
report-table-close-voids = Voids
report-table-close-adjustments = Adjustments
report-table-close-unusual = Unusual activity
report-table-close-unusual-own-customers = Rewards for customers the same staff member enrolled
report-table-close-unusual-points = Points far above the share of visits
report-column-on-the-day = That day
report-column-window-days = Over days
report-column-points-share = Share of the day's points
report-column-visits-share = Share of the day's visits
report-column-share-limit = Usual most, of the visits' share
report-close-unusual-own = { $staff } gave { $customer }, whom they enrolled, { $redemptions ->
    [one] one reward
   *[other] { $redemptions } rewards
} in { $days } days, { $today } that day (more than { $limit })
report-close-unusual-points = { $staff } issued { $points } points, { $pointsShare } of the day's, for { $visitsShare } of its visits (more than { $limit } of that share)
report-column-measure = Measure
report-column-value = Value
report-column-hour = Hour
report-column-visits = Visits
report-column-sales = Sales
report-column-staff = Staff member
report-column-points-issued = Points issued
report-column-redemptions = Redemptions
report-column-reward = Reward
report-column-count = Times redeemed
report-column-time = Time
report-column-by = By
report-column-customer = Customer
report-column-reason = Reason
report-column-account = Balance
report-column-amount = Change
report-column-actions = Loyalty actions
report-column-limit = Usual most
report-measure-visits = Visits
report-measure-customers = Members served
report-measure-enrolments = New members
report-measure-sales = Member sales
report-measure-average-check = Average check
report-measure-points-issued = Points issued
report-measure-points-redeemed = Points redeemed
report-measure-stamps-issued = Stamps issued
report-measure-stamps-redeemed = Stamps turned into rewards
report-measure-cashback-issued = Cashback issued
report-measure-cashback-spent = Cashback spent
report-measure-voids = Voids
report-measure-adjustments = Adjustments
report-measure-conflicts = Redemptions found overdrawn
report-cell-nobody = (nobody signed in)
report-cell-no-name = (no name)
report-table-kpis = KPIs
report-table-kpis-by-day = Day by day
report-table-kpis-goals = Goals
report-table-kpis-goal-trend = Goals, reading by reading
report-table-kpis-rewards = Reward popularity
report-table-kpis-cohorts = Monthly cohort retention
report-column-goal = Goal
report-column-baseline = Before it started
report-column-target = Target
report-column-current = Now
report-column-projected = Trend by the target date
report-column-goal-by = Target date
report-column-status = Where it stands
report-goal-not-started = Not started
report-goal-no-baseline = No starting value
report-goal-no-data = Not enough data
report-goal-reached = Reached
report-goal-on-track = On track
report-goal-behind = Behind
report-goal-too-early = Too early to tell
report-goal-met = Met
report-goal-missed = Missed
report-goal-line = Goal "{ $name }" ({ $kpi }): { $status }. Now { $current }, target { $target } by { $by }.
ui-goals-title = Goals
ui-goals-counting = Counting the goals…
ui-goals-none = No goals yet. A goal is set in the program ([[goals]]): a KPI, a target and the date to reach it by.
ui-rewards-none = The program has no rewards yet, and none was redeemed in these two periods.
ui-rewards-counting = Counting the redemptions…
ui-cohorts-counting = Counting the cohorts…
ui-cohorts-explain = Each row is the customers who joined in one month; each column, the share of them who visited that many months later (0: the month they joined). The current month counts as far as it has gone.
ui-cohorts-none = Nobody joined in the last twelve months.
ui-cohorts-months-since = Months since joining
ui-goal-target = Target: { $target } by { $by }
ui-goal-change = { $change } on { $baseline }, its value over the { $days } days before { $starts }
ui-goal-change-no-baseline = { $change } on its value before { $starts }, which is not known
ui-goal-current = Now: { $value }
ui-goal-projected = On this trend: { $value } by { $by }
ui-goal-window = Each reading covers the { $days ->
    [one] day
   *[other] { $days } days
} up to it.
ui-goal-chart = { $kpi }, reading by reading, and the target
ui-goal-chart-target = Target
ui-report-export-goals = Export the goals as CSV
ui-report-export-goal-trend = Export the readings as CSV
report-column-kpi = KPI
report-column-previous = Previous period
report-column-cohort = Joined in
report-column-joined = Customers
report-column-month-0 = Month 0
report-column-month-1 = Month 1
report-column-month-2 = Month 2
report-column-month-3 = Month 3
report-column-month-4 = Month 4
report-column-month-5 = Month 5
report-column-month-6 = Month 6
report-column-month-7 = Month 7
report-column-month-8 = Month 8
report-column-month-9 = Month 9
report-column-month-10 = Month 10
report-column-month-11 = Month 11
report-column-definition = Definition
report-column-day = Business day
report-column-points-redeemed = Points redeemed
report-column-enrolments = New members
report-table-liability = Outstanding balances in money
report-table-liability-ages = Outstanding by age
report-table-liability-redemption = How customers redeem
report-column-balance-kind = Kind
report-column-balance = Card or reward
report-column-outstanding = Outstanding
report-column-customers = Customers holding it
report-column-issued = Issued
report-column-redeemed = Redeemed
report-column-expired = Expired
report-column-redemption-rate = Redemption rate
report-column-redemption-probability = Probability of redemption
report-column-face-value = Face value
report-column-expected-cost = Expected cost
report-column-deferral = Deferral (IFRS 15)
report-column-age-0-30 = 0–30 days
report-column-age-31-90 = 31–90 days
report-column-age-91-180 = 91–180 days
report-column-age-181-365 = 181–365 days
report-column-age-over-365 = Over 365 days
report-balance-points = Points
report-balance-stamps = Stamps
report-balance-cashback = Cashback
report-balance-voucher = Vouchers
report-cell-no-cost = no cost given
report-cell-no-price = no menu price given
report-cell-no-history = nothing issued yet
report-cell-total = Total
liability-face-value-definition = Outstanding units at the rewards' menu prices: what customers could take away if they redeemed everything.
liability-expected-cost-definition = Outstanding units at what the rewards cost the shop, times the shop's own redemption rate (units redeemed ÷ units issued, ever).
liability-deferral-definition = The face value times the probability that a unit is ever redeemed (of the units redeemed or expired, the share redeemed; while none has expired, the redemption rate), as revenue deferred under IFRS 15.
report-liability-title = Outstanding balances as of { $day } (every value an estimate)
report-liability-line = { $balance }: { $outstanding } outstanding, held by { $customers } · face value { $face } · expected cost { $cost } · deferral { $deferral }
report-liability-total = Total: face value { $face } · expected cost { $cost } · deferral { $deferral }
report-liability-partial = A total leaves out a balance it cannot value, so it is at least what it says.
report-liability-no-cost = no cost given for { $rewards } (shop_cost in the program)
report-liability-no-price = no menu price given for { $rewards } (menu_price in the program)
report-liability-nothing = Nothing outstanding.
report-table-segments = Customers by segment
report-table-segments-over-time = Segments at each month's end
report-table-segments-scores = What each score stands for today
report-table-segments-moves = Customers the proposed rules move
report-table-at-risk = At risk: customers to win back
report-column-segment = Segment
report-column-segment-customers = Customers
report-column-share = Share
report-column-segment-new = New
report-column-segment-occasional = Occasional
report-column-segment-regular = Regular
report-column-segment-high-value = High value
report-column-segment-at-risk = At risk
report-column-segment-lapsed = Lapsed
report-column-score = Score
report-column-days-since-from = Days since last visit, from
report-column-days-since-to = Days since last visit, to
report-column-visits-from = Visits, from
report-column-visits-to = Visits, to
report-column-spend-from = Spend, from
report-column-spend-to = Spend, to
report-column-from-segment = From
report-column-to-segment = To
report-column-last-visit = Last visit
report-column-days-since = Days since
report-column-usual-gap = Usual gap (days)
report-column-visits-year = Visits (365 days)
report-column-spend-year = Spend (365 days)
report-column-points = Points
report-column-stamps = Stamps
report-column-cashback = Cashback
report-column-consent = Agreed to be contacted
report-column-phone = Phone
report-column-email = Email
report-segment-new = New
report-segment-occasional = Occasional
report-segment-regular = Regular
report-segment-high-value = High value
report-segment-at-risk = At risk
report-segment-lapsed = Lapsed
report-cell-none = —
report-cell-yes = yes
report-cell-no = no
segment-new-definition = At most one visit, joined in the last { $days } days.
segment-occasional-definition = Comes now and then: one visit, joined earlier than that; or more visits without a regular's frequency or a high spender's spend.
segment-regular-definition = Frequency score { $score } or more.
segment-high-value-definition = Spend score { $score } or more.
segment-at-risk-definition = A regular or a high spender whose recency score is { $score } or less: they have not come lately.
segment-lapsed-definition = No visit for more than { $days } days.
segments-method = Customers with two visits or more are scored 1 to 5 against each other, by fifths: recency (days since the last visit, fewer is better), frequency (visits) and spend, both over the last 365 days. One-visit and lapsed customers are not scored.
report-segments-title = Segments as of { $day }: { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    }
report-segments-line = { $segment }: { $customers } ({ $share }) · { $definition }
report-segments-preview = Proposed rules, not kept: { $moved ->
        [one] { $moved } customer changes segment
       *[other] { $moved } customers change segment
    }.
report-segments-move = { $from } → { $to }: { $customers }
report-segments-at-risk-title = At risk, biggest spenders first ({ $customers }):
report-segments-at-risk-none = No one is at risk.
report-segments-at-risk-line = { $name }: last visit { $day }, { $days } days ago, usually every { $gap } days; { $visits } visits and { $spend } in 365 days; { $contact }
report-segments-no-consent = no consent to be contacted
report-segments-kept = The segment rules are kept on this till.
report-table-offers = Offers against their held-out groups
report-table-offers-uplift = What each offer changed per customer
report-column-offer = Offer
report-column-offer-from = First day
report-column-offer-to = Last day
report-column-group = Group
report-column-group-customers = Customers
report-column-visits-per-customer = Visits per customer
report-column-spend-per-customer = Spend per customer
report-column-uplift = Change
report-column-uplift-low = 95% interval, from
report-column-uplift-high = 95% interval, to
report-column-uplift-relative = Change against the held-out group
report-offer-group-exposed = Given the offer
report-offer-group-held-out = Held out
report-measure-visits-per-customer = Visits per customer
report-measure-spend-per-customer = Spend per customer
report-cell-not-enough-data = not enough data yet
offers-method = Each offer holds out a share of the customers it is for, drawn by the offer and the customer so that every till agrees; they never get it. Both groups are compared over the offer's days so far, counting everyone, whether they came or not. The change is the offer's group less the held-out group, per customer, with a 95% interval (normal approximation, Welch).
offers-minimum = A change is given once each group has { $customers } customers and the offer has run { $days } days.
report-offers-title = Offers with a held-out group, as of { $day }:
report-offers-none = No offer holds out a group: give an offer a holdout_percent in the program to measure what it changes.
report-offers-offer = { $offer }: { $percent }% held out, { $from } to { $to } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }){ $running }
report-offers-running = , still running
report-offers-group = { $group }: { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    }, { $visits } visits ({ $visits_each } each), { $spend } ({ $spend_each } each)
report-offers-uplift-visits = Change in visits per customer: { $difference } (95% interval { $low } to { $high })
report-offers-uplift-spend = Change in spend per customer: { $difference } (95% interval { $low } to { $high })
report-offers-not-enough = Not enough data yet: each group needs { $customers } customers, and the offer { $days } days.
report-pdf-made = Made on { $day } at { $time }
report-pdf-page = Page { $page } of { $pages }
report-pdf-empty = Nothing to list.
report-pdf-segments-proposed = By proposed rules, not kept on this till.
report-pdf-saved = Saved as PDF: { $path }
ui-reports = Reports
ui-report-close-title = Daily close
ui-report-previous = Previous day
ui-report-next = Next day
ui-report-pick-day = Go to day
ui-report-today = Today, so far
ui-report-hours = This business day lasted { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    } because the clocks changed.
ui-report-counting = Counting the day's events…
ui-report-chart-by-hour = Visits by hour (local time)
ui-report-no-visits = No visits on this day.
ui-report-empty = Nothing on this day.
ui-report-export = Export CSV
ui-report-export-pdf = Save as PDF
ui-report-saving-pdf = Saving the PDF…
ui-report-exported = Saved to { $path }
ui-report-export-failed = Not saved: { $reason }
ui-report-attention = { $table }: { $count ->
        [one] one line
       *[other] { $count } lines
    } to look at
ui-report-attention-close-unusual = { $count ->
        [one] One customer had
       *[other] { $count } customers had
    } more loyalty actions than usual on this day.
ui-report-tab-kpis = KPIs
ui-report-pick-period = Period
ui-report-preset = { $days ->
        [one] Last day
       *[other] Last { $days } days
    }
ui-report-from = From
ui-report-to = To
ui-report-period-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
ui-report-compared-with = compared with { $period }
ui-report-counting-period = Counting the period's events…
ui-report-chart-visits-by-day = Visits per day
ui-report-chart-points-by-day = Points issued and redeemed per day
ui-report-no-visits-period = No visits in this period.
ui-kpi-previous = Previous period: { $value }
ui-report-export-kpis = Export the KPIs as CSV
ui-report-export-kpis-by-day = Export the days as CSV
ui-report-export-kpis-rewards = Export reward popularity as CSV
ui-report-export-cohorts = Export the cohorts as CSV
ui-report-tab-liability = Liability
ui-report-liability-as-of = Outstanding as of { $day }
ui-report-liability-estimates = Every value here is an estimate, from the rewards' costs and prices in the program.
ui-report-counting-liability = Valuing the outstanding balances…
ui-report-chart-liability-ages = Face value outstanding, by age
ui-report-liability-partial = At least: { $why }
ui-report-liability-refresh = Count again
ui-report-tab-segments = Segments
ui-report-segments-as-of = Customers as of { $day }
ui-report-segments-customers = { $customers ->
        [one] { $customers } customer in all
       *[other] { $customers } customers in all
    }
ui-report-segments-refresh = Count again
ui-report-counting-segments = Sorting the customers into segments…
ui-report-chart-segments-over-time = Customers in each segment at each month's end, then today
ui-report-segments-nobody = No customers yet.
ui-report-export-segments = Export the segments as CSV
ui-report-export-segments-over-time = Export the months as CSV
ui-report-at-risk-listed = Showing the first { $listed } of { $total } customers at risk; the exported file holds them all.
ui-segments-rules = Segment rules
ui-segments-rules-about = Preview new rules to see how many customers change segment, then keep them on this till.
ui-segments-new-days = New for (days)
ui-segments-lapsed-days = Lapsed after (days without a visit)
ui-segments-at-risk-recency = At risk: recency score at most
ui-segments-regular-frequency = Regular: frequency score at least
ui-segments-high-value-spend = High value: spend score at least
ui-segments-preview = Preview
ui-segments-keep = Keep these rules
ui-segments-discard = Back to the kept rules
ui-segments-previewing = Preview, not kept yet: { $moved ->
        [one] { $moved } customer changes segment.
       *[other] { $moved } customers change segment.
    }
ui-segments-kept = The rules are kept on this till.
ui-report-tab-offers = Offers
ui-report-offers-as-of = Offers as of { $day }
ui-report-offers-refresh = Count again
ui-report-counting-offers = Comparing each offer with its held-out group…
ui-report-offers-none = No offer holds out a group yet. Give an offer a held-out share in the program to measure what it changes.
ui-report-offer-dates = { $from } – { $to } · { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
ui-report-offer-held-out = { $percent }% of its customers held out
ui-report-offer-running = Still running
ui-report-offer-ended = Ended
ui-report-offer-customers = { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    }
ui-report-offer-visits-each = { $visits } visits per customer
ui-report-offer-spend-each = { $spend } per customer
ui-report-offer-change-visits = Visits per customer
ui-report-offer-change-spend = Spend per customer
ui-report-offer-interval = 95% interval: { $low } to { $high }
ui-report-offer-relative = { $change } against the held-out group
ui-report-offer-not-enough = Not enough data yet: each group needs { $customers } customers, and the offer { $days } days.
ui-report-offer-no-difference = The interval includes no change: the offer may have changed nothing.
ui-report-export-offers = Export the groups as CSV
ui-report-export-offers-uplift = Export the changes as CSV
ui-error-invalid-new-days = A customer is new for 1 to 365 days.
ui-error-invalid-lapsed-days = A customer lapses after 14 to 730 days without a visit, and after more days than they are new.
ui-error-invalid-at-risk-recency = Pick a score from 1 to 5.
ui-error-invalid-regular-frequency = Pick a score from 1 to 5.
ui-error-invalid-high-value-spend = Pick a score from 1 to 5.
ui-kpi-previous-none = Previous period: — (not enough data)
ui-kpi-no-data = not enough data
ui-kpi-change-points = { $change } pp
ui-kpi-change-up = Up on the previous period
ui-kpi-change-down = Down on the previous period
ui-kpi-change-same = Same as the previous period
ui-error-invalid-from = Check the period's first day: a date like 2026-12-05, not after its last day.
ui-error-invalid-to = Check the period's last day: a date like 2026-12-05, not before its first day, and at most ten years after it.

## The till app's screens (ui/)

ui-loading = Opening the till…
ui-back = Back
ui-cancel = Cancel
ui-confirm = Yes
ui-close = Close
ui-retry = Retry
ui-key-enter = Enter
ui-key-escape = Esc
ui-key-function = F{ $number }
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
ui-pin-again = Repeat the PIN
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
ui-sign-in-signed-out-idle = { $name } was signed out: the till was not used for a while.
ui-role-barista = Barista
ui-role-manager = Manager
ui-staff = Staff
ui-staff-open-runs-open = Add staff — the till runs open: anyone can do anything
ui-staff-runs-open = Nobody is on the staff yet: anyone at this till may do anything. Add a manager first; from then on everyone signs in with their own PIN.
ui-staff-loading = Getting the staff list…
ui-staff-you = signed in here
ui-staff-add = Add staff member
ui-staff-name = Name
ui-staff-role = Role
ui-staff-pin-rule = A barista's PIN has 4 to 12 digits; a manager's, 6 to 12.
ui-staff-role-pin-hint = Becoming a manager needs a new PIN of 6 to 12 digits. Without a new PIN, a barista keeps the old one.
ui-staff-add-submit = Add
ui-staff-pin-button = New PIN
ui-staff-pin-for = New PIN ({ $name })
ui-staff-pin-submit = Set the PIN
ui-staff-role-button = Change role
ui-staff-role-for = Change role ({ $name })
ui-staff-role-submit = Change the role
ui-staff-remove-button = Remove
ui-staff-remove-for = Remove ({ $name })
ui-staff-remove-question = Remove { $name } from the staff?
ui-staff-remove-detail = Signing in with this name stops on every till; what was done stays in the reports.
ui-staff-done-added = { $name } is on the staff now.
ui-staff-done-pin = PIN changed ({ $name }).
ui-staff-done-role = New role ({ $name }): { $role }.
ui-staff-done-removed = Removed from the staff ({ $name }).
ui-staff-idle = Automatic sign-out
ui-staff-idle-about = On this till, a sign-in ends after this many minutes without use. The sale in progress (the customer, the amount) stays for the next sign-in.
ui-staff-idle-barista = Minutes for a barista
ui-staff-idle-manager = Minutes for a manager
ui-staff-idle-save = Save
ui-staff-idle-saved = Saved for this till.
ui-staff-idle-invalid = Give a whole number of minutes from 1 to { $max }.
ui-camera = Camera
ui-camera-starting = The camera is starting…
ui-camera-waiting = Waiting for the camera's first picture…
ui-camera-unavailable = No camera: plug one in, or type the card code below.
ui-camera-unavailable-pairing = No camera: plug one in, or type the pairing code on the left.
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
ui-waiting-no-camera = Type the card code, phone or name on the left.
ui-customer-no-name = Customer without a name
ui-customer-visits = { $visits } { $visits ->
        [one] visit
       *[other] visits
    }
ui-customer-last-visit = last visit { $date }
ui-customer-perks = { $tier } perks: { $perks }
ui-reward-to-go = { $missing } to go
ui-reward-to-go-points = { $missing } { $missing ->
        [one] point
       *[other] points
    } to go
ui-reward-progress = { $have } of { $need }
ui-birthday-note = Birthday on { $date }
ui-amount = Amount
ui-record = Record visit
ui-undo = Undo
ui-redeem-confirm = Redeem { $reward }?
ui-redeem-confirm-points = Redeem { $reward } for { $points } { $points ->
        [one] point
       *[other] points
    }?
ui-redeem-confirm-cashback = Redeem { $reward } for { $amount } of cashback?
ui-redeem-after-points = Balance after: { $points } { $points ->
        [one] point
       *[other] points
    }
ui-redeem-after-cashback = Cashback after: { $amount }
ui-card-print = Print card
ui-card-print-title = The new customer's card
ui-card-print-hint = Print it on card or a sticker and hand it over. The card code under the QR can be typed when a scan fails.
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
ui-status-offline = Offline
ui-status-last-sync = synced { $minutes ->
        [0] just now
        [one] { $minutes } min ago
       *[other] { $minutes } min ago
    }
ui-status-last-sync-at = last synced { $time }
ui-status-waiting = { $count ->
        [0] all sent
        [one] { $count } to send
       *[other] { $count } to send
    }
ui-status-refused = { $count ->
        [one] { $count } event refused
       *[other] { $count } events refused
    }
ui-status-held = { $count ->
        [one] { $count } event not applied here
       *[other] { $count } events not applied here
    }
ui-refused-title = What sync could not pass on
ui-refused-by-server = Refused by the shop's server: they count on this till only
ui-refused-by-this-till = Not applied on this till: they count on the other tills
ui-refused-none = Nothing was refused.
ui-refused-next = Nothing is lost: they stay on this till. Tell whoever looks after the shop's server, and give them the details below.
ui-refused-recorded = recorded { $when }
ui-refused-staff = by { $name }
ui-refused-details = Details (for support)
ui-refused-erased = An event (its details were erased with the customer)
ui-event-program_published = Program published
ui-event-enrolled = Enrolment
ui-event-profile_updated = Customer details changed
ui-event-visit = Visit
ui-event-redeemed = Redemption
ui-event-voided = Void
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
ui-event-staff_key_set = Staff member's signing key
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
# The recovery screen: the till could not open its data at start.
ui-recovery-title = The till cannot open its data
ui-recovery-intro = Nothing has been deleted. Read what happened, then pick one of the ways out below.
ui-recovery-kind-not-a-database = The till's data file is not one the till can read: it may have been replaced or overwritten by another file.
ui-recovery-kind-damaged = The till's data file is damaged, for example after a power cut or a disk fault.
ui-recovery-kind-read-only = The till is not allowed to write in the folder that holds its data.
ui-recovery-kind-disk-full = The disk is full: the till has no room to open its data.
ui-recovery-kind-too-new = The till's data was written by a newer version of Counterpart than this one.
ui-recovery-kind-other = Something unexpected stops the till opening its data.
ui-recovery-hint-not-a-database = Restore a backup, or start with an empty till.
ui-recovery-hint-damaged = Restore a backup, or start with an empty till.
ui-recovery-hint-read-only = Ask whoever looks after this computer to let Counterpart write in that folder again, then try again.
ui-recovery-hint-disk-full = Free some space on this computer (empty the bin, move large files elsewhere), then try again.
ui-recovery-hint-too-new = Install the newest version of Counterpart on this till, then open it again: the data is most likely fine. Restoring a backup or starting empty would leave out what the newer version recorded.
ui-recovery-hint-other = Try again first. If it keeps happening, give support the details below.
ui-recovery-file = Data file
ui-recovery-working = Please wait…
ui-recovery-retry = Try again
ui-recovery-retry-about = Opens the data file again as it is, changing nothing. Use it once space is freed or the folder is fixed.
ui-recovery-restore-title = Restore a backup
ui-recovery-restore-about = The till goes back to how it was when the backup was made. The damaged file is not deleted: it is kept beside the original, under a new name.
ui-recovery-backups-found = { $count ->
        [one] { $count } backup found.
       *[other] { $count } backups found.
    }
ui-recovery-no-backups = No backup of this till was found.
ui-recovery-restore = Restore
ui-recovery-restore-label = Restore the backup of { $date }
ui-recovery-restore-question = Restore the backup of { $date }?
ui-recovery-restore-detail = The till goes back to how it was then. The damaged file is kept beside the original, under a new name; nothing is deleted.
ui-recovery-restore-confirm = Restore this backup
ui-recovery-set-aside-title = Start with an empty till
ui-recovery-set-aside-about = The damaged file is not deleted: it is kept beside the original, under a new name. The till then starts empty: join the shop again to get everything back from the shop's server, or set up a new shop.
ui-recovery-set-aside = Set aside and start empty
ui-recovery-set-aside-question = Set the damaged file aside and start with an empty till?
ui-recovery-set-aside-detail = The file stays beside the original, under a new name; nothing is deleted. Next, join the shop again to get everything back from the shop's server, or set up a new shop.
ui-recovery-only-retry = Setting the file aside and restoring a backup both need room on the disk and permission to write in the data folder: fix that first, then try again.
ui-recovery-failed-retry = Trying again did not open the till.
ui-recovery-failed-set-aside = Starting with an empty till did not work.
ui-recovery-failed-restore = Restoring the backup did not work.
ui-recovery-still-not-open = What stops it now is said above.
ui-recovery-details = Details (for support)
ui-error-unknown = Something went wrong. Try again; if it keeps happening, tell a manager.
ui-error-invalid-input = That is not valid: check what was typed.
ui-error-invalid-amount = Type an amount above zero, like 4.50.
ui-error-invalid-name = Give a name (at most 80 characters).
ui-error-invalid-pin = That PIN is not allowed: use the number of digits asked for, not 123456 or 111111.
ui-error-invalid-staff-name = Give a name nobody on the staff has yet.
ui-error-invalid-staff-role = That role cannot be given: the first staff member is a manager, the only manager stays one, and the new role must differ from the old one.
ui-error-invalid-staff-pin = A barista's PIN has 4 to 12 digits and a manager's 6 to 12, digits only; a new manager needs a new PIN.
ui-error-invalid-staff-staff = The shop's only manager stays on the staff: make someone else a manager first.
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
ui-error-auth-signed-out-idle = You were signed out after a while without using the till: sign in again.
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
ui-error-disk-full = The disk of this computer is full: nothing was recorded. Free some space on it, then try again.
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
ui-error-sync-insecure-server = This till was paired over plain http://: it sends nothing until a manager pairs it again with the server's https:// address.
ui-error-sync-failed = Sync failed; the till will try again.

# What each example program does (the set-up screen lists them).
example-points-cafe = Points for spend (1 point per 1.00), a drink for 100 points; Bronze, Silver and Gold tiers by visits; double points before 9:00 on weekdays; a birthday drink.
example-stamp-cafe = A stamp card: buy 9 coffees, the 10th is free.
example-cashback-bakery = 5% of every purchase back to spend, and 5.00 off for every 50.00 spent.
example-coffee-club = A prepaid club: one drink a day for 30 days; regulars also collect stamps for a free cake.
