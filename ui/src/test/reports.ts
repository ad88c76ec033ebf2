// The reports controller on fakes, for its tests and its screen's: the
// engine's commands as mocks (each refuses until a test says what it
// answers), timers the test moves by hand, and closes as the engine writes
// them (engine/src/report/close.rs, table.rs).
import { vi } from "vitest";
import type { ReportsApi, ReportsDeps } from "../controllers/reports.svelte";
import { ReportsController } from "../controllers/reports.svelte";
import type { CloseView, DailyClose, Language, Table } from "../lib/bindings";
import { HandClock, refusal } from "./barista";

export { HandClock, refusal };

/** A promise the test settles when it likes. */
export function later<T>() {
  let settle!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  return { promise, settle, fail };
}

/** Lets the mocks' answers (already settled promises) reach the controller. */
export const answers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A close of `day` with a morning's visits, as the engine answers it. */
export function dailyClose(day: string, over: Partial<DailyClose> = {}): DailyClose {
  return {
    business_day: day,
    from: `${day}T05:00:00Z`,
    until: `${day}T05:00:00Z`,
    hours: 24,
    day_starts_at: 6,
    currency: "USD",
    visits: 12,
    customers: 9,
    enrolments: 2,
    sales: "1234.50",
    average_check: "102.88",
    points: { issued: 140, redeemed: 60 },
    stamps: { issued: 0, redeemed: 0 },
    cashback: { issued: "0.00", spent: "0.00" },
    rewards: [{ reward: "coffee", name: { text: "Free coffee" }, count: 1 }],
    by_hour: [
      { hour: 7, visits: 5, sales: "500.00" },
      { hour: 8, visits: 7, sales: "734.50" },
    ],
    by_staff: [{ staff: null, name: null, visits: 12, sales: "1234.50", points_issued: 140, redeemed: 1 }],
    voids: [],
    adjustments: [],
    conflicts: [],
    unusual: [],
    unusual_own_customers: [],
    unusual_points: [],
    last_sync: null,
    ...over,
  };
}

/** The close's tables, as `DailyClose::tables` writes them (the ones the tests look at). */
export function closeTables(close: DailyClose): Table[] {
  return [
    {
      id: "close-summary",
      columns: ["measure", "value"],
      attention: false,
      rows: [
        [{ kind: "label", value: "report-measure-visits" }, { kind: "count", value: close.visits }],
        [{ kind: "label", value: "report-measure-sales" }, { kind: "money", value: close.sales }],
      ],
    },
    {
      id: "close-by-hour",
      columns: ["hour", "visits", "sales"],
      attention: false,
      rows: close.by_hour.map((h) => [
        { kind: "hour", value: h.hour },
        { kind: "count", value: h.visits },
        { kind: "money", value: h.sales },
      ]),
    },
    {
      id: "close-by-staff",
      columns: ["staff", "visits", "sales", "points-issued", "redemptions"],
      attention: false,
      rows: close.by_staff.map((s) => [
        s.name === null ? { kind: "label", value: "report-cell-nobody" } : { kind: "text", value: s.name },
        { kind: "count", value: s.visits },
        { kind: "money", value: s.sales },
        { kind: "count", value: s.points_issued },
        { kind: "count", value: s.redeemed },
      ]),
    },
    {
      id: "close-unusual",
      columns: ["customer", "actions", "limit"],
      // The engine flags it once it lists anyone.
      attention: close.unusual.length > 0,
      rows: close.unusual.map((u) => [
        u.name === null ? { kind: "label", value: "report-cell-no-name" } : { kind: "text", value: u.name },
        { kind: "count", value: u.actions },
        { kind: "count", value: u.limit },
      ]),
    },
  ];
}

/** The engine's answer for `day`, the current business day being `today`. */
export function closeView(day: string, today = day, over: Partial<DailyClose> = {}): CloseView {
  const close = dailyClose(day, over);
  return { close, today, tables: closeTables(close) };
}

/** A command that refuses until the test says what it answers. */
function refuses<K extends keyof ReportsApi>() {
  return vi.fn<ReportsApi[K]>(() => Promise.reject(refusal("io")));
}

/** Each command the reports use, as a mock. */
export function fakeReportsApi() {
  return {
    dailyClose: refuses<"dailyClose">(),
    exportCloseCsv: refuses<"exportCloseCsv">(),
    exportReportPdf: refuses<"exportReportPdf">(),
  } satisfies ReportsApi;
}

export function testReports(over: Partial<ReportsDeps> = {}) {
  const clock = new HandClock();
  const api = fakeReportsApi();
  let language: Language = "en";
  const deps = {
    api,
    timers: clock,
    language: () => language,
    ...over,
  } satisfies ReportsDeps;
  return {
    controller: new ReportsController(deps),
    api,
    clock,
    deps,
    speak: (next: Language) => (language = next),
  };
}
