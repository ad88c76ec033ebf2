// A goal on a KPI as the KPI screen shows it (engine/src/report/goals.rs):
// its readings as a chart's series beside the target's line, the value axis
// in the KPI's unit, and how its status stands out. Where the goal stands,
// and why, is the engine's; the screen draws the numbers it answers.
import type { GoalProgress, GoalStatus, KpiUnit, Language } from "./bindings";
import { numeric, percentText, ratioText } from "./kpis";
import { exponentOf, formatMoney } from "./money";

/** How a status stands out: good news, news to act on, or neither yet. */
export type Tone = "good" | "bad" | "quiet";

/** Each status's tone: reached, met or on track is good; behind or missed is to act on. */
export const GOAL_TONE: Readonly<Record<GoalStatus, Tone>> = {
  not_started: "quiet",
  no_baseline: "quiet",
  no_data: "quiet",
  too_early: "quiet",
  reached: "good",
  on_track: "good",
  met: "good",
  behind: "bad",
  missed: "bad",
};

/** The catalogue id of a status's words: `on_track` → `report-goal-on-track`. */
export function goalStatusId(status: GoalStatus): string {
  return `report-goal-${status.replace(/_/g, "-")}`;
}

/** A goal's readings as a chart draws them: each reading at its place, its value (a gap where none), and the target along it. */
export type GoalChart = { days: string[]; x: number[]; values: (number | null)[]; target: (number | null)[] };

/** A value as the chart draws it: a share or ratio as it is, money in whole units of the currency. */
function plotted(unit: KpiUnit, value: GoalProgress["target"], currency: string): number | null {
  const n = numeric(unit, value, currency);
  if (n === null) return null;
  return unit === "money" ? n / 10 ** exponentOf(currency) : n;
}

/** The engine's readings of `goal` as the chart's series. */
export function goalChart(goal: GoalProgress, currency: string): GoalChart {
  const target = plotted(goal.unit, goal.target, currency);
  return {
    days: goal.trend.map((r) => r.day),
    x: goal.trend.map((_, i) => i),
    values: goal.trend.map((r) => plotted(goal.unit, r.value, currency)),
    target: goal.trend.map(() => target),
  };
}

/** Steps between labelled values up a goal's chart, by its unit. */
const STEPS: Readonly<Record<KpiUnit, readonly number[]>> = {
  fraction: [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5],
  ratio: [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50],
  money: [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
};

/** A goal chart's value axis: labelled in the KPI's unit, in the reader's numbers. */
export function goalAxis(unit: KpiUnit, currency: string, language: Language): { steps: readonly number[]; format: (value: number) => string } {
  const format = (value: number): string => {
    if (unit === "fraction") return percentText(value, language);
    if (unit === "money") return formatMoney(Math.round(value * 10 ** exponentOf(currency)), currency, language);
    return ratioText(value, language);
  };
  return { steps: STEPS[unit], format };
}
