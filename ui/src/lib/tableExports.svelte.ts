// A report's tables saved as CSV files, one at a time: the state every
// report's Export buttons show (lib/reportTable.ts's `TableExporter`), kept
// apart from what the report is, so each report controller
// (controllers/reports.svelte.ts, liability.svelte.ts, the reports to come)
// hands in only how to save one of its tables.
import { asErrorReport } from "./api";
import type { Exported, TableExporter } from "./reportTable";

/** Saves the table `table` of the report shown; answers the file's path, or null when no report is shown. */
export type SaveTable = (table: string) => Promise<string> | null;

export class TableExports implements TableExporter {
  /** The table being saved as CSV. */
  exporting = $state<string | null>(null);
  /** Where the last saved table went, or why it was not saved. */
  exported = $state<Exported | null>(null);

  readonly #save: SaveTable;

  constructor(save: SaveTable) {
    this.#save = save;
  }

  /** Saves `table`; nothing while another is being saved or nothing is shown. */
  async exportCsv(table: string): Promise<void> {
    if (this.exporting !== null) return;
    const saving = this.#save(table);
    if (saving === null) return;
    this.exporting = table;
    this.exported = null;
    try {
      this.exported = { kind: "saved", table, path: await saving };
    } catch (e) {
      this.exported = { kind: "failed", table, error: asErrorReport(e) };
    } finally {
      this.exporting = null;
    }
  }

  /** Forgets where the last file went (another day or report is shown). */
  forget(): void {
    this.exported = null;
  }
}
