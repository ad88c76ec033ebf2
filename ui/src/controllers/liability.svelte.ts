// The manager's liability report: what the shop owes its customers in
// points, stamps, cashback and vouchers as of the current business day,
// valued in money three ways, and its tables saved as CSV. An
// `AsOfReportController` (report.svelte.ts) like the offers; the engine's
// commands and the timers are handed in, so it is tested with vitest without
// a DOM and without Tauri. components/reports/Liability*.svelte lay it out
// and get it from context (`liabilityContext`).
import type { api } from "../lib/api";
import type { LiabilityView, Name, ReportOf, Valuation } from "../lib/bindings";
import { contextKey } from "../lib/context";
import { AsOfReportController, type ReportDeps } from "./report.svelte";

/** The engine's commands the liability report uses (lib/api.ts's `api`, or a test's fakes). */
export type LiabilityApi = Pick<typeof api, "liability" | "exportLiabilityCsv" | "exportReportPdf">;

export type LiabilityDeps = ReportDeps<LiabilityApi>;

/** What the program lacks to value every balance: rewards without a cost to the shop, and without a menu price. */
export type Missing = { cost: Name[]; price: Name[] };

/** The rewards each kind of value lacks, over every line, each named once, in the lines' order. */
export function missingOf(view: LiabilityView | null): Missing {
  // By the program's own word for each, which names it once.
  const cost = new Map<string, Name>();
  const price = new Map<string, Name>();
  const note = (value: Valuation) => {
    if (value.state === "no_cost") value.rewards.forEach((r) => cost.set(r.text, r));
    if (value.state === "no_price") value.rewards.forEach((r) => price.set(r.text, r));
  };
  for (const line of view?.liability.lines ?? []) {
    note(line.face_value);
    note(line.expected_cost);
    note(line.deferral);
  }
  return { cost: [...cost.values()], price: [...price.values()] };
}

export class LiabilityController extends AsOfReportController<LiabilityView> {
  /** What the program lacks to value every balance. */
  readonly missing = $derived(missingOf(this.view));
  /** Nothing at all is outstanding. */
  readonly nothing = $derived(this.view !== null && this.view.liability.lines.every((l) => l.outstanding === 0));

  readonly #deps: LiabilityDeps;

  constructor(deps: LiabilityDeps) {
    super(deps);
    this.#deps = deps;
  }

  protected read(): Promise<LiabilityView> {
    return this.#deps.api.liability();
  }

  protected pdfOf(): ReportOf | null {
    return this.view ? { report: "liability" } : null;
  }

  protected save(table: string): Promise<string> {
    return this.#deps.api.exportLiabilityCsv({ table, language: this.#deps.language() });
  }
}

/** The liability tab's controller, for the components inside it. */
export const liabilityContext = contextKey<LiabilityController>("liability report");
