//! Monthly cohort retention: the customers who joined in each of the last
//! twelve calendar months (by business day, the current month the last; from
//! the first of them in which anyone joined, so a new shop's table does not
//! open on empty months), and
//! for each month since they joined, the share of them who visited in it
//! (month 0 is the month they joined). Read from the enrolments and the
//! visits that stand; a merged-away record is not a customer of its own (its
//! visits count for the one it was merged into, who belongs to the cohort of
//! their own joining). The current month counts as far as it has gone.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::kpis::Period;
use super::table::{Cell, Table};
use crate::ledger::CustomerId;
use crate::location::Location;
use crate::store::Activity;

/// How many monthly cohorts are shown: a year's.
pub const COHORT_MONTHS: u32 = 12;

/// The customers who joined in one month, and how many of them came back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cohort {
    /// The month they joined, `YYYY-MM`.
    pub month: String,
    /// How many joined in it.
    pub customers: i64,
    /// For each month since (0: the month they joined) up to the current
    /// one, the share of them who visited in it; empty when nobody joined.
    pub retained: Vec<f64>,
}

/// The business days cohorts read on `as_of`: from the first day of the
/// oldest cohort's month.
pub fn cohorts_span(as_of: NaiveDate) -> Period {
    let month_start = as_of.with_day(1).unwrap_or(as_of);
    let from = month_start
        .checked_sub_months(Months::new(COHORT_MONTHS - 1))
        .unwrap_or(month_start);
    Period { from, to: as_of }
}

/// A month as a number that counts months.
fn month_number(day: NaiveDate) -> i64 {
    i64::from(day.year()) * 12 + i64::from(day.month0())
}

/// The cohorts of the twelve months up to `as_of`'s, oldest first (from the
/// first in which anyone joined; the current month's always), from the
/// `activity` of [`cohorts_span`] (its enrolments and visits), with
/// `merged` each merged-away record's survivor.
pub fn cohorts_of(
    as_of: NaiveDate,
    location: &Location,
    activity: &Activity,
    merged: &HashMap<CustomerId, CustomerId>,
) -> Vec<Cohort> {
    let span = cohorts_span(as_of);
    let (first, current) = (month_number(span.from), month_number(span.to));
    let survivor = |c: &CustomerId| super::survivor(merged, c);
    // Each customer of a cohort, with the month they joined.
    let joined: HashMap<CustomerId, i64> = activity
        .enrolments
        .iter()
        .filter(|(customer, _)| !merged.contains_key(customer))
        .map(|(customer, at)| (*customer, location.business_date(*at)))
        .filter(|(_, day)| (span.from..=span.to).contains(day))
        .map(|(customer, day)| (customer, month_number(day)))
        .collect();
    // Who came back, as (customer, months since they joined).
    let came: HashSet<(CustomerId, i64)> = activity
        .visits
        .iter()
        .filter(|v| v.day <= span.to)
        .filter_map(|v| {
            let customer = survivor(&v.customer);
            let since = month_number(v.day) - joined.get(&customer)?;
            (since >= 0).then_some((customer, since))
        })
        .collect();
    let mut size: HashMap<i64, i64> = HashMap::new();
    for month in joined.values() {
        *size.entry(*month).or_default() += 1;
    }
    let mut back: HashMap<(i64, i64), i64> = HashMap::new();
    for (customer, since) in &came {
        if let Some(month) = joined.get(customer) {
            *back.entry((*month, *since)).or_default() += 1;
        }
    }
    let first = size.keys().copied().min().unwrap_or(current).max(first);
    (first..=current)
        .map(|month| {
            let customers = size.get(&month).copied().unwrap_or(0);
            let retained = if customers == 0 {
                Vec::new()
            } else {
                (0..=current - month)
                    .map(|since| {
                        back.get(&(month, since)).copied().unwrap_or(0) as f64 / customers as f64
                    })
                    .collect()
            };
            Cohort {
                month: format!(
                    "{:04}-{:02}",
                    month.div_euclid(12),
                    month.rem_euclid(12) + 1
                ),
                customers,
                retained,
            }
        })
        .collect()
}

/// The cohorts as a table: a row per cohort, its size, and a column per month
/// since joining (blank where that month has not come).
pub fn cohort_table(cohorts: &[Cohort]) -> Table {
    let months: Vec<String> = (0..COHORT_MONTHS).map(|m| format!("month-{m}")).collect();
    let mut columns = vec!["cohort", "joined"];
    columns.extend(months.iter().map(String::as_str));
    let mut table = Table::new("kpis-cohorts", &columns);
    table.rows = cohorts
        .iter()
        .map(|c| {
            let mut row = vec![Cell::Text(c.month.clone()), Cell::Count(c.customers)];
            row.extend(
                (0..COHORT_MONTHS as usize).map(|m| match c.retained.get(m) {
                    Some(share) => Cell::Fraction(format!("{share:.4}")),
                    None => Cell::Text(String::new()),
                }),
            );
            row
        })
        .collect();
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn the_span_starts_on_the_first_of_the_month_eleven_months_back_across_a_new_year() {
        assert_eq!(
            cohorts_span(day(2026, 1, 15)),
            Period {
                from: day(2025, 2, 1),
                to: day(2026, 1, 15)
            }
        );
        assert_eq!(cohorts_span(day(2026, 12, 31)).from, day(2026, 1, 1));
    }

    #[test]
    fn a_cohort_across_a_new_year_counts_its_months_on() {
        let location = Location::new("Test", "USD", "UTC", 0).expect("location");
        let a = uuid::Uuid::from_u128(0xa);
        let at = |y, m, d| {
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, y, m, d, 12, 0, 0)
                .single()
                .expect("an instant")
        };
        let visit = |d: NaiveDate| crate::store::VisitRow {
            customer: a,
            day: d,
            amount: 100,
        };
        let activity = Activity {
            enrolments: vec![(a, at(2025, 12, 20))],
            visits: vec![visit(day(2025, 12, 20)), visit(day(2026, 2, 3))],
            ..Activity::default()
        };
        let cohorts = cohorts_of(day(2026, 2, 10), &location, &activity, &HashMap::new());
        let months: Vec<(&str, i64, &[f64])> = cohorts
            .iter()
            .map(|c| (c.month.as_str(), c.customers, c.retained.as_slice()))
            .collect();
        assert_eq!(
            months,
            vec![
                ("2025-12", 1, &[1.0, 0.0, 1.0][..]),
                ("2026-01", 0, &[][..]),
                ("2026-02", 0, &[][..]),
            ]
        );
    }
}
