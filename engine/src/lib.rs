//! Counterpart's loyalty engine: money and time, programs, the offline ledger,
//! the SQLite store and the rules that turn a visit into points, stamps and
//! rewards. No Tauri here: the app, the command line and the cloud server all
//! stand on this crate.

// The cloud server builds this crate without the command layer: it uses the
// ledger, the protocol and the rules, and the till's own writes in the store
// go unused there.
#![cfg_attr(not(feature = "commands"), allow(dead_code))]

/// A store's infrastructure write (setting a till up, what sync brings in and
/// sends out, rebuild, backup): reached by the app and the command line only
/// through `Commands` and the sync client, so it is crate-private; tests and
/// benches (feature `testing`) call it directly to play another till or the
/// server. One body either way.
macro_rules! infrastructure {
    ($(#[$meta:meta])* fn $($rest:tt)*) => {
        #[cfg(feature = "testing")]
        $(#[$meta])*
        pub fn $($rest)*
        #[cfg(not(feature = "testing"))]
        $(#[$meta])*
        pub(crate) fn $($rest)*
    };
}

pub mod card_code;
pub mod clock;
#[cfg(feature = "commands")]
pub mod command;
#[cfg(feature = "demo")]
pub mod demo;
pub mod error;
#[cfg(feature = "i18n")]
pub mod i18n;
#[cfg(feature = "commands")]
mod idempotency;
pub mod ids;
pub mod language;
pub mod ledger;
pub mod limits;
pub mod location;
pub mod money;
#[cfg(feature = "print")]
pub mod print;
pub mod program;
#[cfg(feature = "commands")]
pub mod report;
pub mod rules;
#[cfg(feature = "scan")]
pub mod scan;
pub mod staff;
pub mod store;
pub mod sync;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
#[cfg(feature = "commands")]
pub mod till;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{EngineError, Result};
pub use location::Location;
pub use store::Store;
