//! Pulled events this till's fold could not apply, kept aside instead of
//! stopping sync.
//!
//! The rule (docs/sync-protocol.md) is that every event the server accepts
//! applies on every till in any order, and the property tests hold every cause
//! found so far. A pulled page used to apply in one transaction, so one event
//! the fold refused rolled the page back and every later round failed on it:
//! one bad event stopped the till for good. Each pulled event now applies in
//! its own savepoint; an event the fold refuses is rolled back alone, held here
//! with the reason, shown in the sync status, and tried again on every round
//! (a newer build may apply it). It is not in the ledger while held, so the
//! rebuild and the incremental fold still agree.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use super::append::import_one;
use super::{location_of, ImportReport, Store};
use crate::error::{EngineError, Result};
use crate::ledger::Event;
use crate::location::Location;

/// A pulled event held aside, for a manager to see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HeldEvent {
    /// The event.
    pub event_id: String,
    /// Its place in the server's stream.
    pub server_seq: i64,
    /// Why this till could not apply it.
    pub reason: String,
    /// When it was first held (till clock).
    pub held_at: String,
}

/// What importing one pulled event did.
pub(crate) enum Imported {
    /// New here, inserted and applied.
    New,
    /// Here already.
    Duplicate,
    /// The fold refused it: rolled back and held.
    Held,
}

/// True for an error of the fold on this one event (what it holds), false for
/// one of the till or the stream (a fork, a busy or failing disk), which must
/// still stop the round: holding those would skip events that are fine.
fn refused_by_fold(e: &EngineError) -> bool {
    match e {
        EngineError::Forked(_) | EngineError::Io(_) | EngineError::Migrate(_) => false,
        EngineError::Database(rusqlite::Error::SqliteFailure(f, _)) => matches!(
            f.code,
            rusqlite::ErrorCode::ConstraintViolation
                | rusqlite::ErrorCode::TypeMismatch
                | rusqlite::ErrorCode::TooBig
                | rusqlite::ErrorCode::ParameterOutOfRange
        ),
        // Other database failures (busy, I/O, full, corrupt file) are the till's.
        EngineError::Database(_) => false,
        _ => true,
    }
}

/// Imports one pulled event in its own savepoint (inside the caller's
/// transaction): an event the fold refuses is undone alone and held.
pub(crate) fn import_isolated(
    conn: &Connection,
    event: &Event,
    server_seq: i64,
    location: &Location,
    now: DateTime<Utc>,
) -> Result<Imported> {
    conn.prepare_cached("SAVEPOINT pulled_event")?.execute([])?;
    let outcome = import_one(conn, event, Some(server_seq), location);
    match outcome {
        Ok(new) => {
            conn.prepare_cached("RELEASE pulled_event")?.execute([])?;
            Ok(if new {
                Imported::New
            } else {
                Imported::Duplicate
            })
        }
        Err(e) => {
            conn.prepare_cached("ROLLBACK TO pulled_event")?
                .execute([])?;
            conn.prepare_cached("RELEASE pulled_event")?.execute([])?;
            if !refused_by_fold(&e) {
                return Err(e);
            }
            tracing::error!(event = %event.id, server_seq, error = %e,
                "a pulled event could not be applied here; held aside, sync goes on");
            hold(conn, event, server_seq, &e.to_string(), now)?;
            Ok(Imported::Held)
        }
    }
}

fn hold(
    conn: &Connection,
    event: &Event,
    server_seq: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let body = serde_json::to_string(event).map_err(|e| EngineError::Corrupt(e.to_string()))?;
    let customer = event.body.customer().map(|c| c.to_string());
    conn.prepare_cached(
        "INSERT INTO sync_held (event_id, server_seq, device, device_seq, customer, body, reason, held_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason, body = excluded.body",
    )?
    .execute(params![
        event.id.to_string(),
        server_seq,
        event.device.to_string(),
        event.device_seq,
        customer,
        body,
        reason,
        now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    ])?;
    // Held for a customer already erased here: keep nothing of them.
    if let Some(c) = &customer {
        let erased: Option<bool> = conn
            .prepare_cached("SELECT erased FROM customers WHERE id = ?")?
            .query_row([c], |r| r.get(0))
            .optional()?;
        if erased == Some(true) {
            erase_held(conn, c)?;
        }
    }
    Ok(())
}

/// Forgets what held events say of an erased customer: their bodies go (the
/// connection overwrites freed space), their place and reason stay.
pub(crate) fn erase_held(conn: &Connection, customer: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sync_held SET body = NULL
         WHERE body IS NOT NULL AND (customer = ?1 OR instr(body, ?1) > 0)",
    )?
    .execute([customer])?;
    Ok(())
}

/// The columns [`held_from_row`] reads, first in a query.
const HELD_COLUMNS: &str = "event_id, server_seq, reason, held_at";

fn held_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HeldEvent> {
    Ok(HeldEvent {
        event_id: r.get(0)?,
        server_seq: r.get(1)?,
        reason: r.get(2)?,
        held_at: r.get(3)?,
    })
}

impl Store {
    /// Pulled events held aside, in the server's order.
    pub fn held(&self) -> Result<Vec<HeldEvent>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {HELD_COLUMNS} FROM sync_held ORDER BY server_seq"
        ))?;
        let rows = stmt.query_map([], held_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The held events with the events themselves, in the server's order: the
    /// event is `None` once its customer was erased (only its place and reason
    /// stay), or if its stored text no longer reads as an event.
    pub fn held_with_events(&self) -> Result<Vec<(HeldEvent, Option<Event>)>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {HELD_COLUMNS}, body FROM sync_held ORDER BY server_seq"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((held_from_row(r)?, r.get::<_, Option<String>>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (held, body) = row?;
            let event = body.and_then(|b| match serde_json::from_str::<Event>(&b) {
                Ok(e) => Some(e),
                Err(e) => {
                    tracing::warn!(event = %held.event_id, error = %e, "a held event's stored text does not read");
                    None
                }
            });
            out.push((held, event));
        }
        Ok(out)
    }

    /// Tries the held events again, in the server's order, each in its own
    /// savepoint: those that apply now leave the list, the others stay with
    /// their latest reason.
    pub(crate) fn retry_held(&self) -> Result<ImportReport> {
        let mut report = ImportReport::default();
        let mut conn = self.conn();
        let pending: Vec<(String, i64, String)> = conn
            .prepare_cached(
                "SELECT event_id, server_seq, body FROM sync_held
                 WHERE body IS NOT NULL ORDER BY server_seq",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if pending.is_empty() {
            return Ok(report);
        }
        let location = location_of(&conn)?;
        let now = self.now();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (id, server_seq, body) in pending {
            let event: Event = serde_json::from_str(&body)
                .map_err(|e| EngineError::Corrupt(format!("held event {id}: {e}")))?;
            let done = match import_isolated(&tx, &event, server_seq, &location, now)? {
                Imported::New => {
                    report.applied += 1;
                    true
                }
                Imported::Duplicate => {
                    report.duplicates += 1;
                    true
                }
                Imported::Held => false,
            };
            if done {
                tx.prepare_cached("DELETE FROM sync_held WHERE event_id = ?")?
                    .execute([&id])?;
            }
        }
        tx.commit()?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::TimeZone;

    use super::*;
    use crate::clock::ManualClock;
    use crate::command::typed::Typed;
    use crate::ledger::Profile;
    use crate::rules::VisitInput;
    use crate::sync::protocol::ServerEvent;
    use crate::till::Enrolment;

    const PROGRAM: &str = include_str!("../../../examples/programs/points-cafe.toml");

    fn till(dir: &std::path::Path, name: &str) -> Typed {
        let clock = Arc::new(ManualClock::new(
            Utc.with_ymd_and_hms(2026, 3, 3, 15, 0, 0).unwrap(),
        ));
        let store = Typed::new(Store::open(&dir.join(name), clock).expect("open"));
        let location = Location::new("Corner Café", "USD", "UTC", 4).expect("location");
        store.init(&location).expect("init");
        store.publish_program(PROGRAM, None).expect("publish");
        store
    }

    fn enrol(s: &Typed, profile: Profile) -> crate::ledger::CustomerId {
        s.enrol(
            Enrolment {
                profile,
                card_code: None,
            },
            None,
        )
        .expect("enrol")
        .customer
        .expect("customer")
        .record
        .id
    }

    fn visit(amount: i64) -> VisitInput {
        VisitInput {
            amount,
            items: Vec::new(),
            coupon: None,
        }
    }

    /// What till `a` wrote, numbered as a server would hand it to another till.
    fn as_pulled(a: &Store) -> Vec<ServerEvent> {
        a.events()
            .expect("events")
            .into_iter()
            .zip(1..)
            .map(|(event, server_seq)| ServerEvent { server_seq, event })
            .collect()
    }

    fn points(s: &Store, c: crate::ledger::CustomerId) -> i64 {
        s.customer(c)
            .expect("customer")
            .balances
            .iter()
            .find(|b| b.account == "points")
            .map_or(0, |b| b.amount)
    }

    /// A fold that refuses one event (standing in for the next bug: a
    /// trigger fails the visit of 42.42) must not stop the till: the page's
    /// other events apply, the cursor moves past it, the event waits aside
    /// with its reason and applies on a later round once it can. Before, the
    /// whole page rolled back and every round failed on it.
    #[test]
    fn an_event_the_fold_refuses_is_held_aside_and_the_rest_applies() {
        let dir = tempfile::tempdir().expect("dir");
        let a = till(dir.path(), "a.db");
        let b = till(dir.path(), "b.db");
        let ada = enrol(
            &a,
            Profile {
                name: Some("Ada".into()),
                ..Profile::default()
            },
        );
        for amount in [1000, 4242, 500] {
            a.record_visit(ada, visit(amount), None).expect("visit");
        }
        let page = as_pulled(&a);
        let last = page.last().map(|e| (e.server_seq, Some(e.event.id)));

        let own = b.events().expect("events").len();
        b.conn()
            .execute_batch(
                "CREATE TEMP TRIGGER refuse_4242 BEFORE INSERT ON visits
                 WHEN NEW.amount = 4242
                 BEGIN SELECT RAISE(ABORT, 'the fold refuses this visit'); END;",
            )
            .expect("trigger");
        let r = b.apply_pulled(&page, last).expect("the page applies");
        assert_eq!((r.applied, r.held), (page.len() - 1, 1), "{r:?}");
        assert_eq!(b.sync_cursor().expect("cursor"), page.len() as i64);
        let held = b.held().expect("held");
        assert_eq!(held.len(), 1);
        assert!(held[0].reason.contains("refuses this visit"), "{held:?}");
        // Not in the ledger while held, so the rebuild agrees with the fold.
        assert_eq!(b.events().expect("events").len(), own + page.len() - 1);
        assert_eq!(points(&b, ada), points(&a, ada) - 42);
        assert!(b
            .rebuild(false, |_, _| {})
            .expect("rebuild")
            .differences
            .is_empty());
        // The same page again: duplicates, and the held one held again.
        let again = b.apply_pulled(&page, last).expect("again");
        assert_eq!((again.duplicates, again.held), (page.len() - 1, 1));

        // Still refused: it stays, nothing moves.
        assert_eq!(b.retry_held().expect("retry").applied, 0);
        assert_eq!(b.held().expect("held").len(), 1);
        // A build whose fold takes it: it applies and leaves the list.
        b.conn()
            .execute_batch("DROP TRIGGER refuse_4242")
            .expect("drop");
        assert_eq!(b.retry_held().expect("retry").applied, 1);
        assert!(b.held().expect("held").is_empty());
        assert_eq!(points(&b, ada), points(&a, ada));
        assert!(b
            .rebuild(false, |_, _| {})
            .expect("rebuild")
            .differences
            .is_empty());
    }

    /// An erasure forgets what a held event said of the customer.
    #[test]
    fn an_erasure_blanks_held_events_of_the_customer() {
        let dir = tempfile::tempdir().expect("dir");
        let a = till(dir.path(), "a.db");
        let b = till(dir.path(), "b.db");
        let profile = Profile {
            name: Some("Zebulon Quartermaine".into()),
            phone: Some("+15550001234".into()),
            ..Profile::default()
        };
        let c = enrol(&a, profile);
        b.conn()
            .execute_batch(
                "CREATE TEMP TRIGGER refuse_all BEFORE INSERT ON customers
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .expect("trigger");
        let page = as_pulled(&a);
        b.apply_pulled(&page, None).expect("page");
        assert_eq!(b.held().expect("held").len(), 1, "the enrolment");
        b.conn()
            .execute_batch("DROP TRIGGER refuse_all")
            .expect("drop");
        a.erase(c, None).expect("erase");
        let mut page = as_pulled(&a);
        page.retain(|e| matches!(e.event.body, crate::ledger::EventBody::Erased { .. }));
        b.apply_pulled(&page, None).expect("erasure");
        let bodies: Vec<Option<String>> = b
            .conn()
            .prepare("SELECT body FROM sync_held")
            .expect("select")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("bodies");
        assert!(
            bodies.iter().flatten().all(|b| !b.contains("Zebulon")),
            "{bodies:?}"
        );
    }
}
