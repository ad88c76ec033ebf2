//! Offers measured against a held-out group. An offer with a
//! `holdout_percent` never gives itself to the customers its draw holds out
//! (`Offer::holds_out`, a hash of the offer and the customer, so every till
//! agrees offline); this report compares the two groups over the offer's
//! dates so far, as intention to treat:
//!
//! - **eligible**: every customer (a merged group once, as its survivor,
//!   drawn by the survivor's id) who carries one of the offer's tags, or
//!   anyone when it has none, and who had joined by the last day measured
//!   (or has a visit in the dates, when the enrolment has not arrived yet);
//!   whether they came during the offer's hours or not;
//! - per group: its customers, their visits and spend in the dates, and the
//!   visits and spend per customer (a customer who never came counts as 0);
//! - **uplift**: the exposed group's mean per customer less the held-out
//!   group's, with a 95 % interval by the normal approximation to the
//!   difference of two means (Welch: ± 1.96 × √(s²ₑ/nₑ + s²ₕ/nₕ), sample
//!   variances), and relative to the held-out mean when that is not 0;
//! - **enough data** once each group has [`MIN_GROUP`] customers and the
//!   offer has run [`MIN_DAYS`] business days (the report's own minimums); before that the report says
//!   "not enough data yet" and gives no uplift.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::ledger::CustomerId;
use crate::location::Location;
use crate::money::{Currency, Money};
use crate::program::{Name, Offer};
use crate::store::Clientele;

use super::table::{fraction, Cell, Table};

/// The fewest customers in each group for an uplift to be given.
pub const MIN_GROUP: i64 = 30;
/// The fewest business days an offer must have run for an uplift to be given.
pub const MIN_DAYS: i64 = 7;
/// The normal distribution's two-sided 95 % point.
const Z95: f64 = 1.959_964;

/// What the offers are measured for.
#[derive(Debug, Clone, Copy)]
pub struct OffersOf<'a> {
    /// The business day: the last measured.
    pub as_of: NaiveDate,
    /// The shop's location (its currency, and the business day of an enrolment).
    pub location: &'a Location,
    /// The program's offers; those with a held-out group are measured.
    pub offers: &'a [Offer],
    /// When this till last synced, if ever.
    pub last_sync: Option<DateTime<Utc>>,
    /// The fewest customers in each group for an uplift ([`MIN_GROUP`]).
    pub min_group: i64,
    /// The fewest days run for an uplift ([`MIN_DAYS`]).
    pub min_days: i64,
}

/// The offers with a held-out group, each measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfferResults {
    /// The business day the report is made on.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of: NaiveDate,
    /// The shop's currency (ISO code).
    pub currency: String,
    /// When this till last synced: events of other tills after it are not in.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_sync: Option<DateTime<Utc>>,
    /// The fewest customers in each group for an uplift.
    pub min_group: i64,
    /// The fewest days run for an uplift.
    pub min_days: i64,
    /// Each offer with a held-out group, in the program's order (one not
    /// started yet is left out).
    pub offers: Vec<OfferResult>,
}

/// One offer against its held-out group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfferResult {
    /// The offer's id in the program.
    pub offer: String,
    /// Its name.
    pub name: Name,
    /// The share held out, in percent.
    pub holdout_percent: u8,
    /// The first business day measured: the offer's start.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub from: NaiveDate,
    /// The last: the offer's end, or the report's day while it runs.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub to: NaiveDate,
    /// Business days measured.
    pub days: i64,
    /// It runs on past the last day measured.
    pub running: bool,
    /// The customers it was given to (could be: it runs on their visits).
    pub exposed: Group,
    /// The customers it held out.
    pub held_out: Group,
    /// Both groups are big enough and the offer has run long enough.
    pub enough_data: bool,
    /// What the offer changed per customer; none without enough data.
    pub uplift: Option<Uplift>,
}

/// One group of an offer's eligible customers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Group {
    /// Customers in it.
    pub customers: i64,
    /// Their visits in the dates.
    pub visits: i64,
    /// Their spend in the dates, a decimal string.
    pub spend: String,
    /// Visits per customer; none for an empty group.
    pub visits_per_customer: Option<f64>,
    /// Spend per customer, a decimal string; none for an empty group.
    pub spend_per_customer: Option<String>,
}

/// What an offer changed per customer, each with its 95 % interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Uplift {
    /// In visits per customer.
    pub visits: VisitsUplift,
    /// In spend per customer.
    pub spend: SpendUplift,
}

/// The change in visits per customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VisitsUplift {
    /// Exposed less held out.
    pub difference: f64,
    /// The interval's low end.
    pub low: f64,
    /// Its high end.
    pub high: f64,
    /// The difference as a share of the held-out mean; none when that is 0.
    pub relative: Option<f64>,
}

/// The change in spend per customer, in the shop's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SpendUplift {
    /// Exposed less held out, a decimal string.
    pub difference: String,
    /// The interval's low end.
    pub low: String,
    /// Its high end.
    pub high: String,
    /// The difference as a share of the held-out mean (a fraction, four
    /// places); none when that is 0.
    pub relative: Option<String>,
}

/// A group's per-customer figures as they are summed.
#[derive(Debug, Default)]
struct Tally {
    /// Per customer: (visits, spend in minor units).
    each: Vec<(i64, i64)>,
}

impl Tally {
    fn customers(&self) -> i64 {
        i64::try_from(self.each.len()).unwrap_or(i64::MAX)
    }

    /// The mean and the sample variance of one figure; none below two customers.
    fn moments(&self, figure: impl Fn(&(i64, i64)) -> i64) -> Option<(f64, f64)> {
        let n = self.each.len();
        if n < 2 {
            return None;
        }
        let mean = self.each.iter().map(|x| figure(x) as f64).sum::<f64>() / n as f64;
        let squares = self
            .each
            .iter()
            .map(|x| (figure(x) as f64 - mean).powi(2))
            .sum::<f64>();
        Some((mean, squares / (n - 1) as f64))
    }

    fn group(&self, currency: Currency) -> Group {
        let n = self.customers();
        let visits: i64 = self.each.iter().map(|x| x.0).sum();
        let spend: i64 = self.each.iter().map(|x| x.1).sum();
        let money = |minor: i64| Money::new(minor, currency).plain();
        Group {
            customers: n,
            visits,
            spend: money(spend),
            visits_per_customer: (n > 0).then(|| visits as f64 / n as f64),
            spend_per_customer: (n > 0).then(|| money((spend as f64 / n as f64).round() as i64)),
        }
    }
}

/// The difference of the two groups' means of `figure`, its interval and its
/// relative size: (difference, low, high, relative).
fn difference(
    exposed: &Tally,
    held_out: &Tally,
    figure: impl Fn(&(i64, i64)) -> i64 + Copy,
) -> Option<(f64, f64, f64, Option<f64>)> {
    let (me, ve) = exposed.moments(figure)?;
    let (mh, vh) = held_out.moments(figure)?;
    let d = me - mh;
    let half = Z95 * (ve / exposed.each.len() as f64 + vh / held_out.each.len() as f64).sqrt();
    Some((d, d - half, d + half, (mh != 0.0).then(|| d / mh)))
}

/// Each customer's survivor: the record a merged one ended in (a chain is
/// short; the bound only guards against a cycle).
fn survivors(clientele: &Clientele) -> HashMap<CustomerId, CustomerId> {
    let into: HashMap<CustomerId, CustomerId> = clientele
        .clients
        .iter()
        .filter_map(|c| c.merged_into.map(|m| (c.id, m)))
        .collect();
    into.keys()
        .map(|id| {
            let mut at = *id;
            for _ in 0..32 {
                match into.get(&at) {
                    Some(next) => at = *next,
                    None => break,
                }
            }
            (*id, at)
        })
        .collect()
}

/// The offers with a held-out group, measured on `of.as_of`.
pub fn offers_of(of: &OffersOf, clientele: &Clientele) -> OfferResults {
    let currency = of.location.currency;
    let survivor = survivors(clientele);
    let owner = |id: CustomerId| survivor.get(&id).copied().unwrap_or(id);
    // Each survivor's record: its tags and the day it joined.
    let mut joined: HashMap<CustomerId, (Option<NaiveDate>, &[String])> = HashMap::new();
    for c in clientele.clients.iter().filter(|c| c.merged_into.is_none()) {
        let day = c.enrolled.map(|at| of.location.business_date(at));
        joined.insert(c.id, (day, c.tags.as_slice()));
    }
    // A merged group joined when its first record did.
    for c in clientele.clients.iter().filter(|c| c.merged_into.is_some()) {
        let day = c.enrolled.map(|at| of.location.business_date(at));
        if let Some(entry) = joined.get_mut(&owner(c.id)) {
            entry.0 = match (entry.0, day) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    }

    let offers = of
        .offers
        .iter()
        .filter(|o| o.holdout_percent > 0)
        .filter_map(|o| {
            let from = o.period.starts?;
            if from > of.as_of {
                return None;
            }
            let to = o.period.ends.map_or(of.as_of, |e| e.min(of.as_of));
            // Visits and spend in the dates, by survivor.
            let mut came: HashMap<CustomerId, (i64, i64)> = HashMap::new();
            for v in clientele
                .visits
                .iter()
                .filter(|v| v.day >= from && v.day <= to)
            {
                let x = came.entry(owner(v.customer)).or_default();
                x.0 += 1;
                x.1 += v.amount;
            }
            let targeted =
                |tags: &[String]| o.tags.is_empty() || o.tags.iter().any(|t| tags.contains(t));
            let mut exposed = Tally::default();
            let mut held_out = Tally::default();
            let mut place = |id: CustomerId| {
                let figures = came.get(&id).copied().unwrap_or((0, 0));
                if o.holds_out(id) {
                    held_out.each.push(figures);
                } else {
                    exposed.each.push(figures);
                }
            };
            // In the records' order, so the sums come out the same each time.
            for c in clientele.clients.iter().filter(|c| c.merged_into.is_none()) {
                let Some((day, tags)) = joined.get(&c.id) else {
                    continue;
                };
                let eligible = match day {
                    Some(d) => *d <= to,
                    None => came.contains_key(&c.id),
                };
                if eligible && targeted(tags) {
                    place(c.id);
                }
            }
            // Visitors whose enrolment has not arrived yet: no tags known, so
            // only an offer for everyone counts them.
            if o.tags.is_empty() {
                let mut strangers: Vec<CustomerId> = came
                    .keys()
                    .filter(|id| !joined.contains_key(id))
                    .copied()
                    .collect();
                strangers.sort_unstable();
                for id in strangers {
                    place(id);
                }
            }
            let days = (to - from).num_days() + 1;
            let enough_data = exposed.customers() >= of.min_group
                && held_out.customers() >= of.min_group
                && days >= of.min_days;
            let uplift = if enough_data {
                uplift(&exposed, &held_out, currency)
            } else {
                None
            };
            Some(OfferResult {
                offer: o.id.clone(),
                name: o.name.clone(),
                holdout_percent: o.holdout_percent,
                from,
                to,
                days,
                running: o.period.ends.is_none_or(|e| e > of.as_of),
                exposed: exposed.group(currency),
                held_out: held_out.group(currency),
                enough_data,
                uplift,
            })
        })
        .collect();
    OfferResults {
        as_of: of.as_of,
        currency: currency.code().to_string(),
        last_sync: of.last_sync,
        min_group: of.min_group,
        min_days: of.min_days,
        offers,
    }
}

fn uplift(exposed: &Tally, held_out: &Tally, currency: Currency) -> Option<Uplift> {
    let (d, low, high, relative) = difference(exposed, held_out, |x| x.0)?;
    let visits = VisitsUplift {
        difference: d,
        low,
        high,
        relative,
    };
    let (d, low, high, relative) = difference(exposed, held_out, |x| x.1)?;
    let money = |minor: f64| Money::new(minor.round() as i64, currency).plain();
    let spend = SpendUplift {
        difference: money(d),
        low: money(low),
        high: money(high),
        relative: relative.map(|r| format!("{r:.4}")),
    };
    Some(Uplift { visits, spend })
}

impl OfferResults {
    /// The report as tables: the groups (a row per offer and group) and the
    /// uplifts (a row per offer and measure; "not enough data yet" in the
    /// cells without one).
    pub fn tables(&self) -> Vec<Table> {
        let mut groups = Table::new(
            "offers",
            &[
                "offer",
                "offer-from",
                "offer-to",
                "group",
                "group-customers",
                "visits",
                "sales",
                "visits-per-customer",
                "spend-per-customer",
            ],
        );
        let mut uplifts = Table::new(
            "offers-uplift",
            &[
                "offer",
                "measure",
                "uplift",
                "uplift-low",
                "uplift-high",
                "uplift-relative",
            ],
        );
        for o in &self.offers {
            for (group, g) in [("exposed", &o.exposed), ("held-out", &o.held_out)] {
                groups.rows.push(vec![
                    Cell::Name(o.name.clone()),
                    Cell::Date(o.from.to_string()),
                    Cell::Date(o.to.to_string()),
                    Cell::Label(format!("report-offer-group-{group}")),
                    Cell::Count(g.customers),
                    Cell::Count(g.visits),
                    Cell::Money(g.spend.clone()),
                    g.visits_per_customer.map_or_else(
                        || Cell::Label("report-cell-none".into()),
                        |x| Cell::Decimal(format!("{x:.2}")),
                    ),
                    g.spend_per_customer
                        .clone()
                        .map_or_else(|| Cell::Label("report-cell-none".into()), Cell::Money),
                ]);
            }
            let name = || Cell::Name(o.name.clone());
            let measure = |m: &str| Cell::Label(format!("report-measure-{m}"));
            match &o.uplift {
                Some(u) => {
                    let decimal = |x: f64| Cell::Decimal(format!("{x:.2}"));
                    uplifts.rows.push(vec![
                        name(),
                        measure("visits-per-customer"),
                        decimal(u.visits.difference),
                        decimal(u.visits.low),
                        decimal(u.visits.high),
                        fraction(u.visits.relative, "report-cell-none"),
                    ]);
                    uplifts.rows.push(vec![
                        name(),
                        measure("spend-per-customer"),
                        Cell::Money(u.spend.difference.clone()),
                        Cell::Money(u.spend.low.clone()),
                        Cell::Money(u.spend.high.clone()),
                        u.spend
                            .relative
                            .clone()
                            .map_or_else(|| Cell::Label("report-cell-none".into()), Cell::Fraction),
                    ]);
                }
                None => {
                    for m in ["visits-per-customer", "spend-per-customer"] {
                        let mut row = vec![name(), measure(m)];
                        row.extend(
                            (0..4).map(|_| Cell::Label("report-cell-not-enough-data".into())),
                        );
                        uplifts.rows.push(row);
                    }
                }
            }
        }
        vec![groups, uplifts]
    }
}
