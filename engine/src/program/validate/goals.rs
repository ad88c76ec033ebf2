//! `[[goals]]`: a target on one of the reports' KPIs, from a day to a day.

use std::collections::HashSet;

use super::Checker;
use crate::program::file::{GoalFile, NumberText};
use crate::program::model::{Goal, GoalKpi, GoalMeasure, GoalTarget};

/// The days a reading covers when a goal does not say: a month.
const DEFAULT_WINDOW_DAYS: i64 = 30;
/// The longest a goal may run: ten years, as the longest KPI period.
const LONGEST_GOAL_DAYS: i64 = 3660;
/// How far a goal may ask its KPI to move, in percent.
const CHANGE_PERCENT: std::ops::RangeInclusive<i64> = -90..=1000;

/// `[[goals]]`: each goal's KPI, its target (a change from where the KPI
/// stood before the goal started, or a value in the KPI's unit), its dates
/// and the window each reading covers.
pub(super) fn goals(c: &mut Checker, table: &toml::Table) -> Vec<Goal> {
    let mut ids = HashSet::new();
    c.list::<GoalFile>(table, "goals")
        .into_iter()
        .filter_map(|(f, g)| {
            let id = c.id(&f, &g.id, &mut ids);
            let name = c.name(&f, &g.name, &g.names, &id);
            let kpi = kpi(c, &format!("{f}.kpi"), g.kpi.as_deref());
            let target = kpi.and_then(|k| target(c, &f, k, &g));
            let starts = required_date(c, &format!("{f}.starts"), &g.starts);
            let by = required_date(c, &format!("{f}.by"), &g.by);
            if let (Some(s), Some(b)) = (starts, by) {
                if b <= s {
                    c.err(format!("{f}.by"), format!("{b} is not after starts ({s})"));
                } else if (b - s).num_days() >= LONGEST_GOAL_DAYS {
                    c.err(format!("{f}.by"), "a goal runs ten years at most");
                }
            }
            let window = match g.window_days {
                None => Some(DEFAULT_WINDOW_DAYS),
                Some(d) if (7..=365).contains(&d) => Some(d),
                Some(d) => {
                    c.err(
                        format!("{f}.window_days"),
                        format!("must be between 7 and 365, not {d}"),
                    );
                    None
                }
            };
            Some(Goal {
                id,
                name,
                kpi: kpi?,
                target: target?,
                starts: starts?,
                by: by?,
                window_days: u16::try_from(window?).ok()?,
            })
        })
        .collect()
}

fn required_date(
    c: &mut Checker,
    field: &str,
    value: &Option<crate::program::file::DateText>,
) -> Option<chrono::NaiveDate> {
    if value.is_none() {
        c.err(field, "is missing");
        return None;
    }
    c.date(field, value)
}

fn kpi(c: &mut Checker, field: &str, text: Option<&str>) -> Option<GoalKpi> {
    let Some(text) = text else {
        c.err(field, "is missing");
        return None;
    };
    let found = GoalKpi::ALL.into_iter().find(|k| k.id() == text.trim());
    if found.is_none() {
        let known = GoalKpi::ALL.map(GoalKpi::id).join(", ");
        if text.trim() == "clv_historical" {
            c.err(
                field,
                format!("the historical lifetime value is not measured over a window, so it takes no goal (goals are set on {known})"),
            );
        } else {
            c.err(
                field,
                format!("`{text}` is not a KPI a goal is set on ({known})"),
            );
        }
    }
    found
}

/// Exactly one of `change_percent` and `target`, the latter in the KPI's unit.
fn target(c: &mut Checker, f: &str, kpi: GoalKpi, g: &GoalFile) -> Option<GoalTarget> {
    match (g.change_percent, &g.target) {
        (Some(_), Some(_)) => {
            c.err(
                format!("{f}.target"),
                "give either change_percent or target, not both",
            );
            None
        }
        (None, None) => {
            c.err(
                format!("{f}.target"),
                "is missing: give change_percent (a change from where the KPI stood) or target (a value)",
            );
            None
        }
        (Some(p), None) if p == 0 || !CHANGE_PERCENT.contains(&p) => {
            c.err(
                format!("{f}.change_percent"),
                format!(
                    "must be between {} and {} and not 0, not {p}",
                    CHANGE_PERCENT.start(),
                    CHANGE_PERCENT.end()
                ),
            );
            None
        }
        (Some(p), None) => Some(GoalTarget::ChangePercent(p)),
        (None, Some(value)) => {
            let field = format!("{f}.target");
            match kpi.measure() {
                GoalMeasure::Money => match c.money(&field, &Some(value.clone()), true) {
                    Some(0) => {
                        c.err(field, "must be more than 0");
                        None
                    }
                    m => m.map(GoalTarget::Money),
                },
                GoalMeasure::Share => number(c, &field, value, true),
                GoalMeasure::Ratio => number(c, &field, value, false),
            }
        }
    }
}

/// A share (0 to 1, or a percentage written `45%`) or a positive ratio.
fn number(c: &mut Checker, field: &str, value: &NumberText, share: bool) -> Option<GoalTarget> {
    let text = value.as_text();
    let trimmed = text.trim();
    let (digits, scale) = match trimmed.strip_suffix('%') {
        Some(d) if share => (d.trim(), 100.0),
        _ => (trimmed, 1.0),
    };
    let parsed = digits
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(|n| n / scale);
    match parsed {
        Some(n) if share && n > 0.0 && n <= 1.0 => Some(GoalTarget::Number(n)),
        Some(n) if !share && n > 0.0 && n <= 1000.0 => Some(GoalTarget::Number(n)),
        _ if share => {
            c.err(
                field,
                format!("`{text}` is not a share above 0 and at most 1 (0.45 or 45%)"),
            );
            None
        }
        _ => {
            c.err(
                field,
                format!("`{text}` is not a number above 0 and at most 1000"),
            );
            None
        }
    }
}
