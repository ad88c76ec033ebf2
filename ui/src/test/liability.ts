// The liability controller on fakes, for its tests and its screen's: the
// engine's commands as mocks (each refuses until a test says what it
// answers), timers the test moves by hand, and a report as the engine writes
// it (engine/src/report/liability.rs).
import { vi } from "vitest";
import type { LiabilityApi, LiabilityDeps } from "../controllers/liability.svelte";
import { LiabilityController } from "../controllers/liability.svelte";
import type { Language, Liability, LiabilityLine, LiabilityView, Table } from "../lib/bindings";
import { HandClock, refusal } from "./barista";

export { answers, later } from "./reports";
export { HandClock, refusal };

/** The engine's current business day in these tests. */
export const AS_OF = "2026-12-05";

/** Points the rewards value, and a cake card whose reward has no cost or price. */
export function liabilityLines(): LiabilityLine[] {
  return [
    {
      account: "points",
      kind: "points",
      name: null,
      outstanding: 12500,
      customers: 84,
      issued: 28000,
      redeemed: 10000,
      expired: 7000,
      redemption_rate: 0.3571,
      redemption_probability: 0.5882,
      face_value: { state: "known", amount: "562.50" },
      expected_cost: { state: "known", amount: "48.00" },
      deferral: { state: "known", amount: "330.88" },
      ages: [7500, 5000, 0, 0, 0],
    },
    {
      account: "stamps:cake",
      kind: "stamps",
      name: { text: "Cake card" },
      outstanding: 30,
      customers: 11,
      issued: 70,
      redeemed: 40,
      expired: 0,
      redemption_rate: 0.5714,
      redemption_probability: 0.5714,
      face_value: { state: "no_price", rewards: [{ text: "Free cake" }] },
      expected_cost: { state: "no_cost", rewards: [{ text: "Free cake" }] },
      deferral: { state: "no_price", rewards: [{ text: "Free cake" }] },
      ages: [30, 0, 0, 0, 0],
    },
  ];
}

/** The report as the engine writes it, over `lines`. */
export function liabilityOf(lines = liabilityLines(), over: Partial<Liability> = {}): Liability {
  const complete = lines.every((l) => l.face_value.state === "known");
  return {
    as_of: AS_OF,
    currency: "USD",
    last_sync: null,
    lines,
    ages: ["0-30", "31-90", "91-180", "181-365", "over-365"],
    face_value_by_age: ["337.50", "225.00", "0.00", "0.00", "0.00"],
    face_value: { amount: "562.50", complete },
    expected_cost: { amount: "48.00", complete },
    deferral: { amount: "330.88", complete },
    ...over,
  };
}

/** The report's tables, as `Liability::tables` writes them (the values table only). */
export function liabilityTables(l: Liability): Table[] {
  const money = (amount: string) => ({ kind: "money", value: amount }) as const;
  return [
    {
      id: "liability",
      columns: ["balance-kind", "balance", "outstanding", "customers", "redemption-rate", "face-value"],
      attention: !l.face_value.complete,
      rows: l.lines.map((line) => [
        { kind: "label", value: `report-balance-${line.kind}` },
        line.name ? ({ kind: "name", value: line.name } as const) : ({ kind: "text", value: "" } as const),
        { kind: "count", value: line.outstanding },
        { kind: "count", value: line.customers },
        { kind: "fraction", value: (line.redemption_rate ?? 0).toFixed(4) },
        line.face_value.state === "known" ? money(line.face_value.amount) : { kind: "label", value: "report-cell-no-price" },
      ]),
    },
  ];
}

/** The engine's answer. */
export function liabilityView(l = liabilityOf()): LiabilityView {
  return { liability: l, tables: liabilityTables(l) };
}

/** A command that refuses until the test says what it answers. */
function refuses<K extends keyof LiabilityApi>() {
  return vi.fn<LiabilityApi[K]>(() => Promise.reject(refusal("io")));
}

export function testLiability(over: Partial<LiabilityDeps> = {}) {
  const clock = new HandClock();
  const api = {
    liability: refuses<"liability">(),
    exportLiabilityCsv: refuses<"exportLiabilityCsv">(),
    exportReportPdf: refuses<"exportReportPdf">(),
  } satisfies LiabilityApi;
  let language: Language = "en";
  const deps = { api, timers: clock, language: () => language, ...over } satisfies LiabilityDeps;
  return { controller: new LiabilityController(deps), api, clock, speak: (next: Language) => (language = next) };
}
