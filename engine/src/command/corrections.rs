//! Putting a mistake right: a void (a compensating event that gives back what
//! an event did) and a manager's adjustment of one balance, each with a reason.
//! Neither may leave a balance below zero unless a manager confirms it.

use super::request::*;
use super::{customer_in, invalid, Commands};
use crate::error::{EngineError, Refusal, Result, Why};
use crate::ledger::{Account, Delta, EventBody, Message};
use crate::limits::REASON_CHARS;
use crate::money::Money;
use crate::staff::Permission;
use crate::store;
use crate::till::{check_below_zero, BelowZero, Decision, Outcome};

fn below_zero(allow_negative: bool) -> BelowZero {
    match allow_negative {
        true => BelowZero::ManagerConfirmed,
        false => BelowZero::Refuse,
    }
}

impl Commands {
    /// Undoes a visit, redemption, adjustment or donation with a compensating
    /// event: a manager's, or a barista's own last action within two minutes.
    pub fn void(&self, request: &Void) -> Result<Outcome> {
        let target = request.event;
        self.store.act(
            super::key_of(&request.key),
            |conn| self.authorise_void_on(conn, request),
            || crate::idempotency::of_request("void", request),
            |ctx| {
                let reason = request.reason.trim();
                if reason.is_empty() || reason.chars().count() > REASON_CHARS {
                    return Err(invalid(
                        "reason",
                        format!("say why, in 1 to {REASON_CHARS} characters"),
                    ));
                }
                let body = store::reads::event_body(ctx.conn, &target.to_string())?
                    .ok_or_else(|| EngineError::not_found("event", target.to_string()))?;
                let target_body: EventBody = serde_json::from_str(&body)
                    .map_err(|e| EngineError::Corrupt(format!("event {target}: {e}")))?;
                if let Some(v) = store::reads::void_of(ctx.conn, &target.to_string())? {
                    return Err(Refusal::CannotVoid {
                        why: Why::new(
                            format!("it was voided already by {v}"),
                            Message::new("why-voided-already").text("event", v),
                        ),
                    }
                    .into());
                }
                let customer = match &target_body {
                    EventBody::Visit { customer, .. }
                    | EventBody::Redeemed { customer, .. }
                    | EventBody::Adjusted { customer, .. }
                    | EventBody::Donated { customer, .. } => *customer,
                    other => {
                        return Err(Refusal::CannotVoid {
                            why: Why::new(
                                format!(
                                    "a {} event cannot be voided; only visits, redemptions, adjustments and donations",
                                    other.kind()
                                ),
                                Message::new("why-not-voidable").text("kind", other.kind()),
                            ),
                        }
                        .into())
                    }
                };
                let deltas: Vec<Delta> = target_body.deltas().iter().map(Delta::reversed).collect();
                check_below_zero(
                    ctx,
                    customer,
                    &deltas,
                    below_zero(request.allow_negative),
                    &Why::new(
                        "what the voided event gave was spent since",
                        Message::new("why-spent-since"),
                    ),
                )?;
                Ok(Decision::new(
                    EventBody::Voided {
                        target,
                        customer,
                        reason: reason.to_string(),
                        deltas,
                    },
                    vec![(
                        format!("voided {} {target}: {reason}", target_body.kind()),
                        Message::new("voided")
                            .text("kind", target_body.kind())
                            .text("event", target.to_string())
                            .text("reason", reason),
                    )],
                ))
            },
        )
    }

    /// A manager's correction of one balance, with a reason: points, stamps
    /// and vouchers as whole numbers, cashback in the shop's currency.
    pub fn adjust(&self, request: &Adjust) -> Result<Outcome> {
        self.act(Permission::Adjust, "adjust", request, |ctx| {
            let account: Account = request
                .account
                .parse()
                .map_err(|e: String| invalid("account", e))?;
            let amount = if account == Account::Cashback {
                Money::parse(&request.amount, ctx.location.currency)?.minor
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
            let customer = customer_in(ctx.conn, &request.customer)?;
            let reason = request.reason.trim();
            if reason.is_empty() || reason.chars().count() > REASON_CHARS {
                return Err(invalid(
                    "reason",
                    format!("an adjustment needs a reason of 1 to {REASON_CHARS} characters"),
                ));
            }
            if !(1..=1_000_000_000).contains(&amount.unsigned_abs()) {
                return Err(invalid(
                    "amount",
                    "must be non-zero and at most 1,000,000,000",
                ));
            }
            if !account.is_balance() {
                return Err(invalid(
                    "account",
                    "only points, stamps, cashback and vouchers can be adjusted",
                ));
            }
            let program = ctx.program()?;
            let known = match &account {
                Account::Points => program.points.is_some(),
                Account::Cashback => program.cashback.is_some(),
                Account::Stamps(c) => program.stamp_card(c).is_some(),
                Account::Voucher(r) => program.reward(r).is_some(),
                _ => false,
            };
            if !known {
                return Err(invalid(
                    "account",
                    format!("`{account}` is not part of the program"),
                ));
            }
            let customer = ctx.open_customer(customer)?;
            let shown = match account {
                Account::Cashback => Money::new(amount, program.currency).to_string(),
                _ => amount.to_string(),
            };
            let why = format!(
                "{}{shown} {account} adjusted by a manager: {reason}",
                if amount > 0 { "+" } else { "" }
            );
            let message = match account {
                Account::Cashback => Message::new("adjusted-money")
                    .money("amount", Money::new(amount, program.currency)),
                _ => Message::new("adjusted").num("amount", amount),
            }
            .text("account", account.to_string())
            .text("reason", reason);
            let deltas = vec![Delta {
                account: account.clone(),
                amount,
                rule: "adjustment".into(),
                why,
                message: Some(message),
            }];
            check_below_zero(
                ctx,
                customer,
                &deltas,
                below_zero(request.allow_negative),
                &Why::new(
                    "the customer has less than that",
                    Message::new("why-has-less"),
                ),
            )?;
            Ok(Decision::new(
                EventBody::Adjusted {
                    customer,
                    reason: reason.to_string(),
                    deltas,
                },
                Vec::new(),
            ))
        })
    }
}
