// What the report screens write, as plain functions: a table's cells for the
// reader, the chart's hours, the days moved through and written out, and the
// reports' own words counted in each language's plural forms.
import { describe, expect, it } from "vitest";
import type { Cell, Language } from "./bindings";
import { addDays, formatDayLong, formatMoment } from "./dates";
import { Catalogue } from "./i18n";
import { visitsByHour } from "./reportChart";
import { cellText, countText, fractionText, hourText, isNumber, minorUnits, moneyText, type Words } from "./reportTable";

function words(language: Language): Words {
  const catalogue = new Catalogue(language);
  return { language, t: (id) => catalogue.render({ id }) };
}

describe("a table's cells", () => {
  it("writes money in the report's currency, for the reader", () => {
    expect(minorUnits("12.50", 2)).toBe(1250);
    expect(minorUnits("-0.05", 2)).toBe(-5);
    expect(minorUnits("1200", 0)).toBe(1200);
    expect(minorUnits("12.5", 2)).toBe(1250);
    expect(minorUnits("12.505", 2)).toBeNull();
    expect(minorUnits("twelve", 2)).toBeNull();
    expect(moneyText("1234.50", "USD", "en")).toBe("$1,234.50");
    expect(moneyText("1234.50", "PLN", "pl")).toBe("1234,50\u00a0zł");
    expect(moneyText("not money", "PLN", "pl")).toBe("not money");
  });

  it("writes each kind of cell", () => {
    const en = words("en");
    const cells: [Cell, string][] = [
      [{ kind: "count", value: 12345 }, "12,345"],
      [{ kind: "money", value: "4.50" }, "$4.50"],
      [{ kind: "fraction", value: "0.3571" }, "35.7%"],
      [{ kind: "decimal", value: "1.75" }, "1.75"],
      [{ kind: "date", value: "2026-12-04" }, "4 Dec 2026"],
      [{ kind: "hour", value: 7 }, "07:00"],
      [{ kind: "time", value: "07:45" }, "07:45"],
      [{ kind: "text", value: "Latte for Ada" }, "Latte for Ada"],
      [{ kind: "label", value: "report-cell-nobody" }, "(nobody signed in)"],
    ];
    for (const [cell, text] of cells) expect(cellText(cell, "USD", en), cell.kind).toBe(text);
  });

  it("writes them in the reader's language", () => {
    const pl = words("pl");
    expect(cellText({ kind: "count", value: 12345 }, "PLN", pl)).toBe("12\u00a0345");
    expect(cellText({ kind: "money", value: "4.50" }, "PLN", pl)).toBe("4,50\u00a0zł");
    expect(cellText({ kind: "label", value: "report-measure-visits" }, "PLN", pl)).toBe("Wizyty");
    expect(cellText({ kind: "fraction", value: "0.5000" }, "EUR", words("fr"))).toBe("50\u00a0%");
    expect(fractionText("not a share", "pl")).toBe("not a share");
    expect(cellText({ kind: "decimal", value: "1.75" }, "PLN", pl)).toBe("1,75");
    expect(cellText({ kind: "date", value: "2026-12-04" }, "PLN", pl)).toBe("4.12.2026");
    expect(countText(-40, "fr")).toBe("-40");
    expect(hourText(23)).toBe("23:00");
    const drink = { text: "Any drink", translations: { pl: "Dowolny napój" } };
    expect(cellText({ kind: "name", value: drink }, "PLN", pl)).toBe("Dowolny napój");
    expect(cellText({ kind: "name", value: drink }, "EUR", words("fr"))).toBe("Any drink");
  });

  it("right-aligns numbers only", () => {
    expect(isNumber({ kind: "count", value: 1 })).toBe(true);
    expect(isNumber({ kind: "money", value: "1.00" })).toBe(true);
    expect(isNumber({ kind: "fraction", value: "0.1000" })).toBe(true);
    expect(isNumber({ kind: "hour", value: 1 })).toBe(false);
    expect(isNumber({ kind: "text", value: "1" })).toBe(false);
    expect(isNumber(undefined)).toBe(false);
  });
});

describe("the visits chart", () => {
  it("has every hour of the day, those without visits at 0", () => {
    const [hours, visits] = visitsByHour([
      { hour: 7, visits: 5, sales: "50.00" },
      { hour: 23, visits: 1, sales: "4.00" },
    ]);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toBe(0);
    expect(hours[23]).toBe(23);
    expect(visits[7]).toBe(5);
    expect(visits[23]).toBe(1);
    expect(visits.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("ignores an hour outside the day", () => {
    const [, visits] = visitsByHour([{ hour: 24, visits: 5, sales: "50.00" }]);
    expect(visits.every((v) => v === 0)).toBe(true);
  });
});

describe("days", () => {
  it("moves by the calendar, across months, years and leap days", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    // Across a daylight-saving change, still one day.
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", -1)).toBe("2026-10-24");
    expect(addDays("not a day", 1)).toBe("not a day");
  });

  it("writes a day out in full in each language", () => {
    // ICU versions differ in their spaces (a no-break one before the Russian "г.").
    const long = (language: Language) => formatDayLong("2026-12-05", language).replace(/\s/g, " ");
    // English as the engine writes it, day before month (a comma or not, by ICU version).
    expect(long("en").replace(",", "")).toBe("Saturday 5 December 2026");
    expect(long("pl")).toBe("Sobota, 5 grudnia 2026");
    expect(long("fr")).toBe("Samedi 5 décembre 2026");
    expect(long("ru")).toBe("Суббота, 5 декабря 2026 г.");
    expect(formatDayLong("2026-13-45", "en")).toBe("2026-13-45");
  });

  it("writes an instant in the shop's time zone", () => {
    expect(formatMoment("2026-12-05T21:30:00Z", "pl", "Europe/Warsaw")).toContain("22:30");
    expect(formatMoment("2026-12-05T21:30:00Z", "en", "America/New_York")).toContain("16:30");
    // A zone this webview does not know: the till's own, not an error.
    expect(formatMoment("2026-12-05T21:30:00Z", "en", "Mars/Olympus")).toMatch(/2026/);
    expect(formatMoment("yesterday", "en")).toBe("yesterday");
  });
});

describe("the reports' words", () => {
  const say = (language: Language, id: string, name: string, n: number) =>
    new Catalogue(language).render({ id, args: { [name]: { number: n } } });

  it("counts unusual customers in each language's plural forms", () => {
    const unusual = "ui-report-attention-close-unusual";
    expect(say("en", unusual, "count", 1)).toMatch(/^One customer had /);
    expect(say("en", unusual, "count", 3)).toMatch(/^3 customers had /);
    expect(say("pl", unusual, "count", 1)).toMatch(/^Jeden klient miał /);
    expect(say("pl", unusual, "count", 3)).toMatch(/^3 klientów miało /);
    expect(say("ru", unusual, "count", 21)).toMatch(/^21 клиент совершил /);
    expect(say("ru", unusual, "count", 3)).toMatch(/^3 клиента совершили /);
    expect(say("ru", unusual, "count", 5)).toMatch(/^5 клиентов совершили /);
    expect(say("fr", unusual, "count", 2)).toMatch(/^2 clients ont fait /);
  });

  it("counts a flagged table's lines in each language's plural forms", () => {
    const flagged = (language: Language, count: number) =>
      new Catalogue(language).render({ id: "ui-report-attention", args: { table: { text: "X" }, count: { number: count } } });
    expect(flagged("en", 1)).toBe("X: one line to look at");
    expect(flagged("en", 2)).toBe("X: 2 lines to look at");
    expect(flagged("pl", 1)).toBe("X: jedna pozycja do sprawdzenia");
    expect(flagged("pl", 3)).toBe("X: 3 pozycje do sprawdzenia");
    expect(flagged("pl", 5)).toBe("X: 5 pozycji do sprawdzenia");
    expect(flagged("ru", 21)).toBe("X: 21 строка — стоит проверить");
    expect(flagged("ru", 5)).toBe("X: 5 строк — стоит проверить");
    expect(flagged("fr", 2)).toBe("X : 2 lignes à examiner");
  });

  it("says how long a day with the clocks changed lasted", () => {
    expect(say("pl", "ui-report-hours", "hours", 23)).toContain("23 godziny");
    expect(say("pl", "ui-report-hours", "hours", 25)).toContain("25 godzin ");
    expect(say("ru", "ui-report-hours", "hours", 23)).toContain("23 часа");
    expect(say("ru", "ui-report-hours", "hours", 25)).toContain("25 часов");
    expect(say("fr", "ui-report-hours", "hours", 23)).toContain("23 heures");
  });
});
