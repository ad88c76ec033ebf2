//! A realistic shop's history, generated: customers enrolling over time, a café's
//! daily rhythm (a morning peak, a lunch peak, quieter weekends), regulars and
//! occasional guests, redemptions when points allow, and the odd voided visit.
//! Used by `counterpart demo-data` and the benchmarks.
//!
//! Every visit goes through the same rules as at the till; events are written in
//! large transactions through the same append path, so the result is a ledger the
//! till could have written.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::VecDeque;

use crate::error::{EngineError, Result};
use crate::ledger::{CardId, CustomerId, Delta, EventBody, Item, Profile};
use crate::program::{Program, TierBasis};
use crate::rules::{self, CustomerContext, VisitInput};
use crate::store::Store;

/// The example program the demo uses when none is published.
pub const DEMO_PROGRAM: &str = include_str!("../../examples/programs/points-cafe.toml");

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct DemoSpec {
    /// Customers to enrol.
    pub customers: u64,
    /// Events in all (enrolments, visits, redemptions, voids).
    pub events: u64,
    /// Days of history, ending at the store clock's today.
    pub days: u32,
    /// Seed: the same seed gives the same shop.
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DemoReport {
    /// Customers enrolled.
    pub customers: u64,
    /// Visits recorded.
    pub visits: u64,
    /// Redemptions.
    pub redemptions: u64,
    /// Voids.
    pub voids: u64,
    /// Events in all.
    pub events: u64,
}

struct DemoCustomer {
    id: CustomerId,
    ctx: CustomerContext,
    window: VecDeque<(NaiveDate, i64)>,
    /// Visits on the current business date: nobody comes more than twice a day.
    today: (NaiveDate, u8),
}

const MENU: &[(&str, &str, i64)] = &[
    ("espresso", "coffee", 280),
    ("flat-white", "coffee", 420),
    ("latte", "coffee", 450),
    ("cappuccino", "coffee", 430),
    ("tea", "tea", 300),
    ("croissant", "pastry", 320),
    ("muffin", "pastry", 350),
    ("sandwich", "food", 790),
];

const NAMES: &[&str] = &[
    "Anna", "Piotr", "Marie", "Jean", "Olga", "Ivan", "Sam", "Alex", "Maya", "Noah", "Zoe", "Liam",
    "Ewa", "Tomasz",
];
const SURNAMES: &[&str] = &[
    "Nowak", "Kowalska", "Martin", "Bernard", "Ivanova", "Petrov", "Smith", "Jones", "Garcia",
    "Dubois", "Lee",
];

/// Visits per hour of the local day, a café's rhythm (index = hour).
const HOURLY: [u32; 24] = [
    0, 0, 0, 0, 0, 0, 1, 6, 12, 9, 6, 6, 9, 10, 6, 5, 5, 4, 3, 1, 0, 0, 0, 0,
];

fn pick_hour(rng: &mut StdRng) -> u32 {
    let total: u32 = HOURLY.iter().sum();
    let mut x = rng.gen_range(0..total);
    for (h, w) in HOURLY.iter().enumerate() {
        if x < *w {
            return u32::try_from(h).unwrap_or(12);
        }
        x -= w;
    }
    12
}

fn apply_to_ctx(c: &mut DemoCustomer, deltas: &[Delta], sign: i64) {
    for d in deltas {
        *c.ctx.accounts.entry(d.account.clone()).or_insert(0) += d.amount * sign;
    }
}

/// Generates a shop's history into an initialised store. Publishes the demo
/// program first if no program is published.
pub fn generate(
    store: &Store,
    spec: DemoSpec,
    mut progress: impl FnMut(u64, u64),
) -> Result<DemoReport> {
    if spec.customers == 0 || spec.events < spec.customers || spec.days == 0 {
        return Err(EngineError::invalid(
            "demo",
            "give at least one customer, at least as many events as customers, and at least one day",
        ));
    }
    // Bounds a demo shop stays within: ten years, a large chain's customers.
    if spec.days > 3660 || spec.customers > 10_000_000 || spec.events > 100_000_000 {
        return Err(EngineError::invalid(
            "demo",
            "at most 3660 days, 10,000,000 customers and 100,000,000 events",
        ));
    }
    if store.program()?.is_none() {
        crate::command::Commands::over(store.clone()).publish_program(
            &crate::command::PublishProgram {
                source: DEMO_PROGRAM.to_string(),
                key: None,
            },
        )?;
    }
    let (program, program_version): (Program, u32) = store
        .program()?
        .map(|p| (p.program, p.version))
        .ok_or(EngineError::NotInitialised)?;
    let location = store.location()?;
    let measured: Vec<&crate::program::Offer> = program
        .offers
        .iter()
        .filter(|o| o.holdout_percent > 0)
        .collect();
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let end_date = location.business_date(store.now());
    let start_date = end_date - Duration::days(i64::from(spec.days) - 1);

    // Enrolment days: spread over the first 80 % of the period, earlier more often.
    let mut enrol_days: Vec<i64> = (0..spec.customers)
        .map(|_| {
            let u: f64 = rng.gen();
            (u * u * f64::from(spec.days) * 0.8) as i64
        })
        .collect();
    enrol_days.sort_unstable();

    let visits_target = spec.events - spec.customers;
    let mut report = DemoReport::default();
    let mut customers: Vec<DemoCustomer> =
        Vec::with_capacity(usize::try_from(spec.customers).unwrap_or(0));
    let mut next_enrol = 0usize;
    let batch = 20_000u64;
    let mut conn = store.conn();
    let (shop, key) = (
        crate::store::shop_of(&conn)?,
        crate::store::signing_key_of(&conn)?,
    );
    let mut tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut in_tx = 0u64;

    let local_instant = |date: NaiveDate, hour: u32, minute: u32| -> DateTime<Utc> {
        let naive = date.and_hms_opt(hour, minute, 0).unwrap_or_default();
        location
            .timezone
            .from_local_datetime(&naive)
            .earliest()
            .map_or_else(|| Utc.from_utc_datetime(&naive), |t| t.with_timezone(&Utc))
    };

    for day in 0..i64::from(spec.days) {
        let date = start_date + Duration::days(day);
        // Enrol everyone whose day it is, at opening.
        while next_enrol < enrol_days.len() && enrol_days[next_enrol] <= day {
            let at = local_instant(date, 7, rng.gen_range(0..60));
            let id = crate::ids::new_v7(at);
            let student = rng.gen_bool(0.15);
            let profile = Profile {
                name: Some(format!(
                    "{} {}",
                    NAMES[rng.gen_range(0..NAMES.len())],
                    SURNAMES[rng.gen_range(0..SURNAMES.len())]
                )),
                phone: Some(format!("+1555{:07}", next_enrol)),
                email: None,
                birthday: NaiveDate::from_ymd_opt(
                    rng.gen_range(1960..2006),
                    rng.gen_range(1..=12),
                    rng.gen_range(1..=28),
                ),
                marketing_consent: rng.gen_bool(0.4),
                tags: if student {
                    vec!["student".into()]
                } else {
                    Vec::new()
                },
            };
            let deltas = rules::welcome(&program, &location, id, &profile.tags, at);
            let mut c = DemoCustomer {
                id,
                ctx: CustomerContext {
                    id,
                    tags: profile.tags.clone(),
                    birthday: profile.birthday,
                    ..Default::default()
                },
                window: VecDeque::new(),
                today: (date, 0),
            };
            apply_to_ctx(&mut c, &deltas, 1);
            let card = CardId(uuid::Uuid::from_u128(rng.gen()));
            let body = EventBody::Enrolled {
                customer: id,
                card,
                code: Some(crate::card_code::CardCode::sign(shop, card, &key).encode()),
                profile: Some(profile),
                deltas,
            };
            crate::store::append_at(&tx, &location, body, None, None, at)?;
            customers.push(c);
            next_enrol += 1;
            report.customers += 1;
            report.events += 1;
            in_tx += 1;
        }
        if customers.is_empty() {
            continue;
        }
        // Visits today: the period's share, quieter at weekends.
        let remaining_days = i64::from(spec.days) - day;
        let remaining =
            visits_target.saturating_sub(report.visits + report.redemptions + report.voids);
        let weekend = matches!(
            chrono::Datelike::weekday(&date),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        );
        let mut today = remaining / u64::try_from(remaining_days).unwrap_or(1).max(1);
        if weekend {
            today = today * 8 / 10;
        }
        if day == i64::from(spec.days) - 1 {
            today = remaining;
        }
        let mut times: Vec<(u32, u32)> = (0..today)
            .map(|_| (pick_hour(&mut rng), rng.gen_range(0..60)))
            .collect();
        times.sort_unstable();
        for (hour, minute) in times {
            if report.visits + report.redemptions + report.voids >= visits_target {
                break;
            }
            let at = local_instant(date, hour, minute) + Duration::seconds(rng.gen_range(0..60));
            // Regulars: early enrolees come far more often, but at most twice a day.
            // While an offer with a held-out group runs, the offer brings
            // its customers in: a held-out customer picked stays away a
            // fifth of the time (the offers report has a change to find).
            let last = customers.len() - 1;
            let mut idx = 0;
            for attempt in 0..8 {
                let u: f64 = rng.gen();
                idx = if attempt < 4 {
                    ((u * u) * customers.len() as f64) as usize
                } else {
                    rng.gen_range(0..customers.len())
                }
                .min(last);
                let seen = customers[idx].today;
                let held_out = measured
                    .iter()
                    .any(|o| o.period.contains(date) && o.holds_out(customers[idx].id));
                if (seen.0 != date || seen.1 < 2) && !(held_out && rng.gen_bool(0.2)) {
                    break;
                }
            }
            let c = &mut customers[idx];
            c.today = if c.today.0 == date {
                (date, c.today.1 + 1)
            } else {
                (date, 1)
            };
            let n_items = rng.gen_range(1..=3);
            let mut items = Vec::new();
            let mut amount = 0;
            for _ in 0..n_items {
                let (p, cat, price) = MENU[rng.gen_range(0..MENU.len())];
                amount += price;
                items.push(Item {
                    product: p.into(),
                    category: Some(cat.into()),
                    quantity: 1,
                });
            }
            let business_date = location.business_date(at);
            if let Some(t) = &program.tiers {
                let first = business_date - Duration::days(i64::from(t.window_days) - 1);
                while c.window.front().is_some_and(|(d, _)| *d < first) {
                    c.window.pop_front();
                }
                c.ctx.tier_measure = match t.basis {
                    TierBasis::Visits => i64::try_from(c.window.len()).unwrap_or(0),
                    TierBasis::Spend => c.window.iter().map(|(_, a)| a).sum(),
                };
            }
            let visit = VisitInput {
                amount,
                items: items.clone(),
                coupon: None,
            };
            let earned = rules::earn(&program, &location, &c.ctx, &visit, at)?;
            apply_to_ctx(c, &earned.deltas, 1);
            c.ctx.lifetime_spend += amount;
            c.ctx.last_visit = Some(business_date);
            c.window.push_back((business_date, amount));
            let body = EventBody::Visit {
                customer: c.id,
                amount,
                currency: program.currency.to_string(),
                items,
                coupon: None,
                business_date,
                deltas: earned.deltas.clone(),
                program_version: Some(program_version),
            };
            let visit_event = crate::store::append_at(&tx, &location, body, None, None, at)?;
            report.visits += 1;
            report.events += 1;
            in_tx += 1;
            // The odd mistake, undone at once.
            if rng.gen_ratio(1, 200) {
                let deltas: Vec<Delta> = earned.deltas.iter().map(Delta::reversed).collect();
                apply_to_ctx(c, &earned.deltas, -1);
                c.ctx.lifetime_spend -= amount;
                c.window.pop_back();
                let body = EventBody::Voided {
                    target: visit_event.id,
                    customer: c.id,
                    reason: "wrong customer scanned".into(),
                    deltas,
                };
                crate::store::append_at(
                    &tx,
                    &location,
                    body,
                    None,
                    None,
                    at + Duration::seconds(20),
                )?;
                report.voids += 1;
                report.events += 1;
                in_tx += 1;
            } else if c.ctx.points_available() >= 100 && rng.gen_bool(0.5) {
                if let Ok(deltas) = rules::redeem(&program, &c.ctx, "drink", business_date) {
                    apply_to_ctx(c, &deltas, 1);
                    let body = EventBody::Redeemed {
                        customer: c.id,
                        reward: "drink".into(),
                        business_date,
                        deltas,
                    };
                    crate::store::append_at(
                        &tx,
                        &location,
                        body,
                        None,
                        None,
                        at + Duration::seconds(5),
                    )?;
                    report.redemptions += 1;
                    report.events += 1;
                    in_tx += 1;
                }
            }
            if in_tx >= batch {
                tx.commit()?;
                progress(report.events, spec.events);
                tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                in_tx = 0;
            }
        }
    }
    tx.commit()?;
    progress(report.events, spec.events);
    Ok(report)
}
