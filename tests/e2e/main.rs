//! End-to-end tests of the real till app: the screens a shop touches, driven
//! through WebDriver under Xvfb (see `harness.rs`), with what they show
//! checked against the engine reading the same database.

mod demo_shop;
mod harness;
mod recovery;
mod refused_events;
mod reports;
mod staff;
mod sync_status;
mod till_flow;
