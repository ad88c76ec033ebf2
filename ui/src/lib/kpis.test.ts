// What the KPIs screen writes, as plain functions: periods counted and
// written out, each KPI's value by its unit and its change since the
// previous period, in each language; the chart's days; the words it uses
// counted in each language's plural forms.
import { describe, expect, it } from "vitest";
import type { Language } from "./bindings";
import { Catalogue } from "./i18n";
import { kpiChange, kpiNameId, kpiValueText } from "./kpis";
import { dayShort, lastDays, periodDays, periodText, presetOf } from "./periods";
import { hoursFrom, periodChart } from "./reportChart";

/** ICU versions differ in their spaces (thin, no-break): compared as plain ones. */
const plain = (text: string | null | undefined) => text?.replace(/\s/g, " ");

describe("periods", () => {
  it("counts their days, both ends included, across months, years and leap days", () => {
    expect(periodDays({ from: "2026-12-05", to: "2026-12-05" })).toBe(1);
    expect(periodDays({ from: "2026-11-06", to: "2026-12-05" })).toBe(30);
    expect(periodDays({ from: "2028-02-01", to: "2028-03-01" })).toBe(30);
    // Across a daylight-saving change, whole days still.
    expect(periodDays({ from: "2026-03-20", to: "2026-04-02" })).toBe(14);
    expect(periodDays({ from: "2026-12-05", to: "2026-12-01" })).toBe(0);
    expect(periodDays({ from: "2026-02-31", to: "2026-03-01" })).toBe(0);
  });

  it("counts the last days back from a day", () => {
    expect(lastDays(7, "2026-03-01")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(lastDays(365, "2029-02-28")).toEqual({ from: "2028-03-01", to: "2029-02-28" });
    expect(lastDays(1, "2026-12-05")).toEqual({ from: "2026-12-05", to: "2026-12-05" });
  });

  it("knows a preset when it sees one, up to the current business day only", () => {
    expect(presetOf({ from: "2026-11-29", to: "2026-12-05" }, "2026-12-05")).toBe(7);
    expect(presetOf({ from: "2025-12-06", to: "2026-12-05" }, "2026-12-05")).toBe(365);
    expect(presetOf({ from: "2026-11-28", to: "2026-12-04" }, "2026-12-05")).toBeNull();
    expect(presetOf({ from: "2026-11-20", to: "2026-12-05" }, "2026-12-05")).toBeNull();
    expect(presetOf({ from: "2026-11-29", to: "2026-12-05" }, null)).toBeNull();
  });

  it("writes a period out in each language", () => {
    const november = { from: "2026-11-01", to: "2026-11-30" };
    expect(plain(periodText(november, "en"))).toMatch(/^1 ?– ?30 November 2026$/);
    expect(plain(periodText(november, "pl"))).toMatch(/^1 ?– ?30 listopada 2026$/);
    expect(plain(periodText(november, "fr"))).toMatch(/^1 ?– ?30 novembre 2026$/);
    expect(plain(periodText(november, "ru"))).toMatch(/^1 ?– ?30 ноября 2026 г\.$/);
    const year = { from: "2025-12-06", to: "2026-12-05" };
    expect(plain(periodText(year, "pl"))).toBe("6 grudnia 2025 – 5 grudnia 2026");
    expect(plain(periodText({ from: "2026-12-05", to: "2026-12-05" }, "fr"))).toBe("5 décembre 2026");
    expect(periodText({ from: "someday", to: "2026-12-05" }, "en")).toBe("someday – 2026-12-05");
  });

  it("writes a chart's day short", () => {
    expect(plain(dayShort("2026-12-05", "en"))).toBe("5 Dec");
    expect(plain(dayShort("2026-12-05", "pl"))).toBe("5 gru");
    expect(plain(dayShort("2026-12-05", "ru"))).toMatch(/^5 дек/);
    expect(plain(dayShort("2026-12-05", "fr", true))).toBe("5 déc. 2026");
    expect(dayShort("soon", "en")).toBe("soon");
  });
});

describe("a KPI's value", () => {
  it("writes each unit for the reader", () => {
    expect(kpiNameId("repeat_customer_rate")).toBe("kpi-repeat-customer-rate");
    expect(kpiValueText("fraction", 0.42857, "USD", "en")).toBe("42.9%");
    expect(kpiValueText("fraction", 1.25, "USD", "en")).toBe("125%");
    expect(kpiValueText("ratio", 1.75, "USD", "en")).toBe("1.75");
    expect(kpiValueText("ratio", 2, "USD", "en")).toBe("2.00");
    expect(kpiValueText("money", "4.50", "USD", "en")).toBe("$4.50");
    expect(kpiValueText("money", "1234.57", "EUR", "en")).toBe("€1,234.57");
    expect(kpiValueText("fraction", null, "USD", "en")).toBeNull();
  });

  it("in Polish, French and Russian", () => {
    expect(plain(kpiValueText("fraction", 0.42857, "PLN", "pl"))).toBe("42,9%");
    expect(plain(kpiValueText("ratio", 1.75, "PLN", "pl"))).toBe("1,75");
    expect(plain(kpiValueText("money", "4.50", "PLN", "pl"))).toBe("4,50 zł");
    expect(plain(kpiValueText("fraction", 0.5, "EUR", "fr"))).toBe("50 %");
    expect(plain(kpiValueText("money", "15.75", "RUB", "ru"))).toBe("15,75 ₽");
  });
});

describe("a KPI's change since the previous period", () => {
  const change = (...args: Parameters<typeof kpiChange>) => {
    const c = kpiChange(...args);
    return c && { ...c, text: plain(c.text) };
  };

  it("is in percentage points for a fraction", () => {
    expect(change("fraction", 0.4286, 0.4, "USD", "en")).toEqual({ direction: "up", kind: "points", text: "+2.9" });
    expect(change("fraction", 0.5, 0.625, "USD", "en")).toEqual({ direction: "down", kind: "points", text: "-12.5" });
    expect(change("fraction", 0.1, 0.1, "USD", "en")).toEqual({ direction: "same", kind: "points", text: "0" });
    // Less than a tenth of a point, as the two percentages shown read: the same.
    expect(change("fraction", 0.10004, 0.1, "USD", "en")?.direction).toBe("same");
    expect(change("fraction", 0.4286, 0.4, "PLN", "pl")?.text).toBe("+2,9");
  });

  it("is relative for a ratio and for money", () => {
    expect(change("ratio", 1.75, 1.5, "USD", "en")).toEqual({ direction: "up", kind: "relative", text: "+16.7%" });
    expect(change("money", "4.00", "5.00", "USD", "en")).toEqual({ direction: "down", kind: "relative", text: "-20%" });
    expect(change("money", "4.50", "4.50", "USD", "en")).toEqual({ direction: "same", kind: "relative", text: "0%" });
    expect(change("money", "4.50", "4.00", "EUR", "fr")?.text).toBe("+12,5 %");
  });

  it("is the difference itself from nothing", () => {
    expect(change("money", "4.50", "0.00", "USD", "en")).toEqual({ direction: "up", kind: "difference", text: "+$4.50" });
    expect(change("money", "0.00", "0.00", "PLN", "pl")).toEqual({ direction: "same", kind: "difference", text: "0,00 zł" });
    expect(change("ratio", 1.5, 0, "USD", "pl")).toEqual({ direction: "up", kind: "difference", text: "+1,50" });
  });

  it("is none without both values", () => {
    expect(kpiChange("fraction", 0.25, null, "USD", "en")).toBeNull();
    expect(kpiChange("money", null, "4.00", "USD", "en")).toBeNull();
  });
});

describe("the charts' data", () => {
  it("runs the hours of a business day from its first hour round to the hour before it", () => {
    const [hours, visits] = hoursFrom(4, [
      { hour: 4, visits: 2, sales: "8.00" },
      { hour: 23, visits: 1, sales: "4.00" },
      { hour: 1, visits: 3, sales: "12.00" },
    ]);
    expect(hours).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3]);
    expect(visits[0]).toBe(2);
    expect(visits[19]).toBe(1);
    // After midnight, at the right.
    expect(visits[21]).toBe(3);
    expect(hoursFrom(0, [])[0][0]).toBe(0);
    expect(hoursFrom(30, [])[0][0]).toBe(0);
  });

  it("has a period's days in order, with visits and points issued and redeemed", () => {
    const data = periodChart([
      { day: "2026-12-04", visits: 3, sales: "9.00", points_issued: 30, points_redeemed: 0, enrolments: 1 },
      { day: "2026-12-05", visits: 5, sales: "15.00", points_issued: 50, points_redeemed: 100, enrolments: 0 },
    ]);
    expect(data).toEqual({
      days: ["2026-12-04", "2026-12-05"],
      x: [0, 1],
      visits: [3, 5],
      issued: [30, 50],
      redeemed: [0, 100],
    });
  });
});

describe("the KPIs' words", () => {
  const say = (language: Language, id: string, args: Record<string, number | string>) =>
    new Catalogue(language).render({
      id,
      args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === "number" ? { number: v } : { text: v }])),
    });

  it("counts a period's days in each language's plural forms", () => {
    expect(say("en", "ui-report-period-days", { days: 1 })).toBe("1 day");
    expect(say("en", "ui-report-period-days", { days: 30 })).toBe("30 days");
    expect(say("pl", "ui-report-period-days", { days: 1 })).toBe("1 dzień");
    expect(say("pl", "ui-report-period-days", { days: 22 })).toBe("22 dni");
    expect(say("ru", "ui-report-period-days", { days: 21 })).toBe("21 день");
    expect(say("ru", "ui-report-period-days", { days: 3 })).toBe("3 дня");
    expect(say("ru", "ui-report-period-days", { days: 30 })).toBe("30 дней");
    expect(say("fr", "ui-report-period-days", { days: 7 })).toBe("7 jours");
  });

  it("names the presets", () => {
    expect(say("en", "ui-report-preset", { days: 7 })).toBe("Last 7 days");
    expect(say("pl", "ui-report-preset", { days: 7 })).toBe("Ostatnie 7 dni");
    expect(say("fr", "ui-report-preset", { days: 90 })).toBe("90 derniers jours");
    expect(say("ru", "ui-report-preset", { days: 365 })).toBe("Последние 365 дней");
    expect(say("ru", "ui-report-preset", { days: 7 })).toBe("Последние 7 дней");
  });
});
