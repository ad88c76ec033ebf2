//! Reading customers: lookups by card, phone or name, the summary staff see, and
//! the export of one customer's data.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite, Transaction};

use super::{append, context, parse_uuid, Store};
use crate::error::{EngineError, Result};
use crate::ledger::{Account, CardId, CustomerId, Event};
use crate::money::Money;
use crate::program::Program;
use crate::rules::{self, CustomerContext};

type Tx = Transaction<'static, Sqlite>;

/// A customer's stored record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    pub status: &'static str,
    /// Where a merged record went.
    pub merged_into: Option<CustomerId>,
    /// Non-voided visits.
    pub visits: i64,
    /// Lifetime spend, minor units.
    pub spend: i64,
    /// Last visit's business date.
    pub last_visit: Option<NaiveDate>,
    /// Cards that work.
    pub cards: Vec<String>,
}

/// One balance as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceLine {
    /// The account (`points`, `stamps:coffee`).
    pub account: String,
    /// Raw amount.
    pub amount: i64,
    /// Words: "120 points", "7 of 10 on Coffee card", "$3.20 cashback".
    pub text: String,
}

/// The tier held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TierLine {
    /// Tier id.
    pub id: String,
    /// Tier name.
    pub name: String,
    /// Perks.
    pub perks: Vec<String>,
}

/// A reward the customer could redeem now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RewardLine {
    /// Reward id.
    pub id: String,
    /// Reward name.
    pub name: String,
    /// How it would be paid ("with a voucher", "-100 points").
    pub how: String,
}

/// What staff see about a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
}

const RECORD_COLUMNS: &str = "id, name, phone, email, birthday, marketing_consent, tags, merged_into, erased, visits, spend, last_visit";

async fn record_from_row(tx: &mut Tx, row: &SqliteRow) -> Result<CustomerRecord> {
    let id: String = row.try_get("id")?;
    let tags: String = row.try_get("tags")?;
    let birthday: Option<String> = row.try_get("birthday")?;
    let last_visit: Option<String> = row.try_get("last_visit")?;
    let merged_into: Option<String> = row.try_get("merged_into")?;
    let erased: bool = row.try_get("erased")?;
    let cards: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM cards WHERE customer = ? AND status = 'active' ORDER BY id",
    )
    .bind(&id)
    .fetch_all(&mut **tx)
    .await?;
    let parse_date =
        |t: Option<String>| t.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    Ok(CustomerRecord {
        id: parse_uuid(&id, "customer")?,
        name: row.try_get("name")?,
        phone: row.try_get("phone")?,
        email: row.try_get("email")?,
        birthday: parse_date(birthday),
        marketing_consent: row.try_get("marketing_consent")?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        status: if merged_into.is_some() {
            "merged"
        } else if erased {
            "erased"
        } else {
            "active"
        },
        merged_into: merged_into
            .as_deref()
            .map(|m| parse_uuid(m, "customer"))
            .transpose()?,
        visits: row.try_get("visits")?,
        spend: row.try_get("spend")?,
        last_visit: parse_date(last_visit),
        cards,
    })
}

/// Digits of a phone number with its leading '+', for matching however it was typed.
pub fn normalise_phone(phone: &str) -> Option<String> {
    let t = phone.trim();
    let plus = t.starts_with('+');
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let ok = t
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    (ok && (6..=15).contains(&digits.len()))
        .then(|| if plus { format!("+{digits}") } else { digits })
}

pub(crate) async fn record(tx: &mut Tx, customer: CustomerId) -> Result<CustomerRecord> {
    let row = sqlx::query(&format!(
        "SELECT {RECORD_COLUMNS} FROM customers WHERE id = ?"
    ))
    .bind(customer.to_string())
    .fetch_optional(&mut **tx)
    .await?
    .ok_or_else(|| EngineError::not_found("customer", customer.to_string()))?;
    record_from_row(tx, &row).await
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
        };
    };
    let money = |m: i64| Money::new(m, program.currency).to_string();
    let mut balances = Vec::new();
    for (account, amount) in &ctx.accounts {
        let text = match account {
            Account::Points => {
                let available = ctx.points_available();
                if ctx.points_expired > 0 {
                    format!("{available} points ({} expired)", ctx.points_expired)
                } else {
                    format!("{available} points")
                }
            }
            Account::Stamps(card) => match program.stamp_card(card) {
                Some(c) => format!("{amount} of {} on {}", c.stamps, c.name),
                None => format!("{amount} stamps on {card}"),
            },
            Account::Cashback => format!("{} cashback", money(*amount)),
            Account::Voucher(r) => {
                let name = program.reward(r).map_or(r.as_str(), |x| x.name.as_str());
                format!("{amount} × {name}")
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
            amount,
            text,
        });
    }
    let tier = program.tier_for(ctx.tier_measure).map(|t| TierLine {
        id: t.id.clone(),
        name: t.name.clone(),
        perks: t.perks.clone(),
    });
    let rewards_available = program
        .rewards
        .iter()
        .filter_map(|r| {
            rules::redeem(program, ctx, &r.id, today)
                .ok()
                .map(|deltas| RewardLine {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    how: deltas.first().map(|d| d.why.clone()).unwrap_or_default(),
                })
        })
        .collect();
    CustomerSummary {
        record,
        tier,
        balances,
        points_expired: ctx.points_expired,
        rewards_available,
    }
}

impl Store {
    /// The customer a card belongs to. A replaced card is refused with its own message.
    pub async fn customer_by_card(&self, card: CardId) -> Result<CustomerId> {
        let row = sqlx::query("SELECT customer, status FROM cards WHERE id = ?")
            .bind(card.to_string())
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| EngineError::not_found("card", card.to_string()))?;
        let status: String = row.try_get("status")?;
        if status != "active" {
            return Err(EngineError::invalid(
                "card",
                "this card was replaced by a new one and no longer works",
            ));
        }
        let customer: String = row.try_get("customer")?;
        parse_uuid(&customer, "customer")
    }

    /// Customers whose phone matches, or whose name contains `query` (case-insensitive).
    pub async fn find_customers(&self, query: &str, limit: i64) -> Result<Vec<CustomerRecord>> {
        let q = query.trim();
        if q.is_empty() || q.chars().count() > 100 {
            return Err(EngineError::invalid(
                "query",
                "type 1 to 100 characters of a name or a phone number",
            ));
        }
        let mut tx = self.pool.begin().await?;
        let rows = if let Some(phone) = normalise_phone(q) {
            sqlx::query(&format!(
                "SELECT {RECORD_COLUMNS} FROM customers WHERE merged_into IS NULL AND (phone = ? OR phone LIKE ?) LIMIT ?"
            ))
            .bind(&phone)
            .bind(format!("%{}", phone.trim_start_matches('+')))
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?
        } else {
            let pattern = format!(
                "%{}%",
                q.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            sqlx::query(&format!(
                "SELECT {RECORD_COLUMNS} FROM customers WHERE merged_into IS NULL AND name LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?"
            ))
            .bind(pattern)
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?
        };
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(record_from_row(&mut tx, row).await?);
        }
        tx.commit().await?;
        Ok(out)
    }

    /// What staff see about a customer today. A merged record shows the one it went into.
    pub async fn customer(&self, customer: CustomerId) -> Result<CustomerSummary> {
        let location = self.location().await?;
        let program = self.program().await?.map(|p| p.program);
        let today = location.business_date(self.now());
        let mut tx = self.pool.begin().await?;
        let resolved = super::apply::resolve(&mut tx, &customer.to_string()).await?;
        let resolved = parse_uuid(&resolved, "customer")?;
        let record = record(&mut tx, resolved).await?;
        let summary = match &program {
            Some(p) => {
                let ctx = context::load(&mut tx, p, resolved, today, None).await?;
                summarize(record, Some(p), &ctx, today)
            }
            None => summarize(record, None, &CustomerContext::default(), today),
        };
        tx.commit().await?;
        Ok(summary)
    }

    /// Every event about a customer (and records merged into them), in local order.
    pub async fn customer_events(&self, customer: CustomerId) -> Result<Vec<Event>> {
        let c = customer.to_string();
        let rows = sqlx::query(
            "SELECT id, device, device_seq, seen_server_seq, device_time, staff, body FROM events
             WHERE customer = ?1 OR customer IN (SELECT id FROM customers WHERE merged_into = ?1)
                OR (kind = 'merged' AND body LIKE '%' || ?1 || '%')
             ORDER BY seq",
        )
        .bind(&c)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(append::event_from_row).collect()
    }
}
