//! What a visit earns. Evaluated once, when the till records; the resulting deltas
//! are written into the event and never re-evaluated, so every till converges on
//! the same balances whatever program version it holds later.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::BTreeMap;

use super::context::{birthday_near, CustomerContext};
use crate::error::{EngineError, Refusal, Why};
use crate::ledger::{Account, Delta, Item, Message};
use crate::location::Location;
use crate::money::Money;
use crate::program::{Grant, Offer, OfferKind, Program, StampPer, TierBasis};

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

/// True when an offer applies at `at` to a customer with `tags` (dates, days, hours, tags).
pub fn offer_runs(offer: &Offer, location: &Location, at: DateTime<Utc>, tags: &[String]) -> bool {
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

fn qualifying_quantity(items: &[Item], products: &[String], categories: &[String]) -> i64 {
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
    fn offer(name: &str) -> Label {
        Label {
            text: name.to_string(),
            message: Message::new("label-offer").text("offer", name),
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
            let name = program.reward(r).map_or(r.as_str(), |x| x.name.as_str());
            Message::new("grant-reward")
                .text("reward", name)
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
            let name = program.reward(r).map_or(r.as_str(), |x| x.name.as_str());
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

/// Evaluates a visit. Refuses a coupon that is unknown, not running or used up.
pub fn earn(
    program: &Program,
    location: &Location,
    customer: &CustomerContext,
    visit: &VisitInput,
    at: DateTime<Utc>,
) -> Result<Earned, EngineError> {
    let date = location.business_date(at);
    let money = |m: i64| Money::new(m, program.currency);
    let mut deltas = Vec::new();

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
        .filter(|o| offer_runs(o, location, at, &customer.tags))
        .collect();

    // The coupon, if one was given, must be a running coupon offer with uses left.
    let coupon_offer = match &visit.coupon {
        None => None,
        Some(code) => {
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
                    reward: format!("coupon {code}"),
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
                        reward: format!("coupon {code}"),
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
                        reward: format!("coupon {code}"),
                        why: Why::new(
                            "all its uses are taken",
                            Message::new("why-coupon-all-used"),
                        ),
                    }
                    .into());
                }
            }
            deltas.push(Delta {
                account: Account::Uses(format!("coupon:{code}")),
                amount: 1,
                rule: format!("offer:{}", offer.id),
                why: format!("coupon {code} used"),
                message: Some(Message::new("coupon-used").text("code", code.clone())),
            });
            Some(offer)
        }
    };

    // Points: base rate × every multiplier that applies, rounded once.
    if let Some(rule) = &program.points {
        if visit.amount >= rule.minimum_spend && visit.amount > 0 {
            let mut multipliers: Vec<(String, String, i64)> = Vec::new();
            if let Some(t) = program.tier_for(customer.tier_measure) {
                if t.multiplier != 100 {
                    multipliers.push((format!("tier:{}", t.id), t.name.clone(), t.multiplier));
                }
            }
            for o in &running {
                let applies = match o.kind {
                    OfferKind::Multiplier => true,
                    OfferKind::Coupon { .. } => coupon_offer.is_some_and(|c| c.id == o.id),
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
            if points > 0 {
                let mut why = format!(
                    "+{points} points at {} = {} point{}",
                    money(rule.per_minor),
                    rule.earn,
                    if rule.earn == 1 { "" } else { "s" }
                );
                let mut boosts = Vec::new();
                for (_, name, m) in &multipliers {
                    why.push_str(&format!(", {} {name}", times(*m)));
                    boosts.push(format!("{} {name}", times(*m)));
                }
                let rule_id = std::iter::once("points".to_string())
                    .chain(multipliers.iter().map(|(id, _, _)| id.clone()))
                    .collect::<Vec<_>>()
                    .join("+");
                deltas.push(Delta {
                    account: Account::Points,
                    amount: points,
                    rule: rule_id,
                    why,
                    message: Some({
                        let m = if boosts.is_empty() {
                            Message::new("earn-points")
                        } else {
                            Message::new("earn-points-boosted")
                        }
                        .num("points", points)
                        .money("per", Money::new(rule.per_minor, program.currency))
                        .num("earn", rule.earn);
                        // Multipliers read "×2 before 9:00": the sign is read
                        // everywhere, the names are the shop's own.
                        match boosts.is_empty() {
                            true => m,
                            false => m.text("boosts", boosts.join(", ")),
                        }
                    }),
                });
            }
        } else if visit.amount > 0 {
            deltas.push(Delta {
                account: Account::Points,
                amount: 0,
                rule: "points".into(),
                why: format!(
                    "no points: the minimum spend is {}",
                    money(rule.minimum_spend)
                ),
                message: Some(
                    Message::new("no-points-minimum")
                        .money("minimum", Money::new(rule.minimum_spend, program.currency)),
                ),
            });
        }
    }

    // Offers that grant something.
    for o in &running {
        let rule = format!("offer:{}", o.id);
        match &o.kind {
            OfferKind::Bonus => {
                if let Some(g) = &o.grant {
                    deltas.push(grant_delta(g, rule, &Label::offer(&o.name), program, 1));
                }
            }
            OfferKind::Birthday { window_days } => {
                let Some(bd) = customer
                    .birthday
                    .and_then(|b| birthday_near(b, date, *window_days))
                else {
                    continue;
                };
                let key = Account::Uses(format!("birthday:{}:{}", o.id, bd.year()));
                if customer.account(&key) > 0 {
                    continue;
                }
                if let Some(g) = &o.grant {
                    deltas.push(grant_delta(
                        g,
                        rule.clone(),
                        &Label::offer(&o.name),
                        program,
                        1,
                    ));
                    deltas.push(Delta {
                        account: key,
                        amount: 1,
                        rule,
                        why: format!("{} given for {}", o.name, bd.year()),
                        message: Some(
                            Message::new("birthday-given")
                                .text("offer", o.name.clone())
                                .num("year", i64::from(bd.year())),
                        ),
                    });
                }
            }
            OfferKind::Winback { after_days } => {
                let away = customer.last_visit.map(|l| (date - l).num_days());
                if let (Some(days), Some(g)) = (away, &o.grant) {
                    if days >= *after_days {
                        let label = Label {
                            text: format!("{} ({days} days away)", o.name),
                            message: Message::new("label-winback")
                                .text("offer", o.name.clone())
                                .num("days", days),
                        };
                        deltas.push(grant_delta(g, rule, &label, program, 1));
                    }
                }
            }
            OfferKind::Product {
                products,
                categories,
            } => {
                let n = qualifying_quantity(&visit.items, products, categories);
                if let (true, Some(g)) = (n > 0, &o.grant) {
                    let label = Label {
                        text: format!("{} ×{n}", o.name),
                        message: Message::new("label-product")
                            .text("offer", o.name.clone())
                            .num("quantity", n),
                    };
                    deltas.push(grant_delta(g, rule, &label, program, n));
                }
            }
            OfferKind::Coupon { .. } => {
                if let (true, Some(g)) = (coupon_offer.is_some_and(|c| c.id == o.id), &o.grant) {
                    deltas.push(grant_delta(g, rule, &Label::offer(&o.name), program, 1));
                }
            }
            OfferKind::Multiplier | OfferKind::Welcome => {}
        }
    }

    // Stamp cards.
    for card in &program.stamp_cards {
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
            continue;
        }
        let rule = format!("stamps:{}", card.id);
        if let Some(max) = card.max_per_day {
            let today = customer.stamps_today.get(&card.id).copied().unwrap_or(0);
            let allowed = (max - today).max(0);
            if allowed < n {
                n = allowed;
                if n == 0 {
                    deltas.push(Delta {
                        account: Account::Stamps(card.id.clone()),
                        amount: 0,
                        rule,
                        why: format!("no stamp on {}: the limit is {max} a day", card.name),
                        message: Some(
                            Message::new("stamp-limit")
                                .text("card", card.name.clone())
                                .num("max", max),
                        ),
                    });
                    continue;
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
        deltas.push(Delta {
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
                    .text("card", card.name.clone())
            } else {
                Message::new("stamp-many")
                    .num("stamps", n)
                    .num("now", (had + n).min(card.stamps))
                    .num("of", card.stamps)
                    .text("card", card.name.clone())
            }),
        });
        if full > 0 {
            let reward = program
                .reward(&card.reward)
                .map_or(card.reward.as_str(), |r| r.name.as_str());
            deltas.push(Delta {
                account,
                amount: -full * card.stamps,
                rule: rule.clone(),
                why: format!("{} full: {shown} stamp(s) carried over", card.name),
                message: Some(
                    Message::new("card-full")
                        .text("card", card.name.clone())
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
                        .text("reward", reward)
                        .text("card", card.name.clone()),
                ),
            });
        }
    }

    // Cashback.
    if let Some(cb) = &program.cashback {
        if visit.amount >= cb.minimum_spend && visit.amount > 0 {
            let amount = cb.rounding.divide(
                i128::from(visit.amount) * i128::from(cb.percent_hundredths),
                10_000,
            );
            if amount > 0 {
                let pct = cb.percent_hundredths;
                let pct_text = if pct % 100 == 0 {
                    format!("{}", pct / 100)
                } else {
                    format!("{}.{:02}", pct / 100, pct % 100)
                };
                deltas.push(Delta {
                    account: Account::Cashback,
                    amount,
                    rule: "cashback".into(),
                    why: format!("+{} cashback at {pct_text} %", money(amount)),
                    message: Some(
                        Message::new("earn-cashback")
                            .money("amount", Money::new(amount, program.currency))
                            .text("percent", pct_text),
                    ),
                });
            }
        }
    }

    // Spend milestones: one grant per multiple of `every` crossed by this visit.
    if visit.amount > 0 {
        for m in &program.milestones {
            let before = customer.lifetime_spend.max(0) / m.every;
            let after = (customer.lifetime_spend.max(0) + visit.amount) / m.every;
            if after > before {
                let label = Label {
                    text: format!("{} spent in all", money(after * m.every)),
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
    }

    Ok(Earned {
        deltas,
        tier_before,
        tier_after,
    })
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
    tags: &[String],
    at: DateTime<Utc>,
) -> Vec<Delta> {
    program
        .offers
        .iter()
        .filter(|o| matches!(o.kind, OfferKind::Welcome) && offer_runs(o, location, at, tags))
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
