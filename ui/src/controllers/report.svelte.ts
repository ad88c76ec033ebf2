// What every report's controller shares (the daily close, the KPIs, the
// liability, and the reports to come): its reads go through one `LatestRun`
// (lib/latestRun.svelte.ts: the latest asked wins, progress after a while,
// the refusal kept), and its tables are saved as CSV through `TableExports`
// (lib/tableExports.svelte.ts), one at a time. A report's controller says
// what it reads and how one of its tables is saved; the screens read
// `loading`, `slow`, `refusal`, `exporting` and `exported` of any of them.
import type { ErrorReport } from "../lib/bindings";
import { LatestRun } from "../lib/latestRun.svelte";
import type { Exported, TableExporter } from "../lib/reportTable";
import { TableExports } from "../lib/tableExports.svelte";
import type { Timers } from "../lib/timers";

export abstract class ReportController<T> implements TableExporter {
  /** The report's reads: each asks anew, only the latest answer is taken. */
  protected readonly latest: LatestRun<T>;
  readonly #exports: TableExports;

  constructor(timers: Pick<Timers, "after">) {
    this.latest = new LatestRun(timers);
    this.#exports = new TableExports((table) => this.saveTable(table));
  }

  /** Saves the shown report's table `table` (answers the file's path), or null when no report is shown. */
  protected abstract saveTable(table: string): Promise<string> | null;

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

  /** Forgets where the last file went: another report is shown. */
  protected forgetExport(): void {
    this.#exports.forget();
  }
}
