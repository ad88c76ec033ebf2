//! The program's rules applied to one customer: what a visit earns, what a
//! redemption costs. Pure functions: no store, no clock.

mod bound;
mod context;
mod earn;
mod expiry;
mod redeem;

pub use bound::{cited_refusal, most_earned, visit_refusal, CitedRefusal};
pub use context::{birthday_near, CustomerContext};
pub use earn::{
    earn, grant_message, offer_runs, stamps_in, times, week_start, welcome, winback_due, Earned,
    VisitInput,
};
pub use expiry::{expired_points, lots_at, Lots, PointMovement};
pub use redeem::{redeem, spend_cashback};
