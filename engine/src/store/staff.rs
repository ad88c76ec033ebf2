//! Staff in the store: the ledger's staff events, this till's lockouts, each
//! person's last action here, and the events the audit lists.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::append::{event_from_row, SELECT_EVENT_COLUMNS};
use super::{parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::{Event, EventId, StaffId};
use crate::staff::{Roster, LOCKOUT_SECONDS, MAX_WRONG_PINS};

/// Where a person stands with wrong PINs on this till.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinAttempts {
    /// Wrong PINs typed since the last right one (below the limit).
    Wrong(u32),
    /// Locked out until then.
    LockedUntil(DateTime<Utc>),
}

fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn time_of(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| EngineError::Corrupt(format!("a stored time `{text}`: {e}")))
}

/// The staff events, as a fold keeps track of them: how many and the last.
/// Every action reads the roster; folding it again only when this changed
/// keeps that to one indexed count.
pub(crate) type RosterCache = std::sync::Mutex<Option<((i64, i64, i64), std::sync::Arc<Roster>)>>;

pub(crate) const STAFF_KINDS: &str =
    "kind IN ('staff_added', 'staff_role_changed', 'staff_pin_changed', 'staff_removed', 'staff_key_set')";

/// The last event `staff` recorded on this till (nobody signed in, for
/// `None`), and when, read on `conn`.
pub(crate) fn last_action_in(
    conn: &Connection,
    staff: Option<StaffId>,
) -> Result<Option<(EventId, DateTime<Utc>)>> {
    let row: Option<(String, String)> = match staff {
        Some(staff) => conn
            .prepare_cached(
                "SELECT id, device_time FROM events
                 WHERE staff = ? AND staff IS NOT NULL AND device = (SELECT id FROM device)
                 ORDER BY device_seq DESC LIMIT 1",
            )?
            .query_row([staff.to_string()], |r| Ok((r.get(0)?, r.get(1)?))),
        None => conn
            .prepare_cached(
                "SELECT id, device_time FROM events
                 WHERE staff IS NULL AND device = (SELECT id FROM device)
                 ORDER BY device_seq DESC LIMIT 1",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?))),
    }
    .optional()?;
    row.map(|(id, at)| Ok((parse_uuid(&id, "event")?, time_of(&at)?)))
        .transpose()
}

impl Store {
    /// Everyone who was ever on the staff, from the ledger's staff events
    /// (shared: every action reads it, and it changes rarely).
    pub fn roster(&self) -> Result<std::sync::Arc<Roster>> {
        self.roster_in(&self.conn())
    }

    /// [`Store::roster`] read on `conn`: inside an action's transaction, so
    /// who may act is decided on the same snapshot the action writes to.
    pub(crate) fn roster_in(&self, conn: &Connection) -> Result<std::sync::Arc<Roster>> {
        // The server's numbers too: they bound the order keys (a restored
        // server numbers events again).
        let stamp: (i64, i64, i64) = conn
            .prepare_cached(&format!(
                "SELECT COUNT(*), COALESCE(MAX(seq), 0), COALESCE(SUM(server_seq), 0) FROM events WHERE {STAFF_KINDS}"
            ))?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let mut cache = self.roster_cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((seen, roster)) = cache.as_ref() {
            if *seen == stamp {
                return Ok(roster.clone());
            }
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {SELECT_EVENT_COLUMNS}, e.server_seq AS server_seq FROM events e WHERE {STAFF_KINDS}"
        ))?;
        let events = stmt
            .query_map([], |r| {
                Ok((event_from_row(r)?, r.get::<_, Option<i64>>("server_seq")?))
            })?
            .map(|r| {
                let (event, at) = r?;
                Ok((event?, at))
            })
            .collect::<Result<Vec<(Event, Option<i64>)>>>()?;
        let roster = std::sync::Arc::new(Roster::fold_keyed(
            events.iter().map(|(e, at)| (e.bounded_order_key(*at), e)),
        ));
        *cache = Some((stamp, roster.clone()));
        Ok(roster)
    }

    /// Where `staff` stands with wrong PINs, counting this attempt as a wrong
    /// one until [`Store::clear_wrong_pins`] says it was right: attempts made
    /// at once each count, so trying PINs in parallel gains nothing. A
    /// lockout ending further ahead than a lockout lasts (the clock was set
    /// back) is cut to end a lockout from now, and kept so.
    pub(crate) fn begin_pin_attempt(&self, staff: StaffId) -> Result<PinAttempts> {
        let now = self.now();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let row: Option<(u32, Option<String>)> = tx
            .prepare_cached("SELECT wrong_pins, locked_until FROM staff_lockout WHERE staff = ?")?
            .query_row([staff.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let longest = now + chrono::Duration::seconds(LOCKOUT_SECONDS);
        let (wrong, locked) = match row {
            None => (0, None),
            Some((wrong, None)) => (wrong, None),
            Some((wrong, Some(until))) => {
                let until = time_of(&until)?;
                match until > now {
                    true => (wrong, Some(until.min(longest))),
                    false => (0, None),
                }
            }
        };
        let answer = match locked {
            Some(until) => {
                tx.prepare_cached("UPDATE staff_lockout SET locked_until = ? WHERE staff = ?")?
                    .execute(params![time_text(until), staff.to_string()])?;
                PinAttempts::LockedUntil(until)
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO staff_lockout (staff, wrong_pins, locked_until) VALUES (?1, ?2, NULL)
                     ON CONFLICT (staff) DO UPDATE SET wrong_pins = ?2, locked_until = NULL",
                )?
                .execute(params![staff.to_string(), wrong + 1])?;
                PinAttempts::Wrong(wrong + 1)
            }
        };
        tx.commit()?;
        Ok(answer)
    }

    /// After a wrong PIN: the fifth in a row locks the person out for five
    /// minutes. Answers where they stand now.
    pub(crate) fn settle_wrong_pin(&self, staff: StaffId) -> Result<PinAttempts> {
        let now = self.now();
        let conn = self.conn();
        let wrong: u32 = conn
            .prepare_cached("SELECT wrong_pins FROM staff_lockout WHERE staff = ?")?
            .query_row([staff.to_string()], |r| r.get(0))
            .optional()?
            .unwrap_or(1);
        if wrong < MAX_WRONG_PINS {
            return Ok(PinAttempts::Wrong(wrong));
        }
        let until = now + chrono::Duration::seconds(LOCKOUT_SECONDS);
        conn.prepare_cached(
            "INSERT INTO staff_lockout (staff, wrong_pins, locked_until) VALUES (?1, 0, ?2)
             ON CONFLICT (staff) DO UPDATE SET wrong_pins = 0, locked_until = ?2",
        )?
        .execute(params![staff.to_string(), time_text(until)])?;
        Ok(PinAttempts::LockedUntil(until))
    }

    /// Forgets wrong PINs for `staff` after a right one.
    pub(crate) fn clear_wrong_pins(&self, staff: StaffId) -> Result<()> {
        self.conn()
            .prepare_cached("DELETE FROM staff_lockout WHERE staff = ?")?
            .execute([staff.to_string()])?;
        Ok(())
    }

    /// The last event `staff` recorded on this till (the last recorded by
    /// nobody signed in, for `None`), and when.
    pub fn last_action_of(
        &self,
        staff: Option<StaffId>,
    ) -> Result<Option<(EventId, DateTime<Utc>)>> {
        last_action_in(&self.conn(), staff)
    }

    /// Events of the given kinds written between `from` and `to` (device
    /// time, `to` excluded), oldest first: what the audit lists.
    pub fn events_of_kinds(
        &self,
        kinds: &[&str],
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Event>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {SELECT_EVENT_COLUMNS} FROM events e
             WHERE e.device_time >= ?1 AND e.device_time < ?2
               AND e.kind IN (SELECT value FROM json_each(?3))
             ORDER BY e.device_time, e.seq"
        ))?;
        let kinds =
            serde_json::to_string(kinds).map_err(|e| EngineError::Corrupt(e.to_string()))?;
        let events = stmt
            .query_map(
                params![time_text(from), time_text(to), kinds],
                event_from_row,
            )?
            .map(|r| r?)
            .collect::<Result<Vec<Event>>>()?;
        Ok(events)
    }
}

impl Store {
    /// Every event voided, on any day (voids are few: a report over a long
    /// period reads them all rather than asking about each of its events).
    pub fn voided_targets(&self) -> Result<std::collections::HashSet<EventId>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached("SELECT target FROM voided")?;
        let targets = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .map(|t| parse_uuid(&t?, "event"))
            .collect::<Result<_>>()?;
        Ok(targets)
    }

    /// Which of `events` were voided since (on any day): a voided visit counts
    /// nowhere in the reports but among the voids.
    pub fn voided_among(&self, events: &[EventId]) -> Result<std::collections::HashSet<EventId>> {
        let ids: Vec<String> = events.iter().map(ToString::to_string).collect();
        let ids = serde_json::to_string(&ids).map_err(|e| EngineError::Corrupt(e.to_string()))?;
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT target FROM voided WHERE target IN (SELECT value FROM json_each(?1))",
        )?;
        let targets = stmt
            .query_map([ids], |r| r.get::<_, String>(0))?
            .map(|t| parse_uuid(&t?, "event"))
            .collect::<Result<_>>()?;
        Ok(targets)
    }
}

/// A manager action that wrote no event, as the audit lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotedAction {
    /// When, by this till's clock.
    pub at: DateTime<Utc>,
    /// Who (their id), or none while the till ran open.
    pub staff: Option<String>,
    /// What (`export`, `backup`, `rebuild`, `demo_data`, `pair`, `card_sheets`).
    pub action: String,
    /// Its particulars (a customer id, a file, a count), in English.
    pub detail: String,
}

impl Store {
    /// Notes a manager action that wrote no event, by whoever this handle acts for.
    pub(crate) fn note_manager_action(&self, action: &str, detail: &str) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO manager_actions (at, staff, action, detail) VALUES (?, ?, ?, ?)",
            )?
            .execute(params![
                time_text(self.now()),
                self.actor_id().map(|s| s.to_string()),
                action,
                detail
            ])?;
        Ok(())
    }

    /// The manager actions noted between `from` and `to` (`to` excluded), oldest first.
    pub fn noted_actions(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<NotedAction>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT at, staff, action, detail FROM manager_actions
             WHERE at >= ? AND at < ? ORDER BY at, seq",
        )?;
        let rows = stmt.query_map(params![time_text(from), time_text(to)], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, staff, action, detail) = row?;
            out.push(NotedAction {
                at: time_of(&at)?,
                staff,
                action,
                detail,
            });
        }
        Ok(out)
    }
}
