//! Reports after close, computed on the till from its ledger (after sync, every
//! till's ledger), offline: the command line and the screens show the same
//! numbers from the same code. Each report is a pure function of the events
//! it is handed and the shop's settings, so it is tested against hand
//! computations without a store; the command layer reads the events.

pub mod breakage;
pub mod close;
pub mod cohorts;
pub mod csv;
pub mod goals;
pub mod kpis;
pub mod liability;
pub mod offers;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod segments;
pub mod table;

pub use breakage::{breakage_of, BREAKAGE};
pub use close::{
    close_of, Adjustment, Balances, CashbackFlow, CloseSettings, DailyClose, HourLine,
    OwnCustomerRedemptions, PointsAboveVisits, RewardCount, Shop, StaffHistory, StaffLine, Unusual,
    VoidLine,
};
pub use cohorts::{cohort_table, cohorts_of, cohorts_span, Cohort, COHORT_MONTHS};
pub use csv::to_csv;
pub use goals::{
    goal_tables, goals_of, goals_span, reading_days, GoalProgress, GoalReading, GoalStatus, GoalsOf,
};
pub use kpis::{
    kpis_of, rewards_of, span_of, DayLine, Kpi, KpiUnit, KpiValue, Kpis, Period, RewardPopularity,
};
pub use liability::{
    liability_of, Liability, LiabilityKind, LiabilityLine, LiabilityOf, Total, Valuation, AGES,
};
pub use offers::{
    offers_of, Group, OfferResult, OfferResults, OffersOf, SpendUplift, Uplift, VisitsUplift,
    MIN_DAYS, MIN_GROUP,
};
#[cfg(feature = "pdf")]
pub use pdf::{to_pdf, PdfError, Sheet};
pub use segments::{
    segments_of, AtRiskCustomer, ScoreBand, ScoreRange, Segment, SegmentMove, SegmentRules,
    SegmentSize, Segments, SegmentsOf, SizesOn, SEGMENTS,
};
pub use table::{Cell, Table};

use std::collections::HashMap;

use crate::ledger::CustomerId;

/// The customer `customer` counts as in a report: the one it was merged
/// into, followed to the end of a chain of merges (`merged`: each
/// merged-away record's survivor).
pub(crate) fn survivor(
    merged: &HashMap<CustomerId, CustomerId>,
    customer: &CustomerId,
) -> CustomerId {
    let mut c = *customer;
    // A chain of merges ends; the bound keeps a corrupt cycle from hanging.
    for _ in 0..16 {
        match merged.get(&c) {
            Some(next) => c = *next,
            None => break,
        }
    }
    c
}
