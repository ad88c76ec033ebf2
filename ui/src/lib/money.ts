// Money written as the engine writes it (engine/src/money/written.rs), from
// the CLDR facts the engine exports in the bindings: `$13,491.00` in English,
// `13 491,00 zł` in Polish, `13 491,00 $US` in French. The messages fixture
// checks that both write every sample alike.
import { CODE_STYLES, CURRENCIES, CURRENCY_EXPONENTS, CURRENCY_STYLES, NUMBER_STYLES, REGION_CURRENCIES, type Language } from "./bindings";

/** Decimals of a currency's minor unit. */
export function exponentOf(currency: string): number {
  return CURRENCY_EXPONENTS[currency] ?? 2;
}

/** Minor units as a decimal with the currency's decimals: `4.50`, `-0.05`, `1200` (for typing and files). */
export function plainAmount(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const scale = 10 ** exponent;
  const abs = Math.abs(minor);
  const sign = minor < 0 ? "-" : "";
  const fraction = String(abs % scale).padStart(exponent, "0");
  return `${sign}${Math.floor(abs / scale)}.${fraction}`;
}

/** A non-negative amount's digits with the language's group and decimal marks: `13,491.00`, `1234,50`. */
function groupedDigits(units: number, exponent: number, language: Language): string {
  const style = NUMBER_STYLES[language];
  const [whole = "", fraction] = plainAmount(units, exponent).split(".");
  const grouped =
    whole.length >= style.groupingFrom ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.group) : whole;
  return fraction === undefined ? grouped : `${grouped}${style.decimal}${fraction}`;
}

/** What `language` writes before and after the digits of an amount in `currency`. */
function currencyStyle(currency: string, language: Language): readonly [string, string] {
  const own = CURRENCY_STYLES[language][currency];
  if (own) return own;
  const [before, after] = CODE_STYLES[language];
  return [before.replace("¤", currency), after.replace("¤", currency)];
}

/** An amount in minor units of `currency`, written for `language`. */
export function formatMoney(minor: number, currency: string, language: Language): string {
  if (!/^[A-Z]{3}$/.test(currency)) return `${minor} ${currency}`;
  const [before, after] = currencyStyle(currency, language);
  const minus = minor < 0 ? NUMBER_STYLES[language].minus : "";
  return `${minus}${before}${groupedDigits(Math.abs(minor), exponentOf(currency), language)}${after}`;
}

/** The decimal mark amounts are written with in `language`: `.` in English, `,` in the others. */
export function decimalMark(language: Language): string {
  return NUMBER_STYLES[language].decimal;
}

/**
 * The currency's sign as money is written for `language` (`formatMoney`), and
 * on which side of the amount: `$` before it in English, `zł` after it in Polish,
 * the code where there is no sign (`CHF`).
 */
export function currencySign(currency: string, language: Language): { sign: string; before: boolean } {
  const [before, after] = currencyStyle(currency, language);
  return before.trim() !== "" ? { sign: before.trim(), before: true } : { sign: after.trim(), before: false };
}

/**
 * The currency a new shop most likely takes: that of the region in the
 * system's locale (`pl-PL` → PLN, `fr-CH` → CHF), or, when the locale names
 * none, of the screen's language's most likely region (`pl` → Poland). US
 * dollars when neither says, or the region's currency is not one a shop may
 * pick.
 */
export function likelyCurrency(systemLocale: string | undefined, language: Language): string {
  const regionOf = (tag: string, maximize: boolean): string | undefined => {
    try {
      const parsed = new Intl.Locale(tag);
      return (maximize ? parsed.maximize() : parsed).region;
    } catch {
      return undefined;
    }
  };
  const region = (systemLocale ? regionOf(systemLocale, false) : undefined) ?? regionOf(language, true);
  const code = region ? REGION_CURRENCIES[region] : undefined;
  return code && CURRENCIES.some((c) => c.code === code) ? code : "USD";
}
