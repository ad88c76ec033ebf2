//! Points expiry, derived from the ledger and the date: never written as events,
//! so several tills never expire the same points twice.
//!
//! Points expire `after_days` after the business date they were earned, oldest
//! first: a spend uses the oldest points that have not expired at its date.

use chrono::NaiveDate;

/// A movement of points on a business date (positive: earned; negative: used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PointMovement {
    /// The business date.
    pub date: NaiveDate,
    /// Points earned (positive) or used (negative).
    pub amount: i64,
}

/// Points that have expired by `today` and were never used.
///
/// Movements are ordered by date; on one date, earnings come before spends (a
/// visit's points can be redeemed at once). The result depends only on the set.
pub fn expired_points(movements: &[PointMovement], after_days: u32, today: NaiveDate) -> i64 {
    lots_at(movements, Some(after_days), today).expired
}

/// What is left of a balance's earnings on a date, oldest first: each lot is
/// what remains of one date's earnings after the spends (which use the oldest
/// live lot first) and, where the balance expires, after expiry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lots {
    /// Live lots: (earned on, left), oldest first.
    pub live: Vec<(NaiveDate, i64)>,
    /// Earned, never used, and expired by the date.
    pub expired: i64,
    /// Spent beyond every live lot (a manager's adjustment can do that); later
    /// earnings pay it back first.
    pub overdraft: i64,
}

/// The [`Lots`] of a balance's `movements` on `today`, expiring `after_days`
/// after they were earned if set. Ordered as [`expired_points`] orders them.
pub fn lots_at(movements: &[PointMovement], after_days: Option<u32>, today: NaiveDate) -> Lots {
    let mut sorted: Vec<PointMovement> = movements.to_vec();
    sorted.sort_by_key(|m| (m.date, std::cmp::Reverse(m.amount)));
    let horizon = after_days.map(|d| chrono::Duration::days(i64::from(d)));
    // Lots still holding points: (earned on, remaining).
    let mut lots: std::collections::VecDeque<(NaiveDate, i64)> = Default::default();
    let mut expired = 0i64;
    let mut overdraft = 0i64;
    let expire_until = |lots: &mut std::collections::VecDeque<(NaiveDate, i64)>,
                        expired: &mut i64,
                        date: NaiveDate| {
        let Some(horizon) = horizon else { return };
        while let Some((earned, left)) = lots.front().copied() {
            if earned + horizon <= date {
                *expired += left;
                lots.pop_front();
            } else {
                break;
            }
        }
    };
    for m in sorted {
        expire_until(&mut lots, &mut expired, m.date);
        if m.amount > 0 {
            let mut amount = m.amount;
            // Earning first pays back any overdraft.
            let pay = amount.min(overdraft);
            overdraft -= pay;
            amount -= pay;
            if amount > 0 {
                lots.push_back((m.date, amount));
            }
        } else {
            let mut need = -m.amount;
            while need > 0 {
                match lots.front_mut() {
                    Some((_, left)) => {
                        let take = need.min(*left);
                        *left -= take;
                        need -= take;
                        if *left == 0 {
                            lots.pop_front();
                        }
                    }
                    None => {
                        overdraft += need;
                        need = 0;
                    }
                }
            }
        }
    }
    expire_until(&mut lots, &mut expired, today);
    Lots {
        live: lots.into_iter().collect(),
        expired,
        overdraft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(days: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Duration::days(days)
    }

    fn mv(day: i64, amount: i64) -> PointMovement {
        PointMovement {
            date: d(day),
            amount,
        }
    }

    #[test]
    fn oldest_points_are_used_first_and_the_rest_expire() {
        let m = [mv(0, 100), mv(10, -30), mv(200, 50)];
        assert_eq!(expired_points(&m, 365, d(364)), 0);
        assert_eq!(expired_points(&m, 365, d(365)), 70);
        assert_eq!(expired_points(&m, 365, d(565)), 120);
    }

    #[test]
    fn live_lots_are_what_spends_and_expiry_left_oldest_first() {
        let m = [mv(0, 100), mv(10, -30), mv(200, 50), mv(201, -10)];
        let never = lots_at(&m, None, d(1000));
        assert_eq!(never.live, vec![(d(0), 60), (d(200), 50)]);
        assert_eq!(never.expired, 0);
        // After 365 days the day-0 lot (70 left at the time) expires; the
        // day-201 spend took 10 of it first.
        let expiring = lots_at(&m, Some(365), d(400));
        assert_eq!(expiring.live, vec![(d(200), 50)]);
        assert_eq!(expiring.expired, 60);
        // A spend beyond every lot is an overdraft the next earning pays back.
        let over = lots_at(&[mv(0, 10), mv(1, -25), mv(2, 40)], None, d(3));
        assert_eq!(over.live, vec![(d(2), 25)]);
        assert_eq!(over.overdraft, 0);
    }

    #[test]
    fn a_spend_after_expiry_cannot_use_expired_points() {
        // 100 earned on day 0 expire on day 30; the spend on day 40 uses the day-35 lot.
        let m = [mv(0, 100), mv(35, 20), mv(40, -20)];
        assert_eq!(expired_points(&m, 30, d(41)), 100);
    }
}
