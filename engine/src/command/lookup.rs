//! What the screens read: the shop, a customer by card, id, typed code, phone
//! or name, and one customer's data for export.

use crate::staff::Permission;
use serde::Serialize;

use super::request::{CustomerRef, FindCustomers};
use super::{invalid, Commands};
use crate::error::Result;
use crate::ledger::{CustomerId, DeviceId};
use crate::store::{CustomerRecord, CustomerSummary};

/// Longest list a lookup gives: a short list at the counter, not the town.
const MAX_FOUND: u32 = 100;
/// The list's length when the request does not say.
const DEFAULT_FOUND: u32 = 20;

/// The shop this till serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShopInfo {
    /// The shop's name.
    pub shop_name: String,
    /// ISO currency code.
    pub currency: String,
    /// The number of decimals its amounts have.
    pub currency_decimals: u8,
    /// IANA time zone.
    pub timezone: String,
    /// Local hour the business day starts.
    pub day_starts_at: u32,
    /// This till's device id.
    pub device: DeviceId,
    /// True while nobody is on the staff: anyone may do anything, no sign-in.
    pub runs_open: bool,
}

/// A customer found from a card held up to the camera or a scanner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScannedCustomer {
    /// The card read (its 32-digit number).
    pub card: String,
    /// The customer, with balances and what they can redeem now.
    pub customer: CustomerSummary,
}

/// What a screen needs to know first: which screen to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TillOverview {
    /// The shop, or none before set-up (the first-run screen).
    pub shop: Option<ShopInfo>,
    /// Who is signed in here (none once they were signed out for leaving the
    /// till unused).
    pub signed_in: Option<super::SignedIn>,
    /// When that sign-in ends unless the till is used before: the screen
    /// looks again then.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub signed_in_until: Option<chrono::DateTime<chrono::Utc>>,
    /// Who was signed out for leaving the till unused (the sign-in screen
    /// says so; a sale in progress stays for whoever signs in).
    pub signed_out_idle: Option<String>,
    /// After how long unused a sign-in ends on this till.
    pub sign_in_idle: super::SignInIdle,
    /// The sign-in list; `runs_open` when nobody needs to sign in.
    pub staff: super::StaffList,
    /// What whoever is signed in may do here (everything while the till runs
    /// open): the screens offer what this allows and ask nothing else.
    #[cfg_attr(feature = "ts", ts(type = "Permission[]"))]
    pub permissions: Vec<crate::staff::Permission>,
}

impl Commands {
    /// The shop, who is signed in and the sign-in list.
    pub fn overview(&self) -> Result<TillOverview> {
        let shop = match self.shop_info() {
            Ok(shop) => Some(shop),
            Err(crate::error::EngineError::NotInitialised) => None,
            Err(e) => return Err(e),
        };
        let signed_out_idle = self.signed_out_idle()?;
        Ok(TillOverview {
            shop,
            signed_in: self
                .signed_in()
                .filter(|_| signed_out_idle.is_none())
                .cloned(),
            signed_in_until: self.signed_in_until()?,
            signed_out_idle,
            sign_in_idle: self.sign_in_idle()?,
            staff: self.staff()?,
            permissions: self.permissions()?,
        })
    }

    /// The shop and this till; `till.not_initialised` before set-up.
    pub fn shop_info(&self) -> Result<ShopInfo> {
        let location = self.store.location()?;
        Ok(ShopInfo {
            shop_name: location.shop_name.clone(),
            currency: location.currency.code().to_string(),
            currency_decimals: location.currency.exponent(),
            timezone: location.timezone.name().to_string(),
            day_starts_at: location.day_starts_at_hour,
            device: self.store.device()?,
            runs_open: self.runs_open(&*self.store.roster()?)?,
        })
    }

    /// A customer with balances, tier, rewards available and conflicts.
    pub fn customer(&self, who: &CustomerRef) -> Result<CustomerSummary> {
        let id = self.customer_of(who)?;
        self.store.customer(id)
    }

    /// The customer a scanned code belongs to: the code is checked (signature,
    /// shop, revoked or replaced card) and refused with its own error code.
    pub fn scan(&self, text: &str) -> Result<ScannedCustomer> {
        let card = self.store.find_card(text)?;
        let id = self.store.customer_by_card(card)?;
        Ok(ScannedCustomer {
            card: card.to_string(),
            customer: self.store.customer(id)?,
        })
    }

    /// Every customer whose card carries this typed code: normally one, more
    /// when two tills issued colliding codes offline (the screen offers each).
    pub fn lookup_typed_code(&self, code: &str) -> Result<Vec<CustomerRecord>> {
        self.store.customers_by_typed_code(code)
    }

    /// Customers by phone or part of a name, a short list.
    pub fn find_customers(&self, request: &FindCustomers) -> Result<Vec<CustomerRecord>> {
        let limit = request.limit.unwrap_or(DEFAULT_FOUND);
        if limit == 0 || limit > MAX_FOUND {
            return Err(invalid(
                "limit",
                format!("ask for 1 to {MAX_FOUND} customers"),
            ));
        }
        self.store.find_customers(&request.query, i64::from(limit))
    }

    /// One customer's data (record, balances, every event about them) as JSON,
    /// for a data-access request.
    pub fn export_customer(&self, who: &CustomerRef) -> Result<serde_json::Value> {
        self.authorise(Permission::Export)?;
        let id: CustomerId = self.customer_of(who)?;
        let data = self.store.export_customer(id)?;
        self.store
            .note_manager_action("export", &format!("exported customer {id}"))?;
        Ok(data)
    }
}
