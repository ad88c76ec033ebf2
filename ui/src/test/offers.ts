// The offers controller on fakes, for its tests and its screen's: the
// engine's commands as mocks (each refuses until a test says what it
// answers), timers the test moves by hand, and a report as the engine writes
// it (engine/src/report/offers.rs).
import { vi } from "vitest";
import type { OffersApi, OffersDeps } from "../controllers/offers.svelte";
import { OffersController } from "../controllers/offers.svelte";
import type { Language, OfferResult, OfferResults, OffersView, Table } from "../lib/bindings";
import { HandClock, refusal } from "./barista";

export { answers, later } from "./reports";
export { HandClock, refusal };

/** The engine's current business day in these tests. */
export const AS_OF = "2026-12-05";

/**
 * Happy hour, measured: 90 customers given it came 1.5 times each and spent
 * $9.00, 40 held out came 1.2 times and spent $7.50; and a student week,
 * too young to say anything yet.
 */
export function offerResults(): OfferResult[] {
  return [
    {
      offer: "happy-hour",
      name: { text: "Happy hour" },
      holdout_percent: 30,
      from: "2026-11-01",
      to: AS_OF,
      days: 35,
      running: true,
      exposed: { customers: 90, visits: 135, spend: "810.00", visits_per_customer: 1.5, spend_per_customer: "9.00" },
      held_out: { customers: 40, visits: 48, spend: "300.00", visits_per_customer: 1.2, spend_per_customer: "7.50" },
      enough_data: true,
      uplift: {
        visits: { difference: 0.3, low: 0.05, high: 0.55, relative: 0.25 },
        spend: { difference: "1.50", low: "-0.40", high: "3.40", relative: "0.2000" },
      },
    },
    {
      offer: "student-week",
      name: { text: "Student week" },
      holdout_percent: 20,
      from: "2026-12-01",
      to: AS_OF,
      days: 5,
      running: true,
      exposed: { customers: 12, visits: 9, spend: "45.00", visits_per_customer: 0.75, spend_per_customer: "3.75" },
      held_out: { customers: 3, visits: 1, spend: "5.00", visits_per_customer: 0.3333333333333333, spend_per_customer: "1.67" },
      enough_data: false,
      uplift: null,
    },
  ];
}

/** The report as the engine writes it, over `offers`. */
export function offersOf(offers = offerResults(), over: Partial<OfferResults> = {}): OfferResults {
  return { as_of: AS_OF, currency: "USD", last_sync: null, min_group: 30, min_days: 7, offers, ...over };
}

/** The report's groups table, as `OfferResults::tables` writes it. */
export function offersTables(r: OfferResults): Table[] {
  return [
    {
      id: "offers",
      columns: ["offer", "offer-from", "offer-to", "group", "group-customers", "visits", "sales"],
      attention: false,
      rows: r.offers.flatMap((o) =>
        (
          [
            ["exposed", o.exposed],
            ["held-out", o.held_out],
          ] as const
        ).map(([group, g]) => [
          { kind: "name", value: o.name } as const,
          { kind: "date", value: o.from } as const,
          { kind: "date", value: o.to } as const,
          { kind: "label", value: `report-offer-group-${group}` } as const,
          { kind: "count", value: g.customers } as const,
          { kind: "count", value: g.visits } as const,
          { kind: "money", value: g.spend } as const,
        ]),
      ),
    },
  ];
}

/** The engine's answer. */
export function offersView(r = offersOf()): OffersView {
  return { offers: r, tables: offersTables(r) };
}

/** A command that refuses until the test says what it answers. */
function refuses<K extends keyof OffersApi>() {
  return vi.fn<OffersApi[K]>(() => Promise.reject(refusal("io")));
}

export function testOffers(over: Partial<OffersDeps> = {}) {
  const clock = new HandClock();
  const api = {
    offers: refuses<"offers">(),
    exportOffersCsv: refuses<"exportOffersCsv">(),
    exportReportPdf: refuses<"exportReportPdf">(),
  } satisfies OffersApi;
  let language: Language = "en";
  const deps = { api, timers: clock, language: () => language, ...over } satisfies OffersDeps;
  return { controller: new OffersController(deps), api, clock, speak: (next: Language) => (language = next) };
}
