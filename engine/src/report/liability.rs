//! Points liability in money: what the shop owes its customers in points,
//! stamps, cashback and vouchers on a business day, valued three ways, each
//! an estimate (`docs/reports.md` says how, the screens say so):
//!
//! - **face value**: the outstanding units at the rewards' menu price (what
//!   the customers could take away if they redeemed everything);
//! - **expected cost**: at what the rewards cost the shop (`shop_cost` in the
//!   program), times the shop's own redemption rate (units redeemed ÷ issued);
//! - **deferral**: the face value times the probability that a unit is ever
//!   redeemed (of the units whose fate is settled, redeemed or expired, the
//!   share redeemed; the redemption rate while nothing has expired), as an
//!   accountant books it under IFRS 15.
//!
//! Where a reward that values a balance has no cost or no price, that value
//! says so rather than guessing. Outstanding units are aged by the business
//! day they were earned: spends use the oldest first, as expiry does.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::ledger::{Account, CustomerId};
use crate::money::{Currency, Money};
use crate::program::{Name, Program, Reward, RewardCost};
use crate::rules::{lots_at, PointMovement};
use crate::store::BalanceHistory;

use super::table::{fraction, Cell, Table};

/// The age groups of outstanding units, by days since they were earned: the
/// id (`report-column-age-<id>`) and the oldest age in days it holds.
pub const AGES: [(&str, i64); 5] = [
    ("0-30", 30),
    ("31-90", 90),
    ("91-180", 180),
    ("181-365", 365),
    ("over-365", i64::MAX),
];

/// What kind of balance a line values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LiabilityKind {
    /// Loyalty points.
    Points,
    /// Stamps on one card.
    Stamps,
    /// Cashback, in minor units.
    Cashback,
    /// Vouchers for one reward.
    Voucher,
}

/// One of a line's three values, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Valuation {
    /// An amount of the shop's currency, a decimal string.
    Known {
        /// The amount.
        amount: String,
    },
    /// These rewards, which the balance buys, have no `shop_cost`.
    NoCost {
        /// Their names.
        rewards: Vec<Name>,
    },
    /// These rewards, which the balance buys, have no `menu_price`.
    NoPrice {
        /// Their names.
        rewards: Vec<Name>,
    },
    /// Nothing of the balance was issued to customers yet (only adjusted), so
    /// there is no rate of redemption to go by.
    NoHistory,
}

/// A total of one value over the lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Total {
    /// The sum of the lines' known amounts, a decimal string.
    pub amount: String,
    /// False when a line with something outstanding has no amount: the total
    /// is then at least this.
    pub complete: bool,
}

/// One balance's liability.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LiabilityLine {
    /// The balance as the ledger writes it (`points`, `stamps:coffee`, `voucher:drink`).
    pub account: String,
    /// Its kind.
    pub kind: LiabilityKind,
    /// The stamp card's or the reward's name (none for points and cashback).
    pub name: Option<Name>,
    /// Units outstanding (cashback in minor units), expired points left out.
    pub outstanding: i64,
    /// Customers holding some.
    pub customers: i64,
    /// Units ever issued to customers (adjustments left out).
    pub issued: i64,
    /// Units ever redeemed (adjustments left out).
    pub redeemed: i64,
    /// Points that expired unused.
    pub expired: i64,
    /// `redeemed ÷ issued`; none when nothing was issued.
    pub redemption_rate: Option<f64>,
    /// The probability that a unit is ever redeemed (see the module).
    pub redemption_probability: Option<f64>,
    /// At the rewards' menu price.
    pub face_value: Valuation,
    /// At the rewards' cost to the shop, times the redemption rate.
    pub expected_cost: Valuation,
    /// The face value times the probability of redemption.
    pub deferral: Valuation,
    /// Units outstanding by age ([`AGES`]), youngest first.
    pub ages: Vec<i64>,
}

/// The liability report of a business day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Liability {
    /// The business day it is as of (expiry is counted to it).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of: NaiveDate,
    /// The shop's currency.
    pub currency: String,
    /// When this till last synced: other tills' events after it are not in it.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_sync: Option<DateTime<Utc>>,
    /// One line per balance: points, each stamp card, cashback, each voucher.
    pub lines: Vec<LiabilityLine>,
    /// The age groups' ids, the columns of each line's `ages`.
    pub ages: Vec<String>,
    /// The face value of each age group, over the lines that have one.
    pub face_value_by_age: Vec<String>,
    /// The totals of the three values.
    pub face_value: Total,
    /// See `face_value`.
    pub expected_cost: Total,
    /// See `face_value`.
    pub deferral: Total,
}

/// What the report is asked about: the day, the shop, its program.
pub struct LiabilityOf<'a> {
    /// The business day.
    pub as_of: NaiveDate,
    /// The shop's currency.
    pub currency: Currency,
    /// The published program, if any: rewards' costs and prices, stamp
    /// cards, expiry.
    pub program: Option<&'a Program>,
    /// Each merged-away customer's survivor.
    pub merged: &'a HashMap<CustomerId, CustomerId>,
    /// The last sync.
    pub last_sync: Option<DateTime<Utc>>,
}

/// What one unit of a balance is worth, in minor units (a point may be worth
/// a fraction of one), or why it is not known.
#[derive(Debug, Clone)]
enum Unit {
    Worth(f64),
    Missing(Vec<Name>),
}

/// A reward a balance buys, and for how many of its units.
struct Buys<'a> {
    units: f64,
    reward: &'a Reward,
}

fn buys(units: f64, reward: &Reward) -> Buys<'_> {
    Buys { units, reward }
}

/// What a balance's units are worth: at cost (`shop_cost`) and at price
/// (`menu_price`).
fn unit_values(account: &Account, program: Option<&Program>) -> (Unit, Unit) {
    let rewards = program.map(|p| p.rewards.as_slice()).unwrap_or_default();
    let reward = |id: &str| rewards.iter().find(|r| r.id == id);
    let bought: Vec<Buys<'_>> = match account {
        Account::Cashback => return (Unit::Worth(1.0), Unit::Worth(1.0)),
        Account::Points => rewards
            .iter()
            .filter_map(|r| match r.cost {
                RewardCost::Points(p) => Some(buys(p as f64, r)),
                _ => None,
            })
            .collect(),
        Account::Stamps(card) => program
            .and_then(|p| p.stamp_cards.iter().find(|c| &c.id == card))
            .and_then(|c| reward(&c.reward).map(|r| buys(c.stamps as f64, r)))
            .into_iter()
            .collect(),
        Account::Voucher(id) => reward(id).map(|r| buys(1.0, r)).into_iter().collect(),
        Account::Allowance(_) | Account::Uses(_) => Vec::new(),
    };
    if bought.is_empty() {
        // Nothing in the program buys it (a card or reward since removed).
        let missing = Unit::Missing(vec![Name::plain(account.to_string())]);
        return (missing.clone(), missing);
    }
    let worth = |pick: fn(&Reward) -> Option<i64>| {
        let missing: Vec<Name> = bought
            .iter()
            .filter(|b| pick(b.reward).is_none())
            .map(|b| b.reward.name.clone())
            .collect();
        if !missing.is_empty() {
            return Unit::Missing(missing);
        }
        // The average over the rewards it buys of what one unit is worth.
        let sum: f64 = bought
            .iter()
            .map(|b| pick(b.reward).unwrap_or(0) as f64 / b.units)
            .sum();
        Unit::Worth(sum / bought.len() as f64)
    };
    (worth(|r| r.shop_cost), worth(|r| r.menu_price))
}

/// What one unit of a balance is worth at the rewards' menu prices, in minor
/// units; none where a reward it buys has no price (or nothing buys it).
pub(crate) fn menu_worth(account: &Account, program: Option<&Program>) -> Option<f64> {
    match unit_values(account, program).1 {
        Unit::Worth(w) => Some(w),
        Unit::Missing(_) => None,
    }
}

/// A share, or none when there is nothing to divide by (at most 1: a balance
/// adjusted up and redeemed may show more redeemed than issued).
fn rate(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64).min(1.0))
}

/// The age group of units earned `days` ago.
fn age_of(days: i64) -> usize {
    AGES.iter()
        .position(|(_, oldest)| days <= *oldest)
        .unwrap_or(AGES.len() - 1)
}

/// What one balance adds up to over its customers.
#[derive(Debug, Default)]
struct Tally {
    outstanding: i64,
    customers: i64,
    issued: i64,
    redeemed: i64,
    expired: i64,
    ages: [i64; AGES.len()],
}

/// The liability of `of.as_of` from every balance's movements by day.
pub fn liability_of(of: &LiabilityOf<'_>, histories: &[BalanceHistory]) -> Liability {
    let survivor = |c: &CustomerId| super::survivor(of.merged, c);
    // Customers another was merged into: their histories wait for the others'.
    let survivors: HashSet<CustomerId> = of.merged.keys().map(&survivor).collect();
    let mut tallies: BTreeMap<Account, Tally> = BTreeMap::new();
    // The program's balances have a line even when nothing is outstanding.
    if let Some(p) = of.program {
        if p.points.is_some() {
            tallies.entry(Account::Points).or_default();
        }
        for card in &p.stamp_cards {
            tallies.entry(Account::Stamps(card.id.clone())).or_default();
        }
        if p.cashback.is_some() {
            tallies.entry(Account::Cashback).or_default();
        }
    }
    let expiry = of.program.and_then(|p| p.points_expire_after_days);
    // What is left of one customer's balance on the day, added to its line.
    let mut hold = |account: &Account, moves: &[PointMovement]| {
        let after = matches!(account, Account::Points)
            .then_some(expiry)
            .flatten();
        let lots = lots_at(moves, after, of.as_of);
        let tally = tallies.entry(account.clone()).or_default();
        tally.expired += lots.expired;
        let held: i64 = lots.live.iter().map(|(_, left)| left).sum();
        if held > 0 {
            tally.customers += 1;
            tally.outstanding += held;
        }
        for (earned, left) in lots.live {
            tally.ages[age_of((of.as_of - earned).num_days())] += left;
        }
    };
    let mut merged: BTreeMap<(Account, CustomerId), Vec<PointMovement>> = BTreeMap::new();
    let mut rates: BTreeMap<Account, (i64, i64)> = BTreeMap::new();
    let mut moves = Vec::new();
    for h in histories {
        let Ok(account) = h.account.parse::<Account>() else {
            continue;
        };
        if !account.is_balance() {
            continue;
        }
        moves.clear();
        let rate = rates.entry(account.clone()).or_default();
        for d in &h.days {
            rate.0 += d.earned;
            rate.1 += d.spent;
            // On one day earnings come before spends: the adjustments' net
            // moves the balance like either.
            for amount in [d.earned, -d.spent, d.adjusted] {
                if amount != 0 {
                    moves.push(PointMovement {
                        date: d.day,
                        amount,
                    });
                }
            }
        }
        let owner = survivor(&h.customer);
        if owner == h.customer && !survivors.contains(&owner) {
            hold(&account, &moves);
        } else {
            merged
                .entry((account, owner))
                .or_default()
                .extend_from_slice(&moves);
        }
    }
    for ((account, _), moves) in &merged {
        hold(account, moves);
    }
    for (account, (issued, redeemed)) in rates {
        let tally = tallies.entry(account).or_default();
        tally.issued += issued;
        tally.redeemed += redeemed;
    }

    let money = |minor: i64| Money::new(minor, of.currency).plain();
    let mut face_by_age = [0f64; AGES.len()];
    // The three values' totals in minor units, and whether every line had one.
    let mut totals = [(0i64, true); 3];
    let mut lines: Vec<LiabilityLine> = tallies
        .into_iter()
        .map(|(account, t)| {
            let (cost, price) = unit_values(&account, of.program);
            let redemption_rate = rate(t.redeemed, t.issued);
            let redemption_probability = if t.expired > 0 {
                rate(t.redeemed, t.redeemed + t.expired)
            } else {
                redemption_rate
            };
            // The outstanding units at `unit` each, times `share`, in minor units.
            let value =
                |unit: &Unit, share: Option<f64>, missing: fn(Vec<Name>) -> Valuation| match (
                    unit, share,
                ) {
                    _ if t.outstanding == 0 => Ok(0),
                    (Unit::Missing(rewards), _) => Err(missing(rewards.clone())),
                    (Unit::Worth(_), None) => Err(Valuation::NoHistory),
                    (Unit::Worth(w), Some(s)) => Ok((t.outstanding as f64 * w * s).round() as i64),
                };
            let no_cost = |rewards| Valuation::NoCost { rewards };
            let no_price = |rewards| Valuation::NoPrice { rewards };
            let values = [
                value(&price, Some(1.0), no_price),
                value(&cost, redemption_rate, no_cost),
                value(&price, redemption_probability, no_price),
            ];
            if let Unit::Worth(w) = price {
                for (slot, units) in face_by_age.iter_mut().zip(t.ages) {
                    *slot += units as f64 * w;
                }
            }
            for (total, v) in totals.iter_mut().zip(&values) {
                match v {
                    Ok(minor) => total.0 += minor,
                    Err(_) => total.1 = false,
                }
            }
            let [face_value, expected_cost, deferral] = values.map(|v| match v {
                Ok(minor) => Valuation::Known {
                    amount: money(minor),
                },
                Err(why) => why,
            });
            let (kind, name) = kind_and_name(&account, of.program);
            LiabilityLine {
                account: account.to_string(),
                kind,
                name,
                outstanding: t.outstanding,
                customers: t.customers,
                issued: t.issued,
                redeemed: t.redeemed,
                expired: t.expired,
                redemption_rate,
                redemption_probability,
                face_value,
                expected_cost,
                deferral,
                ages: t.ages.to_vec(),
            }
        })
        .collect();
    lines.sort_by_key(|l| (l.kind, order_in(of.program, &l.account), l.account.clone()));
    let total = |(sum, complete): (i64, bool)| Total {
        amount: money(sum),
        complete,
    };
    Liability {
        as_of: of.as_of,
        currency: of.currency.code().to_string(),
        last_sync: of.last_sync,
        lines,
        ages: AGES.iter().map(|(id, _)| (*id).to_string()).collect(),
        face_value_by_age: face_by_age
            .iter()
            .map(|m| money(m.round() as i64))
            .collect(),
        face_value: total(totals[0]),
        expected_cost: total(totals[1]),
        deferral: total(totals[2]),
    }
}

/// A line's kind, and its card's or reward's name (the id where the program
/// no longer has it).
fn kind_and_name(account: &Account, program: Option<&Program>) -> (LiabilityKind, Option<Name>) {
    match account {
        Account::Points => (LiabilityKind::Points, None),
        Account::Cashback => (LiabilityKind::Cashback, None),
        Account::Stamps(card) => (
            LiabilityKind::Stamps,
            Some(
                program
                    .and_then(|p| p.stamp_cards.iter().find(|c| &c.id == card))
                    .map_or_else(|| Name::plain(card.as_str()), |c| c.name.clone()),
            ),
        ),
        Account::Voucher(reward) | Account::Allowance(reward) | Account::Uses(reward) => (
            LiabilityKind::Voucher,
            Some(
                program
                    .and_then(|p| p.rewards.iter().find(|r| &r.id == reward))
                    .map_or_else(|| Name::plain(reward.as_str()), |r| r.name.clone()),
            ),
        ),
    }
}

/// Where the program lists a card or reward (those it no longer has last).
fn order_in(program: Option<&Program>, account: &str) -> usize {
    let Some(p) = program else { return 0 };
    match account.parse::<Account>() {
        Ok(Account::Stamps(card)) => p.stamp_cards.iter().position(|c| c.id == card),
        Ok(Account::Voucher(reward)) => p.rewards.iter().position(|r| r.id == reward),
        _ => Some(0),
    }
    .unwrap_or(usize::MAX)
}

impl Valuation {
    /// The value as a cell: the amount, or the words for why there is none.
    fn cell(&self) -> Cell {
        match self {
            Valuation::Known { amount } => Cell::Money(amount.clone()),
            Valuation::NoCost { .. } => Cell::Label("report-cell-no-cost".into()),
            Valuation::NoPrice { .. } => Cell::Label("report-cell-no-price".into()),
            Valuation::NoHistory => Cell::Label("report-cell-no-history".into()),
        }
    }
}

impl Liability {
    /// A line's first two cells: its kind in words, and its card's or reward's name.
    fn named(line: &LiabilityLine) -> [Cell; 2] {
        let kind = match line.kind {
            LiabilityKind::Points => "points",
            LiabilityKind::Stamps => "stamps",
            LiabilityKind::Cashback => "cashback",
            LiabilityKind::Voucher => "voucher",
        };
        [
            Cell::Label(format!("report-balance-{kind}")),
            line.name
                .clone()
                .map_or_else(|| Cell::Text(String::new()), Cell::Name),
        ]
    }

    /// A number of a line's units as a cell: cashback as money, the rest a count.
    fn units(&self, line: &LiabilityLine, units: i64) -> Cell {
        match (line.kind, Currency::parse(&self.currency)) {
            (LiabilityKind::Cashback, Ok(currency)) => {
                Cell::Money(Money::new(units, currency).plain())
            }
            _ => Cell::Count(units),
        }
    }

    /// The report as tables: the balances with their values and a line of
    /// totals, how customers redeem each (the rates the values use), and the
    /// outstanding units by age.
    pub fn tables(&self) -> Vec<Table> {
        let mut values = Table::new(
            "liability",
            &[
                "balance-kind",
                "balance",
                "outstanding",
                "customers",
                "face-value",
                "expected-cost",
                "deferral",
            ],
        );
        for line in &self.lines {
            let mut row = Self::named(line).to_vec();
            row.extend([
                self.units(line, line.outstanding),
                Cell::Count(line.customers),
                line.face_value.cell(),
                line.expected_cost.cell(),
                line.deferral.cell(),
            ]);
            values.rows.push(row);
        }
        let blank = || Cell::Text(String::new());
        let mut total = vec![Cell::Label("report-cell-total".into())];
        total.extend(std::iter::repeat_with(blank).take(3));
        total.extend(
            [&self.face_value, &self.expected_cost, &self.deferral]
                .map(|t| Cell::Money(t.amount.clone())),
        );
        values.rows.push(total);
        // A total that leaves out a line's value is at least what it says.
        values.attention = [&self.face_value, &self.expected_cost, &self.deferral]
            .iter()
            .any(|t| !t.complete);

        let mut redemption = Table::new(
            "liability-redemption",
            &[
                "balance-kind",
                "balance",
                "issued",
                "redeemed",
                "expired",
                "redemption-rate",
                "redemption-probability",
            ],
        );
        for line in &self.lines {
            let mut row = Self::named(line).to_vec();
            row.extend([
                self.units(line, line.issued),
                self.units(line, line.redeemed),
                self.units(line, line.expired),
                fraction(line.redemption_rate, "report-cell-no-history"),
                fraction(line.redemption_probability, "report-cell-no-history"),
            ]);
            redemption.rows.push(row);
        }

        let mut columns = vec!["balance-kind".to_string(), "balance".to_string()];
        columns.extend(self.ages.iter().map(|a| format!("age-{a}")));
        let mut ages = Table::new("liability-ages", &[]);
        ages.columns = columns;
        for line in &self.lines {
            let mut row = Self::named(line).to_vec();
            row.extend(line.ages.iter().map(|units| self.units(line, *units)));
            ages.rows.push(row);
        }
        vec![values, redemption, ages]
    }
}
