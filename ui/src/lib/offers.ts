// What the offers' screens compute for themselves from the engine's report
// (engine/src/report/offers.rs): where an interval and its difference sit on
// a bar that always shows "no change", and whether the interval holds it.
import type { Language } from "./bindings";
import { moneyText } from "./reportTable";

/** Positions on a bar, each from 0 to 100 (percent of its width). */
export type IntervalBar = { low: number; difference: number; high: number; zero: number };

/**
 * Where `low`, `difference`, `high` and 0 sit on a bar spanning all of them,
 * with a tenth of the span spare at each end; a bar with no span (all 0) has
 * everything in the middle.
 */
export function intervalBar(low: number, difference: number, high: number): IntervalBar {
  const from = Math.min(low, 0);
  const to = Math.max(high, 0);
  const span = to - from;
  if (!(span > 0)) return { low: 50, difference: 50, high: 50, zero: 50 };
  const spare = span / 10;
  const at = (x: number) => ((x - from + spare) / (span + 2 * spare)) * 100;
  return { low: at(low), difference: at(difference), high: at(high), zero: at(0) };
}

/** The interval holds no change (0): the offer may have changed nothing. */
export function includesNoChange(low: number, high: number): boolean {
  return low <= 0 && high >= 0;
}

/** A change in money for the reader, with its sign (`+$1.25`, `−0,40 zł`); as it came if it is not an amount. */
export function signedMoneyText(decimal: string, currency: string, language: Language): string {
  const text = moneyText(decimal, currency, language);
  return Number(decimal) > 0 ? `+${text}` : text;
}
