//! Money as integer minor units with an ISO 4217 currency code. Never floats.
//!
//! Amounts typed by people ("4.50", "12") are parsed exactly into minor units;
//! anything with more decimals than the currency has is refused, not rounded,
//! because silently rounding a typed check amount would hide a typo.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::error::InvalidInput;

pub mod written;

/// An ISO 4217 currency code with the number of decimals it uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency {
    code: [u8; 3],
    exponent: u8,
}

/// The currencies the first-run screen offers a new shop (any ISO 4217 code
/// works from the command line).
pub const OFFERED_CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "PLN", "CHF", "CAD", "AUD", "SEK", "NOK", "CZK", "JPY", "RUB",
];

/// Currencies whose minor unit is not 1/100, from ISO 4217 (the screens
/// read this table too: `CURRENCY_EXPONENTS` in `ui/src/lib/bindings.ts`).
pub fn exponent_exceptions() -> Vec<(&'static str, u8)> {
    use iso_currency::IntoEnumIterator;
    iso_currency::Currency::iter()
        .filter(|c| c.is_superseded().is_none())
        .filter_map(|c| Some((c.code(), u8::try_from(c.exponent()?).ok()?)))
        .filter(|(_, e)| *e != 2)
        .collect()
}

/// The currency each country or territory pays in, by its ISO 3166 alpha-2
/// code (`PL` → `PLN`, `FR` → `EUR`), from ISO 4217's list of users: a new
/// shop's set-up screen starts from the currency of where the till is.
pub fn region_currencies() -> std::collections::BTreeMap<String, &'static str> {
    use iso_currency::IntoEnumIterator;
    iso_currency::Currency::iter()
        .filter(|c| c.is_superseded().is_none() && !c.is_fund())
        .flat_map(|c| c.used_by())
        // A country with several (Panama: PAB and USD) pays in its own first.
        .map(|country| {
            (
                format!("{country:?}"),
                iso_currency::Currency::from(country).code(),
            )
        })
        .collect()
}

impl Currency {
    /// Parses a three-letter ISO 4217 code such as `USD`.
    pub fn parse(code: &str) -> Result<Self, InvalidInput> {
        let upper = code.trim().to_ascii_uppercase();
        let bytes = upper.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_uppercase) {
            return Err(InvalidInput::new(
                "currency",
                format!("`{code}` is not a three-letter ISO 4217 code such as USD or PLN"),
            ));
        }
        // Three letters are not yet a currency: ISO 4217 says which codes are,
        // and how many decimals each counts in. Gold, test codes and the like
        // have no minor unit and are no till's money.
        let iso = iso_currency::Currency::from_code(&upper).ok_or_else(|| {
            InvalidInput::new(
                "currency",
                format!("`{code}` is not an ISO 4217 currency code such as USD or PLN"),
            )
        })?;
        let exponent = iso
            .exponent()
            .and_then(|e| u8::try_from(e).ok())
            .filter(|_| !iso.is_fund())
            .ok_or_else(|| {
                InvalidInput::new(
                    "currency",
                    format!(
                        "`{upper}` ({}) is not money a shop takes at the till",
                        iso.name()
                    ),
                )
            })?;
        Ok(Currency {
            code: [bytes[0], bytes[1], bytes[2]],
            exponent,
        })
    }

    /// The three-letter code.
    pub fn code(&self) -> &str {
        // The bytes were checked to be ASCII uppercase when constructed.
        std::str::from_utf8(&self.code).unwrap_or("???")
    }

    /// Number of decimals of the minor unit (2 for USD, 0 for JPY).
    pub fn exponent(&self) -> u8 {
        self.exponent
    }
}

impl TryFrom<String> for Currency {
    type Error = InvalidInput;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Currency::parse(&value)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.code().to_string()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money: integer minor units of one currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    /// Minor units (cents for USD).
    pub minor: i64,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// Builds an amount from minor units.
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// Parses a decimal amount typed by a person ("4.5", "4.50", "12") exactly.
    /// Refuses more decimals than the currency has, signs other than a leading
    /// minus, thousands separators and exponents.
    pub fn parse(text: &str, currency: Currency) -> Result<Self, InvalidInput> {
        parse_minor(text, currency.exponent())
            .map(|minor| Money { minor, currency })
            .map_err(|why| InvalidInput::new("amount", format!("`{text}` {why}")))
    }

    /// The amount written with its decimals and no symbol: `4.50`.
    pub fn plain(&self) -> String {
        format_minor(self.minor, self.currency.exponent())
    }
}

/// Written in English (`$4.50`, `PLN 1,234.56`), for problems and logs;
/// a person's screen writes money in their language (`written::money`).
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&written::money(crate::language::Language::En, *self))
    }
}

/// Parses a decimal string into minor units with `exponent` decimals.
pub(crate) fn parse_minor(text: &str, exponent: u8) -> Result<i64, &'static str> {
    let t = text.trim();
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if body.is_empty() {
        return Err("is not an amount");
    }
    let (whole, frac) = match body.split_once('.') {
        Some((w, f)) => (w, f),
        None => (body, ""),
    };
    if whole.is_empty() && frac.is_empty() {
        return Err("is not an amount");
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err("is not an amount: use digits and one decimal point, like 4.50");
    }
    if frac.len() > usize::from(exponent) {
        return Err(if exponent == 0 {
            "has decimals, but this currency has none"
        } else {
            "has more decimals than the currency allows"
        });
    }
    let scale = 10i64.pow(u32::from(exponent));
    let whole_v: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| "is too large")?
    };
    let mut frac_v: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| "is not an amount")?
    };
    for _ in frac.len()..usize::from(exponent) {
        frac_v *= 10;
    }
    let minor = whole_v
        .checked_mul(scale)
        .and_then(|v| v.checked_add(frac_v))
        .ok_or("is too large")?;
    Ok(if negative { -minor } else { minor })
}

/// Writes minor units as a decimal string.
pub(crate) fn format_minor(minor: i64, exponent: u8) -> String {
    if exponent == 0 {
        return minor.to_string();
    }
    let scale = 10i64.pow(u32::from(exponent));
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let scale_u = scale.unsigned_abs();
    format!(
        "{sign}{}.{:0width$}",
        abs / scale_u,
        abs % scale_u,
        width = usize::from(exponent)
    )
}

/// How a fractional result is turned into a whole number of points or minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Towards zero: 4.99 points is 4 points. The usual loyalty rule.
    #[default]
    Down,
    /// Half away from zero: 4.5 is 5.
    Nearest,
    /// Away from zero: 4.01 is 5.
    Up,
}

impl Rounding {
    /// `numerator / denominator` rounded by this rule, for non-negative inputs and a positive denominator.
    pub fn divide(self, numerator: i128, denominator: i128) -> i64 {
        debug_assert!(denominator > 0);
        let q = numerator.div_euclid(denominator);
        let r = numerator.rem_euclid(denominator);
        let v = match self {
            Rounding::Down => q,
            Rounding::Up => {
                if r > 0 {
                    q + 1
                } else {
                    q
                }
            }
            Rounding::Nearest => {
                if r * 2 >= denominator {
                    q + 1
                } else {
                    q
                }
            }
        };
        i64::try_from(v).unwrap_or(i64::MAX)
    }
}

impl FromStr for Rounding {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "down" => Ok(Rounding::Down),
            "nearest" => Ok(Rounding::Nearest),
            "up" => Ok(Rounding::Up),
            _ => Err(InvalidInput::new("rounding", "use down, nearest or up")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::parse("usd").expect("usd")
    }

    #[test]
    fn each_country_pays_in_its_own_currency() {
        let by_region = region_currencies();
        for (region, code) in [
            ("PL", "PLN"),
            ("FR", "EUR"),
            ("RU", "RUB"),
            ("US", "USD"),
            ("GB", "GBP"),
            ("CA", "CAD"),
            ("CH", "CHF"),
            ("BE", "EUR"),
            ("PA", "PAB"),
        ] {
            assert_eq!(by_region.get(region).copied(), Some(code), "{region}");
        }
        // Every one is a currency a shop may be set up in.
        for code in by_region.values() {
            assert!(Currency::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn parses_typed_amounts_exactly() {
        assert_eq!(Money::parse("4.5", usd()).map(|m| m.minor), Ok(450));
        assert_eq!(Money::parse("4.50", usd()).map(|m| m.minor), Ok(450));
        assert_eq!(Money::parse("12", usd()).map(|m| m.minor), Ok(1200));
        assert_eq!(Money::parse(".25", usd()).map(|m| m.minor), Ok(25));
        assert_eq!(Money::parse("-3.10", usd()).map(|m| m.minor), Ok(-310));
        let yen = Currency::parse("JPY").expect("jpy");
        assert_eq!(Money::parse("480", yen).map(|m| m.minor), Ok(480));
        assert!(Money::parse("4.5", yen).is_err());
    }

    #[test]
    fn refuses_garbage() {
        for bad in [
            "",
            "abc",
            "4.505",
            "1,000",
            "1e3",
            "4..5",
            "--1",
            "99999999999999999999",
            ".",
        ] {
            assert!(Money::parse(bad, usd()).is_err(), "{bad:?} was accepted");
        }
        assert!(Currency::parse("US").is_err());
        assert!(Currency::parse("U1D").is_err());
    }

    #[test]
    fn a_currency_is_an_iso_4217_code_with_its_own_decimals() {
        // Three letters are not enough: `init --currency XYZ` set a shop up once.
        let e = Currency::parse("XYZ").expect_err("not a currency");
        assert_eq!(e.field, "currency");
        assert!(e.problem.contains("ISO 4217"), "{}", e.problem);
        // Gold and funds are ISO codes but no till's money.
        assert!(Currency::parse("XAU").is_err());
        assert!(Currency::parse("BOV").is_err());
        // Decimals come from the standard, not a hand-kept list.
        for (code, decimals) in [
            ("JPY", 0),
            ("ISK", 0),
            ("KWD", 3),
            ("BHD", 3),
            ("PLN", 2),
            ("OMR", 3),
        ] {
            assert_eq!(
                Currency::parse(code).map(|c| c.exponent()),
                Ok(decimals),
                "{code}"
            );
        }
        assert_eq!(
            Currency::parse(" eur ").map(|c| c.code().to_string()),
            Ok("EUR".into())
        );
        let table = exponent_exceptions();
        assert!(table.contains(&("JPY", 0)) && table.contains(&("KWD", 3)));
        assert!(table.iter().all(|(_, e)| *e != 2));
    }

    #[test]
    fn formats_with_symbol_or_code() {
        assert_eq!(Money::new(450, usd()).to_string(), "$4.50");
        assert_eq!(Money::new(-5, usd()).to_string(), "-$0.05");
        let pln = Currency::parse("PLN").expect("pln");
        assert_eq!(Money::new(123456, pln).to_string(), "PLN\u{a0}1,234.56");
    }

    #[test]
    fn rounding_rules() {
        assert_eq!(Rounding::Down.divide(499, 100), 4);
        assert_eq!(Rounding::Up.divide(401, 100), 5);
        assert_eq!(Rounding::Up.divide(400, 100), 4);
        assert_eq!(Rounding::Nearest.divide(450, 100), 5);
        assert_eq!(Rounding::Nearest.divide(449, 100), 4);
    }
}
