//! The ledger: immutable events and the deltas they carry.

mod account;
mod event;
pub mod merges;
mod message;

pub use account::{Account, Delta, MAX_BALANCE, MAX_DELTA};
#[cfg(feature = "commands")]
pub(crate) use event::sha256_hex;
pub use event::{
    bounded_seen, millis, order_key, CardId, CustomerId, DeviceId, Event, EventBody, EventId, Item,
    Profile, Role, Shortfall, SignatureVersion, StaffId,
};
pub use message::{Arg, Message};
