//! Loads what the rules need to know about a customer on a business date.

use chrono::{Duration, NaiveDate};
use sqlx::{Row, Sqlite, Transaction};
use std::collections::BTreeMap;

use crate::error::{EngineError, Result};
use crate::ledger::{Account, CustomerId};
use crate::program::{PlanPeriod, Program, TierBasis};
use crate::rules::{expired_points, week_start, CustomerContext, PointMovement};

type Tx = Transaction<'static, Sqlite>;

/// The customer's own id and every record merged into it.
const ALIASES: &str = "(SELECT id FROM customers WHERE id = ?1 OR merged_into = ?1)";

fn date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| EngineError::Corrupt(format!("date `{text}`")))
}

/// Loads the context of an open (not merged, not erased-only) customer.
pub(crate) async fn load(
    tx: &mut Tx,
    program: &Program,
    customer: CustomerId,
    today: NaiveDate,
    coupon: Option<&str>,
) -> Result<CustomerContext> {
    let c = customer.to_string();
    let row = sqlx::query("SELECT tags, birthday, spend, last_visit FROM customers WHERE id = ?")
        .bind(&c)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| EngineError::not_found("customer", &c))?;
    let tags: String = row.try_get("tags")?;
    let tags: Vec<String> = serde_json::from_str(&tags).unwrap_or_default();
    let birthday: Option<String> = row.try_get("birthday")?;
    let last_visit: Option<String> = row.try_get("last_visit")?;
    let mut ctx = CustomerContext {
        id: customer,
        tags,
        birthday: birthday.as_deref().map(date).transpose()?,
        lifetime_spend: row.try_get("spend")?,
        last_visit: last_visit.as_deref().map(date).transpose()?,
        ..Default::default()
    };

    for row in sqlx::query("SELECT account, amount FROM balances WHERE customer = ?")
        .bind(&c)
        .fetch_all(&mut **tx)
        .await?
    {
        let account: String = row.try_get("account")?;
        let account: Account = account.parse().map_err(EngineError::Corrupt)?;
        ctx.accounts.insert(account, row.try_get("amount")?);
    }

    if let Some(tiers) = &program.tiers {
        // The window ends today and holds `window_days` business days.
        let first = today - Duration::days(i64::from(tiers.window_days) - 1);
        let sql = match tiers.basis {
            TierBasis::Visits => "SELECT COUNT(*) FROM visits WHERE customer = ? AND voided = 0 AND business_date BETWEEN ? AND ?",
            TierBasis::Spend => "SELECT COALESCE(SUM(amount), 0) FROM visits WHERE customer = ? AND voided = 0 AND business_date BETWEEN ? AND ?",
        };
        ctx.tier_measure = sqlx::query_scalar(sql)
            .bind(&c)
            .bind(first.to_string())
            .bind(today.to_string())
            .fetch_one(&mut **tx)
            .await?;
    }

    if program.stamp_cards.iter().any(|s| s.max_per_day.is_some()) {
        let sql = format!(
            "SELECT d.account, SUM(d.amount) AS n FROM event_deltas d JOIN events e ON e.seq = d.event_seq
             WHERE d.customer IN {ALIASES} AND d.kind = 'visit' AND d.account LIKE 'stamps:%' AND d.amount > 0
               AND d.business_date = ?2 AND NOT EXISTS (SELECT 1 FROM voided v WHERE v.target = e.id)
             GROUP BY d.account"
        );
        for row in sqlx::query(&sql)
            .bind(&c)
            .bind(today.to_string())
            .fetch_all(&mut **tx)
            .await?
        {
            let account: String = row.try_get("account")?;
            if let Some(card) = account.strip_prefix("stamps:") {
                ctx.stamps_today.insert(card.to_string(), row.try_get("n")?);
            }
        }
    }

    if let Some(after_days) = program.points_expire_after_days {
        let sql = format!(
            "SELECT d.business_date, d.amount FROM event_deltas d JOIN events e ON e.seq = d.event_seq
             WHERE d.customer IN {ALIASES} AND d.account = 'points'
               AND NOT EXISTS (SELECT 1 FROM voided v WHERE v.target = e.id)"
        );
        let mut moves = Vec::new();
        for row in sqlx::query(&sql).bind(&c).fetch_all(&mut **tx).await? {
            let d: String = row.try_get("business_date")?;
            moves.push(PointMovement {
                date: date(&d)?,
                amount: row.try_get("amount")?,
            });
        }
        ctx.points_expired = expired_points(&moves, after_days, today);
    }

    if !program.subscriptions.is_empty() {
        let plans: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT plan FROM subscriptions WHERE customer = ? AND starts <= ?2 AND ends >= ?2",
        )
        .bind(&c)
        .bind(today.to_string())
        .fetch_all(&mut **tx)
        .await?;
        for plan_id in plans {
            let Some(plan) = program.plan(&plan_id) else {
                continue;
            };
            let from = match plan.period {
                PlanPeriod::Day => today,
                PlanPeriod::Week => week_start(today),
            };
            let sql = format!(
                "SELECT COALESCE(-SUM(d.amount), 0) FROM event_deltas d JOIN events e ON e.seq = d.event_seq
                 WHERE d.customer IN {ALIASES} AND d.account = ?2 AND d.business_date BETWEEN ?3 AND ?4
                   AND NOT EXISTS (SELECT 1 FROM voided v WHERE v.target = e.id)"
            );
            let used: i64 = sqlx::query_scalar(&sql)
                .bind(&c)
                .bind(Account::Allowance(plan_id.clone()).to_string())
                .bind(from.to_string())
                .bind(today.to_string())
                .fetch_one(&mut **tx)
                .await?;
            ctx.active_plans.push((plan_id, used));
        }
    }

    if let Some(code) = coupon {
        let code = code.trim().to_ascii_uppercase();
        let total: i64 =
            sqlx::query_scalar("SELECT COALESCE(SUM(amount), 0) FROM balances WHERE account = ?")
                .bind(Account::Uses(format!("coupon:{code}")).to_string())
                .fetch_one(&mut **tx)
                .await?;
        ctx.coupon_uses = BTreeMap::from([(code, total)]);
    }
    Ok(ctx)
}
