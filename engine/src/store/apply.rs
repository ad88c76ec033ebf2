//! Incremental projection updates, one event at a time.
//!
//! The fold is order-independent, so tills that receive the same events in any
//! order show the same state:
//! - balances are sums of the deltas of events that are not voided;
//! - a void removes its target's deltas once, whichever arrives first, and a
//!   second void of the same target changes nothing;
//! - merges join records of one person; which record remains is decided from the
//!   set of merges (`ledger::merges`), so opposite merges made at two offline
//!   tills agree everywhere; anything that arrives for a closed record lands on
//!   the one that remains;
//! - of two profile changes the later by `Event::order_key` (sequence numbers,
//!   never clocks) wins; an erasure wins over every profile change.
//!
//! `rebuild.rs` computes the same projections from scratch; tests hold the two equal.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{EngineError, Result};
use crate::ledger::merges::{self, MergeEdge};
use crate::ledger::{Delta, Event, EventBody, Profile};

/// The record a customer id resolves to after merges.
pub(crate) fn resolve(conn: &Connection, customer: &str) -> Result<String> {
    let merged: Option<Option<String>> = conn
        .prepare_cached("SELECT merged_into FROM customers WHERE id = ?")?
        .query_row([customer], |r| r.get(0))
        .optional()?;
    Ok(merged.flatten().unwrap_or_else(|| customer.to_string()))
}

/// Adds a card as active unless it is known already (a replacement may have
/// arrived first and marked it replaced).
/// Gives `card` to `owner`, unless an earlier event (by id: time-ordered and
/// the same on every till) gave it to someone else: two tills that handed one
/// card over offline end with the same owner in any order of arrival.
fn insert_card(
    conn: &Connection,
    card: crate::ledger::CardId,
    owner: &str,
    code: Option<&str>,
    given_by: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO cards (id, customer, status, code, fallback, given_by)
         VALUES (?1, ?2, 'active', ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET
             customer = CASE WHEN excluded.given_by < COALESCE(cards.given_by, excluded.given_by || '~')
                             THEN excluded.customer ELSE cards.customer END,
             code = CASE WHEN excluded.given_by < COALESCE(cards.given_by, excluded.given_by || '~')
                         THEN excluded.code ELSE cards.code END,
             fallback = excluded.fallback,
             given_by = MIN(excluded.given_by, COALESCE(cards.given_by, excluded.given_by))",
    )?
    .execute(params![
        card.to_string(),
        owner,
        code,
        crate::card_code::fallback_code(card),
        given_by
    ])?;
    Ok(())
}

fn ensure_customer(conn: &Connection, customer: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO customers (id) VALUES (?) ON CONFLICT (id) DO NOTHING")?
        .execute([customer])?;
    Ok(())
}

fn add_deltas(conn: &Connection, customer: &str, deltas: &[Delta], sign: i64) -> Result<()> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO balances (customer, account, amount) VALUES (?1, ?2, ?3)
         ON CONFLICT (customer, account) DO UPDATE SET amount = amount + ?3",
    )?;
    // Zero rows carry nothing; dropping them keeps incremental and rebuilt tables equal.
    let mut drop_zero = conn
        .prepare_cached("DELETE FROM balances WHERE customer = ? AND account = ? AND amount = 0")?;
    for d in deltas.iter().filter(|d| d.amount != 0) {
        let account = d.account.to_string();
        upsert.execute(params![customer, account, d.amount * sign])?;
        drop_zero.execute(params![customer, account])?;
    }
    Ok(())
}

fn is_voided(conn: &Connection, event_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM voided WHERE target = ?")?
        .query_row([event_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Sets a profile unless a later change (by [`Event::order_key`]) set it already.
fn set_profile(conn: &Connection, customer: &str, order: &str, profile: &Profile) -> Result<()> {
    let tags =
        serde_json::to_string(&profile.tags).map_err(|e| EngineError::Corrupt(e.to_string()))?;
    conn.prepare_cached(
        "UPDATE customers SET name = ?, phone = ?, email = ?, birthday = ?, marketing_consent = ?, tags = ?,
                profile_event = ?7
         WHERE id = ?8 AND erased = 0 AND (profile_event IS NULL OR profile_event < ?7)",
    )?
    .execute(params![
        profile.name,
        profile.phone,
        profile.email,
        profile.birthday.map(|b| b.to_string()),
        profile.marketing_consent,
        tags,
        order,
        customer,
    ])?;
    Ok(())
}

/// Records where the server put event `id` (its push was acknowledged, or a
/// server restored from a backup numbered it again). That bounds what the
/// event may claim to have seen ([`Event::bounded_order_key`]): when the
/// bound moves, so may which change to a profile is the later one, and the
/// record's profile is folded again from its changes, as every other till
/// keys them. (Staff changes need nothing here: the roster is folded from
/// the events, and its cache notices a changed number.)
pub(crate) fn set_server_seq(conn: &Connection, id: &str, server_seq: Option<i64>) -> Result<()> {
    let before: Option<(String, Option<String>, i64, Option<i64>)> = conn
        .prepare_cached(
            "SELECT kind, customer, seen_server_seq, server_seq FROM events WHERE id = ?",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((kind, customer, seen, old)) = before else {
        return Ok(());
    };
    conn.prepare_cached("UPDATE events SET server_seq = ? WHERE id = ?")?
        .execute(params![server_seq, id])?;
    let moved =
        crate::ledger::bounded_seen(seen, old) != crate::ledger::bounded_seen(seen, server_seq);
    if let (true, "enrolled" | "profile_updated", Some(c)) = (moved, kind.as_str(), customer) {
        refold_profile(conn, &c)?;
    }
    Ok(())
}

/// Sets a record's profile from the latest of its changes, by their bounded
/// order keys (the same answer as applying them one by one in any order).
fn refold_profile(conn: &Connection, customer: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT body, seen_server_seq, device, device_seq, server_seq FROM events
         WHERE customer = ? AND kind IN ('enrolled', 'profile_updated')",
    )?;
    let mut rows = stmt.query([customer])?;
    let mut latest: Option<(String, Profile)> = None;
    while let Some(row) = rows.next()? {
        let body: String = row.get(0)?;
        let profile = match serde_json::from_str::<EventBody>(&body)
            .map_err(|e| EngineError::Corrupt(format!("a profile change of {customer}: {e}")))?
        {
            EventBody::Enrolled { profile, .. } | EventBody::ProfileUpdated { profile, .. } => {
                profile
            }
            _ => None,
        };
        let Some(profile) = profile else { continue };
        let key = crate::ledger::order_key(
            crate::ledger::bounded_seen(row.get(1)?, row.get(4)?),
            &row.get::<_, String>(2)?,
            row.get(3)?,
        );
        if latest.as_ref().is_none_or(|(k, _)| *k < key) {
            latest = Some((key, profile));
        }
    }
    if let Some((key, profile)) = latest {
        conn.prepare_cached(
            "UPDATE customers SET profile_event = NULL WHERE id = ? AND erased = 0",
        )?
        .execute([customer])?;
        set_profile(conn, customer, &key, &profile)?;
    }
    Ok(())
}

/// Recomputes a customer's visit statistics from their visits.
fn refresh_stats(conn: &Connection, customer: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE customers SET
            visits = (SELECT COUNT(*) FROM visits WHERE customer = ?1 AND voided = 0),
            spend = (SELECT COALESCE(SUM(amount), 0) FROM visits WHERE customer = ?1 AND voided = 0),
            first_visit = (SELECT MIN(business_date) FROM visits WHERE customer = ?1 AND voided = 0),
            last_visit = (SELECT MAX(business_date) FROM visits WHERE customer = ?1 AND voided = 0)
         WHERE id = ?1",
    )?
    .execute([customer])?;
    Ok(())
}

fn millis(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Applies one event to the projections; `server_seq` is where the server put
/// it, once known (it bounds what the event may claim to have seen).
pub(crate) fn apply(conn: &Connection, event: &Event, server_seq: Option<i64>) -> Result<()> {
    let id = event.id.to_string();
    let voided = is_voided(conn, &id)?;
    match &event.body {
        EventBody::ProgramPublished {
            version,
            name,
            source,
        } => {
            conn.execute(
                "INSERT INTO programs (event_id, version, name, source) VALUES (?, ?, ?, ?)",
                params![id, version, name, source],
            )?;
        }
        EventBody::Enrolled {
            customer,
            card,
            code,
            profile,
            deltas,
        } => {
            let c = customer.to_string();
            ensure_customer(conn, &c)?;
            conn.prepare_cached("UPDATE customers SET enrolled_on = ? WHERE id = ?")?
                .execute(params![millis(event.device_time), c])?;
            if let Some(p) = profile {
                set_profile(conn, &c, &event.bounded_order_key(server_seq), p)?;
            }
            let owner = resolve(conn, &c)?;
            insert_card(conn, *card, &owner, code.as_deref(), &id)?;
            if !voided {
                add_deltas(conn, &owner, deltas, 1)?;
            }
        }
        EventBody::ProfileUpdated { customer, profile } => {
            let c = customer.to_string();
            ensure_customer(conn, &c)?;
            if let Some(p) = profile {
                set_profile(conn, &c, &event.bounded_order_key(server_seq), p)?;
            }
        }
        EventBody::Visit {
            customer,
            amount,
            business_date,
            deltas,
            ..
        } => {
            let c = customer.to_string();
            ensure_customer(conn, &c)?;
            let owner = resolve(conn, &c)?;
            let date = business_date.to_string();
            conn.prepare_cached(
                "INSERT INTO visits (event_id, customer, business_date, amount, voided) VALUES (?, ?, ?, ?, ?)",
            )?
            .execute(params![id, owner, date, amount, voided])?;
            if !voided {
                conn.prepare_cached(
                    // Saturating (as the rebuild): past i64 SQLite would turn it into a float.
                    "UPDATE customers SET visits = visits + 1,
                        spend = CASE WHEN spend > 9223372036854775807 - ?1 THEN 9223372036854775807 ELSE spend + ?1 END,
                        first_visit = MIN(COALESCE(first_visit, ?2), ?2),
                        last_visit = MAX(COALESCE(last_visit, ?2), ?2)
                     WHERE id = ?3",
                )?
                .execute(params![amount, date, owner])?;
                add_deltas(conn, &owner, deltas, 1)?;
            }
        }
        EventBody::Redeemed {
            customer, deltas, ..
        }
        | EventBody::Adjusted {
            customer, deltas, ..
        }
        | EventBody::Donated {
            customer, deltas, ..
        } => {
            let c = customer.to_string();
            ensure_customer(conn, &c)?;
            let owner = resolve(conn, &c)?;
            if !voided {
                add_deltas(conn, &owner, deltas, 1)?;
            }
        }
        EventBody::Voided { target, .. } => {
            let t = target.to_string();
            if is_voided(conn, &t)? {
                // Already undone (two tills voided the same event): keep the smaller void id.
                conn.execute(
                    "UPDATE voided SET void_event = MIN(void_event, ?) WHERE target = ?",
                    params![id, t],
                )?;
                return Ok(());
            }
            conn.execute(
                "INSERT INTO voided (target, void_event) VALUES (?, ?)",
                params![t, id],
            )?;
            // If the target is here already, take its deltas back out.
            let body: Option<String> = conn
                .query_row("SELECT body FROM events WHERE id = ?", [&t], |r| r.get(0))
                .optional()?;
            if let Some(body) = body {
                let target_body: EventBody = serde_json::from_str(&body)
                    .map_err(|e| EngineError::Corrupt(format!("event {t}: {e}")))?;
                // A void of a void undoes nothing, in every fold: taking the
                // first void's deltas out would put the original's back here
                // while the rebuild (which counts no void's deltas) left them out.
                if matches!(target_body, EventBody::Voided { .. }) {
                    return Ok(());
                }
                if let Some(tc) = target_body.customer() {
                    let owner = resolve(conn, &tc.to_string())?;
                    add_deltas(conn, &owner, target_body.deltas(), -1)?;
                    if let EventBody::Visit { .. } = target_body {
                        conn.execute("UPDATE visits SET voided = 1 WHERE event_id = ?", [&t])?;
                        refresh_stats(conn, &owner)?;
                    }
                }
            }
        }
        EventBody::CardReplaced {
            customer,
            old_card,
            new_card,
            new_code,
        } => {
            let c = customer.to_string();
            ensure_customer(conn, &c)?;
            let owner = resolve(conn, &c)?;
            conn.execute(
                "INSERT INTO cards (id, customer, status, fallback) VALUES (?, ?, 'replaced', ?)
                 ON CONFLICT (id) DO UPDATE SET status = 'replaced'",
                params![
                    old_card.to_string(),
                    owner,
                    crate::card_code::fallback_code(*old_card)
                ],
            )?;
            insert_card(conn, *new_card, &owner, new_code.as_deref(), &id)?;
        }
        EventBody::SubscriptionBought {
            customer,
            plan,
            starts,
            ends,
            ..
        } => {
            let c = customer.to_string();
            ensure_customer(conn, &c)?;
            let owner = resolve(conn, &c)?;
            conn.execute(
                "INSERT INTO subscriptions (event_id, customer, plan, starts, ends) VALUES (?, ?, ?, ?, ?)",
                params![id, owner, plan, starts.to_string(), ends.to_string()],
            )?;
        }
        EventBody::Merged { from, into } => {
            let (f, i) = (from.to_string(), into.to_string());
            ensure_customer(conn, &f)?;
            ensure_customer(conn, &i)?;
            if from == into {
                // No honest till writes one and the server refuses it; every
                // fold passes over it.
                tracing::warn!(event = %id, "ignored a merge of a record into itself");
                return Ok(());
            }
            let owners = [resolve(conn, &f)?, resolve(conn, &i)?];
            regroup(conn, &owners)?;
            // Records of one person: when either side was erased, a merge
            // arriving afterwards (made before the erasure, on a till that was
            // offline) brings the other side's data under the erasure too.
            erase_group_if_any_erased(conn, &i)?;
        }
        EventBody::TillKeyAdded {
            device,
            key_id,
            public_key,
        } => {
            // A key that does not check out is not learnt (the event stays in
            // the ledger): failing here would stop this till applying anything
            // after it, and storing it would break every card lookup.
            match crate::card_code::announced_key(key_id, public_key) {
                Some(key) => {
                    conn.execute(
                        "INSERT INTO till_keys (key_id, public_key, device) VALUES (?, ?, ?) ON CONFLICT (key_id) DO NOTHING",
                        params![key_id, key.as_bytes().to_vec(), device.to_string()],
                    )?;
                }
                None => {
                    tracing::warn!(event = %id, key_id, "ignored a till key that does not check out")
                }
            }
        }
        EventBody::StaffAdded { .. }
        | EventBody::StaffRoleChanged { .. }
        | EventBody::StaffPinChanged { .. }
        | EventBody::StaffRemoved { .. }
        | EventBody::StaffKeySet { .. } => {
            // Nothing to project: who is on the staff is read from the staff
            // events themselves (`staff::Roster::fold`), in any order.
        }
        EventBody::Overdrawn { customer, .. } => {
            // A flag, not a change: the overdrawing redemption's deltas are already
            // counted. Reports and the customer's summary read the flags from the ledger.
            ensure_customer(conn, &customer.to_string())?;
        }
        EventBody::Erased { customer } => {
            let c = customer.to_string();
            ensure_customer(conn, &c)?;
            // The person, not one record: every record merged with this one
            // (whichever was named) is erased with it.
            for member in group_of(conn, &c)? {
                erase_record(conn, &member)?;
            }
        }
    }
    // Anything that arrives for an erased customer loses its personal data too.
    if let (Some(c), true) = (
        event.body.customer(),
        matches!(
            event.body,
            EventBody::Enrolled { .. } | EventBody::ProfileUpdated { .. }
        ),
    ) {
        let c = c.to_string();
        let erased: Option<bool> = conn
            .prepare_cached("SELECT erased FROM customers WHERE id = ?")?
            .query_row([&c], |r| r.get(0))
            .optional()?;
        if erased == Some(true) {
            scrub_personal_data(conn, &c)?;
        }
    }
    Ok(())
}

/// Every record of `customer`'s person: the record that remains and every
/// record merged into it.
fn group_of(conn: &Connection, customer: &str) -> Result<Vec<String>> {
    let owner = resolve(conn, customer)?;
    let mut members: Vec<String> = conn
        .prepare_cached("SELECT id FROM customers WHERE merged_into = ?")?
        .query_map([&owner], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    members.push(owner);
    Ok(members)
}

/// Erases one record's personal data: its projection, its events' profiles
/// and its held events.
fn erase_record(conn: &Connection, customer: &str) -> Result<()> {
    conn.execute(
        "UPDATE customers SET name = NULL, phone = NULL, email = NULL, birthday = NULL,
                marketing_consent = 0, tags = '[]', profile_event = NULL, erased = 1
         WHERE id = ?",
        [customer],
    )?;
    scrub_personal_data(conn, customer)?;
    super::held::erase_held(conn, customer)
}

/// Erases every record of `customer`'s group when any of them was erased.
fn erase_group_if_any_erased(conn: &Connection, customer: &str) -> Result<()> {
    let members = group_of(conn, customer)?;
    let mut erased = conn.prepare_cached("SELECT erased FROM customers WHERE id = ?")?;
    let mut any = false;
    for m in &members {
        any |= erased
            .query_row([m], |r| r.get::<_, bool>(0))
            .optional()?
            .unwrap_or(false);
    }
    if any {
        for m in &members {
            erase_record(conn, m)?;
        }
    }
    Ok(())
}

/// Decides again which record remains of the group(s) `owners` head, after a
/// merge joined them (see `ledger::merges`: the answer depends on the set of
/// merges only, so a merge arriving late may change which record remains),
/// and moves what the closed records held onto the one that remains.
fn regroup(conn: &Connection, owners: &[String; 2]) -> Result<()> {
    // The groups' members: their open records and every record closed into them.
    let mut members: Vec<String> = conn
        .prepare_cached("SELECT id FROM customers WHERE merged_into = ?1 OR merged_into = ?2")?
        .query_map(params![owners[0], owners[1]], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    members.extend(owners.iter().cloned());
    members.sort();
    members.dedup();
    let resolution = merges::resolve(&merges_of(conn, &members)?);
    let first = super::parse_uuid(&owners[0], "customer id")?;
    let survivor = resolution.owner(first).to_string();
    for owner in owners.iter().filter(|o| **o != survivor) {
        move_records(conn, owner, &survivor)?;
    }
    let mut point = conn.prepare_cached("UPDATE customers SET merged_into = ? WHERE id = ?")?;
    for m in &members {
        let into = (*m != survivor).then_some(survivor.as_str());
        point.execute(params![into, m])?;
    }
    for c in owners.iter().chain(std::iter::once(&survivor)) {
        refresh_stats(conn, c)?;
    }
    Ok(())
}

/// The merges that close any of `members` (each merge is stored under the
/// record it closes): all the merges of a group, given all its members.
pub(crate) fn merges_of(conn: &Connection, members: &[String]) -> Result<Vec<MergeEdge>> {
    let mut edges = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, body FROM events WHERE customer = ? AND kind = 'merged' ORDER BY id",
    )?;
    for m in members {
        let rows: Vec<(String, String)> = stmt
            .query_map([m], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (event, body) in rows {
            let body: EventBody = serde_json::from_str(&body)
                .map_err(|e| EngineError::Corrupt(format!("event {event}: {e}")))?;
            if let EventBody::Merged { from, into } = body {
                let event = super::parse_uuid(&event, "event id")?;
                edges.push(MergeEdge { event, from, into });
            }
        }
    }
    Ok(edges)
}

/// Moves balances, visits, cards and subscriptions from one record to another.
fn move_records(conn: &Connection, from: &str, to: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO balances (customer, account, amount)
         SELECT ?1, account, amount FROM balances WHERE customer = ?2 AND true
         ON CONFLICT (customer, account) DO UPDATE SET amount = amount + excluded.amount",
        params![to, from],
    )?;
    conn.execute(
        "DELETE FROM balances WHERE customer = ? OR (customer = ? AND amount = 0)",
        params![from, to],
    )?;
    for table in ["visits", "cards", "subscriptions"] {
        conn.execute(
            &format!("UPDATE {table} SET customer = ? WHERE customer = ?"),
            params![to, from],
        )?;
    }
    Ok(())
}

/// Removes personal data from the stored bodies of a customer's enrolment and
/// profile events. The one sanctioned rewrite of the ledger: the right to erasure.
fn scrub_personal_data(conn: &Connection, customer: &str) -> Result<()> {
    let rows: Vec<(i64, String)> = conn
        .prepare("SELECT seq, body FROM events WHERE customer = ? AND kind IN ('enrolled', 'profile_updated')")?
        .query_map([customer], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (seq, body) in rows {
        let mut parsed: EventBody = serde_json::from_str(&body)
            .map_err(|e| EngineError::Corrupt(format!("event #{seq}: {e}")))?;
        if let EventBody::Enrolled { profile, .. } | EventBody::ProfileUpdated { profile, .. } =
            &mut parsed
        {
            *profile = None;
        }
        let scrubbed =
            serde_json::to_string(&parsed).map_err(|e| EngineError::Corrupt(e.to_string()))?;
        // The request's fingerprint is a hash of the enrolment or profile
        // change as typed (name, phone): anyone guessing those could check a
        // guess against it. It goes too: a retry of that request is then
        // refused as a mismatch, never recorded twice.
        conn.execute(
            "UPDATE events SET body = ?, request = CASE WHEN request IS NULL THEN NULL ELSE '' END
             WHERE seq = ?",
            params![scrubbed, seq],
        )?;
    }
    Ok(())
}
