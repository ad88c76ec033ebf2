// The KPIs controller on fakes, for its tests and its screen's: the engine's
// command as a mock (it refuses until a test says what it answers), timers
// the test moves by hand, and answers as the engine writes them
// (engine/src/report/kpis.rs).
import { vi } from "vitest";
import type { KpisApi, KpisDeps } from "../controllers/kpis.svelte";
import { KpisController } from "../controllers/kpis.svelte";
import type { Cohort, DayLine, GoalProgress, Kpi, Kpis, KpisOver, Language, Period, RewardPopularity } from "../lib/bindings";
import { addDays } from "../lib/dates";
import { lastDays, periodDays } from "../lib/periods";
import { HandClock, refusal } from "./barista";

export { answers, later } from "./reports";
export { HandClock, refusal };

/** The engine's current business day in these tests. */
export const TODAY = "2026-12-05";

/** A refusal of a bad period, as the engine sends it (`field`: `from` or `to`). */
export function badPeriod(field: "from" | "to") {
  return { ...refusal("invalid_input"), field };
}

/** The KPIs a quiet café has, in the engine's order. */
export function someKpis(): Kpi[] {
  const kpi = (id: string, unit: Kpi["unit"], value: Kpi["value"], previous: Kpi["previous"]): Kpi => ({
    id,
    unit,
    value,
    previous,
    definition: `kpi-${id.replace(/_/g, "-")}-definition`,
    why: null,
  });
  return [
    kpi("repeat_customer_rate", "fraction", 0.4286, 0.4),
    kpi("retention", "fraction", 0.5, 0.625),
    kpi("visit_frequency", "ratio", 1.75, 1.5),
    kpi("average_check", "money", "4.50", "4.00"),
    kpi("redemption_rate", "fraction", 0.25, null),
    kpi("redemption_value", "fraction", 0.3, null),
    { ...kpi("breakage", "fraction", null, null), why: "kpi-breakage-counting" },
    kpi("enrolment_rate", "fraction", 0.1, 0.1),
    kpi("clv_historical", "money", "42.30", "39.10"),
    kpi("clv_predicted", "money", "15.75", null),
  ];
}

/** Breakage as the engine counts it on its own: 12 % of the points settled expired, 10 % before. */
export function breakageCounted(): Kpi {
  return { id: "breakage", unit: "fraction", value: 0.12, previous: 0.1, definition: "kpi-breakage-definition", why: null };
}

/** The days of a period, each with a few visits and points. */
export function dayLines(period: Period): DayLine[] {
  return Array.from({ length: periodDays(period) }, (_, i) => ({
    day: addDays(period.from, i),
    visits: (i % 7) + 1,
    sales: `${(i % 7) + 1}.50`,
    points_issued: 10 * ((i % 5) + 1),
    points_redeemed: i % 3 === 0 ? 20 : 0,
    enrolments: i % 4 === 0 ? 1 : 0,
  }));
}

/**
 * A goal as the engine answers it: +20 % repeat customers from 1 November
 * to 30 June, read over 28 days, readings 30.0 %, 31.5 %, 33.0 %, 33.3 %
 * against a target of 36.0 %, on track for 41.2 %.
 */
export function aGoal(over: Partial<GoalProgress> = {}): GoalProgress {
  return {
    goal: "more-regulars",
    name: { text: "More regulars", translations: { pl: "Więcej stałych gości" } },
    kpi: "repeat_customer_rate",
    unit: "fraction",
    starts: "2026-11-01",
    by: "2027-06-30",
    window_days: 28,
    change_percent: 20,
    baseline: 0.3,
    target: 0.36,
    current: 0.333,
    projected: 0.412,
    rising: true,
    status: "on_track",
    trend: [
      { day: "2026-10-31", value: 0.3 },
      { day: "2026-11-07", value: 0.315 },
      { day: "2026-11-14", value: 0.33 },
      { day: "2026-11-20", value: 0.333 },
    ],
    ...over,
  };
}

/**
 * Reward popularity as the engine orders it: a drink taken 12 times (3 before),
 * a pastry 4 (6 before), a cake nobody took; 16 in all.
 */
export function somePopularity(): RewardPopularity[] {
  return [
    { reward: "drink", name: { text: "Any drink", translations: { pl: "Dowolny napój" } }, count: 12, previous: 3, share: 0.75 },
    { reward: "pastry", name: { text: "Pastry", translations: {} }, count: 4, previous: 6, share: 0.25 },
    { reward: "old-cake", name: null, count: 0, previous: 1, share: 0 },
  ];
}

/**
 * Three months' cohorts as of December: 40 joined in October (all came that
 * month, half in November, a quarter in December), 10 in November, nobody in
 * December.
 */
export function someCohorts(): Cohort[] {
  return [
    { month: "2026-10", customers: 40, retained: [1, 0.5, 0.25] },
    { month: "2026-11", customers: 10, retained: [1, 0.3] },
    { month: "2026-12", customers: 0, retained: [] },
  ];
}

/** The engine's answer for `period`. */
export function kpisOf(period: Period, over: Partial<Kpis> = {}): Kpis {
  const days = periodDays(period);
  return {
    period,
    previous: { from: addDays(period.from, -days), to: addDays(period.to, -days) },
    currency: "USD",
    kpis: someKpis(),
    days: dayLines(period),
    rewards: [],
    goals: [],
    cohorts: [],
    ...over,
  };
}

/** The engine's answer to `request`, the current business day being `today` (its default: 30 days). */
export function answer(request: KpisOver, today = TODAY, over: Partial<Kpis> = {}): Kpis {
  const to = request.to ?? today;
  return kpisOf({ from: request.from ?? lastDays(30, to).from, to }, over);
}

/** The commands, as mocks (each refuses until a test says what it answers). */
export function fakeKpisApi() {
  return {
    kpis: vi.fn<KpisApi["kpis"]>(() => Promise.reject(refusal("io"))),
    kpiBreakage: vi.fn<KpisApi["kpiBreakage"]>(() => Promise.reject(refusal("io"))),
    kpiRewards: vi.fn<KpisApi["kpiRewards"]>(() => Promise.reject(refusal("io"))),
    kpiGoals: vi.fn<KpisApi["kpiGoals"]>(() => Promise.reject(refusal("io"))),
    kpiCohorts: vi.fn<KpisApi["kpiCohorts"]>(() => Promise.reject(refusal("io"))),
    exportKpisCsv: vi.fn<KpisApi["exportKpisCsv"]>(() => Promise.reject(refusal("io"))),
    exportReportPdf: vi.fn<KpisApi["exportReportPdf"]>(() => Promise.reject(refusal("io"))),
  } satisfies KpisApi;
}

export function testKpis(over: Partial<KpisDeps> = {}) {
  const clock = new HandClock();
  const api = fakeKpisApi();
  let language: Language = "en";
  const deps = { api, timers: clock, language: () => language, ...over } satisfies KpisDeps;
  return { controller: new KpisController(deps), api, clock, deps, speak: (next: Language) => (language = next) };
}
