//! Rebuilding every projection from the ledger, and reporting where the stored
//! projections differ from it.
//!
//! This fold is written independently of the incremental one in `apply.rs`, in
//! two passes: the first reads the few events that change how others count
//! (voids, merges, erasures), the second folds everything with that knowledge.
//! Tests hold the two equal, in any order of arrival.

use futures_util::TryStreamExt;
use serde::Serialize;
use sqlx::{Row, Sqlite, Transaction};
use std::collections::{HashMap, HashSet};

use super::Store;
use crate::error::{EngineError, Result};
use crate::ledger::{EventBody, Profile};

/// A customer row of the projection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CustomerRow {
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    birthday: Option<String>,
    marketing_consent: bool,
    tags: String,
    profile_event: Option<String>,
    enrolled_on: Option<String>,
    merged_into: Option<String>,
    erased: bool,
    visits: i64,
    spend: i64,
    first_visit: Option<String>,
    last_visit: Option<String>,
}

/// Every projection table, in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Projections {
    customers: HashMap<String, CustomerRow>,
    cards: HashMap<String, (String, String)>,
    balances: HashMap<(String, String), i64>,
    visits: HashMap<String, (String, String, i64, bool)>,
    voided: HashMap<String, String>,
    subscriptions: HashMap<String, (String, String, String, String)>,
    programs: HashMap<String, (i64, String, String)>,
}

/// How one table differs from the ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableDiff {
    /// The table.
    pub table: &'static str,
    /// Rows the ledger implies that were missing.
    pub missing: usize,
    /// Rows stored that the ledger does not imply.
    pub extra: usize,
    /// Rows stored with other values.
    pub changed: usize,
    /// A few keys that differ, to look at.
    pub examples: Vec<String>,
}

/// What a rebuild found and did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RebuildReport {
    /// Events read.
    pub events: u64,
    /// Customers in the rebuilt projection.
    pub customers: usize,
    /// Tables that differed (empty when the stored projections were right).
    pub differences: Vec<TableDiff>,
    /// True when the stored projections were replaced by the rebuilt ones.
    pub repaired: bool,
}

fn set_profile(row: &mut CustomerRow, event_id: &str, p: &Profile) {
    if row.profile_event.as_deref().is_some_and(|e| e >= event_id) {
        return;
    }
    row.name = p.name.clone();
    row.phone = p.phone.clone();
    row.email = p.email.clone();
    row.birthday = p.birthday.map(|b| b.to_string());
    row.marketing_consent = p.marketing_consent;
    row.tags = serde_json::to_string(&p.tags).unwrap_or_else(|_| "[]".into());
    row.profile_event = Some(event_id.to_string());
}

fn new_customer() -> CustomerRow {
    CustomerRow {
        tags: "[]".into(),
        ..Default::default()
    }
}

impl Store {
    /// Recomputes every projection from the ledger and compares it with the stored
    /// one. With `repair`, differing rows are replaced by the recomputed ones.
    pub async fn rebuild(
        &self,
        repair: bool,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<RebuildReport> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
            .fetch_one(&mut *tx)
            .await?;
        let rebuilt = fold(&mut tx, u64::try_from(total).unwrap_or(0), &mut progress).await?;
        let stored = load_stored(&mut tx).await?;
        let differences = diff(&stored, &rebuilt);
        let repaired = repair && !differences.is_empty();
        if repaired {
            write_differences(&mut tx, &stored, &rebuilt).await?;
        }
        tx.commit().await?;
        Ok(RebuildReport {
            events: u64::try_from(total).unwrap_or(0),
            customers: rebuilt.customers.len(),
            differences,
            repaired,
        })
    }

    /// The stored projections as they are (for tests comparing orders of arrival).
    pub async fn projection_snapshot(&self) -> Result<String> {
        let mut tx = self.pool.begin().await?;
        let p = load_stored(&mut tx).await?;
        tx.commit().await?;
        Ok(canonical(&p))
    }
}

/// A canonical text of the projections, sorted, for equality checks in tests.
fn canonical(p: &Projections) -> String {
    let mut lines = Vec::new();
    for (k, v) in &p.customers {
        lines.push(format!("customer {k} {v:?}"));
    }
    for (k, v) in &p.cards {
        lines.push(format!("card {k} {v:?}"));
    }
    for (k, v) in &p.balances {
        lines.push(format!("balance {k:?} {v}"));
    }
    for (k, v) in &p.visits {
        lines.push(format!("visit {k} {v:?}"));
    }
    for (k, v) in &p.voided {
        lines.push(format!("voided {k} {v}"));
    }
    for (k, v) in &p.subscriptions {
        lines.push(format!("subscription {k} {v:?}"));
    }
    for (k, v) in &p.programs {
        lines.push(format!("program {k} {v:?}"));
    }
    lines.sort();
    lines.join("\n")
}

async fn fold(
    tx: &mut Transaction<'static, Sqlite>,
    total: u64,
    progress: &mut impl FnMut(u64, u64),
) -> Result<Projections> {
    let parse = |id: &str, body: &str| -> Result<EventBody> {
        serde_json::from_str(body).map_err(|e| EngineError::Corrupt(format!("event {id}: {e}")))
    };
    // Pass 1: what changes how other events count.
    let mut voided: HashMap<String, String> = HashMap::new();
    let mut merged: HashMap<String, String> = HashMap::new();
    let mut erased: HashSet<String> = HashSet::new();
    let mut replaced: HashSet<String> = HashSet::new();
    let rows = sqlx::query(
        "SELECT id, body FROM events WHERE kind IN ('voided', 'merged', 'erased', 'card_replaced')",
    )
    .fetch_all(&mut **tx)
    .await?;
    for row in rows {
        let id: String = row.try_get("id")?;
        let body: String = row.try_get("body")?;
        match parse(&id, &body)? {
            EventBody::Voided { target, .. } => {
                let e = voided
                    .entry(target.to_string())
                    .or_insert_with(|| id.clone());
                if id < *e {
                    *e = id;
                }
            }
            EventBody::Merged { from, into } => {
                merged.insert(from.to_string(), into.to_string());
            }
            EventBody::Erased { customer } => {
                erased.insert(customer.to_string());
            }
            EventBody::CardReplaced { old_card, .. } => {
                replaced.insert(old_card.to_string());
            }
            _ => {}
        }
    }
    let final_of = |c: &str| -> String {
        let mut cur = c.to_string();
        // Bounded: a cycle would be a corrupt ledger; stop rather than spin.
        for _ in 0..64 {
            match merged.get(&cur) {
                Some(next) => cur = next.clone(),
                None => break,
            }
        }
        cur
    };

    // Pass 2: fold every event.
    let mut p = Projections::default();
    let mut done = 0u64;
    let mut stream =
        sqlx::query("SELECT id, device_time, body FROM events ORDER BY seq").fetch(&mut **tx);
    let mut owner_cache: HashMap<String, String> = HashMap::new();
    while let Some(row) = stream.try_next().await? {
        let id: String = row.try_get("id")?;
        let body: String = row.try_get("body")?;
        let body = parse(&id, &body)?;
        let is_voided = voided.contains_key(&id);
        let mut owner = |c: &str| -> String {
            owner_cache
                .entry(c.to_string())
                .or_insert_with(|| final_of(c))
                .clone()
        };
        match &body {
            EventBody::ProgramPublished {
                version,
                name,
                source,
            } => {
                p.programs.insert(
                    id.clone(),
                    (i64::from(*version), name.clone(), source.clone()),
                );
            }
            EventBody::Enrolled {
                customer,
                card,
                profile,
                ..
            } => {
                let c = customer.to_string();
                let time: String = row.try_get("device_time")?;
                let entry = p.customers.entry(c.clone()).or_insert_with(new_customer);
                entry.enrolled_on = Some(time);
                if let Some(pr) = profile {
                    set_profile(entry, &id, pr);
                }
                let o = owner(&c);
                p.cards
                    .entry(card.to_string())
                    .or_insert((o, "active".into()));
            }
            EventBody::ProfileUpdated { customer, profile } => {
                let entry = p
                    .customers
                    .entry(customer.to_string())
                    .or_insert_with(new_customer);
                if let Some(pr) = profile {
                    set_profile(entry, &id, pr);
                }
            }
            EventBody::Visit {
                customer,
                amount,
                business_date,
                ..
            } => {
                let c = customer.to_string();
                p.customers.entry(c.clone()).or_insert_with(new_customer);
                p.visits.insert(
                    id.clone(),
                    (owner(&c), business_date.to_string(), *amount, is_voided),
                );
            }
            EventBody::CardReplaced {
                customer,
                old_card,
                new_card,
            } => {
                let c = customer.to_string();
                p.customers.entry(c.clone()).or_insert_with(new_customer);
                let o = owner(&c);
                p.cards
                    .insert(old_card.to_string(), (o.clone(), "replaced".into()));
                p.cards
                    .entry(new_card.to_string())
                    .or_insert((o, "active".into()));
            }
            EventBody::SubscriptionBought {
                customer,
                plan,
                starts,
                ends,
                ..
            } => {
                let c = customer.to_string();
                p.customers.entry(c.clone()).or_insert_with(new_customer);
                p.subscriptions.insert(
                    id.clone(),
                    (
                        owner(&c),
                        plan.clone(),
                        starts.to_string(),
                        ends.to_string(),
                    ),
                );
            }
            EventBody::Merged { from, into } => {
                p.customers
                    .entry(from.to_string())
                    .or_insert_with(new_customer);
                p.customers
                    .entry(into.to_string())
                    .or_insert_with(new_customer);
            }
            EventBody::Redeemed { customer, .. }
            | EventBody::Adjusted { customer, .. }
            | EventBody::Donated { customer, .. }
            | EventBody::Voided { customer, .. }
            | EventBody::Erased { customer } => {
                p.customers
                    .entry(customer.to_string())
                    .or_insert_with(new_customer);
            }
        }
        if !is_voided && !matches!(body, EventBody::Voided { .. }) {
            if let Some(c) = body.customer() {
                let deltas = body.deltas();
                if !deltas.is_empty() {
                    let o = owner(&c.to_string());
                    for d in deltas.iter().filter(|d| d.amount != 0) {
                        *p.balances
                            .entry((o.clone(), d.account.to_string()))
                            .or_insert(0) += d.amount;
                    }
                }
            }
        }
        done += 1;
        if done % 50_000 == 0 {
            progress(done, total);
        }
    }
    drop(stream);
    progress(done, total);

    // Finish: card statuses, merges, erasures, visit statistics, zero balances.
    for card in &replaced {
        if let Some(entry) = p.cards.get_mut(card) {
            entry.1 = "replaced".into();
        }
    }
    for from in merged.keys() {
        let target = final_of(from);
        if let Some(row) = p.customers.get_mut(from) {
            row.merged_into = Some(target);
        }
    }
    for c in &erased {
        if let Some(row) = p.customers.get_mut(c) {
            *row = CustomerRow {
                enrolled_on: row.enrolled_on.clone(),
                merged_into: row.merged_into.clone(),
                erased: true,
                ..new_customer()
            };
        }
    }
    for (customer, date, amount, is_voided) in p.visits.values() {
        if *is_voided {
            continue;
        }
        if let Some(row) = p.customers.get_mut(customer) {
            row.visits += 1;
            row.spend += amount;
            if row.first_visit.as_ref().is_none_or(|f| date < f) {
                row.first_visit = Some(date.clone());
            }
            if row.last_visit.as_ref().is_none_or(|l| date > l) {
                row.last_visit = Some(date.clone());
            }
        }
    }
    p.balances.retain(|_, v| *v != 0);
    p.voided = voided;
    Ok(p)
}

async fn load_stored(tx: &mut Transaction<'static, Sqlite>) -> Result<Projections> {
    let mut p = Projections::default();
    let mut rows = sqlx::query(
        "SELECT id, name, phone, email, birthday, marketing_consent, tags, profile_event, enrolled_on, merged_into,
                erased, visits, spend, first_visit, last_visit FROM customers",
    )
    .fetch(&mut **tx);
    while let Some(r) = rows.try_next().await? {
        p.customers.insert(
            r.try_get("id")?,
            CustomerRow {
                name: r.try_get("name")?,
                phone: r.try_get("phone")?,
                email: r.try_get("email")?,
                birthday: r.try_get("birthday")?,
                marketing_consent: r.try_get("marketing_consent")?,
                tags: r.try_get("tags")?,
                profile_event: r.try_get("profile_event")?,
                enrolled_on: r.try_get("enrolled_on")?,
                merged_into: r.try_get("merged_into")?,
                erased: r.try_get("erased")?,
                visits: r.try_get("visits")?,
                spend: r.try_get("spend")?,
                first_visit: r.try_get("first_visit")?,
                last_visit: r.try_get("last_visit")?,
            },
        );
    }
    drop(rows);
    let mut rows = sqlx::query("SELECT id, customer, status FROM cards").fetch(&mut **tx);
    while let Some(r) = rows.try_next().await? {
        p.cards.insert(
            r.try_get("id")?,
            (r.try_get("customer")?, r.try_get("status")?),
        );
    }
    drop(rows);
    let mut rows = sqlx::query("SELECT customer, account, amount FROM balances").fetch(&mut **tx);
    while let Some(r) = rows.try_next().await? {
        p.balances.insert(
            (r.try_get("customer")?, r.try_get("account")?),
            r.try_get("amount")?,
        );
    }
    drop(rows);
    let mut rows =
        sqlx::query("SELECT event_id, customer, business_date, amount, voided FROM visits")
            .fetch(&mut **tx);
    while let Some(r) = rows.try_next().await? {
        p.visits.insert(
            r.try_get("event_id")?,
            (
                r.try_get("customer")?,
                r.try_get("business_date")?,
                r.try_get("amount")?,
                r.try_get("voided")?,
            ),
        );
    }
    drop(rows);
    for r in sqlx::query("SELECT target, void_event FROM voided")
        .fetch_all(&mut **tx)
        .await?
    {
        p.voided
            .insert(r.try_get("target")?, r.try_get("void_event")?);
    }
    for r in sqlx::query("SELECT event_id, customer, plan, starts, ends FROM subscriptions")
        .fetch_all(&mut **tx)
        .await?
    {
        p.subscriptions.insert(
            r.try_get("event_id")?,
            (
                r.try_get("customer")?,
                r.try_get("plan")?,
                r.try_get("starts")?,
                r.try_get("ends")?,
            ),
        );
    }
    for r in sqlx::query("SELECT event_id, version, name, source FROM programs")
        .fetch_all(&mut **tx)
        .await?
    {
        p.programs.insert(
            r.try_get("event_id")?,
            (
                r.try_get("version")?,
                r.try_get("name")?,
                r.try_get("source")?,
            ),
        );
    }
    Ok(p)
}

fn diff_map<K: std::hash::Hash + Eq + std::fmt::Debug, V: PartialEq>(
    table: &'static str,
    stored: &HashMap<K, V>,
    rebuilt: &HashMap<K, V>,
) -> Option<TableDiff> {
    let mut d = TableDiff {
        table,
        ..Default::default()
    };
    for (k, v) in rebuilt {
        match stored.get(k) {
            None => d.missing += 1,
            Some(s) if s != v => d.changed += 1,
            Some(_) => continue,
        }
        if d.examples.len() < 5 {
            d.examples.push(format!("{k:?}"));
        }
    }
    for k in stored.keys().filter(|k| !rebuilt.contains_key(*k)) {
        d.extra += 1;
        if d.examples.len() < 5 {
            d.examples.push(format!("{k:?}"));
        }
    }
    (d.missing + d.extra + d.changed > 0).then_some(d)
}

fn diff(stored: &Projections, rebuilt: &Projections) -> Vec<TableDiff> {
    [
        diff_map("customers", &stored.customers, &rebuilt.customers),
        diff_map("cards", &stored.cards, &rebuilt.cards),
        diff_map("balances", &stored.balances, &rebuilt.balances),
        diff_map("visits", &stored.visits, &rebuilt.visits),
        diff_map("voided", &stored.voided, &rebuilt.voided),
        diff_map(
            "subscriptions",
            &stored.subscriptions,
            &rebuilt.subscriptions,
        ),
        diff_map("programs", &stored.programs, &rebuilt.programs),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Replaces the differing tables' contents with the rebuilt ones.
async fn write_differences(
    tx: &mut Transaction<'static, Sqlite>,
    stored: &Projections,
    rebuilt: &Projections,
) -> Result<()> {
    if stored.customers != rebuilt.customers {
        sqlx::query("DELETE FROM customers")
            .execute(&mut **tx)
            .await?;
        for (id, c) in &rebuilt.customers {
            sqlx::query(
                "INSERT INTO customers (id, name, phone, email, birthday, marketing_consent, tags, profile_event,
                    enrolled_on, merged_into, erased, visits, spend, first_visit, last_visit)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(&c.name)
            .bind(&c.phone)
            .bind(&c.email)
            .bind(&c.birthday)
            .bind(c.marketing_consent)
            .bind(&c.tags)
            .bind(&c.profile_event)
            .bind(&c.enrolled_on)
            .bind(&c.merged_into)
            .bind(c.erased)
            .bind(c.visits)
            .bind(c.spend)
            .bind(&c.first_visit)
            .bind(&c.last_visit)
            .execute(&mut **tx)
            .await?;
        }
    }
    if stored.cards != rebuilt.cards {
        sqlx::query("DELETE FROM cards").execute(&mut **tx).await?;
        for (id, (customer, status)) in &rebuilt.cards {
            sqlx::query("INSERT INTO cards (id, customer, status) VALUES (?, ?, ?)")
                .bind(id)
                .bind(customer)
                .bind(status)
                .execute(&mut **tx)
                .await?;
        }
    }
    if stored.balances != rebuilt.balances {
        sqlx::query("DELETE FROM balances")
            .execute(&mut **tx)
            .await?;
        for ((customer, account), amount) in &rebuilt.balances {
            sqlx::query("INSERT INTO balances (customer, account, amount) VALUES (?, ?, ?)")
                .bind(customer)
                .bind(account)
                .bind(amount)
                .execute(&mut **tx)
                .await?;
        }
    }
    if stored.visits != rebuilt.visits {
        sqlx::query("DELETE FROM visits").execute(&mut **tx).await?;
        for (id, (customer, date, amount, voided)) in &rebuilt.visits {
            sqlx::query("INSERT INTO visits (event_id, customer, business_date, amount, voided) VALUES (?, ?, ?, ?, ?)")
                .bind(id)
                .bind(customer)
                .bind(date)
                .bind(amount)
                .bind(voided)
                .execute(&mut **tx)
                .await?;
        }
    }
    if stored.voided != rebuilt.voided {
        sqlx::query("DELETE FROM voided").execute(&mut **tx).await?;
        for (target, void) in &rebuilt.voided {
            sqlx::query("INSERT INTO voided (target, void_event) VALUES (?, ?)")
                .bind(target)
                .bind(void)
                .execute(&mut **tx)
                .await?;
        }
    }
    if stored.subscriptions != rebuilt.subscriptions {
        sqlx::query("DELETE FROM subscriptions")
            .execute(&mut **tx)
            .await?;
        for (id, (customer, plan, starts, ends)) in &rebuilt.subscriptions {
            sqlx::query("INSERT INTO subscriptions (event_id, customer, plan, starts, ends) VALUES (?, ?, ?, ?, ?)")
                .bind(id)
                .bind(customer)
                .bind(plan)
                .bind(starts)
                .bind(ends)
                .execute(&mut **tx)
                .await?;
        }
    }
    if stored.programs != rebuilt.programs {
        sqlx::query("DELETE FROM programs")
            .execute(&mut **tx)
            .await?;
        for (id, (version, name, source)) in &rebuilt.programs {
            sqlx::query(
                "INSERT INTO programs (event_id, version, name, source) VALUES (?, ?, ?, ?)",
            )
            .bind(id)
            .bind(version)
            .bind(name)
            .bind(source)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
