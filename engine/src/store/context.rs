//! Loads what the rules need to know about a customer on a business date.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

use crate::error::{EngineError, Result};
use crate::ledger::{Account, CustomerId};
use crate::program::{PlanPeriod, Program, TierBasis};
use crate::rules::{expired_points, week_start, CustomerContext, PointMovement};

/// The customer's own id and every record merged into it. Written as a union so
/// each side uses an index (an `OR` here made SQLite scan every customer).
const ALIASES: &str = "(SELECT ?1 UNION ALL SELECT id FROM customers WHERE merged_into = ?1)";

/// Deltas `d` of the customer `?1` whose event was not voided. Voids are rare,
/// so the customer's voided events are listed once, from the `events_customer`
/// index alone, rather than each delta's event row being read to check it.
pub(crate) const LIVE_DELTA: &str = "d.event_seq NOT IN (SELECT e.seq FROM events e
       WHERE e.customer IN (SELECT ?1 UNION ALL SELECT id FROM customers WHERE merged_into = ?1)
         AND EXISTS (SELECT 1 FROM voided v WHERE v.target = e.id))";

fn date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| EngineError::Corrupt(format!("date `{text}`")))
}

/// What to load besides balances and visits.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Needs<'a> {
    /// Points expired by today: needed to spend points or show them, not to earn
    /// (earning never depends on expiry), and it reads the customer's whole
    /// points history.
    pub expiry: bool,
    /// Uses of this coupon code so far.
    pub coupon: Option<&'a str>,
}

/// Loads the context of a customer on `today`.
pub(crate) fn load(
    conn: &Connection,
    program: &Program,
    customer: CustomerId,
    today: NaiveDate,
    needs: Needs<'_>,
) -> Result<CustomerContext> {
    let coupon = needs.coupon;
    let c = customer.to_string();
    let (tags, birthday, spend, last_visit): (String, Option<String>, i64, Option<String>) = conn
        .prepare_cached("SELECT tags, birthday, spend, last_visit FROM customers WHERE id = ?")?
        .query_row([&c], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?
        .ok_or_else(|| EngineError::not_found("customer", &c))?;
    let mut ctx = CustomerContext {
        id: customer,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        birthday: birthday.as_deref().map(date).transpose()?,
        lifetime_spend: spend,
        last_visit: last_visit.as_deref().map(date).transpose()?,
        ..Default::default()
    };

    let mut stmt =
        conn.prepare_cached("SELECT account, amount FROM balances WHERE customer = ?")?;
    let mut rows = stmt.query([&c])?;
    while let Some(row) = rows.next()? {
        let account: String = row.get(0)?;
        let account: Account = account.parse().map_err(EngineError::Corrupt)?;
        ctx.accounts.insert(account, row.get(1)?);
    }

    if let Some(tiers) = &program.tiers {
        // The window ends today and holds `window_days` business days.
        let first = today - Duration::days(i64::from(tiers.window_days) - 1);
        let sql = match tiers.basis {
            TierBasis::Visits => {
                "SELECT COUNT(*) FROM visits WHERE customer = ? AND voided = 0 AND business_date BETWEEN ? AND ?"
            }
            TierBasis::Spend => {
                "SELECT COALESCE(SUM(amount), 0) FROM visits WHERE customer = ? AND voided = 0 AND business_date BETWEEN ? AND ?"
            }
        };
        ctx.tier_measure = conn
            .prepare_cached(sql)?
            .query_row(params![c, first.to_string(), today.to_string()], |r| {
                r.get(0)
            })?;
    }

    if program.stamp_cards.iter().any(|s| s.max_per_day.is_some()) {
        let sql = format!(
            "SELECT d.account, SUM(d.amount) FROM event_deltas d
             WHERE d.customer IN {ALIASES} AND d.account >= 'stamps:' AND d.account < 'stamps;'
               AND d.kind = 'visit' AND d.amount > 0 AND d.business_date = ?2 AND {LIVE_DELTA}
             GROUP BY d.account"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![c, today.to_string()])?;
        while let Some(row) = rows.next()? {
            let account: String = row.get(0)?;
            if let Some(card) = account.strip_prefix("stamps:") {
                ctx.stamps_today.insert(card.to_string(), row.get(1)?);
            }
        }
    }

    if let (Some(after_days), true) = (program.points_expire_after_days, needs.expiry) {
        let sql = format!(
            "SELECT d.business_date, d.amount FROM event_deltas d
             WHERE d.customer IN {ALIASES} AND d.account = 'points' AND {LIVE_DELTA}"
        );
        let mut moves = Vec::new();
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([&c])?;
        while let Some(row) = rows.next()? {
            let d: String = row.get(0)?;
            moves.push(PointMovement {
                date: date(&d)?,
                amount: row.get(1)?,
            });
        }
        ctx.points_expired = expired_points(&moves, after_days, today);
    }

    if !program.subscriptions.is_empty() {
        let plans: Vec<String> = conn
            .prepare_cached(&format!(
                "SELECT DISTINCT plan FROM subscriptions WHERE customer IN {ALIASES} AND starts <= ?2 AND ends >= ?2"
            ))?
            .query_map(params![c, today.to_string()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for plan_id in plans {
            let Some(plan) = program.plan(&plan_id) else {
                continue;
            };
            let from = match plan.period {
                PlanPeriod::Day => today,
                PlanPeriod::Week => week_start(today),
            };
            let sql = format!(
                "SELECT COALESCE(-SUM(d.amount), 0) FROM event_deltas d
                 WHERE d.customer IN {ALIASES} AND d.account = ?2 AND d.business_date BETWEEN ?3 AND ?4
                   AND {LIVE_DELTA}"
            );
            let used: i64 = conn.prepare_cached(&sql)?.query_row(
                params![
                    c,
                    Account::Allowance(plan_id.clone()).to_string(),
                    from.to_string(),
                    today.to_string()
                ],
                |r| r.get(0),
            )?;
            ctx.active_plans.push((plan_id, used));
        }
    }

    if let Some(code) = coupon {
        let code = code.trim().to_ascii_uppercase();
        let total: i64 = conn
            .prepare_cached("SELECT COALESCE(SUM(amount), 0) FROM balances WHERE account = ?")?
            .query_row([Account::Uses(format!("coupon:{code}")).to_string()], |r| {
                r.get(0)
            })?;
        ctx.coupon_uses = BTreeMap::from([(code, total)]);
    }
    Ok(ctx)
}
