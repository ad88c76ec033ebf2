//! Staff in the store: the ledger's staff events, this till's lockouts, each
//! person's last action here, and the events the audit lists.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

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

impl Store {
    /// Everyone who was ever on the staff, from the ledger's staff events.
    pub fn roster(&self) -> Result<Roster> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {SELECT_EVENT_COLUMNS} FROM events e
             WHERE kind IN ('staff_added', 'staff_role_changed', 'staff_pin_changed', 'staff_removed')"
        ))?;
        let events = stmt
            .query_map([], event_from_row)?
            .map(|r| r?)
            .collect::<Result<Vec<Event>>>()?;
        Ok(Roster::fold(&events))
    }

    /// Wrong PINs for `staff` on this till. A lockout that has run out counts
    /// as none; one that ends further ahead than a lockout lasts (the clock was
    /// set back) ends a lockout from now.
    pub fn pin_attempts(&self, staff: StaffId) -> Result<PinAttempts> {
        let now = self.now();
        let row: Option<(u32, Option<String>)> = self
            .conn()
            .prepare_cached("SELECT wrong_pins, locked_until FROM staff_lockout WHERE staff = ?")?
            .query_row([staff.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match row {
            None => PinAttempts::Wrong(0),
            Some((wrong, None)) => PinAttempts::Wrong(wrong),
            Some((_, Some(until))) => {
                let until = time_of(&until)?;
                let longest = now + chrono::Duration::seconds(LOCKOUT_SECONDS);
                match until > now {
                    true => PinAttempts::LockedUntil(until.min(longest)),
                    false => PinAttempts::Wrong(0),
                }
            }
        })
    }

    /// Counts a wrong PIN for `staff`; the fifth in a row locks them out.
    /// Answers where they stand now.
    pub fn note_wrong_pin(&self, staff: StaffId) -> Result<PinAttempts> {
        let now = self.now();
        let wrong = match self.pin_attempts(staff)? {
            PinAttempts::Wrong(n) => n + 1,
            locked @ PinAttempts::LockedUntil(_) => return Ok(locked),
        };
        let until = now + chrono::Duration::seconds(LOCKOUT_SECONDS);
        let (wrong, locked) = match wrong >= MAX_WRONG_PINS {
            true => (0, Some(time_text(until))),
            false => (wrong, None),
        };
        self.conn()
            .prepare_cached(
                "INSERT INTO staff_lockout (staff, wrong_pins, locked_until) VALUES (?1, ?2, ?3)
                 ON CONFLICT (staff) DO UPDATE SET wrong_pins = ?2, locked_until = ?3",
            )?
            .execute(params![staff.to_string(), wrong, locked])?;
        Ok(match locked {
            Some(_) => PinAttempts::LockedUntil(until),
            None => PinAttempts::Wrong(wrong),
        })
    }

    /// Forgets wrong PINs for `staff` after a right one.
    pub fn clear_wrong_pins(&self, staff: StaffId) -> Result<()> {
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
        let conn = self.conn();
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
