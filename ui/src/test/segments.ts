// The segments controller on fakes, for its tests and its screen's: the
// engine's commands as mocks (each refuses until a test says what it
// answers), timers the test moves by hand, and a report as the engine writes
// it (engine/src/report/segments.rs).
import { vi } from "vitest";
import type { SegmentsApi, SegmentsDeps } from "../controllers/segments.svelte";
import { SegmentsController } from "../controllers/segments.svelte";
import type { Language, Message, Segment, SegmentRules, Segments, SegmentsView, Table } from "../lib/bindings";
import { HandClock, refusal } from "./barista";

export { answers, later } from "./reports";
export { HandClock, refusal };

/** The engine's current business day in these tests. */
export const AS_OF = "2026-12-05";

/** The engine's default rules. */
export function defaultRules(): SegmentRules {
  return { new_days: 30, lapsed_days: 180, at_risk_recency: 2, regular_frequency: 3, high_value_spend: 5 };
}

/** A segment's definition as `SegmentRules::definition` says it, with the rules' number. */
function definitionOf(segment: Segment, rules: SegmentRules): Message {
  const id = `segment-${segment.replace("_", "-")}-definition`;
  const number: Partial<Record<Segment, [string, number]>> = {
    new: ["days", rules.new_days],
    regular: ["score", rules.regular_frequency],
    high_value: ["score", rules.high_value_spend],
    at_risk: ["score", rules.at_risk_recency],
    lapsed: ["days", rules.lapsed_days],
  };
  const arg = number[segment];
  return arg ? { id, args: { [arg[0]]: { number: arg[1] } } } : { id };
}

/** Eight customers as the engine's hand-computed test has them, by `rules` (beside `saved`). */
export function segmentsOf(rules = defaultRules(), saved = defaultRules(), over: Partial<Segments> = {}): Segments {
  const sizes = [1, 3, 1, 1, 1, 1];
  const segments = ["new", "occasional", "regular", "high_value", "at_risk", "lapsed"] as const;
  return {
    as_of: AS_OF,
    currency: "USD",
    last_sync: null,
    rules,
    saved_rules: saved,
    customers: 8,
    sizes: segments.map((segment, i) => ({
      segment,
      customers: sizes[i] ?? 0,
      share: (sizes[i] ?? 0) / 8,
      definition: definitionOf(segment, rules),
    })),
    bands: [1, 2, 3, 4, 5].map((score) => ({
      score,
      days_since: { low: 0, high: 10 * score },
      visits: score === 2 ? null : { low: score, high: score },
      spend: { low: 100 * score, high: 200 * score },
    })),
    over_time: [
      { day: "2026-10-31", customers: [2, 1, 0, 0, 0, 0] },
      { day: "2026-11-30", customers: [1, 2, 1, 1, 0, 1] },
      { day: AS_OF, customers: sizes },
    ],
    moves: [],
    at_risk: [
      {
        customer: "0193a0a0-0000-7000-8000-000000000003",
        name: "Rita",
        last_visit: "2026-08-01",
        days_since: 126,
        usual_gap: 30,
        visits: 3,
        spend: "90.00",
        points: 110,
        stamps: 0,
        cashback: "0.00",
        consent: true,
        phone: "+48600100200",
        email: "rita@example.com",
      },
    ],
    ...over,
  };
}

/** The report's tables, as `Segments::tables` writes them (the sizes and the at-risk list). */
export function segmentsTables(s: Segments): Table[] {
  return [
    {
      id: "segments",
      columns: ["segment", "segment-customers", "share"],
      attention: false,
      rows: s.sizes.map((z) => [
        { kind: "label", value: `report-segment-${z.segment.replace("_", "-")}` },
        { kind: "count", value: z.customers },
        { kind: "fraction", value: (z.share ?? 0).toFixed(4) },
      ]),
    },
    {
      id: "segments-over-time",
      columns: ["day", "segment-new", "segment-occasional", "segment-regular", "segment-high-value", "segment-at-risk", "segment-lapsed"],
      attention: false,
      rows: s.over_time.map((o) => [{ kind: "date", value: o.day }, ...o.customers.map((n) => ({ kind: "count", value: n }) as const)]),
    },
    ...(s.moves.length > 0
      ? [
          {
            id: "segments-moves",
            columns: ["from-segment", "to-segment", "segment-customers"],
            attention: false,
            rows: s.moves.map((m) => [
              { kind: "label", value: `report-segment-${m.from.replace("_", "-")}` },
              { kind: "label", value: `report-segment-${m.to.replace("_", "-")}` },
              { kind: "count", value: m.customers },
            ]),
          } satisfies Table,
        ]
      : []),
    {
      id: "at-risk",
      columns: ["customer", "last-visit", "days-since", "usual-gap", "visits-year", "spend-year", "points", "consent", "phone", "email"],
      attention: s.at_risk.length > 0,
      rows: s.at_risk.map((c) => [
        { kind: "text", value: c.name ?? "" },
        { kind: "date", value: c.last_visit },
        { kind: "count", value: c.days_since },
        { kind: "count", value: c.usual_gap },
        { kind: "count", value: c.visits },
        { kind: "money", value: c.spend },
        { kind: "count", value: c.points },
        { kind: "label", value: c.consent ? "report-cell-yes" : "report-cell-no" },
        { kind: "text", value: c.phone ?? "" },
        { kind: "text", value: c.email ?? "" },
      ]),
    },
  ];
}

/** The engine's answer. */
export function segmentsView(s = segmentsOf()): SegmentsView {
  return { segments: s, tables: segmentsTables(s), listed: Math.min(s.at_risk.length, 100), at_risk: s.at_risk.length };
}

/** A command that refuses until the test says what it answers. */
function refuses<K extends keyof SegmentsApi>() {
  return vi.fn<SegmentsApi[K]>(() => Promise.reject(refusal("io")));
}

export function testSegments(over: Partial<SegmentsDeps> = {}) {
  const clock = new HandClock();
  const api = {
    segments: refuses<"segments">(),
    setSegmentRules: refuses<"setSegmentRules">(),
    exportSegmentsCsv: refuses<"exportSegmentsCsv">(),
    exportReportPdf: refuses<"exportReportPdf">(),
  } satisfies SegmentsApi;
  let language: Language = "en";
  const deps = { api, timers: clock, language: () => language, ...over } satisfies SegmentsDeps;
  return { controller: new SegmentsController(deps), api, clock, speak: (next: Language) => (language = next) };
}
