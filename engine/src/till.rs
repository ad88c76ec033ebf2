//! What staff do at the till: enrol, record a visit, redeem, void, adjust, and the
//! rest. Each action is one transaction, is idempotent on its key, and returns an
//! [`Outcome`] that explains what happened in words staff can read out.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use sqlx::{Row, Sqlite, Transaction};

use crate::error::{EngineError, Refusal, Result};
use crate::ledger::{Account, CardId, CustomerId, Delta, Event, EventBody, EventId, Item, Profile};
use crate::location::Location;
use crate::money::Money;
use crate::program::{parse_program, Program};
use crate::rules::{self, VisitInput};
use crate::store::{CustomerSummary, PublishedProgram, Store};

/// What an action did, for the barista's screen and the command line.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The event recorded (or recorded before, for a repeated key).
    pub event_id: EventId,
    /// Its kind.
    pub kind: &'static str,
    /// True when the idempotency key had been used: nothing new was recorded.
    pub duplicate: bool,
    /// The deltas, each with its explanation.
    pub deltas: Vec<Delta>,
    /// Everything to tell staff, in order: what was earned and why, tier changes.
    pub lines: Vec<String>,
    /// The customer afterwards.
    pub customer: Option<CustomerSummary>,
}

/// A new customer's details.
#[derive(Debug, Clone, Default)]
pub struct Enrolment {
    /// Personal data (all optional).
    pub profile: Profile,
}

type Tx = Transaction<'static, Sqlite>;

fn lines_of(deltas: &[Delta]) -> Vec<String> {
    deltas
        .iter()
        .filter(|d| !matches!(d.account, Account::Uses(_)))
        .map(|d| d.why.clone())
        .collect()
}

/// Checks and tidies a profile typed by staff.
pub fn check_profile(mut p: Profile) -> Result<Profile> {
    if let Some(n) = &p.name {
        let n = n.trim();
        if n.chars().count() > 100 || n.chars().any(char::is_control) {
            return Err(EngineError::invalid(
                "name",
                "must be at most 100 printable characters",
            ));
        }
        p.name = (!n.is_empty()).then(|| n.to_string());
    }
    if let Some(ph) = &p.phone {
        p.phone = Some(crate::store::normalise_phone_public(ph).ok_or_else(|| {
            EngineError::invalid(
                "phone",
                format!("`{ph}` is not a phone number (6 to 15 digits)"),
            )
        })?);
    }
    if let Some(e) = &p.email {
        let e = e.trim();
        let ok = e.len() <= 254
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
            || t.len() > 30
            || !t
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return Err(EngineError::invalid(
                "tags",
                format!("`{t}` must be 1 to 30 letters, digits, '-' or '_'"),
            ));
        }
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    if tags.len() > 20 {
        return Err(EngineError::invalid("tags", "at most 20 tags"));
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

impl Store {
    async fn require_program(&self) -> Result<PublishedProgram> {
        self.program().await?.ok_or(Refusal::NoProgram.into())
    }

    /// The outcome of an event recorded earlier under the same key.
    async fn replay(&self, event: Event) -> Result<Outcome> {
        let customer = match event.body.customer() {
            Some(c) => Some(self.customer(c).await?),
            None => None,
        };
        let deltas = event.body.deltas().to_vec();
        let mut lines = vec!["already recorded: this is the same action sent twice".to_string()];
        lines.extend(lines_of(&deltas));
        Ok(Outcome {
            event_id: event.id,
            kind: event.body.kind(),
            duplicate: true,
            deltas,
            lines,
            customer,
        })
    }

    async fn finish(
        &self,
        tx: Tx,
        event: Event,
        mut lines: Vec<String>,
        show_customer: bool,
    ) -> Result<Outcome> {
        tx.commit().await?;
        let deltas = event.body.deltas().to_vec();
        let mut all = lines_of(&deltas);
        all.append(&mut lines);
        let customer = match (show_customer, event.body.customer()) {
            (true, Some(c)) => Some(self.customer(c).await?),
            _ => None,
        };
        Ok(Outcome {
            event_id: event.id,
            kind: event.body.kind(),
            duplicate: false,
            deltas,
            lines: all,
            customer,
        })
    }

    /// Resolves a customer for an action: merged records lead to the one that
    /// remains; erased records are closed.
    async fn open_customer(&self, tx: &mut Tx, customer: CustomerId) -> Result<CustomerId> {
        let row = sqlx::query("SELECT merged_into, erased FROM customers WHERE id = ?")
            .bind(customer.to_string())
            .fetch_optional(&mut **tx)
            .await?
            .ok_or_else(|| EngineError::not_found("customer", customer.to_string()))?;
        let merged: Option<String> = row.try_get("merged_into")?;
        let erased: bool = row.try_get("erased")?;
        if erased {
            return Err(Refusal::CustomerClosed(
                "their personal data was erased at their request".into(),
            )
            .into());
        }
        match merged {
            Some(m) => crate::store::parse_uuid_public(&m),
            None => Ok(customer),
        }
    }

    /// Checks and publishes a program; returns its version.
    pub async fn publish_program(&self, source: &str, key: Option<&str>) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let program = parse_program(source)?;
        let location = self.location().await?;
        if program.currency != location.currency {
            return Err(EngineError::invalid(
                "currency",
                format!(
                    "the program is in {} but the shop is in {}",
                    program.currency, location.currency
                ),
            ));
        }
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let version: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM programs")
            .fetch_one(&mut *tx)
            .await?;
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        let body = EventBody::ProgramPublished {
            version,
            name: program.name.clone(),
            source: source.to_string(),
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        let line = format!("published {} as version {version}", program.name);
        self.finish(tx, event, vec![line], false).await
    }

    /// Enrols a new customer with a new card.
    pub async fn enroll(&self, enrolment: Enrolment, key: Option<&str>) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let profile = check_profile(enrolment.profile)?;
        let published = self.require_program().await?;
        let location = self.location().await?;
        let now = self.now();
        let customer = crate::ids::new_v7(now);
        let card = CardId(uuid::Uuid::new_v4());
        let deltas = rules::welcome(&published.program, &location, &profile.tags, now);
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let has_profile = profile != Profile::default();
        let body = EventBody::Enrolled {
            customer,
            card,
            profile: has_profile.then_some(profile),
            deltas,
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(tx, event, vec![format!("enrolled with card {card}")], true)
            .await
    }

    /// Records a visit: evaluates the program now and writes what it gave.
    pub async fn record_visit(
        &self,
        customer: CustomerId,
        visit: VisitInput,
        key: Option<&str>,
    ) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let published = self.require_program().await?;
        let program = &published.program;
        check_visit(program, &visit)?;
        let location = self.location().await?;
        let now = self.now();
        let today = location.business_date(now);
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let customer = self.open_customer(&mut tx, customer).await?;
        let ctx =
            crate::store::load_context(&mut tx, program, customer, today, visit.coupon.as_deref())
                .await?;
        let earned = rules::earn(program, &location, &ctx, &visit, now)?;
        let mut notes = Vec::new();
        if earned.tier_before != earned.tier_after {
            let name = |t: &Option<String>| {
                t.as_ref()
                    .and_then(|id| program.tiers.as_ref()?.levels.iter().find(|l| l.id == *id))
                    .map_or("no tier".to_string(), |l| l.name.clone())
            };
            notes.push(format!(
                "tier: {} → {}",
                name(&earned.tier_before),
                name(&earned.tier_after)
            ));
        }
        let body = EventBody::Visit {
            customer,
            amount: visit.amount,
            currency: program.currency.to_string(),
            items: visit.items,
            coupon: visit.coupon.map(|c| c.trim().to_ascii_uppercase()),
            business_date: today,
            deltas: earned.deltas,
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(tx, event, notes, true).await
    }

    /// Redeems a reward from the catalogue.
    pub async fn redeem(
        &self,
        customer: CustomerId,
        reward: &str,
        key: Option<&str>,
    ) -> Result<Outcome> {
        self.redeem_with(
            customer,
            key,
            |program, ctx, today| rules::redeem(program, ctx, reward, today),
            reward,
        )
        .await
    }

    /// Spends cashback directly (minor units).
    pub async fn spend_cashback(
        &self,
        customer: CustomerId,
        amount: i64,
        key: Option<&str>,
    ) -> Result<Outcome> {
        self.redeem_with(
            customer,
            key,
            |program, ctx, _| rules::spend_cashback(program, ctx, amount),
            "cashback",
        )
        .await
    }

    async fn redeem_with(
        &self,
        customer: CustomerId,
        key: Option<&str>,
        cost: impl FnOnce(&Program, &rules::CustomerContext, NaiveDate) -> Result<Vec<Delta>>,
        reward: &str,
    ) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let published = self.require_program().await?;
        let location = self.location().await?;
        let today = location.business_date(self.now());
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let customer = self.open_customer(&mut tx, customer).await?;
        let ctx =
            crate::store::load_context(&mut tx, &published.program, customer, today, None).await?;
        let deltas = cost(&published.program, &ctx, today)?;
        let body = EventBody::Redeemed {
            customer,
            reward: reward.to_string(),
            business_date: today,
            deltas,
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(tx, event, Vec::new(), true).await
    }

    /// Undoes a visit, redemption, adjustment or donation with a compensating event.
    pub async fn void(&self, target: EventId, reason: &str, key: Option<&str>) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > 200 {
            return Err(EngineError::invalid(
                "reason",
                "say why, in 1 to 200 characters",
            ));
        }
        let location = self.location().await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let row = sqlx::query("SELECT body FROM events WHERE id = ?")
            .bind(target.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| EngineError::not_found("event", target.to_string()))?;
        let body: String = row.try_get("body")?;
        let target_body: EventBody = serde_json::from_str(&body)
            .map_err(|e| EngineError::Corrupt(format!("event {target}: {e}")))?;
        let voided: Option<String> =
            sqlx::query_scalar("SELECT void_event FROM voided WHERE target = ?")
                .bind(target.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(v) = voided {
            return Err(Refusal::CannotVoid(format!("it was voided already by {v}")).into());
        }
        let customer = match &target_body {
            EventBody::Visit { customer, .. }
            | EventBody::Redeemed { customer, .. }
            | EventBody::Adjusted { customer, .. }
            | EventBody::Donated { customer, .. } => *customer,
            other => {
                return Err(Refusal::CannotVoid(format!(
                "a {} event cannot be voided; only visits, redemptions, adjustments and donations",
                other.kind()
            ))
                .into())
            }
        };
        let deltas: Vec<Delta> = target_body
            .deltas()
            .iter()
            .map(|d| Delta {
                account: d.account.clone(),
                amount: -d.amount,
                rule: d.rule.clone(),
                why: format!("undone: {}", d.why),
            })
            .collect();
        let body = EventBody::Voided {
            target,
            customer,
            reason: reason.to_string(),
            deltas,
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(
            tx,
            event,
            vec![format!("voided {} {target}: {reason}", target_body.kind())],
            true,
        )
        .await
    }

    /// A manager's adjustment of one account, with a reason.
    pub async fn adjust(
        &self,
        customer: CustomerId,
        account: Account,
        amount: i64,
        reason: &str,
        key: Option<&str>,
    ) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > 200 {
            return Err(EngineError::invalid(
                "reason",
                "an adjustment needs a reason of 1 to 200 characters",
            ));
        }
        if amount == 0 || amount.abs() > 1_000_000_000 {
            return Err(EngineError::invalid(
                "amount",
                "must be non-zero and at most 1,000,000,000",
            ));
        }
        if !account.is_balance() {
            return Err(EngineError::invalid(
                "account",
                "only points, stamps, cashback and vouchers can be adjusted",
            ));
        }
        let published = self.require_program().await?;
        let program = &published.program;
        let known = match &account {
            Account::Points => program.points.is_some(),
            Account::Cashback => program.cashback.is_some(),
            Account::Stamps(c) => program.stamp_card(c).is_some(),
            Account::Voucher(r) => program.reward(r).is_some(),
            _ => false,
        };
        if !known {
            return Err(EngineError::invalid(
                "account",
                format!("`{account}` is not part of the program"),
            ));
        }
        let location = self.location().await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let customer = self.open_customer(&mut tx, customer).await?;
        let shown = match account {
            Account::Cashback => Money::new(amount, program.currency).to_string(),
            _ => amount.to_string(),
        };
        let body = EventBody::Adjusted {
            customer,
            reason: reason.to_string(),
            deltas: vec![Delta {
                account: account.clone(),
                amount,
                rule: "adjustment".into(),
                why: format!(
                    "{}{shown} {account} adjusted by a manager: {reason}",
                    if amount > 0 { "+" } else { "" }
                ),
            }],
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(tx, event, Vec::new(), true).await
    }

    /// Gives the customer a new card; the old one stops working.
    pub async fn replace_card(
        &self,
        customer: CustomerId,
        old_card: CardId,
        key: Option<&str>,
    ) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let location = self.location().await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let customer = self.open_customer(&mut tx, customer).await?;
        let owner: Option<String> =
            sqlx::query_scalar("SELECT customer FROM cards WHERE id = ? AND status = 'active'")
                .bind(old_card.to_string())
                .fetch_optional(&mut *tx)
                .await?;
        if owner.as_deref() != Some(customer.to_string().as_str()) {
            return Err(EngineError::invalid(
                "card",
                format!("{old_card} is not a working card of this customer"),
            ));
        }
        let new_card = CardId(uuid::Uuid::new_v4());
        let body = EventBody::CardReplaced {
            customer,
            old_card,
            new_card,
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(
            tx,
            event,
            vec![format!(
                "new card {new_card}; card {old_card} no longer works"
            )],
            true,
        )
        .await
    }

    /// Sells a subscription plan, starting today.
    pub async fn subscribe(
        &self,
        customer: CustomerId,
        plan: &str,
        key: Option<&str>,
    ) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let published = self.require_program().await?;
        let p = published
            .program
            .plan(plan)
            .ok_or_else(|| EngineError::not_found("subscription plan", plan))?
            .clone();
        let location = self.location().await?;
        let today = location.business_date(self.now());
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let customer = self.open_customer(&mut tx, customer).await?;
        let ends = today + Duration::days(p.valid_days - 1);
        let body = EventBody::SubscriptionBought {
            customer,
            plan: p.id.clone(),
            price: p.price,
            starts: today,
            ends,
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        let line = format!(
            "{} sold for {}: runs {today} to {ends}",
            p.name,
            Money::new(p.price, published.program.currency)
        );
        self.finish(tx, event, vec![line], true).await
    }

    /// Donates points to a cause.
    pub async fn donate(
        &self,
        customer: CustomerId,
        cause: &str,
        points: i64,
        key: Option<&str>,
    ) -> Result<Outcome> {
        check_key(key)?;
        if let Some(e) = match key {
            Some(k) => self.find_idempotent(k).await?,
            None => None,
        } {
            return self.replay(e).await;
        }
        let published = self.require_program().await?;
        let program = &published.program;
        let cause = program
            .cause(cause)
            .ok_or_else(|| EngineError::not_found("cause", cause))?
            .clone();
        if points <= 0 || points > 10_000_000 {
            return Err(EngineError::invalid(
                "points",
                "must be between 1 and 10,000,000",
            ));
        }
        let location = self.location().await?;
        let today = location.business_date(self.now());
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let customer = self.open_customer(&mut tx, customer).await?;
        let ctx = crate::store::load_context(&mut tx, program, customer, today, None).await?;
        if ctx.points_available() < points {
            return Err(Refusal::NotEnough {
                account: "points".into(),
                needed: points.to_string(),
                available: ctx.points_available().to_string(),
            }
            .into());
        }
        let body = EventBody::Donated {
            customer,
            cause: cause.id.clone(),
            deltas: vec![Delta {
                account: Account::Points,
                amount: -points,
                rule: format!("cause:{}", cause.id),
                why: format!("-{points} points given to {}", cause.name),
            }],
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(tx, event, Vec::new(), true).await
    }

    /// Changes a customer's personal data.
    pub async fn update_profile(
        &self,
        customer: CustomerId,
        profile: Profile,
        key: Option<&str>,
    ) -> Result<Outcome> {
        check_key(key)?;
        let profile = check_profile(profile)?;
        let location = self.location().await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let customer = self.open_customer(&mut tx, customer).await?;
        let body = EventBody::ProfileUpdated {
            customer,
            profile: Some(profile),
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        self.finish(tx, event, vec!["profile updated".into()], true)
            .await
    }

    /// Joins two records of one person: `from` is closed and everything it held moves to `into`.
    pub async fn merge(
        &self,
        from: CustomerId,
        into: CustomerId,
        key: Option<&str>,
    ) -> Result<Outcome> {
        check_key(key)?;
        if from == into {
            return Err(EngineError::invalid(
                "customer",
                "cannot merge a customer into themselves",
            ));
        }
        let location = self.location().await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let from_open = self.open_customer(&mut tx, from).await?;
        let into_open = self.open_customer(&mut tx, into).await?;
        if from_open != from {
            return Err(EngineError::invalid(
                "from",
                format!("{from} was merged into {from_open} already"),
            ));
        }
        if into_open == from {
            return Err(EngineError::invalid(
                "into",
                "that record was merged into the other already",
            ));
        }
        let body = EventBody::Merged {
            from,
            into: into_open,
        };
        let event = self.append(&mut tx, &location, body, None, key).await?;
        tx.commit().await?;
        Ok(Outcome {
            event_id: event.id,
            kind: "merged",
            duplicate: false,
            deltas: Vec::new(),
            lines: vec![format!("merged {from} into {into_open}")],
            customer: Some(self.customer(into_open).await?),
        })
    }

    /// Erases a customer's personal data; the anonymised ledger stays.
    pub async fn erase(&self, customer: CustomerId, key: Option<&str>) -> Result<Outcome> {
        check_key(key)?;
        let location = self.location().await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let open = self.open_customer(&mut tx, customer).await?;
        if open != customer {
            return Err(EngineError::invalid(
                "customer",
                format!("this record was merged into {open}: erase that one"),
            ));
        }
        let event = self
            .append(
                &mut tx,
                &location,
                EventBody::Erased { customer },
                None,
                key,
            )
            .await?;
        self.finish(
            tx,
            event,
            vec!["personal data erased; balances and history stay, anonymised".into()],
            true,
        )
        .await
    }

    /// One customer's data, as JSON: their record, balances and every event about them.
    pub async fn export_customer(&self, customer: CustomerId) -> Result<serde_json::Value> {
        let summary = self.customer(customer).await?;
        let events = self.customer_events(summary.record.id).await?;
        Ok(serde_json::json!({
            "exported_at": self.now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "customer": summary,
            "events": events,
        }))
    }
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

/// Parses a location-independent amount typed for this program.
pub fn parse_amount(program_or_location: &Location, text: &str) -> Result<i64> {
    Ok(Money::parse(text, program_or_location.currency)?.minor)
}
