// A report's table as the screens write it (engine/src/report/table.rs): the
// engine gives each cell's kind and its machine-readable value (`12.50`, `7`,
// a catalogue id); the screen writes it for its reader. The same code shows
// every report's tables.
import type { Cell, ErrorReport, Language } from "./bindings";
import { formatDate } from "./dates";
import { exponentOf, formatMoney } from "./money";
import { nameIn } from "./names";

/** What a cell needs to be written: the reader's language and catalogue (lib/locale.svelte.ts `locale`). */
export interface Words {
  readonly language: Language;
  t(id: string): string;
}

/** A decimal amount (`12.50`, `-0.05`, `1200`) in minor units of a currency with `exponent` decimals; null if it is not one. */
export function minorUnits(decimal: string, exponent: number): number | null {
  const parts = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!parts) return null;
  const [, sign, whole = "0", fraction = ""] = parts;
  if (fraction.length > exponent) return null;
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  return sign ? -minor : minor;
}

/** An amount the engine wrote as a decimal, for the reader (as it came if it is not one). */
export function moneyText(decimal: string, currency: string, language: Language): string {
  const minor = minorUnits(decimal, exponentOf(currency));
  return minor === null ? decimal : formatMoney(minor, currency, language);
}

/** A count for the reader (`1 234` in Polish, `1,234` in English). */
export function countText(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** A share (`0.4321`) as a percentage for the reader (`43.2 %` in French, `43.2%` in English); as it came if it is not a number. */
export function fractionText(decimal: string, language: Language): string {
  const share = Number(decimal);
  if (decimal.trim() === "" || !Number.isFinite(share)) return decimal;
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A decimal (`1.75`) for the reader (`1,75` in Polish); as it came if it is not a number. */
export function decimalText(decimal: string, language: Language): string {
  const value = Number(decimal);
  if (decimal.trim() === "" || !Number.isFinite(value)) return decimal;
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A local hour of the day as the row of its hour: `07:00`. */
export function hourText(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** One cell in the reader's words; money in the report's `currency`. */
export function cellText(cell: Cell, currency: string, words: Words): string {
  switch (cell.kind) {
    case "count":
      return countText(cell.value, words.language);
    case "money":
      return moneyText(cell.value, currency, words.language);
    case "fraction":
      return fractionText(cell.value, words.language);
    case "decimal":
      return decimalText(cell.value, words.language);
    case "date":
      return formatDate(cell.value, words.language);
    case "hour":
      return hourText(cell.value);
    case "label":
      return words.t(cell.value);
    case "name":
      return nameIn(cell.value, words.language);
    case "time":
    case "text":
      return cell.value;
  }
}

/** Numbers stand right-aligned, so their digits line up. */
export function isNumber(cell: Cell | undefined): boolean {
  return cell?.kind === "count" || cell?.kind === "money" || cell?.kind === "fraction" || cell?.kind === "decimal";
}

/** Where the last exported table went: its file's path, or why it was not saved. */
export type Exported =
  | { kind: "saved"; table: string; path: string }
  | { kind: "failed"; table: string; error: ErrorReport };

/** What `exporting` and `exported` name while the whole report is saved as a PDF (no table has this id). */
export const PDF_FILE = "pdf";

/** A report's controller as its tables' Export buttons see it. */
export interface TableExporter {
  /** The table being saved (its button waits), or `PDF_FILE`, if any. */
  readonly exporting: string | null;
  readonly exported: Exported | null;
  exportCsv(table: string): Promise<void>;
}

/** A report's controller as the reports' Save as PDF button sees it: one file at a time with its tables. */
export interface ReportExporter extends TableExporter {
  /** Saves the whole report shown as a PDF file in the reader's language. */
  savePdf(): Promise<void>;
}
