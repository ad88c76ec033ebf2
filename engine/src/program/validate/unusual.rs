//! `[unusual]`: the thresholds of the daily close's unusual activity, kept
//! in the program so every till lists the same and only a manager changes them.

use super::Checker;
use crate::program::file::UnusualFile;
use crate::program::model::UnusualRules;

/// `[unusual]`, each threshold within its bounds; the defaults where a
/// threshold (or the section) is not written.
pub(super) fn unusual(c: &mut Checker, table: &toml::Table) -> UnusualRules {
    let rules = UnusualRules::default();
    let Some(value) = table.get("unusual") else {
        return rules;
    };
    let Some(u) = c.part::<UnusualFile>("unusual", value) else {
        return rules;
    };
    let mut bounded = |key: &str, value: Option<i64>, default: u32, min: i64, max: i64| match value
    {
        None => default,
        Some(v) if (min..=max).contains(&v) => u32::try_from(v).unwrap_or(default),
        Some(v) => {
            c.err(
                format!("unusual.{key}"),
                format!("must be between {min} and {max}, not {v}"),
            );
            default
        }
    };
    UnusualRules {
        actions_per_customer: bounded(
            "actions_per_customer",
            u.actions_per_customer,
            rules.actions_per_customer,
            1,
            1000,
        ),
        own_customer_redemptions: bounded(
            "own_customer_redemptions",
            u.own_customer_redemptions,
            rules.own_customer_redemptions,
            1,
            1000,
        ),
        own_customer_days: bounded(
            "own_customer_days",
            u.own_customer_days,
            rules.own_customer_days,
            1,
            365,
        ),
        // Above 100 %: at 100 % everyone issuing more than their share would be listed.
        points_share_percent: bounded(
            "points_share_percent",
            u.points_share_percent,
            rules.points_share_percent,
            101,
            10_000,
        ),
        points_share_minimum: bounded(
            "points_share_minimum",
            u.points_share_minimum,
            rules.points_share_minimum,
            1,
            1_000_000,
        ),
    }
}
