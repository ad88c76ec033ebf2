//! The command layer: every action a till screen or the command line can ask
//! for, and every read they show. The CLI and the desktop app call this and
//! nothing else of the engine's write paths, so neither grows its own copy of
//! the till's logic: requests come as data ([`request`]), parsed and checked
//! here (money as decimals in the shop's currency, dates, accounts), and the
//! answers are serialisable. SQL stays in [`crate::store`]; this layer only
//! turns requests into the store's typed calls.

#[cfg(feature = "ts")]
pub mod bindings;
#[cfg(feature = "print")]
mod cards;
mod corrections;
mod customers;
#[cfg(all(feature = "demo", feature = "print", feature = "scan"))]
mod demo_shop;
mod examples;
mod lookup;
mod maintenance;
#[cfg(feature = "sync")]
mod pairing;
mod redeem;
#[cfg(feature = "sync")]
mod refused;
#[cfg(feature = "pdf")]
mod report_pdf;
mod reports;
pub mod request;
mod sale;
#[cfg(feature = "scan")]
mod scanning;
mod session;
mod shop;
mod staff;
#[cfg(any(test, feature = "testing"))]
pub mod typed;
mod visit;

use std::path::Path;
use std::sync::Arc;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::error::{EngineError, Result};
use crate::ledger::CustomerId;
use crate::staff::Permission;
use crate::store::Store;
use crate::till::{Ctx, Decision, Outcome};

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
#[cfg(feature = "pdf")]
pub use report_pdf::{PdfFile, ReportOf, ReportPdf};
pub use reports::{
    CloseOfDay, CloseTableFile, CloseView, KpisOver, KpisTableFile, LiabilityTableFile,
    LiabilityView, OffersTableFile, OffersView, ReportFile, SegmentsBy, SegmentsTableFile,
    SegmentsView,
};
pub use request::*;
pub use sale::{OfferNow, SaleItem, SaleSheet};
#[cfg(feature = "scan")]
pub use scanning::{
    CameraChoice, CameraNow, CameraOverview, CameraSetting, CameraState, FrameSourceChoice,
    ScanNotice, Wedge, CAMERA_RESOLUTIONS,
};
pub use session::{SignInIdle, MAX_IDLE_MINUTES};
pub use staff::{AuditLine, SignedIn, StaffList};

/// The till, as the screens and the command line see it: with nobody signed
/// in, or as the staff member [`Commands::sign_in`] answered for. Every action
/// checks the permission table first (`crate::staff::Permission`).
#[derive(Clone)]
pub struct Commands {
    store: Store,
    signed_in: Option<SignedIn>,
    /// When whoever is signed in last used the till (see `session`).
    last_use: Option<session::LastUse>,
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
            last_use: None,
        }
    }

    /// Resolves who a request is for. A typed code two customers' cards share
    /// is refused as ambiguous with every match listed (see
    /// [`Commands::lookup_typed_code`]), never guessed.
    fn customer_of(&self, who: &CustomerRef) -> Result<CustomerId> {
        customer_in(&self.store.conn(), who)
    }

    /// Runs an action, the one way anything is recorded: in one transaction,
    /// who is signed in is checked for `permission`, the idempotency key
    /// against the request's fingerprint, then `decide` reads what it needs
    /// and says what to record. Anything refused changes nothing.
    fn act(
        &self,
        permission: Permission,
        action: &str,
        request: &(impl serde::Serialize + HasKey),
        decide: impl FnOnce(&Ctx<'_>) -> Result<Decision>,
    ) -> Result<Outcome> {
        self.store.act(
            key_of(request.key()),
            |conn| self.authorise_on(conn, permission),
            || crate::idempotency::of_request(action, request),
            decide,
        )
    }
}

/// Who a request is for, read on `conn` (an action's own transaction).
fn customer_in(conn: &Connection, who: &CustomerRef) -> Result<CustomerId> {
    match who {
        CustomerRef::Card(text) => {
            let card = crate::store::find_card_in(conn, text)?;
            crate::store::customer_by_card_in(conn, card)
        }
        CustomerRef::Customer(id) => Ok(*id),
    }
}

/// A request that may carry an idempotency key.
trait HasKey {
    fn key(&self) -> &Option<String>;
}

macro_rules! has_key {
    ($($request:ty),*) => {
        $(impl HasKey for $request {
            fn key(&self) -> &Option<String> {
                &self.key
            }
        })*
    };
}

has_key!(
    PublishProgram,
    Enrol,
    UpdateProfile,
    RecordVisit,
    Redeem,
    SpendCashback,
    Void,
    Adjust,
    Subscribe,
    Donate,
    ReplaceCard,
    Merge,
    Erase
);

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
