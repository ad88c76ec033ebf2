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

/**
 * A day typed by a reader of `language` as `formatDate` writes it (`6 Dec 2026`,
 * `6.12.2026`, `06/12/2026`, `06.12.2026`; day-first languages take `.` or `/`),
 * or as `YYYY-MM-DD`: the `YYYY-MM-DD` day, or null for anything that is not a
 * day of the calendar.
 */
export function parseDate(text: string, language: Language): string | null {
  const t = text.trim();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) {
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (language === "en") {
    const named = /^(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})$/.exec(t);
    const month = named ? MONTHS.findIndex((m) => m.toLowerCase() === named[2]!.toLowerCase()) : -1;
    if (named && month >= 0) parts = [Number(named[3]), month + 1, Number(named[1])];
  } else {
    const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
    if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return at.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` day `days` later (or earlier), by the calendar; anything else comes back as it came. */
export function addDays(iso: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const at = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return iso;
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` day written out in full for `language`, as a heading
 * ("Saturday 5 December 2026", "Sobota, 5 grudnia 2026"). */
export function formatDayLong(iso: string, language: Language): string {
  const at = new Date(`${iso}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(at.getTime())) return iso;
  const text = new Intl.DateTimeFormat(intlTag(language), { dateStyle: "full", timeZone: "UTC" }).format(at);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A `YYYY-MM` month with its year for `language` ("October 2026", "Październik 2026"). */
export function formatMonth(month: string, language: Language): string {
  const at = new Date(`${month}-01T12:00:00Z`);
  if (!/^\d{4}-\d{2}$/.test(month) || Number.isNaN(at.getTime())) return month;
  const text = new Intl.DateTimeFormat(intlTag(language), { month: "long", year: "numeric", timeZone: "UTC" }).format(at);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An instant (RFC 3339) as a date and time of day for `language`, in `timeZone`
 * (the shop's, an IANA name; the till's own when none or one this webview does not know). */
export function formatMoment(instant: string, language: Language, timeZone?: string | null): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const style = { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" } as const;
  try {
    return new Intl.DateTimeFormat(intlTag(language), timeZone ? { ...style, timeZone } : style).format(at);
  } catch {
    return new Intl.DateTimeFormat(intlTag(language), style).format(at);
  }
}

/**
 * A wall-clock time as the engine writes it for the shop (`2026-12-03 07:05`,
 * already in the shop's time zone), in the reader's words: `3 Dec 2026, 07:05`,
 * `3 gru 2026, 07:05`, `3 déc. 2026, 07:05`, `3 дек. 2026 г., 07:05`.
 * Anything else is shown as it came.
 */
export function formatWallClock(text: string, language: Language): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(text);
  if (!parts) return text;
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [number, number, number, number, number];
  // Read and written in UTC: the time stays the shop's, whatever the till's own zone.
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return new Intl.DateTimeFormat(intlTag(language), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" }).format(at);
}

/** The time of day of `ms` (milliseconds since 1970) on the till's clock, for `language`: `07:05`. */
export function formatClock(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(intlTag(language), { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));
}

/** The tag Intl formats with: English as the engine writes it (day before month, `3 Dec 2026`). */
function intlTag(language: Language): string {
  return language === "en" ? "en-GB" : language;
}

/**
 * When something last happened on the till's clock (`ms`), for a status line:
 * the time alone on the same day as `now` (`07:05`), else the day and time
 * (`3 Dec, 07:05`).
 */
export function formatWhen(ms: number, now: number, language: Language): string {
  const at = new Date(ms);
  if (at.toDateString() === new Date(now).toDateString()) return formatClock(ms, language);
  return new Intl.DateTimeFormat(intlTag(language), { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}
