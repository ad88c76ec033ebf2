//! Reading customers: lookups by card, phone or name, the summary staff see, and
//! the export of one customer's data.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::{append, context, location_of, parse_uuid, program_of, Store};
use crate::error::{EngineError, Result};
use crate::ledger::{Account, CardId, CustomerId, Event, Message};
use crate::money::Money;
use crate::program::{Name, Program};
use crate::rules::{self, CustomerContext};

/// A customer's stored record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustomerRecord {
    /// Id.
    pub id: CustomerId,
    /// Name.
    pub name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// Birthday.
    pub birthday: Option<NaiveDate>,
    /// Marketing consent.
    pub marketing_consent: bool,
    /// Tags.
    pub tags: Vec<String>,
    /// `active`, `merged` or `erased`.
    #[cfg_attr(feature = "ts", ts(type = "\"active\" | \"merged\" | \"erased\""))]
    pub status: &'static str,
    /// Where a merged record went.
    pub merged_into: Option<CustomerId>,
    /// Non-voided visits.
    pub visits: i64,
    /// Lifetime spend, minor units.
    pub spend: i64,
    /// Last visit's business date.
    pub last_visit: Option<NaiveDate>,
    /// Cards that work (their ids).
    pub cards: Vec<String>,
    /// The same cards with what is printed on them.
    pub card_codes: Vec<CardCodes>,
}

/// What is printed on a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CardCodes {
    /// The card id.
    pub card: String,
    /// The signed code in its QR (absent for cards issued before codes existed).
    pub code: Option<String>,
    /// The typed fallback code under the QR.
    pub fallback: Option<String>,
}

/// One balance as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BalanceLine {
    /// The account (`points`, `stamps:coffee`).
    pub account: String,
    /// What kind of balance it is.
    pub kind: BalanceKind,
    /// Raw amount.
    pub amount: i64,
    /// For a stamp card: how many stamps of how many, to draw.
    pub progress: Option<StampProgress>,
    /// Words: "120 points", "7 of 10 on Coffee card", "$3.20 cashback".
    pub text: String,
    /// The same as a message, for every language.
    pub message: Message,
}

/// What kind of balance a line is, for a screen to lay it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum BalanceKind {
    /// Points.
    Points,
    /// Stamps on one card.
    Stamps,
    /// Cashback to spend.
    Cashback,
    /// Vouchers for one reward.
    Vouchers,
}

/// A stamp card's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StampProgress {
    /// The card's id in the program.
    pub card: String,
    /// Stamps collected.
    pub stamps: i64,
    /// Stamps that fill the card.
    pub of: i64,
}

/// The tier held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TierLine {
    /// Tier id.
    pub id: String,
    /// Tier name.
    pub name: Name,
    /// Perks.
    pub perks: Vec<Name>,
}

/// A reward the customer could redeem now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RewardLine {
    /// Reward id.
    pub id: String,
    /// Its place in the program's list of rewards, from 0: the screens keep
    /// each reward in its place (and on its key) whether available or not.
    pub place: u32,
    /// Reward name.
    pub name: Name,
    /// How it would be paid ("with a voucher", "-100 points").
    pub how: String,
    /// The same as a message.
    pub how_message: Option<Message>,
}

/// A reward of the catalogue this customer cannot have now, and why in words
/// ("not enough points: the reward needs 100, the customer has 84"): the
/// screen says why instead of greying a button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RewardOutOfReach {
    /// Reward id.
    pub id: String,
    /// Its place in the program's list of rewards, from 0.
    pub place: u32,
    /// Reward name.
    pub name: Name,
    /// Why not, as a message.
    pub why: Message,
}

/// What staff see about a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustomerSummary {
    /// The record.
    #[serde(flatten)]
    pub record: CustomerRecord,
    /// Tier held today.
    pub tier: Option<TierLine>,
    /// Balances.
    pub balances: Vec<BalanceLine>,
    /// Points expired and gone.
    pub points_expired: i64,
    /// Rewards redeemable now.
    pub rewards_available: Vec<RewardLine>,
    /// The catalogue's other rewards, each with why not now.
    pub rewards_out_of_reach: Vec<RewardOutOfReach>,
    /// The customer's birthday, when it falls near today (the note staff see).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub birthday_near: Option<NaiveDate>,
    /// What tills did at once while offline that could not all stand: balances
    /// spent below zero, merges overruled.
    pub conflicts: Vec<ConflictLine>,
}

/// What kind of conflict a line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// The server found an event spent a balance below zero (it stands: the
    /// reward was given).
    Overdrawn,
    /// A merge that could not be done as asked: another till merged the same
    /// records the other way, or one of them into a third record.
    MergeOverruled,
    /// A balance below zero that no server flag explains yet: a void or an
    /// adjustment a manager confirmed.
    BelowZero,
    /// A card handed to this customer was handed to another customer at
    /// another till first: it stays theirs.
    CardTaken,
}

/// A conflict between tills, for staff and managers to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConflictLine {
    /// What kind.
    pub kind: ConflictKind,
    /// The event in question: the overdrawing one, or the overruled merge.
    pub event: String,
    /// The server's flag event, for an overdraw.
    pub flag: Option<String>,
    /// Words for staff and managers.
    pub text: String,
    /// The same as a message.
    pub message: Message,
}

/// The customer's conflicts: overdraw flags oldest first, then overruled merges.
fn conflicts(conn: &Connection, customer: &str) -> Result<Vec<ConflictLine>> {
    let (mut out, flagged) = overdraws(conn, customer)?;
    out.extend(overruled_merges(conn, customer)?);
    out.extend(cards_taken(conn, customer)?);
    // Below zero without a server's flag: a void or adjustment a manager
    // confirmed, not synced yet or not spent elsewhere. Never silent.
    let negative: Vec<(String, i64)> = conn
        .prepare_cached(
            "SELECT account, amount FROM balances WHERE customer = ? AND amount < 0 ORDER BY account",
        )?
        .query_map([customer], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (account, amount) in negative.into_iter().filter(|(a, _)| !flagged.contains(a)) {
        out.push(ConflictLine {
            kind: ConflictKind::BelowZero,
            event: String::new(),
            flag: None,
            text: format!(
                "{account} is at {amount}: more was taken back or adjusted away than the customer had left"
            ),
            message: Message::new("conflict-below-zero")
                .text("account", account.clone())
                .num("amount", amount),
        });
    }
    Ok(out)
}

/// Cards the customer was given (enrolled with, or replaced to) that an
/// earlier handover at another till gave to someone else, by event id: the
/// order every till agrees on (the local order is the order events arrived).
fn cards_taken(conn: &Connection, customer: &str) -> Result<Vec<ConflictLine>> {
    let rows: Vec<(String, String, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT e.id, c.fallback, c.customer, o.name
             FROM events e
             JOIN cards c ON c.id = json_extract(e.body,
                 CASE e.kind WHEN 'enrolled' THEN '$.card' ELSE '$.new_card' END)
             LEFT JOIN customers o ON o.id = c.customer
             WHERE e.kind IN ('enrolled', 'card_replaced')
               AND (e.customer = ?1 OR e.customer IN (SELECT id FROM customers WHERE merged_into = ?1))
               AND c.customer <> ?1
             ORDER BY e.id",
        )?
        .query_map([customer], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .map(|(event, card, owner, name)| {
            let other = match name {
                Some(n) => format!("{n} ({owner})"),
                None => owner,
            };
            ConflictLine {
                kind: ConflictKind::CardTaken,
                event,
                flag: None,
                text: format!(
                    "card {card} was handed to {other} at another till first and stays theirs: give this customer a new card"
                ),
                message: Message::new("conflict-card-taken")
                    .text("card", card)
                    .text("other", other),
            }
        })
        .collect())
}

/// Merges of the customer's records that could not be done as asked.
fn overruled_merges(conn: &Connection, customer: &str) -> Result<Vec<ConflictLine>> {
    let mut members: Vec<String> = conn
        .prepare_cached("SELECT id FROM customers WHERE merged_into = ?")?
        .query_map([customer], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if members.is_empty() {
        return Ok(Vec::new());
    }
    members.push(customer.to_string());
    let resolution = crate::ledger::merges::resolve(&super::apply::merges_of(conn, &members)?);
    // Staff read names; the id follows, since two records of one person
    // often carry the same name.
    let mut name_of = conn.prepare_cached("SELECT name FROM customers WHERE id = ?")?;
    let mut named = |c: CustomerId| -> Result<String> {
        let name: Option<Option<String>> = name_of
            .query_row([c.to_string()], |r| r.get(0))
            .optional()?;
        Ok(match name.flatten() {
            Some(n) => format!("{n} ({c})"),
            None => c.to_string(),
        })
    };
    let mut out = Vec::new();
    for e in &resolution.overruled {
        let remains = resolution.owner(e.from);
        let (from, into, remains_named) = (named(e.from)?, named(e.into)?, named(remains)?);
        let (text, message) = if e.from == remains {
            (
                format!(
                    "merging {from} into {into} was overruled: another till merged these records the other way first, and {remains_named} remains"
                ),
                Message::new("conflict-merge-overruled"),
            )
        } else {
            (
                format!(
                    "{from} was merged into {into}, and into another record at another till: all of them are one record now, {remains_named}"
                ),
                Message::new("conflict-merge-joined"),
            )
        };
        let message = message
            .text("from", from)
            .text("into", into)
            .text("remains", remains_named);
        out.push(ConflictLine {
            kind: ConflictKind::MergeOverruled,
            event: e.event.to_string(),
            flag: None,
            text,
            message,
        });
    }
    Ok(out)
}

/// The customer's overdraw flags, oldest first, and the accounts they name.
fn overdraws(
    conn: &Connection,
    customer: &str,
) -> Result<(Vec<ConflictLine>, std::collections::BTreeSet<String>)> {
    let mut accounts = std::collections::BTreeSet::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, body FROM events
         WHERE customer IN (SELECT ?1 UNION ALL SELECT id FROM customers WHERE merged_into = ?1)
           AND kind = 'overdrawn' ORDER BY seq",
    )?;
    let rows: Vec<(String, String)> = stmt
        .query_map([customer], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (id, body) in rows {
        let body: crate::ledger::EventBody = serde_json::from_str(&body)
            .map_err(|e| EngineError::Corrupt(format!("event {id}: {e}")))?;
        if let crate::ledger::EventBody::Overdrawn {
            redemption,
            shortfalls,
            ..
        } = body
        {
            accounts.extend(shortfalls.iter().map(|s| s.account.to_string()));
            let what: Vec<String> = shortfalls
                .iter()
                .map(|s| format!("{} to {}", s.account, s.balance))
                .collect();
            out.push(ConflictLine {
                kind: ConflictKind::Overdrawn,
                event: redemption.to_string(),
                flag: Some(id),
                text: format!(
                    "{redemption} took {} below zero: tills spent the same balance while offline",
                    what.join(", ")
                ),
                message: Message::new("conflict-overdrawn")
                    .text("event", redemption.to_string())
                    .text("balances", what.join(", ")),
            });
        }
    }
    Ok((out, accounts))
}

const RECORD_COLUMNS: &str = "id, name, phone, email, birthday, marketing_consent, tags, merged_into, erased, visits, spend, last_visit";

/// A stored row of `RECORD_COLUMNS`, before its cards are looked up.
struct RawRecord {
    id: String,
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    birthday: Option<String>,
    marketing_consent: bool,
    tags: String,
    merged_into: Option<String>,
    erased: bool,
    visits: i64,
    spend: i64,
    last_visit: Option<String>,
}

fn raw_from_row(row: &Row<'_>) -> rusqlite::Result<RawRecord> {
    Ok(RawRecord {
        id: row.get("id")?,
        name: row.get("name")?,
        phone: row.get("phone")?,
        email: row.get("email")?,
        birthday: row.get("birthday")?,
        marketing_consent: row.get("marketing_consent")?,
        tags: row.get("tags")?,
        merged_into: row.get("merged_into")?,
        erased: row.get("erased")?,
        visits: row.get("visits")?,
        spend: row.get("spend")?,
        last_visit: row.get("last_visit")?,
    })
}

fn finish_record(conn: &Connection, raw: RawRecord) -> Result<CustomerRecord> {
    let card_codes: Vec<CardCodes> = conn
        .prepare_cached("SELECT id, code, fallback FROM cards WHERE customer = ? AND status = 'active' ORDER BY id")?
        .query_map([&raw.id], |r| {
            Ok(CardCodes {
                card: r.get(0)?,
                code: r.get(1)?,
                fallback: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let cards = card_codes.iter().map(|c| c.card.clone()).collect();
    let parse_date =
        |t: Option<String>| t.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    Ok(CustomerRecord {
        id: parse_uuid(&raw.id, "customer")?,
        name: raw.name,
        phone: raw.phone,
        email: raw.email,
        birthday: parse_date(raw.birthday),
        marketing_consent: raw.marketing_consent,
        tags: serde_json::from_str(&raw.tags).unwrap_or_default(),
        status: if raw.merged_into.is_some() {
            "merged"
        } else if raw.erased {
            "erased"
        } else {
            "active"
        },
        merged_into: raw
            .merged_into
            .as_deref()
            .map(|m| parse_uuid(m, "customer"))
            .transpose()?,
        visits: raw.visits,
        spend: raw.spend,
        last_visit: parse_date(raw.last_visit),
        cards,
        card_codes,
    })
}

/// Digits of a phone number with its leading '+', for matching however it was
/// typed. The international prefix dialled as `00` is the '+' it stands for:
/// no national number starts with two zeros.
pub fn normalise_phone(phone: &str) -> Option<String> {
    let t = phone.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let (plus, digits) = match international(t, &digits) {
        Some(rest) => (true, rest.to_string()),
        None => (t.starts_with('+'), digits),
    };
    let ok = t.chars().count() <= crate::limits::PHONE_CHARS
        && t.chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    (ok && (6..=15).contains(&digits.len()))
        .then(|| if plus { format!("+{digits}") } else { digits })
}

/// The digits after a typed `00` international prefix (`0048 600…` → `48600…`).
fn international<'d>(typed: &str, digits: &'d str) -> Option<&'d str> {
    match typed.starts_with('+') {
        true => None,
        false => digits.strip_prefix("00"),
    }
}

pub(crate) fn record(conn: &Connection, customer: CustomerId) -> Result<CustomerRecord> {
    let raw = conn
        .prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS} FROM customers WHERE id = ?"
        ))?
        .query_row([customer.to_string()], raw_from_row)
        .optional()?
        .ok_or_else(|| EngineError::not_found("customer", customer.to_string()))?;
    finish_record(conn, raw)
}

/// Builds the summary staff see, from a loaded context.
pub(crate) fn summarize(
    record: CustomerRecord,
    program: Option<&Program>,
    ctx: &CustomerContext,
    today: NaiveDate,
) -> CustomerSummary {
    let Some(program) = program else {
        return CustomerSummary {
            record,
            tier: None,
            balances: Vec::new(),
            points_expired: 0,
            rewards_available: Vec::new(),
            rewards_out_of_reach: Vec::new(),
            birthday_near: None,
            conflicts: Vec::new(),
        };
    };
    let money = |m: i64| Money::new(m, program.currency).to_string();
    let mut balances = Vec::new();
    for (account, amount) in &ctx.accounts {
        let mut progress = None;
        let (kind, text, message) = match account {
            Account::Points => {
                let available = ctx.points_available();
                if ctx.points_expired > 0 {
                    (
                        BalanceKind::Points,
                        format!("{available} points ({} expired)", ctx.points_expired),
                        Message::new("balance-points-expired")
                            .num("points", available)
                            .num("expired", ctx.points_expired),
                    )
                } else {
                    (
                        BalanceKind::Points,
                        format!("{available} points"),
                        Message::new("balance-points").num("points", available),
                    )
                }
            }
            Account::Stamps(card) => {
                let (of, name) = program.stamp_card(card).map_or_else(
                    || (None, Name::plain(card.as_str())),
                    |c| (Some(c.stamps), c.name.clone()),
                );
                let text = match of {
                    Some(of) => format!("{amount} of {of} on {name}"),
                    None => format!("{amount} stamps on {name}"),
                };
                let message = match of {
                    Some(of) => Message::new("balance-stamps").num("of", of),
                    None => Message::new("balance-stamps-retired"),
                }
                .num("stamps", *amount)
                .name("card", &name);
                progress = of.map(|of| StampProgress {
                    card: card.clone(),
                    stamps: *amount,
                    of,
                });
                (BalanceKind::Stamps, text, message)
            }
            Account::Cashback => (
                BalanceKind::Cashback,
                format!("{} cashback", money(*amount)),
                Message::new("balance-cashback")
                    .money("amount", Money::new(*amount, program.currency)),
            ),
            Account::Voucher(r) => {
                let name = program
                    .reward(r)
                    .map_or_else(|| Name::plain(r.as_str()), |x| x.name.clone());
                (
                    BalanceKind::Vouchers,
                    format!("{amount} × {name}"),
                    Message::new("balance-vouchers")
                        .num("count", *amount)
                        .name("reward", &name),
                )
            }
            Account::Allowance(_) | Account::Uses(_) => continue,
        };
        let amount = if *account == Account::Points {
            ctx.points_available()
        } else {
            *amount
        };
        if amount == 0 && !matches!(account, Account::Points) {
            continue;
        }
        balances.push(BalanceLine {
            account: account.to_string(),
            kind,
            amount,
            progress,
            text,
            message,
        });
    }
    let tier = program.tier_for(ctx.tier_measure).map(|t| TierLine {
        id: t.id.clone(),
        name: t.name.clone(),
        perks: t.perks.clone(),
    });
    let mut rewards_available = Vec::new();
    let mut rewards_out_of_reach = Vec::new();
    for (place, r) in (0u32..).zip(&program.rewards) {
        match rules::redeem(program, ctx, &r.id, today) {
            Ok(deltas) => rewards_available.push(RewardLine {
                id: r.id.clone(),
                place,
                name: r.name.clone(),
                how: deltas.first().map(|d| d.why.clone()).unwrap_or_default(),
                how_message: deltas.first().and_then(|d| d.message.clone()),
            }),
            Err(crate::error::EngineError::Refused(why)) => {
                rewards_out_of_reach.push(RewardOutOfReach {
                    id: r.id.clone(),
                    place,
                    name: r.name.clone(),
                    why: why.message(),
                });
            }
            Err(_) => {}
        }
    }
    CustomerSummary {
        record,
        tier,
        balances,
        points_expired: ctx.points_expired,
        rewards_available,
        rewards_out_of_reach,
        birthday_near: None,
        conflicts: Vec::new(),
    }
}

/// The card a scanned or typed text names: a signed `CP1.` code (verified
/// against the shop's till keys, offline), a typed fallback code
/// (`K7RM-X4Q-HV9`), or a card id. Each kind of failure has its own error.
pub(crate) fn find_card_in(conn: &Connection, text: &str) -> Result<CardId> {
    let t = text.trim();
    if crate::card_code::has_prefix(t) {
        let code = crate::card_code::CardCode::parse(t)?;
        let shop = super::shop_of(conn)?;
        let keys = super::till_keys_of(conn)?;
        return Ok(code.verify(shop, keys.iter())?);
    }
    if let Some(fallback) = crate::card_code::normalise_fallback(t) {
        let cards = typed_matches(conn, &fallback)?;
        // A code only replaced cards carry finds the replaced card (and
        // says so); one active card is the card; several are for staff to pick.
        let active: Vec<&(CardId, String, bool)> = cards.iter().filter(|c| c.2).collect();
        return match (active.as_slice(), cards.first()) {
            ([one], _) => Ok(one.0),
            ([], Some(replaced)) => Ok(replaced.0),
            ([], None) => Err(EngineError::not_found("card", &fallback)),
            (many, _) => {
                let mut customers = Vec::with_capacity(many.len());
                for (_, owner, _) in many {
                    let owner = parse_uuid(owner, "customer")?;
                    if !customers.contains(&owner) {
                        customers.push(owner);
                    }
                }
                match customers.as_slice() {
                    // Two cards of one person: either is theirs.
                    [_] => Ok(many[0].0),
                    _ => Err(crate::card_code::CodeError::Ambiguous {
                        code: fallback,
                        customers,
                    }
                    .into()),
                }
            }
        };
    }
    CardId::parse(t).ok_or(EngineError::Card(crate::card_code::CodeError::Garbled(
        "not a card code, a typed card code or a card number",
    )))
}

/// The customer a card belongs to. A replaced card is refused with its own message.
pub(crate) fn customer_by_card_in(conn: &Connection, card: CardId) -> Result<CustomerId> {
    let (customer, status): (String, String) = conn
        .prepare_cached("SELECT customer, status FROM cards WHERE id = ?")?
        .query_row([card.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| EngineError::not_found("card", card.to_string()))?;
    if status != "active" {
        return Err(crate::card_code::CodeError::Revoked.into());
    }
    parse_uuid(&customer, "customer")
}

impl Store {
    /// The card a scanned or typed text names (see [`find_card_in`]).
    pub fn find_card(&self, text: &str) -> Result<CardId> {
        find_card_in(&self.conn(), text)
    }

    /// Every customer whose active card carries a typed code, for staff to pick
    /// from when more than one does (see [`crate::card_code::CodeError::Ambiguous`]).
    pub fn customers_by_typed_code(&self, text: &str) -> Result<Vec<CustomerRecord>> {
        let fallback =
            crate::card_code::normalise_fallback(text.trim()).ok_or(EngineError::Card(
                crate::card_code::CodeError::Garbled("not a typed card code"),
            ))?;
        let conn = self.conn();
        let mut owners: Vec<CustomerId> = Vec::new();
        for (_, owner, active) in typed_matches(&conn, &fallback)? {
            let owner = parse_uuid(&owner, "customer")?;
            if active && !owners.contains(&owner) {
                owners.push(owner);
            }
        }
        owners.iter().map(|c| record(&conn, *c)).collect()
    }

    /// The customer a scanned or typed card belongs to (see [`Store::find_card`]).
    pub fn customer_by_code(&self, text: &str) -> Result<CustomerId> {
        let card = self.find_card(text)?;
        self.customer_by_card(card)
    }

    /// The customer a card belongs to. A replaced card is refused with its own message.
    pub fn customer_by_card(&self, card: CardId) -> Result<CustomerId> {
        customer_by_card_in(&self.conn(), card)
    }

    /// The names of these customers, as their profiles hold them now (an
    /// erased or nameless customer is left out): reports name the people in
    /// their lists and show no one who was erased.
    pub fn customer_names(
        &self,
        customers: &[CustomerId],
    ) -> Result<std::collections::HashMap<CustomerId, String>> {
        let ids: Vec<String> = customers.iter().map(ToString::to_string).collect();
        let ids = serde_json::to_string(&ids).map_err(|e| EngineError::Corrupt(e.to_string()))?;
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, name FROM customers
             WHERE id IN (SELECT value FROM json_each(?1)) AND erased = 0 AND name IS NOT NULL",
        )?;
        let rows = stmt
            .query_map([ids], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .map(|row| {
                let (id, name) = row?;
                Ok((parse_uuid(&id, "customer")?, name))
            })
            .collect::<Result<_>>()?;
        Ok(rows)
    }

    /// Who enrolled each of `customers` (a staff id), for those enrolled by
    /// someone signed in: the close's rule about staff redeeming for
    /// customers they enrolled themselves.
    pub fn enrolled_by(
        &self,
        customers: &[CustomerId],
    ) -> Result<std::collections::HashMap<CustomerId, String>> {
        let ids: Vec<String> = customers.iter().map(ToString::to_string).collect();
        let ids = serde_json::to_string(&ids).map_err(|e| EngineError::Corrupt(e.to_string()))?;
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT customer, staff FROM events
             WHERE customer IN (SELECT value FROM json_each(?1)) AND kind = 'enrolled'
               AND staff IS NOT NULL",
        )?;
        let rows = stmt
            .query_map([ids], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .map(|row| {
                let (id, staff) = row?;
                Ok((parse_uuid(&id, "customer")?, staff))
            })
            .collect::<Result<_>>()?;
        Ok(rows)
    }

    /// Each merged-away customer and the record it was merged into: reports
    /// count the two as one customer.
    pub fn merged_customers(&self) -> Result<std::collections::HashMap<CustomerId, CustomerId>> {
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, merged_into FROM customers WHERE merged_into IS NOT NULL",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .map(|row| {
                let (from, into) = row?;
                Ok((
                    parse_uuid(&from, "customer")?,
                    parse_uuid(&into, "customer")?,
                ))
            })
            .collect::<Result<_>>()?;
        Ok(rows)
    }

    /// The customers with the most visits, most first (the demo shop's
    /// regulars are picked from its generated history this way).
    pub fn most_visits(&self, limit: i64) -> Result<Vec<CustomerId>> {
        let conn = self.conn();
        let ids: Vec<String> = conn
            .prepare_cached(
                "SELECT id FROM customers WHERE merged_into IS NULL AND erased = 0
                 ORDER BY visits DESC, id LIMIT ?",
            )?
            .query_map([limit], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter().map(|id| parse_uuid(id, "customer")).collect()
    }

    /// Customers whose phone contains the typed digits, or whose name contains the
    /// typed text (case-insensitive). Three characters or more use the trigram
    /// index; one or two match the start of a name.
    pub fn find_customers(&self, query: &str, limit: i64) -> Result<Vec<CustomerRecord>> {
        let q = query.trim();
        if q.is_empty() || q.chars().count() > crate::limits::LOOKUP_CHARS {
            return Err(EngineError::invalid(
                "query",
                format!(
                    "type 1 to {} characters of a name or a phone number",
                    crate::limits::LOOKUP_CHARS
                ),
            ));
        }
        // A quoted phrase under the trigram tokenizer is a case-insensitive
        // substring match that uses the index (LIKE re-reads every candidate from
        // the table, and LIKE with ESCAPE does not use the index at all).
        let phrase =
            |column: &str, text: &str| format!("{column}:\"{}\"", text.replace('"', "\"\""));
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let phone_like = q
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        // Typed with 00 for '+', the number is stored with '+' and its digits follow.
        let digits = match international(q, &digits) {
            Some(rest) if phone_like => rest.to_string(),
            _ => digits,
        };
        // Candidates are capped before the merged and ordering filters: a typed
        // lookup shows a short list, not every Anna in town.
        let (sql, pattern) = if phone_like && digits.len() >= 3 {
            (
                "SELECT {cols} FROM customers WHERE merged_into IS NULL AND rowid IN
                   (SELECT rowid FROM customers_search WHERE customers_search MATCH ? LIMIT 500) LIMIT ?",
                phrase("phone", &digits),
            )
        } else if q.chars().count() >= 3 {
            (
                "SELECT {cols} FROM customers WHERE merged_into IS NULL AND rowid IN
                   (SELECT rowid FROM customers_search WHERE customers_search MATCH ? LIMIT 500) ORDER BY name LIMIT ?",
                phrase("name", q),
            )
        } else {
            // One or two letters: names starting with them, as a range on the
            // case-insensitive name index.
            let mut upper: Vec<char> = q.chars().collect();
            if let Some(last) = upper.last_mut() {
                *last = char::from_u32(u32::from(*last) + 1).unwrap_or(char::MAX);
            }
            let upper: String = upper.into_iter().collect();
            let conn = self.conn();
            let raws: Vec<RawRecord> = conn
                .prepare_cached(&format!(
                    "SELECT {RECORD_COLUMNS} FROM customers INDEXED BY customers_name
                     WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE AND merged_into IS NULL
                     ORDER BY name COLLATE NOCASE LIMIT ?3"
                ))?
                .query_map(params![q, upper, limit], raw_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            return raws.into_iter().map(|r| finish_record(&conn, r)).collect();
        };
        let conn = self.conn();
        let raws: Vec<RawRecord> = conn
            .prepare_cached(&sql.replace("{cols}", RECORD_COLUMNS))?
            .query_map(params![pattern, limit], raw_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        raws.into_iter().map(|r| finish_record(&conn, r)).collect()
    }

    /// What staff see about a customer today. A merged record shows the one it went into.
    pub fn customer(&self, customer: CustomerId) -> Result<CustomerSummary> {
        let conn = self.conn();
        summary(&conn, customer, self.now())
    }

    /// Every event about a customer (and records merged into them), in local order.
    pub fn customer_events(&self, customer: CustomerId) -> Result<Vec<Event>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, device, device_seq, seen_server_seq, device_time, staff, body, author_sig, sig FROM events
             WHERE customer IN (SELECT ?1 UNION ALL SELECT id FROM customers WHERE merged_into = ?1)
                OR (kind = 'merged' AND body LIKE '%' || ?1 || '%')
             ORDER BY seq",
        )?;
        let rows = stmt.query_map([customer.to_string()], append::event_from_row)?;
        rows.map(|r| r.map_err(EngineError::from).and_then(|x| x))
            .collect()
    }
}

#[cfg(feature = "commands")]
/// A customer's stored balance of one account (following merges), 0 when none.
pub(crate) fn balance_of(conn: &Connection, customer: CustomerId, account: &str) -> Result<i64> {
    let owner = super::apply::resolve(conn, &customer.to_string())?;
    Ok(conn
        .prepare_cached("SELECT amount FROM balances WHERE customer = ? AND account = ?")?
        .query_row(params![owner, account], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// The cards carrying a typed code: (card, owner, active), in card order.
fn typed_matches(conn: &Connection, fallback: &str) -> Result<Vec<(CardId, String, bool)>> {
    let rows: Vec<(String, String, String)> = conn
        .prepare_cached("SELECT id, customer, status FROM cards WHERE fallback = ? ORDER BY id")?
        .query_map([fallback], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, owner, status)| {
            let card = CardId::parse(&id)
                .ok_or_else(|| EngineError::Corrupt(format!("card id `{id}`")))?;
            Ok((card, owner, status == "active"))
        })
        .collect()
}

/// The summary of a customer (following merges) at `now`.
pub(crate) fn summary(
    conn: &Connection,
    customer: CustomerId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<CustomerSummary> {
    let location = location_of(conn)?;
    let program = program_of(conn)?.map(|p| p.program);
    let today = location.business_date(now);
    let resolved = super::apply::resolve(conn, &customer.to_string())?;
    let resolved = parse_uuid(&resolved, "customer")?;
    let record = record(conn, resolved)?;
    let flags = conflicts(conn, &resolved.to_string())?;
    let mut summary = match &program {
        Some(p) => {
            let needs = context::Needs {
                expiry: true,
                coupon: None,
            };
            let ctx = context::load(conn, p, resolved, today, needs)?;
            summarize(record, Some(p), &ctx, today)
        }
        None => summarize(record, None, &CustomerContext::default(), today),
    };
    summary.conflicts = flags;
    // The note staff see: the program's birthday window, or three days.
    let window = program
        .iter()
        .flat_map(|p| &p.offers)
        .filter_map(|o| match o.kind {
            crate::program::OfferKind::Birthday { window_days } => Some(window_days),
            _ => None,
        })
        .max()
        .unwrap_or(3);
    summary.birthday_near = summary
        .record
        .birthday
        .and_then(|b| crate::rules::birthday_near(b, today, window));
    Ok(summary)
}
