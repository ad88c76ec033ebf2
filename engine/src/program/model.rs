//! The checked program: every amount in minor units, every rate an integer, every
//! reference resolved. Only `validate.rs` builds one, so code that holds a
//! `Program` can trust it.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::Serialize;

use super::Name;
use crate::money::{Currency, Rounding};

/// Version of the program file format this engine reads.
pub const FORMAT_VERSION: u32 = 1;

/// A loyalty program: the rules a till applies when it records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Program {
    /// Format version of the file it came from.
    pub format: u32,
    /// The program's name, shown to staff.
    pub name: Name,
    /// The currency its amounts are in; must be the shop's.
    pub currency: Currency,
    /// Points for spend, if the program has points.
    pub points: Option<PointsRule>,
    /// Stamp cards ("buy 9, the 10th free"); several may run at once.
    pub stamp_cards: Vec<StampCard>,
    /// Tiers by visits or spend over a rolling window.
    pub tiers: Option<Tiers>,
    /// A percentage of spend into a spendable balance.
    pub cashback: Option<CashbackRule>,
    /// Grants each time lifetime spend crosses a multiple ("$5 off for every $50").
    pub milestones: Vec<Milestone>,
    /// The rewards catalogue.
    pub rewards: Vec<Reward>,
    /// Offers: multipliers, bonuses, birthday, welcome, win-back, products, coupons.
    pub offers: Vec<Offer>,
    /// Prepaid plans with an allowance per day or week.
    pub subscriptions: Vec<Plan>,
    /// Causes customers may donate points to.
    pub causes: Vec<Cause>,
    /// Points expire this many days after they were earned (oldest first), if set.
    pub points_expire_after_days: Option<u32>,
    /// Sanity limits on what a till accepts.
    pub limits: Limits,
    /// How much a till may let a customer redeem while it has not synced for a while.
    pub offline: Option<OfflineAllowance>,
    /// Targets the manager set on the reports' KPIs, tracked on the KPI screen.
    pub goals: Vec<Goal>,
    /// What the daily close lists as unusual activity.
    pub unusual: UnusualRules,
}

/// "$1 = 1 point".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointsRule {
    /// Points earned per `per_minor` of spend.
    pub earn: i64,
    /// The spend, in minor units, that earns `earn` points.
    pub per_minor: i64,
    /// How fractions of a point are rounded.
    pub rounding: Rounding,
    /// No points below this check amount (minor units).
    pub minimum_spend: i64,
}

/// How a stamp card counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StampPer {
    /// One stamp per qualifying visit.
    Visit,
    /// One stamp per qualifying item (quantity counts).
    Item,
}

/// A stamp card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StampCard {
    /// Stable id, used in balances (`stamps:<id>`).
    pub id: String,
    /// Name shown to staff.
    pub name: Name,
    /// Stamps that fill the card.
    pub stamps: i64,
    /// The reward a full card unlocks (a voucher).
    pub reward: String,
    /// Per visit or per item.
    pub per: StampPer,
    /// Qualifying products; with `categories`, both empty means every visit qualifies.
    pub products: Vec<String>,
    /// Qualifying categories.
    pub categories: Vec<String>,
    /// At most this many stamps per business day, if set.
    pub max_per_day: Option<i64>,
}

impl StampCard {
    /// True when every visit qualifies, whatever was bought.
    pub fn any_visit(&self) -> bool {
        self.products.is_empty() && self.categories.is_empty()
    }
}

/// What tiers are measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TierBasis {
    /// Number of visits in the window.
    Visits,
    /// Spend (minor units) in the window.
    Spend,
}

/// Tiers over a rolling window. A tier is recomputed from the window, so it lapses
/// by itself when qualifying visits leave the window: no till writes a lapse.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tiers {
    /// Visits or spend.
    pub basis: TierBasis,
    /// The window, in business days, ending today.
    pub window_days: u32,
    /// Levels, lowest threshold first.
    pub levels: Vec<TierLevel>,
}

/// One tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierLevel {
    /// Stable id.
    pub id: String,
    /// Name shown to staff.
    pub name: Name,
    /// Visits, or minor units of spend, in the window needed to hold this tier.
    pub from: i64,
    /// Points multiplier in hundredths (150 = ×1.5).
    pub multiplier: i64,
    /// Perks shown to staff ("free oat milk").
    pub perks: Vec<Name>,
}

/// Cashback into a spendable balance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CashbackRule {
    /// Percent of spend in hundredths of a percent (500 = 5 %).
    pub percent_hundredths: i64,
    /// No cashback below this check amount (minor units).
    pub minimum_spend: i64,
    /// How fractions of a minor unit are rounded.
    pub rounding: Rounding,
}

/// What a milestone or an offer grants.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grant {
    /// Money into the cashback balance (minor units).
    Credit(i64),
    /// A voucher for a reward.
    Reward(String),
    /// Bonus points.
    Points(i64),
}

/// "$5 off for every $50" of lifetime spend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    /// Stable id.
    pub id: String,
    /// Spend (minor units) per grant.
    pub every: i64,
    /// What each crossing grants.
    pub grant: Grant,
}

/// What a reward costs when no voucher or plan covers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RewardCost {
    /// Only given through a voucher (a full stamp card, a birthday) or a plan.
    VoucherOnly,
    /// Points.
    Points(i64),
    /// Cashback balance, minor units.
    Cashback(i64),
}

/// An entry of the rewards catalogue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reward {
    /// Stable id.
    pub id: String,
    /// Name shown to staff.
    pub name: Name,
    /// What it costs.
    pub cost: RewardCost,
    /// Lowest tier that may redeem it.
    pub min_tier: Option<String>,
    /// Available between these business dates (inclusive).
    pub period: DateRange,
    /// At most once per customer.
    pub once_per_customer: bool,
    /// What giving it costs the shop (ingredients, the cup), minor units: the
    /// liability report values outstanding balances with it.
    pub shop_cost: Option<i64>,
    /// What it sells for on the menu (its standalone selling price), minor
    /// units: the liability report's deferral uses it.
    pub menu_price: Option<i64>,
}

/// Inclusive business-date range; open ends are unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateRange {
    /// First date, if any.
    pub starts: Option<NaiveDate>,
    /// Last date, if any.
    pub ends: Option<NaiveDate>,
}

impl DateRange {
    /// True when `date` is inside the range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.starts.is_none_or(|s| date >= s) && self.ends.is_none_or(|e| date <= e)
    }
}

/// The mechanics an offer can have.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    /// Points multiplier while the offer's day and time conditions hold.
    Multiplier,
    /// A flat bonus on every qualifying visit.
    Bonus,
    /// Once a year, on a visit within `window_days` of the birthday.
    Birthday {
        /// Days either side of the birthday.
        window_days: i64,
    },
    /// Once, when the customer enrols.
    Welcome,
    /// On the first visit after `after_days` or more away.
    Winback {
        /// Days away that qualify.
        after_days: i64,
    },
    /// Per qualifying item bought.
    Product {
        /// Qualifying products.
        products: Vec<String>,
        /// Qualifying categories.
        categories: Vec<String>,
    },
    /// When the code is given with the visit.
    Coupon {
        /// The code, upper-case.
        code: String,
        /// Uses allowed in total (counted on this till's view of the ledger).
        max_uses: Option<i64>,
        /// Uses allowed per customer.
        max_uses_per_customer: Option<i64>,
    },
}

/// An offer: a mechanic, what it gives, and when and to whom it applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Offer {
    /// Stable id.
    pub id: String,
    /// Name shown to staff and in explanations.
    pub name: Name,
    /// The mechanic.
    pub kind: OfferKind,
    /// Points multiplier in hundredths (only for multipliers and coupons).
    pub multiplier: Option<i64>,
    /// What it grants besides a multiplier.
    pub grant: Option<Grant>,
    /// Business weekdays it runs on; empty means every day.
    pub days: Vec<Weekday>,
    /// Local time window `[from, until)`; none means all day.
    pub hours: Option<(NaiveTime, NaiveTime)>,
    /// Campaign dates.
    pub period: DateRange,
    /// Only customers carrying one of these tags; empty means everyone.
    pub tags: Vec<String>,
    /// The share of its eligible customers (0–50 %) held out to measure what
    /// the offer changes: they never get it, at any till.
    pub holdout_percent: u8,
}

impl Offer {
    /// True when `customer` is in the offer's held-out group. The group is
    /// drawn by a hash of the offer's id and the customer's, so every till
    /// agrees offline, and a customer stays in it for the offer's life.
    pub fn holds_out(&self, customer: crate::ledger::CustomerId) -> bool {
        self.holdout_percent > 0 && holdout_bucket(&self.id, customer) < self.holdout_percent
    }
}

/// A customer's place, 0 to 99, in an offer's draw: the first eight bytes of
/// SHA-256 over the offer's id and the customer's, taken modulo 100 (the
/// bias of a 64-bit number modulo 100 is below 10⁻¹⁷).
pub fn holdout_bucket(offer: &str, customer: crate::ledger::CustomerId) -> u8 {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"counterpart holdout\0");
    h.update(offer.as_bytes());
    h.update(b"\0");
    h.update(customer.as_bytes());
    let digest = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    // Below 100, so it fits.
    (u64::from_be_bytes(first) % 100) as u8
}

/// Day or week allowance of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanPeriod {
    /// Per business day.
    Day,
    /// Per ISO week of business days (Monday to Sunday).
    Week,
}

/// A prepaid subscription plan ("coffee club: one drink a day for 30 days").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Stable id.
    pub id: String,
    /// Name shown to staff.
    pub name: Name,
    /// Price in minor units.
    pub price: i64,
    /// Rewards allowed per period.
    pub allowance: i64,
    /// The period.
    pub period: PlanPeriod,
    /// Days the plan runs from purchase.
    pub valid_days: i64,
    /// The reward the allowance covers.
    pub covers: String,
}

/// A cause customers may donate points to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cause {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Name,
}

/// Sanity limits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Limits {
    /// Largest check amount a till accepts (minor units).
    pub max_visit_amount: i64,
    /// Most items on one visit.
    pub max_items: i64,
    /// A visit without a purchase (amount 0) counts: a shop whose stamps are
    /// for coming in, not for spending. Off by default, so a slipped Enter on
    /// an empty amount earns nothing.
    pub visits_without_purchase: bool,
}

/// What a till may let a customer take out of each balance while it has not
/// synced for a while: two tills cut off from each other could otherwise both
/// spend all of it. A balance without a limit here has none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfflineAllowance {
    /// After this many hours without a sync, the limits apply.
    pub unsynced_after_hours: i64,
    /// Points one customer may redeem (or give away) on this till while unsynced.
    pub max_points_redeemed: Option<i64>,
    /// Cashback (minor units) one customer may spend on this till while unsynced.
    pub max_cashback_redeemed: Option<i64>,
    /// Vouchers (of any reward) one customer may use on this till while unsynced.
    pub max_vouchers_redeemed: Option<i64>,
}

impl Program {
    /// The reward with this id.
    pub fn reward(&self, id: &str) -> Option<&Reward> {
        self.rewards.iter().find(|r| r.id == id)
    }

    /// The plan with this id.
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.subscriptions.iter().find(|p| p.id == id)
    }

    /// The cause with this id.
    pub fn cause(&self, id: &str) -> Option<&Cause> {
        self.causes.iter().find(|c| c.id == id)
    }

    /// The stamp card with this id.
    pub fn stamp_card(&self, id: &str) -> Option<&StampCard> {
        self.stamp_cards.iter().find(|c| c.id == id)
    }

    /// The tier held with `measure` visits or spend in the window.
    pub fn tier_for(&self, measure: i64) -> Option<&TierLevel> {
        self.tiers
            .as_ref()
            .and_then(|t| t.levels.iter().rev().find(|l| measure >= l.from))
    }
}

/// A KPI a goal may be set on: those measured over a window of days that can
/// be moved along a goal's dates (the historical lifetime value is measured
/// up to a day, not over a window, so it takes no goal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKpi {
    /// Customers with two visits or more in the window, of those who came.
    RepeatCustomerRate,
    /// Of the customers active in the window before, the share active in this one.
    Retention,
    /// Visits per customer who came.
    VisitFrequency,
    /// A member visit's average amount.
    AverageCheck,
    /// Points redeemed ÷ points issued.
    RedemptionRate,
    /// New members of the customers served.
    EnrolmentRate,
    /// Average check × visits per window × the windows a customer stays.
    ClvPredicted,
}

/// What a goal's KPI measures, so its target is read in the right unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalMeasure {
    /// A share from 0 to 1.
    Share,
    /// A positive number (visits per customer).
    Ratio,
    /// An amount of the program's currency.
    Money,
}

impl GoalKpi {
    /// Every KPI a goal may be set on.
    pub const ALL: [GoalKpi; 7] = [
        GoalKpi::RepeatCustomerRate,
        GoalKpi::Retention,
        GoalKpi::VisitFrequency,
        GoalKpi::AverageCheck,
        GoalKpi::RedemptionRate,
        GoalKpi::EnrolmentRate,
        GoalKpi::ClvPredicted,
    ];

    /// The KPI's id, as the reports give it (`repeat_customer_rate`).
    pub fn id(self) -> &'static str {
        match self {
            GoalKpi::RepeatCustomerRate => "repeat_customer_rate",
            GoalKpi::Retention => "retention",
            GoalKpi::VisitFrequency => "visit_frequency",
            GoalKpi::AverageCheck => "average_check",
            GoalKpi::RedemptionRate => "redemption_rate",
            GoalKpi::EnrolmentRate => "enrolment_rate",
            GoalKpi::ClvPredicted => "clv_predicted",
        }
    }

    /// What it measures.
    pub fn measure(self) -> GoalMeasure {
        match self {
            GoalKpi::VisitFrequency => GoalMeasure::Ratio,
            GoalKpi::AverageCheck | GoalKpi::ClvPredicted => GoalMeasure::Money,
            _ => GoalMeasure::Share,
        }
    }
}

/// Where a goal wants its KPI to be by its date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalTarget {
    /// A change, in percent, from the KPI's value over the window that ends
    /// the day before the goal starts ("+20 % repeat customers").
    ChangePercent(i64),
    /// A value: a share (0 to 1) or a ratio.
    Number(f64),
    /// An amount, in minor units of the program's currency.
    Money(i64),
}

/// "+20 % repeat customers by June": a target on a KPI, from a day to a day,
/// the KPI measured over the `window_days` that end on each day it is read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    /// Stable id.
    pub id: String,
    /// Name shown to the manager.
    pub name: Name,
    /// The KPI it is set on.
    pub kpi: GoalKpi,
    /// Where the KPI should be by `by`.
    pub target: GoalTarget,
    /// The first business day of the effort (the baseline is the window before it).
    pub starts: NaiveDate,
    /// The last business day by which the target should be reached.
    pub by: NaiveDate,
    /// The days each reading of the KPI covers, 7 to 365.
    pub window_days: u16,
}

/// What the daily close lists as unusual activity (`[unusual]`; each rule
/// has a default, so a program without the section has them all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct UnusualRules {
    /// A customer with more loyalty actions than this in a business day.
    pub actions_per_customer: u32,
    /// A staff member who redeemed for a customer they enrolled more than
    /// this many times …
    pub own_customer_redemptions: u32,
    /// … over this many business days up to the day.
    pub own_customer_days: u32,
    /// A staff member whose share of the day's points is more than this
    /// many percent of their share of its visits …
    pub points_share_percent: u32,
    /// … once they issued at least this many points.
    pub points_share_minimum: u32,
}

impl Default for UnusualRules {
    fn default() -> Self {
        UnusualRules {
            actions_per_customer: 5,
            own_customer_redemptions: 2,
            own_customer_days: 30,
            points_share_percent: 200,
            points_share_minimum: 100,
        }
    }
}
