//! A location's time zone and business day.
//!
//! A café open until 01:00 reports that hour on the previous business day, so the
//! business date of an instant is its local date, minus one day before the close hour.

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::InvalidInput;
use crate::money::Currency;

/// Where the till stands: the shop's currency, the location's zone and close hour.
/// Read back (from the till's settings, or the server's answer when pairing)
/// through the same checks as [`Location::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LocationFields")]
pub struct Location {
    /// The shop's name, shown on screens and reports.
    pub shop_name: String,
    /// The shop's currency; programs must use the same.
    pub currency: Currency,
    /// The IANA time zone of the location, e.g. `Europe/Warsaw`.
    pub timezone: Tz,
    /// Hour (0–23, local) at which a business day starts; visits before it belong to the previous day.
    pub day_starts_at_hour: u32,
}

/// A location as written down, before it is checked.
#[derive(Deserialize)]
struct LocationFields {
    shop_name: String,
    currency: String,
    timezone: String,
    day_starts_at_hour: u32,
}

impl TryFrom<LocationFields> for Location {
    type Error = InvalidInput;

    fn try_from(f: LocationFields) -> Result<Self, InvalidInput> {
        Location::new(&f.shop_name, &f.currency, &f.timezone, f.day_starts_at_hour)
    }
}

impl Location {
    /// Builds a location, checking the zone name and the hour.
    pub fn new(
        shop_name: &str,
        currency: &str,
        timezone: &str,
        day_starts_at_hour: u32,
    ) -> Result<Self, InvalidInput> {
        let shop_name = shop_name.trim();
        if shop_name.is_empty() || shop_name.chars().count() > crate::limits::SHOP_NAME_CHARS {
            return Err(InvalidInput::new(
                "shop",
                format!(
                    "give the shop a name of 1 to {} characters",
                    crate::limits::SHOP_NAME_CHARS
                ),
            ));
        }
        let tz: Tz = timezone.parse().map_err(|_| {
            InvalidInput::new(
                "timezone",
                format!("`{timezone}` is not an IANA time zone such as Europe/Warsaw"),
            )
        })?;
        if day_starts_at_hour > 12 {
            return Err(InvalidInput::new(
                "close_hour",
                "the business day must start between 00:00 and 12:00",
            ));
        }
        Ok(Location {
            shop_name: shop_name.to_string(),
            currency: Currency::parse(currency)?,
            timezone: tz,
            day_starts_at_hour,
        })
    }

    /// The local wall-clock time of an instant.
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<Tz> {
        at.with_timezone(&self.timezone)
    }

    /// The business date an instant belongs to.
    pub fn business_date(&self, at: DateTime<Utc>) -> NaiveDate {
        let local = self.local(at);
        if local.hour() < self.day_starts_at_hour {
            local.date_naive() - Duration::days(1)
        } else {
            local.date_naive()
        }
    }

    /// The local weekday of the business date (a 00:30 visit on a late Friday night is Friday's).
    pub fn business_weekday(&self, at: DateTime<Utc>) -> Weekday {
        self.business_date(at).weekday()
    }

    /// The local time of day of an instant.
    pub fn local_time(&self, at: DateTime<Utc>) -> NaiveTime {
        self.local(at).time()
    }

    /// The first instant of a business date (the start hour on that local date). On a
    /// daylight-saving gap the first valid instant after it is used.
    pub fn business_day_start(&self, date: NaiveDate) -> DateTime<Utc> {
        let naive = date
            .and_hms_opt(self.day_starts_at_hour, 0, 0)
            .unwrap_or_default();
        let mut probe = naive;
        for _ in 0..4 {
            if let Some(t) = self.timezone.from_local_datetime(&probe).earliest() {
                return t.with_timezone(&Utc);
            }
            probe += Duration::minutes(30);
        }
        Utc.from_utc_datetime(&naive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_night_belongs_to_previous_business_day() {
        let loc = Location::new("Late Café", "USD", "America/New_York", 3).expect("location");
        // 00:30 local on 2026-03-07 (EST, UTC-5) is 05:30 UTC.
        let t = Utc
            .with_ymd_and_hms(2026, 3, 7, 5, 30, 0)
            .single()
            .expect("time");
        assert_eq!(
            loc.business_date(t),
            NaiveDate::from_ymd_opt(2026, 3, 6).expect("date")
        );
        // 03:00 local starts the new day.
        let t = Utc
            .with_ymd_and_hms(2026, 3, 7, 8, 0, 0)
            .single()
            .expect("time");
        assert_eq!(
            loc.business_date(t),
            NaiveDate::from_ymd_opt(2026, 3, 7).expect("date")
        );
    }

    #[test]
    fn rejects_bad_zone_and_hour() {
        assert!(Location::new("x", "USD", "Mars/Olympus", 0).is_err());
        assert!(Location::new("x", "USD", "UTC", 13).is_err());
        assert!(Location::new("", "USD", "UTC", 0).is_err());
    }
}
