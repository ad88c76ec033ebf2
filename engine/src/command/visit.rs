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
                let tier = |t: &Option<String>| {
                    t.as_ref()
                        .and_then(|id| program.tiers.as_ref()?.levels.iter().find(|l| l.id == *id))
                        .map(|l| l.name.clone())
                };
                let (before, after) = (tier(&earned.tier_before), tier(&earned.tier_after));
                let words = |t: &Option<crate::program::Name>| {
                    t.as_ref().map_or("no tier".to_string(), |n| n.text.clone())
                };
                let message = match (&before, &after) {
                    (Some(before), Some(after)) => Some(
                        Message::new("tier-changed")
                            .name("before", before)
                            .name("after", after),
                    ),
                    (None, Some(after)) => Some(Message::new("tier-reached").name("after", after)),
                    (Some(before), None) => Some(Message::new("tier-lost").name("before", before)),
                    // Tiers the program no longer has: nothing to say.
                    (None, None) => None,
                };
                if let Some(message) = message {
                    notes.push((
                        format!("tier: {} → {}", words(&before), words(&after)),
                        message,
                    ));
                }
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
