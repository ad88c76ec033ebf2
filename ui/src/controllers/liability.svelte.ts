// The manager's liability report: what the shop owes its customers in
// points, stamps, cashback and vouchers as of the current business day,
// valued in money three ways, and its tables saved as CSV. The shape of the
// other reports (reports.svelte.ts, kpis.svelte.ts): every read through one
// `LatestRun`, the Export buttons through `TableExports`; the engine's
// commands and the timers are handed in, so it is tested with vitest without
// a DOM and without Tauri. components/reports/Liability*.svelte lay it out
// and get it from context (`liabilityContext`).
import type { api } from "../lib/api";
import type { ErrorReport, Language, LiabilityView, Valuation } from "../lib/bindings";
import { contextKey } from "../lib/context";
import { LatestRun } from "../lib/latestRun.svelte";
import type { Exported, TableExporter } from "../lib/reportTable";
import { TableExports } from "../lib/tableExports.svelte";
import type { Timers } from "../lib/timers";

/** The engine's commands the liability report uses (lib/api.ts's `api`, or a test's fakes). */
export type LiabilityApi = Pick<typeof api, "liability" | "exportLiabilityCsv">;

export interface LiabilityDeps {
  api: LiabilityApi;
  timers: Pick<Timers, "after">;
  /** The reader's language: an exported file's headings are in it. */
  language: () => Language;
}

/** What the program lacks to value every balance: rewards without a cost to the shop, and without a menu price. */
export type Missing = { cost: string[]; price: string[] };

/** The rewards each kind of value lacks, over every line, each named once, in the lines' order. */
export function missingOf(view: LiabilityView | null): Missing {
  const cost = new Set<string>();
  const price = new Set<string>();
  const note = (value: Valuation) => {
    if (value.state === "no_cost") value.rewards.forEach((r) => cost.add(r));
    if (value.state === "no_price") value.rewards.forEach((r) => price.add(r));
  };
  for (const line of view?.liability.lines ?? []) {
    note(line.face_value);
    note(line.expected_cost);
    note(line.deferral);
  }
  return { cost: [...cost], price: [...price] };
}

export class LiabilityController implements TableExporter {
  /** The report shown (the engine's last answer). */
  view = $state<LiabilityView | null>(null);

  /** What the program lacks to value every balance. */
  readonly missing = $derived(missingOf(this.view));
  /** Nothing at all is outstanding. */
  readonly nothing = $derived(this.view !== null && this.view.liability.lines.every((l) => l.outstanding === 0));

  readonly #deps: LiabilityDeps;
  readonly #latest: LatestRun<LiabilityView>;
  readonly #exports: TableExports;

  constructor(deps: LiabilityDeps) {
    this.#deps = deps;
    this.#latest = new LatestRun(deps.timers);
    this.#exports = new TableExports((table) =>
      this.view ? deps.api.exportLiabilityCsv({ table, language: deps.language() }) : null,
    );
  }

  /** The report is being counted. */
  get loading(): boolean {
    return this.#latest.loading;
  }
  /** …and has been for a while: the screen says so. */
  get slow(): boolean {
    return this.#latest.slow;
  }
  /** Why the last read was refused (not a manager, the data unreadable). */
  get refusal(): ErrorReport | null {
    return this.#latest.refusal;
  }
  /** The table being saved as CSV. */
  get exporting(): string | null {
    return this.#exports.exporting;
  }
  /** Where the last saved table went, or why it was not saved. */
  get exported(): Exported | null {
    return this.#exports.exported;
  }

  /** Counts the report when the tab is first shown; coming back keeps it. */
  open(): Promise<void> {
    if (this.view !== null || this.loading) return Promise.resolve();
    return this.refresh();
  }

  /** Counts it again (after a sync has brought other tills' events). The shown report stays meanwhile. */
  refresh(): Promise<void> {
    return this.#latest.run(() => this.#deps.api.liability(), {
      answered: (view) => {
        this.view = view;
        this.#exports.forget();
      },
    });
  }

  /** Saves the shown report's table `table` as a CSV file headed in the reader's language. */
  exportCsv(table: string): Promise<void> {
    return this.#exports.exportCsv(table);
  }
}

/** The liability tab's controller, for the components inside it. */
export const liabilityContext = contextKey<LiabilityController>("liability report");
