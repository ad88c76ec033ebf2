//! What the rules need to know about a customer at the moment of recording. The
//! store loads it in one go; the rules are pure functions of it.

use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

use crate::ledger::{Account, CustomerId};

/// A customer as the rules see them, on the business date of the action.
#[derive(Debug, Clone, Default)]
pub struct CustomerContext {
    /// The customer.
    pub id: CustomerId,
    /// Tags for offer targeting.
    pub tags: Vec<String>,
    /// Birthday, if given.
    pub birthday: Option<NaiveDate>,
    /// Every account's sum (balances and counters).
    pub accounts: BTreeMap<Account, i64>,
    /// Visits or spend in the tier window ending today, before this action.
    pub tier_measure: i64,
    /// Lifetime spend before this action, minor units.
    pub lifetime_spend: i64,
    /// Business date of the last visit, if any.
    pub last_visit: Option<NaiveDate>,
    /// Stamps already earned today, per card.
    pub stamps_today: BTreeMap<String, i64>,
    /// Points that have expired by today and not been used (already in `accounts`' sum).
    pub points_expired: i64,
    /// Plans active today: (plan id, uses of the allowance in the current period).
    pub active_plans: Vec<(String, i64)>,
    /// Total uses of each coupon code across customers, as this till knows them.
    pub coupon_uses: BTreeMap<String, i64>,
}

impl CustomerContext {
    /// An account's sum (0 when never touched).
    pub fn account(&self, a: &Account) -> i64 {
        self.accounts.get(a).copied().unwrap_or(0)
    }

    /// Points the customer can spend today (expired points excluded).
    pub fn points_available(&self) -> i64 {
        self.account(&Account::Points) - self.points_expired
    }
}

/// The birthday occurrence within `window` days of `date`, if any: its date.
pub fn birthday_near(birthday: NaiveDate, date: NaiveDate, window: i64) -> Option<NaiveDate> {
    [date.year() - 1, date.year(), date.year() + 1]
        .into_iter()
        .filter_map(|y| {
            // 29 February is celebrated on 28 February in other years.
            NaiveDate::from_ymd_opt(y, birthday.month(), birthday.day())
                .or_else(|| NaiveDate::from_ymd_opt(y, birthday.month(), birthday.day() - 1))
        })
        .find(|bd| (date - *bd).num_days().abs() <= window)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn birthday_windows_cross_the_new_year() {
        assert_eq!(
            birthday_near(d(1990, 12, 31), d(2027, 1, 2), 7),
            Some(d(2026, 12, 31))
        );
        assert_eq!(
            birthday_near(d(1990, 1, 2), d(2026, 12, 30), 7),
            Some(d(2027, 1, 2))
        );
        assert_eq!(birthday_near(d(1990, 6, 1), d(2026, 6, 9), 7), None);
        assert_eq!(
            birthday_near(d(1992, 2, 29), d(2027, 2, 28), 0),
            Some(d(2027, 2, 28))
        );
    }
}
