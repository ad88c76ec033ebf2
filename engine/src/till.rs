//! What staff do at the till: enrol, record a visit, redeem, void, adjust, and the
//! rest. Each action is one transaction, is idempotent on its key, and returns an
//! [`Outcome`] that explains what happened in words staff can read out.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;

use crate::error::{EngineError, Refusal, Result, Why};
use crate::ledger::{
    Account, CardId, CustomerId, Delta, Event, EventBody, EventId, Item, Message, Profile,
    MAX_BALANCE, MAX_DELTA,
};
use crate::limits;
use crate::location::Location;
use crate::money::Money;
use crate::program::Program;
use crate::rules::VisitInput;
use crate::store::{self, CustomerSummary, PublishedProgram, Store};

/// What an action did, for the barista's screen and the command line.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Outcome {
    /// The event recorded (or recorded before, for a repeated key).
    pub event_id: EventId,
    /// Its kind.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub kind: &'static str,
    /// True when the idempotency key had been used: nothing new was recorded.
    pub duplicate: bool,
    /// The deltas, each with its explanation.
    pub deltas: Vec<Delta>,
    /// Everything to tell staff, in order: what was earned and why, tier changes
    /// (English).
    pub lines: Vec<String>,
    /// The same lines as message ids with arguments, one for each line, for
    /// every language.
    pub messages: Vec<Message>,
    /// The lines the counter's screen shows: the messages but those kept for
    /// the record (a new card's id and QR text, which the card dialog shows;
    /// a void's own line, whose "undone" lines say what it gave back).
    pub counter: Vec<Message>,
    /// The customer afterwards.
    pub customer: Option<CustomerSummary>,
}

/// A new customer's details.
#[derive(Debug, Clone, Default)]
pub struct Enrolment {
    /// Personal data (all optional).
    pub profile: Profile,
    /// A pre-printed card handed over at enrolment (its scanned or typed `CP1.`
    /// code); a new card is issued when absent.
    pub card_code: Option<String>,
}

/// One line to tell staff, in English and as a message.
pub(crate) type Note = (String, Message);

/// The lines of deltas staff are told (counters that are not balances are not).
/// A delta recorded before messages existed is told by its English words.
pub(crate) fn lines_of(deltas: &[Delta]) -> Vec<Note> {
    deltas
        .iter()
        .filter(|d| !matches!(d.account, Account::Uses(_)))
        .map(|d| {
            let message = d
                .message
                .clone()
                .unwrap_or_else(|| Message::new("text").text("text", d.why.clone()));
            (d.why.clone(), message)
        })
        .collect()
}

/// The card lines of an enrolment or a replacement.
pub(crate) fn card_notes(first: Note, code: &str, card: CardId) -> Vec<Note> {
    let typed = crate::card_code::fallback_code(card);
    vec![
        first,
        (
            format!("card code (QR): {code}"),
            Message::new("card-code").text("code", code),
        ),
        (
            format!("typed code: {typed}"),
            Message::new("typed-code").text("code", typed),
        ),
    ]
}

/// Messages the command line prints and the counter's screen leaves out.
const RECORD_ONLY: &[&str] = &["enrolled", "card-code", "voided"];

/// The messages the counter's screen shows, in order.
fn at_counter(messages: &[Message]) -> Vec<Message> {
    messages
        .iter()
        .filter(|m| !RECORD_ONLY.contains(&m.id.as_str()))
        .cloned()
        .collect()
}

/// Splits notes into the outcome's lines and messages.
fn split_notes(notes: Vec<Note>) -> (Vec<String>, Vec<Message>) {
    notes.into_iter().unzip()
}

/// Checks and tidies a profile typed by staff.
pub fn check_profile(mut p: Profile, today: NaiveDate) -> Result<Profile> {
    if let Some(n) = &p.name {
        let n = n.trim();
        let length = n.chars().count();
        if length > limits::CUSTOMER_NAME_CHARS {
            return Err(EngineError::invalid(
                "name",
                format!(
                    "a name is at most {} characters; this one has {length}",
                    limits::CUSTOMER_NAME_CHARS
                ),
            ));
        }
        if n.chars().any(char::is_control) {
            return Err(EngineError::invalid(
                "name",
                "a name cannot hold a tab, a line break or another control character",
            ));
        }
        p.name = (!n.is_empty()).then(|| n.to_string());
    }
    if let Some(b) = p.birthday {
        // A day of slack: the till's date may be behind the customer's.
        if b > today + chrono::Days::new(1) {
            return Err(EngineError::invalid(
                "birthday",
                format!("{b} is in the future"),
            ));
        }
        if b < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) {
            return Err(EngineError::invalid(
                "birthday",
                format!("{b} is before 1900: check the year"),
            ));
        }
    }
    if let Some(ph) = &p.phone {
        p.phone = Some(store::normalise_phone(ph).ok_or_else(|| {
            EngineError::invalid(
                "phone",
                format!("`{ph}` is not a phone number (6 to 15 digits)"),
            )
        })?);
    }
    if let Some(e) = &p.email {
        let e = e.trim();
        let ok = e.len() <= limits::EMAIL_CHARS
            && e.split_once('@').is_some_and(|(a, b)| {
                !a.is_empty() && b.contains('.') && !b.starts_with('.') && !b.ends_with('.')
            })
            && !e.contains(char::is_whitespace);
        if !ok {
            return Err(EngineError::invalid(
                "email",
                format!("`{e}` is not an email address"),
            ));
        }
        p.email = Some(e.to_lowercase());
    }
    let mut tags = Vec::new();
    for t in &p.tags {
        let t = t.trim().to_lowercase();
        if t.is_empty()
            || t.chars().count() > limits::TAG_CHARS
            || !t
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return Err(EngineError::invalid(
                "tags",
                format!(
                    "`{t}` must be 1 to {} letters, digits, '-' or '_'",
                    limits::TAG_CHARS
                ),
            ));
        }
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    if tags.len() > limits::TAGS {
        return Err(EngineError::invalid(
            "tags",
            format!("at most {} tags", limits::TAGS),
        ));
    }
    p.tags = tags;
    Ok(p)
}

fn check_key(key: Option<&str>) -> Result<()> {
    if let Some(k) = key {
        if k.is_empty() || k.len() > 100 {
            return Err(EngineError::invalid(
                "idempotency_key",
                "must be 1 to 100 characters",
            ));
        }
    }
    Ok(())
}

/// What an action sees while it decides: the location, the program, the time.
pub(crate) struct Ctx<'a> {
    pub(crate) conn: &'a Connection,
    pub(crate) location: Location,
    pub(crate) program: Option<PublishedProgram>,
    pub(crate) now: DateTime<Utc>,
}

impl Ctx<'_> {
    pub(crate) fn program(&self) -> Result<&Program> {
        self.program
            .as_ref()
            .map(|p| &p.program)
            .ok_or(Refusal::NoProgram.into())
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.location.business_date(self.now)
    }

    /// The open record for an action: a merged record leads to the one that
    /// remains; an erased record is closed.
    pub(crate) fn open_customer(&self, customer: CustomerId) -> Result<CustomerId> {
        let (merged, erased) = store::reads::customer_state(self.conn, &customer.to_string())?
            .ok_or_else(|| EngineError::not_found("customer", customer.to_string()))?;
        if erased {
            return Err(Refusal::CustomerClosed {
                why: Why::new(
                    "their personal data was erased at their request",
                    Message::new("why-erased"),
                ),
            }
            .into());
        }
        match merged {
            Some(m) => m
                .parse()
                .map_err(|_| EngineError::Corrupt(format!("customer `{m}` is not an id"))),
            None => Ok(customer),
        }
    }
}

/// Whether a void or an adjustment may leave a balance below zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BelowZero {
    /// Refuse it, saying what it would leave (what staff do by default).
    #[default]
    Refuse,
    /// A manager confirmed it (a fraudulent visit whose points were spent):
    /// recorded, and the balance shows below zero, flagged.
    ManagerConfirmed,
}

/// Refuses `deltas` that would take one of the customer's balances below zero,
/// unless a manager confirmed it.
pub(crate) fn check_below_zero(
    ctx: &Ctx<'_>,
    customer: CustomerId,
    deltas: &[Delta],
    below_zero: BelowZero,
    why: &Why,
) -> Result<()> {
    if below_zero == BelowZero::ManagerConfirmed {
        return Ok(());
    }
    // What one event does to an account is the sum of its deltas: the visit
    // that fills a stamp card adds a stamp and takes the full card away in one
    // go, so undoing it removes that stamp and gives the card's stamps back.
    // Checked delta by delta, the stamp's removal alone looked like an overdraw.
    let mut net: BTreeMap<String, i64> = BTreeMap::new();
    for d in deltas.iter().filter(|d| d.account.is_balance()) {
        *net.entry(d.account.to_string()).or_default() += d.amount;
    }
    for (account, amount) in net.into_iter().filter(|(_, amount)| *amount < 0) {
        let after = store::balance_of(ctx.conn, customer, &account)? + amount;
        if after < 0 {
            return Err(Refusal::BelowZero {
                account,
                after,
                why: why.clone(),
            }
            .into());
        }
    }
    Ok(())
}

/// The program's offline allowance: a paired till that has not synced for a
/// while lets one customer take at most so much out of each limited balance
/// (points, cashback, vouchers) on it until it syncs, so two tills cut off
/// from each other cannot both spend a large balance. A till that is not
/// paired has no other till to disagree with, and no limit.
pub(crate) fn check_offline_allowance(
    ctx: &Ctx<'_>,
    program: &Program,
    customer: CustomerId,
    deltas: &[Delta],
) -> Result<()> {
    use store::reads::Limited;
    let Some(allowance) = &program.offline else {
        return Ok(());
    };
    let taken = |limited: Limited| -> i64 {
        deltas
            .iter()
            .filter(|d| d.amount < 0)
            .filter(|d| match limited {
                Limited::Points => d.account == Account::Points,
                Limited::Cashback => d.account == Account::Cashback,
                Limited::Vouchers => matches!(d.account, Account::Voucher(_)),
            })
            .map(|d| -d.amount)
            .sum()
    };
    let limits = [
        (Limited::Points, allowance.max_points_redeemed),
        (Limited::Cashback, allowance.max_cashback_redeemed),
        (Limited::Vouchers, allowance.max_vouchers_redeemed),
    ];
    let now: Vec<(Limited, i64, i64)> = limits
        .into_iter()
        .filter_map(|(limited, max)| Some((limited, max?, taken(limited))))
        .filter(|(_, _, taken)| *taken > 0)
        .collect();
    if now.is_empty() || store::sync_config_of(ctx.conn)?.is_none() {
        return Ok(());
    }
    let last = store::last_sync_of(ctx.conn)?;
    let stale_after = Duration::hours(allowance.unsynced_after_hours);
    // A clock set back before the last sync cannot say how long the till has
    // been cut off: the allowance applies (it used to count as just synced,
    // and turned the allowance off until the clock caught up).
    let hours_since = match last {
        Some(t) if t > ctx.now => None,
        Some(t) if ctx.now - t <= stale_after => return Ok(()),
        Some(t) => Some((ctx.now - t).num_hours()),
        None => Some(allowance.unsynced_after_hours),
    };
    let customer_id = customer.to_string();
    for (limited, max, taken) in now {
        // What this customer already took out of it on this till since it last synced.
        let spent = store::reads::spent_unsynced(ctx.conn, &customer_id, limited)?;
        if spent + taken > max {
            return Err(Refusal::NotAvailable {
                reward: crate::error::Subject::Redemption,
                why: over_allowance(limited, max, spent, hours_since, program),
            }
            .into());
        }
    }
    Ok(())
}

/// Why a redemption is over the offline allowance of `limited`, in words
/// and as a message: how long the till has been cut off (or that its clock
/// cannot say), the limit, and what was taken already.
fn over_allowance(
    limited: store::reads::Limited,
    max: i64,
    spent: i64,
    hours_since: Option<i64>,
    program: &Program,
) -> Why {
    use store::reads::Limited;
    let (since_words, since) = match hours_since {
        Some(hours) => (
            format!("this till has not synced for {hours} hours"),
            Message::new("offline-since").num("hours", hours),
        ),
        None => (
            "this till's clock is behind its last sync, so how long it has been offline is unknown"
                .to_string(),
            Message::new("offline-clock-behind"),
        ),
    };
    match limited {
        // Points keep the messages they always had.
        Limited::Points => Why::new(
            format!("{since_words}; until it syncs, a customer may redeem at most {max} points here ({spent} already)"),
            match hours_since {
                Some(hours) => Message::new("why-offline-allowance").num("hours", hours),
                None => Message::new("why-offline-allowance-clock"),
            }
            .num("max", max)
            .num("spent", spent),
        ),
        Limited::Cashback => {
            let (max, spent) = (
                Money::new(max, program.currency),
                Money::new(spent, program.currency),
            );
            Why::new(
                format!("{since_words}; until it syncs, a customer may spend at most {max} of cashback here ({spent} already)"),
                Message::new("offline-limit-cashback")
                    .message("since", since)
                    .money("max", max)
                    .money("spent", spent),
            )
        }
        Limited::Vouchers => Why::new(
            format!(
                "{since_words}; until it syncs, a customer may use at most {max} voucher{} here ({spent} already)",
                if max == 1 { "" } else { "s" }
            ),
            Message::new("offline-limit-vouchers")
                .message("since", since)
                .num("max", max)
                .num("spent", spent),
        ),
    }
}

/// What an action decided to record.
pub(crate) struct Decision {
    pub(crate) body: EventBody,
    pub(crate) notes: Vec<Note>,
    pub(crate) show_customer: bool,
}

impl Decision {
    pub(crate) fn new(body: EventBody, notes: Vec<Note>) -> Self {
        Decision {
            body,
            notes,
            show_customer: true,
        }
    }
}

impl Store {
    /// Runs one action: one transaction that checks the idempotency key, lets the
    /// action decide what to record, appends it and reads the customer back.
    /// Anything refused rolls back and changes nothing.
    ///
    /// `authorise` checks who is acting, inside the transaction. `request` is
    /// the request's fingerprint ([`crate::idempotency`]): a key sent again
    /// with another request (a redemption under a visit's key, a visit with
    /// another amount) is refused, never answered with the first action's
    /// outcome.
    pub(crate) fn act(
        &self,
        key: Option<&str>,
        authorise: impl FnOnce(&Connection) -> Result<()>,
        request: impl FnOnce() -> Result<String>,
        decide: impl FnOnce(&Ctx<'_>) -> Result<Decision>,
    ) -> Result<Outcome> {
        check_key(key)?;
        let now = self.now();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Who may act is decided on the snapshot the action writes to, before
        // anything else (a replayed key answers only someone allowed to ask).
        authorise(&tx)?;
        let idempotency = match key {
            Some(k) => {
                let request = request()?;
                if let Some((earlier, stored)) = store::find_idempotent(&tx, k)? {
                    // Keys recorded before requests were (NULL) replay as they did.
                    if stored.is_some_and(|s| s != request) {
                        return Err(EngineError::IdempotencyMismatch(k.to_string()));
                    }
                    return replay(&tx, earlier, now);
                }
                Some((k, request))
            }
            None => None,
        };
        let ctx = Ctx {
            conn: &tx,
            location: store::location_of(&tx)?,
            program: store::program_of(&tx)?,
            now,
        };
        let decision = decide(&ctx)?;
        if let Some(d) = decision
            .body
            .deltas()
            .iter()
            .find(|d| !(-MAX_DELTA..=MAX_DELTA).contains(&d.amount))
        {
            return Err(EngineError::invalid(
                "amount",
                format!(
                    "this would move {} {} at once, beyond the ±{MAX_DELTA} one action may",
                    d.amount, d.account
                ),
            ));
        }
        if let Some(c) = decision.body.customer() {
            // An event may move one account in several deltas (points and an offer's).
            let mut after: Vec<(String, i64)> = Vec::new();
            for d in decision.body.deltas() {
                let account = d.account.to_string();
                match after.iter_mut().find(|(a, _)| *a == account) {
                    Some((_, v)) => *v = v.saturating_add(d.amount),
                    None => {
                        let start = store::balance_of(&tx, c, &account)?;
                        after.push((account, start.saturating_add(d.amount)));
                    }
                }
            }
            if let Some((account, v)) = after
                .iter()
                .find(|(_, v)| !(-MAX_BALANCE..=MAX_BALANCE).contains(v))
            {
                return Err(EngineError::invalid(
                    "amount",
                    format!("this would take {account} to {v}, past the ±{MAX_BALANCE} a balance may hold"),
                ));
            }
        }
        let idempotency = idempotency.as_ref().map(|(k, r)| (*k, r.as_str()));
        let event = store::append_at(
            &tx,
            &ctx.location,
            decision.body,
            self.actor.as_ref(),
            idempotency,
            now,
        )?;
        let deltas = event.body.deltas().to_vec();
        let mut notes = lines_of(&deltas);
        notes.extend(decision.notes);
        let (lines, messages) = split_notes(notes);
        let customer = match (decision.show_customer, event.body.customer()) {
            (true, Some(c)) => Some(store::summary(&tx, c, now)?),
            _ => None,
        };
        tx.commit()?;
        Ok(Outcome {
            event_id: event.id,
            kind: event.body.kind(),
            duplicate: false,
            deltas,
            lines,
            counter: at_counter(&messages),
            messages,
            customer,
        })
    }

    /// Records a change to the staff (added, role, PIN, removed), checked by
    /// the command layer first; `note` says what it was. Never under an
    /// idempotency key: the request would hold the PIN.
    #[cfg(feature = "commands")]
    pub(crate) fn record_staff(
        &self,
        authorise: impl FnOnce(&Connection) -> Result<()>,
        body: EventBody,
        note: Note,
    ) -> Result<Outcome> {
        self.act(
            None,
            authorise,
            || Ok(String::new()),
            |_| {
                Ok(Decision {
                    body,
                    notes: vec![note],
                    show_customer: false,
                })
            },
        )
    }

    /// One customer's data, as JSON: their record, balances and every event about them.
    pub fn export_customer(&self, customer: CustomerId) -> Result<serde_json::Value> {
        let summary = self.customer(customer)?;
        let events = self.customer_events(summary.record.id)?;
        Ok(serde_json::json!({
            "exported_at": self.now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "customer": summary,
            "events": events,
        }))
    }
}

/// A new card: a random id whose typed fallback code no card this till has
/// seen carries (nor any in `also_taken`), and its code signed by this till.
fn new_card_avoiding(conn: &Connection, also_taken: &[String]) -> Result<(CardId, String)> {
    let key = store::signing_key_of(conn)?;
    let shop = store::shop_of(conn)?;
    for _ in 0..16 {
        let card = CardId(uuid::Uuid::new_v4());
        let fallback = crate::card_code::fallback_code(card);
        if !store::reads::fallback_taken(conn, &fallback)? && !also_taken.contains(&fallback) {
            return Ok((
                card,
                crate::card_code::CardCode::sign(shop, card, &key).encode(),
            ));
        }
    }
    Err(EngineError::Corrupt(
        "could not find a free card number".into(),
    ))
}

pub(crate) fn new_card(conn: &Connection) -> Result<(CardId, String)> {
    new_card_avoiding(conn, &[])
}

/// A pre-printed card: its code must verify against this shop's tills, and the
/// card must not belong to anyone yet.
pub(crate) fn preprinted_card(conn: &Connection, text: &str) -> Result<(CardId, String)> {
    let code = crate::card_code::CardCode::parse(text)?;
    let card = code.verify(store::shop_of(conn)?, store::till_keys_of(conn)?.iter())?;
    if store::reads::card_known(conn, &card.to_string())? {
        return Err(EngineError::invalid(
            "card",
            "this card already belongs to a customer",
        ));
    }
    Ok((card, code.encode()))
}

/// Codes for `count` new cards signed by this till, for a print sheet. Nothing is
/// recorded: a printed card is enrolled when it is first handed over.
pub fn new_card_codes(store: &Store, count: usize) -> Result<Vec<(CardId, String)>> {
    if count == 0 || count > 1000 {
        return Err(EngineError::invalid(
            "count",
            "print 1 to 1000 cards at a time",
        ));
    }
    let conn = store.conn();
    // Each avoids the codes of the cards known and of the sheet's others.
    let mut sheet: Vec<(CardId, String)> = Vec::with_capacity(count);
    let mut codes: Vec<String> = Vec::with_capacity(count);
    for _ in 0..count {
        let (card, code) = new_card_avoiding(&conn, &codes)?;
        codes.push(crate::card_code::fallback_code(card));
        sheet.push((card, code));
    }
    Ok(sheet)
}

/// What a request is remembered by under its idempotency key.
/// The outcome of an event recorded earlier under the same key.
fn replay(conn: &Connection, event: Event, now: DateTime<Utc>) -> Result<Outcome> {
    let customer = match event.body.customer() {
        Some(c) => Some(store::summary(conn, c, now)?),
        None => None,
    };
    let deltas = event.body.deltas().to_vec();
    let mut notes = vec![(
        "already recorded: this is the same action sent twice".to_string(),
        Message::new("already-recorded"),
    )];
    notes.extend(lines_of(&deltas));
    let (lines, messages) = split_notes(notes);
    Ok(Outcome {
        event_id: event.id,
        kind: event.body.kind(),
        duplicate: true,
        deltas,
        lines,
        counter: at_counter(&messages),
        messages,
        customer,
    })
}

/// Checks a visit against the program's limits before anything is read or written.
pub fn check_visit(program: &Program, visit: &VisitInput) -> Result<()> {
    let money = |m| Money::new(m, program.currency);
    if visit.amount < 0 {
        return Err(EngineError::invalid(
            "amount",
            "cannot be negative; to undo a visit, void it",
        ));
    }
    if visit.amount == 0 && !program.limits.visits_without_purchase {
        return Err(EngineError::invalid(
            "amount",
            format!(
                "enter the check amount: a visit of {} is not a purchase, and this program counts only purchases",
                money(0)
            ),
        ));
    }
    if visit.amount > program.limits.max_visit_amount {
        return Err(EngineError::invalid(
            "amount",
            format!(
                "{} is more than the largest check this shop accepts ({})",
                money(visit.amount),
                money(program.limits.max_visit_amount)
            ),
        ));
    }
    if i64::try_from(visit.items.len()).unwrap_or(i64::MAX) > program.limits.max_items {
        return Err(EngineError::invalid(
            "items",
            format!("at most {} items on one visit", program.limits.max_items),
        ));
    }
    for (i, item) in visit.items.iter().enumerate() {
        check_item(item).map_err(|p| EngineError::invalid(&format!("items[{i}]"), p))?;
    }
    Ok(())
}

fn check_item(item: &Item) -> std::result::Result<(), String> {
    let ok = |s: &str| !s.trim().is_empty() && s.len() <= 60 && !s.chars().any(char::is_control);
    if !ok(&item.product) {
        return Err("the product must be 1 to 60 printable characters".into());
    }
    if item.category.as_deref().is_some_and(|c| !ok(c)) {
        return Err("the category must be 1 to 60 printable characters".into());
    }
    if !(1..=100).contains(&item.quantity) {
        return Err(format!(
            "quantity must be between 1 and 100, not {}",
            item.quantity
        ));
    }
    Ok(())
}
