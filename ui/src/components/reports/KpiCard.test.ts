// One KPI's card: its name and value written by its unit, the previous
// period's value and the change since (direction and size), a missing value
// said as such, and its definition always in sight, in the reader's language.
import { render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Kpi } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import KpiCard from "./KpiCard.svelte";

function kpi(id: string, unit: Kpi["unit"], value: Kpi["value"], previous: Kpi["previous"]): Kpi {
  return { id, unit, value, previous, definition: `kpi-${id.replace(/_/g, "-")}-definition`, why: null };
}

/** ICU versions differ in their spaces (thin, no-break): compared as plain ones. */
const text = (testid: string) => screen.getByTestId(testid).textContent?.replace(/\s+/g, " ").trim();

function card(k: Kpi, currency = "USD") {
  render(KpiCard, { kpi: k, currency });
  return screen.getByTestId("kpi-card");
}

afterEach(() => locale.set("en"));

describe("a KPI's card", () => {
  it("shows a fraction as a percentage, its change in percentage points", () => {
    const shown = card(kpi("repeat_customer_rate", "fraction", 0.42857, 0.4));
    expect(shown.dataset.kpi).toBe("repeat_customer_rate");
    expect(shown.dataset.value).toBe("0.42857");
    expect(screen.getByRole("heading").textContent).toBe("Repeat-customer rate");
    expect(text("kpi-value")).toBe("42.9%");
    expect(text("kpi-previous")).toBe("Previous period: 40%");
    expect(screen.getByTestId("kpi-change").dataset.direction).toBe("up");
    expect(text("kpi-change")).toBe("▲ Up on the previous period: +2.9 pp");
    expect(text("kpi-definition")).toBe("Customers with two visits or more in the period ÷ customers who visited in it.");
  });

  it("shows a ratio with two decimals, its change relative", () => {
    card(kpi("visit_frequency", "ratio", 1.5, 2));
    expect(text("kpi-value")).toBe("1.50");
    expect(text("kpi-previous")).toBe("Previous period: 2.00");
    expect(screen.getByTestId("kpi-change").dataset.direction).toBe("down");
    expect(text("kpi-change")).toBe("▼ Down on the previous period: -25%");
  });

  it("shows money in the shop's currency", () => {
    card(kpi("average_check", "money", "4.50", "4.50"), "EUR");
    expect(text("kpi-value")).toBe("€4.50");
    expect(text("kpi-previous")).toBe("Previous period: €4.50");
    expect(screen.getByTestId("kpi-change").dataset.direction).toBe("same");
    expect(text("kpi-change")).toBe("= Same as the previous period: 0%");
  });

  it("says a predicted lifetime value is an estimate, and how it is made", () => {
    card(kpi("clv_predicted", "money", "15.75", "12.60"));
    expect(text("kpi-value")).toBe("$15.75");
    expect(text("kpi-change")).toContain("+25%");
    expect(text("kpi-definition")).toMatch(/^An estimate: .*1 ÷ \(1 − retention\)/);
  });

  it("shows a value the engine could not count as a dash that says why, and no change", () => {
    const shown = card(kpi("retention", "fraction", null, 0.5));
    expect(shown.dataset.value).toBe("");
    expect(text("kpi-value")).toBe("— not enough data");
    expect(text("kpi-previous")).toBe("Previous period: 50%");
    expect(screen.queryByTestId("kpi-change")).toBeNull();
    expect(text("kpi-definition")).toContain("previous period");
  });

  it("says when the previous period had too little to count", () => {
    card(kpi("redemption_rate", "fraction", 0.25, null));
    expect(text("kpi-value")).toBe("25%");
    expect(text("kpi-previous")).toBe("Previous period: — (not enough data)");
    expect(screen.queryByTestId("kpi-change")).toBeNull();
  });

  it("is all in Polish for a Polish reader, numbers written the Polish way", () => {
    locale.set("pl");
    card(kpi("repeat_customer_rate", "fraction", 0.42857, 0.4), "PLN");
    expect(screen.getByRole("heading").textContent).toBe("Odsetek powracających klientów");
    expect(text("kpi-value")).toBe("42,9%");
    expect(text("kpi-previous")).toBe("Poprzedni okres: 40%");
    expect(text("kpi-change")).toBe("▲ Więcej niż w poprzednim okresie: +2,9 p.p.");
    expect(text("kpi-definition")).toMatch(/^Klienci z co najmniej dwiema wizytami/);
    const all = screen.getByTestId("kpi-card").textContent ?? "";
    for (const english of ["Previous", "period", "Up", "pp ", "customers", "data"]) expect(all, english).not.toContain(english);
  });

  it("writes money and ratios the Polish way too", () => {
    locale.set("pl");
    card(kpi("average_check", "money", "1234.50", "1000.00"), "PLN");
    expect(text("kpi-value")).toBe("1234,50 zł");
    expect(text("kpi-change")).toContain("+23,5%");
  });

  it("says a missing value in Russian", () => {
    locale.set("ru");
    card(kpi("visit_frequency", "ratio", null, null), "RUB");
    expect(text("kpi-value")).toBe("— недостаточно данных");
    expect(text("kpi-previous")).toBe("Прошлый период: — (мало данных)");
  });

  it("says why a KPI has no value where the engine says, without a period before", () => {
    card({ ...kpi("breakage", "fraction", null, null), why: "kpi-breakage-no-expiry" });
    expect(text("kpi-value")).toBe("— Points never expire in this program, so none are lost.");
    expect(screen.getByTestId("kpi-previous").closest("p")?.hidden).toBe(true);
    expect(screen.getByTestId("kpi-card").dataset.why).toBe("kpi-breakage-no-expiry");
  });
});
