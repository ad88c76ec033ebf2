// The manager's offers report: each offer with a held-out group, the two
// groups over the offer's days so far, and what the offer changed per
// customer with its interval once there is enough data; its tables saved as
// CSV. An `AsOfReportController` (report.svelte.ts) like the liability; the
// engine's commands and the timers are handed in, so it is tested with
// vitest without a DOM and without Tauri. components/reports/Offer*.svelte
// lay it out and get it from context (`offersContext`).
import type { api } from "../lib/api";
import type { OffersView, ReportOf } from "../lib/bindings";
import { contextKey } from "../lib/context";
import { AsOfReportController, type ReportDeps } from "./report.svelte";

/** The engine's commands the offers report uses (lib/api.ts's `api`, or a test's fakes). */
export type OffersApi = Pick<typeof api, "offers" | "exportOffersCsv" | "exportReportPdf">;

export type OffersDeps = ReportDeps<OffersApi>;

export class OffersController extends AsOfReportController<OffersView> {
  /** No offer holds out a group: there is nothing to measure yet. */
  readonly nothing = $derived(this.view !== null && this.view.offers.offers.length === 0);

  readonly #deps: OffersDeps;

  constructor(deps: OffersDeps) {
    super(deps);
    this.#deps = deps;
  }

  protected read(): Promise<OffersView> {
    return this.#deps.api.offers();
  }

  protected pdfOf(): ReportOf | null {
    return this.view ? { report: "offers" } : null;
  }

  protected save(table: string): Promise<string> {
    return this.#deps.api.exportOffersCsv({ table, language: this.#deps.language() });
  }
}

/** The offers tab's controller, for the components inside it. */
export const offersContext = contextKey<OffersController>("offers report");
