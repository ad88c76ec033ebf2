//! Rebuilding every projection from the ledger, and reporting where the stored
//! projections differ from it.
//!
//! This fold is written independently of the incremental one in `apply.rs`, in
//! two passes: the first reads the few events that change how others count
//! (voids, merges, erasures, card replacements), the second folds everything with
//! that knowledge. Tests hold the two equal, in any order of arrival.
//!
//! Speed: a million events must fold in a few seconds on a till. Ids are parsed
//! into integers once (string-keyed maps spent most of the time comparing and
//! hashing 36-byte strings), accounts are interned, and each event body is read
//! into a small borrowed struct of just the fields the fold needs, skipping the
//! explanations.

use rusqlite::{params, Connection, TransactionBehavior};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use uuid::Uuid;

use super::Store;
use crate::error::{EngineError, Result};
use crate::ledger::merges::{self, MergeEdge};
use crate::ledger::Profile;

type Id = u128;
type Date = [u8; 10];

fn id(text: &str) -> Result<Id> {
    Uuid::try_parse(text)
        .map(|u| u.as_u128())
        .map_err(|_| EngineError::Corrupt(format!("`{text}` is not an id")))
}

fn hyphenated(id: Id) -> String {
    Uuid::from_u128(id).hyphenated().to_string()
}

fn simple(id: Id) -> String {
    Uuid::from_u128(id).simple().to_string()
}

fn date(text: &str) -> Result<Date> {
    text.as_bytes()
        .try_into()
        .map_err(|_| EngineError::Corrupt(format!("`{text}` is not a date")))
}

fn date_text(d: &Date) -> String {
    String::from_utf8_lossy(d).into_owned()
}

/// A customer row of the projection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct CustomerRow {
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    birthday: Option<String>,
    marketing_consent: bool,
    tags: String,
    profile_event: Option<String>,
    enrolled_on: Option<String>,
    merged_into: Option<Id>,
    erased: bool,
    visits: i64,
    spend: i64,
    first_visit: Option<Date>,
    last_visit: Option<Date>,
}

/// A card row: owner, replaced, code, typed fallback code.
type CardRow = (Id, bool, Option<String>, String);

/// Gives `card` to `owner` as the till's fold does (`apply::insert_card`):
/// the earliest event naming it wins, whatever the order of arrival.
fn give_card(p: &mut Projections, card: Id, owner: Id, event: Id, code: Option<String>) {
    let earliest = p.card_given.get(&card).is_none_or(|given| event < *given);
    let row = p
        .cards
        .entry(card)
        .or_insert_with(|| card_row(owner, false, card));
    if earliest {
        row.0 = owner;
        row.2 = code;
        p.card_given.insert(card, event);
    }
}

fn card_row(owner: Id, replaced: bool, card: Id) -> CardRow {
    let fallback = crate::card_code::fallback_code(crate::ledger::CardId(Uuid::from_u128(card)));
    (owner, replaced, None, fallback)
}

/// A visit row: customer, business date, amount, voided.
type VisitRow = (Id, Date, i64, bool);

/// Every projection table, in memory. Accounts are indices into `accounts`.
#[derive(Debug, Clone, Default)]
struct Projections {
    customers: FxHashMap<Id, CustomerRow>,
    /// Card: owner, replaced, code, fallback.
    cards: FxHashMap<Id, CardRow>,
    /// Card: the event that gave it to its owner (the earliest that named it;
    /// written back on a repair, not compared: the owner is).
    card_given: FxHashMap<Id, Id>,
    till_keys: FxHashMap<String, (Vec<u8>, Id)>,
    balances: FxHashMap<(Id, u32), i64>,
    visits: FxHashMap<Id, VisitRow>,
    voided: FxHashMap<Id, Id>,
    subscriptions: FxHashMap<Id, (Id, String, String, String)>,
    programs: FxHashMap<Id, (i64, String, String)>,
}

/// Account names, interned: a shop has a few dozen, used millions of times.
#[derive(Debug, Default)]
struct Accounts {
    index: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Accounts {
    fn get(&mut self, name: &str) -> u32 {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.index.insert(name.to_string(), i);
        self.names.push(name.to_string());
        i
    }
}

/// How one table differs from the ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TableDiff {
    /// The table.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// Just what the fold reads of an event body; everything else is skipped.
#[derive(Deserialize)]
struct Lite<'a> {
    #[serde(borrow, default)]
    customer: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    deltas: Vec<LiteDelta<'a>>,
    #[serde(default)]
    amount: i64,
    #[serde(borrow, default)]
    business_date: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    card: Option<Cow<'a, str>>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    new_code: Option<String>,
    #[serde(borrow, default)]
    device: Option<Cow<'a, str>>,
    #[serde(default)]
    key_id: Option<String>,
    #[serde(borrow, default)]
    public_key: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    old_card: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    new_card: Option<Cow<'a, str>>,
    #[serde(default)]
    profile: Option<Profile>,
    #[serde(borrow, default)]
    target: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    from: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    into: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    plan: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    starts: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    ends: Option<Cow<'a, str>>,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
struct LiteDelta<'a> {
    #[serde(borrow)]
    account: Cow<'a, str>,
    amount: i64,
}

fn lite<'a>(event: &str, body: &'a str) -> Result<Lite<'a>> {
    serde_json::from_str(body).map_err(|e| EngineError::Corrupt(format!("event {event}: {e}")))
}

fn need<'a>(event: &str, field: &'static str, v: &'a Option<Cow<'_, str>>) -> Result<&'a str> {
    v.as_deref()
        .ok_or_else(|| EngineError::Corrupt(format!("event {event} has no {field}")))
}

fn set_profile(row: &mut CustomerRow, order: &str, p: &Profile) {
    if row.profile_event.as_deref().is_some_and(|e| e >= order) {
        return;
    }
    row.name = p.name.clone();
    row.phone = p.phone.clone();
    row.email = p.email.clone();
    row.birthday = p.birthday.map(|b| b.to_string());
    row.marketing_consent = p.marketing_consent;
    row.tags = serde_json::to_string(&p.tags).unwrap_or_else(|_| "[]".into());
    row.profile_event = Some(order.to_string());
}

fn new_customer() -> CustomerRow {
    CustomerRow {
        tags: "[]".into(),
        ..Default::default()
    }
}

impl Store {
    infrastructure! {
        /// Recomputes every projection from the ledger and compares it with the stored
        /// one. With `repair`, differing tables are replaced by the recomputed ones.
        fn rebuild(
            &self,
            repair: bool,
            mut progress: impl FnMut(u64, u64),
        ) -> Result<RebuildReport> {
            let mut conn = self.conn();
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let total: i64 = tx.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
            let total = u64::try_from(total).unwrap_or(0);
            // The stored projections are read on a second connection while this
            // one folds the ledger (a fifth of the time, on the other core). Both
            // see the same state: this transaction holds the write lock and has
            // written nothing, so the other's snapshot is the last commit, as is
            // this one's.
            let reader = super::connect(&self.path)?;
            let (rebuilt, accounts, stored) = std::thread::scope(|s| {
                let loading = s.spawn(move || -> Result<(Projections, Accounts)> {
                    let mut reader = reader;
                    let snapshot = reader.transaction()?;
                    let mut accounts = Accounts::default();
                    let stored = load_stored(&snapshot, &mut accounts)?;
                    Ok((stored, accounts))
                });
                let mut accounts = Accounts::default();
                let rebuilt = fold(&tx, total, &mut accounts, &mut progress);
                // A panic there is a bug: it goes on here as the same panic.
                let (mut stored, stored_accounts) = loading
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                let rebuilt = rebuilt?;
                stored.balances = stored
                    .balances
                    .into_iter()
                    .map(|((c, a), v)| ((c, accounts.get(&stored_accounts.names[a as usize])), v))
                    .collect();
                Ok::<_, EngineError>((rebuilt, accounts, stored))
            })?;
            let differences = diff(&stored, &rebuilt, &accounts);
            let repaired = repair && !differences.is_empty();
            if repaired {
                write_differences(&tx, &stored, &rebuilt, &accounts)?;
            }
            tx.commit()?;
            Ok(RebuildReport {
                events: total,
                customers: rebuilt.customers.len(),
                differences,
                repaired,
            })
        }
    }

    /// The stored projections as a canonical text (for tests comparing orders of arrival).
    pub fn projection_snapshot(&self) -> Result<String> {
        let mut accounts = Accounts::default();
        let p = load_stored(&self.conn(), &mut accounts)?;
        Ok(canonical(&p, &accounts))
    }
}

/// A canonical text of the projections, sorted, for equality checks in tests.
fn canonical(p: &Projections, accounts: &Accounts) -> String {
    let mut lines = Vec::new();
    for (k, v) in &p.customers {
        lines.push(format!("customer {} {v:?}", hyphenated(*k)));
    }
    for (k, v) in &p.cards {
        lines.push(format!("card {} {v:?}", simple(*k)));
    }
    for (k, (key, device)) in &p.till_keys {
        lines.push(format!("till key {k} {key:?} of {}", hyphenated(*device)));
    }
    for ((c, a), v) in &p.balances {
        lines.push(format!(
            "balance {} {} {v}",
            hyphenated(*c),
            accounts.names[*a as usize]
        ));
    }
    for (k, v) in &p.visits {
        lines.push(format!("visit {} {v:?}", hyphenated(*k)));
    }
    for (k, v) in &p.voided {
        lines.push(format!("voided {} {}", hyphenated(*k), hyphenated(*v)));
    }
    for (k, v) in &p.subscriptions {
        lines.push(format!("subscription {} {v:?}", hyphenated(*k)));
    }
    for (k, v) in &p.programs {
        lines.push(format!("program {} {v:?}", hyphenated(*k)));
    }
    lines.sort();
    lines.join("\n")
}

fn fold(
    conn: &Connection,
    total: u64,
    accounts: &mut Accounts,
    progress: &mut impl FnMut(u64, u64),
) -> Result<Projections> {
    // Pass 1: what changes how other events count.
    let mut voided: FxHashMap<Id, Id> = FxHashMap::default();
    let mut merge_edges: Vec<MergeEdge> = Vec::new();
    let mut erased: FxHashSet<Id> = FxHashSet::default();
    let mut replaced: FxHashSet<Id> = FxHashSet::default();
    {
        let mut stmt =
            conn.prepare("SELECT id, kind, body FROM events WHERE kind IN ('voided', 'merged', 'erased', 'card_replaced')")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let event: &str = row.get_ref(0)?.as_str()?;
            let kind: &str = row.get_ref(1)?.as_str()?;
            let body = lite(event, row.get_ref(2)?.as_str()?)?;
            match kind {
                "voided" => {
                    let void = id(event)?;
                    let target = id(need(event, "target", &body.target)?)?;
                    let e = voided.entry(target).or_insert(void);
                    *e = (*e).min(void);
                }
                "merged" => {
                    merge_edges.push(MergeEdge {
                        event: Uuid::from_u128(id(event)?),
                        from: Uuid::from_u128(id(need(event, "from", &body.from)?)?),
                        into: Uuid::from_u128(id(need(event, "into", &body.into)?)?),
                    });
                }
                "erased" => {
                    erased.insert(id(need(event, "customer", &body.customer)?)?);
                }
                _ => {
                    replaced.insert(id(need(event, "old_card", &body.old_card)?)?);
                }
            }
        }
    }
    // Which record remains of each person's records: decided from the set of
    // merges, as when they are applied one by one.
    let merged = merges::resolve(&merge_edges);
    let final_of = |c: Id| -> Id { merged.owner(Uuid::from_u128(c)).as_u128() };

    // Pass 2: fold every event.
    let mut p = Projections::default();
    let mut done = 0u64;
    let mut stmt = conn.prepare(
        "SELECT id, kind, device_time, body, device, device_seq, seen_server_seq, server_seq FROM events ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let event: &str = row.get_ref(0)?.as_str()?;
        let kind: &str = row.get_ref(1)?.as_str()?;
        let body = lite(event, row.get_ref(3)?.as_str()?)?;
        let event_id = id(event)?;
        let is_voided = voided.contains_key(&event_id);
        let customer = body.customer.as_deref().map(id).transpose()?;
        if let Some(c) = customer {
            p.customers.entry(c).or_insert_with(new_customer);
        }
        match kind {
            "program_published" => {
                p.programs.insert(
                    event_id,
                    (
                        body.version,
                        body.name.clone().unwrap_or_default(),
                        body.source.clone().unwrap_or_default(),
                    ),
                );
            }
            "enrolled" | "profile_updated" => {
                let c = customer.ok_or_else(|| {
                    EngineError::Corrupt(format!("event {event} has no customer"))
                })?;
                let entry = p.customers.entry(c).or_insert_with(new_customer);
                if kind == "enrolled" {
                    entry.enrolled_on = Some(row.get_ref(2)?.as_str()?.to_string());
                }
                if let Some(pr) = &body.profile {
                    let order = crate::ledger::order_key(
                        crate::ledger::bounded_seen(row.get(6)?, row.get(7)?),
                        row.get_ref(4)?.as_str()?,
                        row.get(5)?,
                    );
                    set_profile(entry, &order, pr);
                }
                if let Some(card) = body.card.as_deref() {
                    give_card(&mut p, id(card)?, final_of(c), event_id, body.code.clone());
                }
            }
            "visit" => {
                let c = customer.ok_or_else(|| {
                    EngineError::Corrupt(format!("event {event} has no customer"))
                })?;
                let d = date(need(event, "business_date", &body.business_date)?)?;
                p.visits
                    .insert(event_id, (final_of(c), d, body.amount, is_voided));
            }
            "card_replaced" => {
                let c = customer.ok_or_else(|| {
                    EngineError::Corrupt(format!("event {event} has no customer"))
                })?;
                let o = final_of(c);
                let old = id(need(event, "old_card", &body.old_card)?)?;
                p.cards
                    .entry(old)
                    .or_insert_with(|| card_row(o, true, old))
                    .1 = true;
                let new = id(need(event, "new_card", &body.new_card)?)?;
                give_card(&mut p, new, o, event_id, body.new_code.clone());
            }
            "till_key_added" => {
                let public_key = need(event, "public_key", &body.public_key)?;
                let device = id(need(event, "device", &body.device)?)?;
                let key_id = body.key_id.clone().unwrap_or_default();
                // As when applied: a key that does not check out is not learnt.
                if let Some(key) = crate::card_code::announced_key(&key_id, public_key) {
                    p.till_keys
                        .entry(key_id)
                        .or_insert((key.as_bytes().to_vec(), device));
                }
            }
            "subscription_bought" => {
                let c = customer.ok_or_else(|| {
                    EngineError::Corrupt(format!("event {event} has no customer"))
                })?;
                p.subscriptions.insert(
                    event_id,
                    (
                        final_of(c),
                        need(event, "plan", &body.plan)?.to_string(),
                        need(event, "starts", &body.starts)?.to_string(),
                        need(event, "ends", &body.ends)?.to_string(),
                    ),
                );
            }
            "merged" => {
                p.customers
                    .entry(id(need(event, "from", &body.from)?)?)
                    .or_insert_with(new_customer);
                p.customers
                    .entry(id(need(event, "into", &body.into)?)?)
                    .or_insert_with(new_customer);
            }
            _ => {}
        }
        // Balances: the deltas of every event that is not voided (a void's own
        // deltas only describe what it took back).
        if !is_voided && kind != "voided" && !body.deltas.is_empty() {
            if let Some(c) = customer {
                let owner = final_of(c);
                for d in body.deltas.iter().filter(|d| d.amount != 0) {
                    // Bounded by MAX_BALANCE where written; saturating, so a
                    // damaged ledger cannot make the rebuild panic.
                    let b = p
                        .balances
                        .entry((owner, accounts.get(&d.account)))
                        .or_insert(0);
                    *b = b.saturating_add(d.amount);
                }
            }
        }
        done += 1;
        if done % 50_000 == 0 {
            progress(done, total);
        }
    }
    progress(done, total);

    // Finish: card statuses, merges, erasures, visit statistics, zero balances.
    for card in &replaced {
        if let Some(entry) = p.cards.get_mut(card) {
            entry.1 = true;
        }
    }
    for (closed, owner) in &merged.closed {
        if let Some(row) = p.customers.get_mut(&closed.as_u128()) {
            row.merged_into = Some(owner.as_u128());
        }
    }
    // An erasure erases the person: every record of its group, whichever was
    // named and whenever the merges arrived.
    let erased_people: FxHashSet<Id> = erased.iter().map(|c| final_of(*c)).collect();
    for (c, row) in p.customers.iter_mut() {
        if erased_people.contains(&final_of(*c)) {
            *row = CustomerRow {
                enrolled_on: row.enrolled_on.take(),
                merged_into: row.merged_into,
                erased: true,
                ..new_customer()
            };
        }
    }
    for (customer, d, amount, is_voided) in p.visits.values() {
        if *is_voided {
            continue;
        }
        if let Some(row) = p.customers.get_mut(customer) {
            row.visits += 1;
            row.spend = row.spend.saturating_add(*amount);
            if row.first_visit.is_none_or(|f| *d < f) {
                row.first_visit = Some(*d);
            }
            if row.last_visit.is_none_or(|l| *d > l) {
                row.last_visit = Some(*d);
            }
        }
    }
    p.balances.retain(|_, v| *v != 0);
    p.voided = voided;
    Ok(p)
}

fn opt_id(v: Option<&str>) -> Result<Option<Id>> {
    v.map(id).transpose()
}

fn opt_date(v: Option<&str>) -> Result<Option<Date>> {
    v.map(date).transpose()
}

fn load_stored(conn: &Connection, accounts: &mut Accounts) -> Result<Projections> {
    let mut p = Projections::default();
    let mut stmt = conn.prepare(
        "SELECT id, name, phone, email, birthday, marketing_consent, tags, profile_event, enrolled_on, merged_into,
                erased, visits, spend, first_visit, last_visit FROM customers",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.customers.insert(
            id(r.get_ref(0)?.as_str()?)?,
            CustomerRow {
                name: r.get(1)?,
                phone: r.get(2)?,
                email: r.get(3)?,
                birthday: r.get(4)?,
                marketing_consent: r.get(5)?,
                tags: r.get(6)?,
                profile_event: r.get(7)?,
                enrolled_on: r.get(8)?,
                merged_into: opt_id(r.get_ref(9)?.as_str_or_null()?)?,
                erased: r.get(10)?,
                visits: r.get(11)?,
                spend: r.get(12)?,
                first_visit: opt_date(r.get_ref(13)?.as_str_or_null()?)?,
                last_visit: opt_date(r.get_ref(14)?.as_str_or_null()?)?,
            },
        );
    }
    let mut stmt = conn.prepare("SELECT id, customer, status, code, fallback FROM cards")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let replaced = r.get_ref(2)?.as_str()? == "replaced";
        let fallback: Option<String> = r.get(4)?;
        p.cards.insert(
            id(r.get_ref(0)?.as_str()?)?,
            (
                id(r.get_ref(1)?.as_str()?)?,
                replaced,
                r.get(3)?,
                fallback.unwrap_or_default(),
            ),
        );
    }
    let mut stmt = conn.prepare("SELECT key_id, public_key, device FROM till_keys")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.till_keys
            .insert(r.get(0)?, (r.get(1)?, id(r.get_ref(2)?.as_str()?)?));
    }
    let mut stmt = conn.prepare("SELECT customer, account, amount FROM balances")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let account = accounts.get(r.get_ref(1)?.as_str()?);
        p.balances
            .insert((id(r.get_ref(0)?.as_str()?)?, account), r.get(2)?);
    }
    let mut stmt =
        conn.prepare("SELECT event_id, customer, business_date, amount, voided FROM visits")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.visits.insert(
            id(r.get_ref(0)?.as_str()?)?,
            (
                id(r.get_ref(1)?.as_str()?)?,
                date(r.get_ref(2)?.as_str()?)?,
                r.get(3)?,
                r.get(4)?,
            ),
        );
    }
    let mut stmt = conn.prepare("SELECT target, void_event FROM voided")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.voided
            .insert(id(r.get_ref(0)?.as_str()?)?, id(r.get_ref(1)?.as_str()?)?);
    }
    let mut stmt =
        conn.prepare("SELECT event_id, customer, plan, starts, ends FROM subscriptions")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.subscriptions.insert(
            id(r.get_ref(0)?.as_str()?)?,
            (
                id(r.get_ref(1)?.as_str()?)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ),
        );
    }
    let mut stmt = conn.prepare("SELECT event_id, version, name, source FROM programs")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        p.programs.insert(
            id(r.get_ref(0)?.as_str()?)?,
            (r.get(1)?, r.get(2)?, r.get(3)?),
        );
    }
    Ok(p)
}

fn diff_map<K: std::hash::Hash + Eq + Clone, V: PartialEq>(
    table: &'static str,
    stored: &FxHashMap<K, V>,
    rebuilt: &FxHashMap<K, V>,
    show: impl Fn(&K) -> String,
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
            d.examples.push(show(k));
        }
    }
    for k in stored.keys().filter(|k| !rebuilt.contains_key(*k)) {
        d.extra += 1;
        if d.examples.len() < 5 {
            d.examples.push(show(k));
        }
    }
    (d.missing + d.extra + d.changed > 0).then_some(d)
}

fn diff(stored: &Projections, rebuilt: &Projections, accounts: &Accounts) -> Vec<TableDiff> {
    let id = |k: &Id| hyphenated(*k);
    [
        diff_map("customers", &stored.customers, &rebuilt.customers, id),
        diff_map("cards", &stored.cards, &rebuilt.cards, |k| simple(*k)),
        diff_map(
            "till_keys",
            &stored.till_keys,
            &rebuilt.till_keys,
            String::clone,
        ),
        diff_map("balances", &stored.balances, &rebuilt.balances, |(c, a)| {
            format!("{} {}", hyphenated(*c), accounts.names[*a as usize])
        }),
        diff_map("visits", &stored.visits, &rebuilt.visits, id),
        diff_map("voided", &stored.voided, &rebuilt.voided, id),
        diff_map(
            "subscriptions",
            &stored.subscriptions,
            &rebuilt.subscriptions,
            id,
        ),
        diff_map("programs", &stored.programs, &rebuilt.programs, id),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Replaces the differing tables' contents with the rebuilt ones.
fn write_differences(
    conn: &Connection,
    stored: &Projections,
    rebuilt: &Projections,
    accounts: &Accounts,
) -> Result<()> {
    if stored.customers != rebuilt.customers {
        conn.execute("DELETE FROM customers", [])?;
        let mut stmt = conn.prepare(
            "INSERT INTO customers (id, name, phone, email, birthday, marketing_consent, tags, profile_event,
                enrolled_on, merged_into, erased, visits, spend, first_visit, last_visit)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        for (k, c) in &rebuilt.customers {
            stmt.execute(params![
                hyphenated(*k),
                c.name,
                c.phone,
                c.email,
                c.birthday,
                c.marketing_consent,
                c.tags,
                c.profile_event,
                c.enrolled_on,
                c.merged_into.map(hyphenated),
                c.erased,
                c.visits,
                c.spend,
                c.first_visit.as_ref().map(date_text),
                c.last_visit.as_ref().map(date_text),
            ])?;
        }
    }
    if stored.cards != rebuilt.cards {
        conn.execute("DELETE FROM cards", [])?;
        let mut stmt = conn.prepare(
            "INSERT INTO cards (id, customer, status, code, fallback, given_by) VALUES (?, ?, ?, ?, ?, ?)",
        )?;
        for (k, (customer, replaced, code, fallback)) in &rebuilt.cards {
            let status = if *replaced { "replaced" } else { "active" };
            stmt.execute(params![
                simple(*k),
                hyphenated(*customer),
                status,
                code,
                fallback,
                rebuilt.card_given.get(k).map(|e| hyphenated(*e)),
            ])?;
        }
    }
    if stored.till_keys != rebuilt.till_keys {
        conn.execute("DELETE FROM till_keys", [])?;
        let mut stmt =
            conn.prepare("INSERT INTO till_keys (key_id, public_key, device) VALUES (?, ?, ?)")?;
        for (key_id, (key, device)) in &rebuilt.till_keys {
            stmt.execute(params![key_id, key, hyphenated(*device)])?;
        }
    }
    if stored.balances != rebuilt.balances {
        conn.execute("DELETE FROM balances", [])?;
        let mut stmt =
            conn.prepare("INSERT INTO balances (customer, account, amount) VALUES (?, ?, ?)")?;
        for ((customer, account), amount) in &rebuilt.balances {
            stmt.execute(params![
                hyphenated(*customer),
                accounts.names[*account as usize],
                amount
            ])?;
        }
    }
    if stored.visits != rebuilt.visits {
        conn.execute("DELETE FROM visits", [])?;
        let mut stmt =
            conn.prepare("INSERT INTO visits (event_id, customer, business_date, amount, voided) VALUES (?, ?, ?, ?, ?)")?;
        for (k, (customer, d, amount, voided)) in &rebuilt.visits {
            stmt.execute(params![
                hyphenated(*k),
                hyphenated(*customer),
                date_text(d),
                amount,
                voided
            ])?;
        }
    }
    if stored.voided != rebuilt.voided {
        conn.execute("DELETE FROM voided", [])?;
        let mut stmt = conn.prepare("INSERT INTO voided (target, void_event) VALUES (?, ?)")?;
        for (target, void) in &rebuilt.voided {
            stmt.execute(params![hyphenated(*target), hyphenated(*void)])?;
        }
    }
    if stored.subscriptions != rebuilt.subscriptions {
        conn.execute("DELETE FROM subscriptions", [])?;
        let mut stmt =
            conn.prepare("INSERT INTO subscriptions (event_id, customer, plan, starts, ends) VALUES (?, ?, ?, ?, ?)")?;
        for (k, (customer, plan, starts, ends)) in &rebuilt.subscriptions {
            stmt.execute(params![
                hyphenated(*k),
                hyphenated(*customer),
                plan,
                starts,
                ends
            ])?;
        }
    }
    if stored.programs != rebuilt.programs {
        conn.execute("DELETE FROM programs", [])?;
        let mut stmt = conn.prepare(
            "INSERT INTO programs (event_id, version, name, source) VALUES (?, ?, ?, ?)",
        )?;
        for (k, (version, name, source)) in &rebuilt.programs {
            stmt.execute(params![hyphenated(*k), version, name, source])?;
        }
    }
    Ok(())
}
