// A KPI as the screens write it (engine/src/report/kpis.rs): its value for
// the reader by its unit (a fraction as a percentage, a ratio with two
// decimals, money in the shop's currency), and how it changed since the
// previous period (percentage points for a fraction, a relative change
// otherwise). What each KPI is and how it is counted is the engine's; the
// screen only writes the numbers it answers.
import type { KpiUnit, KpiValue, Language } from "./bindings";
import { exponentOf, formatMoney } from "./money";
import { minorUnits, moneyText } from "./reportTable";

/** The catalogue id of a KPI's name: `repeat_customer_rate` → `kpi-repeat-customer-rate`. */
export function kpiNameId(id: string): string {
  return `kpi-${id.replace(/_/g, "-")}`;
}

/** The tag Intl writes numbers with. */
function intlTag(language: Language): string {
  return language === "en" ? "en-GB" : language;
}

/** A value as one number: a fraction or ratio as it is, money in minor units; null when there is none. */
export function numeric(unit: KpiUnit, value: KpiValue | null, currency: string): number | null {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (unit === "money") return minorUnits(value, exponentOf(currency));
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : null;
}

/** A fraction as a percentage (`42.9%`, `42,9 %`). */
export function percentText(fraction: number, language: Language, sign = false): string {
  return new Intl.NumberFormat(intlTag(language), {
    style: "percent",
    maximumFractionDigits: 1,
    ...(sign ? { signDisplay: "exceptZero" } : {}),
  }).format(fraction);
}

/** A ratio with two decimals (`1.75`, `1,75`). */
export function ratioText(ratio: number, language: Language, sign = false): string {
  return new Intl.NumberFormat(intlTag(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    ...(sign ? { signDisplay: "exceptZero" } : {}),
  }).format(ratio);
}

/** A KPI's value in the reader's words; null when it has none (nothing to divide by). */
export function kpiValueText(unit: KpiUnit, value: KpiValue | null, currency: string, language: Language): string | null {
  if (value === null) return null;
  if (unit === "money") {
    if (typeof value === "string") return moneyText(value, currency, language);
    return formatMoney(Math.round(value * 10 ** exponentOf(currency)), currency, language);
  }
  const n = numeric(unit, value, currency);
  if (n === null) return String(value);
  return unit === "fraction" ? percentText(n, language) : ratioText(n, language);
}

export type Direction = "up" | "down" | "same";

/**
 * How a KPI changed since the previous period, as written: `points` (a
 * fraction's change in percentage points, the number alone: `+3.2`),
 * `relative` (a ratio's or an amount's change as a percentage of what it was:
 * `+12.5%`) or, from nothing, `difference` (the change itself: `+1.50`, `+$4.50`).
 */
export type KpiChange = { direction: Direction; kind: "points" | "relative" | "difference"; text: string };

function directionOf(n: number): Direction {
  return n > 0 ? "up" : n < 0 ? "down" : "same";
}

/** The change from `previous` to `value`; null when either is missing. */
export function kpiChange(
  unit: KpiUnit,
  value: KpiValue | null,
  previous: KpiValue | null,
  currency: string,
  language: Language,
): KpiChange | null {
  const now = numeric(unit, value, currency);
  const before = numeric(unit, previous, currency);
  if (now === null || before === null) return null;
  if (unit === "fraction") {
    // Percentage points, to a tenth: what the two percentages shown differ by.
    const points = Math.round((now - before) * 1000) / 10;
    const text = new Intl.NumberFormat(intlTag(language), { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(points);
    return { direction: directionOf(points), kind: "points", text };
  }
  if (before !== 0) {
    // To a tenth of a percent, as it is written.
    const relative = Math.round(((now - before) / Math.abs(before)) * 1000) / 1000;
    return { direction: directionOf(relative), kind: "relative", text: percentText(relative, language, true) };
  }
  // From nothing there is no percentage: the change itself.
  const difference = now - before;
  if (unit === "money") {
    const amount = formatMoney(Math.abs(difference), currency, language);
    return { direction: directionOf(difference), kind: "difference", text: difference < 0 ? `-${amount}` : difference > 0 ? `+${amount}` : amount };
  }
  const rounded = Math.round(difference * 100) / 100;
  return { direction: directionOf(rounded), kind: "difference", text: ratioText(rounded, language, true) };
}
