//! End-to-end tests of the real till app: the release of the screens a shop
//! would touch, driven through WebDriver under Xvfb (see `harness.rs`), with
//! what they show checked against the engine reading the same database.

mod harness;
mod sync_status;
mod till_flow;
