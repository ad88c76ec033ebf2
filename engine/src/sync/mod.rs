//! Sync with the shop's cloud server. Each till writes only its own stream of
//! events, so streams never conflict; the server orders them, decides the
//! business-rule conflicts (a redemption that overdraws) as events of its own,
//! and hands every till every event.
//!
//! - [`protocol`]: the messages, shared with the server (always built);
//! - `client`: HTTP to the server, and `worker`: the background loop with its
//!   status (the `sync` feature).

#[cfg(feature = "sync")]
mod client;
pub mod protocol;
#[cfg(feature = "sync")]
pub mod transport;
// The loop needs the HTTP client: the cloud server builds neither.
#[cfg(feature = "sync")]
mod worker;

#[cfg(feature = "sync")]
pub use client::{pair, Client, SyncError};
#[cfg(feature = "sync")]
pub use worker::{
    clock_warning, pull_all, push_outbox, sync_once, Backoff, CatchUp, Progress, RoundReport,
    SyncNotice, SyncObserver, SyncStatus, Syncer,
};
