// A file's size for the reader (a backup's, on the recovery screen): in the
// language's own units and decimal comma, `2.4 MB`, `2,4 Mo`, `2,4 МБ`.
import type { Language } from "./bindings";

/** The units, each 1000 of the one before (as the desktops' file managers count). */
const UNITS = ["kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** `bytes` in the largest unit it has one of (a kilobyte at least), to one decimal. */
export function formatSize(bytes: number, language: Language): string {
  let value = Math.max(0, bytes) / 1000;
  let unit = 0;
  // Rounded as written: 999,999 bytes is 1 MB, not 1,000 kB.
  while (Math.round(value * 10) / 10 >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language === "en" ? "en-GB" : language, {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}
