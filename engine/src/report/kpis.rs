//! KPIs over a period of business days, each beside the same KPI for the
//! period of the same length just before, with its definition (a catalogue
//! id, `kpi-<id>-definition`; `docs/reports.md` says the same). A pure
//! function of the activity it is handed (`Store::activity_between`, read
//! from the projections): visits that stand, points, stamps and cashback
//! issued and redeemed, the rewards redeemed, enrolments, with merged-away
//! customers counted as the customer they were merged into.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::ledger::{Account, CustomerId};
use crate::location::Location;
use crate::money::Money;
use crate::program::{Name, Program};
use crate::store::Activity;

use super::table::{Cell, Table};

/// Business days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Period {
    /// The first business day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub from: NaiveDate,
    /// The last business day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub to: NaiveDate,
}

impl Period {
    /// Its length in days.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period of the same length that ends the day before this one starts.
    pub fn previous(&self) -> Period {
        let days = Duration::days(self.days());
        Period {
            from: self.from - days,
            to: self.to - days,
        }
    }

    fn holds(&self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }
}

/// What a KPI's value measures, for the screens to write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum KpiUnit {
    /// A share, 0 to 1 (shown as a percentage).
    Fraction,
    /// A number of something per something (visits per customer).
    Ratio,
    /// An amount of the shop's currency (a decimal string).
    Money,
}

/// A KPI's value: a number, or an amount as a decimal string.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum KpiValue {
    /// A fraction or a ratio.
    Number(f64),
    /// An amount (`unit` is `money`).
    Money(String),
}

/// One KPI of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Kpi {
    /// Its stable id (`repeat_customer_rate`, `retention`, …).
    pub id: String,
    /// What the value measures.
    pub unit: KpiUnit,
    /// This period's value (null where it cannot be computed: nothing to divide by).
    pub value: Option<KpiValue>,
    /// The previous period's value.
    pub previous: Option<KpiValue>,
    /// The catalogue id of its definition in words.
    pub definition: String,
    /// Why it has no value, where that is more than "nothing to divide by"
    /// (a catalogue id: breakage in a program whose points never expire, or
    /// still being counted).
    pub why: Option<String>,
}

/// One business day of the period, for the charts of a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DayLine {
    /// The business day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub day: NaiveDate,
    /// Visits that stand.
    pub visits: i64,
    /// Their sales, a decimal string.
    pub sales: String,
    /// Points issued (visits and welcome offers).
    pub points_issued: i64,
    /// Points redeemed (rewards and donations).
    pub points_redeemed: i64,
    /// New members.
    pub enrolments: i64,
}

/// How often one reward was redeemed in the period and in the one before.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RewardPopularity {
    /// The reward's id in the program.
    pub reward: String,
    /// Its name in the program published now (none: no longer in it).
    pub name: Option<Name>,
    /// Its redemptions that stand in the period.
    pub count: i64,
    /// In the period before.
    pub previous: i64,
    /// Its share of the period's redemptions of every reward (none: nothing
    /// was redeemed).
    pub share: Option<f64>,
}

/// KPIs of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Kpis {
    /// The period.
    pub period: Period,
    /// The period before it, of the same length.
    pub previous: Period,
    /// The shop's currency.
    pub currency: String,
    /// The KPIs, in a fixed order.
    pub kpis: Vec<Kpi>,
    /// Each business day of the period (days without activity too), oldest first.
    pub days: Vec<DayLine>,
    /// Reward popularity: each reward of the program (and any other
    /// redeemed in the two periods), most redeemed first ([`rewards_of`];
    /// asked on its own by the screens, empty in `Commands::kpi_figures`).
    pub rewards: Vec<RewardPopularity>,
    /// The program's goals and how each is going as of the current business
    /// day, whatever the period (`super::goals`).
    pub goals: Vec<super::goals::GoalProgress>,
    /// Monthly cohort retention as of the current business day, whatever
    /// the period (`super::cohorts`).
    pub cohorts: Vec<super::cohorts::Cohort>,
}

/// What one period's events add up to.
#[derive(Debug, Default)]
struct Tally {
    visits: i64,
    sales: i64,
    /// Standing visits by customer (merged-away customers as their survivor).
    by_customer: HashMap<CustomerId, i64>,
    /// Their sales by customer, likewise.
    sales_by_customer: HashMap<CustomerId, i64>,
    enrolled: HashSet<CustomerId>,
    points_issued: i64,
    points_redeemed: i64,
    /// The menu value, in minor units, of the points, stamps and cashback
    /// issued and redeemed (balances whose menu value is known).
    value_issued: f64,
    value_redeemed: f64,
}

impl Tally {
    fn active(&self) -> HashSet<CustomerId> {
        self.by_customer.keys().copied().collect()
    }

    fn served(&self) -> usize {
        self.active().union(&self.enrolled).count()
    }
}

/// A share, or none when there is nothing to divide by.
fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The longest a customer is expected to stay, in days: five years. With
/// every customer retained the geometric estimate has no end.
const LONGEST_STAY_DAYS: f64 = 5.0 * 365.0;

/// The days the KPIs of `period` read: it, the period before it, and the one
/// before that (for the previous period's retention).
pub fn span_of(period: Period) -> Period {
    Period {
        from: period.previous().previous().from,
        to: period.to,
    }
}

/// The KPIs of `period` and of the period before it, from the `activity` of
/// [`span_of`] it (what falls outside is left out), with `merged` each
/// merged-away customer's survivor.
pub fn kpis_of(
    period: Period,
    location: &Location,
    program: Option<&Program>,
    activity: &Activity,
    merged: &HashMap<CustomerId, CustomerId>,
) -> Kpis {
    let enrolled: Vec<(CustomerId, NaiveDate)> = activity
        .enrolments
        .iter()
        .map(|(customer, at)| (*customer, location.business_date(*at)))
        .collect();
    kpis_over(
        period,
        location.currency,
        &Read {
            visits: &activity.visits,
            balances: &activity.balances,
            enrolled: &enrolled,
            lifetime: &activity.lifetime,
            program,
        },
        merged,
    )
}

/// What the KPIs of a period read, enrolments already put in business days
/// (so KPIs read many times over one activity, a goal's readings, put them
/// there once, and hand each reading only the days it covers).
pub(crate) struct Read<'a> {
    /// The visits that stand.
    pub visits: &'a [crate::store::VisitRow],
    /// The points, stamps and cashback of each day with any.
    pub balances: &'a [crate::store::BalanceFlow],
    /// Who joined, on which business day.
    pub enrolled: &'a [(CustomerId, NaiveDate)],
    /// Each customer's spend since joining by the end of the activity's last day.
    pub lifetime: &'a HashMap<CustomerId, i64>,
    /// The program published now: what a balance's units are worth on the
    /// menu, the rewards' names.
    pub program: Option<&'a Program>,
}

/// What one unit of each balance is worth at the rewards' menu prices, in
/// minor units, for the balances whose worth is known
/// (`super::liability::menu_worth`).
fn menu_worths(
    balances: &[crate::store::BalanceFlow],
    program: Option<&Program>,
) -> HashMap<String, f64> {
    let accounts: HashSet<&str> = balances.iter().map(|b| b.account.as_str()).collect();
    accounts
        .into_iter()
        .filter_map(|text| {
            let account: Account = text.parse().ok()?;
            super::liability::menu_worth(&account, program).map(|w| (text.to_string(), w))
        })
        .collect()
}

/// The KPIs of `period` and of the period before it from `read` (what falls
/// outside [`span_of`] it is left out).
pub(crate) fn kpis_over(
    period: Period,
    currency: crate::money::Currency,
    activity: &Read<'_>,
    merged: &HashMap<CustomerId, CustomerId>,
) -> Kpis {
    let previous = period.previous();
    let before = previous.previous();
    let periods = [before, previous, period];
    let mut tallies: [Tally; 3] = Default::default();
    // (visits, sales, points issued, points redeemed, enrolments) by day of the period.
    let mut daily: std::collections::BTreeMap<NaiveDate, [i64; 5]> = period
        .from
        .iter_days()
        .take_while(|d| *d <= period.to)
        .map(|d| (d, [0; 5]))
        .collect();
    let survivor = |c: &CustomerId| super::survivor(merged, c);
    let slot = |day: NaiveDate| periods.iter().position(|p| p.holds(day));
    for v in activity.visits {
        let Some(i) = slot(v.day) else { continue };
        let t = &mut tallies[i];
        t.visits += 1;
        t.sales += v.amount;
        *t.by_customer.entry(survivor(&v.customer)).or_default() += 1;
        *t.sales_by_customer
            .entry(survivor(&v.customer))
            .or_default() += v.amount;
        if let Some(line) = daily.get_mut(&v.day) {
            line[0] += 1;
            line[1] += v.amount;
        }
    }
    let worths = menu_worths(activity.balances, activity.program);
    for b in activity.balances {
        let Some(i) = slot(b.day) else { continue };
        let t = &mut tallies[i];
        if let Some(worth) = worths.get(&b.account) {
            t.value_issued += b.issued as f64 * worth;
            t.value_redeemed += b.redeemed as f64 * worth;
        }
        if b.account != "points" {
            continue;
        }
        t.points_issued += b.issued;
        t.points_redeemed += b.redeemed;
        if let Some(line) = daily.get_mut(&b.day) {
            line[2] += b.issued;
            line[3] += b.redeemed;
        }
    }
    for &(customer, day) in activity.enrolled {
        let customer = &customer;
        let Some(i) = slot(day) else { continue };
        tallies[i].enrolled.insert(survivor(customer));
        if let Some(line) = daily.get_mut(&day) {
            line[4] += 1;
        }
    }
    let money = |minor: i64| KpiValue::Money(Money::new(minor, currency).plain());
    let number = KpiValue::Number;
    let empty = HashMap::new();
    // Each KPI of one period (`i` 1 or 2), with the period before it at `i - 1`.
    let of = |i: usize, id: &str| -> Option<KpiValue> {
        let t = &tallies[i];
        let active = t.by_customer.len();
        let visits = usize::try_from(t.visits).unwrap_or(0);
        let retention = || {
            let earlier = tallies[i - 1].active();
            share(
                earlier
                    .iter()
                    .filter(|c| t.by_customer.contains_key(c))
                    .count(),
                earlier.len(),
            )
        };
        let average_check =
            (t.visits > 0).then(|| (2 * t.sales + t.visits).div_euclid(2 * t.visits));
        match id {
            "repeat_customer_rate" => {
                share(t.by_customer.values().filter(|v| **v >= 2).count(), active).map(number)
            }
            "retention" => retention().map(number),
            "visit_frequency" => share(visits, active).map(number),
            "average_check" => average_check.map(money),
            "redemption_rate" => (t.points_issued > 0)
                .then(|| t.points_redeemed as f64 / t.points_issued as f64)
                .map(number),
            "redemption_value" => (t.value_issued > 0.0)
                .then(|| t.value_redeemed / t.value_issued)
                .map(number),
            "enrolment_rate" => share(t.enrolled.len(), t.served()).map(number),
            "clv_historical" => {
                // What each customer of the period had spent since joining by
                // its last day: the lifetime spend at the end of the span,
                // less what they spent in the periods after this one.
                let later: &HashMap<CustomerId, i64> = match tallies.get(i + 1) {
                    Some(next) => &next.sales_by_customer,
                    None => &empty,
                };
                let customers = i64::try_from(active).ok().filter(|n| *n > 0)?;
                let total: i64 = t
                    .by_customer
                    .keys()
                    .map(|c| {
                        let now = activity.lifetime.get(c).copied().unwrap_or(0);
                        (now - later.get(c).copied().unwrap_or(0)).max(0)
                    })
                    .sum();
                Some(money((2 * total + customers).div_euclid(2 * customers)))
            }
            "clv_predicted" => {
                // Average check × visits per customer per period × the periods
                // a customer is expected to stay: 1 / (1 − retention), a
                // geometric estimate, at most five years.
                let check = average_check?;
                let frequency = share(visits, active)?;
                let retained = retention()?;
                let longest = LONGEST_STAY_DAYS / periods[i].days() as f64;
                let stays = if retained >= 1.0 {
                    longest
                } else {
                    (1.0 / (1.0 - retained)).min(longest)
                };
                let minor = (check as f64 * frequency * stays).round();
                Some(money(minor as i64))
            }
            _ => None,
        }
    };
    let units = [
        ("repeat_customer_rate", KpiUnit::Fraction),
        ("retention", KpiUnit::Fraction),
        ("visit_frequency", KpiUnit::Ratio),
        ("average_check", KpiUnit::Money),
        ("redemption_rate", KpiUnit::Fraction),
        ("redemption_value", KpiUnit::Fraction),
        ("enrolment_rate", KpiUnit::Fraction),
        ("clv_historical", KpiUnit::Money),
        ("clv_predicted", KpiUnit::Money),
    ];
    Kpis {
        period,
        previous,
        currency: currency.code().to_string(),
        kpis: units
            .iter()
            .map(|(id, unit)| Kpi {
                id: (*id).to_string(),
                unit: *unit,
                value: of(2, id),
                previous: of(1, id),
                definition: format!("kpi-{}-definition", id.replace('_', "-")),
                why: None,
            })
            .collect(),
        days: daily
            .into_iter()
            .map(
                |(day, [visits, sales, issued, redeemed, enrolments])| DayLine {
                    day,
                    visits,
                    sales: Money::new(sales, currency).plain(),
                    points_issued: issued,
                    points_redeemed: redeemed,
                    enrolments,
                },
            )
            .collect(),
        rewards: Vec::new(),
        goals: Vec::new(),
        cohorts: Vec::new(),
    }
}

/// Reward popularity in `period` beside the period before, from the
/// `redemptions` of both (what falls outside is left out), with the names
/// of the `program` published now.
pub fn rewards_of(
    period: Period,
    redemptions: &[crate::store::RedemptionDay],
    program: Option<&Program>,
) -> Vec<RewardPopularity> {
    let previous = period.previous();
    let mut now: HashMap<String, i64> = HashMap::new();
    let mut before: HashMap<String, i64> = HashMap::new();
    for r in redemptions {
        let counts = if period.holds(r.day) {
            &mut now
        } else if previous.holds(r.day) {
            &mut before
        } else {
            continue;
        };
        *counts.entry(r.reward.clone()).or_default() += r.count;
    }
    popularity(&now, &before, program)
}

/// Each reward's redemptions in the period (`now`) and the one before, with
/// its share of the period's: the program's rewards (those never redeemed
/// too) and any other redeemed in either period, most redeemed first.
fn popularity(
    now: &HashMap<String, i64>,
    before: &HashMap<String, i64>,
    program: Option<&Program>,
) -> Vec<RewardPopularity> {
    let names: HashMap<&str, &Name> = program
        .map(|p| p.rewards.iter().map(|r| (r.id.as_str(), &r.name)).collect())
        .unwrap_or_default();
    let mut ids: Vec<&str> = program
        .map(|p| p.rewards.iter().map(|r| r.id.as_str()).collect())
        .unwrap_or_default();
    for id in now.keys().chain(before.keys()) {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    let total: i64 = now.values().sum();
    let mut lines: Vec<RewardPopularity> = ids
        .into_iter()
        .map(|id| {
            let count = now.get(id).copied().unwrap_or(0);
            RewardPopularity {
                reward: id.to_string(),
                name: names.get(id).map(|n| (*n).clone()),
                count,
                previous: before.get(id).copied().unwrap_or(0),
                share: (total > 0).then(|| count as f64 / total as f64),
            }
        })
        .collect();
    // Most redeemed first; a tie by the period before, then as the program lists them.
    lines.sort_by_key(|l| (std::cmp::Reverse(l.count), std::cmp::Reverse(l.previous)));
    lines
}

impl Kpis {
    /// A KPI's value as a cell: a share, a ratio, an amount, or the words
    /// for none.
    pub(crate) fn cell(unit: KpiUnit, value: &Option<KpiValue>) -> Cell {
        match (unit, value) {
            (KpiUnit::Fraction, Some(KpiValue::Number(x))) => Cell::Fraction(format!("{x:.4}")),
            (_, Some(KpiValue::Number(x))) => Cell::Decimal(format!("{x:.2}")),
            (_, Some(KpiValue::Money(m))) => Cell::Money(m.clone()),
            (_, None) => Cell::Label("report-kpis-nothing".into()),
        }
    }

    /// The KPIs as tables: each KPI beside the previous period's with its
    /// definition, the period's days (what the charts draw), reward
    /// popularity, the goals with their readings, and the monthly cohorts.
    pub fn tables(&self) -> Vec<Table> {
        let mut kpis = Table::new("kpis", &["kpi", "value", "previous", "definition"]);
        kpis.rows = self
            .kpis
            .iter()
            .map(|k| {
                vec![
                    Cell::Label(format!("kpi-{}", k.id.replace('_', "-"))),
                    match (&k.value, &k.why) {
                        (None, Some(why)) => Cell::Label(why.clone()),
                        _ => Self::cell(k.unit, &k.value),
                    },
                    Self::cell(k.unit, &k.previous),
                    Cell::Label(k.definition.clone()),
                ]
            })
            .collect();
        let mut days = Table::new(
            "kpis-by-day",
            &[
                "day",
                "visits",
                "sales",
                "points-issued",
                "points-redeemed",
                "enrolments",
            ],
        );
        days.rows = self
            .days
            .iter()
            .map(|d| {
                vec![
                    Cell::Date(d.day.to_string()),
                    Cell::Count(d.visits),
                    Cell::Money(d.sales.clone()),
                    Cell::Count(d.points_issued),
                    Cell::Count(d.points_redeemed),
                    Cell::Count(d.enrolments),
                ]
            })
            .collect();
        let mut rewards = Table::new("kpis-rewards", &["reward", "count", "previous", "share"]);
        rewards.rows = self
            .rewards
            .iter()
            .map(|r| {
                vec![
                    super::table::reward_cell(&r.name, &r.reward),
                    Cell::Count(r.count),
                    Cell::Count(r.previous),
                    super::table::fraction(r.share, "report-kpis-nothing"),
                ]
            })
            .collect();
        let mut tables = vec![kpis, days, rewards];
        tables.extend(super::goals::goal_tables(&self.goals));
        tables.push(super::cohorts::cohort_table(&self.cohorts));
        tables
    }
}
