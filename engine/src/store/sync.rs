//! The till's side of sync inside the store: its pairing, the outbox it pushes,
//! the acknowledgements it records and the pages it pulls. Every step is one
//! transaction, so a crash between any two steps repeats harmless work (a resend
//! the server acknowledges as a duplicate, a page applied again as duplicates)
//! and never loses or doubles an event.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use uuid::Uuid;

use super::append::SELECT_EVENT_COLUMNS;
use super::held::{import_isolated, Imported};
use super::{append, location_of, shop_of, ImportReport, Store};
use crate::card_code::ShopId;
use crate::error::{EngineError, Result};
use crate::ledger::{DeviceId, Event};
use crate::location::Location;
use crate::sync::protocol::{Ack, AckStatus, ServerEvent};

/// Where a paired till syncs, and with which credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncConfig {
    /// The server's base URL (`https://cloud.example.com`).
    pub server: String,
    /// The device token the server gave at pairing (secret; the server keeps its hash).
    #[serde(skip)]
    pub token: String,
    /// The merchant the till belongs to.
    pub merchant: Uuid,
}

/// An event the server refused, kept for a manager to see; it is not resent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParkedEvent {
    /// Its place in this till's stream.
    pub device_seq: i64,
    /// The event.
    pub event_id: String,
    /// The server's reason.
    pub reason: String,
    /// When the answer came (till clock).
    pub parked_at: String,
}

/// What recording a push's acknowledgements did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AckReport {
    /// Stored by the server now.
    pub accepted: usize,
    /// Stored before (a resend).
    pub duplicates: usize,
    /// Refused and parked.
    pub parked: usize,
}

pub(crate) fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// The sync configuration inside a transaction, if the till is paired.
pub(crate) fn sync_config_of(conn: &Connection) -> Result<Option<SyncConfig>> {
    let (Some(server), Some(token), Some(merchant)) = (
        setting(conn, "sync.server")?,
        setting(conn, "sync.token")?,
        setting(conn, "sync.merchant")?,
    ) else {
        return Ok(None);
    };
    let merchant = merchant
        .parse()
        .map_err(|_| EngineError::Corrupt(format!("sync merchant `{merchant}` is not an id")))?;
    Ok(Some(SyncConfig {
        server,
        token,
        merchant,
    }))
}

/// When this till last completed a sync round (its own clock), if ever.
pub(crate) fn last_sync_of(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    setting(conn, "sync.last_success")?
        .map(|t| {
            DateTime::parse_from_rfc3339(&t)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| EngineError::Corrupt(format!("last sync time `{t}`")))
        })
        .transpose()
}

/// Bodies one push may carry: three quarters of the largest request the server
/// reads, the rest left for each event's envelope.
const PUSH_BODY_BYTES: i64 = (crate::sync::protocol::MAX_REQUEST_BYTES as i64) / 4 * 3;

impl Store {
    /// The sync configuration, if this till is paired.
    pub fn sync_config(&self) -> Result<Option<SyncConfig>> {
        sync_config_of(&self.conn())
    }

    infrastructure! {
        /// Records a pairing. A new till (`device` is the id it paired with) is set up
        /// for the server's shop and location; a till set up before keeps its
        /// location, which must use the same currency, and must carry the same shop id.
        fn record_pairing(
            &self,
            device: DeviceId,
            location: &Location,
            shop: ShopId,
            config: &SyncConfig,
        ) -> Result<()> {
            let mut conn = self.conn();
            // One transaction: a till set up here for the server's shop is also
            // paired, or neither happened.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let existing: Option<String> = tx
                .query_row("SELECT id FROM device", [], |r| r.get(0))
                .optional()?;
            let existing = existing
                .map(|id| super::parse_uuid(&id, "device"))
                .transpose()?;
            if existing.is_none() {
                super::init_in(&tx, location, Some(shop), Some(device), self.now())?;
            }
            if let Some(d) = existing {
                if d != device {
                    return Err(EngineError::invalid(
                        "device",
                        format!("this till is device {d}, not {device}"),
                    ));
                }
                let here = location_of(&tx)?;
                if here.currency != location.currency {
                    return Err(EngineError::invalid(
                        "server",
                        format!(
                            "this till counts in {} but the merchant in {}",
                            here.currency, location.currency
                        ),
                    ));
                }
                if shop_of(&tx)? != shop {
                    return Err(EngineError::invalid(
                        "server",
                        "this till belongs to another shop than the merchant it paired with",
                    ));
                }
            }
            set_setting(&tx, "sync.server", config.server.trim_end_matches('/'))?;
            set_setting(&tx, "sync.token", &config.token)?;
            set_setting(&tx, "sync.merchant", &config.merchant.to_string())?;
            // Pairing is a contact with the server: the offline allowance counts from here.
            set_setting(
                &tx,
                "sync.last_success",
                &self
                    .now()
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            )?;
            tx.commit()?;
            Ok(())
        }
    }

    /// The shop id this till writes in its card codes.
    pub fn shop(&self) -> Result<ShopId> {
        shop_of(&self.conn())
    }

    /// The next events to push: the oldest `limit` in the outbox, contiguous by
    /// device sequence (the outbox only ever loses its oldest rows).
    pub fn outbox_batch(&self, limit: usize) -> Result<Vec<Event>> {
        self.outbox_after(0, limit)
    }

    /// The oldest `limit` events in the outbox after device sequence `after` (the
    /// batch after one still on its way), as many as fit one push request: their
    /// bodies add up to at most `PUSH_BODY_BYTES`, or the batch is one event.
    pub fn outbox_after(&self, after: i64, limit: usize) -> Result<Vec<Event>> {
        let conn = self.conn();
        let sql = format!(
            "SELECT {SELECT_EVENT_COLUMNS}, octet_length(e.body) AS body_bytes
             FROM outbox o JOIN events e ON e.seq = o.event_seq
             WHERE o.device_seq > ? ORDER BY o.device_seq LIMIT ?"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![after, i64::try_from(limit).unwrap_or(i64::MAX)])?;
        let mut batch = Vec::new();
        let mut bytes: i64 = 0;
        // Counting events alone, a run of large ones (visits with many items,
        // programs) made a request the server refuses as too large, and the
        // same request again and again: the till never synced again.
        while let Some(row) = rows.next()? {
            bytes = bytes.saturating_add(row.get("body_bytes")?);
            if !batch.is_empty() && bytes > PUSH_BODY_BYTES {
                break;
            }
            batch.push(append::event_from_row(row)??);
        }
        Ok(batch)
    }

    /// Events waiting to be pushed.
    pub fn outbox_len(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))?)
    }

    infrastructure! {
        /// Records the server's answer to a push in one transaction: accepted and
        /// duplicate events leave the outbox with their server sequence; rejected ones
        /// leave it for the parked list. An acknowledgement that does not name an
        /// event of this till's outbox is ignored.
        fn acknowledge(&self, acks: &[Ack]) -> Result<AckReport> {
            let now = self.now();
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut report = AckReport::default();
            for ack in acks {
                // Only an event of this till's outbox, at that place, is acknowledged.
                let removed = tx
                    .prepare_cached(
                        "DELETE FROM outbox WHERE device_seq = ?
                           AND event_seq = (SELECT seq FROM events WHERE id = ?)",
                    )?
                    .execute(params![ack.device_seq, ack.id.to_string()])?;
                if removed == 0 {
                    continue;
                }
                match ack.status {
                    AckStatus::Accepted | AckStatus::Duplicate => {
                        super::apply::set_server_seq(&tx, &ack.id.to_string(), ack.server_seq)?;
                        if ack.status == AckStatus::Accepted {
                            report.accepted += 1;
                        } else {
                            report.duplicates += 1;
                        }
                    }
                    AckStatus::Rejected => {
                        tx.prepare_cached(
                            "INSERT INTO sync_parked (device_seq, event_id, reason, parked_at) VALUES (?, ?, ?, ?)
                             ON CONFLICT (device_seq) DO NOTHING",
                        )?
                        .execute(params![
                            ack.device_seq,
                            ack.id.to_string(),
                            ack.reason.as_deref().unwrap_or("refused by the server"),
                            now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                        ])?;
                        tracing::warn!(event = %ack.id, reason = ?ack.reason, "the server refused an event; parked");
                        report.parked += 1;
                    }
                }
            }
            tx.commit()?;
            Ok(report)
        }
    }

    /// Puts this till's own events from `device_seq` on back into the outbox:
    /// the server reported a gap (it lost events, say restored from a backup), and
    /// the till still holds every event it wrote. Returns how many were queued.
    pub(crate) fn requeue_from(&self, device_seq: i64) -> Result<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "INSERT INTO outbox (device_seq, event_seq)
             SELECT e.device_seq, e.seq FROM events e
             WHERE e.device = (SELECT id FROM device) AND e.device_seq >= ?
               AND e.device_seq NOT IN (SELECT device_seq FROM sync_parked)
             ON CONFLICT (device_seq) DO NOTHING",
            [device_seq],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// The highest server sequence this till has applied: where the next pull starts.
    pub fn sync_cursor(&self) -> Result<i64> {
        self.conn()
            .query_row("SELECT seen_server_seq FROM device", [], |r| r.get(0))
            .optional()?
            .ok_or(EngineError::NotInitialised)
    }

    /// This till's proof that it is itself, for pairing again under its own
    /// device id with the one-time `code`: a signature with its card-signing
    /// key, which it announced to the shop.
    pub fn pairing_proof(&self, code: &str) -> Result<String> {
        let conn = self.conn();
        let device: String = conn
            .query_row("SELECT id FROM device", [], |r| r.get(0))
            .optional()?
            .ok_or(EngineError::NotInitialised)?;
        let device = super::parse_uuid(&device, "device")?;
        let key = super::signing_key_of(&conn)?;
        let message = crate::sync::protocol::pairing_proof_message(device, code);
        Ok(crate::card_code::sign_pairing_proof(&key, &message))
    }

    infrastructure! {
        /// Applies a page of pulled events and moves the cursor past them, in
        /// transactions that each hold whole events and the cursor after the last
        /// one: a crash applies nothing of the transaction in progress, and those
        /// events are pulled again. Events already here (a page seen before) are
        /// duplicates. `end`, when given, moves the cursor on to the page's end once
        /// all its events are in (past this till's own events, which the server
        /// leaves out) and records the id of the event there.
        ///
        /// A long catch-up runs in large transactions while nobody else needs the
        /// store, and commits as soon as anyone waits for it: a barista's visit
        /// waits for one event and a commit, not for a page.
        fn apply_pulled(
            &self,
            page: &[ServerEvent],
            end: Option<(i64, Option<Uuid>)>,
        ) -> Result<ImportReport> {
            let mut report = ImportReport::default();
            let mut done = 0;
            loop {
                let conn = self.conn_after_others();
                let location = location_of(&conn)?;
                // Pulled events need not reach the disk before the commit returns:
                // they commit with the cursor past them, so a power cut that loses
                // the commit loses the cursor's move too, and they are pulled again.
                // Skipping that flush (the WAL stays consistent) makes a catch-up
                // cheaper; the till's own actions keep `synchronous = FULL`.
                let lowered = LoweredDurability::new(&conn)?;
                let run = pulled_run(
                    lowered.0,
                    &location,
                    &page[done..],
                    end,
                    &self.waiting,
                    self.now(),
                );
                lowered.restore()?;
                let (applied, r) = run?;
                done += applied;
                report.applied += r.applied;
                report.duplicates += r.duplicates;
                report.held += r.held;
                if done >= page.len() {
                    drop(conn);
                    if super::append::has_erasure(page.iter().map(|e| &e.event)) {
                        self.empty_wal_after_erasure();
                    }
                    return Ok(report);
                }
            }
        }
    }
}

/// `synchronous = NORMAL` on the shared connection for as long as it lives:
/// dropped on any path out (an error, a panic), it puts `FULL` back, so the
/// till's own actions never run with lowered durability.
struct LoweredDurability<'c>(&'c Connection);

impl<'c> LoweredDurability<'c> {
    fn new(conn: &'c Connection) -> Result<Self> {
        conn.execute_batch("PRAGMA synchronous = NORMAL")?;
        Ok(LoweredDurability(conn))
    }

    /// Puts `FULL` back, reporting a failure (dropping does it silently).
    fn restore(self) -> Result<()> {
        let r = self.0.execute_batch("PRAGMA synchronous = FULL");
        std::mem::forget(self);
        Ok(r?)
    }
}

impl Drop for LoweredDurability<'_> {
    fn drop(&mut self) {
        if let Err(e) = self.0.execute_batch("PRAGMA synchronous = FULL") {
            tracing::error!(error = %e, "could not restore synchronous = FULL");
        }
    }
}

/// One transaction of [`Store::apply_pulled`]: events from the start of `page`
/// until all are in or another thread waits for the store. Returns how many it
/// took; the cursor moves past them (and on to `end` when it took them all).
fn pulled_run(
    conn: &Connection,
    location: &Location,
    page: &[ServerEvent],
    end: Option<(i64, Option<Uuid>)>,
    waiting: &std::sync::atomic::AtomicUsize,
    now: DateTime<Utc>,
) -> Result<(usize, ImportReport)> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let mut report = ImportReport::default();
    let mut cursor: i64 = tx.query_row("SELECT seen_server_seq FROM device", [], |r| r.get(0))?;
    let mut cursor_event: Option<String> =
        tx.query_row("SELECT cursor_event FROM device", [], |r| r.get(0))?;
    let mut taken = 0;
    for item in page {
        // Each event in its own savepoint: one the fold refuses is held
        // aside alone instead of rolling back the page and every round after.
        match import_isolated(&tx, &item.event, item.server_seq, location, now)? {
            Imported::New => report.applied += 1,
            Imported::Duplicate => report.duplicates += 1,
            Imported::Held => report.held += 1,
        }
        if item.server_seq > cursor {
            cursor = item.server_seq;
            cursor_event = Some(item.event.id.to_string());
        }
        taken += 1;
        if waiting.load(std::sync::atomic::Ordering::SeqCst) > 0 {
            break;
        }
    }
    if let (Some((at, id)), true) = (end, taken == page.len()) {
        // A page that ends where the cursor stands names the same event, or
        // (from an older server) none: keep the one we have, or the
        // next pull would look like a restored server and start again from 0.
        if at > cursor || (at == cursor && id.is_some()) {
            cursor = at;
            cursor_event = id.map(|i| i.to_string());
        }
    }
    // An event of this very device that it did not have (its database was
    // restored from an older copy) must not have its number given out again,
    // held aside or not.
    tx.execute(
        "UPDATE device SET seen_server_seq = ?1, cursor_event = ?2,
                next_seq = MAX(next_seq,
                    1 + COALESCE((SELECT MAX(device_seq) FROM events WHERE device = device.id), 0),
                    1 + COALESCE((SELECT MAX(device_seq) FROM sync_held WHERE device = device.id), 0))",
        params![cursor, cursor_event],
    )?;
    tx.commit()?;
    Ok((taken, report))
}

impl Store {
    /// The id of the event this till pulled at its cursor, if any.
    pub fn cursor_event(&self) -> Result<Option<Uuid>> {
        let id: Option<String> = self
            .conn()
            .query_row("SELECT cursor_event FROM device", [], |r| r.get(0))
            .optional()?
            .flatten();
        id.map(|i| super::parse_uuid(&i, "event")).transpose()
    }

    /// Starts pulling from the beginning again (the server was restored from a
    /// backup). Server sequences are forgotten until pulled again.
    pub(crate) fn reset_sync_cursor(&self) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Other tills' events only: this till's own keep the sequence their
        // acknowledgement gave (pulls leave them out), or get a new one when the
        // server asks for them again.
        tx.execute(
            "UPDATE events SET server_seq = NULL
             WHERE server_seq IS NOT NULL AND device <> (SELECT id FROM device)",
            [],
        )?;
        tx.execute("UPDATE device SET seen_server_seq = 0", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Events the server refused, oldest first.
    pub fn parked(&self) -> Result<Vec<ParkedEvent>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT device_seq, event_id, reason, parked_at FROM sync_parked ORDER BY device_seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ParkedEvent {
                device_seq: r.get(0)?,
                event_id: r.get(1)?,
                reason: r.get(2)?,
                parked_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When this till last completed a sync round, by its own clock.
    pub fn last_sync(&self) -> Result<Option<DateTime<Utc>>> {
        last_sync_of(&self.conn())
    }

    /// Notes a completed sync round (outbox empty, caught up) at `at`.
    pub(crate) fn note_synced(&self, at: DateTime<Utc>) -> Result<()> {
        set_setting(
            &self.conn(),
            "sync.last_success",
            &at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synchronous(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA synchronous", [], |r| r.get(0))
            .expect("pragma")
    }

    #[test]
    fn durability_comes_back_after_a_panic_while_lowered() {
        let dir = tempfile::tempdir().expect("dir");
        let conn = super::super::connect(&dir.path().join("t.db")).expect("open");
        assert_eq!(synchronous(&conn), 2, "FULL");
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let lowered = LoweredDurability::new(&conn).expect("lower");
            assert_eq!(synchronous(lowered.0), 1, "NORMAL while applying");
            panic!("a bug while applying a page");
        }));
        assert!(r.is_err());
        assert_eq!(synchronous(&conn), 2, "FULL again");
        // And on the normal path.
        LoweredDurability::new(&conn)
            .expect("lower")
            .restore()
            .expect("restore");
        assert_eq!(synchronous(&conn), 2);
    }
}
