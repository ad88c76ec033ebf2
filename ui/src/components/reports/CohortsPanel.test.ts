// Monthly cohort retention under the KPIs: a row per month with its name in
// the reader's language and how many joined, a cell per month since joining
// with the share who came (shaded by it), blank where the month has not come;
// nobody joined says so; counting and refusals as every report says them.
import { render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { locale } from "../../lib/locale.svelte";
import type { TableExporter } from "../../lib/reportTable";
import { refusal, someCohorts } from "../../test/kpis";
import CohortsPanel from "./CohortsPanel.svelte";

/** ICU versions differ in their spaces (thin, no-break): compared as plain ones. */
const plain = (el: Element) => el.textContent?.replace(/\s+/g, " ").trim();

function idle(): TableExporter {
  return { exported: null, exporting: null, exportCsv: () => Promise.resolve() };
}

const rows = () => screen.getAllByTestId("cohort").map((row) => Array.from(row.children).map(plain));

afterEach(() => locale.set("en"));

describe("the monthly cohorts", () => {
  it("shows each month's customers and the share who came each month since, blank where it has not come", () => {
    render(CohortsPanel, { cohorts: someCohorts(), exporter: idle() });
    expect(screen.getByRole("heading").textContent).toBe("Monthly cohort retention");
    expect(screen.getByRole("columnheader", { name: "Months since joining" })).toBeTruthy();
    expect(rows()).toEqual([
      ["October 2026", "40", "100%", "50%", "25%"],
      ["November 2026", "10", "100%", "30%", ""],
      ["December 2026", "0", "", "", ""],
    ]);
    const half = screen.getAllByTestId("cohort")[0]?.querySelector<HTMLElement>("[data-share='0.5']");
    expect(half?.style.getPropertyValue("--share")).toBe("0.5");
    expect(screen.getByRole("button").textContent?.trim()).toBe("Export the cohorts as CSV");
  });

  it("writes the months in Polish", () => {
    locale.set("pl");
    render(CohortsPanel, { cohorts: someCohorts(), exporter: idle() });
    expect(rows()[0]?.slice(0, 3)).toEqual(["Październik 2026", "40", "100%"]);
  });

  it("says nobody joined rather than showing a table of empty months", () => {
    render(CohortsPanel, { cohorts: [{ month: "2026-12", customers: 0, retained: [] }], exporter: idle() });
    expect(screen.getByTestId("cohorts-none").textContent).toBe("Nobody joined in the last twelve months.");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says it is counting after a while, and why it was refused", () => {
    const { rerender } = render(CohortsPanel, { cohorts: null, slow: true, exporter: idle() });
    expect(screen.getByTestId("cohorts-counting").textContent).toContain("Counting the cohorts…");
    rerender({ cohorts: null, slow: false, refusal: refusal("auth.forbidden"), exporter: idle() });
    expect(screen.getByTestId("cohorts-refusal")).toBeTruthy();
  });
});
