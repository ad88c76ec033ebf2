//! What the KPIs read of a period: one lean row per visit, enrolment,
//! redemption and donation, the figures pulled out of the event's JSON by
//! SQLite rather than each event decoded whole (its items, its deltas'
//! messages): a year of a busy shop is a million events. Read on the
//! reports' own connection, so no visit waits for it.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::{CustomerId, EventId};

/// What kind of loyalty activity a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityKind {
    /// A visit.
    Visit,
    /// A customer joined.
    Enrolled,
    /// A redemption or a donation: points given up.
    Redeemed,
}

/// One event of loyalty activity, as the KPIs count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// The event.
    pub event: EventId,
    /// What it was.
    pub kind: ActivityKind,
    /// The customer (as recorded: a merged-away record stays itself here).
    pub customer: CustomerId,
    /// When its till recorded it.
    pub at: DateTime<Utc>,
    /// A visit's amount in minor units (0 otherwise).
    pub amount: i64,
    /// Points it gave.
    pub points_issued: i64,
    /// Points it took.
    pub points_redeemed: i64,
}

impl Store {
    /// Loyalty activity recorded (by its till's clock) from `from` until
    /// before `until`, oldest first.
    pub fn activity_between(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<Activity>> {
        let time = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        self.read_for_report(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT e.id, e.kind, e.customer, e.device_time,
                        COALESCE(json_extract(e.body, '$.amount'), 0),
                        COALESCE((SELECT SUM(json_extract(d.value, '$.amount'))
                                    FROM json_each(e.body, '$.deltas') d
                                   WHERE json_extract(d.value, '$.account') = 'points'
                                     AND json_extract(d.value, '$.amount') > 0), 0),
                        COALESCE((SELECT -SUM(json_extract(d.value, '$.amount'))
                                    FROM json_each(e.body, '$.deltas') d
                                   WHERE json_extract(d.value, '$.account') = 'points'
                                     AND json_extract(d.value, '$.amount') < 0), 0)
                   FROM events e
                  WHERE e.device_time >= ?1 AND e.device_time < ?2
                    AND e.kind IN ('visit', 'enrolled', 'redeemed', 'donated')
                  ORDER BY e.device_time, e.seq",
            )?;
            let rows = stmt.query_map(params![time(from), time(until)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, i64>(6)?,
                ))
            })?;
            rows.map(|row| {
                let (id, kind, customer, at, amount, points_issued, points_redeemed) = row?;
                let corrupt = |what: &str| EngineError::Corrupt(format!("event {id}: {what}"));
                Ok(Activity {
                    event: parse_uuid(&id, "event")?,
                    kind: match kind.as_str() {
                        "visit" => ActivityKind::Visit,
                        "enrolled" => ActivityKind::Enrolled,
                        _ => ActivityKind::Redeemed,
                    },
                    customer: parse_uuid(
                        customer.as_deref().ok_or_else(|| corrupt("no customer"))?,
                        "customer",
                    )?,
                    at: DateTime::parse_from_rfc3339(&at)
                        .map_err(|e| corrupt(&format!("time `{at}`: {e}")))?
                        .with_timezone(&Utc),
                    amount,
                    points_issued,
                    points_redeemed,
                })
            })
            .collect()
        })
    }
}
