// Any report's table: its title and headings from the catalogues, each kind
// of cell written for the reader (numbers right-aligned), an empty table
// said in words, and its Export button telling where the file went.
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Table } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import type { Exported, TableExporter } from "../../lib/reportTable";
import { refusal } from "../../test/reports";
import ReportTable from "./ReportTable.svelte";

const staff: Table = {
  id: "close-adjustments",
  columns: ["time", "by", "customer", "account", "amount", "reason"],
  attention: false,
  rows: [
    [
      { kind: "time", value: "07:45" },
      { kind: "label", value: "report-cell-nobody" },
      { kind: "text", value: "Ada" },
      { kind: "text", value: "cashback" },
      { kind: "money", value: "1234.50" },
      { kind: "text", value: "refund" },
    ],
  ],
};

const byHour: Table = {
  id: "close-by-hour",
  columns: ["hour", "visits", "sales"],
  attention: false,
  rows: [[{ kind: "hour", value: 7 }, { kind: "count", value: 12345 }, { kind: "money", value: "4.50" }]],
};

function exporter(over: Partial<TableExporter> = {}): TableExporter {
  return { exporting: null, exported: null, exportCsv: vi.fn(() => Promise.resolve()), ...over };
}

function cells(): string[] {
  return within(screen.getByRole("table"))
    .getAllByRole("cell")
    .map((c) => c.textContent ?? "");
}

afterEach(() => locale.set("en"));

describe("a table", () => {
  it("is titled and headed from the catalogues, each cell written by its kind", () => {
    render(ReportTable, { table: staff, currency: "USD", exporter: exporter() });
    const section = screen.getByTestId("report-table");
    expect(section.dataset.table).toBe("close-adjustments");
    expect(screen.getByRole("heading").textContent).toBe("Adjustments");
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Time",
      "By",
      "Customer",
      "Balance",
      "Change",
      "Reason",
    ]);
    expect(cells()).toEqual(["07:45", "(nobody signed in)", "Ada", "cashback", "$1,234.50", "refund"]);
  });

  it("writes counts, money and hours for a Polish reader, numbers right-aligned", () => {
    locale.set("pl");
    render(ReportTable, { table: byHour, currency: "PLN", exporter: exporter() });
    expect(screen.getByRole("heading").textContent).toBe("Według godzin");
    expect(cells()).toEqual(["07:00", "12\u00a0345", "4,50\u00a0zł"]);
    const [hour, visits, sales] = screen.getAllByRole("cell");
    expect(hour?.classList.contains("number")).toBe(false);
    expect(visits?.classList.contains("number")).toBe(true);
    expect(sales?.classList.contains("number")).toBe(true);
    expect(screen.getAllByRole("columnheader")[1]?.classList.contains("number")).toBe(true);
    // No English on a Polish screen.
    expect(screen.getByTestId("report-table").textContent).not.toMatch(/Export|Hour|Visits|Sales/);
  });

  it("stands out when the engine says a manager should look at it, whatever its id", () => {
    const flagged: Table = { ...staff, id: "close-anything", attention: true };
    const { unmount } = render(ReportTable, { table: flagged, currency: "USD", exporter: exporter() });
    expect(screen.getByTestId("report-table").dataset.attention).toBe("true");
    expect(screen.getByTestId("report-table").classList.contains("attention")).toBe(true);
    unmount();
    render(ReportTable, { table: { ...byHour, id: "close-unusual" }, currency: "USD", exporter: exporter() });
    expect(screen.getByTestId("report-table").classList.contains("attention")).toBe(false);
  });

  it("says in words that it is empty", () => {
    locale.set("ru");
    render(ReportTable, { table: { ...byHour, rows: [] }, currency: "RUB", exporter: exporter() });
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText("За этот день ничего нет.")).toBeTruthy();
    expect(screen.getByTestId("report-table").dataset.rows).toBe("0");
  });
});

describe("its export", () => {
  it("asks its report to save it", async () => {
    const exportCsv = vi.fn(() => Promise.resolve());
    render(ReportTable, { table: byHour, currency: "USD", exporter: exporter({ exportCsv }) });
    const button = screen.getByTestId("report-export");
    expect(button.dataset.table).toBe("close-by-hour");
    expect(button.textContent).toBe("Export CSV");
    await fireEvent.click(button);
    expect(exportCsv).toHaveBeenCalledWith("close-by-hour");
  });

  it("waits while a table is being saved", () => {
    render(ReportTable, { table: byHour, currency: "USD", exporter: exporter({ exporting: "close-summary" }) });
    expect(screen.getByTestId<HTMLButtonElement>("report-export").disabled).toBe(true);
  });

  it("says where its file went, under its own table only", () => {
    const saved: Exported = { kind: "saved", table: "close-by-hour", path: "/exports/close-by-hour-2026-12-05.csv" };
    const { unmount } = render(ReportTable, { table: byHour, currency: "USD", exporter: exporter({ exported: saved }) });
    const line = screen.getByTestId("report-exported");
    expect(line.dataset.path).toBe("/exports/close-by-hour-2026-12-05.csv");
    expect(line.textContent).toBe("Saved to /exports/close-by-hour-2026-12-05.csv");
    unmount();
    render(ReportTable, { table: staff, currency: "USD", exporter: exporter({ exported: saved }) });
    expect(screen.queryByTestId("report-exported")).toBeNull();
  });

  it("says in words why it was not saved", () => {
    locale.set("fr");
    const failed: Exported = { kind: "failed", table: "close-by-hour", error: refusal("io") };
    render(ReportTable, { table: byHour, currency: "EUR", exporter: exporter({ exported: failed }) });
    const line = screen.getByRole("alert");
    expect(line.textContent).toMatch(/^Non enregistré : /);
    expect(line.textContent).not.toContain("English words");
  });
});
