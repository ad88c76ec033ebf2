//! Storing a pushed batch: one transaction per batch, under the merchant's
//! write lock, so server sequences are handed out and committed in one order.
//!
//! In that transaction the server also folds what the overdraw check needs
//! (balances by customer, merges, voids) in server order, and appends an
//! `overdrawn` event of its own after any redemption that took a balance below
//! zero. Every till pulls the same events, so every till shows the same balance
//! and the same flag. The work per batch is a fixed handful of statements
//! whatever its length (bulk loads, then bulk writes): a statement costs far
//! more than the fold.

use chrono::{DateTime, SecondsFormat, Utc};
use counterpart_engine::ledger::merges::{self, MergeEdge};
use counterpart_engine::ledger::{Event, EventBody, Shortfall, SignatureVersion};
use counterpart_engine::location::Location;
use counterpart_engine::staff::authority::{self, SeenKey, StaffHistory};
use counterpart_engine::staff::Roster;
use counterpart_engine::sync::protocol::{Ack, AckStatus, PushResponse};
use serde::Deserialize;
use serde_json::value::RawValue;
use sqlx::Row;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::db::{exec, Backend, Db, Val};
use crate::error::ApiError;

/// The authenticated device a request comes from.
#[derive(Debug, Clone)]
pub struct Device {
    /// The device id.
    pub id: Uuid,
    /// Its merchant.
    pub merchant: String,
    /// Its location's settings.
    pub location: Location,
}

/// Largest single event the server stores (a program's source is the largest).
const MAX_EVENT_BYTES: usize = 512 * 1024;
/// Largest amount or delta the server accepts: far beyond any café's check
/// (the same bound a till records within).
const MAX_AMOUNT: i64 = counterpart_engine::ledger::MAX_DELTA;
/// Largest balance of any account, either sign (as on the tills).
const MAX_BALANCE: i64 = counterpart_engine::ledger::MAX_BALANCE;
/// A pull page ends once its events add up to this many bytes (it holds at
/// least one, of at most `MAX_EVENT_BYTES`): well inside what a till reads.
const MAX_PULL_BYTES: i64 = 8 << 20;
/// Most deltas one event may carry.
const MAX_DELTAS: usize = 1000;
/// Rows per multi-row INSERT: well below both databases' parameter limits.
const INSERT_CHUNK: usize = 400;

/// The part of an event the server must read even when the rest does not parse.
#[derive(Deserialize)]
struct Envelope {
    id: Uuid,
    device: Uuid,
    device_seq: i64,
}

/// One pushed event, read.
struct Pushed<'a> {
    id: Uuid,
    device_seq: i64,
    event: Result<Event, String>,
    /// The event as sent, kept for a rejected one.
    raw: &'a str,
}

fn millis(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads a batch; refuses it whole when it is not one device's contiguous run.
fn read_batch<'a>(device: &Device, raw: &'a [Box<RawValue>]) -> Result<Vec<Pushed<'a>>, ApiError> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, r) in raw.iter().enumerate() {
        let env: Envelope = serde_json::from_str(r.get()).map_err(|e| {
            ApiError::Malformed(format!(
                "events[{i}]: needs an id, a device and a device_seq: {e}"
            ))
        })?;
        if env.device != device.id {
            return Err(ApiError::Forbidden(format!(
                "events[{i}] belongs to device {}; this token is device {}'s, and a device pushes only its own events",
                env.device, device.id
            )));
        }
        if let Some(prev) = out.last().map(|p: &Pushed| p.device_seq) {
            if prev.checked_add(1) != Some(env.device_seq) {
                return Err(ApiError::Malformed(format!(
                    "events[{i}]: device sequences must be contiguous ({} after {prev})",
                    env.device_seq
                )));
            }
        } else if env.device_seq < 1 {
            return Err(ApiError::Malformed(
                "device sequences start at 1".to_string(),
            ));
        }
        let event = if r.get().len() > MAX_EVENT_BYTES {
            Err(format!(
                "the event is {} bytes; at most {MAX_EVENT_BYTES}",
                r.get().len()
            ))
        } else {
            serde_json::from_str::<Event>(r.get())
                .map_err(|e| format!("the event could not be read: {e}"))
                .and_then(|ev| match ev.id == env.id {
                    true => Ok(ev),
                    false => Err("the event's id changed on reading".to_string()),
                })
        };
        out.push(Pushed {
            id: env.id,
            device_seq: env.device_seq,
            event,
            raw: r.get(),
        });
    }
    Ok(out)
}

/// The ids (UUIDs, as the ledger writes them) anywhere in a raw body, read
/// or not: what a refused event may name.
fn ids_in(body: &str) -> impl Iterator<Item = String> + '_ {
    body.split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .filter(|token| token.len() == 36)
        .filter_map(|token| Uuid::parse_str(token).ok())
        .map(|id| id.to_string())
}

/// Why a well-formed event breaks a rule of the server, if it does.
fn violation(event: &Event, location: &Location) -> Option<String> {
    let too_big = |a: i64| !(-MAX_AMOUNT..=MAX_AMOUNT).contains(&a);
    if event.body.deltas().iter().any(|d| too_big(d.amount)) {
        return Some(format!("a delta is beyond ±{MAX_AMOUNT}"));
    }
    // With each delta bounded, a bound on their number keeps every balance's
    // sum far inside an i64 (a till writes a handful per event).
    if event.body.deltas().len() > MAX_DELTAS {
        return Some(format!("more than {MAX_DELTAS} deltas in one event"));
    }
    match &event.body {
        EventBody::Overdrawn { .. } => Some("only the server writes overdrawn flags".into()),
        EventBody::Merged { from, into } if from == into => {
            Some("a record cannot be merged into itself".into())
        }
        EventBody::Visit {
            amount,
            currency,
            items,
            ..
        } => {
            if *currency != location.currency.to_string() {
                Some(format!(
                    "the visit is in {currency}; this location counts in {}",
                    location.currency
                ))
            } else if *amount < 0 || too_big(*amount) {
                Some(format!("the visit amount {amount} is out of range"))
            } else if items.len() > 1000 {
                Some("more than 1000 items on one visit".into())
            } else {
                None
            }
        }
        EventBody::StaffAdded { name, pin_hash, .. }
            if counterpart_engine::staff::check_name(name).ok().as_deref() != Some(name.as_str())
                || !counterpart_engine::staff::is_pin_hash(pin_hash) =>
        {
            Some("a staff member needs a name of 1 to 40 printable characters and an argon2id PIN hash".into())
        }
        EventBody::StaffRoleChanged {
            role: counterpart_engine::ledger::Role::Manager,
            pin_hash: None,
            ..
        } => Some("a promotion to manager carries the new PIN's hash".into()),
        EventBody::StaffRoleChanged {
            pin_hash: Some(pin_hash),
            ..
        }
        | EventBody::StaffPinChanged { pin_hash, .. }
            if !counterpart_engine::staff::is_pin_hash(pin_hash) =>
        {
            Some("a PIN hash is an argon2id PHC string".into())
        }
        EventBody::StaffAdded {
            public_key: Some(key),
            ..
        }
        | EventBody::StaffRoleChanged {
            public_key: Some(key),
            ..
        }
        | EventBody::StaffPinChanged {
            public_key: Some(key),
            ..
        }
        | EventBody::StaffKeySet {
            public_key: key, ..
        } if counterpart_engine::staff::staff_public_key(key).is_none() => {
            Some("a staff member's key is 64 hex digits of an Ed25519 key that is not weak".into())
        }
        EventBody::TillKeyAdded { device, .. } if *device != event.device => {
            Some("a till announces only its own key".into())
        }
        EventBody::TillKeyAdded {
            key_id, public_key, ..
        } if counterpart_engine::card_code::announced_key(key_id, public_key).is_none() => {
            Some("the till key is not an Ed25519 key with the key id announced".into())
        }
        _ => None,
    }
}

/// What the server knows of how a device signs: the key it announced in its
/// first event, and the first of its events that carried a signature (from its
/// first, for a till paired under protocol 2). A device token alone, without
/// the till's database, can then write nothing: an unsigned event after that
/// point, or one whose signature the key does not verify, is refused.
struct Signing {
    key: Option<ed25519_dalek::VerifyingKey>,
    signs_from: Option<i64>,
    /// The first of the device's events signed the protocol-3 way (its staff
    /// sign what they write): none signed the older way may follow.
    authors_from: Option<i64>,
    changed: bool,
}

impl Signing {
    fn new(key_hex: Option<String>, signs_from: Option<i64>, authors_from: Option<i64>) -> Signing {
        // A stored key that does not parse (it was checked when learnt) is
        // treated as none: every signed event is then refused, never accepted.
        let key = key_hex
            .and_then(|hex| data_encoding::HEXLOWER.decode(hex.as_bytes()).ok())
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .and_then(|bytes| ed25519_dalek::VerifyingKey::from_bytes(&bytes).ok());
        Signing {
            key,
            signs_from,
            authors_from,
            changed: false,
        }
    }

    fn key_hex(&self) -> Option<String> {
        self.key
            .map(|k| data_encoding::HEXLOWER.encode(k.as_bytes()))
    }

    /// How `event` was signed as this device's own, or why it is not its own.
    fn check(&self, event: &Event) -> Result<Option<SignatureVersion>, String> {
        let announced = match &event.body {
            EventBody::TillKeyAdded {
                key_id, public_key, ..
            } => {
                if self.key.is_some() {
                    return Err(
                        "a till announces its key once, in its first event; this till has one"
                            .into(),
                    );
                }
                counterpart_engine::card_code::announced_key(key_id, public_key)
            }
            _ => None,
        };
        match (&event.sig, announced.or(self.key)) {
            (Some(_), Some(key)) => match event.signature_version(&key) {
                Some(SignatureVersion::Unauthored)
                    if self.authors_from.is_some_and(|from| from <= event.device_seq) =>
                {
                    Err(format!(
                        "the event is signed as by a till whose staff do not sign, but this till's staff sign their events (since its number {}): a copy of an old database, or a forgery",
                        self.authors_from.unwrap_or_default()
                    ))
                }
                Some(version) => Ok(Some(version)),
                None => Err(
                    "the signature does not verify with this till's key: the till did not write this event, or it was changed since".into(),
                ),
            },
            (Some(_), None) => Err("the event is signed, but this till announced no key".into()),
            (None, _) => match self.signs_from {
                Some(from) if from <= event.device_seq => Err(format!(
                    "the event carries no signature, and this till signs its events (since its number {from}): update the till"
                )),
                _ => Ok(None),
            },
        }
    }

    /// Learns from an accepted event: its key, that the till signs, and
    /// that its staff sign.
    fn learn(&mut self, event: &Event, version: Option<SignatureVersion>) {
        if let EventBody::TillKeyAdded {
            key_id, public_key, ..
        } = &event.body
        {
            self.key = counterpart_engine::card_code::announced_key(key_id, public_key);
            self.changed = true;
        }
        if event.sig.is_some() && self.signs_from.is_none() {
            self.signs_from = Some(event.device_seq);
            self.changed = true;
        }
        if version == Some(SignatureVersion::Authored) && self.authors_from.is_none() {
            self.authors_from = Some(event.device_seq);
            self.changed = true;
        }
    }
}

/// The merchant's staff events, and the rosters built from them for a batch:
/// who may write each event (`counterpart_engine::staff::authority`).
struct Authority {
    history: StaffHistory,
    seen: HashMap<SeenKey, Roster>,
    numbered: HashMap<usize, Roster>,
}

impl Authority {
    /// Why `event`, were it numbered `position`, is not by whom it names.
    fn refusal(
        &mut self,
        event: &Event,
        position: i64,
        version: Option<SignatureVersion>,
    ) -> Option<String> {
        authority::permission_for(&event.body)?;
        let history = &self.history;
        let seen = self
            .seen
            .entry(history.seen_key(event, position))
            .or_insert_with(|| history.seen_by(event, position));
        let numbered = self
            .numbered
            .entry(history.numbered_key(position))
            .or_insert_with(|| history.numbered_before(position));
        authority::refusal(event, seen, numbered, version)
    }

    /// Learns an accepted event numbered `server_seq`.
    fn learn(&mut self, event: &Event, server_seq: i64) {
        if counterpart_engine::staff::is_staff_event(&event.body) {
            self.history.push(server_seq, event.clone());
        }
    }
}

/// The programs the merchant published, by version: what a visit citing one
/// may carry (`counterpart_engine::rules::visit_refusal`). Loaded only for a
/// batch with visits that cite one.
#[derive(Default)]
struct Programs {
    by_version: HashMap<u32, Vec<counterpart_engine::program::Program>>,
}

impl Programs {
    /// Why `event`, a visit, does not stand under the program it cites.
    fn refusal(&self, event: &Event, signed: Option<SignatureVersion>) -> Option<String> {
        let published = |v: u32| self.by_version.get(&v).map(Vec::as_slice);
        counterpart_engine::rules::cited_refusal(&event.body, signed, published)
            .map(|why| why.to_string())
    }

    /// Learns an accepted publication.
    fn learn(&mut self, event: &Event) {
        if let EventBody::ProgramPublished {
            version, source, ..
        } = &event.body
        {
            match counterpart_engine::program::parse_program(source) {
                Ok(p) => self.by_version.entry(*version).or_default().push(p),
                // Tills check a program before publishing it; one that does
                // not parse here bounds nothing (visits citing it are refused).
                Err(e) => tracing::warn!(version, error = %e, "a published program does not parse"),
            }
        }
    }
}

/// The merchant's published programs, when `events` hold a visit citing one.
async fn load_programs(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    merchant: &str,
    events: &[&Event],
) -> Result<Programs, ApiError> {
    let mut programs = Programs::default();
    let cites = events.iter().any(|e| {
        matches!(
            e.body,
            EventBody::Visit {
                program_version: Some(_),
                ..
            }
        )
    });
    if !cites {
        return Ok(programs);
    }
    let sql = format!(
        "SELECT id, body FROM events WHERE merchant = {} AND kind = 'program_published'",
        backend.param(1)
    );
    let a = crate::db::args(vec![merchant.into()])?;
    for row in sqlx::query_with(&sql, a).fetch_all(&mut **tx).await? {
        let id: String = row.try_get(0)?;
        programs.learn(&stored_event(&id, &row.try_get::<String, _>(1)?)?);
    }
    Ok(programs)
}

/// The merchant's staff events, by server sequence.
async fn load_authority(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    merchant: &str,
) -> Result<Authority, ApiError> {
    let sql = format!(
        "SELECT server_seq, id, body FROM events WHERE merchant = {} AND kind IN ('staff_added', 'staff_role_changed', 'staff_pin_changed', 'staff_removed', 'staff_key_set') ORDER BY server_seq",
        backend.param(1)
    );
    let a = crate::db::args(vec![merchant.into()])?;
    let mut events = Vec::new();
    for row in sqlx::query_with(&sql, a).fetch_all(&mut **tx).await? {
        let id: String = row.try_get(1)?;
        events.push((
            row.try_get(0)?,
            stored_event(&id, &row.try_get::<String, _>(2)?)?,
        ));
    }
    Ok(Authority {
        history: StaffHistory::new(events),
        seen: HashMap::new(),
        numbered: HashMap::new(),
    })
}

/// The server's fold of what the overdraw check needs, for the customers a
/// batch touches: loaded in bulk, changed in memory, written back in bulk.
#[derive(Default)]
struct Fold {
    aliases: HashMap<String, String>,
    balances: HashMap<(String, String), i64>,
    dirty: HashSet<(String, String)>,
    voided: HashSet<String>,
    erased: HashSet<String>,
    /// Bodies of events a void in this batch may target.
    targets: HashMap<String, EventBody>,
    /// The kind and customer of every event a void in this batch may name:
    /// the stored targets and this batch's accepted events.
    known: HashMap<String, (&'static str, Option<Uuid>)>,
    /// The merges of the groups loaded, stored and new.
    merges: Vec<MergeEdge>,
    /// Records whose open record changed: `None` for one that is open now.
    alias_changes: HashMap<String, Option<String>>,
    new_voided: Vec<String>,
    new_erased: Vec<String>,
    /// Staff ids added so far (stored and in this batch), from the staff
    /// history the push loads anyway: a till changes only someone it was
    /// told of.
    staff_added: HashSet<Uuid>,
}

impl Fold {
    fn resolve(&self, customer: &str) -> String {
        let mut cur = customer.to_string();
        // Bounded: a cycle would be a damaged ledger; stop rather than spin.
        for _ in 0..64 {
            match self.aliases.get(&cur) {
                Some(next) if *next != cur => cur = next.clone(),
                _ => break,
            }
        }
        cur
    }

    fn add(&mut self, customer: &str, body: &EventBody, sign: i64) {
        let owner = self.resolve(customer);
        for d in body.deltas().iter().filter(|d| d.amount != 0) {
            let key = (owner.clone(), d.account.to_string());
            *self.balances.entry(key.clone()).or_insert(0) += d.amount * sign;
            self.dirty.insert(key);
        }
    }

    /// Joins the groups a merge names and decides again which record remains,
    /// from the set of their merges, as every till does (`ledger::merges`).
    fn merge(&mut self, edge: MergeEdge) {
        let owners = [
            self.resolve(&edge.from.to_string()),
            self.resolve(&edge.into.to_string()),
        ];
        let mut members: HashSet<String> = self
            .aliases
            .iter()
            .filter(|(_, o)| owners.contains(o))
            .map(|(c, _)| c.clone())
            .collect();
        members.extend(owners.iter().cloned());
        self.merges.push(edge);
        let group: Vec<MergeEdge> = self
            .merges
            .iter()
            .filter(|e| members.contains(&e.from.to_string()))
            .copied()
            .collect();
        let survivor = merges::resolve(&group).owner(edge.from).to_string();
        for owner in owners.iter().filter(|o| **o != survivor) {
            let moved: Vec<(String, i64)> = self
                .balances
                .iter()
                .filter(|((c, _), _)| c == owner)
                .map(|((_, a), v)| (a.clone(), *v))
                .collect();
            for (account, amount) in moved {
                self.balances.insert((owner.clone(), account.clone()), 0);
                self.dirty.insert((owner.clone(), account.clone()));
                *self
                    .balances
                    .entry((survivor.clone(), account.clone()))
                    .or_insert(0) += amount;
                self.dirty.insert((survivor.clone(), account));
            }
        }
        for m in members {
            if m == survivor {
                self.aliases.remove(&m);
                self.alias_changes.insert(m, None);
            } else {
                self.aliases.insert(m.clone(), survivor.clone());
                self.alias_changes.insert(m, Some(survivor.clone()));
            }
        }
    }

    /// Why an event the fold can judge cannot come from an honest till: a till
    /// voids only a visit, redemption, adjustment or donation, naming its
    /// customer (a void of a void would undo nothing, and one naming another
    /// customer would move balances between people).
    fn refusal(&self, event: &Event) -> Option<String> {
        if let Some(why) = self.past_the_bound(event) {
            return Some(why);
        }
        match &event.body {
            EventBody::StaffAdded { staff, .. } if self.staff_added.contains(staff) => {
                return Some(format!("staff member {staff} was added already"));
            }
            EventBody::StaffRoleChanged { staff, .. }
            | EventBody::StaffPinChanged { staff, .. }
            | EventBody::StaffRemoved { staff }
            | EventBody::StaffKeySet { staff, .. }
                if !self.staff_added.contains(staff) =>
            {
                return Some(format!("no staff member {staff} was ever added"));
            }
            _ => {}
        }
        let EventBody::Voided {
            target, customer, ..
        } = &event.body
        else {
            return None;
        };
        let (kind, of) = self.known.get(&target.to_string())?;
        if !matches!(*kind, "visit" | "redeemed" | "adjusted" | "donated") {
            Some(format!(
                "a {kind} event cannot be voided; only visits, redemptions, adjustments and donations"
            ))
        } else if *of != Some(*customer) {
            Some(format!(
                "the void names customer {customer}, but its target belongs to another"
            ))
        } else {
            None
        }
    }

    /// Why an event would take a balance past ±`MAX_BALANCE` (tills refuse to
    /// record that; a merge adds two balances): every sum stays exact.
    fn past_the_bound(&self, event: &Event) -> Option<String> {
        let balance = |owner: &str, account: &str| {
            self.balances
                .get(&(owner.to_string(), account.to_string()))
                .copied()
                .unwrap_or(0)
        };
        let past = |v: i64| !(-MAX_BALANCE..=MAX_BALANCE).contains(&v);
        match &event.body {
            EventBody::Merged { from, into } => {
                let (a, b) = (
                    self.resolve(&from.to_string()),
                    self.resolve(&into.to_string()),
                );
                if a == b {
                    return None;
                }
                self.balances
                    .keys()
                    .filter(|(c, _)| *c == a)
                    .find(|(_, account)| {
                        past(balance(&a, account).saturating_add(balance(&b, account)))
                    })
                    .map(|(_, account)| {
                        format!("the merge would take {account} past ±{MAX_BALANCE}")
                    })
            }
            body => {
                let owner = self.resolve(&body.customer()?.to_string());
                // An event may move one account in several deltas.
                let mut after: HashMap<String, i64> = HashMap::new();
                for d in body.deltas() {
                    let account = d.account.to_string();
                    let start = balance(&owner, &account);
                    let v = after.entry(account).or_insert(start);
                    *v = v.saturating_add(d.amount);
                }
                after
                    .into_iter()
                    .find(|(_, v)| past(*v))
                    .map(|(account, _)| format!("this would take {account} past ±{MAX_BALANCE}"))
            }
        }
    }

    /// Applies an accepted event; returns the balances it spent below zero.
    fn apply(&mut self, event: &Event) -> Vec<Shortfall> {
        let id = event.id.to_string();
        self.known
            .insert(id.clone(), (event.body.kind(), event.body.customer()));
        if let EventBody::StaffAdded { staff, .. } = &event.body {
            self.staff_added.insert(*staff);
        }
        // Set when a void takes something back: that spends too.
        let mut took_back = false;
        match &event.body {
            EventBody::Voided { target, .. } => {
                let t = target.to_string();
                if self.voided.insert(t.clone()) {
                    self.new_voided.push(t.clone());
                    // A void of a void undoes nothing (as on every till).
                    if let Some(body) = self
                        .targets
                        .get(&t)
                        .filter(|b| !matches!(b, EventBody::Voided { .. }))
                        .cloned()
                    {
                        if let Some(c) = body.customer() {
                            self.add(&c.to_string(), &body, -1);
                            took_back = true;
                        }
                    }
                }
            }
            EventBody::Merged { from, into } if from != into => {
                self.merge(MergeEdge {
                    event: event.id,
                    from: *from,
                    into: *into,
                });
            }
            EventBody::Erased { customer } => {
                let c = customer.to_string();
                if self.erased.insert(c.clone()) {
                    self.new_erased.push(c);
                }
            }
            _ => {}
        }
        if !event.body.deltas().is_empty() && !matches!(event.body, EventBody::Voided { .. }) {
            self.targets.insert(id.clone(), event.body.clone());
            if !self.voided.contains(&id) {
                if let Some(c) = event.body.customer() {
                    self.add(&c.to_string(), &event.body, 1);
                }
            }
        }
        // Anything that spends a balance is checked, not only redemptions: a
        // visit that fills a stamp card spends the card's stamps (two offline
        // tills filling the same card paid two vouchers for one card's stamps),
        // and an adjustment may take some away.
        match &event.body {
            EventBody::Redeemed {
                customer, deltas, ..
            }
            | EventBody::Donated {
                customer, deltas, ..
            }
            | EventBody::Visit {
                customer, deltas, ..
            }
            | EventBody::Adjusted {
                customer, deltas, ..
            } if !self.voided.contains(&id) => self.shortfalls(customer, deltas),
            // A void whose target's points were spent meanwhile (at another
            // till, offline) leaves the balance below zero as surely.
            EventBody::Voided {
                customer, deltas, ..
            } if took_back => self.shortfalls(customer, deltas),
            _ => Vec::new(),
        }
    }

    /// The balances `deltas` spent that are below zero now.
    fn shortfalls(
        &self,
        customer: &counterpart_engine::ledger::CustomerId,
        deltas: &[counterpart_engine::ledger::Delta],
    ) -> Vec<Shortfall> {
        let owner = self.resolve(&customer.to_string());
        deltas
            .iter()
            .filter(|d| d.amount < 0 && d.account.is_balance())
            .filter_map(|d| {
                let balance = self
                    .balances
                    .get(&(owner.clone(), d.account.to_string()))
                    .copied()
                    .unwrap_or(0);
                (balance < 0).then(|| Shortfall {
                    account: d.account.clone(),
                    balance,
                })
            })
            .collect()
    }
}

/// A stored event read back; `which` names it in the error (its id or sequence).
pub(crate) fn stored_event(which: &str, body: &str) -> Result<Event, ApiError> {
    serde_json::from_str(body).map_err(|e| ApiError::Internal(format!("stored event {which}: {e}")))
}

/// Rows of one query over a list of ids, scoped to the merchant: `{m}` in the
/// SQL stands for the merchant's placeholder, and the list follows the SQL.
async fn rows_for(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    sql_before_list: &str,
    merchant: &str,
    ids: &[String],
) -> Result<Vec<sqlx::any::AnyRow>, ApiError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(INSERT_CHUNK) {
        let sql = format!(
            "{} {}",
            sql_before_list.replace("{m}", &backend.param(1)),
            backend.list(2, chunk.len())
        );
        let mut values: Vec<Val> = vec![merchant.into()];
        values.extend(chunk.iter().map(|s| Val::from(s.as_str())));
        let a = crate::db::args(values)?;
        out.extend(sqlx::query_with(&sql, a).fetch_all(&mut **tx).await?);
    }
    Ok(out)
}

/// Loads the fold's state for the customers and void targets of `events`.
async fn load_fold(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    merchant: &str,
    events: &[&Event],
) -> Result<Fold, ApiError> {
    let mut fold = Fold::default();
    let mut customers: HashSet<String> = HashSet::new();
    let mut targets: Vec<String> = Vec::new();
    for e in events {
        if let Some(c) = e.body.customer() {
            customers.insert(c.to_string());
        }
        match &e.body {
            EventBody::Merged { into, .. } => {
                customers.insert(into.to_string());
            }
            EventBody::Voided { target, .. } => targets.push(target.to_string()),
            _ => {}
        }
    }
    // The stored events the voids undo, first: a void takes its target's
    // deltas from its target's customer, whom the void names in every event a
    // till writes; a hand-made one may name another, and the target's customer
    // must then be loaded too, or its balance would be written back from zero.
    if !targets.is_empty() {
        for row in rows_for(
            tx,
            backend,
            "SELECT id, body FROM events WHERE merchant = {m} AND id IN",
            merchant,
            &targets,
        )
        .await?
        {
            let id: String = row.try_get(0)?;
            let event = stored_event(&id, &row.try_get::<String, _>(1)?)?;
            if let Some(c) = event.body.customer() {
                customers.insert(c.to_string());
            }
            fold.known
                .insert(id.clone(), (event.body.kind(), event.body.customer()));
            fold.targets.insert(id, event.body);
        }
    }
    let mut ids: Vec<String> = customers.into_iter().collect();
    for row in rows_for(
        tx,
        backend,
        "SELECT customer, merged_into FROM aliases WHERE merchant = {m} AND customer IN",
        merchant,
        &ids,
    )
    .await?
    {
        fold.aliases.insert(row.try_get(0)?, row.try_get(1)?);
    }
    // A merge may change which record of its groups remains: their members and
    // merges are loaded whole.
    let mut merge_owners: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.body {
            EventBody::Merged { from, into } => Some([from.to_string(), into.to_string()]),
            _ => None,
        })
        .flatten()
        .map(|c| fold.resolve(&c))
        .collect();
    if !merge_owners.is_empty() {
        merge_owners.sort();
        merge_owners.dedup();
        let mut members = merge_owners.clone();
        for row in rows_for(
            tx,
            backend,
            "SELECT customer, merged_into FROM aliases WHERE merchant = {m} AND merged_into IN",
            merchant,
            &merge_owners,
        )
        .await?
        {
            let customer: String = row.try_get(0)?;
            members.push(customer.clone());
            fold.aliases.insert(customer, row.try_get(1)?);
        }
        ids.extend(members.iter().cloned());
        ids.sort();
        ids.dedup();
        // Each merge is stored under the record it closes, a member of its group.
        for row in rows_for(
            tx,
            backend,
            "SELECT id, body FROM events WHERE merchant = {m} AND kind = 'merged' AND customer IN",
            merchant,
            &members,
        )
        .await?
        {
            let id: String = row.try_get(0)?;
            let event = stored_event(&id, &row.try_get::<String, _>(1)?)?;
            if let EventBody::Merged { from, into } = event.body {
                fold.merges.push(MergeEdge {
                    event: event.id,
                    from,
                    into,
                });
            }
        }
    }
    // Balances of every record involved: the ones named and where they lead, and
    // records merged into them (a merge moves a closed record's balances).
    let resolved: Vec<String> = ids.iter().map(|c| fold.resolve(c)).collect();
    ids.extend(resolved);
    ids.sort();
    ids.dedup();
    for row in rows_for(
        tx,
        backend,
        "SELECT customer, account, amount FROM balances WHERE merchant = {m} AND customer IN",
        merchant,
        &ids,
    )
    .await?
    {
        fold.balances
            .insert((row.try_get(0)?, row.try_get(1)?), row.try_get(2)?);
    }
    for row in rows_for(
        tx,
        backend,
        "SELECT customer FROM erased WHERE merchant = {m} AND customer IN",
        merchant,
        &ids,
    )
    .await?
    {
        fold.erased.insert(row.try_get(0)?);
    }
    // Voids already stored for this batch's targets, or for its own events (a
    // void cannot reach the server before its target from a till, but the fold
    // does not depend on that).
    let mut maybe_voided = targets.clone();
    maybe_voided.extend(events.iter().map(|e| e.id.to_string()));
    for row in rows_for(
        tx,
        backend,
        "SELECT target FROM voided WHERE merchant = {m} AND target IN",
        merchant,
        &maybe_voided,
    )
    .await?
    {
        fold.voided.insert(row.try_get(0)?);
    }
    Ok(fold)
}

/// A row of the events table about to be written.
struct NewRow {
    server_seq: i64,
    event: Event,
}

/// Stores a pushed batch and answers with one acknowledgement per event.
pub async fn push(
    db: &Db,
    device: &Device,
    raw: &[Box<RawValue>],
    now: DateTime<Utc>,
) -> Result<PushResponse, ApiError> {
    let started = std::time::Instant::now();
    let batch = read_batch(device, raw)?;
    let read = started.elapsed();
    let Some(first) = batch.first().map(|p| p.device_seq) else {
        let high_water = high_water(db, &device.merchant).await?;
        return Ok(PushResponse {
            acks: Vec::new(),
            high_water,
            server_time: now,
        });
    };
    let merchant = device.merchant.as_str();
    let dev = device.id.to_string();
    let _turn = db.write_turn().await;
    let mut tx = db.pool.begin().await?;
    // The merchant's write lock: taken first, so pushes of one merchant queue
    // here and their server sequences commit in the order they are given.
    exec(
        &mut tx,
        "UPDATE merchants SET next_server_seq = next_server_seq WHERE id = $1",
        vec![merchant.into()],
    )
    .await?;
    let m = sqlx::query(
        "SELECT next_server_seq, server_device, next_server_device_seq FROM merchants WHERE id = $1",
    )
    .bind(merchant)
    .fetch_one(&mut *tx)
    .await?;
    let mut next_server_seq: i64 = m.try_get(0)?;
    let server_device: String = m.try_get(1)?;
    let mut next_server_device_seq: i64 = m.try_get(2)?;
    let d = sqlx::query(
        "SELECT next_seq, public_key, signs_from, authors_from FROM devices WHERE id = $1 AND merchant = $2",
    )
    .bind(&dev)
    .bind(merchant)
    .fetch_one(&mut *tx)
    .await?;
    let expected: i64 = d.try_get(0)?;
    let mut signing = Signing::new(d.try_get(1)?, d.try_get(2)?, d.try_get(3)?);
    if first > expected {
        return Err(ApiError::Gap { expected });
    }

    // Events sent before: the same content is a duplicate, anything else a fork.
    let mut acks: Vec<Ack> = Vec::with_capacity(batch.len());
    let last = first + i64::try_from(batch.len()).unwrap_or(i64::MAX) - 1;
    if first < expected {
        let upto = last.min(expected - 1);
        let mut stored: HashMap<i64, (String, String, i64)> = HashMap::new();
        for row in sqlx::query(
            "SELECT device_seq, id, content_hash, server_seq FROM events
             WHERE merchant = $1 AND device = $2 AND device_seq >= $3 AND device_seq <= $4",
        )
        .bind(merchant)
        .bind(&dev)
        .bind(first)
        .bind(upto)
        .fetch_all(&mut *tx)
        .await?
        {
            stored.insert(
                row.try_get(0)?,
                (row.try_get(1)?, row.try_get(2)?, row.try_get(3)?),
            );
        }
        let mut rejected: HashMap<i64, (String, String)> = HashMap::new();
        for row in sqlx::query(
            "SELECT device_seq, id, reason FROM rejected_events
             WHERE merchant = $1 AND device = $2 AND device_seq >= $3 AND device_seq <= $4",
        )
        .bind(merchant)
        .bind(&dev)
        .bind(first)
        .bind(upto)
        .fetch_all(&mut *tx)
        .await?
        {
            rejected.insert(row.try_get(0)?, (row.try_get(1)?, row.try_get(2)?));
        }
        for p in batch.iter().filter(|p| p.device_seq < expected) {
            let id = p.id.to_string();
            if let Some((sid, hash, server_seq)) = stored.get(&p.device_seq) {
                let same = *sid == id
                    && p.event.as_ref().map(|e| e.content_hash()).ok().as_ref() == Some(hash);
                if !same {
                    return Err(ApiError::Forked(format!(
                        "device {dev} sent event {id} as number {}, but the server holds {sid} with other content there: a forked device (a copied database or a restored backup); pair this till again as a new device",
                        p.device_seq
                    )));
                }
                acks.push(Ack {
                    id: p.id,
                    device_seq: p.device_seq,
                    status: AckStatus::Duplicate,
                    server_seq: Some(*server_seq),
                    reason: None,
                });
            } else if let Some((rid, reason)) = rejected.get(&p.device_seq) {
                if *rid != id {
                    return Err(ApiError::Forked(format!(
                        "device {dev} sent event {id} as number {}, which was {rid} before: a forked device",
                        p.device_seq
                    )));
                }
                acks.push(Ack {
                    id: p.id,
                    device_seq: p.device_seq,
                    status: AckStatus::Rejected,
                    server_seq: None,
                    reason: Some(reason.clone()),
                });
            } else {
                return Err(ApiError::Internal(format!(
                    "device {dev}'s event number {} is neither stored nor rejected",
                    p.device_seq
                )));
            }
        }
    }

    // New events: checked, numbered, folded; overdraws flagged right after.
    let fresh: Vec<&Pushed> = batch.iter().filter(|p| p.device_seq >= expected).collect();
    let readable: Vec<&Event> = fresh.iter().filter_map(|p| p.event.as_ref().ok()).collect();
    let locked = started.elapsed();
    let mut fold = load_fold(&mut tx, db.backend, merchant, &readable).await?;
    let mut authority = load_authority(&mut tx, db.backend, merchant).await?;
    fold.staff_added = authority.history.added().collect();
    let mut programs = load_programs(&mut tx, db.backend, merchant, &readable).await?;
    let loaded = started.elapsed();
    let mut rows: Vec<NewRow> = Vec::new();
    let mut rejected_rows: Vec<(i64, String, String, String)> = Vec::new();
    for p in &fresh {
        let verdict = match &p.event {
            Err(reason) => Err(reason.clone()),
            Ok(e) => {
                let checked = match violation(e, &device.location) {
                    Some(reason) => Err(reason),
                    None => signing.check(e),
                };
                match checked.and_then(|version| {
                    match authority
                        .refusal(e, next_server_seq, version)
                        .or_else(|| programs.refusal(e, version))
                        .or_else(|| fold.refusal(e))
                    {
                        Some(reason) => Err(reason),
                        None => Ok(version),
                    }
                }) {
                    Err(reason) => Err(reason),
                    Ok(version) => {
                        signing.learn(e, version);
                        authority.learn(e, next_server_seq);
                        programs.learn(e);
                        Ok(e)
                    }
                }
            }
        };
        match verdict {
            Err(reason) => {
                rejected_rows.push((
                    p.device_seq,
                    p.id.to_string(),
                    reason.clone(),
                    p.raw.to_string(),
                ));
                acks.push(Ack {
                    id: p.id,
                    device_seq: p.device_seq,
                    status: AckStatus::Rejected,
                    server_seq: None,
                    reason: Some(reason),
                });
            }
            Ok(event) => {
                let server_seq = next_server_seq;
                next_server_seq += 1;
                let shortfalls = fold.apply(event);
                acks.push(Ack {
                    id: p.id,
                    device_seq: p.device_seq,
                    status: AckStatus::Accepted,
                    server_seq: Some(server_seq),
                    reason: None,
                });
                let customer = event.body.customer();
                rows.push(NewRow {
                    server_seq,
                    event: event.clone(),
                });
                if let (false, Some(customer)) = (shortfalls.is_empty(), customer) {
                    let flag = Event {
                        id: counterpart_engine::ids::new_v7(now),
                        device: server_device.parse().map_err(|_| {
                            ApiError::Internal("the merchant's server device is not an id".into())
                        })?,
                        device_seq: next_server_device_seq,
                        seen_server_seq: server_seq,
                        device_time: now,
                        staff: None,
                        author_sig: None,
                        body: EventBody::Overdrawn {
                            redemption: event.id,
                            customer,
                            shortfalls,
                        },
                        // The server's own flags are not signed: no till
                        // writes them, and no device can push one.
                        sig: None,
                    };
                    tracing::info!(merchant, event = %event.id, "spent a balance below zero; flagged");
                    next_server_device_seq += 1;
                    rows.push(NewRow {
                        server_seq: next_server_seq,
                        event: flag,
                    });
                    next_server_seq += 1;
                }
            }
        }
    }

    // Personal data of erased customers: scrubbed from what arrives now and
    // from what is stored.
    for row in &mut rows {
        if let Some(c) = row.event.body.customer() {
            if fold.erased.contains(&c.to_string()) {
                row.event = row.event.scrubbed();
            }
        }
    }
    // A refused event keeps its raw body for the till's staff to read, unless
    // it names an erased customer (it may carry her name): then only its place
    // in the device's stream and its reason stay.
    if !rejected_rows.is_empty() {
        let mut named: Vec<String> = rejected_rows
            .iter()
            .flat_map(|(_, _, _, body)| ids_in(body))
            .collect();
        named.sort();
        named.dedup();
        let mut erased: HashSet<String> = fold.erased.clone();
        for row in rows_for(
            &mut tx,
            db.backend,
            "SELECT customer FROM erased WHERE merchant = {m} AND customer IN",
            merchant,
            &named,
        )
        .await?
        {
            erased.insert(row.try_get(0)?);
        }
        for (_, _, _, body) in &mut rejected_rows {
            if ids_in(body).any(|id| erased.contains(&id)) {
                body.clear();
            }
        }
    }
    let folded = started.elapsed();
    write_events(&mut tx, db.backend, merchant, &rows, now).await?;
    let written = started.elapsed();
    for chunk in rejected_rows.chunks(INSERT_CHUNK) {
        let sql = format!(
            "INSERT INTO rejected_events (merchant, device, device_seq, id, reason, body, received_at) {}",
            db.backend.rows(chunk.len(), 7)
        );
        let mut v = Vec::with_capacity(chunk.len() * 7);
        for (seq, id, reason, body) in chunk {
            v.extend([
                Val::from(merchant),
                Val::from(dev.as_str()),
                Val::Int(*seq),
                Val::from(id.as_str()),
                Val::from(reason.as_str()),
                Val::from(body.as_str()),
                Val::from(millis(now)),
            ]);
        }
        exec(&mut tx, &sql, v).await?;
    }
    let erased = write_fold(&mut tx, db.backend, merchant, &fold).await?;
    if signing.changed {
        exec(
            &mut tx,
            "UPDATE devices SET public_key = $1 WHERE id = $2",
            vec![Val::OptText(signing.key_hex()), Val::from(dev.as_str())],
        )
        .await?;
        if let Some(from) = signing.signs_from {
            exec(
                &mut tx,
                "UPDATE devices SET signs_from = $1 WHERE id = $2",
                vec![Val::Int(from), Val::from(dev.as_str())],
            )
            .await?;
        }
        if let Some(from) = signing.authors_from {
            exec(
                &mut tx,
                "UPDATE devices SET authors_from = $1 WHERE id = $2",
                vec![Val::Int(from), Val::from(dev.as_str())],
            )
            .await?;
        }
    }
    if !fresh.is_empty() {
        exec(
            &mut tx,
            "UPDATE devices SET next_seq = $1, last_seen = $2 WHERE id = $3",
            vec![
                Val::Int(last + 1),
                Val::from(millis(now)),
                Val::from(dev.as_str()),
            ],
        )
        .await?;
    }
    exec(
        &mut tx,
        "UPDATE merchants SET next_server_seq = $1, next_server_device_seq = $2 WHERE id = $3",
        vec![
            Val::Int(next_server_seq),
            Val::Int(next_server_device_seq),
            merchant.into(),
        ],
    )
    .await?;
    let fold_written = started.elapsed();
    tx.commit().await?;
    if erased && db.backend == Backend::Sqlite {
        // The WAL's frames hold older copies of the erased pages: fold it
        // into the database and empty it (best effort: a reader may hold it).
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&db.pool)
            .await
        {
            tracing::warn!(error = %e, "emptying the WAL after an erasure failed");
        }
    }
    tracing::debug!(
        merchant,
        device = %dev,
        events = batch.len(),
        read_us = read.as_micros(),
        locked_us = locked.as_micros(),
        loaded_us = loaded.as_micros(),
        folded_us = folded.as_micros(),
        written_us = written.as_micros(),
        fold_written_us = fold_written.as_micros(),
        committed_us = started.elapsed().as_micros(),
        "batch stored"
    );
    Ok(PushResponse {
        acks,
        high_water: next_server_seq - 1,
        server_time: now,
    })
}

async fn write_events(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    merchant: &str,
    rows: &[NewRow],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    for chunk in rows.chunks(INSERT_CHUNK) {
        let sql = format!(
            "INSERT INTO events (merchant, server_seq, id, device, device_seq, kind, customer, content_hash, body, received_at) {}",
            backend.rows(chunk.len(), 10)
        );
        let mut v = Vec::with_capacity(chunk.len() * 10);
        for r in chunk {
            let (body, hash) = r.event.json_and_hash();
            v.extend([
                Val::from(merchant),
                Val::Int(r.server_seq),
                Val::from(r.event.id.to_string()),
                Val::from(r.event.device.to_string()),
                Val::Int(r.event.device_seq),
                Val::from(r.event.body.kind()),
                Val::from(r.event.body.customer().map(|c| c.to_string())),
                Val::from(hash),
                Val::from(body),
                Val::from(millis(now)),
            ]);
        }
        exec(tx, &sql, v).await?;
    }
    Ok(())
}

/// Writes what the fold changed; true when it erased anyone.
async fn write_fold(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    merchant: &str,
    fold: &Fold,
) -> Result<bool, ApiError> {
    let dirty: Vec<&(String, String)> = fold.dirty.iter().collect();
    for chunk in dirty.chunks(INSERT_CHUNK) {
        let sql = format!(
            "INSERT INTO balances (merchant, customer, account, amount) {}
             ON CONFLICT (merchant, customer, account) DO UPDATE SET amount = excluded.amount",
            backend.rows(chunk.len(), 4)
        );
        let mut v = Vec::with_capacity(chunk.len() * 4);
        for key in chunk {
            v.extend([
                Val::from(merchant),
                Val::from(key.0.as_str()),
                Val::from(key.1.as_str()),
                Val::Int(fold.balances.get(*key).copied().unwrap_or(0)),
            ]);
        }
        exec(tx, &sql, v).await?;
    }
    for (customer, into) in &fold.alias_changes {
        match into {
            Some(into) => exec(
                    tx,
                    "INSERT INTO aliases (merchant, customer, merged_into) VALUES ($1, $2, $3)
                     ON CONFLICT (merchant, customer) DO UPDATE SET merged_into = excluded.merged_into",
                    vec![
                        merchant.into(),
                        customer.as_str().into(),
                        into.as_str().into(),
                    ],
                )
                .await?,
            None => exec(
                    tx,
                    "DELETE FROM aliases WHERE merchant = $1 AND customer = $2",
                    vec![merchant.into(), customer.as_str().into()],
                )
                .await?,
        };
    }
    for target in &fold.new_voided {
        exec(
            tx,
            "INSERT INTO voided (merchant, target) VALUES ($1, $2) ON CONFLICT (merchant, target) DO NOTHING",
            vec![merchant.into(), target.as_str().into()],
        )
        .await?;
    }
    erase_people(tx, backend, merchant, fold).await
}

/// Erases every record of each person an erasure in this batch names, and of
/// each group a merge in this batch joined to an erased record (a merge made
/// offline may arrive after the erasure it predates): the person is erased,
/// not one record. True when anything was erased.
async fn erase_people(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    merchant: &str,
    fold: &Fold,
) -> Result<bool, ApiError> {
    let mut owners: Vec<String> = fold.new_erased.iter().map(|c| fold.resolve(c)).collect();
    owners.extend(
        fold.alias_changes
            .iter()
            .map(|(c, into)| into.clone().unwrap_or_else(|| c.clone())),
    );
    owners.sort();
    owners.dedup();
    let mut erased_any = false;
    for owner in owners {
        // The aliases are written already: they say who is in the group now.
        let mut members = vec![owner.clone()];
        for row in rows_for(
            tx,
            backend,
            "SELECT customer FROM aliases WHERE merchant = {m} AND merged_into IN",
            merchant,
            std::slice::from_ref(&owner),
        )
        .await?
        {
            members.push(row.try_get(0)?);
        }
        let mut already: HashSet<String> = HashSet::new();
        for row in rows_for(
            tx,
            backend,
            "SELECT customer FROM erased WHERE merchant = {m} AND customer IN",
            merchant,
            &members,
        )
        .await?
        {
            already.insert(row.try_get(0)?);
        }
        let named = members.iter().any(|m| fold.new_erased.contains(m));
        if already.is_empty() && !named {
            continue;
        }
        // Scrubbed before, with their data: the records erased in an earlier
        // batch. What this batch names (or brings into the group) is erased now.
        for member in members
            .iter()
            .filter(|m| !already.contains(*m) || fold.new_erased.contains(*m))
        {
            erase_record(tx, merchant, member).await?;
            erased_any = true;
        }
    }
    Ok(erased_any)
}

/// Erases one customer record on the server: noted as erased, the personal
/// data of its stored events and of refused events naming it scrubbed.
async fn erase_record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    merchant: &str,
    customer: &str,
) -> Result<(), ApiError> {
    exec(
        tx,
        "INSERT INTO erased (merchant, customer) VALUES ($1, $2) ON CONFLICT (merchant, customer) DO NOTHING",
        vec![merchant.into(), customer.into()],
    )
    .await?;
    let stored = sqlx::query(
        "SELECT server_seq, body FROM events WHERE merchant = $1 AND customer = $2
         AND kind IN ('enrolled', 'profile_updated')",
    )
    .bind(merchant)
    .bind(customer)
    .fetch_all(&mut **tx)
    .await?;
    // Refused events keep their raw body, which may hold the same data
    // (an enrolment refused for its deltas, say): what names the customer
    // goes too, its place in the device's stream and its reason stay.
    exec(
        tx,
        "UPDATE rejected_events SET body = '' WHERE merchant = $1 AND LOWER(body) LIKE $2",
        vec![
            merchant.into(),
            format!("%{}%", customer.to_lowercase()).into(),
        ],
    )
    .await?;
    for row in stored {
        let seq: i64 = row.try_get(0)?;
        let event = stored_event(&format!("#{seq}"), &row.try_get::<String, _>(1)?)?;
        let scrubbed = serde_json::to_string(&event.scrubbed())
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        exec(
            tx,
            "UPDATE events SET body = $1 WHERE merchant = $2 AND server_seq = $3",
            vec![scrubbed.into(), merchant.into(), Val::Int(seq)],
        )
        .await?;
    }
    Ok(())
}

/// The merchant's highest server sequence.
pub async fn high_water(db: &Db, merchant: &str) -> Result<i64, ApiError> {
    let next: i64 = sqlx::query("SELECT next_server_seq FROM merchants WHERE id = $1")
        .bind(merchant)
        .fetch_one(&db.pool)
        .await?
        .try_get(0)?;
    Ok(next - 1)
}

/// One page of the merchant's events after `after`, up to `limit` positions
/// and about `MAX_PULL_BYTES` of events (always at least one): (server
/// sequence, id, JSON), the JSON left out (`None`) for the asking device's own
/// events.
pub async fn pull(
    db: &Db,
    merchant: &str,
    device: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, String, Option<String>)>, ApiError> {
    // First the sizes alone, then the page cut where they add up: counting
    // positions alone, a page of large events (a program's source may be half
    // a megabyte) held hundreds of megabytes on the server and was more than a
    // till reads in one answer, so no till could ever get past it.
    let sizes = sqlx::query(
        "SELECT server_seq, CAST(CASE WHEN device = $2 THEN 0 ELSE octet_length(body) END AS BIGINT)
         FROM events WHERE merchant = $1 AND server_seq > $3
         ORDER BY server_seq LIMIT $4",
    )
    .bind(merchant)
    .bind(device)
    .bind(after)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut last = None;
    let mut bytes: i64 = 0;
    for row in &sizes {
        if last.is_some() && bytes >= MAX_PULL_BYTES {
            break;
        }
        last = Some(row.try_get::<i64, _>(0)?);
        bytes = bytes.saturating_add(row.try_get::<i64, _>(1)?);
    }
    let Some(last) = last else {
        return Ok(Vec::new());
    };
    let rows = sqlx::query(
        "SELECT server_seq, id, CASE WHEN device = $2 THEN NULL ELSE body END
         FROM events WHERE merchant = $1 AND server_seq > $3 AND server_seq <= $4
         ORDER BY server_seq",
    )
    .bind(merchant)
    .bind(device)
    .bind(after)
    .bind(last)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(ApiError::from)
}

/// The id of the merchant's event at a server sequence, if there is one.
pub async fn event_id_at(
    db: &Db,
    merchant: &str,
    server_seq: i64,
) -> Result<Option<String>, ApiError> {
    let row = sqlx::query("SELECT id FROM events WHERE merchant = $1 AND server_seq = $2")
        .bind(merchant)
        .bind(server_seq)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.try_get(0)).transpose()?)
}
