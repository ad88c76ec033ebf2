//! Money as each language writes it, from the Unicode CLDR through ICU4X:
//! `$13,491.00`, `13 491,00 zł`, `13 491,00 $US`, `13 491,00 ₽`.
//!
//! Two parts of the CLDR make an amount, and each comes from its own ICU4X
//! component:
//! - the digits, with the language's grouping and decimal marks and its
//!   minimum grouping (Polish writes `1234,50` but `12 345,00`), from
//!   `icu_decimal`;
//! - the currency's sign and the side it stands on (`$` before in English,
//!   `zł` after in Polish, `PLN ` before in English where the currency has no
//!   sign of its own), from `icu_experimental`'s currency formatter.
//!
//! The decimals are always the currency's own from ISO 4217 (`Currency::exponent`):
//! the CLDR's display digits round some currencies (it writes the forint with
//! none), and a ledger amount is never shown rounded.
//!
//! The screens write money themselves (charts, the keypad) from the same
//! facts: `style` gives them, the bindings carry them to `ui/src/lib/money.ts`,
//! and the messages fixture checks that both write every sample alike.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;

use super::{Currency, Money};
use crate::language::Language;

/// How a language writes numbers: what the screens need to write digits as
/// the engine does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberStyle {
    /// Between groups of three digits (`,` in English, a no-break space in
    /// Polish and Russian, a narrow no-break space in French).
    pub group: String,
    /// Before the decimals (`.` or `,`).
    pub decimal: String,
    /// Written before a negative amount.
    pub minus: String,
    /// Digits before the decimal mark from which groups are marked: 4 in
    /// most languages (`1,234`), 5 in Polish (`1234` but `12 345`).
    pub grouping_from: u8,
}

/// Where a currency's sign goes in one language, spaces included:
/// `$` before (`prefix: "$"`), `zł` after (`suffix: "\u{a0}zł"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyStyle {
    /// Written before the digits, after any minus.
    pub prefix: String,
    /// Written after the digits.
    pub suffix: String,
}

/// `money` written for `language`.
pub fn money(language: Language, money: Money) -> String {
    let style = currency_style(language, money.currency);
    let numbers = number_style(language);
    let digits = digits(
        language,
        money.minor.unsigned_abs(),
        money.currency.exponent(),
    );
    let minus = if money.minor < 0 {
        numbers.minus.as_str()
    } else {
        ""
    };
    format!("{minus}{}{digits}{}", style.prefix, style.suffix)
}

/// A number that is not money written for `language` with `decimals`
/// decimals, rounded as Rust rounds when it writes a float: `1,234.57`, `0,55`.
pub fn number(language: Language, value: f64, decimals: u8) -> String {
    match fixed(value, decimals) {
        Some(decimal) => decimal_formatter(language).format(&decimal).to_string(),
        None => value.to_string(),
    }
}

/// A fraction written as a percentage for `language`, to `decimals`
/// decimals: `42.9%` in English, `42,9 %` in French.
pub fn percent(language: Language, fraction: f64, decimals: u8) -> String {
    static FORMATTERS: LazyLock<Vec<Option<PercentFormatter<DecimalFormatter>>>> =
        LazyLock::new(|| {
            Language::ALL
                .iter()
                .map(|l| PercentFormatter::try_new((&locale(*l)).into(), Default::default()).ok())
                .collect()
        });
    let formatter = FORMATTERS.get(index(language)).and_then(Option::as_ref);
    match (fixed(fraction * 100.0, decimals), formatter) {
        (Some(decimal), Some(formatter)) => formatter.format(&decimal).to_string(),
        _ => format!("{} %", number(language, fraction * 100.0, decimals)),
    }
}

/// `value` rounded to `decimals` decimals, exactly as Rust writes it rounded.
fn fixed(value: f64, decimals: u8) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::try_from_str(&format!("{value:.*}", usize::from(decimals))).ok()
}

fn index(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|l| *l == language)
        .unwrap_or(0)
}

/// The digits of `units` minor units with `exponent` decimals, grouped as
/// `language` groups them, no sign.
fn digits(language: Language, units: u64, exponent: u8) -> String {
    let mut decimal = Decimal::from(units);
    let exponent = -i16::from(exponent);
    decimal.absolute.multiply_pow10(exponent);
    decimal.absolute.pad_end(exponent);
    decimal_formatter(language).format(&decimal).to_string()
}

fn locale(language: Language) -> Locale {
    // The four tags are plain language subtags, which always parse.
    Locale::try_from_str(language.tag()).unwrap_or(Locale::UNKNOWN)
}

fn decimal_formatter(language: Language) -> &'static DecimalFormatter {
    static FORMATTERS: LazyLock<[DecimalFormatter; 4]> = LazyLock::new(|| {
        Language::ALL.map(|language| {
            DecimalFormatter::try_new((&locale(language)).into(), Default::default())
                // The compiled data holds every CLDR locale, so these four
                // always load; the root locale's formatter is the fallback a
                // test would notice.
                .or_else(|_| DecimalFormatter::try_new(Default::default(), Default::default()))
                .expect("ICU4X's compiled data has the root number formats")
        })
    });
    &FORMATTERS[index(language)]
}

/// How `language` writes numbers, read off its own formatter.
pub fn number_style(language: Language) -> &'static NumberStyle {
    static STYLES: LazyLock<[NumberStyle; 4]> =
        LazyLock::new(|| Language::ALL.map(read_number_style));
    &STYLES[index(language)]
}

fn read_number_style(language: Language) -> NumberStyle {
    let formatter = decimal_formatter(language);
    let write = |text: &str| {
        Decimal::try_from_str(text)
            .map(|d| formatter.format(&d).to_string())
            .unwrap_or_default()
    };
    // `1234567.5` shows the group mark (between `1` and `234`) and the decimal
    // mark (between `567` and `5`); `-1` the minus.
    let long = write("1234567.5");
    let between = |text: &str, before: &str, after: &str| {
        text.split_once(before)
            .and_then(|(_, rest)| rest.split_once(after))
            .map(|(mark, _)| mark.to_string())
            .unwrap_or_default()
    };
    let group = between(&long, "1", "234");
    let decimal = between(&long, "567", "5");
    let minus = write("-1").trim_end_matches('1').to_string();
    let grouping_from = if write("1234").contains(&group) { 4 } else { 5 };
    NumberStyle {
        group,
        decimal,
        minus,
        grouping_from,
    }
}

/// Where `currency`'s sign goes in `language`.
pub fn currency_style(language: Language, currency: Currency) -> CurrencyStyle {
    static STYLES: LazyLock<Mutex<HashMap<(Language, Currency), CurrencyStyle>>> =
        LazyLock::new(Mutex::default);
    let mut styles = STYLES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    styles
        .entry((language, currency))
        .or_insert_with(|| read_currency_style(language, currency))
        .clone()
}

fn read_currency_style(language: Language, currency: Currency) -> CurrencyStyle {
    let code = || CurrencyStyle {
        prefix: String::new(),
        suffix: format!("\u{a0}{}", currency.code()),
    };
    let Ok(iso) = CurrencyType::try_from_str(currency.code()) else {
        return code();
    };
    let Ok(formatter) =
        CurrencyFormatter::try_new_symbol((&locale(language)).into(), iso, Default::default())
    else {
        return code();
    };
    // One unit has digits whatever the currency's decimals; what stands
    // before the first digit and after the last is the sign and its spacing.
    let written = formatter
        .format_fixed_decimal(&Decimal::from(1u8))
        .to_string();
    let first = written.find(|c: char| c.is_ascii_digit());
    let last = written.rfind(|c: char| c.is_ascii_digit());
    match (first, last) {
        (Some(first), Some(last)) => CurrencyStyle {
            prefix: written[..first].to_string(),
            suffix: written[last + 1..].to_string(),
        },
        _ => code(),
    }
}

/// The sign every currency takes in one language, for the screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyStyles {
    /// The placement of a currency written by its code, `¤` standing for
    /// the code (`"\u{a0}¤"` after the digits in Polish).
    pub by_code: CurrencyStyle,
    /// Each currency written otherwise, by code (`PLN`: `"\u{a0}zł"` after).
    pub own: Vec<(String, CurrencyStyle)>,
}

/// The sign every currency takes in `language`, for the screens.
pub fn currency_styles(language: Language) -> CurrencyStyles {
    use iso_currency::IntoEnumIterator;
    let styles: Vec<(String, CurrencyStyle)> = iso_currency::Currency::iter()
        .filter_map(|iso| Currency::parse(iso.code()).ok())
        .map(|c| (c.code().to_string(), currency_style(language, c)))
        .collect();
    // The placement most currencies share is the one written by the code.
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for (code, style) in &styles {
        let template = (
            style.prefix.replace(code, "¤"),
            style.suffix.replace(code, "¤"),
        );
        *counts.entry(template).or_default() += 1;
    }
    let template = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|((prefix, suffix), _)| CurrencyStyle { prefix, suffix })
        .unwrap_or(CurrencyStyle {
            prefix: String::new(),
            suffix: "\u{a0}¤".into(),
        });
    let own = styles
        .into_iter()
        .filter(|(code, style)| {
            style.prefix != template.prefix.replace('¤', code)
                || style.suffix != template.suffix.replace('¤', code)
        })
        .collect();
    CurrencyStyles {
        by_code: template,
        own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money_in(language: Language, minor: i64, code: &str) -> String {
        let currency = Currency::parse(code).expect("currency");
        money(language, Money::new(minor, currency))
    }

    #[test]
    fn each_language_writes_money_its_own_way() {
        use Language::*;
        let cases = [
            (En, 1349100, "USD", "$13,491.00"),
            (En, -5, "USD", "-$0.05"),
            (En, 123456, "PLN", "PLN\u{a0}1,234.56"),
            (En, 1200, "JPY", "¥1,200"),
            (En, 12345, "KWD", "KWD\u{a0}12.345"),
            (Pl, 123450, "PLN", "1234,50\u{a0}zł"),
            (Pl, 1234500, "PLN", "12\u{a0}345,00\u{a0}zł"),
            (Pl, -450, "EUR", "-4,50\u{a0}€"),
            (Fr, 1349100, "EUR", "13\u{202f}491,00\u{a0}€"),
            (Fr, 450, "USD", "4,50\u{a0}$US"),
            (Fr, 1005, "CHF", "10,05\u{a0}CHF"),
            (Ru, 1349100, "RUB", "13\u{a0}491,00\u{a0}₽"),
            (Ru, 99, "USD", "0,99\u{a0}$"),
        ];
        for (language, minor, code, expected) in cases {
            assert_eq!(
                money_in(language, minor, code),
                expected,
                "{language:?} {code}"
            );
        }
    }

    #[test]
    fn the_decimals_are_the_currencys_own_never_rounded() {
        // The CLDR shows the forint and the rupiah with no decimals; ISO 4217
        // gives them two, and a ledger amount is never shown rounded.
        assert_eq!(money_in(Language::En, 123456, "HUF"), "HUF\u{a0}1,234.56");
        assert_eq!(money_in(Language::Pl, 5, "IDR"), "0,05\u{a0}IDR");
        assert_eq!(money_in(Language::Fr, 1, "KWD"), "0,001\u{a0}KWD");
    }

    #[test]
    fn the_styles_rebuild_what_icu4x_writes() {
        // What the screens get (the styles) writes every amount as ICU4X's own
        // currency formatter does, wherever the CLDR's decimals are ISO's.
        use iso_currency::IntoEnumIterator;
        let mut compared = 0;
        for language in Language::ALL {
            for iso in iso_currency::Currency::iter() {
                let Ok(currency) = Currency::parse(iso.code()) else {
                    continue;
                };
                let Ok(code) = CurrencyType::try_from_str(iso.code()) else {
                    continue;
                };
                let formatter = CurrencyFormatter::try_new_symbol(
                    (&locale(language)).into(),
                    code,
                    Default::default(),
                )
                .expect("formatter");
                for minor in [0i64, 7, -45, 123_456, 98_765_432_100, -1_234_567] {
                    let ours = money(language, Money::new(minor, currency));
                    let mut decimal = Decimal::from(minor);
                    decimal
                        .absolute
                        .multiply_pow10(-i16::from(currency.exponent()));
                    let theirs = formatter.format_fixed_decimal(&decimal).to_string();
                    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
                    if digits(&theirs) != digits(&ours) {
                        continue; // the CLDR rounds this currency; ISO does not
                    }
                    assert_eq!(ours, theirs, "{language:?} {} {minor}", iso.code());
                    compared += 1;
                }
            }
        }
        assert!(compared > 3000, "only {compared} amounts compared");
    }

    #[test]
    fn number_styles_are_read_off_the_formatter() {
        let en = number_style(Language::En);
        assert_eq!(
            (en.group.as_str(), en.decimal.as_str(), en.minus.as_str()),
            (",", ".", "-")
        );
        assert_eq!(en.grouping_from, 4);
        let pl = number_style(Language::Pl);
        assert_eq!((pl.group.as_str(), pl.decimal.as_str()), ("\u{a0}", ","));
        assert_eq!(pl.grouping_from, 5);
        assert_eq!(number_style(Language::Fr).group, "\u{202f}");
        assert_eq!(number(Language::En, 1234.567, 2), "1,234.57");
        assert_eq!(number(Language::Pl, 0.55, 2), "0,55");
        assert_eq!(number(Language::Pl, 0.5, 2), "0,50");
        assert_eq!(number(Language::Ru, 12345.0, 0), "12\u{a0}345");
        assert_eq!(number(Language::Fr, -1.26, 1), "-1,3");
        assert_eq!(percent(Language::En, 0.4286, 1), "42.9%");
        assert_eq!(percent(Language::Fr, 0.4286, 1), "42,9\u{a0}%");
        assert_eq!(percent(Language::Pl, 0.5, 1), "50,0%");
    }
}
