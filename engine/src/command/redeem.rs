//! What a customer spends: a reward from the catalogue, cashback, points given
//! to a cause, and a subscription plan bought. Each is checked against what
//! the customer holds now, and against the program's offline allowance.

use chrono::Duration;

use super::request::*;
use super::{customer_in, invalid, Commands};
use crate::error::{EngineError, Refusal, Result};
use crate::ledger::{Account, Arg, Delta, EventBody, Message};
use crate::money::Money;
use crate::program::Program;
use crate::rules::{self, CustomerContext};
use crate::staff::Permission;
use crate::store;
use crate::till::{check_offline_allowance, Ctx, Decision, Outcome};

/// A redemption of `reward` whose deltas `cost` works out from the customer
/// as they stand (points expired by today taken into account).
fn redemption(
    ctx: &Ctx<'_>,
    who: &CustomerRef,
    reward: &str,
    cost: impl FnOnce(&Program, &CustomerContext, chrono::NaiveDate) -> Result<Vec<Delta>>,
) -> Result<Decision> {
    let customer = customer_in(ctx.conn, who)?;
    let program = ctx.program()?;
    let customer = ctx.open_customer(customer)?;
    let today = ctx.today();
    let needs = store::Needs {
        expiry: true,
        coupon: None,
    };
    let context = store::load_context(ctx.conn, program, customer, today, needs)?;
    let deltas = cost(program, &context, today)?;
    check_offline_allowance(ctx, program, customer, &deltas)?;
    Ok(Decision::new(
        EventBody::Redeemed {
            customer,
            reward: reward.to_string(),
            business_date: today,
            deltas,
        },
        Vec::new(),
    ))
}

impl Commands {
    /// Redeems a reward from the catalogue; refused, changing nothing, when
    /// the customer cannot cover it or it is not available to them now.
    pub fn redeem(&self, request: &Redeem) -> Result<Outcome> {
        self.act(Permission::Redeem, "redeem", request, |ctx| {
            let reward = request.reward.trim();
            if reward.is_empty() {
                return Err(invalid("reward", "name a reward from the program"));
            }
            redemption(ctx, &request.customer, reward, |program, c, today| {
                rules::redeem(program, c, reward, today)
            })
        })
    }

    /// Spends cashback: an amount in the shop's currency off the check.
    pub fn spend_cashback(&self, request: &SpendCashback) -> Result<Outcome> {
        self.act(Permission::Redeem, "spend_cashback", request, |ctx| {
            let amount = Money::parse(&request.amount, ctx.location.currency)?.minor;
            redemption(ctx, &request.customer, "cashback", |program, c, _| {
                rules::spend_cashback(program, c, amount)
            })
        })
    }

    /// Gives points to one of the program's causes.
    pub fn donate(&self, request: &Donate) -> Result<Outcome> {
        self.act(Permission::Redeem, "donate", request, |ctx| {
            let points = request.points;
            if points <= 0 || points > 10_000_000 {
                return Err(invalid("points", "must be between 1 and 10,000,000"));
            }
            let customer = customer_in(ctx.conn, &request.customer)?;
            let program = ctx.program()?;
            let cause = program
                .cause(request.cause.trim())
                .ok_or_else(|| EngineError::not_found("cause", request.cause.trim()))?;
            let customer = ctx.open_customer(customer)?;
            let needs = store::Needs {
                expiry: true,
                coupon: None,
            };
            let context = store::load_context(ctx.conn, program, customer, ctx.today(), needs)?;
            if context.points_available() < points {
                return Err(Refusal::NotEnough {
                    account: "points".into(),
                    needed: points.to_string(),
                    available: context.points_available().to_string(),
                    amounts: (Arg::Number(points), Arg::Number(context.points_available())),
                }
                .into());
            }
            Ok(Decision::new(
                EventBody::Donated {
                    customer,
                    cause: cause.id.clone(),
                    deltas: vec![Delta {
                        account: Account::Points,
                        amount: -points,
                        rule: format!("cause:{}", cause.id),
                        why: format!("-{points} points given to {}", cause.name),
                        message: Some(
                            Message::new("donated")
                                .num("points", points)
                                .name("cause", &cause.name),
                        ),
                    }],
                },
                Vec::new(),
            ))
        })
    }

    /// Sells a subscription plan, starting today.
    pub fn subscribe(&self, request: &Subscribe) -> Result<Outcome> {
        self.act(Permission::Subscribe, "subscribe", request, |ctx| {
            let customer = customer_in(ctx.conn, &request.customer)?;
            let program = ctx.program()?;
            let plan = request.plan.trim();
            let p = program
                .plan(plan)
                .ok_or_else(|| EngineError::not_found("subscription plan", plan))?;
            let customer = ctx.open_customer(customer)?;
            let today = ctx.today();
            let ends = today + Duration::days(p.valid_days - 1);
            let price = Money::new(p.price, program.currency);
            let line = (
                format!("{} sold for {price}: runs {today} to {ends}", p.name),
                Message::new("plan-sold")
                    .name("plan", &p.name)
                    .money("price", price)
                    .date("starts", today)
                    .date("ends", ends),
            );
            Ok(Decision::new(
                EventBody::SubscriptionBought {
                    customer,
                    plan: p.id.clone(),
                    price: p.price,
                    starts: today,
                    ends,
                },
                vec![line],
            ))
        })
    }
}
