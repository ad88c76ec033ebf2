//! For Rust tests and benchmarks (feature `testing`): the till's actions
//! called with typed values — a customer id, minor units, a profile — turned
//! into the same requests a screen sends and run through the one door,
//! [`Commands`]. Nothing here decides anything; it builds requests.
//! Reads go to the store beneath (`Deref`), as a test reads a till.

use std::ops::Deref;

use super::request::*;
use super::Commands;
use crate::error::Result;
use crate::ledger::{Account, CardId, CustomerId, EventId, Profile};
use crate::money::Money;
use crate::rules::VisitInput;
use crate::store::Store;
use crate::till::{BelowZero, Enrolment, Outcome};

/// A till driven with typed values, as nobody signed in (a till with no staff
/// runs open; [`Typed::signed_in`] acts as someone).
#[derive(Clone)]
pub struct Typed {
    store: Store,
    commands: Commands,
}

impl std::fmt::Debug for Typed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typed").finish_non_exhaustive()
    }
}

impl Deref for Typed {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

fn key(key: Option<&str>) -> Option<String> {
    key.map(str::to_string)
}

fn form(p: Profile) -> ProfileForm {
    ProfileForm {
        name: p.name,
        phone: p.phone,
        email: p.email,
        birthday: p.birthday.map(|b| b.format("%Y-%m-%d").to_string()),
        marketing_consent: p.marketing_consent,
        tags: p.tags,
    }
}

impl Typed {
    /// The till over `store`, nobody signed in.
    pub fn new(store: Store) -> Typed {
        Typed {
            commands: Commands::over(store.clone()),
            store,
        }
    }

    /// The same till acting as whoever `commands` signed in.
    pub fn signed_in(commands: Commands) -> Typed {
        Typed {
            store: commands.store.clone(),
            commands,
        }
    }

    /// The command layer itself.
    pub fn commands(&self) -> &Commands {
        &self.commands
    }

    /// The store beneath, for what takes one (sync, backups).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// `minor` units in the shop's currency, as a person types them.
    fn money(&self, minor: i64) -> Result<String> {
        Ok(Money::new(minor, self.store.location()?.currency).plain())
    }

    /// Publishes a program.
    pub fn publish_program(&self, source: &str, k: Option<&str>) -> Result<Outcome> {
        self.commands.publish_program(&PublishProgram {
            source: source.to_string(),
            key: key(k),
        })
    }

    /// Enrols a customer.
    pub fn enrol(&self, enrolment: Enrolment, k: Option<&str>) -> Result<Outcome> {
        self.commands.enrol(&Enrol {
            profile: form(enrolment.profile),
            card: enrolment.card_code,
            key: key(k),
        })
    }

    /// Records a visit.
    pub fn record_visit(
        &self,
        customer: CustomerId,
        visit: VisitInput,
        k: Option<&str>,
    ) -> Result<Outcome> {
        self.commands.record_visit(&RecordVisit {
            customer: CustomerRef::Customer(customer),
            amount: self.money(visit.amount)?,
            items: visit.items,
            coupon: visit.coupon,
            key: key(k),
        })
    }

    /// Redeems a reward.
    pub fn redeem(&self, customer: CustomerId, reward: &str, k: Option<&str>) -> Result<Outcome> {
        self.commands.redeem(&Redeem {
            customer: CustomerRef::Customer(customer),
            reward: reward.to_string(),
            key: key(k),
        })
    }

    /// Spends `amount` minor units of cashback.
    pub fn spend_cashback(
        &self,
        customer: CustomerId,
        amount: i64,
        k: Option<&str>,
    ) -> Result<Outcome> {
        self.commands.spend_cashback(&SpendCashback {
            customer: CustomerRef::Customer(customer),
            amount: self.money(amount)?,
            key: key(k),
        })
    }

    /// Voids an event, refusing to leave a balance below zero.
    pub fn void(&self, target: EventId, reason: &str, k: Option<&str>) -> Result<Outcome> {
        self.void_with(target, reason, BelowZero::Refuse, k)
    }

    /// Voids an event, saying whether a balance may end below zero.
    pub fn void_with(
        &self,
        target: EventId,
        reason: &str,
        below_zero: BelowZero,
        k: Option<&str>,
    ) -> Result<Outcome> {
        self.commands.void(&Void {
            event: target,
            reason: reason.to_string(),
            allow_negative: below_zero == BelowZero::ManagerConfirmed,
            key: key(k),
        })
    }

    /// Adjusts a balance (cashback in minor units), refusing below zero.
    pub fn adjust(
        &self,
        customer: CustomerId,
        account: Account,
        amount: i64,
        reason: &str,
        k: Option<&str>,
    ) -> Result<Outcome> {
        self.adjust_with(customer, account, amount, reason, BelowZero::Refuse, k)
    }

    /// Adjusts a balance, saying whether it may end below zero.
    pub fn adjust_with(
        &self,
        customer: CustomerId,
        account: Account,
        amount: i64,
        reason: &str,
        below_zero: BelowZero,
        k: Option<&str>,
    ) -> Result<Outcome> {
        let amount = match account {
            Account::Cashback => self.money(amount)?,
            _ => amount.to_string(),
        };
        self.commands.adjust(&Adjust {
            customer: CustomerRef::Customer(customer),
            account: account.to_string(),
            amount,
            reason: reason.to_string(),
            allow_negative: below_zero == BelowZero::ManagerConfirmed,
            key: key(k),
        })
    }

    /// Replaces a lost card (the card names its owner; `_customer` is the
    /// caller's own note of who that is).
    pub fn replace_card(
        &self,
        _customer: CustomerId,
        old_card: CardId,
        k: Option<&str>,
    ) -> Result<Outcome> {
        self.commands.replace_card(&ReplaceCard {
            card: old_card.to_string(),
            key: key(k),
        })
    }

    /// Sells a subscription plan.
    pub fn subscribe(&self, customer: CustomerId, plan: &str, k: Option<&str>) -> Result<Outcome> {
        self.commands.subscribe(&Subscribe {
            customer: CustomerRef::Customer(customer),
            plan: plan.to_string(),
            key: key(k),
        })
    }

    /// Gives points to a cause.
    pub fn donate(
        &self,
        customer: CustomerId,
        cause: &str,
        points: i64,
        k: Option<&str>,
    ) -> Result<Outcome> {
        self.commands.donate(&Donate {
            customer: CustomerRef::Customer(customer),
            cause: cause.to_string(),
            points,
            key: key(k),
        })
    }

    /// Replaces a customer's profile.
    pub fn update_profile(
        &self,
        customer: CustomerId,
        profile: Profile,
        k: Option<&str>,
    ) -> Result<Outcome> {
        self.commands.update_profile(&UpdateProfile {
            customer: CustomerRef::Customer(customer),
            profile: form(profile),
            key: key(k),
        })
    }

    /// Merges two records of one person.
    pub fn merge(&self, from: CustomerId, into: CustomerId, k: Option<&str>) -> Result<Outcome> {
        self.commands.merge(&Merge {
            from,
            into,
            key: key(k),
        })
    }

    /// Erases a customer's personal data.
    pub fn erase(&self, customer: CustomerId, k: Option<&str>) -> Result<Outcome> {
        self.commands.erase(&Erase {
            customer,
            key: key(k),
        })
    }
}
