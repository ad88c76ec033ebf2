//! The staff's authority over what a till pulls: the rule the server applies
//! on push (`staff::authority`), applied again to each event the server sends,
//! against the staff events this till has from the server. A server that
//! stored a forged manager, or one that lost its own check, still gets
//! nothing past a till.

use std::cell::RefCell;
use std::collections::HashMap;

use rusqlite::Connection;

use super::append::{event_from_row, SELECT_EVENT_COLUMNS};
use super::staff::STAFF_KINDS;
use crate::error::{EngineError, Result};
use crate::ledger::{Event, EventBody, SignatureVersion};
use crate::program::{parse_program, Program};
use crate::rules::{cited_refusal, CitedRefusal};
use crate::staff::authority::{permission_for, refusal, SeenKey, StaffHistory};
use crate::staff::Roster;

/// The staff events folded for the last pulls, and the rosters built from
/// them: a catch-up checks thousands of events against a handful of staff
/// events, and folds each roster once.
struct Cached {
    /// This till and where its staff events stood (their number, the last
    /// local sequence, the sum of their server sequences).
    stamp: (String, i64, i64, i64),
    history: StaffHistory,
    seen: HashMap<SeenKey, Roster>,
    numbered: HashMap<usize, Roster>,
}

/// The programs published in this till's ledger, by version, parsed once.
struct CachedPrograms {
    /// This till, and how many publications it has and the last one's place.
    stamp: (String, i64, i64),
    by_version: HashMap<u32, Vec<Program>>,
}

thread_local! {
    // Per thread, keyed by the till's own device id: tests open many stores
    // in one process, and each thread applies its store's pulls.
    static CACHE: RefCell<Option<Cached>> = const { RefCell::new(None) };
    static PROGRAMS: RefCell<Option<CachedPrograms>> = const { RefCell::new(None) };
}

/// Refuses a visit (pulled or imported) that carries more than the program
/// version it cites could give, as the server does on push; a visit from a
/// till whose staff sign must cite one. A pulled visit citing a version this
/// till has not seen is held and tried again on the next round (the server
/// orders a publication before the visits that cite it); an imported one,
/// which may come in any order, is taken on the server's word.
pub(crate) fn check_visit(
    conn: &Connection,
    event: &Event,
    signed: Option<SignatureVersion>,
    pulled: bool,
) -> Result<()> {
    if !matches!(event.body, EventBody::Visit { .. }) {
        return Ok(());
    }
    let till: String = conn
        .prepare_cached("SELECT id FROM device")?
        .query_row([], |r| r.get(0))?;
    let (count, last): (i64, i64) = conn
        .prepare_cached(
            "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM events WHERE kind = 'program_published'",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let stamp = (till, count, last);
    PROGRAMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let fresh = match cache.take() {
            Some(c) if c.stamp == stamp => c,
            _ => CachedPrograms {
                stamp,
                by_version: load_programs(conn)?,
            },
        };
        let c = cache.insert(fresh);
        let published = |v: u32| c.by_version.get(&v).map(Vec::as_slice);
        match cited_refusal(&event.body, signed, published) {
            None => Ok(()),
            Some(CitedRefusal::NeverPublished(_)) if !pulled => Ok(()),
            Some(why) => Err(EngineError::invalid("event", why.to_string())),
        }
    })
}

/// Every program published in this till's ledger, by version.
fn load_programs(conn: &Connection) -> Result<HashMap<u32, Vec<Program>>> {
    let mut stmt =
        conn.prepare_cached("SELECT body FROM events WHERE kind = 'program_published'")?;
    let bodies = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut by_version: HashMap<u32, Vec<Program>> = HashMap::new();
    for body in bodies {
        if let Ok(EventBody::ProgramPublished {
            version, source, ..
        }) = serde_json::from_str::<EventBody>(&body)
        {
            // A program that does not parse bounds nothing: visits citing it
            // are refused.
            if let Ok(p) = parse_program(&source) {
                by_version.entry(version).or_default().push(p);
            }
        }
    }
    Ok(by_version)
}

/// Refuses `event` (pulled at `server_seq`, or imported from a file when
/// none) unless whom it names may write it, judged as the server judges it.
pub(crate) fn check(
    conn: &Connection,
    event: &Event,
    server_seq: Option<i64>,
    version: Option<SignatureVersion>,
) -> Result<()> {
    if permission_for(&event.body).is_none() {
        return Ok(());
    }
    // An imported event has no place of the server's: everything numbered counts as before it.
    let position = server_seq.unwrap_or(i64::MAX);
    let till: String = conn
        .prepare_cached("SELECT id FROM device")?
        .query_row([], |r| r.get(0))?;
    let (count, last, sum): (i64, i64, i64) = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*), COALESCE(MAX(seq), 0), COALESCE(SUM(server_seq), 0)
             FROM events WHERE {STAFF_KINDS}"
        ))?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let stamp = (till, count, last, sum);
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let fresh = match cache.take() {
            Some(c) if c.stamp == stamp => c,
            _ => Cached {
                stamp,
                history: load(conn)?,
                seen: HashMap::new(),
                numbered: HashMap::new(),
            },
        };
        let c = cache.insert(fresh);
        let history = &c.history;
        let seen = c
            .seen
            .entry(history.seen_key(event, position))
            .or_insert_with(|| history.seen_by(event, position));
        let verdict = match server_seq {
            Some(_) => {
                let numbered = c
                    .numbered
                    .entry(history.numbered_key(position))
                    .or_insert_with(|| history.numbered_before(position));
                refusal(event, seen, numbered, version)
            }
            // From a file: no server's order to judge by, only what its till
            // knew.
            None => refusal(event, seen, seen, version),
        };
        match verdict {
            None => Ok(()),
            Some(why) => Err(EngineError::invalid("event", why)),
        }
    })
}

/// The staff events this till has, where the server put them. Those it has
/// not numbered yet (this till's own, or imported from a file) stand after
/// everything numbered: no pulled event can have seen them, and an imported
/// event of the same till still finds its own earlier ones.
fn load(conn: &Connection) -> Result<StaffHistory> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SELECT_EVENT_COLUMNS}, e.server_seq AS server_seq FROM events e
         WHERE {STAFF_KINDS} ORDER BY e.seq"
    ))?;
    let events = stmt
        .query_map([], |r| {
            Ok((r.get::<_, Option<i64>>("server_seq")?, event_from_row(r)?))
        })?
        .map(|r| {
            let (at, event) = r?;
            Ok((at.unwrap_or(UNNUMBERED), event?))
        })
        .collect::<Result<Vec<(i64, Event)>>>()?;
    Ok(StaffHistory::new(events))
}

/// Where a staff event the server has not numbered stands: after every
/// numbered one, and before an imported event's place (`i64::MAX`).
const UNNUMBERED: i64 = i64::MAX - 1;
