//! Breakage over a period: of the points whose fate was settled in it —
//! redeemed by a customer, or expired unused — the share that expired (what
//! an accountant calls breakage; the liability report's probability of
//! redemption is its complement over all time). Points expire only where the
//! program says so (`[expiry]`): where they never expire none break, and the
//! KPI says so rather than showing 0 %. Read from every customer's points
//! history (expiry is worked out from the lots, spends taking the oldest
//! first, as the till does), so the screens ask for it on its own after the
//! other cards.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use super::kpis::{Kpi, KpiUnit, KpiValue, Period};
use crate::ledger::CustomerId;
use crate::rules::{lots_at, PointMovement};
use crate::store::BalanceHistory;

/// The KPI's id.
pub const BREAKAGE: &str = "breakage";
/// The KPI it stands after in the KPIs' order: beside the redemption rates.
pub const AFTER: &str = "redemption_value";

/// Points redeemed and expired in one period.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Settled {
    redeemed: i64,
    expired: i64,
}

impl Settled {
    fn share_expired(self) -> Option<KpiValue> {
        let settled = self.redeemed + self.expired;
        (settled > 0).then(|| KpiValue::Number(self.expired as f64 / settled as f64))
    }
}

/// The breakage KPI before it is counted: the cards show it is being counted.
pub fn pending() -> Kpi {
    kpi(None, None, Some("kpi-breakage-counting"))
}

fn kpi(value: Option<KpiValue>, previous: Option<KpiValue>, why: Option<&str>) -> Kpi {
    Kpi {
        id: BREAKAGE.to_string(),
        unit: KpiUnit::Fraction,
        value,
        previous,
        definition: "kpi-breakage-definition".to_string(),
        why: why.map(str::to_string),
    }
}

/// Breakage in `period` and in the one before it, points expiring
/// `expire_after_days` after they were earned (none: never), from every
/// balance's `histories` (only the points' are read), with `merged` each
/// merged-away record's survivor.
pub fn breakage_of(
    period: Period,
    expire_after_days: Option<u32>,
    histories: &[BalanceHistory],
    merged: &HashMap<CustomerId, CustomerId>,
) -> Kpi {
    let Some(after) = expire_after_days else {
        return kpi(None, None, Some("kpi-breakage-no-expiry"));
    };
    let previous = period.previous();
    // Each customer's points (a merged group's as one: their lots are one
    // balance since the merge, as the liability counts them).
    let survivors: HashSet<CustomerId> =
        merged.keys().map(|c| super::survivor(merged, c)).collect();
    let mut grouped: BTreeMap<CustomerId, Vec<PointMovement>> = BTreeMap::new();
    let mut settled = [Settled::default(); 2];
    let mut alone = Vec::new();
    let mut moves = Vec::new();
    for h in histories.iter().filter(|h| h.account == "points") {
        moves.clear();
        for d in &h.days {
            for (i, p) in [previous, period].iter().enumerate() {
                if (p.from..=p.to).contains(&d.day) {
                    settled[i].redeemed += d.spent;
                }
            }
            for amount in [d.earned, -d.spent, d.adjusted] {
                if amount != 0 {
                    moves.push(PointMovement {
                        date: d.day,
                        amount,
                    });
                }
            }
        }
        let owner = super::survivor(merged, &h.customer);
        if owner == h.customer && !survivors.contains(&owner) {
            alone.push(expired_in(&moves, after, previous, period));
        } else {
            grouped.entry(owner).or_default().extend_from_slice(&moves);
        }
    }
    for moves in grouped.values() {
        alone.push(expired_in(moves, after, previous, period));
    }
    for [before, now] in alone {
        settled[0].expired += before;
        settled[1].expired += now;
    }
    kpi(settled[1].share_expired(), settled[0].share_expired(), None)
}

/// The points of one balance's `moves` that expired in `previous` and in
/// `period` (which follows it).
fn expired_in(moves: &[PointMovement], after: u32, previous: Period, period: Period) -> [i64; 2] {
    let by = |day: Option<NaiveDate>| -> i64 {
        let Some(day) = day else { return 0 };
        let known: Vec<PointMovement> = moves.iter().filter(|m| m.date <= day).copied().collect();
        if known.is_empty() {
            return 0;
        }
        lots_at(&known, Some(after), day).expired
    };
    let start = by(previous.from.pred_opt());
    let middle = by(Some(previous.to));
    let end = by(Some(period.to));
    [middle - start, end - middle]
}
