//! What the liability report reads: every balance's history by business day,
//! of events that stand (a voided event moves nothing), one history per
//! customer and balance. Read from `event_deltas` in the order of its
//! covering index (customer, balance, day), so SQLite neither groups nor
//! sorts: a year of a busy shop is a million rows, and the grouping is
//! cheaper done here than in SQL. Read on the reports' own connection, so no
//! visit waits for it.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::CustomerId;

/// What one balance did on one business day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BalanceDay {
    /// The business day.
    pub day: NaiveDate,
    /// What customers were given that day (adjustments left out).
    pub earned: i64,
    /// What customers spent that day, a positive number (adjustments left out).
    pub spent: i64,
    /// What a manager's adjustments moved that day, up or down: outstanding
    /// like the rest, but no measure of how customers redeem.
    pub adjusted: i64,
}

/// One customer's balance, day by day, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceHistory {
    /// The customer the events were recorded for (a merged-away record stays itself).
    pub customer: CustomerId,
    /// The balance (`points`, `stamps:coffee`, `cashback`, `voucher:drink`).
    pub account: String,
    /// Its days with any movement.
    pub days: Vec<BalanceDay>,
}

impl Store {
    /// Every spendable balance's history, by customer and business day, of
    /// the events that stand.
    pub fn balance_histories(&self) -> Result<Vec<BalanceHistory>> {
        self.histories(
            "account IN ('points', 'cashback')
                     OR (account >= 'stamps:' AND account < 'stamps;')
                     OR (account >= 'voucher:' AND account < 'voucher;')",
        )
    }

    /// Every customer's points history, by business day, of the events that
    /// stand: what breakage reads.
    pub fn points_histories(&self) -> Result<Vec<BalanceHistory>> {
        self.histories("account = 'points'")
    }

    /// The histories of the balances `accounts` (an SQL condition on `account`) picks.
    fn histories(&self, accounts: &str) -> Result<Vec<BalanceHistory>> {
        let sql = format!(
            "SELECT customer, account, business_date, kind = 'adjusted', amount, event_seq
               FROM event_deltas
              WHERE {accounts}
              ORDER BY customer, account, business_date"
        );
        self.read_for_report(|conn| {
            let voided: HashSet<i64> = conn
                .prepare_cached("SELECT e.seq FROM voided v JOIN events e ON e.id = v.target")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut stmt = conn.prepare_cached(&sql)?;
            let mut rows = stmt.query([])?;
            let mut histories: Vec<BalanceHistory> = Vec::new();
            // The current history's customer and day as stored, to compare
            // each row with without parsing it.
            let (mut customer, mut day) = (String::new(), String::new());
            while let Some(row) = rows.next()? {
                if voided.contains(&row.get::<_, i64>(5)?) {
                    continue;
                }
                let this_customer = row.get_ref(0)?.as_str()?;
                let account = row.get_ref(1)?.as_str()?;
                let this_day = row.get_ref(2)?.as_str()?;
                let same = histories
                    .last()
                    .is_some_and(|h| customer == this_customer && h.account == account);
                if !same {
                    customer.clear();
                    customer.push_str(this_customer);
                    day.clear();
                    histories.push(BalanceHistory {
                        customer: parse_uuid(this_customer, "customer")?,
                        account: account.to_string(),
                        days: Vec::new(),
                    });
                }
                let Some(history) = histories.last_mut() else {
                    continue;
                };
                if day != this_day || history.days.is_empty() {
                    day.clear();
                    day.push_str(this_day);
                    history.days.push(BalanceDay {
                        day: NaiveDate::parse_from_str(this_day, "%Y-%m-%d").map_err(|e| {
                            EngineError::Corrupt(format!(
                                "a stored business date `{this_day}`: {e}"
                            ))
                        })?,
                        earned: 0,
                        spent: 0,
                        adjusted: 0,
                    });
                }
                let Some(today) = history.days.last_mut() else {
                    continue;
                };
                let (adjusted, amount): (bool, i64) = (row.get(3)?, row.get(4)?);
                match (adjusted, amount > 0) {
                    (true, _) => today.adjusted += amount,
                    (false, true) => today.earned += amount,
                    (false, false) => today.spent -= amount,
                }
            }
            Ok(histories)
        })
    }
}
