//! What the KPIs read of a span of business days, from the projections
//! rather than the ledger's events (a year of a busy shop is a million events
//! of a kilobyte and more each): the visits that stand (`visits`, by business
//! date), what each day gave and took of the points, stamps and cashback
//! (`event_deltas`, less those of voided events), the rewards each day's
//! redemptions took, and who joined when (`customers.enrolled_on`).
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

/// What one business day gave and took of one balance: points, one stamp
/// card, cashback.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BalanceFlow {
    /// The business day.
    pub day: NaiveDate,
    /// The balance (`points`, `stamps:<card>`, `cashback`).
    pub account: String,
    /// Given by visits and welcome offers.
    pub issued: i64,
    /// Taken by redemptions and donations (stamps: turned into a reward as
    /// the card filled).
    pub redeemed: i64,
}

/// How many standing redemptions of one reward one business day had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedemptionDay {
    /// The business day.
    pub day: NaiveDate,
    /// The reward's id.
    pub reward: String,
    /// Redemptions of it that stand.
    pub count: i64,
}

/// Which balances' flows a read of activity takes, and from which day: the
/// KPIs of a period need none from the period before the one they are
/// compared with.
#[derive(Debug, Clone, Copy)]
pub struct Flows {
    /// The first business day whose flows and redemptions are read.
    pub first: NaiveDate,
    /// The program has stamp cards: their flows are read too (a second pass).
    pub stamps: bool,
}

/// Loyalty activity over a span of business days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Activity {
    /// The visits that stand.
    pub visits: Vec<VisitRow>,
    /// The points, stamps and cashback of each day with any, one row per
    /// day and balance.
    pub balances: Vec<BalanceFlow>,
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
    /// Loyalty activity from business day `first` to `last`, both included
    /// (the balances' flows and the redemptions from `flows.first`);
    /// enrolments recorded from `from` until before `until` (the same span's
    /// instants: the caller puts them in business days).
    pub fn activity_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        flows: Flows,
    ) -> Result<Activity> {
        let flows_first = flows.first.max(first).to_string();
        let (first, last) = (first.to_string(), last.to_string());
        self.read_for_report(|conn| {
            let visits = visits_between(conn, &first, &last)?;
            let balances = flows_between(conn, &flows_first, &last, flows.stamps)?;
            let enrolments = enrolments_between(conn, from, until)?;
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
                balances,
                enrolments,
                lifetime,
            })
        })
    }

    /// How many redemptions that stand each reward had each business day from
    /// `first` to `last` (spending cashback as such left out): read from the
    /// redemptions' events, which name the reward.
    pub fn redemptions_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<RedemptionDay>> {
        let (first, last) = (first.to_string(), last.to_string());
        self.read_for_report(|conn| {
            // A redemption takes from one balance or more: counted once, by the
            // reward its event names.
            conn
            .prepare_cached(
                "SELECT r.business_date, json_extract(e.body, '$.reward') AS reward, COUNT(*)
                   FROM (SELECT DISTINCT event_seq, business_date FROM event_deltas
                          WHERE business_date >= ?1 AND business_date <= ?2 AND kind = 'redeemed'
                            AND event_seq NOT IN (SELECT e.seq FROM voided v JOIN events e ON e.id = v.target)) r
                   JOIN events e ON e.seq = r.event_seq
                  WHERE reward IS NOT NULL AND reward <> 'cashback'
                  GROUP BY r.business_date, reward",
            )?
            .query_map(params![first, last], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?
            .map(|row| {
                let (day, reward, count) = row?;
                Ok(RedemptionDay {
                    day: date(&day)?,
                    reward,
                    count,
                })
            })
            .collect()
        })
    }

    /// Who joined from `from` until before `until`, and the visits that stand
    /// from business day `first` to `last`: all that cohorts read (the rest
    /// of [`Activity`] left empty).
    pub fn joins_and_visits(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Activity> {
        let (first, last) = (first.to_string(), last.to_string());
        self.read_for_report(|conn| {
            Ok(Activity {
                visits: visits_between(conn, &first, &last)?,
                enrolments: enrolments_between(conn, from, until)?,
                ..Activity::default()
            })
        })
    }
}

/// The visits that stand from business day `first` to `last`.
fn visits_between(conn: &rusqlite::Connection, first: &str, last: &str) -> Result<Vec<VisitRow>> {
    conn.prepare_cached(
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
    .collect()
}

/// Who joined from `from` until before `until` (a merged-away record stays
/// itself), and when their till recorded it.
fn enrolments_between(
    conn: &rusqlite::Connection,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<(CustomerId, DateTime<Utc>)>> {
    let time = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    conn.prepare_cached(
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
    .collect()
}

/// Each day's points, cashback and (with `stamps`) stamp cards' flows, from
/// business day `first` to `last`, of
/// the events that stand. Points and cashback are summed by day in the
/// business-day index's own order (grouping by balance too would sort every
/// row); the stamp cards, fewer, by day and card.
fn flows_between(
    conn: &rusqlite::Connection,
    first: &str,
    last: &str,
    stamps: bool,
) -> Result<Vec<BalanceFlow>> {
    let mut balances: Vec<BalanceFlow> = Vec::new();
    let rows = conn
        .prepare_cached(
            "SELECT business_date,
                    SUM(CASE WHEN account = 'points' AND amount > 0 AND kind IN ('visit', 'enrolled') THEN amount ELSE 0 END),
                    SUM(CASE WHEN account = 'points' AND amount < 0 AND kind IN ('redeemed', 'donated') THEN -amount ELSE 0 END),
                    SUM(CASE WHEN account = 'cashback' AND amount > 0 AND kind IN ('visit', 'enrolled') THEN amount ELSE 0 END),
                    SUM(CASE WHEN account = 'cashback' AND amount < 0 AND kind IN ('redeemed', 'donated') THEN -amount ELSE 0 END),
                    MAX(account = 'points'), MAX(account = 'cashback')
               FROM event_deltas
              WHERE business_date >= ?1 AND business_date <= ?2 AND account IN ('points', 'cashback')
                AND event_seq NOT IN (SELECT e.seq FROM voided v JOIN events e ON e.id = v.target)
              GROUP BY business_date",
        )?
        .query_map(params![first, last], |r| {
            Ok((
                r.get::<_, String>(0)?,
                [r.get::<_, i64>(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
                [r.get::<_, bool>(5)?, r.get(6)?],
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (day, [p_in, p_out, c_in, c_out], [points, cashback]) in rows {
        let day = date(&day)?;
        for (account, held, issued, redeemed) in [
            ("points", points, p_in, p_out),
            ("cashback", cashback, c_in, c_out),
        ] {
            if held {
                balances.push(BalanceFlow {
                    day,
                    account: account.to_string(),
                    issued,
                    redeemed,
                });
            }
        }
    }
    if stamps {
        // Stamps leave a card when it fills (on the visit that fills it):
        // that is what redeems them.
        let cards = conn
            .prepare_cached(
                "SELECT business_date, account,
                        SUM(CASE WHEN amount > 0 AND kind IN ('visit', 'enrolled') THEN amount ELSE 0 END),
                        SUM(CASE WHEN amount < 0 AND kind IN ('visit', 'redeemed', 'donated') THEN -amount ELSE 0 END)
                   FROM event_deltas
                  WHERE business_date >= ?1 AND business_date <= ?2
                    AND account >= 'stamps:' AND account < 'stamps;'
                    AND event_seq NOT IN (SELECT e.seq FROM voided v JOIN events e ON e.id = v.target)
                  GROUP BY business_date, account",
            )?
            .query_map(params![first, last], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (day, account, issued, redeemed) in cards {
            balances.push(BalanceFlow {
                day: date(&day)?,
                account,
                issued,
                redeemed,
            });
        }
    }
    Ok(balances)
}
