//! Appending an event: one transaction allocates the device sequence, inserts the
//! event and its deltas, queues it for sync and updates the projections.

use chrono::NaiveDate;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite, Transaction};

use super::{apply, parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::{Event, EventBody};
use crate::location::Location;

pub(crate) const SELECT_EVENT: &str =
    "SELECT id, device, device_seq, seen_server_seq, device_time, staff, body FROM events ORDER BY seq";

/// Reads an event back from a row of `SELECT_EVENT`'s columns.
pub(crate) fn event_from_row(row: &SqliteRow) -> Result<Event> {
    let id: String = row.try_get("id")?;
    let device: String = row.try_get("device")?;
    let time: String = row.try_get("device_time")?;
    let body: String = row.try_get("body")?;
    let body: EventBody = serde_json::from_str(&body)
        .map_err(|e| EngineError::Corrupt(format!("event {id}: {e}")))?;
    Ok(Event {
        id: parse_uuid(&id, "event")?,
        device: parse_uuid(&device, "device")?,
        device_seq: row.try_get("device_seq")?,
        seen_server_seq: row.try_get("seen_server_seq")?,
        device_time: chrono::DateTime::parse_from_rfc3339(&time)
            .map_err(|e| EngineError::Corrupt(format!("event {id} time: {e}")))?
            .with_timezone(&chrono::Utc),
        staff: row.try_get("staff")?,
        body,
    })
}

/// The business date an event's deltas count on: the one it carries, or its
/// device time in this location's zone.
pub(crate) fn business_date_of(event: &Event, location: &Location) -> NaiveDate {
    match &event.body {
        EventBody::Visit { business_date, .. } | EventBody::Redeemed { business_date, .. } => {
            *business_date
        }
        _ => location.business_date(event.device_time),
    }
}

impl Store {
    /// The event this till already recorded under `key`, if any.
    pub(crate) async fn find_idempotent(&self, key: &str) -> Result<Option<Event>> {
        let row = sqlx::query(
            "SELECT id, device, device_seq, seen_server_seq, device_time, staff, body FROM events
             WHERE device = (SELECT id FROM device) AND idempotency_key = ?",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(event_from_row).transpose()
    }

    /// Appends a new event of this till inside `tx`, and applies it.
    pub(crate) async fn append(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        location: &Location,
        body: EventBody,
        staff: Option<String>,
        idempotency_key: Option<&str>,
    ) -> Result<Event> {
        let now = self.clock.now();
        self.append_at(tx, location, body, staff, idempotency_key, now)
            .await
    }

    /// Appends with an explicit device time (the demo generator writes history).
    pub(crate) async fn append_at(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        location: &Location,
        body: EventBody,
        staff: Option<String>,
        idempotency_key: Option<&str>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Event> {
        let row = sqlx::query("SELECT id, next_seq, seen_server_seq FROM device")
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(EngineError::NotInitialised)?;
        let device: String = row.try_get("id")?;
        let event = Event {
            id: crate::ids::new_v7(now),
            device: parse_uuid(&device, "device")?,
            device_seq: row.try_get("next_seq")?,
            seen_server_seq: row.try_get("seen_server_seq")?,
            device_time: now,
            staff,
            body,
        };
        let seq = insert_event(tx, &event, idempotency_key, location).await?;
        sqlx::query("INSERT INTO outbox (device_seq, event_seq) VALUES (?, ?)")
            .bind(event.device_seq)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
        sqlx::query("UPDATE device SET next_seq = next_seq + 1")
            .execute(&mut **tx)
            .await?;
        apply::apply(tx, &event).await?;
        Ok(event)
    }
}

/// Inserts an event row and its delta index rows; returns the local sequence.
/// A plain INSERT: an id or a (device, sequence) seen before is an error.
pub(crate) async fn insert_event(
    tx: &mut Transaction<'static, Sqlite>,
    event: &Event,
    idempotency_key: Option<&str>,
    location: &Location,
) -> Result<i64> {
    let body =
        serde_json::to_string(&event.body).map_err(|e| EngineError::Corrupt(e.to_string()))?;
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO events (id, device, device_seq, seen_server_seq, device_time, staff, kind, customer,
                             idempotency_key, body, content_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
    )
    .bind(event.id.to_string())
    .bind(event.device.to_string())
    .bind(event.device_seq)
    .bind(event.seen_server_seq)
    .bind(event.device_time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    .bind(&event.staff)
    .bind(event.body.kind())
    .bind(event.body.customer().map(|c| c.to_string()))
    .bind(idempotency_key)
    .bind(body)
    .bind(event.content_hash())
    .fetch_one(&mut **tx)
    .await?;
    // Void deltas are not indexed: a void removes its target's deltas instead, so
    // two tills voiding the same visit undo it once.
    if !matches!(event.body, EventBody::Voided { .. }) {
        if let Some(customer) = event.body.customer() {
            let date = business_date_of(event, location).to_string();
            for d in event.body.deltas().iter().filter(|d| d.amount != 0) {
                sqlx::query(
                    "INSERT INTO event_deltas (event_seq, kind, customer, account, amount, business_date)
                     VALUES (?, ?, ?, ?, ?, ?)",
                )
                .bind(seq)
                .bind(event.body.kind())
                .bind(customer.to_string())
                .bind(d.account.to_string())
                .bind(d.amount)
                .bind(&date)
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    Ok(seq)
}

/// What importing a batch of events did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// Events new to this till, inserted and applied.
    pub applied: usize,
    /// Events this till already had, byte for byte: harmless repeats.
    pub duplicates: usize,
}

impl Store {
    /// Applies events written elsewhere (another till, the server) in one
    /// transaction. An event already here with the same content is skipped; the
    /// same id with other content, or another event at the same place in a
    /// device's stream, is a forked device and refuses the whole batch.
    pub async fn import_events(&self, events: &[Event]) -> Result<ImportReport> {
        let location = self.location().await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let mut report = ImportReport::default();
        for event in events {
            let existing: Option<String> =
                sqlx::query_scalar("SELECT content_hash FROM events WHERE id = ?")
                    .bind(event.id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
            match existing {
                Some(hash) if hash == event.content_hash() => {
                    report.duplicates += 1;
                    continue;
                }
                Some(_) => return Err(EngineError::invalid(
                    "event",
                    format!(
                        "event {} arrived with other content than the copy here: a forked device",
                        event.id
                    ),
                )),
                None => {}
            }
            let clash: Option<String> =
                sqlx::query_scalar("SELECT id FROM events WHERE device = ? AND device_seq = ?")
                    .bind(event.device.to_string())
                    .bind(event.device_seq)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some(other) = clash {
                return Err(EngineError::invalid(
                    "event",
                    format!(
                        "device {} wrote both {other} and {} as number {}: a forked device",
                        event.device, event.id, event.device_seq
                    ),
                ));
            }
            insert_event(&mut tx, event, None, &location).await?;
            apply::apply(&mut tx, event).await?;
            report.applied += 1;
        }
        tx.commit().await?;
        Ok(report)
    }
}
