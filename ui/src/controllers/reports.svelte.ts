// The manager's reports, first the daily close: which business day is shown,
// the engine's close of it (its figures and its tables), moving from day to
// day, and its tables saved as CSV files. screens/Reports.svelte lays it out;
// its components get it from context (`reportsContext`). The engine's
// commands and the timers are handed in, so it is tested with vitest without
// a DOM and without Tauri.
//
// Every report's controller is a `ReportController` (report.svelte.ts): its
// reads through one `LatestRun`, its tables saved through `TableExports`; the
// KPIs (kpis.svelte.ts) and the liability (liability.svelte.ts) have the
// same shape, and the reports to come (segments, offers) copy it.
import type { api } from "../lib/api";
import type { CloseView, ReportOf } from "../lib/bindings";
import { contextKey } from "../lib/context";
import { addDays } from "../lib/dates";
import { ReportController, type ReportDeps } from "./report.svelte";

/** When a close still counting says so (lib/latestRun.svelte.ts), for the reports' tests. */
export { SLOW_AFTER_MS } from "../lib/latestRun.svelte";

/** The engine's commands the reports use (lib/api.ts's `api`, or a test's fakes). */
export type ReportsApi = Pick<typeof api, "dailyClose" | "exportCloseCsv" | "exportReportPdf">;

export type ReportsDeps = ReportDeps<ReportsApi>;

export class ReportsController extends ReportController<CloseView> {
  /** The close shown (the last one the engine answered for the day last asked). */
  view = $state<CloseView | null>(null);
  /** The business day last asked for, `YYYY-MM-DD`; null: the engine's current business day. */
  day = $state<string | null>(null);

  /** The day the next move starts from: the last asked, else the one shown. */
  readonly #from = $derived(this.day ?? this.view?.close.business_day ?? null);
  /** The shown close is of the current business day, still going. */
  readonly isToday = $derived(this.view !== null && this.view.close.business_day === this.view.today);
  readonly canPrevious = $derived(this.#from !== null);
  /** Never past the current business day. */
  readonly canNext = $derived(this.view !== null && this.#from !== null && this.#from < this.view.today);

  readonly #deps: ReportsDeps;

  constructor(deps: ReportsDeps) {
    super(deps);
    this.#deps = deps;
  }

  /** Saves the shown close's table `table`, headed in the reader's language. */
  protected saveTable(table: string): Promise<string> | null {
    const view = this.view;
    return view
      ? this.#deps.api.exportCloseCsv({ day: view.close.business_day, table, language: this.#deps.language() })
      : null;
  }

  /** The shown close's day. */
  protected pdfOf(): ReportOf | null {
    return this.view ? { report: "close", day: this.view.close.business_day } : null;
  }

  /** Opens on the current business day. */
  open(): Promise<void> {
    return this.#run(null);
  }

  /** The close of `day` (`YYYY-MM-DD`); a day past the current one shows the current one. */
  show(day: string): Promise<void> {
    const wanted = day.trim();
    if (!wanted) return Promise.resolve();
    const today = this.view?.today;
    return this.#run(today !== undefined && wanted > today ? today : wanted);
  }

  previousDay(): Promise<void> {
    return this.#from === null ? Promise.resolve() : this.#run(addDays(this.#from, -1));
  }

  nextDay(): Promise<void> {
    return this.canNext && this.#from !== null ? this.#run(addDays(this.#from, 1)) : Promise.resolve();
  }

  /**
   * Asks the engine for the close of `day` (null: the current business day).
   * Days asked in a row (previous, previous): only the answer for the last
   * one asked is shown. Meanwhile the shown close stays, and `slow` comes on
   * after a while. After a refusal the day goes back to the one shown.
   */
  #run(day: string | null): Promise<void> {
    this.day = day;
    return this.latest.run(() => this.#deps.api.dailyClose(day === null ? {} : { day }), {
      answered: (view) => {
        this.view = view;
        this.forgetExport();
      },
      refused: () => {
        this.day = this.view?.close.business_day ?? null;
      },
    });
  }
}

/** The reports screen's controller, for the components inside it. */
export const reportsContext = contextKey<ReportsController>("reports screen");
