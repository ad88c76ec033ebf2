// What every report's controller shares (the daily close, the KPIs, the
// liability, and the reports to come): its reads go through one `LatestRun`
// (lib/latestRun.svelte.ts: the latest asked wins, progress after a while,
// the refusal kept), and its tables are saved as CSV through `TableExports`
// (lib/tableExports.svelte.ts), one at a time. A report's controller says
// what it reads and how one of its tables is saved; the screens read
// `loading`, `slow`, `refusal`, `exporting` and `exported` of any of them.
import type { api } from "../lib/api";
import type { ErrorReport, Language, ReportOf } from "../lib/bindings";
import { LatestRun } from "../lib/latestRun.svelte";
import { PDF_FILE, type Exported, type ReportExporter } from "../lib/reportTable";
import { TableExports } from "../lib/tableExports.svelte";
import type { Timers } from "../lib/timers";

/** The command every report saves its PDF with. */
export type PdfApi = Pick<typeof api, "exportReportPdf">;

/** What a report's controller is handed: the engine's commands it uses (lib/api.ts's `api`, or a test's fakes), timers, and the reader's language. */
export interface ReportDeps<Api extends PdfApi> {
  api: Api;
  timers: Pick<Timers, "after">;
  /** The reader's language: an exported file's headings (and any words in its cells) are in it. */
  language: () => Language;
}

export abstract class ReportController<T> implements ReportExporter {
  /** The report's reads: each asks anew, only the latest answer is taken. */
  protected readonly latest: LatestRun<T>;
  readonly #exports: TableExports;

  constructor(deps: ReportDeps<PdfApi>) {
    this.latest = new LatestRun(deps.timers);
    this.#exports = new TableExports((table) => {
      if (table !== PDF_FILE) return this.saveTable(table);
      const report = this.pdfOf();
      return report === null ? null : deps.api.exportReportPdf({ report, language: deps.language() });
    });
  }

  /** Saves the shown report's table `table` (answers the file's path), or null when no report is shown. */
  protected abstract saveTable(table: string): Promise<string> | null;

  /** The report shown, asked for as it was shown (its day, its period, its rules), for its PDF; null when none is shown. */
  protected abstract pdfOf(): ReportOf | null;

  /** The report is being counted. */
  get loading(): boolean {
    return this.latest.loading;
  }
  /** …and has been for a while: the screen says so. */
  get slow(): boolean {
    return this.latest.slow;
  }
  /** Why the last read was refused (not a manager, a bad day or period, the data unreadable). */
  get refusal(): ErrorReport | null {
    return this.latest.refusal;
  }
  /** The table being saved as CSV. */
  get exporting(): string | null {
    return this.#exports.exporting;
  }
  /** Where the last saved table went, or why it was not saved. */
  get exported(): Exported | null {
    return this.#exports.exported;
  }

  /** Saves the shown report's table `table` as a CSV file in the reader's language. */
  exportCsv(table: string): Promise<void> {
    return this.#exports.exportCsv(table);
  }

  /** Saves the whole report shown as a PDF file in the reader's language (`exporting` and `exported` name it `PDF_FILE`). */
  savePdf(): Promise<void> {
    return this.#exports.exportCsv(PDF_FILE);
  }

  /** Forgets where the last file went: another report is shown. */
  protected forgetExport(): void {
    this.#exports.forget();
  }
}

/**
 * A report of the current business day that asks nothing of the reader (the
 * liability, the offers): read when its tab is first shown, kept when the
 * tab is shown again, read again when asked (after a sync has brought other
 * tills' events), the shown report staying meanwhile.
 */
export abstract class AsOfReportController<T> extends ReportController<T> {
  /** The report shown (the engine's last answer). */
  view = $state<T | null>(null);

  /** Reads the report. */
  protected abstract read(): Promise<T>;
  /** Saves the shown report's table `table` (answers the file's path). */
  protected abstract save(table: string): Promise<string>;

  protected saveTable(table: string): Promise<string> | null {
    return this.view === null ? null : this.save(table);
  }

  /** Counts the report when the tab is first shown; coming back keeps it. */
  open(): Promise<void> {
    if (this.view !== null || this.loading) return Promise.resolve();
    return this.refresh();
  }

  /** Counts it again. The shown report stays meanwhile. */
  refresh(): Promise<void> {
    return this.latest.run(() => this.read(), {
      answered: (view) => {
        this.view = view;
        this.forgetExport();
      },
    });
  }
}
