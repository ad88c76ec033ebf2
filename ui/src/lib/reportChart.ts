// What the report charts draw (uPlot's data: one array of x, one per series),
// prepared here without a DOM so it is tested as plain functions.
import type { DayLine, HourLine } from "./bindings";

/** The hours of a local day, 0 to 23. */
export const HOURS: readonly number[] = Array.from({ length: 24 }, (_, h) => h);

/**
 * The hours of a business day in its order, from the local hour it starts at
 * round to the hour before it (04…23, 0…3: visits after midnight at the
 * right), and the visits in each (the close lists only the hours with visits;
 * the others are 0). A day with the clocks turned back holds one hour twice:
 * the close already adds them up.
 */
export function hoursFrom(startsAt: number, lines: readonly HourLine[]): [number[], number[]] {
  const first = Number.isInteger(startsAt) && startsAt >= 0 && startsAt < HOURS.length ? startsAt : 0;
  const hours = HOURS.map((_, i) => (first + i) % HOURS.length);
  const visits = hours.map(() => 0);
  for (const line of lines) {
    const at = hours.indexOf(line.hour);
    if (at >= 0) visits[at] = (visits[at] ?? 0) + line.visits;
  }
  return [hours, visits];
}

/** Visits in each local hour 0–23, from midnight. */
export function visitsByHour(lines: readonly HourLine[]): [number[], number[]] {
  return hoursFrom(0, lines);
}

/** A period's days as its charts draw them: each day at its place (`x`), its visits, and points issued and redeemed. */
export type PeriodChart = { days: string[]; x: number[]; visits: number[]; issued: number[]; redeemed: number[] };

/** The engine's days of a period (every day, oldest first) as the charts' series. */
export function periodChart(lines: readonly DayLine[]): PeriodChart {
  return {
    days: lines.map((l) => l.day),
    x: lines.map((_, i) => i),
    visits: lines.map((l) => l.visits),
    issued: lines.map((l) => l.points_issued),
    redeemed: lines.map((l) => l.points_redeemed),
  };
}

/** Whole-number steps for a count axis, so it never shows half a visit. */
export const COUNT_STEPS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** Steps between the days labelled on a period's axis: every day, two, a week, a fortnight, a month… */
export const DAY_STEPS: readonly number[] = [1, 2, 7, 14, 28, 56, 91, 182, 364];
