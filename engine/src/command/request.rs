//! What a screen or the command line asks for: every request deserialises from
//! a UI's JSON (unknown fields refused, so a typo in a screen is an error and not
//! a silently dropped field). Amounts are decimal strings in the program's
//! currency ("4.50"), parsed and checked here, never by the caller.

use serde::{Deserialize, Serialize};

use crate::ledger::{CustomerId, EventId, Item};

/// Who an action is for: a card as scanned or typed, or a customer id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CustomerRef {
    /// The card's QR text (`CP1.…`), the typed code under it, or its card number.
    Card(String),
    /// The customer's id.
    Customer(CustomerId),
}

/// Sets up a new till database for a shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetUpShop {
    /// The shop's name.
    pub shop: String,
    /// ISO currency code (`EUR`).
    pub currency: String,
    /// IANA time zone (`Europe/Warsaw`).
    pub timezone: String,
    /// Local hour the business day starts (a café open until 01:00 uses 3 or 4).
    pub day_starts_at: u32,
    /// The first manager; without one the till runs open (a one-person shop).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub manager: Option<FirstManager>,
    /// An example program to publish as the shop's first (its id from
    /// [`crate::command::Commands::examples_in`], `points-cafe`).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub example: Option<String>,
}

/// A customer's personal data as a form holds it: every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ProfileForm {
    /// Name.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub name: Option<String>,
    /// Phone.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub phone: Option<String>,
    /// Email.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub email: Option<String>,
    /// Birthday, `YYYY-MM-DD`.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub birthday: Option<String>,
    /// Agrees to marketing messages.
    pub marketing_consent: bool,
    /// Tags the shop uses.
    pub tags: Vec<String>,
}

/// Enrols a new customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct Enrol {
    /// What the customer gives (all of it optional: a card alone is a member).
    pub profile: ProfileForm,
    /// A pre-printed card handed over (its `CP1.` code); a new card otherwise.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub card: Option<String>,
    /// Idempotency key: the same key records once.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Changes a customer's personal data (the whole profile, as the form shows it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct UpdateProfile {
    /// The customer.
    pub customer: CustomerRef,
    /// The new profile.
    pub profile: ProfileForm,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Records a visit and what it earns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RecordVisit {
    /// The customer.
    pub customer: CustomerRef,
    /// The check's amount, a decimal in the shop's currency (`"4.50"`).
    pub amount: String,
    /// What was bought, when the program's rules look at products.
    #[serde(default)]
    pub items: Vec<Item>,
    /// A coupon code.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub coupon: Option<String>,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Redeems a reward from the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Redeem {
    /// The customer.
    pub customer: CustomerRef,
    /// The reward's id.
    pub reward: String,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Spends cashback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SpendCashback {
    /// The customer.
    pub customer: CustomerRef,
    /// How much, a decimal in the shop's currency.
    pub amount: String,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Undoes a visit, redemption, adjustment or donation (a compensating event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Void {
    /// The event to undo.
    pub event: EventId,
    /// Why.
    pub reason: String,
    /// A manager confirms leaving a balance below zero (what the event gave was
    /// spent since); it then shows below zero, flagged.
    #[serde(default)]
    pub allow_negative: bool,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// A manager's correction of a balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Adjust {
    /// The customer.
    pub customer: CustomerRef,
    /// `points`, `cashback`, `stamps:CARD` or `voucher:REWARD`.
    pub account: String,
    /// Signed amount: cashback as a decimal in the shop's currency (`"-1.50"`),
    /// the others whole numbers.
    pub amount: String,
    /// Why.
    pub reason: String,
    /// A manager confirms leaving the balance below zero.
    #[serde(default)]
    pub allow_negative: bool,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Sells a subscription plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Subscribe {
    /// The customer.
    pub customer: CustomerRef,
    /// The plan's id.
    pub plan: String,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Gives points to a cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Donate {
    /// The customer.
    pub customer: CustomerRef,
    /// The cause's id.
    pub cause: String,
    /// Points to give.
    pub points: i64,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Replaces a lost card: the old one stops working, a new one is issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReplaceCard {
    /// The card being replaced (QR text, typed code or card number).
    pub card: String,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Joins two records of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The record that is closed.
    pub from: CustomerId,
    /// The record that remains.
    pub into: CustomerId,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Erases a customer's personal data (the anonymised ledger stays).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Erase {
    /// The customer.
    pub customer: CustomerId,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Finds customers by phone or part of a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct FindCustomers {
    /// A phone number or part of a name.
    pub query: String,
    /// At most this many (default 20, at most 100): short lists at the counter.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub limit: Option<u32>,
}

/// Publishes a loyalty program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PublishProgram {
    /// The program's TOML.
    pub source: String,
    /// Idempotency key.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}

/// Pairs this till with the shop's cloud server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PairTill {
    /// The pairing code a manager showed, or the whole text of its QR
    /// (`counterpart-pair:URL#CODE`).
    pub code: String,
    /// The server's address, when the code was typed (the QR holds it).
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub server: Option<String>,
    /// A name for this till, shown to managers.
    pub name: String,
}

/// How a card's QR is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum QrFormat {
    /// Scalable, for print.
    Svg,
    /// A bitmap, for screens.
    Png,
}

/// A PIN as typed: digits. Never printed, in logs or debug output.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(type = "string"))]
pub struct Pin(pub String);

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(hidden)")
    }
}

/// The first manager, named when a new shop is set up: adding them closes the
/// till, which runs open until someone is on the staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct FirstManager {
    /// Their name on the sign-in list.
    pub name: String,
    /// Their PIN: 6 to 12 digits.
    pub pin: Pin,
}

/// Signs a staff member in on this till.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// Their id (from the sign-in list) or their name.
    pub staff: String,
    /// Their PIN.
    pub pin: Pin,
}

/// One key a keyboard-wedge scanner (or a person) typed, as the screen saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct WedgeKey {
    /// The key: one character, or `Enter`.
    pub key: String,
    /// When, in milliseconds on the screen's clock (only differences count).
    pub at_ms: f64,
}

/// Adds a staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AddStaff {
    /// Their name on the sign-in list (unique among the staff).
    pub name: String,
    /// What they may do.
    pub role: crate::ledger::Role,
    /// Their PIN: at least 4 digits for a barista, 6 for a manager.
    pub pin: Pin,
}

/// Sets a staff member's PIN (a manager's, or one's own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetPin {
    /// Their id or name.
    pub staff: String,
    /// The new PIN.
    pub pin: Pin,
    /// The PIN it replaces: needed to change one's own without a manager.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub current: Option<Pin>,
}

/// Changes a staff member's role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetRole {
    /// Their id or name.
    pub staff: String,
    /// The new role.
    pub role: crate::ledger::Role,
    /// A new PIN: needed for a promotion to manager (6 digits or more), since
    /// the till cannot tell how long the old one is.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pin: Option<Pin>,
}

/// Removes a staff member: they can no longer sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RemoveStaff {
    /// Their id or name.
    pub staff: String,
}

/// The audit of manager actions between two business dates (both included).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct AuditRange {
    /// First date, `YYYY-MM-DD` (30 days before `to` when left out).
    #[cfg_attr(feature = "ts", ts(optional))]
    pub from: Option<String>,
    /// Last date, `YYYY-MM-DD` (today when left out).
    #[cfg_attr(feature = "ts", ts(optional))]
    pub to: Option<String>,
}

/// Undoes one's own last action on this till, within two minutes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct UndoLast {
    /// Why (`undone at the till` when left out).
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reason: Option<String>,
    /// Idempotency key: a double tap undoes once.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub key: Option<String>,
}
