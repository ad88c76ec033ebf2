//! Recording a visit: the amount typed, the items tapped and a coupon, checked
//! against the program's limits; the program evaluated once, now
//! ([`crate::rules::earn`]), and what it gave written into the event.

use super::request::*;
use super::{customer_in, Commands};
use crate::error::Result;
use crate::ledger::{EventBody, Message};
use crate::money::Money;
use crate::rules::{self, VisitInput};
use crate::staff::Permission;
use crate::store;
use crate::till::{check_visit, Decision, Outcome};

impl Commands {
    /// Records a visit and what it earns. The amount is parsed in the shop's
    /// currency as read on the visit's own transaction.
    pub fn record_visit(&self, request: &RecordVisit) -> Result<Outcome> {
        self.act(Permission::RecordVisit, "record_visit", request, |ctx| {
            let visit = VisitInput {
                amount: Money::parse(&request.amount, ctx.location.currency)?.minor,
                items: request.items.clone(),
                coupon: request
                    .coupon
                    .as_deref()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string),
            };
            let customer = customer_in(ctx.conn, &request.customer)?;
            let program = ctx.program()?;
            check_visit(program, &visit)?;
            let customer = ctx.open_customer(customer)?;
            let today = ctx.today();
            let needs = store::Needs {
                expiry: false,
                coupon: visit.coupon.as_deref(),
            };
            let context = store::load_context(ctx.conn, program, customer, today, needs)?;
            let earned = rules::earn(program, &ctx.location, &context, &visit, ctx.now)?;
            let mut notes = Vec::new();
            if earned.tier_before != earned.tier_after {
                let name = |t: &Option<String>| {
                    t.as_ref()
                        .and_then(|id| program.tiers.as_ref()?.levels.iter().find(|l| l.id == *id))
                        .map_or("no tier".to_string(), |l| l.name.clone())
                };
                let (before, after) = (name(&earned.tier_before), name(&earned.tier_after));
                notes.push((
                    format!("tier: {before} → {after}"),
                    match &earned.tier_after {
                        Some(_) => Message::new("tier-changed")
                            .text("before", before)
                            .text("after", after),
                        None => Message::new("tier-lost").text("before", before),
                    },
                ));
            }
            Ok(Decision::new(
                EventBody::Visit {
                    customer,
                    amount: visit.amount,
                    currency: program.currency.to_string(),
                    items: visit.items,
                    coupon: visit.coupon.map(|c| c.trim().to_ascii_uppercase()),
                    business_date: today,
                    deltas: earned.deltas,
                    program_version: ctx.program.as_ref().map(|p| p.version),
                },
                notes,
            ))
        })
    }
}
