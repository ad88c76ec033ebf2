//! The small reads the till's actions make inside their transaction (is this
//! record open, was that event voided, is a card number free): the SQL stays
//! here, and `till.rs` decides.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// A customer record's `merged_into` and `erased`, if the record exists.
pub(crate) fn customer_state(
    conn: &Connection,
    customer: &str,
) -> Result<Option<(Option<String>, bool)>> {
    Ok(conn
        .prepare_cached("SELECT merged_into, erased FROM customers WHERE id = ?")?
        .query_row([customer], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// A balance the offline allowance limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limited {
    /// Points.
    Points,
    /// Cashback, in minor units.
    Cashback,
    /// Vouchers of any reward, counted.
    Vouchers,
}

/// What `customer` (and the records merged into them) took out of `balance`
/// on this till through redemptions and donations not yet synced, voided
/// ones aside.
pub(crate) fn spent_unsynced(conn: &Connection, customer: &str, balance: Limited) -> Result<i64> {
    let account = match balance {
        Limited::Points => "d.account = 'points'",
        Limited::Cashback => "d.account = 'cashback'",
        Limited::Vouchers => "d.account LIKE 'voucher:%'",
    };
    Ok(conn
        .prepare_cached(&format!(
            "SELECT COALESCE(-SUM(d.amount), 0) FROM event_deltas d JOIN events e ON e.seq = d.event_seq
             WHERE e.server_seq IS NULL AND e.device = (SELECT id FROM device)
               AND d.kind IN ('redeemed', 'donated') AND {account} AND d.amount < 0
               AND d.customer IN (SELECT ?1 UNION ALL SELECT id FROM customers WHERE merged_into = ?1)
               AND NOT EXISTS (SELECT 1 FROM voided v WHERE v.target = e.id)"
        ))?
        .query_row([customer], |r| r.get(0))?)
}

/// The version the next published program gets.
pub(crate) fn next_program_version(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT COALESCE(MAX(version), 0) + 1 FROM programs")?
        .query_row([], |r| r.get(0))?)
}

/// An event's stored body (JSON), if the event is here.
pub(crate) fn event_body(conn: &Connection, event: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT body FROM events WHERE id = ?")?
        .query_row([event], |r| r.get(0))
        .optional()?)
}

/// The void that undid `event`, if one did.
pub(crate) fn void_of(conn: &Connection, event: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT void_event FROM voided WHERE target = ?")?
        .query_row([event], |r| r.get(0))
        .optional()?)
}

/// The customer a working card belongs to.
pub(crate) fn owner_of_active_card(conn: &Connection, card: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT customer FROM cards WHERE id = ? AND status = 'active'")?
        .query_row([card], |r| r.get(0))
        .optional()?)
}

/// True when a card this till knows carries this typed fallback code.
pub(crate) fn fallback_taken(conn: &Connection, fallback: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM cards WHERE fallback = ? LIMIT 1")?
        .query_row([fallback], |r| r.get::<_, i64>(0))
        .optional()?
        .is_some())
}

/// True when the card id is known here (issued, replaced or handed over).
pub(crate) fn card_known(conn: &Connection, card: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM cards WHERE id = ?")?
        .query_row([card], |r| r.get::<_, i64>(0))
        .optional()?
        .is_some())
}
