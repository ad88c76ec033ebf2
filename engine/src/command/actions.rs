//! The till's actions: each request is checked and parsed here (money in the
//! shop's currency, dates, accounts) and recorded by the store in one
//! transaction, idempotent on its key.

use crate::staff::Permission;
use chrono::NaiveDate;

use super::request::*;
use super::{invalid, key_of, Commands};
use crate::error::{Refusal, Result};
use crate::ledger::{Account, Profile};
use crate::location::Location;
use crate::money::Money;
use crate::rules::VisitInput;
use crate::till::{BelowZero, Enrolment, Outcome};

use super::lookup::ShopInfo;

fn birthday_of(text: &Option<String>) -> Result<Option<NaiveDate>> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|b| {
            NaiveDate::parse_from_str(b, "%Y-%m-%d")
                .map_err(|_| invalid("birthday", format!("`{b}` is not a date like 1990-05-17")))
        })
        .transpose()
}

/// The profile a form describes (checked and tidied later by the store).
fn profile_of(form: &ProfileForm) -> Result<Profile> {
    Ok(Profile {
        name: form.name.clone(),
        phone: form.phone.clone(),
        email: form.email.clone(),
        birthday: birthday_of(&form.birthday)?,
        marketing_consent: form.marketing_consent,
        tags: form.tags.clone(),
    })
}

fn below_zero(allow_negative: bool) -> BelowZero {
    match allow_negative {
        true => BelowZero::ManagerConfirmed,
        false => BelowZero::Refuse,
    }
}

impl Commands {
    /// Sets up this till for a new shop; answers what was set up.
    pub fn set_up_shop(&self, request: &SetUpShop) -> Result<ShopInfo> {
        self.authorise(Permission::Pair)?;
        let location = Location::new(
            &request.shop,
            &request.currency,
            &request.timezone,
            request.day_starts_at,
        )?;
        // The first manager is checked before anything is written, so a weak
        // PIN leaves no half-set-up till behind.
        if let Some(m) = &request.manager {
            crate::staff::check_name(&m.name)?;
            crate::staff::check_pin(m.pin.0.trim(), crate::ledger::Role::Manager)?;
        }
        let example = match request.example.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => Some(
                Commands::examples_in(&request.currency)
                    .into_iter()
                    .find(|e| e.id == id)
                    .ok_or_else(|| invalid("example", format!("there is no example `{id}`")))?,
            ),
            _ => None,
        };
        self.store.init(&location)?;
        // Published while the till still runs open: the first manager is
        // added next, and nobody is signed in yet.
        if let Some(example) = example {
            self.store.publish_program(&example.source, None)?;
        }
        if let Some(m) = &request.manager {
            self.add_staff(&AddStaff {
                name: m.name.clone(),
                role: crate::ledger::Role::Manager,
                pin: m.pin.clone(),
            })?;
        }
        self.shop_info()
    }

    /// A money amount typed in the shop's currency, in minor units.
    fn money(&self, text: &str) -> Result<i64> {
        let currency = self.store.location()?.currency;
        Ok(Money::parse(text, currency)?.minor)
    }

    /// Publishes a program (checked in full first).
    pub fn publish_program(&self, request: &PublishProgram) -> Result<Outcome> {
        self.authorise(Permission::PublishProgram)?;
        self.store
            .publish_program(&request.source, key_of(&request.key))
    }

    /// Enrols a new customer.
    pub fn enrol(&self, request: &Enrol) -> Result<Outcome> {
        self.authorise(Permission::Enrol)?;
        let enrolment = Enrolment {
            profile: profile_of(&request.profile)?,
            card_code: request
                .card
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string),
        };
        self.store.enrol(enrolment, key_of(&request.key))
    }

    /// Replaces a customer's profile.
    pub fn update_profile(&self, request: &UpdateProfile) -> Result<Outcome> {
        self.authorise(Permission::UpdateProfile)?;
        let customer = self.customer_of(&request.customer)?;
        self.store.update_profile(
            customer,
            profile_of(&request.profile)?,
            key_of(&request.key),
        )
    }

    /// Records a visit and what it earns.
    pub fn record_visit(&self, request: &RecordVisit) -> Result<Outcome> {
        self.authorise(Permission::RecordVisit)?;
        let amount = self.money(&request.amount)?;
        let customer = self.customer_of(&request.customer)?;
        let visit = VisitInput {
            amount,
            items: request.items.clone(),
            coupon: request
                .coupon
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string),
        };
        self.store
            .record_visit(customer, visit, key_of(&request.key))
    }

    /// Redeems a reward.
    pub fn redeem(&self, request: &Redeem) -> Result<Outcome> {
        self.authorise(Permission::Redeem)?;
        let reward = request.reward.trim();
        if reward.is_empty() {
            return Err(invalid("reward", "name a reward from the program"));
        }
        let customer = self.customer_of(&request.customer)?;
        self.store.redeem(customer, reward, key_of(&request.key))
    }

    /// Spends cashback.
    pub fn spend_cashback(&self, request: &SpendCashback) -> Result<Outcome> {
        self.authorise(Permission::Redeem)?;
        let amount = self.money(&request.amount)?;
        let customer = self.customer_of(&request.customer)?;
        self.store
            .spend_cashback(customer, amount, key_of(&request.key))
    }

    /// Undoes an event.
    pub fn void(&self, request: &Void) -> Result<Outcome> {
        self.authorise_void(request)?;
        self.store.void_with(
            request.event,
            &request.reason,
            below_zero(request.allow_negative),
            key_of(&request.key),
        )
    }

    /// Corrects a balance.
    pub fn adjust(&self, request: &Adjust) -> Result<Outcome> {
        self.authorise(Permission::Adjust)?;
        let account: Account = request
            .account
            .parse()
            .map_err(|e: String| invalid("account", e))?;
        let amount = if account == Account::Cashback {
            self.money(&request.amount)?
        } else {
            let text = request.amount.trim();
            text.strip_prefix('+')
                .unwrap_or(text)
                .parse::<i64>()
                .map_err(|_| {
                    invalid(
                        "amount",
                        format!("`{}` is not a whole number", request.amount),
                    )
                })?
        };
        let customer = self.customer_of(&request.customer)?;
        self.store.adjust_with(
            customer,
            account,
            amount,
            &request.reason,
            below_zero(request.allow_negative),
            key_of(&request.key),
        )
    }

    /// Sells a subscription plan.
    pub fn subscribe(&self, request: &Subscribe) -> Result<Outcome> {
        self.authorise(Permission::Subscribe)?;
        let customer = self.customer_of(&request.customer)?;
        self.store
            .subscribe(customer, request.plan.trim(), key_of(&request.key))
    }

    /// Gives points to a cause.
    pub fn donate(&self, request: &Donate) -> Result<Outcome> {
        self.authorise(Permission::Redeem)?;
        let customer = self.customer_of(&request.customer)?;
        self.store.donate(
            customer,
            request.cause.trim(),
            request.points,
            key_of(&request.key),
        )
    }

    /// Replaces a lost card.
    pub fn replace_card(&self, request: &ReplaceCard) -> Result<Outcome> {
        self.authorise(Permission::ReplaceCard)?;
        let old = self.store.find_card(&request.card)?;
        let customer = self.store.customer_by_card(old)?;
        self.store.replace_card(customer, old, key_of(&request.key))
    }

    /// Joins two records of one person.
    pub fn merge(&self, request: &Merge) -> Result<Outcome> {
        self.authorise(Permission::Merge)?;
        self.store
            .merge(request.from, request.into, key_of(&request.key))
    }

    /// Erases a customer's personal data.
    pub fn erase(&self, request: &Erase) -> Result<Outcome> {
        self.authorise(Permission::Erase)?;
        self.store.erase(request.customer, key_of(&request.key))
    }

    /// The program in force, refused when none is published.
    pub fn program(&self) -> Result<crate::store::PublishedProgram> {
        self.store
            .program()?
            .ok_or_else(|| Refusal::NoProgram.into())
    }
}
