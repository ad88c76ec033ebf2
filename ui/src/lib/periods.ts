// Periods of business days (`YYYY-MM-DD` to `YYYY-MM-DD`, both included), as
// the KPIs screen picks and writes them: the last so many days up to a day,
// a period's length, and a period or a day in the reader's words.
import type { Language, Period } from "./bindings";
import { addDays } from "./dates";

/** The periods a manager picks with one press: the last 7, 30, 90 and 365 business days. */
export const PRESETS = [7, 30, 90, 365] as const;
export type Preset = (typeof PRESETS)[number];

/** The preset the engine picks when asked for no period. */
export const DEFAULT_PRESET: Preset = 30;

const DAY_MS = 86_400_000;

/** Noon UTC of a `YYYY-MM-DD` day (written in UTC, it stays that day everywhere); null if it is none. */
function noon(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const at = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== iso ? null : at;
}

/** The days a period holds, both ends counted (0 for a period that is not one). */
export function periodDays(period: Period): number {
  const from = noon(period.from);
  const to = noon(period.to);
  if (!from || !to) return 0;
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1);
}

/** The `days` business days ending with `to`. */
export function lastDays(days: number, to: string): Period {
  return { from: addDays(to, -(days - 1)), to };
}

/** Which preset `period` is, counted back from `today` (null: another period). */
export function presetOf(period: Period, today: string | null): Preset | null {
  if (today === null || period.to !== today) return null;
  const days = periodDays(period);
  return PRESETS.find((p) => p === days) ?? null;
}

/** The tag Intl writes with: English as the engine writes it (day before month). */
function intlTag(language: Language): string {
  return language === "en" ? "en-GB" : language;
}

/** A period in words: `1–30 November 2026`, `2 października – 31 grudnia 2026`; one day as that day. */
export function periodText(period: Period, language: Language): string {
  const from = noon(period.from);
  const to = noon(period.to);
  if (!from || !to) return `${period.from} – ${period.to}`;
  const format = new Intl.DateTimeFormat(intlTag(language), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return from.getTime() === to.getTime() ? format.format(from) : format.formatRange(from, to);
}

/** A day on a chart's axis: `5 Dec`, `5 gru`, `5 déc.`, `5 дек.`; with its year when asked. */
export function dayShort(iso: string, language: Language, withYear = false): string {
  const at = noon(iso);
  if (!at) return iso;
  return new Intl.DateTimeFormat(intlTag(language), {
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(at);
}
