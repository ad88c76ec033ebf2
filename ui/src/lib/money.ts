// Money written as the engine writes it (engine/src/i18n.rs, `money_text`),
// from the engine's own tables in the generated bindings: `$4.50` in English,
// `4,50 zł` in the other languages.
import { CURRENCY_EXPONENTS, CURRENCY_SYMBOLS, SIGNS_AFTER, type Language } from "./bindings";

/** Decimals of a currency's minor unit. */
export function exponentOf(currency: string): number {
  return CURRENCY_EXPONENTS[currency] ?? 2;
}

/** Minor units as a decimal with the currency's decimals: `4.50`, `-0.05`, `1200`. */
export function plainAmount(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const scale = 10 ** exponent;
  const abs = Math.abs(minor);
  const sign = minor < 0 ? "-" : "";
  const fraction = String(abs % scale).padStart(exponent, "0");
  return `${sign}${Math.floor(abs / scale)}.${fraction}`;
}

/** An amount in minor units of `currency`, written for `language`. */
export function formatMoney(minor: number, currency: string, language: Language): string {
  if (!/^[A-Z]{3}$/.test(currency)) return `${minor} ${currency}`;
  const exponent = exponentOf(currency);
  const symbol = CURRENCY_SYMBOLS[currency];
  if (language === "en") {
    const sign = minor < 0 ? "-" : "";
    const digits = plainAmount(Math.abs(minor), exponent);
    return symbol === undefined ? `${sign}${digits} ${currency}` : `${sign}${symbol}${digits}`;
  }
  const digits = plainAmount(minor, exponent).replace(".", decimalMark(language));
  return `${digits}\u00a0${SIGNS_AFTER[currency] ?? symbol ?? currency}`;
}

/** The decimal mark amounts are written with (the engine's `money_text`): `.` in English, `,` otherwise. */
export function decimalMark(language: Language): string {
  return language === "en" ? "." : ",";
}

/**
 * The currency's sign as money is written for `language` (`formatMoney`), and
 * on which side of the amount: `$` before it in English, `zł` after it in Polish,
 * the code where there is no sign (`CHF`, after).
 */
export function currencySign(currency: string, language: Language): { sign: string; before: boolean } {
  const symbol = CURRENCY_SYMBOLS[currency];
  if (language === "en") return symbol === undefined ? { sign: currency, before: false } : { sign: symbol, before: true };
  return { sign: SIGNS_AFTER[currency] ?? symbol ?? currency, before: false };
}
