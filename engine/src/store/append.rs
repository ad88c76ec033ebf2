//! Appending an event: one transaction allocates the device sequence, inserts the
//! event and its deltas, queues it for sync and updates the projections.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{apply, parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::{Event, EventBody};
use crate::location::Location;

/// The columns `event_from_row` reads, from an `events` table aliased `e`.
pub(crate) const SELECT_EVENT_COLUMNS: &str = "e.id AS id, e.device AS device, e.device_seq AS device_seq,
     e.seen_server_seq AS seen_server_seq, e.device_time AS device_time, e.staff AS staff, e.body AS body,
     e.author_sig AS author_sig, e.sig AS sig";

pub(crate) const SELECT_EVENT: &str =
    "SELECT id, device, device_seq, seen_server_seq, device_time, staff, body, author_sig, sig FROM events ORDER BY seq";

/// Reads an event back from a row with `SELECT_EVENT`'s columns.
pub(crate) fn event_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Event>> {
    let id: String = row.get("id")?;
    let device: String = row.get("device")?;
    let time: String = row.get("device_time")?;
    let body: String = row.get("body")?;
    let device_seq: i64 = row.get("device_seq")?;
    let seen_server_seq: i64 = row.get("seen_server_seq")?;
    let staff: Option<String> = row.get("staff")?;
    let author_sig: Option<String> = row.get("author_sig")?;
    let sig: Option<String> = row.get("sig")?;
    Ok((|| {
        let body: EventBody = serde_json::from_str(&body)
            .map_err(|e| EngineError::Corrupt(format!("event {id}: {e}")))?;
        Ok(Event {
            id: parse_uuid(&id, "event")?,
            device: parse_uuid(&device, "device")?,
            device_seq,
            seen_server_seq,
            device_time: DateTime::parse_from_rfc3339(&time)
                .map_err(|e| EngineError::Corrupt(format!("event {id} time: {e}")))?
                .with_timezone(&Utc),
            staff,
            body,
            author_sig,
            sig,
        })
    })())
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

#[cfg(feature = "commands")]
/// The event this till already recorded under `key`, if any.
/// The event this till recorded under `key`, with the hash of the request it
/// was recorded for (none for keys recorded before requests were kept).
pub(crate) fn find_idempotent(
    conn: &Connection,
    key: &str,
) -> Result<Option<(Event, Option<String>)>> {
    conn.query_row(
        "SELECT id, device, device_seq, seen_server_seq, device_time, staff, body, author_sig, sig, request FROM events
         WHERE device = (SELECT id FROM device) AND idempotency_key = ?",
        [key],
        |r| Ok((event_from_row(r)?, r.get::<_, Option<String>>("request")?)),
    )
    .optional()?
    .map(|(event, request)| event.map(|e| (e, request)))
    .transpose()
}

/// Appends a new event of this till at `now` inside the caller's transaction, and applies it.
pub(crate) fn append_at(
    conn: &Connection,
    location: &Location,
    body: EventBody,
    author: Option<&super::Author>,
    idempotency: Option<(&str, &str)>,
    now: DateTime<Utc>,
) -> Result<Event> {
    let (device, next_seq, seen): (String, i64, i64) = conn
        .prepare_cached("SELECT id, next_seq, seen_server_seq FROM device")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or(EngineError::NotInitialised)?;
    let mut event = Event {
        id: crate::ids::new_v7(now),
        device: parse_uuid(&device, "device")?,
        device_seq: next_seq,
        seen_server_seq: seen,
        device_time: now,
        staff: author.map(|a| a.id.to_string()),
        body,
        author_sig: None,
        sig: None,
    };
    if let Some(author) = author {
        event.sign_as_author(&author.key());
    }
    event.sign(&super::signing_key_of(conn)?);
    let seq = insert_event(conn, &event, idempotency, None, location)?;
    conn.prepare_cached("INSERT INTO outbox (device_seq, event_seq) VALUES (?, ?)")?
        .execute(params![event.device_seq, seq])?;
    conn.prepare_cached("UPDATE device SET next_seq = next_seq + 1")?
        .execute([])?;
    apply::apply(conn, &event, None)?;
    Ok(event)
}

/// Inserts an event row and its delta index rows; returns the local sequence.
/// A plain INSERT: an id or a (device, sequence) seen before is an error.
pub(crate) fn insert_event(
    conn: &Connection,
    event: &Event,
    idempotency: Option<(&str, &str)>,
    server_seq: Option<i64>,
    location: &Location,
) -> Result<i64> {
    let body =
        serde_json::to_string(&event.body).map_err(|e| EngineError::Corrupt(e.to_string()))?;
    let customer = event.body.customer().map(|c| c.to_string());
    let seq: i64 = conn
        .prepare_cached(
            "INSERT INTO events (id, device, device_seq, seen_server_seq, device_time, staff, kind, customer,
                                 idempotency_key, request, body, content_hash, server_seq, author_sig, sig)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
        )?
        .query_row(
            params![
                event.id.to_string(),
                event.device.to_string(),
                event.device_seq,
                event.seen_server_seq,
                event.device_time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                event.staff,
                event.body.kind(),
                customer,
                idempotency.map(|(k, _)| k),
                idempotency.map(|(_, r)| r),
                body,
                event.content_hash(),
                server_seq,
                event.author_sig,
                event.sig,
            ],
            |r| r.get(0),
        )?;
    if event.sig.is_some() {
        conn.prepare_cached(
            "INSERT INTO signing_devices (device, signs_from) VALUES (?, ?) ON CONFLICT (device) DO NOTHING",
        )?
        .execute(params![event.device.to_string(), event.device_seq])?;
    }
    // Void deltas are not indexed: readers leave a voided target's deltas out
    // instead (`LIVE_DELTA`, the `voided` table), so two tills voiding the same
    // visit undo it once.
    if let (Some(customer), false) = (customer, matches!(event.body, EventBody::Voided { .. })) {
        let date = business_date_of(event, location).to_string();
        let mut stmt = conn.prepare_cached(
            "INSERT INTO event_deltas (event_seq, kind, customer, account, amount, business_date)
             VALUES (?, ?, ?, ?, ?, ?)",
        )?;
        for d in event.body.deltas().iter().filter(|d| d.amount != 0) {
            stmt.execute(params![
                seq,
                event.body.kind(),
                customer,
                d.account.to_string(),
                d.amount,
                date
            ])?;
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
    /// Events this till's fold could not apply, held aside (see `store::held`).
    pub held: usize,
}

impl Store {
    /// The event with this id, as stored here.
    pub fn event(&self, id: crate::ledger::EventId) -> Result<Event> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {SELECT_EVENT_COLUMNS} FROM events e WHERE e.id = ?"
            ))?
            .query_row([id.to_string()], event_from_row)
            .optional()?
            .ok_or_else(|| EngineError::not_found("event", id.to_string()))?
    }

    /// Applies events written elsewhere (another till, the server) in one
    /// transaction. An event already here with the same content is skipped; the
    /// same id with other content, or another event at the same place in a
    /// device's stream, is a forked device and refuses the whole batch. For
    /// tests playing another till: a till takes others' events only from the
    /// server (`apply_pulled`).
    #[cfg(feature = "testing")]
    pub fn import_events(&self, events: &[Event]) -> Result<ImportReport> {
        let mut conn = self.conn();
        let location = super::location_of(&conn)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut report = ImportReport::default();
        for event in events {
            if import_one(&tx, event, None, &location)? {
                report.applied += 1;
            } else {
                report.duplicates += 1;
            }
        }
        tx.commit()?;
        drop(conn);
        if has_erasure(events) {
            self.empty_wal_after_erasure();
        }
        Ok(report)
    }
}

/// True when `events` may erase someone: the WAL is emptied after they
/// commit. A merge may (it brings a record under an erasure of the record it
/// joins); merges are rare, so emptying the WAL after each costs little.
pub(crate) fn has_erasure<'a>(events: impl IntoIterator<Item = &'a Event>) -> bool {
    events
        .into_iter()
        .any(|e| matches!(e.body, EventBody::Erased { .. } | EventBody::Merged { .. }))
}

/// Inserts and applies one event written elsewhere, inside the caller's
/// transaction. Returns false for an event already here with the same content (a
/// harmless repeat). The same id with other content, or another event at the same
/// place in a device's stream, is a forked device: an error, and the caller's
/// transaction must roll back.
pub(crate) fn import_one(
    conn: &Connection,
    event: &Event,
    server_seq: Option<i64>,
    location: &Location,
) -> Result<bool> {
    // Insert first and look only when a unique constraint says the id or the
    // place is taken: a catch-up of new events then costs no lookups. (SQLite
    // undoes just the failed statement; the transaction goes on.)
    match insert_event(conn, event, None, server_seq, location) {
        Ok(_) => {
            // Checked once the event is known to be new (a repeat is compared
            // with the copy here instead); an error undoes the insert.
            let version = super::authorship::check(conn, event)?;
            super::authority::check(conn, event, server_seq, version)?;
            super::authority::check_visit(conn, event, version, server_seq.is_some())?;
            apply::apply(conn, event, server_seq)?;
            return Ok(true);
        }
        // Only the events table has unique constraints: this is the event's own row.
        Err(EngineError::Database(rusqlite::Error::SqliteFailure(e, _)))
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE => {}
        Err(e) => return Err(e),
    }
    let here: Option<Event> = conn
        .prepare_cached(&format!(
            "SELECT {SELECT_EVENT_COLUMNS} FROM events e WHERE e.id = ?"
        ))?
        .query_row([event.id.to_string()], event_from_row)
        .optional()?
        .transpose()?;
    if let Some(here) = here {
        // Compare with the copy as stored now (erasure may have scrubbed it; the
        // content hash leaves personal data out, so that is still the same event).
        if here.content_hash() != event.content_hash() {
            return Err(EngineError::Forked(format!(
                "event {} arrived with other content than the copy here",
                event.id
            )));
        }
        if server_seq.is_some() {
            apply::set_server_seq(conn, &event.id.to_string(), server_seq)?;
        }
        return Ok(false);
    }
    let other: Option<String> = conn
        .prepare_cached("SELECT id FROM events WHERE device = ? AND device_seq = ?")?
        .query_row(params![event.device.to_string(), event.device_seq], |r| {
            r.get(0)
        })
        .optional()?;
    Err(EngineError::Forked(format!(
        "device {} wrote both {} and {} as number {}",
        event.device,
        other.as_deref().unwrap_or("another event"),
        event.id,
        event.device_seq
    )))
}
