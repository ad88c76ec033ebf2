//! Goals on the KPIs ("+20 % repeat customers by June"), tracked with their
//! trend: the KPI is read over the goal's window ending the day before the
//! goal starts (the baseline), then about weekly up to today or the goal's
//! date, each reading computed as the KPI report computes it
//! ([`super::kpis::kpis_over`], what `kpis_of` computes), so the goal's
//! numbers are the KPI screen's numbers.
//! Whether the goal is on track is the least-squares line through the
//! readings, extended to the goal's date (`docs/reports.md`).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::kpis::{kpis_over, span_of, KpiUnit, KpiValue, Kpis, Period, Read};
use super::table::{Cell, Table};
use crate::ledger::CustomerId;
use crate::location::Location;
use crate::money::{parse_minor, Currency, Money};
use crate::program::{Goal, GoalKpi, GoalMeasure, GoalTarget, Name};
use crate::store::Activity;

/// Readings a goal keeps at most: about weekly, fewer on a long goal.
const MOST_READINGS: i64 = 26;
/// The fewest readings with a value a line is drawn through.
const FEWEST_FOR_A_TREND: usize = 3;

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    /// Its first day has not come.
    NotStarted,
    /// It is set as a change, and the KPI had no value before it started.
    NoBaseline,
    /// The latest reading has no value (nothing to divide by).
    NoData,
    /// The latest reading meets the target.
    Reached,
    /// Its trend, extended to its date, meets the target.
    OnTrack,
    /// Its trend, extended to its date, falls short.
    Behind,
    /// Too few readings to draw a trend through.
    TooEarly,
    /// Its date has passed and the KPI met the target on it.
    Met,
    /// Its date has passed and the KPI fell short on it.
    Missed,
}

impl GoalStatus {
    /// Its stable id (`on_track`).
    pub fn id(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "not_started",
            GoalStatus::NoBaseline => "no_baseline",
            GoalStatus::NoData => "no_data",
            GoalStatus::Reached => "reached",
            GoalStatus::OnTrack => "on_track",
            GoalStatus::Behind => "behind",
            GoalStatus::TooEarly => "too_early",
            GoalStatus::Met => "met",
            GoalStatus::Missed => "missed",
        }
    }
}

/// One reading of a goal's KPI: over the window that ends on `day`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalReading {
    /// The window's last business day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub day: NaiveDate,
    /// The KPI over the window (null: nothing to divide by).
    pub value: Option<KpiValue>,
}

/// A goal and how it is going.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GoalProgress {
    /// The goal's id in the program.
    pub goal: String,
    /// Its name.
    pub name: Name,
    /// The KPI's id (`repeat_customer_rate`).
    pub kpi: String,
    /// What the KPI's values measure.
    pub unit: KpiUnit,
    /// Its first business day.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub starts: NaiveDate,
    /// The business day the target is for.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub by: NaiveDate,
    /// The days each reading covers.
    pub window_days: u16,
    /// The change asked for, in percent, when the goal is set as one.
    pub change_percent: Option<i64>,
    /// The KPI over the window ending the day before the goal starts.
    pub baseline: Option<KpiValue>,
    /// The value to reach (null: a change with no baseline).
    pub target: Option<KpiValue>,
    /// The latest reading's value.
    pub current: Option<KpiValue>,
    /// The trend's line at `by` (null: too few readings, or the date passed).
    pub projected: Option<KpiValue>,
    /// True when the target is above the baseline (or no baseline is known):
    /// the KPI should rise.
    pub rising: bool,
    /// Where it stands.
    pub status: GoalStatus,
    /// The readings, oldest first: the baseline, then about weekly up to
    /// today or `by`, whichever comes first.
    pub trend: Vec<GoalReading>,
}

/// The business days a goal is read on as of `as_of`: the day before it
/// starts, then every week (longer on a long goal, so at most about
/// [`MOST_READINGS`]), and the last day, today or `by`.
pub fn reading_days(goal: &Goal, as_of: NaiveDate) -> Vec<NaiveDate> {
    let Some(first) = goal.starts.pred_opt() else {
        return Vec::new();
    };
    let last = as_of.min(goal.by);
    if last < first {
        return Vec::new();
    }
    let length = (goal.by - first).num_days();
    let step = (length + MOST_READINGS - 1) / MOST_READINGS;
    let step = Duration::days(step.max(7));
    let mut days: Vec<NaiveDate> = std::iter::successors(Some(first), |d| Some(*d + step))
        .take_while(|d| *d < last)
        .collect();
    days.push(last);
    days
}

/// The business days the goals' readings need read, as of `as_of` (none
/// when no goal has a reading yet).
pub fn goals_span(goals: &[Goal], as_of: NaiveDate) -> Option<Period> {
    goals
        .iter()
        .filter_map(|g| {
            let days = reading_days(g, as_of);
            let (first, last) = (*days.first()?, *days.last()?);
            let window = Duration::days(i64::from(g.window_days) - 1);
            let from = span_of(Period {
                from: first - window,
                to: first,
            })
            .from;
            Some(Period { from, to: last })
        })
        .reduce(|a, b| Period {
            from: a.from.min(b.from),
            to: a.to.max(b.to),
        })
}

/// What the goals are read from: the shop's activity over [`goals_span`].
pub struct GoalsOf<'a> {
    /// The current business day.
    pub as_of: NaiveDate,
    /// The location whose business days and currency the KPIs use.
    pub location: &'a Location,
    /// The program the goals are of (what the KPIs value balances by).
    pub program: Option<&'a crate::program::Program>,
    /// The activity of [`goals_span`].
    pub activity: &'a Activity,
    /// Each merged-away customer's survivor.
    pub merged: &'a HashMap<CustomerId, CustomerId>,
}

/// Each goal and how it is going.
pub fn goals_of(goals: &[Goal], of: &GoalsOf) -> Vec<GoalProgress> {
    let days = ByDay::of(of);
    goals.iter().map(|g| progress_of(g, of, &days)).collect()
}

/// The activity sorted by business day once, so each reading takes only the
/// days it covers (a year-long goal's readings would otherwise each go
/// through the whole year).
struct ByDay {
    visits: Vec<crate::store::VisitRow>,
    balances: Vec<crate::store::BalanceFlow>,
    enrolled: Vec<(CustomerId, NaiveDate)>,
}

impl ByDay {
    fn of(of: &GoalsOf) -> ByDay {
        let mut visits = of.activity.visits.clone();
        visits.sort_by_key(|v| v.day);
        let mut balances = of.activity.balances.clone();
        balances.sort_by_key(|b| b.day);
        let mut enrolled: Vec<(CustomerId, NaiveDate)> = of
            .activity
            .enrolments
            .iter()
            .map(|(customer, at)| (*customer, of.location.business_date(*at)))
            .collect();
        enrolled.sort_by_key(|e| e.1);
        ByDay {
            visits,
            balances,
            enrolled,
        }
    }

    /// The KPIs of `period`, from the days it reads.
    fn kpis(&self, period: Period, of: &GoalsOf) -> Kpis {
        let span = span_of(period);
        fn within<T>(rows: &[T], span: Period, day: impl Fn(&T) -> NaiveDate) -> &[T] {
            let first = rows.partition_point(|r| day(r) < span.from);
            let after = rows.partition_point(|r| day(r) <= span.to);
            rows.get(first..after).unwrap_or(&[])
        }
        kpis_over(
            period,
            of.location.currency,
            &Read {
                visits: within(&self.visits, span, |v| v.day),
                balances: within(&self.balances, span, |b| b.day),
                enrolled: within(&self.enrolled, span, |e| e.1),
                lifetime: &of.activity.lifetime,
                program: of.program,
            },
            of.merged,
        )
    }
}

fn unit_of(kpi: GoalKpi) -> KpiUnit {
    match kpi.measure() {
        GoalMeasure::Share => KpiUnit::Fraction,
        GoalMeasure::Ratio => KpiUnit::Ratio,
        GoalMeasure::Money => KpiUnit::Money,
    }
}

/// A value as one number: a share or ratio as it is, money in minor units.
fn number_of(value: &KpiValue, currency: Currency) -> Option<f64> {
    match value {
        KpiValue::Number(x) => Some(*x),
        KpiValue::Money(text) => parse_minor(text, currency.exponent())
            .ok()
            .map(|m| m as f64),
    }
}

/// A number back as a value of `unit`: money rounded to the minor unit, a
/// share to four places (as the tables write it), a ratio to two.
fn value_of(unit: KpiUnit, x: f64, currency: Currency) -> KpiValue {
    match unit {
        KpiUnit::Money => KpiValue::Money(Money::new(x.round() as i64, currency).plain()),
        KpiUnit::Fraction => KpiValue::Number((x * 10_000.0).round() / 10_000.0),
        KpiUnit::Ratio => KpiValue::Number((x * 100.0).round() / 100.0),
    }
}

/// The KPI `id` of `kpis`.
fn kpi_in(kpis: &Kpis, id: &str) -> Option<KpiValue> {
    kpis.kpis.iter().find(|k| k.id == id)?.value.clone()
}

fn progress_of(goal: &Goal, of: &GoalsOf, days: &ByDay) -> GoalProgress {
    let currency = of.location.currency;
    let unit = unit_of(goal.kpi);
    let window = Duration::days(i64::from(goal.window_days) - 1);
    let trend: Vec<GoalReading> = reading_days(goal, of.as_of)
        .into_iter()
        .map(|day| {
            let period = Period {
                from: day - window,
                to: day,
            };
            let kpis = days.kpis(period, of);
            GoalReading {
                day,
                value: kpi_in(&kpis, goal.kpi.id()),
            }
        })
        .collect();
    let baseline = trend
        .first()
        .filter(|r| Some(r.day) == goal.starts.pred_opt())
        .and_then(|r| r.value.clone());
    let base = baseline.as_ref().and_then(|b| number_of(b, currency));
    // A share cannot pass 100 %: a change that would ask for more asks for all.
    let target = match goal.target {
        GoalTarget::ChangePercent(p) => base.map(|b| b * (1.0 + p as f64 / 100.0)),
        GoalTarget::Number(n) => Some(n),
        GoalTarget::Money(m) => Some(m as f64),
    }
    .map(|t| match unit {
        KpiUnit::Fraction => t.min(1.0),
        _ => t,
    });
    let rising = match (target, base) {
        (Some(t), Some(b)) => t >= b,
        _ => true,
    };
    // Compared as written, so a target shown as reached is reached.
    let written = |x: f64| number_of(&value_of(unit, x, currency), currency).unwrap_or(x);
    let meets = |x: f64, t: f64| {
        let (x, t) = (written(x), written(t));
        if rising {
            x >= t
        } else {
            x <= t
        }
    };
    let current = trend.last().and_then(|r| r.value.clone());
    let now = current.as_ref().and_then(|c| number_of(c, currency));
    let projected = (of.as_of < goal.by)
        .then(|| line_at(goal, &trend, currency))
        .flatten()
        .map(|x| match unit {
            KpiUnit::Fraction => x.clamp(0.0, 1.0),
            _ => x.max(0.0),
        });
    let status = if of.as_of < goal.starts {
        GoalStatus::NotStarted
    } else if let (None, GoalTarget::ChangePercent(_)) = (base, goal.target) {
        GoalStatus::NoBaseline
    } else {
        match (target, now) {
            (None, _) => GoalStatus::NoBaseline,
            (Some(_), None) => GoalStatus::NoData,
            (Some(t), Some(x)) if of.as_of >= goal.by => {
                if meets(x, t) {
                    GoalStatus::Met
                } else {
                    GoalStatus::Missed
                }
            }
            (Some(t), Some(x)) if meets(x, t) => GoalStatus::Reached,
            (Some(t), Some(_)) => match projected {
                None => GoalStatus::TooEarly,
                Some(p) if meets(p, t) => GoalStatus::OnTrack,
                Some(_) => GoalStatus::Behind,
            },
        }
    };
    GoalProgress {
        goal: goal.id.clone(),
        name: goal.name.clone(),
        kpi: goal.kpi.id().to_string(),
        unit,
        starts: goal.starts,
        by: goal.by,
        window_days: goal.window_days,
        change_percent: match goal.target {
            GoalTarget::ChangePercent(p) => Some(p),
            _ => None,
        },
        baseline,
        target: target.map(|t| value_of(unit, t, currency)),
        current,
        projected: projected.map(|p| value_of(unit, p, currency)),
        rising,
        status,
        trend,
    }
}

/// The least-squares line through the readings that have a value, at the
/// goal's date; none with fewer than [`FEWEST_FOR_A_TREND`] of them.
fn line_at(goal: &Goal, trend: &[GoalReading], currency: Currency) -> Option<f64> {
    let first = trend.first()?.day;
    let points: Vec<(f64, f64)> = trend
        .iter()
        .filter_map(|r| {
            let y = number_of(r.value.as_ref()?, currency)?;
            Some(((r.day - first).num_days() as f64, y))
        })
        .collect();
    if points.len() < FEWEST_FOR_A_TREND {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    if sxx == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let at = (goal.by - first).num_days() as f64;
    Some(mean_y + slope * (at - mean_x))
}

/// The goals as tables: one row per goal, and one per reading.
pub fn goal_tables(goals: &[GoalProgress]) -> Vec<Table> {
    let mut table = Table::new(
        "kpis-goals",
        &[
            "goal",
            "kpi",
            "baseline",
            "target",
            "current",
            "projected",
            "goal-by",
            "status",
        ],
    );
    table.rows = goals
        .iter()
        .map(|g| {
            vec![
                Cell::Name(g.name.clone()),
                Cell::Label(format!("kpi-{}", g.kpi.replace('_', "-"))),
                Kpis::cell(g.unit, &g.baseline),
                Kpis::cell(g.unit, &g.target),
                Kpis::cell(g.unit, &g.current),
                Kpis::cell(g.unit, &g.projected),
                Cell::Date(g.by.to_string()),
                Cell::Label(format!("report-goal-{}", g.status.id().replace('_', "-"))),
            ]
        })
        .collect();
    table.attention = goals
        .iter()
        .any(|g| matches!(g.status, GoalStatus::Behind | GoalStatus::Missed));
    let mut trend = Table::new("kpis-goal-trend", &["goal", "day", "value"]);
    trend.rows = goals
        .iter()
        .flat_map(|g| {
            g.trend.iter().map(|r| {
                vec![
                    Cell::Name(g.name.clone()),
                    Cell::Date(r.day.to_string()),
                    Kpis::cell(g.unit, &r.value),
                ]
            })
        })
        .collect();
    vec![table, trend]
}
