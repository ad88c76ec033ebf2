//! Who wrote an event. Every till signs what it writes with the key it
//! announced in its first event (`till_key_added`, protocol 2), and checks each
//! event it pulls or imports against that till's key before applying it: a
//! device token used without the till's own database writes nothing any till
//! applies. Events written before tills signed stay valid: a till's unsigned
//! events are accepted until the first signed one, never after.

use ed25519_dalek::VerifyingKey;
use rusqlite::{Connection, OptionalExtension};

use crate::error::{EngineError, Result};
use crate::ledger::{Event, EventBody, SignatureVersion};

/// How `event` was signed as its device's own (none for a till from before
/// tills signed), or why it cannot be applied as its device's own.
pub(crate) fn check(conn: &Connection, event: &Event) -> Result<Option<SignatureVersion>> {
    let device = event.device.to_string();
    let keys = keys_of(conn, &device)?;
    let refused = |why: String| Err(EngineError::invalid("event", why));
    if let EventBody::TillKeyAdded {
        device: announced_for,
        key_id,
        public_key,
    } = &event.body
    {
        if *announced_for != event.device {
            return refused(format!("till {device} announced another till's key"));
        }
        if let Some(key) = crate::card_code::announced_key(key_id, public_key) {
            if !keys.is_empty() && !keys.contains(&key) {
                return refused(format!(
                    "till {device} announced a second key: a till's key is announced once, in its first event"
                ));
            }
            // A till's first event is signed by the key it announces.
            if event.sig.is_some() {
                return match event.signature_version(&key) {
                    Some(version) => learnt(conn, event, version),
                    None => refused(format!(
                        "till {device}'s key announcement is not signed by that key"
                    )),
                };
            }
        }
    }
    let version = keys.iter().find_map(|k| event.signature_version(k));
    match (&event.sig, version) {
        (Some(_), Some(version)) => learnt(conn, event, version),
        (Some(_), None) if keys.is_empty() => refused(format!(
            "event {} is signed by till {device}, whose key this till has not learnt",
            event.id
        )),
        (Some(_), None) => refused(format!(
            "event {}'s signature does not verify with till {device}'s key: that till did not write it, or it was changed since",
            event.id
        )),
        (None, _) => match signs_from(conn, &device)? {
            Some(from) if from <= event.device_seq => refused(format!(
                "event {} carries no signature, but till {device} has signed its events since its number {from}",
                event.id
            )),
            _ => Ok(None),
        },
    }
}

/// Takes a verified signature: refused when the till's staff sign and this
/// one was made the older way after that (a copy of an old database cannot
/// write names unsigned); otherwise notes the first event signed the newer way.
fn learnt(
    conn: &Connection,
    event: &Event,
    version: SignatureVersion,
) -> Result<Option<SignatureVersion>> {
    let device = event.device.to_string();
    let authors_from: Option<i64> = conn
        .prepare_cached("SELECT authors_from FROM signing_devices WHERE device = ?")?
        .query_row([&device], |r| r.get(0))
        .optional()?
        .flatten();
    match (version, authors_from) {
        (SignatureVersion::Unauthored, Some(from)) if from <= event.device_seq => {
            Err(EngineError::invalid(
                "event",
                format!(
                    "event {} is signed as by a till whose staff do not sign, but till {device}'s staff have signed since its number {from}",
                    event.id
                ),
            ))
        }
        (SignatureVersion::Authored, None) => {
            conn.prepare_cached(
                "INSERT INTO signing_devices (device, signs_from, authors_from) VALUES (?, ?, ?)
                 ON CONFLICT (device) DO UPDATE SET authors_from = excluded.authors_from",
            )?
            .execute(rusqlite::params![device, event.device_seq, event.device_seq])?;
            Ok(Some(version))
        }
        _ => Ok(Some(version)),
    }
}

/// The keys `device` announced (one, for a till that follows the rules).
fn keys_of(conn: &Connection, device: &str) -> Result<Vec<VerifyingKey>> {
    let mut stmt = conn.prepare_cached("SELECT public_key FROM till_keys WHERE device = ?")?;
    let rows = stmt.query_map([device], |r| r.get::<_, Vec<u8>>(0))?;
    let mut keys = Vec::new();
    for bytes in rows {
        let bytes: [u8; 32] = bytes?.try_into().map_err(|_| {
            EngineError::Corrupt(format!("till {device}'s key has the wrong length"))
        })?;
        keys.push(
            VerifyingKey::from_bytes(&bytes)
                .map_err(|_| EngineError::Corrupt(format!("till {device}'s key is not a key")))?,
        );
    }
    Ok(keys)
}

/// The first signed event of `device` this till has, by device sequence.
fn signs_from(conn: &Connection, device: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT signs_from FROM signing_devices WHERE device = ?")?
        .query_row([device], |r| r.get(0))
        .optional()?)
}

/// Signs this till's own events still waiting to be pushed that were written
/// before it signed (an upgrade with an outbox): the server then learns from
/// the first push that this till signs. Returns how many it signed.
pub(crate) fn sign_waiting(conn: &Connection) -> Result<usize> {
    let unsigned: Vec<(i64, Event)> = {
        let mut stmt = conn.prepare(&format!(
            "SELECT e.seq AS seq, {} FROM outbox o JOIN events e ON e.seq = o.event_seq
             WHERE e.sig IS NULL ORDER BY o.device_seq",
            super::append::SELECT_EVENT_COLUMNS
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>("seq")?, super::append::event_from_row(r)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, event) = row?;
            out.push((seq, event?));
        }
        out
    };
    if unsigned.is_empty() {
        return Ok(0);
    }
    let key = super::signing_key_of(conn)?;
    for (seq, mut event) in unsigned.iter().cloned() {
        event.sign_unauthored(&key);
        conn.execute(
            "UPDATE events SET sig = ? WHERE seq = ?",
            rusqlite::params![event.sig, seq],
        )?;
        conn.execute(
            "INSERT INTO signing_devices (device, signs_from) VALUES (?, ?)
             ON CONFLICT (device) DO UPDATE SET signs_from = MIN(signs_from, excluded.signs_from)",
            rusqlite::params![event.device.to_string(), event.device_seq],
        )?;
    }
    Ok(unsigned.len())
}
