//! Rebuilding every projection from the ledger, and reporting where the stored
//! projections differ from it.
//!
//! This fold is written independently of the incremental one in `apply.rs`, in
//! two passes: the first reads the few events that change how others count
//! (voids, merges, erasures), the second folds everything with that knowledge.
//! Tests hold the two equal, in any order of arrival.

use rusqlite::{params, Connection, TransactionBehavior};
use serde::Serialize;
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
    /// one. With `repair`, differing tables are replaced by the recomputed ones.
    pub fn rebuild(
        &self,
        repair: bool,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<RebuildReport> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let total: i64 = tx.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
        let total = u64::try_from(total).unwrap_or(0);
        let rebuilt = fold(&tx, total, &mut progress)?;
        let stored = load_stored(&tx)?;
        let differences = diff(&stored, &rebuilt);
        let repaired = repair && !differences.is_empty();
        if repaired {
            write_differences(&tx, &stored, &rebuilt)?;
        }
        tx.commit()?;
        Ok(RebuildReport {
            events: total,
            customers: rebuilt.customers.len(),
            differences,
            repaired,
        })
    }

    /// The stored projections as a canonical text (for tests comparing orders of arrival).
    pub fn projection_snapshot(&self) -> Result<String> {
        Ok(canonical(&load_stored(&self.conn())?))
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

fn fold(conn: &Connection, total: u64, progress: &mut impl FnMut(u64, u64)) -> Result<Projections> {
    let parse = |id: &str, body: &str| -> Result<EventBody> {
        serde_json::from_str(body).map_err(|e| EngineError::Corrupt(format!("event {id}: {e}")))
    };
    // Pass 1: what changes how other events count.
    let mut voided: HashMap<String, String> = HashMap::new();
    let mut merged: HashMap<String, String> = HashMap::new();
    let mut erased: HashSet<String> = HashSet::new();
    let mut replaced: HashSet<String> = HashSet::new();
    let mut stmt = conn.prepare(
        "SELECT id, body FROM events WHERE kind IN ('voided', 'merged', 'erased', 'card_replaced')",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let body: String = row.get(1)?;
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
    drop(rows);
    drop(stmt);
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
    let mut stmt = conn.prepare("SELECT id, device_time, body FROM events ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let mut owner_cache: HashMap<String, String> = HashMap::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let body: String = row.get(2)?;
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
                let time: String = row.get(1)?;
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
    drop(rows);
    drop(stmt);
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

fn load_stored(conn: &Connection) -> Result<Projections> {
    let mut p = Projections::default();
    let mut stmt = conn.prepare(
        "SELECT id, name, phone, email, birthday, marketing_consent, tags, profile_event, enrolled_on, merged_into,
                erased, visits, spend, first_visit, last_visit FROM customers",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.customers.insert(
            r.get(0)?,
            CustomerRow {
                name: r.get(1)?,
                phone: r.get(2)?,
                email: r.get(3)?,
                birthday: r.get(4)?,
                marketing_consent: r.get(5)?,
                tags: r.get(6)?,
                profile_event: r.get(7)?,
                enrolled_on: r.get(8)?,
                merged_into: r.get(9)?,
                erased: r.get(10)?,
                visits: r.get(11)?,
                spend: r.get(12)?,
                first_visit: r.get(13)?,
                last_visit: r.get(14)?,
            },
        );
    }
    let mut stmt = conn.prepare("SELECT id, customer, status FROM cards")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.cards.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
    }
    let mut stmt = conn.prepare("SELECT customer, account, amount FROM balances")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.balances.insert((r.get(0)?, r.get(1)?), r.get(2)?);
    }
    let mut stmt =
        conn.prepare("SELECT event_id, customer, business_date, amount, voided FROM visits")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.visits
            .insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?));
    }
    let mut stmt = conn.prepare("SELECT target, void_event FROM voided")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.voided.insert(r.get(0)?, r.get(1)?);
    }
    let mut stmt =
        conn.prepare("SELECT event_id, customer, plan, starts, ends FROM subscriptions")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.subscriptions
            .insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?));
    }
    let mut stmt = conn.prepare("SELECT event_id, version, name, source FROM programs")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.programs
            .insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?));
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
fn write_differences(conn: &Connection, stored: &Projections, rebuilt: &Projections) -> Result<()> {
    if stored.customers != rebuilt.customers {
        conn.execute("DELETE FROM customers", [])?;
        let mut stmt = conn.prepare(
            "INSERT INTO customers (id, name, phone, email, birthday, marketing_consent, tags, profile_event,
                enrolled_on, merged_into, erased, visits, spend, first_visit, last_visit)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        for (id, c) in &rebuilt.customers {
            stmt.execute(params![
                id,
                c.name,
                c.phone,
                c.email,
                c.birthday,
                c.marketing_consent,
                c.tags,
                c.profile_event,
                c.enrolled_on,
                c.merged_into,
                c.erased,
                c.visits,
                c.spend,
                c.first_visit,
                c.last_visit
            ])?;
        }
    }
    if stored.cards != rebuilt.cards {
        conn.execute("DELETE FROM cards", [])?;
        let mut stmt = conn.prepare("INSERT INTO cards (id, customer, status) VALUES (?, ?, ?)")?;
        for (id, (customer, status)) in &rebuilt.cards {
            stmt.execute(params![id, customer, status])?;
        }
    }
    if stored.balances != rebuilt.balances {
        conn.execute("DELETE FROM balances", [])?;
        let mut stmt =
            conn.prepare("INSERT INTO balances (customer, account, amount) VALUES (?, ?, ?)")?;
        for ((customer, account), amount) in &rebuilt.balances {
            stmt.execute(params![customer, account, amount])?;
        }
    }
    if stored.visits != rebuilt.visits {
        conn.execute("DELETE FROM visits", [])?;
        let mut stmt =
            conn.prepare("INSERT INTO visits (event_id, customer, business_date, amount, voided) VALUES (?, ?, ?, ?, ?)")?;
        for (id, (customer, date, amount, voided)) in &rebuilt.visits {
            stmt.execute(params![id, customer, date, amount, voided])?;
        }
    }
    if stored.voided != rebuilt.voided {
        conn.execute("DELETE FROM voided", [])?;
        let mut stmt = conn.prepare("INSERT INTO voided (target, void_event) VALUES (?, ?)")?;
        for (target, void) in &rebuilt.voided {
            stmt.execute(params![target, void])?;
        }
    }
    if stored.subscriptions != rebuilt.subscriptions {
        conn.execute("DELETE FROM subscriptions", [])?;
        let mut stmt =
            conn.prepare("INSERT INTO subscriptions (event_id, customer, plan, starts, ends) VALUES (?, ?, ?, ?, ?)")?;
        for (id, (customer, plan, starts, ends)) in &rebuilt.subscriptions {
            stmt.execute(params![id, customer, plan, starts, ends])?;
        }
    }
    if stored.programs != rebuilt.programs {
        conn.execute("DELETE FROM programs", [])?;
        let mut stmt = conn.prepare(
            "INSERT INTO programs (event_id, version, name, source) VALUES (?, ?, ?, ?)",
        )?;
        for (id, (version, name, source)) in &rebuilt.programs {
            stmt.execute(params![id, version, name, source])?;
        }
    }
    Ok(())
}
