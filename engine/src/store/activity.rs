//! What the KPIs read of a span of business days, from the projections
//! rather than the ledger's events (a year of a busy shop is a million events
//! of a kilobyte and more each): the visits that stand (`visits`, by business
//! date), the points each day gave and took (`event_deltas`, less those of
//! voided events), and who joined when (`customers.enrolled_on`).
//! Read on the reports' own connection, so no visit waits for it.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::{parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::CustomerId;

/// A visit that stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitRow {
    /// The customer it was recorded for (a merged-away record stays itself).
    pub customer: CustomerId,
    /// Its business day.
    pub day: NaiveDate,
    /// Its amount in minor units.
    pub amount: i64,
}

/// The points one business day gave and took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PointsDay {
    /// The business day.
    pub day: NaiveDate,
    /// Given by visits and welcome offers.
    pub issued: i64,
    /// Taken by redemptions and donations.
    pub redeemed: i64,
}

/// Loyalty activity over a span of business days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Activity {
    /// The visits that stand.
    pub visits: Vec<VisitRow>,
    /// The points of each day with any.
    pub points: Vec<PointsDay>,
    /// Who joined (a merged-away record stays itself), and when their till
    /// recorded it.
    pub enrolments: Vec<(CustomerId, DateTime<Utc>)>,
    /// What each customer (a merged group as its survivor) had spent since
    /// joining by the end of the span's last day, voided visits left out.
    pub lifetime: HashMap<CustomerId, i64>,
}

fn date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| EngineError::Corrupt(format!("a stored business date `{text}`: {e}")))
}

impl Store {
    /// Loyalty activity from business day `first` to `last`, both included;
    /// enrolments recorded from `from` until before `until` (the same span's
    /// instants: the caller puts them in business days).
    pub fn activity_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Activity> {
        let (first, last) = (first.to_string(), last.to_string());
        let time = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        self.read_for_report(|conn| {
            let visits = conn
                .prepare_cached(
                    "SELECT customer, business_date, amount FROM visits
                      WHERE business_date >= ?1 AND business_date <= ?2 AND voided = 0",
                )?
                .query_map(params![first, last], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })?
                .map(|row| {
                    let (customer, day, amount) = row?;
                    Ok(VisitRow {
                        customer: parse_uuid(&customer, "customer")?,
                        day: date(&day)?,
                        amount,
                    })
                })
                .collect::<Result<_>>()?;
            let points = conn
                .prepare_cached(
                    "SELECT business_date,
                            SUM(CASE WHEN amount > 0 AND kind IN ('visit', 'enrolled') THEN amount ELSE 0 END),
                            SUM(CASE WHEN amount < 0 AND kind IN ('redeemed', 'donated') THEN -amount ELSE 0 END)
                       FROM event_deltas
                      WHERE business_date >= ?1 AND business_date <= ?2 AND account = 'points'
                        AND event_seq NOT IN (SELECT e.seq FROM voided v JOIN events e ON e.id = v.target)
                      GROUP BY business_date",
                )?
                .query_map(params![first, last], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })?
                .map(|row| {
                    let (day, issued, redeemed) = row?;
                    Ok(PointsDay {
                        day: date(&day)?,
                        issued,
                        redeemed,
                    })
                })
                .collect::<Result<_>>()?;
            let enrolments = conn
                .prepare_cached(
                    "SELECT id, enrolled_on FROM customers
                      WHERE enrolled_on >= ?1 AND enrolled_on < ?2",
                )?
                .query_map(params![time(from), time(until)], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?
                .map(|row| {
                    let (customer, at) = row?;
                    let at = DateTime::parse_from_rfc3339(&at)
                        .map_err(|e| EngineError::Corrupt(format!("enrolled at `{at}`: {e}")))?;
                    Ok((parse_uuid(&customer, "customer")?, at.with_timezone(&Utc)))
                })
                .collect::<Result<_>>()?;
            // Lifetime spend now, less what came after the span: the visits
            // after its last day are few unless the span is long past, so
            // they are found by day (left to itself, SQLite would rather read
            // every visit in the customer index to save grouping them).
            let lifetime = conn
                .prepare_cached(
                    "SELECT c.id, c.spend - COALESCE(later.spend, 0)
                       FROM customers c
                       LEFT JOIN (SELECT customer, SUM(amount) AS spend
                                    FROM visits INDEXED BY visits_business_date
                                   WHERE business_date > ?1 AND voided = 0
                                   GROUP BY customer) later ON later.customer = c.id
                      WHERE c.merged_into IS NULL AND c.visits > 0",
                )?
                .query_map(params![last], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })?
                .map(|row| {
                    let (customer, spend) = row?;
                    Ok((parse_uuid(&customer, "customer")?, spend))
                })
                .collect::<Result<_>>()?;
            Ok(Activity {
                visits,
                points,
                enrolments,
                lifetime,
            })
        })
    }
}
