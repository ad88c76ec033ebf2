//! A customer's record: enrolment (with a new or a pre-printed card), their
//! profile, a lost card replaced, two records of one person merged, and
//! erasure at their request. Each is one event, decided here.

use chrono::NaiveDate;

use super::request::*;
use super::{customer_in, invalid, Commands};
use crate::error::Result;
use crate::ledger::{EventBody, Message, Profile};
use crate::staff::Permission;
use crate::store::find_card_in;
use crate::till::{card_notes, check_profile, new_card, preprinted_card, Decision, Outcome};

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

/// The profile a form describes, checked and tidied (names trimmed, phones
/// normalised, tags lower-cased) as of `today`.
fn profile_of(form: &ProfileForm, today: NaiveDate) -> Result<Profile> {
    check_profile(
        Profile {
            name: form.name.clone(),
            phone: form.phone.clone(),
            email: form.email.clone(),
            birthday: birthday_of(&form.birthday)?,
            marketing_consent: form.marketing_consent,
            tags: form.tags.clone(),
        },
        today,
    )
}

impl Commands {
    /// Enrols a new customer with a new card, or with the pre-printed card
    /// handed over; the program's welcome offers are given at once.
    pub fn enrol(&self, request: &Enrol) -> Result<Outcome> {
        self.act(Permission::Enrol, "enrol", request, |ctx| {
            let profile = profile_of(&request.profile, ctx.now.date_naive())?;
            let program = ctx.program()?;
            let customer = crate::ids::new_v7(ctx.now);
            let card_code = request
                .card
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty());
            let (card, code) = match card_code {
                Some(text) => preprinted_card(ctx.conn, text)?,
                None => new_card(ctx.conn)?,
            };
            let deltas =
                crate::rules::welcome(program, &ctx.location, customer, &profile.tags, ctx.now);
            let has_profile = profile != Profile::default();
            Ok(Decision::new(
                EventBody::Enrolled {
                    customer,
                    card,
                    code: Some(code.clone()),
                    profile: has_profile.then_some(profile),
                    deltas,
                },
                card_notes(
                    (
                        format!("enrolled with card {card}"),
                        Message::new("enrolled").text("card", card.to_string()),
                    ),
                    &code,
                    card,
                ),
            ))
        })
    }

    /// Replaces a customer's profile (the whole of it, as the form shows it).
    pub fn update_profile(&self, request: &UpdateProfile) -> Result<Outcome> {
        self.act(
            Permission::UpdateProfile,
            "update_profile",
            request,
            |ctx| {
                let profile = profile_of(&request.profile, ctx.now.date_naive())?;
                let customer = ctx.open_customer(customer_in(ctx.conn, &request.customer)?)?;
                Ok(Decision::new(
                    EventBody::ProfileUpdated {
                        customer,
                        profile: Some(profile),
                    },
                    vec![("profile updated".into(), Message::new("profile-updated"))],
                ))
            },
        )
    }

    /// Gives the owner of a lost card a new one; the old one stops working.
    pub fn replace_card(&self, request: &ReplaceCard) -> Result<Outcome> {
        self.act(Permission::ReplaceCard, "replace_card", request, |ctx| {
            let old_card = find_card_in(ctx.conn, &request.card)?;
            let owner = crate::store::customer_by_card_in(ctx.conn, old_card)?;
            let customer = ctx.open_customer(owner)?;
            let active =
                crate::store::reads::owner_of_active_card(ctx.conn, &old_card.to_string())?;
            if active.as_deref() != Some(customer.to_string().as_str()) {
                return Err(invalid(
                    "card",
                    format!("{old_card} is not a working card of this customer"),
                ));
            }
            let (new_card, new_code) = new_card(ctx.conn)?;
            Ok(Decision::new(
                EventBody::CardReplaced {
                    customer,
                    old_card,
                    new_card,
                    new_code: Some(new_code.clone()),
                },
                card_notes(
                    (
                        format!("new card {new_card}; card {old_card} no longer works"),
                        Message::new("card-replaced")
                            .text("new", new_card.to_string())
                            .text("old", old_card.to_string()),
                    ),
                    &new_code,
                    new_card,
                ),
            ))
        })
    }

    /// Joins two records of one person: `from` is closed and everything it
    /// held moves to `into`. The outcome shows the record that remains.
    pub fn merge(&self, request: &Merge) -> Result<Outcome> {
        let (from, into) = (request.from, request.into);
        self.act(Permission::Merge, "merge", request, |ctx| {
            if from == into {
                return Err(invalid(
                    "customer",
                    "cannot merge a customer into themselves",
                ));
            }
            let from_open = ctx.open_customer(from)?;
            let into_open = ctx.open_customer(into)?;
            if from_open != from {
                return Err(invalid(
                    "from",
                    format!("{from} was merged into {from_open} already"),
                ));
            }
            if into_open == from {
                return Err(invalid(
                    "into",
                    "that record was merged into the other already",
                ));
            }
            Ok(Decision::new(
                EventBody::Merged {
                    from,
                    into: into_open,
                },
                vec![(
                    format!("merged {from} into {into_open}"),
                    Message::new("merged")
                        .text("from", from.to_string())
                        .text("into", into_open.to_string()),
                )],
            ))
        })
    }

    /// Erases a customer's personal data at their request; the anonymised
    /// ledger stays, so balances and reports still add up. The person is
    /// erased, not one record: every record merged with the one named (the
    /// one that remains, or one merged into it) goes with it.
    pub fn erase(&self, request: &Erase) -> Result<Outcome> {
        let customer = request.customer;
        self.act(Permission::Erase, "erase", request, |ctx| {
            // Refuses an unknown customer; a closed record is fine.
            ctx.open_customer(customer)?;
            Ok(Decision::new(
                EventBody::Erased { customer },
                vec![(
                    "personal data erased; balances and history stay, anonymised".into(),
                    Message::new("erased"),
                )],
            ))
        })
        .inspect(|o| {
            if !o.duplicate {
                self.store.empty_wal_after_erasure();
            }
        })
    }
}
