// The manager's offers report: each offer with a held-out group, the two
// groups over the offer's days so far, and what the offer changed per
// customer with its interval once there is enough data; its tables saved as
// CSV. A `ReportController` (report.svelte.ts) like the other reports; the
// engine's commands and the timers are handed in, so it is tested with
// vitest without a DOM and without Tauri. components/reports/Offer*.svelte
// lay it out and get it from context (`offersContext`).
import type { api } from "../lib/api";
import type { Language, OffersView } from "../lib/bindings";
import { contextKey } from "../lib/context";
import type { Timers } from "../lib/timers";
import { ReportController } from "./report.svelte";

/** The engine's commands the offers report uses (lib/api.ts's `api`, or a test's fakes). */
export type OffersApi = Pick<typeof api, "offers" | "exportOffersCsv">;

export interface OffersDeps {
  api: OffersApi;
  timers: Pick<Timers, "after">;
  /** The reader's language: an exported file's headings are in it. */
  language: () => Language;
}

export class OffersController extends ReportController<OffersView> {
  /** The report shown (the engine's last answer). */
  view = $state<OffersView | null>(null);

  /** No offer holds out a group: there is nothing to measure yet. */
  readonly nothing = $derived(this.view !== null && this.view.offers.offers.length === 0);

  readonly #deps: OffersDeps;

  constructor(deps: OffersDeps) {
    super(deps.timers);
    this.#deps = deps;
  }

  protected saveTable(table: string): Promise<string> | null {
    return this.view ? this.#deps.api.exportOffersCsv({ table, language: this.#deps.language() }) : null;
  }

  /** Counts the report when the tab is first shown; coming back keeps it. */
  open(): Promise<void> {
    if (this.view !== null || this.loading) return Promise.resolve();
    return this.refresh();
  }

  /** Counts it again (after a sync has brought other tills' visits). The shown report stays meanwhile. */
  refresh(): Promise<void> {
    return this.latest.run(() => this.#deps.api.offers(), {
      answered: (view) => {
        this.view = view;
        this.forgetExport();
      },
    });
  }
}

/** The offers tab's controller, for the components inside it. */
export const offersContext = contextKey<OffersController>("offers report");
