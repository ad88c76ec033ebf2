//! The most a visit can earn under a program, whoever the customer and whenever
//! it is: the highest tier, every multiplier and every coupon at once, every
//! offer's grant, every milestone the amount could cross, a stamp for each
//! qualifying item. An honest till's visit never exceeds it (each rule in
//! `earn` gives at most this); a visit that does was not earned under the
//! program it cites (a till's key used to push a billion points), and the
//! server and every till refuse it.

use std::collections::BTreeMap;

use crate::ledger::{Account, Delta, EventBody, Item, SignatureVersion};
use crate::money::Rounding;
use crate::program::{Grant, OfferKind, Program};

use super::earn::qualifying_quantity;

/// Why a visit does not stand under the program it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitedRefusal {
    /// It cites none, though its till's staff sign (such tills cite one).
    NotCited,
    /// It cites a version never published where it is checked.
    NeverPublished(u32),
    /// It carries more than the version it cites gives.
    Beyond(String),
}

impl std::fmt::Display for CitedRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CitedRefusal::NotCited => f.write_str(
                "the visit does not cite the program version it was earned under, and its till's staff sign (they cite it)",
            ),
            CitedRefusal::NeverPublished(v) => write!(
                f,
                "the visit cites program version {v}, which was never published here"
            ),
            CitedRefusal::Beyond(why) => f.write_str(why),
        }
    }
}

/// Why `body`, if a visit, does not stand under the program it cites:
/// `published` gives the programs published as a version (two tills offline
/// may each publish one of a number; a visit within either's bound stands),
/// `signed` how its till signed it (visits from tills not yet citing a
/// version are not bounded).
pub fn cited_refusal<'p>(
    body: &EventBody,
    signed: Option<SignatureVersion>,
    published: impl FnOnce(u32) -> Option<&'p [Program]>,
) -> Option<CitedRefusal> {
    let EventBody::Visit {
        amount,
        items,
        deltas,
        program_version,
        ..
    } = body
    else {
        return None;
    };
    let Some(version) = program_version else {
        return (signed == Some(SignatureVersion::Authored)).then_some(CitedRefusal::NotCited);
    };
    let Some(programs) = published(*version) else {
        return Some(CitedRefusal::NeverPublished(*version));
    };
    let refusals: Vec<String> = programs
        .iter()
        .filter_map(|p| visit_refusal(p, *amount, items, deltas))
        .collect();
    match refusals.len() < programs.len() {
        true => None,
        false => refusals.into_iter().next().map(CitedRefusal::Beyond),
    }
}

/// Why a visit of `amount` with `items` cannot carry `deltas` under
/// `program`, if it cannot.
pub fn visit_refusal(
    program: &Program,
    amount: i64,
    items: &[Item],
    deltas: &[Delta],
) -> Option<String> {
    let most = most_earned(program, amount, items);
    // What the visit adds and takes, by account.
    let mut added: BTreeMap<String, i64> = BTreeMap::new();
    let mut taken: BTreeMap<String, i64> = BTreeMap::new();
    for d in deltas {
        let sums = if d.amount >= 0 {
            &mut added
        } else {
            &mut taken
        };
        let sum = sums.entry(d.account.to_string()).or_default();
        *sum = sum.saturating_add(d.amount);
    }
    // Only a full stamp card takes anything: whole cards, and each one is a
    // voucher for the card's reward.
    let mut vouchers_from_cards: BTreeMap<String, i64> = BTreeMap::new();
    for (account, took) in &taken {
        let card = program
            .stamp_cards
            .iter()
            .find(|c| Account::Stamps(c.id.clone()).to_string() == *account);
        match card {
            Some(c) if took % c.stamps == 0 => {
                *vouchers_from_cards
                    .entry(Account::Voucher(c.reward.clone()).to_string())
                    .or_default() += -took / c.stamps;
            }
            _ => {
                return Some(format!(
                    "the visit takes {} from {account}, which no visit takes",
                    -took
                ))
            }
        }
    }
    for (account, gave) in &added {
        let limit = match is_counter(account) {
            true => 1,
            false => most
                .get(account)
                .copied()
                .unwrap_or(0)
                .saturating_add(vouchers_from_cards.get(account).copied().unwrap_or(0)),
        };
        if *gave > limit {
            return Some(format!(
                "the visit gives {gave} on {account}; the program it cites gives at most {limit} for this amount and these items"
            ));
        }
    }
    None
}

/// The most each account can gain on a visit of `amount` with `items` under
/// `program` (vouchers from a full stamp card aside: they follow the stamps
/// the visit takes).
pub fn most_earned(program: &Program, amount: i64, items: &[Item]) -> BTreeMap<String, i64> {
    let mut most: BTreeMap<String, i64> = BTreeMap::new();
    let mut add = |account: Account, n: i64| {
        let sum = most.entry(account.to_string()).or_default();
        *sum = sum.saturating_add(n.max(0));
    };
    if amount > 0 {
        if let Some(rule) = &program.points {
            if amount >= rule.minimum_spend {
                // Every multiplier above ×1 at once: the highest tier, every
                // multiplier offer and every coupon's.
                let mut numerator = i128::from(amount) * i128::from(rule.earn);
                let mut denominator = i128::from(rule.per_minor);
                let tier = program
                    .tiers
                    .iter()
                    .flat_map(|t| t.levels.iter().map(|l| l.multiplier))
                    .max();
                let offers = program
                    .offers
                    .iter()
                    .filter(|o| matches!(o.kind, OfferKind::Multiplier | OfferKind::Coupon { .. }))
                    .filter_map(|o| o.multiplier);
                for m in tier.into_iter().chain(offers).filter(|m| *m > 100) {
                    numerator = numerator.saturating_mul(i128::from(m));
                    denominator = denominator.saturating_mul(100);
                }
                add(
                    Account::Points,
                    Rounding::Up.divide(numerator, denominator.max(1)),
                );
            }
        }
        if let Some(cb) = &program.cashback {
            if amount >= cb.minimum_spend {
                add(
                    Account::Cashback,
                    Rounding::Up.divide(
                        i128::from(amount) * i128::from(cb.percent_hundredths),
                        10_000,
                    ),
                );
            }
        }
        // A milestone is crossed at most once per `every` of the amount, and
        // once more at the edge.
        for m in &program.milestones {
            add_grant(&mut add, &m.grant, amount / m.every.max(1) + 1);
        }
    }
    for o in &program.offers {
        let Some(grant) = &o.grant else { continue };
        let times = match &o.kind {
            OfferKind::Product {
                products,
                categories,
            } => qualifying_quantity(items, products, categories),
            OfferKind::Bonus
            | OfferKind::Birthday { .. }
            | OfferKind::Winback { .. }
            | OfferKind::Coupon { .. } => 1,
            OfferKind::Multiplier | OfferKind::Welcome => 0,
        };
        add_grant(&mut add, grant, times);
    }
    for card in &program.stamp_cards {
        let n = if card.any_visit() {
            1
        } else {
            match card.per {
                crate::program::StampPer::Visit => {
                    i64::from(qualifying_quantity(items, &card.products, &card.categories) > 0)
                }
                crate::program::StampPer::Item => {
                    qualifying_quantity(items, &card.products, &card.categories)
                }
            }
        };
        add(Account::Stamps(card.id.clone()), n);
    }
    most
}

/// Counters a visit moves by one at most: a coupon's use, the year a
/// birthday offer was given (`uses:…`).
fn is_counter(account: &str) -> bool {
    account.starts_with("uses:")
}

fn add_grant(add: &mut impl FnMut(Account, i64), grant: &Grant, times: i64) {
    if times <= 0 {
        return;
    }
    match grant {
        Grant::Points(p) => add(Account::Points, p.saturating_mul(times)),
        Grant::Reward(r) => add(Account::Voucher(r.clone()), times),
        Grant::Credit(c) => add(Account::Cashback, c.saturating_mul(times)),
    }
}

#[cfg(test)]
mod tests;
