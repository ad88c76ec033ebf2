//! The command layer: every action a till screen or the command line can ask
//! for, and every read they show. The CLI and the desktop app call this and
//! nothing else of the engine's write paths, so neither grows its own copy of
//! the till's logic: requests come as data ([`request`]), parsed and checked
//! here (money as decimals in the shop's currency, dates, accounts), and the
//! answers are serialisable. SQL stays in [`crate::store`]; this layer only
//! turns requests into the store's typed calls.

mod actions;
#[cfg(feature = "ts")]
pub mod bindings;
#[cfg(feature = "print")]
mod cards;
#[cfg(all(feature = "demo", feature = "print", feature = "scan"))]
mod demo_shop;
mod examples;
mod lookup;
mod maintenance;
#[cfg(feature = "sync")]
mod pairing;
#[cfg(feature = "sync")]
mod refused;
pub mod request;
mod sale;
#[cfg(feature = "scan")]
mod scanning;
mod staff;

use std::path::Path;
use std::sync::Arc;

use crate::clock::Clock;
use crate::error::{EngineError, Result};
use crate::ledger::CustomerId;
use crate::store::Store;

#[cfg(feature = "print")]
pub use cards::{CardSheet, CardToPrint, PrintedCard};
#[cfg(all(feature = "demo", feature = "print", feature = "scan"))]
pub use demo_shop::DemoShop;
pub use examples::ExampleProgram;
pub use lookup::{ScannedCustomer, ShopInfo, TillOverview};
#[cfg(feature = "scan")]
pub use maintenance::DecodedImage;
#[cfg(feature = "sync")]
pub use pairing::{Paired, SyncNoticeForScreen, SyncOverview};
#[cfg(feature = "sync")]
pub use refused::{RefusedBy, RefusedEvent};
pub use request::*;
pub use sale::{OfferNow, SaleItem, SaleSheet};
#[cfg(feature = "scan")]
pub use scanning::{
    CameraChoice, CameraSetting, FrameSourceChoice, ScanNotice, Wedge, CAMERA_RESOLUTIONS,
};
pub use staff::{AuditLine, SignedIn, StaffList};

/// The till, as the screens and the command line see it: with nobody signed
/// in, or as the staff member [`Commands::sign_in`] answered for. Every action
/// checks the permission table first (`crate::staff::Permission`).
#[derive(Clone)]
pub struct Commands {
    store: Store,
    signed_in: Option<SignedIn>,
}

impl std::fmt::Debug for Commands {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Commands")
            .field("signed_in", &self.signed_in)
            .finish_non_exhaustive()
    }
}

impl Commands {
    /// Opens (creating and migrating when needed) the till database at `path`.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Commands> {
        Store::open(path, clock).map(Commands::over)
    }

    /// The command layer over an open store.
    pub fn over(store: Store) -> Commands {
        Commands {
            store: store.acting_as(None),
            signed_in: None,
        }
    }

    /// Resolves who a request is for. A typed code two customers' cards share
    /// is refused as ambiguous with every match listed (see
    /// [`Commands::lookup_typed_code`]), never guessed.
    fn customer_of(&self, who: &CustomerRef) -> Result<CustomerId> {
        match who {
            CustomerRef::Card(text) => self.store.customer_by_code(text),
            CustomerRef::Customer(id) => Ok(*id),
        }
    }
}

/// An idempotency key as given: blank means none.
fn key_of(key: &Option<String>) -> Option<&str> {
    key.as_deref().map(str::trim).filter(|k| !k.is_empty())
}

/// A problem with what was asked, for the field the screen highlights.
fn invalid(field: &str, problem: impl Into<String>) -> EngineError {
    EngineError::invalid(field, problem)
}

#[cfg(test)]
mod tests;
