//! The daily close: what one business day held, for the manager after close.
//! A business day runs from the location's start hour to the next day's, in
//! its own time zone (23 or 25 hours across a daylight-saving change). An
//! event belongs to the business day of the moment its till recorded it (the
//! device's clock, as the design says: shown, never ordered by). A voided
//! visit or redemption counts nowhere but in `voids`.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use serde::Serialize;

use crate::ledger::{Account, CustomerId, Delta, Event, EventBody, EventId};
use crate::location::Location;
use crate::money::Money;
use crate::program::{Name, UnusualRules};
use crate::staff::Roster;

/// What the close lists as unusual, and from when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseSettings {
    /// A customer with more loyalty actions than this in the day is listed.
    pub max_actions_per_customer: usize,
    /// A staff member who redeemed for a customer they enrolled themselves
    /// more than this many times in [`CloseSettings::own_window_days`]
    /// (one of them on the day) is listed.
    pub max_own_redemptions: usize,
    /// The business days, up to and including the day, those redemptions
    /// are counted over.
    pub own_window_days: i64,
    /// A staff member whose share of the points the day's visits issued is
    /// more than this many percent of their share of its visits is listed…
    pub max_points_share_percent: i64,
    /// … when they issued at least this many points (fewer say nothing),
    /// and someone else recorded visits that day too.
    pub min_points_for_share: i64,
}

impl From<UnusualRules> for CloseSettings {
    fn from(rules: UnusualRules) -> Self {
        let count = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        CloseSettings {
            max_actions_per_customer: count(rules.actions_per_customer),
            max_own_redemptions: count(rules.own_customer_redemptions),
            own_window_days: i64::from(rules.own_customer_days),
            max_points_share_percent: i64::from(rules.points_share_percent),
            min_points_for_share: i64::from(rules.points_share_minimum),
        }
    }
}

/// The program's defaults (`[unusual]` not written).
impl Default for CloseSettings {
    fn default() -> Self {
        UnusualRules::default().into()
    }
}

/// What the staff rules of the unusual activity read besides the day's
/// events.
#[derive(Debug, Clone, Copy)]
pub struct StaffHistory<'a> {
    /// The redemptions that stand from the window's first business day up
    /// to the day (not included): who made each (a staff id) and for whom.
    pub earlier_redemptions: &'a [(String, CustomerId)],
    /// Who enrolled each customer redeemed for in the window (a staff id;
    /// a customer enrolled with nobody signed in is not in it).
    pub enrolled_by: &'a HashMap<CustomerId, String>,
}

/// A staff member who keeps redeeming for a customer they enrolled
/// themselves: listed, with the count that put them there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OwnCustomerRedemptions {
    /// The staff member (their id).
    pub staff: String,
    /// Their name.
    pub name: Option<String>,
    /// The customer they enrolled.
    pub customer: CustomerId,
    /// The customer's name (null when they have none, or were erased).
    pub customer_name: Option<String>,
    /// Their redemptions for the customer over the window, the day's included.
    pub redemptions: usize,
    /// Of them, on the day.
    pub on_the_day: usize,
    /// The window, in business days.
    pub days: i64,
    /// The most the settings let pass.
    pub limit: usize,
}

/// A staff member whose visits issued far more of the day's points than
/// their share of its visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PointsAboveVisits {
    /// The staff member (their id).
    pub staff: String,
    /// Their name.
    pub name: Option<String>,
    /// The points their visits issued.
    pub points_issued: i64,
    /// The points all the day's visits issued.
    pub points_total: i64,
    /// The visits they recorded.
    pub visits: i64,
    /// The day's visits.
    pub visits_total: i64,
    /// The most their points' share may be, in percent of their visits' share.
    pub limit_percent: i64,
}

/// Issued and redeemed amounts of one balance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Balances {
    /// Given by visits and enrolments (welcome offers) that stand.
    pub issued: i64,
    /// Taken by redemptions and donations that stand (stamps: turned into rewards).
    pub redeemed: i64,
}

/// Cashback given and spent, in the shop's currency (decimal strings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CashbackFlow {
    /// Given by visits and milestones.
    pub issued: String,
    /// Spent at the till.
    pub spent: String,
}

/// How often one reward was redeemed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RewardCount {
    /// The reward's id in the program.
    pub reward: String,
    /// Its name in the program published now (null: no longer in it).
    pub name: Option<Name>,
    /// Redemptions that stand.
    pub count: i64,
}

/// One local hour of the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HourLine {
    /// The local hour, 0 to 23.
    pub hour: u32,
    /// Visits that stand.
    pub visits: i64,
    /// Their sales, a decimal string.
    pub sales: String,
}

/// One staff member's day (`staff` is null for actions with nobody signed in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaffLine {
    /// The staff member's id.
    pub staff: Option<String>,
    /// Their name, as the roster knows it.
    pub name: Option<String>,
    /// Visits recorded.
    pub visits: i64,
    /// Their sales, a decimal string.
    pub sales: String,
    /// Points the visits they recorded gave.
    pub points_issued: i64,
    /// Redemptions they made.
    pub redeemed: i64,
}

/// A void recorded on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VoidLine {
    /// The void.
    pub event: EventId,
    /// The event it undid.
    pub target: EventId,
    /// The customer.
    pub customer: CustomerId,
    /// Their name (null when they have none, or were erased).
    pub name: Option<String>,
    /// Who voided it (a name; null with nobody signed in).
    pub by: Option<String>,
    /// Why.
    pub reason: String,
    /// When, by the till's clock.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub at: DateTime<Utc>,
    /// The same in the location's local time, `HH:MM`, as the close shows it.
    pub local_time: String,
}

/// A manager's adjustment recorded on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Adjustment {
    /// The adjustment.
    pub event: EventId,
    /// The customer.
    pub customer: CustomerId,
    /// Their name (null when they have none, or were erased).
    pub name: Option<String>,
    /// The account (`points`, `stamps:coffee`, `cashback`, `voucher:…`).
    pub account: String,
    /// The change (cashback in minor units).
    pub amount: i64,
    /// Who made it.
    pub by: Option<String>,
    /// Why.
    pub reason: String,
    /// When, by the till's clock.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub at: DateTime<Utc>,
    /// The same in the location's local time, `HH:MM`, as the close shows it.
    pub local_time: String,
}

/// Something a manager should look at, and why it is listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Unusual {
    /// The customer.
    pub customer: CustomerId,
    /// Their name (null when they have none, or were erased).
    pub name: Option<String>,
    /// Their loyalty actions that day (visits, redemptions, adjustments, donations).
    pub actions: usize,
    /// The most the settings let pass.
    pub limit: usize,
}

/// The daily close of one business day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DailyClose {
    /// The business day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub business_day: NaiveDate,
    /// Its first instant (UTC).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub from: DateTime<Utc>,
    /// The next business day's first instant (UTC).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub until: DateTime<Utc>,
    /// Its length in hours: 24, or 23 and 25 across a daylight-saving change.
    pub hours: i64,
    /// The local hour it starts at (a chart of its hours starts there).
    pub day_starts_at: u32,
    /// The shop's currency, in which every amount is written.
    pub currency: String,
    /// Visits that stand.
    pub visits: i64,
    /// Distinct members who visited or redeemed.
    pub customers: i64,
    /// Customers enrolled.
    pub enrolments: i64,
    /// Member sales: the visits' amounts, a decimal string.
    pub sales: String,
    /// Sales ÷ visits, rounded to the nearest minor unit ("0.00" without visits).
    pub average_check: String,
    /// Points issued and redeemed.
    pub points: Balances,
    /// Stamps issued and turned into rewards.
    pub stamps: Balances,
    /// Cashback issued and spent.
    pub cashback: CashbackFlow,
    /// Rewards redeemed, by reward (most first).
    pub rewards: Vec<RewardCount>,
    /// Visits and sales by local hour (hours with visits only).
    pub by_hour: Vec<HourLine>,
    /// Each staff member's visits, sales, points issued and redemptions.
    pub by_staff: Vec<StaffLine>,
    /// Voids recorded on the day.
    pub voids: Vec<VoidLine>,
    /// Adjustments recorded on the day.
    pub adjustments: Vec<Adjustment>,
    /// Redemptions the server found overdrawn (two offline tills spent the
    /// same balance), flagged on the day.
    pub conflicts: Vec<EventId>,
    /// What a manager should look at: customers with many loyalty actions.
    pub unusual: Vec<Unusual>,
    /// Staff members who redeem again and again for customers they enrolled.
    pub unusual_own_customers: Vec<OwnCustomerRedemptions>,
    /// Staff members whose visits issued far more points than their share of visits.
    pub unusual_points: Vec<PointsAboveVisits>,
    /// When this till last synced: the close holds every till's events up to then.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_sync: Option<DateTime<Utc>>,
}

/// Sums of positive and negative deltas on one kind of account.
fn sums(deltas: &[Delta], kind: impl Fn(&Account) -> bool) -> (i64, i64) {
    deltas
        .iter()
        .filter(|d| kind(&d.account))
        .fold((0, 0), |(plus, minus), d| match d.amount > 0 {
            true => (plus + d.amount, minus),
            false => (plus, minus - d.amount),
        })
}

fn is_points(a: &Account) -> bool {
    *a == Account::Points
}

fn is_stamps(a: &Account) -> bool {
    matches!(a, Account::Stamps(_))
}

fn is_cashback(a: &Account) -> bool {
    *a == Account::Cashback
}

/// What a report knows of the shop besides its events.
#[derive(Debug, Clone, Copy)]
pub struct Shop<'a> {
    /// Its location: the time zone and the hour its business day starts.
    pub location: &'a Location,
    /// Everyone who was ever on its staff, for names.
    pub roster: &'a Roster,
    /// When this till last synced.
    pub last_sync: Option<DateTime<Utc>>,
    /// The names of the customers the events name (none for the erased).
    pub customers: &'a HashMap<CustomerId, String>,
    /// The names of the rewards, by id, in the program published now.
    pub rewards: &'a HashMap<String, Name>,
    /// What the staff rules read besides the day's events.
    pub staff_history: StaffHistory<'a>,
}

/// The close of `day` from `events` (any events; those of other days are left
/// out), with `voided` the events undone since (on any day).
pub fn close_of(
    day: NaiveDate,
    shop: Shop<'_>,
    events: &[Event],
    voided: &HashSet<EventId>,
    settings: CloseSettings,
) -> DailyClose {
    let Shop {
        location,
        roster,
        last_sync,
        customers: names,
        rewards: reward_names,
        staff_history,
    } = shop;
    let customer_name = |c: &CustomerId| names.get(c).cloned();
    let currency = location.currency;
    let from = location.business_day_start(day);
    let until = location.business_day_start(day.succ_opt().unwrap_or(day));
    let money = |minor: i64| Money::new(minor, currency).plain();
    let name_of = |staff: &Option<String>| -> Option<String> {
        let id = staff.as_deref()?.parse().ok()?;
        roster.get(id).map(|m| m.name.clone())
    };
    let mut visits = 0i64;
    let mut sales = 0i64;
    let mut enrolments = 0i64;
    let mut customers: HashSet<CustomerId> = HashSet::new();
    let mut points = Balances::default();
    let mut stamps = Balances::default();
    let (mut cashback_issued, mut cashback_spent) = (0i64, 0i64);
    let mut rewards: BTreeMap<String, i64> = BTreeMap::new();
    let mut hours: BTreeMap<u32, (i64, i64)> = BTreeMap::new();
    let mut staff: BTreeMap<Option<String>, (i64, i64, i64, i64)> = BTreeMap::new();
    let local_time = |t: DateTime<Utc>| location.local(t).format("%H:%M").to_string();
    let mut voids = Vec::new();
    let mut adjustments = Vec::new();
    let mut conflicts = Vec::new();
    let mut actions: BTreeMap<CustomerId, usize> = BTreeMap::new();
    // The day's standing redemptions by someone, for the staff rules.
    let mut redeemed_by: Vec<(String, CustomerId)> = Vec::new();
    for e in events
        .iter()
        .filter(|e| location.business_date(e.device_time) == day)
    {
        let stands = !voided.contains(&e.id);
        match &e.body {
            EventBody::Enrolled { deltas, .. } => {
                enrolments += 1;
                let (p, _) = sums(deltas, is_points);
                points.issued += p;
            }
            EventBody::Visit {
                customer,
                amount,
                deltas,
                ..
            } if stands => {
                visits += 1;
                sales += amount;
                customers.insert(*customer);
                *actions.entry(*customer).or_default() += 1;
                let (p, _) = sums(deltas, is_points);
                let (s_in, s_out) = sums(deltas, is_stamps);
                let (c_in, _) = sums(deltas, is_cashback);
                points.issued += p;
                stamps.issued += s_in;
                stamps.redeemed += s_out;
                cashback_issued += c_in;
                let hour = hours
                    .entry(location.local(e.device_time).hour())
                    .or_default();
                hour.0 += 1;
                hour.1 += amount;
                let line = staff.entry(e.staff.clone()).or_default();
                line.0 += 1;
                line.1 += amount;
                line.2 += p;
            }
            EventBody::Redeemed {
                customer,
                reward,
                deltas,
                ..
            } if stands => {
                customers.insert(*customer);
                *actions.entry(*customer).or_default() += 1;
                let (_, p) = sums(deltas, is_points);
                let (_, c) = sums(deltas, is_cashback);
                points.redeemed += p;
                cashback_spent += c;
                if reward != "cashback" {
                    *rewards.entry(reward.clone()).or_default() += 1;
                }
                staff.entry(e.staff.clone()).or_default().3 += 1;
                if let Some(by) = &e.staff {
                    redeemed_by.push((by.clone(), *customer));
                }
            }
            EventBody::Donated {
                customer, deltas, ..
            } if stands => {
                *actions.entry(*customer).or_default() += 1;
                points.redeemed += sums(deltas, is_points).1;
            }
            EventBody::Voided {
                target,
                customer,
                reason,
                ..
            } => voids.push(VoidLine {
                event: e.id,
                target: *target,
                customer: *customer,
                name: customer_name(customer),
                by: name_of(&e.staff),
                reason: reason.clone(),
                at: e.device_time,
                local_time: local_time(e.device_time),
            }),
            EventBody::Adjusted {
                customer,
                reason,
                deltas,
            } => {
                *actions.entry(*customer).or_default() += 1;
                for d in deltas {
                    adjustments.push(Adjustment {
                        event: e.id,
                        customer: *customer,
                        name: customer_name(customer),
                        account: d.account.to_string(),
                        amount: d.amount,
                        by: name_of(&e.staff),
                        reason: reason.clone(),
                        at: e.device_time,
                        local_time: local_time(e.device_time),
                    });
                }
            }
            EventBody::Overdrawn { redemption, .. } => conflicts.push(*redemption),
            _ => {}
        }
    }
    let mut rewards: Vec<RewardCount> = rewards
        .into_iter()
        .map(|(reward, count)| RewardCount {
            name: reward_names.get(&reward).cloned(),
            reward,
            count,
        })
        .collect();
    rewards.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.reward.cmp(&b.reward)));
    let average_check = match visits {
        0 => 0,
        n => (2 * sales + n).div_euclid(2 * n),
    };
    let unusual_own_customers = own_customer_redemptions(
        &redeemed_by,
        staff_history,
        settings,
        |id| name_of(&Some(id.to_string())),
        customer_name,
    );
    let unusual_points = points_above_visits(&staff, settings, |id| name_of(&Some(id.to_string())));
    DailyClose {
        business_day: day,
        from,
        until,
        hours: (until - from).num_hours(),
        day_starts_at: location.day_starts_at_hour,
        currency: currency.code().to_string(),
        visits,
        customers: i64::try_from(customers.len()).unwrap_or(i64::MAX),
        enrolments,
        sales: money(sales),
        average_check: money(average_check),
        points,
        stamps,
        cashback: CashbackFlow {
            issued: money(cashback_issued),
            spent: money(cashback_spent),
        },
        rewards,
        by_hour: hours
            .into_iter()
            .map(|(hour, (visits, sales))| HourLine {
                hour,
                visits,
                sales: money(sales),
            })
            .collect(),
        by_staff: staff
            .into_iter()
            .map(|(id, (visits, sales, points_issued, redeemed))| StaffLine {
                name: name_of(&id),
                staff: id,
                visits,
                sales: money(sales),
                points_issued,
                redeemed,
            })
            .collect(),
        voids,
        adjustments,
        conflicts,
        unusual: actions
            .into_iter()
            .filter(|(_, n)| *n > settings.max_actions_per_customer)
            .map(|(customer, actions)| Unusual {
                name: customer_name(&customer),
                customer,
                actions,
                limit: settings.max_actions_per_customer,
            })
            .collect(),
        unusual_own_customers,
        unusual_points,
        last_sync,
    }
}

/// Each staff member and customer they enrolled for whom they redeemed
/// more than the settings let pass over the window, one of the redemptions
/// on the day (`today`), most first.
fn own_customer_redemptions(
    today: &[(String, CustomerId)],
    history: StaffHistory<'_>,
    settings: CloseSettings,
    staff_name: impl Fn(&str) -> Option<String>,
    customer_name: impl Fn(&CustomerId) -> Option<String>,
) -> Vec<OwnCustomerRedemptions> {
    let own = |(by, customer): &&(String, CustomerId)| {
        history.enrolled_by.get(customer).is_some_and(|e| e == by)
    };
    let mut counts: BTreeMap<(String, CustomerId), (usize, usize)> = BTreeMap::new();
    for pair in today.iter().filter(own) {
        let c = counts.entry(pair.clone()).or_default();
        c.0 += 1;
        c.1 += 1;
    }
    for pair in history.earlier_redemptions.iter().filter(own) {
        // Only pairs the day saw: a staff member is listed on a day they did it.
        if let Some(c) = counts.get_mut(pair) {
            c.0 += 1;
        }
    }
    let mut listed: Vec<OwnCustomerRedemptions> = counts
        .into_iter()
        .filter(|(_, (all, _))| *all > settings.max_own_redemptions)
        .map(
            |((staff, customer), (redemptions, on_the_day))| OwnCustomerRedemptions {
                name: staff_name(&staff),
                staff,
                customer,
                customer_name: customer_name(&customer),
                redemptions,
                on_the_day,
                days: settings.own_window_days,
                limit: settings.max_own_redemptions,
            },
        )
        .collect();
    listed.sort_by_key(|o| std::cmp::Reverse(o.redemptions));
    listed
}

/// Each staff member whose visits issued more of the day's points than the
/// settings let pass for their share of its visits: `points ÷ all points >
/// limit % × visits ÷ all visits`, in whole numbers. Only when they issued
/// enough points to judge, and someone else recorded visits too (alone at
/// the till, every share is 100 %).
fn points_above_visits(
    staff: &BTreeMap<Option<String>, (i64, i64, i64, i64)>,
    settings: CloseSettings,
    staff_name: impl Fn(&str) -> Option<String>,
) -> Vec<PointsAboveVisits> {
    let visits_total: i64 = staff.values().map(|l| l.0).sum();
    let points_total: i64 = staff.values().map(|l| l.2).sum();
    let recorders = staff.values().filter(|l| l.0 > 0).count();
    if recorders < 2 || points_total <= 0 || visits_total <= 0 {
        return Vec::new();
    }
    staff
        .iter()
        .filter_map(|(id, (visits, _, points, _))| {
            let id = id.as_ref()?;
            let far_above = i128::from(*points) * i128::from(visits_total) * 100
                > i128::from(settings.max_points_share_percent)
                    * i128::from(*visits)
                    * i128::from(points_total);
            (*points >= settings.min_points_for_share && far_above).then(|| PointsAboveVisits {
                staff: id.clone(),
                name: staff_name(id),
                points_issued: *points,
                points_total,
                visits: *visits,
                visits_total,
                limit_percent: settings.max_points_share_percent,
            })
        })
        .collect()
}
