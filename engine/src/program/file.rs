//! The program file as written by people (TOML): amounts as decimal strings, rates
//! as decimals, dates and times as text. `model.rs` holds the checked form.
//! Every `name` may come with `names`, the same name in the till's other
//! languages (`names = { pl = "Dowolny napój", fr = "Une boisson au choix" }`).

use std::collections::BTreeMap;

use serde::Deserialize;

/// A date written as `"2026-12-01"` or as a TOML date `2026-12-01`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum DateText {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateText {
    pub(crate) fn as_text(&self) -> String {
        match self {
            DateText::Text(s) => s.clone(),
            DateText::Toml(d) => d.to_string(),
        }
    }
}

/// A number written bare (`10`) or as text (`"10.00"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum NumberText {
    Int(i64),
    Float(f64),
    Text(String),
}

impl NumberText {
    pub(crate) fn as_text(&self) -> String {
        match self {
            NumberText::Int(i) => i.to_string(),
            NumberText::Float(f) => f.to_string(),
            NumberText::Text(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PointsFile {
    pub earn: Option<i64>,
    pub per: Option<NumberText>,
    pub rounding: Option<String>,
    pub minimum_spend: Option<NumberText>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StampCardFile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    pub stamps: Option<i64>,
    pub reward: Option<String>,
    pub per: Option<String>,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    pub max_per_day: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TiersFile {
    pub basis: Option<String>,
    pub window_days: Option<i64>,
    #[serde(default)]
    pub levels: Vec<toml::Value>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TierLevelFile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    pub from: Option<NumberText>,
    pub multiplier: Option<f64>,
    #[serde(default)]
    pub perks: Vec<PerkFile>,
}

/// A perk written as text (`"free oat milk"`) or, to give it in other
/// languages, as `{ name = "free oat milk", names = { pl = "…" } }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum PerkFile {
    Text(String),
    Named {
        name: String,
        #[serde(default)]
        names: BTreeMap<String, String>,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CashbackFile {
    pub percent: Option<f64>,
    pub minimum_spend: Option<NumberText>,
    pub rounding: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MilestoneFile {
    pub id: Option<String>,
    pub every: Option<NumberText>,
    pub credit: Option<NumberText>,
    pub reward: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RewardFile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    pub cost_points: Option<i64>,
    pub cost_cashback: Option<NumberText>,
    pub min_tier: Option<String>,
    pub starts: Option<DateText>,
    pub ends: Option<DateText>,
    #[serde(default)]
    pub once_per_customer: bool,
    pub shop_cost: Option<NumberText>,
    pub menu_price: Option<NumberText>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OfferFile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    pub kind: Option<String>,
    pub multiplier: Option<f64>,
    pub bonus_points: Option<i64>,
    pub reward: Option<String>,
    pub days: Option<Vec<String>>,
    pub from: Option<String>,
    pub until: Option<String>,
    pub starts: Option<DateText>,
    pub ends: Option<DateText>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub window_days: Option<i64>,
    pub after_days: Option<i64>,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    pub code: Option<String>,
    pub max_uses: Option<i64>,
    pub max_uses_per_customer: Option<i64>,
    pub holdout_percent: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanFile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    pub price: Option<NumberText>,
    pub allowance: Option<i64>,
    pub period: Option<String>,
    pub valid_days: Option<i64>,
    pub covers: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CauseFile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExpiryFile {
    pub points_after_days: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LimitsFile {
    pub max_visit_amount: Option<NumberText>,
    pub max_items: Option<i64>,
    pub visits_without_purchase: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OfflineFile {
    pub unsynced_after_hours: Option<i64>,
    pub max_points_redeemed: Option<i64>,
    pub max_cashback_redeemed: Option<NumberText>,
    pub max_vouchers_redeemed: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GoalFile {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    pub kpi: Option<String>,
    pub change_percent: Option<i64>,
    pub target: Option<NumberText>,
    pub starts: Option<DateText>,
    pub by: Option<DateText>,
    pub window_days: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UnusualFile {
    pub actions_per_customer: Option<i64>,
    pub own_customer_redemptions: Option<i64>,
    pub own_customer_days: Option<i64>,
    pub points_share_percent: Option<i64>,
    pub points_share_minimum: Option<i64>,
}
