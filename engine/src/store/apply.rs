//! Incremental projection updates, one event at a time.
//!
//! The fold is order-independent, so tills that receive the same events in any
//! order show the same state:
//! - balances are sums of the deltas of events that are not voided;
//! - a void removes its target's deltas once, whichever arrives first, and a
//!   second void of the same target changes nothing;
//! - a merge points the closed record at the one that remains, and anything that
//!   arrives later for the closed record lands on the remaining one;
//! - of two profile changes the one with the larger event id wins; an erasure wins
//!   over every profile change.
//!
//! `rebuild.rs` computes the same projections from scratch; tests hold the two equal.

use sqlx::{Row, Sqlite, Transaction};

use super::parse_uuid;
use crate::error::{EngineError, Result};
use crate::ledger::{Delta, Event, EventBody, Profile};

type Tx = Transaction<'static, Sqlite>;

/// The record a customer id resolves to after merges.
pub(crate) async fn resolve(tx: &mut Tx, customer: &str) -> Result<String> {
    let merged: Option<Option<String>> =
        sqlx::query_scalar("SELECT merged_into FROM customers WHERE id = ?")
            .bind(customer)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(merged.flatten().unwrap_or_else(|| customer.to_string()))
}

async fn ensure_customer(tx: &mut Tx, customer: &str) -> Result<()> {
    sqlx::query("INSERT INTO customers (id) VALUES (?) ON CONFLICT (id) DO NOTHING")
        .bind(customer)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn add_deltas(tx: &mut Tx, customer: &str, deltas: &[Delta], sign: i64) -> Result<()> {
    for d in deltas.iter().filter(|d| d.amount != 0) {
        let account = d.account.to_string();
        sqlx::query(
            "INSERT INTO balances (customer, account, amount) VALUES (?1, ?2, ?3)
             ON CONFLICT (customer, account) DO UPDATE SET amount = amount + ?3",
        )
        .bind(customer)
        .bind(&account)
        .bind(d.amount * sign)
        .execute(&mut **tx)
        .await?;
        // Zero rows carry nothing; dropping them keeps incremental and rebuilt tables equal.
        sqlx::query("DELETE FROM balances WHERE customer = ? AND account = ? AND amount = 0")
            .bind(customer)
            .bind(&account)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn is_voided(tx: &mut Tx, event_id: &str) -> Result<bool> {
    let hit: Option<i64> = sqlx::query_scalar("SELECT 1 FROM voided WHERE target = ?")
        .bind(event_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(hit.is_some())
}

async fn set_profile(tx: &mut Tx, customer: &str, event_id: &str, profile: &Profile) -> Result<()> {
    let tags =
        serde_json::to_string(&profile.tags).map_err(|e| EngineError::Corrupt(e.to_string()))?;
    sqlx::query(
        "UPDATE customers SET name = ?, phone = ?, email = ?, birthday = ?, marketing_consent = ?, tags = ?,
                profile_event = ?
         WHERE id = ? AND erased = 0 AND (profile_event IS NULL OR profile_event < ?)",
    )
    .bind(&profile.name)
    .bind(&profile.phone)
    .bind(&profile.email)
    .bind(profile.birthday.map(|b| b.to_string()))
    .bind(profile.marketing_consent)
    .bind(tags)
    .bind(event_id)
    .bind(customer)
    .bind(event_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Recomputes a customer's visit statistics from their visits.
async fn refresh_stats(tx: &mut Tx, customer: &str) -> Result<()> {
    sqlx::query(
        "UPDATE customers SET
            visits = (SELECT COUNT(*) FROM visits WHERE customer = ?1 AND voided = 0),
            spend = (SELECT COALESCE(SUM(amount), 0) FROM visits WHERE customer = ?1 AND voided = 0),
            first_visit = (SELECT MIN(business_date) FROM visits WHERE customer = ?1 AND voided = 0),
            last_visit = (SELECT MAX(business_date) FROM visits WHERE customer = ?1 AND voided = 0)
         WHERE id = ?1",
    )
    .bind(customer)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Applies one event to the projections.
pub(crate) async fn apply(tx: &mut Tx, event: &Event) -> Result<()> {
    let id = event.id.to_string();
    let voided = is_voided(tx, &id).await?;
    match &event.body {
        EventBody::ProgramPublished {
            version,
            name,
            source,
        } => {
            sqlx::query(
                "INSERT INTO programs (event_id, version, name, source) VALUES (?, ?, ?, ?)",
            )
            .bind(&id)
            .bind(i64::from(*version))
            .bind(name)
            .bind(source)
            .execute(&mut **tx)
            .await?;
        }
        EventBody::Enrolled {
            customer,
            card,
            profile,
            deltas,
        } => {
            let c = customer.to_string();
            ensure_customer(tx, &c).await?;
            sqlx::query("UPDATE customers SET enrolled_on = ? WHERE id = ?")
                .bind(
                    event
                        .device_time
                        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                )
                .bind(&c)
                .execute(&mut **tx)
                .await?;
            if let Some(p) = profile {
                set_profile(tx, &c, &id, p).await?;
            }
            let owner = resolve(tx, &c).await?;
            sqlx::query("INSERT INTO cards (id, customer, status) VALUES (?, ?, 'active') ON CONFLICT (id) DO NOTHING")
                .bind(card.to_string())
                .bind(&owner)
                .execute(&mut **tx)
                .await?;
            if !voided {
                add_deltas(tx, &owner, deltas, 1).await?;
            }
        }
        EventBody::ProfileUpdated { customer, profile } => {
            let c = customer.to_string();
            ensure_customer(tx, &c).await?;
            if let Some(p) = profile {
                set_profile(tx, &c, &id, p).await?;
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
            ensure_customer(tx, &c).await?;
            let owner = resolve(tx, &c).await?;
            sqlx::query("INSERT INTO visits (event_id, customer, business_date, amount, voided) VALUES (?, ?, ?, ?, ?)")
                .bind(&id)
                .bind(&owner)
                .bind(business_date.to_string())
                .bind(amount)
                .bind(voided)
                .execute(&mut **tx)
                .await?;
            if !voided {
                sqlx::query(
                    "UPDATE customers SET visits = visits + 1, spend = spend + ?1,
                        first_visit = MIN(COALESCE(first_visit, ?2), ?2),
                        last_visit = MAX(COALESCE(last_visit, ?2), ?2)
                     WHERE id = ?3",
                )
                .bind(amount)
                .bind(business_date.to_string())
                .bind(&owner)
                .execute(&mut **tx)
                .await?;
                add_deltas(tx, &owner, deltas, 1).await?;
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
            ensure_customer(tx, &c).await?;
            let owner = resolve(tx, &c).await?;
            if !voided {
                add_deltas(tx, &owner, deltas, 1).await?;
            }
        }
        EventBody::Voided { target, .. } => {
            let t = target.to_string();
            if is_voided(tx, &t).await? {
                // Already undone (two tills voided the same event): keep the smaller void id.
                sqlx::query("UPDATE voided SET void_event = MIN(void_event, ?) WHERE target = ?")
                    .bind(&id)
                    .bind(&t)
                    .execute(&mut **tx)
                    .await?;
                return Ok(());
            }
            sqlx::query("INSERT INTO voided (target, void_event) VALUES (?, ?)")
                .bind(&t)
                .bind(&id)
                .execute(&mut **tx)
                .await?;
            // If the target is here already, take its deltas back out.
            let row = sqlx::query("SELECT body FROM events WHERE id = ?")
                .bind(&t)
                .fetch_optional(&mut **tx)
                .await?;
            if let Some(row) = row {
                let body: String = row.try_get("body")?;
                let target_body: EventBody = serde_json::from_str(&body)
                    .map_err(|e| EngineError::Corrupt(format!("event {t}: {e}")))?;
                if let Some(tc) = target_body.customer() {
                    let owner = resolve(tx, &tc.to_string()).await?;
                    add_deltas(tx, &owner, target_body.deltas(), -1).await?;
                    if let EventBody::Visit { .. } = target_body {
                        sqlx::query("UPDATE visits SET voided = 1 WHERE event_id = ?")
                            .bind(&t)
                            .execute(&mut **tx)
                            .await?;
                        refresh_stats(tx, &owner).await?;
                    }
                }
            }
        }
        EventBody::CardReplaced {
            customer,
            old_card,
            new_card,
        } => {
            let c = customer.to_string();
            ensure_customer(tx, &c).await?;
            let owner = resolve(tx, &c).await?;
            sqlx::query(
                "INSERT INTO cards (id, customer, status) VALUES (?, ?, 'replaced')
                 ON CONFLICT (id) DO UPDATE SET status = 'replaced'",
            )
            .bind(old_card.to_string())
            .bind(&owner)
            .execute(&mut **tx)
            .await?;
            sqlx::query("INSERT INTO cards (id, customer, status) VALUES (?, ?, 'active') ON CONFLICT (id) DO NOTHING")
                .bind(new_card.to_string())
                .bind(&owner)
                .execute(&mut **tx)
                .await?;
        }
        EventBody::SubscriptionBought {
            customer,
            plan,
            starts,
            ends,
            ..
        } => {
            let c = customer.to_string();
            ensure_customer(tx, &c).await?;
            let owner = resolve(tx, &c).await?;
            sqlx::query("INSERT INTO subscriptions (event_id, customer, plan, starts, ends) VALUES (?, ?, ?, ?, ?)")
                .bind(&id)
                .bind(&owner)
                .bind(plan)
                .bind(starts.to_string())
                .bind(ends.to_string())
                .execute(&mut **tx)
                .await?;
        }
        EventBody::Merged { from, into } => {
            let (f, i) = (from.to_string(), into.to_string());
            ensure_customer(tx, &f).await?;
            ensure_customer(tx, &i).await?;
            let target = resolve(tx, &i).await?;
            if target == f {
                return Err(EngineError::Corrupt(format!("merge of {f} into itself")));
            }
            let rows = sqlx::query("SELECT account, amount FROM balances WHERE customer = ?")
                .bind(&f)
                .fetch_all(&mut **tx)
                .await?;
            for row in rows {
                let account: String = row.try_get("account")?;
                let amount: i64 = row.try_get("amount")?;
                sqlx::query(
                    "INSERT INTO balances (customer, account, amount) VALUES (?1, ?2, ?3)
                     ON CONFLICT (customer, account) DO UPDATE SET amount = amount + ?3",
                )
                .bind(&target)
                .bind(&account)
                .bind(amount)
                .execute(&mut **tx)
                .await?;
            }
            sqlx::query("DELETE FROM balances WHERE customer = ? OR (customer = ? AND amount = 0)")
                .bind(&f)
                .bind(&target)
                .execute(&mut **tx)
                .await?;
            for table in ["visits", "cards", "subscriptions"] {
                sqlx::query(&format!(
                    "UPDATE {table} SET customer = ? WHERE customer = ?"
                ))
                .bind(&target)
                .bind(&f)
                .execute(&mut **tx)
                .await?;
            }
            sqlx::query("UPDATE customers SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2")
                .bind(&target)
                .bind(&f)
                .execute(&mut **tx)
                .await?;
            refresh_stats(tx, &f).await?;
            refresh_stats(tx, &target).await?;
        }
        EventBody::Erased { customer } => {
            let c = customer.to_string();
            ensure_customer(tx, &c).await?;
            sqlx::query(
                "UPDATE customers SET name = NULL, phone = NULL, email = NULL, birthday = NULL,
                        marketing_consent = 0, tags = '[]', profile_event = NULL, erased = 1
                 WHERE id = ?",
            )
            .bind(&c)
            .execute(&mut **tx)
            .await?;
            scrub_personal_data(tx, &c).await?;
        }
    }
    // Anything that arrived for an erased customer loses its personal data too.
    if let Some(c) = event.body.customer() {
        if matches!(
            event.body,
            EventBody::Enrolled { .. } | EventBody::ProfileUpdated { .. }
        ) {
            let erased: Option<i64> =
                sqlx::query_scalar("SELECT erased FROM customers WHERE id = ?")
                    .bind(c.to_string())
                    .fetch_optional(&mut **tx)
                    .await?;
            if erased == Some(1) {
                scrub_personal_data(tx, &c.to_string()).await?;
            }
        }
    }
    Ok(())
}

/// Removes personal data from the stored bodies of a customer's enrolment and
/// profile events. The one sanctioned rewrite of the ledger: the right to erasure.
async fn scrub_personal_data(tx: &mut Tx, customer: &str) -> Result<()> {
    let rows = sqlx::query(
        "SELECT seq, body FROM events WHERE customer = ? AND kind IN ('enrolled', 'profile_updated')",
    )
    .bind(customer)
    .fetch_all(&mut **tx)
    .await?;
    for row in rows {
        let seq: i64 = row.try_get("seq")?;
        let body: String = row.try_get("body")?;
        let mut parsed: EventBody = serde_json::from_str(&body)
            .map_err(|e| EngineError::Corrupt(format!("event #{seq}: {e}")))?;
        match &mut parsed {
            EventBody::Enrolled { profile, .. } | EventBody::ProfileUpdated { profile, .. } => {
                *profile = None
            }
            _ => {}
        }
        let scrubbed =
            serde_json::to_string(&parsed).map_err(|e| EngineError::Corrupt(e.to_string()))?;
        sqlx::query("UPDATE events SET body = ? WHERE seq = ?")
            .bind(scrubbed)
            .bind(seq)
            .execute(&mut **tx)
            .await?;
    }
    let _ = parse_uuid;
    Ok(())
}
