//! Reports for a manager (the `reports` permission): the events a report needs
//! are read here and handed to [`crate::report`], which computes it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{invalid, Commands};
use crate::error::Result;
use crate::report::{close_of, CloseSettings, DailyClose, Shop};
use crate::staff::Permission;

/// The event kinds the close reads.
const CLOSE_KINDS: &[&str] = &[
    "enrolled",
    "visit",
    "redeemed",
    "donated",
    "voided",
    "adjusted",
    "overdrawn",
];

/// Asks for the daily close of a business day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CloseOfDay {
    /// The business day, `YYYY-MM-DD`.
    pub day: String,
}

/// A business day as typed.
fn day_of(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| invalid("day", format!("`{text}` is not a date like 2026-12-05")))
}

impl Commands {
    /// The daily close of a business day, from every till's events this till
    /// has (as fresh as its last sync, which the close says).
    pub fn daily_close(&self, request: &CloseOfDay) -> Result<DailyClose> {
        self.authorise(Permission::Reports)?;
        let day = day_of(&request.day)?;
        let location = self.store.location()?;
        let next = day
            .succ_opt()
            .ok_or_else(|| invalid("day", "a day before the end of time"))?;
        let events = self.store.events_of_kinds(
            CLOSE_KINDS,
            location.business_day_start(day),
            location.business_day_start(next),
        )?;
        let ids: Vec<_> = events.iter().map(|e| e.id).collect();
        let voided = self.store.voided_among(&ids)?;
        let roster = self.store.roster()?;
        let shop = Shop {
            location: &location,
            roster: &roster,
            last_sync: self.store.last_sync()?,
        };
        Ok(close_of(
            day,
            shop,
            &events,
            &voided,
            CloseSettings::default(),
        ))
    }
}
