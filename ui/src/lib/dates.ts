// Dates written as the engine writes them (engine/src/i18n.rs, `date_text`):
// `3 Dec 2026`, `3.12.2026` (Polish), `03/12/2026` (French), `03.12.2026` (Russian).
import type { Language } from "./bindings";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A `YYYY-MM-DD` date for `language`; anything else is shown as it came. */
export function formatDate(iso: string, language: Language): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!parts) return iso;
  const [, year, month, day] = parts as unknown as [string, string, string, string];
  const monthName = MONTHS[Number(month) - 1];
  if (monthName === undefined) return iso;
  switch (language) {
    case "en":
      return `${Number(day)} ${monthName} ${year}`;
    case "pl":
      return `${Number(day)}.${month}.${year}`;
    case "fr":
      return `${day}/${month}/${year}`;
    case "ru":
      return `${day}.${month}.${year}`;
  }
}
