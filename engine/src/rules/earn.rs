//! What a visit earns. Evaluated once, when the till records; the resulting deltas
//! are written into the event and never re-evaluated, so every till converges on
//! the same balances whatever program version it holds later.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::BTreeMap;

use super::context::{birthday_near, CustomerContext};
use crate::error::{EngineError, Refusal, Subject, Why};
use crate::ledger::{Account, CustomerId, Delta, Item, Message};
use crate::location::Location;
use crate::money::Money;
use crate::program::{Grant, Name, Offer, OfferKind, Program, StampCard, StampPer, TierBasis};

/// A visit as the barista entered it.
#[derive(Debug, Clone)]
pub struct VisitInput {
    /// Check amount, minor units.
    pub amount: i64,
    /// Items bought, if known.
    pub items: Vec<Item>,
    /// Coupon code given, if any.
    pub coupon: Option<String>,
}

/// What a visit earned.
#[derive(Debug, Clone, PartialEq)]
pub struct Earned {
    /// The deltas to record.
    pub deltas: Vec<Delta>,
    /// Tier before the visit.
    pub tier_before: Option<String>,
    /// Tier after the visit.
    pub tier_after: Option<String>,
}

/// A multiplier in hundredths as staff read it: ×2, ×1.25.
pub fn times(m: i64) -> String {
    if m % 100 == 0 {
        format!("×{}", m / 100)
    } else {
        format!("×{}.{:02}", m / 100, m % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

/// True when an offer applies at `at` to `customer` with `tags` (dates,
/// days, hours, tags, and not held out); with no customer yet, whether it
/// runs for anyone with `tags`.
pub fn offer_runs(
    offer: &Offer,
    location: &Location,
    at: DateTime<Utc>,
    customer: Option<CustomerId>,
    tags: &[String],
) -> bool {
    if customer.is_some_and(|c| offer.holds_out(c)) {
        return false;
    }
    let date = location.business_date(at);
    if !offer.period.contains(date) {
        return false;
    }
    if !offer.days.is_empty() && !offer.days.contains(&date.weekday()) {
        return false;
    }
    if let Some((from, until)) = offer.hours {
        let t = location.local_time(at);
        if t < from || t >= until {
            return false;
        }
    }
    offer.tags.is_empty() || offer.tags.iter().any(|t| tags.contains(t))
}

fn item_matches(item: &Item, products: &[String], categories: &[String]) -> bool {
    products
        .iter()
        .any(|p| p.eq_ignore_ascii_case(&item.product))
        || item
            .category
            .as_ref()
            .is_some_and(|c| categories.iter().any(|k| k.eq_ignore_ascii_case(c)))
}

pub(crate) fn qualifying_quantity(
    items: &[Item],
    products: &[String],
    categories: &[String],
) -> i64 {
    items
        .iter()
        .filter(|i| item_matches(i, products, categories))
        .map(|i| i.quantity)
        .sum()
}

/// What a grant was for, in words and as a message.
struct Label {
    text: String,
    message: Message,
}

impl Label {
    fn offer(name: &Name) -> Label {
        Label {
            text: name.text.clone(),
            message: Message::new("label-offer").name("offer", name),
        }
    }
}

/// What `times_n` of a grant give, in words for the screen: "+5 points:
/// Student bonus". The same line a visit's outcome shows and a screen's list
/// of the offers running now.
pub fn grant_message(grant: &Grant, label: Message, program: &Program, times_n: i64) -> Message {
    match grant {
        Grant::Points(p) => Message::new("grant-points")
            .num("points", p * times_n)
            .message("label", label),
        Grant::Reward(r) => {
            let name = program
                .reward(r)
                .map_or_else(|| Name::plain(r.as_str()), |x| x.name.clone());
            Message::new("grant-reward")
                .name("reward", &name)
                .num("count", times_n)
                .message("label", label)
        }
        Grant::Credit(c) => Message::new("grant-credit")
            .money("amount", Money::new(c * times_n, program.currency))
            .message("label", label),
    }
}

fn grant_delta(
    grant: &Grant,
    rule: String,
    label: &Label,
    program: &Program,
    times_n: i64,
) -> Delta {
    let text = &label.text;
    let message = Some(grant_message(
        grant,
        label.message.clone(),
        program,
        times_n,
    ));
    match grant {
        Grant::Points(p) => Delta {
            account: Account::Points,
            amount: p * times_n,
            rule,
            why: format!("+{} points: {text}", p * times_n),
            message,
        },
        Grant::Reward(r) => {
            let name = program
                .reward(r)
                .map_or(r.as_str(), |x| x.name.text.as_str());
            Delta {
                account: Account::Voucher(r.clone()),
                amount: times_n,
                rule,
                why: format!("{name} unlocked: {text}"),
                message,
            }
        }
        Grant::Credit(c) => {
            let credit = Money::new(c * times_n, program.currency);
            Delta {
                account: Account::Cashback,
                amount: c * times_n,
                rule,
                why: format!("+{credit} to spend: {text}"),
                message,
            }
        }
    }
}

/// The tier id held with `measure`.
fn tier_id(program: &Program, measure: i64) -> Option<String> {
    program.tier_for(measure).map(|t| t.id.clone())
}

/// What every rule reads of one visit: the program, the shop, the customer as
/// they walked in, what they bought and when.
struct Visit<'a> {
    program: &'a Program,
    customer: &'a CustomerContext,
    visit: &'a VisitInput,
    /// The business date of the visit.
    date: NaiveDate,
}

impl Visit<'_> {
    fn money(&self, minor: i64) -> Money {
        Money::new(minor, self.program.currency)
    }
}

/// Evaluates a visit. Refuses a coupon that is unknown, not running or used up.
/// Each kind of rule adds its deltas in turn, always in this order (the order
/// is part of the recorded event): the coupon's use, points, the offers'
/// grants, stamp cards, cashback, spend milestones.
pub fn earn(
    program: &Program,
    location: &Location,
    customer: &CustomerContext,
    visit: &VisitInput,
    at: DateTime<Utc>,
) -> Result<Earned, EngineError> {
    let v = Visit {
        program,
        customer,
        visit,
        date: location.business_date(at),
    };
    // Tier: the multiplier is the tier held when the customer walked in.
    let tier_before = tier_id(program, customer.tier_measure);
    let after_measure = match program.tiers.as_ref().map(|t| t.basis) {
        Some(TierBasis::Visits) => customer.tier_measure + 1,
        Some(TierBasis::Spend) => customer.tier_measure + visit.amount,
        None => customer.tier_measure,
    };
    let tier_after = tier_id(program, after_measure);

    let running: Vec<&Offer> = program
        .offers
        .iter()
        .filter(|o| offer_runs(o, location, at, Some(customer.id), &customer.tags))
        .collect();

    let mut deltas = Vec::new();
    let coupon_offer = match &visit.coupon {
        Some(code) => {
            let (offer, used) = coupon(&v, &running, code)?;
            deltas.push(used);
            Some(offer)
        }
        None => None,
    };
    deltas.extend(points(&v, &running, coupon_offer)?);
    for o in &running {
        deltas.extend(offer_grant(&v, o, coupon_offer));
    }
    for card in &program.stamp_cards {
        deltas.extend(stamp_card(&v, card));
    }
    deltas.extend(cashback(&v));
    deltas.extend(milestones(&v));
    Ok(Earned {
        deltas,
        tier_before,
        tier_after,
    })
}

/// The coupon given with a visit: it must be a running coupon offer with uses
/// left. Answers the offer and the delta that counts the use.
fn coupon<'p>(
    v: &Visit<'p>,
    running: &[&Offer],
    code: &str,
) -> Result<(&'p Offer, Delta), EngineError> {
    let (program, customer) = (v.program, v.customer);
    let code = code.trim().to_ascii_uppercase();
    let offer = program
        .offers
        .iter()
        .find(|o| matches!(&o.kind, OfferKind::Coupon { code: c, .. } if *c == code))
        .ok_or_else(|| {
            EngineError::invalid(
                "coupon",
                format!("`{code}` is not a coupon of this program"),
            )
        })?;
    if !running.iter().any(|o| o.id == offer.id) {
        return Err(Refusal::NotAvailable {
            reward: Subject::Coupon(code.clone()),
            why: Why::new(
                "it is not running now or not for this customer",
                Message::new("why-coupon-not-running"),
            ),
        }
        .into());
    }
    if let OfferKind::Coupon {
        max_uses,
        max_uses_per_customer,
        ..
    } = &offer.kind
    {
        let mine = customer.account(&Account::Uses(format!("coupon:{code}")));
        if max_uses_per_customer.is_some_and(|m| mine >= m) {
            return Err(Refusal::NotAvailable {
                reward: Subject::Coupon(code.clone()),
                why: Why::new(
                    format!("this customer has used it {mine} time(s) already"),
                    Message::new("why-coupon-used").num("uses", mine),
                ),
            }
            .into());
        }
        let all = customer.coupon_uses.get(&code).copied().unwrap_or(0);
        if max_uses.is_some_and(|m| all >= m) {
            return Err(Refusal::NotAvailable {
                reward: Subject::Coupon(code.clone()),
                why: Why::new(
                    "all its uses are taken",
                    Message::new("why-coupon-all-used"),
                ),
            }
            .into());
        }
    }
    let used = Delta {
        account: Account::Uses(format!("coupon:{code}")),
        amount: 1,
        rule: format!("offer:{}", offer.id),
        why: format!("coupon {code} used"),
        message: Some(Message::new("coupon-used").text("code", code.clone())),
    };
    Ok((offer, used))
}

/// Points: the base rate × every multiplier that applies (the tier held, the
/// running multiplier offers, the coupon's), rounded once. Below the minimum
/// spend, a zero delta says why nothing was earned.
fn points(
    v: &Visit<'_>,
    running: &[&Offer],
    coupon: Option<&Offer>,
) -> Result<Option<Delta>, EngineError> {
    let (program, customer, visit) = (v.program, v.customer, v.visit);
    let Some(rule) = &program.points else {
        return Ok(None);
    };
    if !(visit.amount >= rule.minimum_spend && visit.amount > 0) {
        if visit.amount <= 0 {
            return Ok(None);
        }
        return Ok(Some(Delta {
            account: Account::Points,
            amount: 0,
            rule: "points".into(),
            why: format!(
                "no points: the minimum spend is {}",
                v.money(rule.minimum_spend)
            ),
            message: Some(
                Message::new("no-points-minimum")
                    .money("minimum", Money::new(rule.minimum_spend, program.currency)),
            ),
        }));
    }
    let mut multipliers: Vec<(String, Name, i64)> = Vec::new();
    if let Some(t) = program.tier_for(customer.tier_measure) {
        if t.multiplier != 100 {
            multipliers.push((format!("tier:{}", t.id), t.name.clone(), t.multiplier));
        }
    }
    for o in running {
        let applies = match o.kind {
            OfferKind::Multiplier => true,
            OfferKind::Coupon { .. } => coupon.is_some_and(|c| c.id == o.id),
            _ => false,
        };
        if let (true, Some(m)) = (applies, o.multiplier) {
            multipliers.push((format!("offer:{}", o.id), o.name.clone(), m));
        }
    }
    // Each multiplier is at most ×10, but a program may stack many: past
    // what an i128 holds the visit is refused rather than miscounted.
    let too_many = || {
        EngineError::invalid(
            "program",
            "the multipliers that apply to this visit together are beyond what can be counted",
        )
    };
    let mut numerator = i128::from(visit.amount) * i128::from(rule.earn);
    let mut denominator = i128::from(rule.per_minor);
    for (_, _, m) in &multipliers {
        numerator = numerator.checked_mul(i128::from(*m)).ok_or_else(too_many)?;
        denominator = denominator.checked_mul(100).ok_or_else(too_many)?;
    }
    let points = rule.rounding.divide(numerator, denominator);
    if points <= 0 {
        return Ok(None);
    }
    let mut why = format!(
        "+{points} points at {} = {} point{}",
        v.money(rule.per_minor),
        rule.earn,
        if rule.earn == 1 { "" } else { "s" }
    );
    for (_, name, m) in &multipliers {
        why.push_str(&format!(", {} {name}", times(*m)));
    }
    let rule_id = std::iter::once("points".to_string())
        .chain(multipliers.iter().map(|(id, _, _)| id.clone()))
        .collect::<Vec<_>>()
        .join("+");
    // Multipliers read "×2 before 9:00": the sign is read everywhere, the
    // names are the shop's own, each in the reader's language when the
    // program gives it; a list is "first, rest", nested.
    let boosts = multipliers.iter().rev().fold(None, |rest, (_, name, m)| {
        let one = Message::new("boost")
            .text("times", times(*m))
            .name("name", name);
        Some(match rest {
            None => one,
            Some(rest) => Message::new("boost-list")
                .message("first", one)
                .message("rest", rest),
        })
    });
    let message = match boosts {
        None => Message::new("earn-points"),
        Some(_) => Message::new("earn-points-boosted"),
    }
    .num("points", points)
    .money("per", Money::new(rule.per_minor, program.currency))
    .num("earn", rule.earn);
    let message = match boosts {
        None => message,
        Some(boosts) => message.message("boosts", boosts),
    };
    Ok(Some(Delta {
        account: Account::Points,
        amount: points,
        rule: rule_id,
        why,
        message: Some(message),
    }))
}

/// How many days a customer last seen on `last_visit` has been away on
/// `today`, when that is long enough for a win-back offer of `after_days`.
/// The one test of a win-back: what a visit earns and what the screen lists
/// as running for the customer both ask it.
pub fn winback_due(
    after_days: i64,
    last_visit: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<i64> {
    last_visit
        .map(|l| (today - l).num_days())
        .filter(|days| *days >= after_days)
}

/// What a running offer grants on this visit (multipliers count in
/// [`points`]; the welcome, at enrolment).
fn offer_grant(v: &Visit<'_>, o: &Offer, coupon: Option<&Offer>) -> Vec<Delta> {
    let program = v.program;
    let rule = format!("offer:{}", o.id);
    let Some(g) = &o.grant else {
        return Vec::new();
    };
    match &o.kind {
        OfferKind::Bonus => vec![grant_delta(g, rule, &Label::offer(&o.name), program, 1)],
        OfferKind::Birthday { window_days } => birthday_grant(v, o, g, *window_days),
        OfferKind::Winback { after_days } => {
            match winback_due(*after_days, v.customer.last_visit, v.date) {
                Some(days) => {
                    let label = Label {
                        text: format!("{} ({days} days away)", o.name),
                        message: Message::new("label-winback")
                            .name("offer", &o.name)
                            .num("days", days),
                    };
                    vec![grant_delta(g, rule, &label, program, 1)]
                }
                None => Vec::new(),
            }
        }
        OfferKind::Product {
            products,
            categories,
        } => {
            let n = qualifying_quantity(&v.visit.items, products, categories);
            if n <= 0 {
                return Vec::new();
            }
            let label = Label {
                text: format!("{} ×{n}", o.name),
                message: Message::new("label-product")
                    .name("offer", &o.name)
                    .num("quantity", n),
            };
            vec![grant_delta(g, rule, &label, program, n)]
        }
        OfferKind::Coupon { .. } if coupon.is_some_and(|c| c.id == o.id) => {
            vec![grant_delta(g, rule, &Label::offer(&o.name), program, 1)]
        }
        OfferKind::Coupon { .. } | OfferKind::Multiplier | OfferKind::Welcome => Vec::new(),
    }
}

/// A birthday offer: given once a year, on a visit within the window around
/// the birthday; a `uses` delta remembers the year it was given.
fn birthday_grant(v: &Visit<'_>, o: &Offer, g: &Grant, window_days: i64) -> Vec<Delta> {
    let Some(bd) = v
        .customer
        .birthday
        .and_then(|b| birthday_near(b, v.date, window_days))
    else {
        return Vec::new();
    };
    let key = Account::Uses(format!("birthday:{}:{}", o.id, bd.year()));
    if v.customer.account(&key) > 0 {
        return Vec::new();
    }
    let rule = format!("offer:{}", o.id);
    vec![
        grant_delta(g, rule.clone(), &Label::offer(&o.name), v.program, 1),
        Delta {
            account: key,
            amount: 1,
            rule,
            why: format!("{} given for {}", o.name, bd.year()),
            message: Some(
                Message::new("birthday-given")
                    .name("offer", &o.name)
                    .num("year", i64::from(bd.year())),
            ),
        },
    ]
}
/// One stamp card: a stamp per qualifying visit or item, up to the card's daily
/// cap (a zero delta says the cap was reached); a full card turns into its
/// reward, the stamps beyond it carried over.
fn stamp_card(v: &Visit<'_>, card: &StampCard) -> Vec<Delta> {
    let (program, customer, visit) = (v.program, v.customer, v.visit);
    let mut n = match (card.any_visit(), card.per) {
        (true, _) => 1,
        (false, StampPer::Visit) => {
            i64::from(qualifying_quantity(&visit.items, &card.products, &card.categories) > 0)
        }
        (false, StampPer::Item) => {
            qualifying_quantity(&visit.items, &card.products, &card.categories)
        }
    };
    if n == 0 {
        return Vec::new();
    }
    let rule = format!("stamps:{}", card.id);
    if let Some(max) = card.max_per_day {
        let today = customer.stamps_today.get(&card.id).copied().unwrap_or(0);
        let allowed = (max - today).max(0);
        if allowed < n {
            n = allowed;
            if n == 0 {
                return vec![Delta {
                    account: Account::Stamps(card.id.clone()),
                    amount: 0,
                    rule,
                    why: format!("no stamp on {}: the limit is {max} a day", card.name),
                    message: Some(
                        Message::new("stamp-limit")
                            .name("card", &card.name)
                            .num("max", max),
                    ),
                }];
            }
        }
    }
    let account = Account::Stamps(card.id.clone());
    let had = customer.account(&account);
    let total = had + n;
    let full = total / card.stamps;
    let shown = if full > 0 {
        total - full * card.stamps
    } else {
        total
    };
    let mut deltas = vec![Delta {
        account: account.clone(),
        amount: n,
        rule: rule.clone(),
        why: if n == 1 {
            format!("stamp {} of {} on {}", had + 1, card.stamps, card.name)
        } else {
            format!(
                "+{n} stamps on {}: {} of {}",
                card.name,
                (had + n).min(card.stamps),
                card.stamps
            )
        },
        message: Some(if n == 1 {
            Message::new("stamp-one")
                .num("stamp", had + 1)
                .num("of", card.stamps)
                .name("card", &card.name)
        } else {
            Message::new("stamp-many")
                .num("stamps", n)
                .num("now", (had + n).min(card.stamps))
                .num("of", card.stamps)
                .name("card", &card.name)
        }),
    }];
    if full > 0 {
        let reward = program
            .reward(&card.reward)
            .map_or_else(|| Name::plain(card.reward.as_str()), |r| r.name.clone());
        deltas.push(Delta {
            account,
            amount: -full * card.stamps,
            rule: rule.clone(),
            why: format!("{} full: {shown} stamp(s) carried over", card.name),
            message: Some(
                Message::new("card-full")
                    .name("card", &card.name)
                    .num("carried", shown),
            ),
        });
        deltas.push(Delta {
            account: Account::Voucher(card.reward.clone()),
            amount: full,
            rule,
            why: format!("{reward} unlocked by a full {}", card.name),
            message: Some(
                Message::new("card-reward")
                    .name("reward", &reward)
                    .name("card", &card.name),
            ),
        });
    }
    deltas
}

/// Cashback: a percentage of the check into a spendable balance, from the
/// minimum spend up.
fn cashback(v: &Visit<'_>) -> Option<Delta> {
    let (program, visit) = (v.program, v.visit);
    let cb = program.cashback.as_ref()?;
    if !(visit.amount >= cb.minimum_spend && visit.amount > 0) {
        return None;
    }
    let amount = cb.rounding.divide(
        i128::from(visit.amount) * i128::from(cb.percent_hundredths),
        10_000,
    );
    if amount <= 0 {
        return None;
    }
    let pct = cb.percent_hundredths;
    let pct_text = if pct % 100 == 0 {
        format!("{}", pct / 100)
    } else {
        format!("{}.{:02}", pct / 100, pct % 100)
    };
    Some(Delta {
        account: Account::Cashback,
        amount,
        rule: "cashback".into(),
        why: format!("+{} cashback at {pct_text} %", v.money(amount)),
        message: Some(
            Message::new("earn-cashback")
                .money("amount", Money::new(amount, program.currency))
                .text("percent", pct_text),
        ),
    })
}

/// Spend milestones: one grant per multiple of `every` crossed by this visit.
fn milestones(v: &Visit<'_>) -> Vec<Delta> {
    let (program, customer, visit) = (v.program, v.customer, v.visit);
    if visit.amount <= 0 {
        return Vec::new();
    }
    let mut deltas = Vec::new();
    for m in &program.milestones {
        let before = customer.lifetime_spend.max(0) / m.every;
        let after = (customer.lifetime_spend.max(0) + visit.amount) / m.every;
        if after > before {
            let label = Label {
                text: format!("{} spent in all", v.money(after * m.every)),
                message: Message::new("label-milestone")
                    .money("spent", Money::new(after * m.every, program.currency)),
            };
            deltas.push(grant_delta(
                &m.grant,
                format!("milestone:{}", m.id),
                &label,
                program,
                after - before,
            ));
        }
    }
    deltas
}

/// Stamps a visit would add per card, for the daily cap (counted from deltas).
pub fn stamps_in(deltas: &[Delta]) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for d in deltas {
        if let (Account::Stamps(c), true) = (&d.account, d.amount > 0) {
            *out.entry(c.clone()).or_insert(0) += d.amount;
        }
    }
    out
}

/// The welcome grants for a new customer on `date`.
pub fn welcome(
    program: &Program,
    location: &Location,
    customer: CustomerId,
    tags: &[String],
    at: DateTime<Utc>,
) -> Vec<Delta> {
    program
        .offers
        .iter()
        .filter(|o| {
            matches!(o.kind, OfferKind::Welcome)
                && offer_runs(o, location, at, Some(customer), tags)
        })
        .filter_map(|o| {
            o.grant.as_ref().map(|g| {
                grant_delta(
                    g,
                    format!("offer:{}", o.id),
                    &Label::offer(&o.name),
                    program,
                    1,
                )
            })
        })
        .collect()
}

/// A business date's ISO week start (Monday), for weekly allowances.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
}
