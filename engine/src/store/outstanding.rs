//! What the liability report reads: every balance's earnings and spends by
//! business day, of events that stand (a voided event moves nothing), from
//! `event_deltas` grouped in SQL, so a year of a busy shop comes back as one
//! row per customer, balance and day rather than a row per event. Read on
//! the reports' own connection, so no visit waits for it.

use chrono::NaiveDate;

use super::{parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::CustomerId;

/// What one customer's balance did on one business day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceDay {
    /// The customer the events were recorded for (a merged-away record stays itself).
    pub customer: CustomerId,
    /// The balance (`points`, `stamps:coffee`, `cashback`, `voucher:drink`).
    pub account: String,
    /// The business day.
    pub day: NaiveDate,
    /// What it gained that day.
    pub earned: i64,
    /// What it lost that day (a positive number).
    pub spent: i64,
    /// True for a manager's adjustments, false for everything else (they are
    /// outstanding like the rest but no measure of how customers redeem).
    pub adjusted: bool,
}

impl Store {
    /// Every spendable balance's movements by customer and business day, of
    /// the events that stand, oldest first within a customer's balance.
    pub fn balance_days(&self) -> Result<Vec<BalanceDay>> {
        self.read_for_report(|conn| {
            conn.prepare_cached(
                "SELECT customer, account, business_date, kind = 'adjusted',
                        SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END),
                        SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END)
                   FROM event_deltas
                  WHERE (account IN ('points', 'cashback')
                         OR (account >= 'stamps:' AND account < 'stamps;')
                         OR (account >= 'voucher:' AND account < 'voucher;'))
                    AND event_seq NOT IN (SELECT e.seq FROM voided v JOIN events e ON e.id = v.target)
                  GROUP BY customer, account, business_date, kind = 'adjusted'
                  ORDER BY customer, account, business_date",
            )?
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                ))
            })?
            .map(|row| {
                let (customer, account, day, adjusted, earned, spent) = row?;
                Ok(BalanceDay {
                    customer: parse_uuid(&customer, "customer")?,
                    account,
                    day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|e| {
                        EngineError::Corrupt(format!("a stored business date `{day}`: {e}"))
                    })?,
                    earned,
                    spent,
                    adjusted,
                })
            })
            .collect()
        })
    }
}
