// The manager's reports laid out over their controller: against a mocked
// Tauri IPC (the commands' names and requests as the app has them), and over
// a controller on fakes where a test holds the engine's answer back.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { act, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CloseOfDay, CloseTableFile, CloseView, Kpis, KpisOver } from "../lib/bindings";
import { locale } from "../lib/locale.svelte";
import { modal } from "../lib/modal.svelte";
import { closeView, later, refusal, testReports } from "../test/reports";
import { answer, badPeriod, breakageCounted, someCohorts, somePopularity, testKpis } from "../test/kpis";
import { liabilityView } from "../test/liability";
import { offersOf, offersView } from "../test/offers";
import type { OffersView } from "../lib/bindings";
import { defaultRules, segmentsOf, segmentsView } from "../test/segments";
import type { SegmentRules, SegmentsBy, SegmentsView } from "../lib/bindings";
import { SLOW_AFTER_MS } from "../controllers/reports.svelte";
import Reports from "./Reports.svelte";

const TODAY = "2026-12-05";

type Engine = {
  calls: { cmd: string; request: unknown }[];
  close: (request: CloseOfDay) => CloseView;
  kpis: (request: KpisOver) => Kpis;
  /** The segment rules the till keeps. */
  kept: SegmentRules;
  segments: (request: SegmentsBy) => SegmentsView;
  offers: () => OffersView;
};

/** The segments by the rules asked for beside the kept ones: two new customers move when any are proposed; a lapse under 14 days is refused. */
function segmentsAnswer({ rules }: SegmentsBy): SegmentsView {
  if (rules && rules.lapsed_days < 14) throw { ...refusal("invalid_input"), field: "lapsed_days" };
  const moves = rules ? [{ from: "new", to: "occasional", customers: 2 } as const] : [];
  return segmentsView(segmentsOf(rules ?? engine.kept, engine.kept, { moves: [...moves] }));
}

let engine: Engine;

beforeEach(() => {
  engine = { calls: [], close: (request) => closeView(request.day ?? TODAY, TODAY), kpis: (request) => answer(request, TODAY), kept: defaultRules(), segments: segmentsAnswer, offers: () => offersView() };
  mockIPC((cmd, args) => {
    // Most commands take a `request`; keeping the segment rules takes `rules`.
    const given = args as { request?: unknown; rules?: unknown } | undefined;
    const request = given?.request ?? given?.rules;
    engine.calls.push({ cmd, request });
    switch (cmd) {
      case "daily_close":
        return engine.close(request as CloseOfDay);
      case "kpis":
        return engine.kpis(request as KpisOver);
      case "kpi_cohorts":
        return someCohorts();
      case "kpi_breakage":
        return breakageCounted();
      case "kpi_rewards":
        return somePopularity();
      case "liability":
        return liabilityView();
      case "segments":
        return engine.segments(request as SegmentsBy);
      case "set_segment_rules":
        engine.kept = request as SegmentRules;
        return engine.kept;
      case "offers":
        return engine.offers();
      case "export_offers_csv":
      case "export_segments_csv":
        return `/home/mia/Counterpart/exports/${(request as { table: string }).table}-2026-12-05.csv`;
      case "export_kpis_csv": {
        const file = request as { from: string; to: string; table: string };
        return `/home/mia/Counterpart/exports/${file.table}-${file.from}-to-${file.to}.csv`;
      }
      case "export_liability_csv":
        return `/home/mia/Counterpart/exports/${(request as { table: string }).table}-2026-12-05.csv`;
      case "export_report_pdf": {
        const { report } = request as { report: { report: string; day?: string } };
        return `/home/mia/Counterpart/exports/${report.report}-${report.day ?? TODAY}.pdf`;
      }
      case "export_close_csv": {
        const file = request as CloseTableFile;
        return `/home/mia/Counterpart/exports/${file.table}-${file.day}.csv`;
      }
      default:
        return null;
    }
  });
});

afterEach(() => {
  clearMocks();
  locale.set("en");
});

/** The screen, once its first close is shown. */
async function opened(onclose = vi.fn()) {
  const rendered = render(Reports, { onclose });
  await screen.findByTestId("reports-day");
  return { ...rendered, onclose };
}

const day = () => screen.getByTestId("reports-day").dataset.day;
const tile = (measure: string) => screen.getByTestId(`report-tile-${measure}`);
const asked = () => engine.calls.filter((c) => c.cmd === "daily_close").map((c) => c.request);

describe("the daily close", () => {
  it("opens on the current business day, its headline figures first", async () => {
    await opened();
    expect(asked()).toEqual([{}]);
    expect(day()).toBe(TODAY);
    expect(screen.getByTestId("reports-day").textContent?.replace(",", "")).toBe("Saturday 5 December 2026");
    expect(screen.getByText(/Today, so far/)).toBeTruthy();
    expect(tile("visits").textContent).toContain("12");
    expect(tile("visits").textContent).toContain("Visits");
    expect(tile("customers").dataset.value).toBe("9");
    expect(tile("enrolments").dataset.value).toBe("2");
    expect(tile("sales").textContent).toContain("$1,234.50");
    expect(tile("average-check").textContent).toContain("$102.88");
    expect(tile("points-issued").dataset.value).toBe("140");
    expect(tile("points-redeemed").dataset.value).toBe("60");
    // A day that moved no stamps or cashback has no tiles for them.
    expect(screen.queryByTestId("report-tile-stamps-issued")).toBeNull();
    expect(screen.queryByTestId("report-tile-cashback-spent")).toBeNull();
    expect(screen.getByTestId("report-chart-by-hour").textContent).toContain("Visits by hour");
    const tables = screen.getAllByTestId("report-table").map((t) => t.dataset.table);
    expect(tables).toEqual(["close-summary", "close-by-hour", "close-by-staff", "close-unusual"]);
    expect(screen.getAllByTestId("report-export")).toHaveLength(4);
    expect(screen.getByTestId("reports-sync").textContent?.trim()).toBe(
      "This till has never synced: the close holds its own events only.",
    );
  });

  it("goes a day back and on, never past today, by buttons, keys and the date field", async () => {
    await opened();
    const next = screen.getByTestId<HTMLButtonElement>("reports-next");
    const input = screen.getByTestId<HTMLInputElement>("reports-date-input");
    expect(next.disabled).toBe(true);
    // Written as the reader writes a day (WebKit's own field wrote the US 12/05/2026).
    expect(input.value).toBe("5 Dec 2026");
    await fireEvent.click(screen.getByTestId("reports-previous"));
    await vi.waitFor(() => expect(day()).toBe("2026-12-04"));
    expect(next.disabled).toBe(false);
    expect(screen.queryByText(/Today, so far/)).toBeNull();
    await fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    await vi.waitFor(() => expect(day()).toBe("2026-12-03"));
    await fireEvent.keyDown(document.body, { key: "ArrowRight" });
    await vi.waitFor(() => expect(day()).toBe("2026-12-04"));
    await fireEvent.change(input, { target: { value: "2026-11-30" } });
    await vi.waitFor(() => expect(day()).toBe("2026-11-30"));
    expect(asked()).toEqual([{}, { day: "2026-12-04" }, { day: "2026-12-03" }, { day: "2026-12-04" }, { day: "2026-11-30" }]);
  });

  it("says when the close holds every till's events, and what a manager should look at", async () => {
    engine.close = (request) =>
      closeView(request.day ?? TODAY, TODAY, {
        last_sync: "2026-12-05T21:30:00Z",
        hours: 25,
        unusual: [{ customer: "c1", name: "Ada", actions: 9, limit: 5 }],
      });
    await opened();
    expect(screen.getByTestId("reports-sync").textContent).toMatch(/^\s*Holds every till's events up to this till's last sync: .*2026/);
    expect(screen.getByTestId("reports-hours").textContent).toBe("This business day lasted 25 hours because the clocks changed.");
    expect(screen.getByTestId("reports-unusual").textContent).toContain("One customer had more loyalty actions than usual");
    expect(screen.getByTestId("reports-unusual").dataset.table).toBe("close-unusual");
    const unusual = screen.getAllByTestId("report-table").find((t) => t.dataset.table === "close-unusual");
    expect(unusual?.dataset.rows).toBe("1");
    // The engine flags it, and it stands out; the others do not.
    expect(unusual?.dataset.attention).toBe("true");
    expect(unusual?.classList.contains("attention")).toBe(true);
    const summary = screen.getAllByTestId("report-table").find((t) => t.dataset.table === "close-summary");
    expect(summary?.classList.contains("attention")).toBe(false);
    expect(within(unusual as HTMLElement).getByText("Ada")).toBeTruthy();
  });

  it("points at any table the engine flags, in its own words or by its title", async () => {
    engine.close = (request) => {
      const view = closeView(request.day ?? TODAY, TODAY);
      const voids = { id: "close-voids", columns: ["time", "by", "customer", "reason"], attention: true, rows: [[
        { kind: "time", value: "07:45" },
        { kind: "label", value: "report-cell-nobody" },
        { kind: "text", value: "Ada" },
        { kind: "text", value: "wrong card" },
      ]] } satisfies CloseView["tables"][number];
      return { ...view, tables: [...view.tables, voids] };
    };
    await opened();
    const buttons = screen.getAllByTestId("reports-unusual");
    expect(buttons.map((b) => b.dataset.table)).toEqual(["close-voids"]);
    expect(plain(buttons[0]?.textContent)).toBe("⚠ Voids: one line to look at");
  });

  it("is all in Polish for a Polish reader", async () => {
    locale.set("pl");
    engine.close = (request) => closeView(request.day ?? TODAY, TODAY, { currency: "PLN" });
    await opened();
    expect(screen.getByTestId("reports-day").textContent).toBe("Sobota, 5 grudnia 2026");
    expect(tile("sales").textContent).toContain("1234,50\u00a0zł");
    expect(tile("customers").textContent).toContain("Obsłużeni członkowie");
    const text = screen.getByTestId("reports-screen").textContent ?? "";
    for (const english of ["Visits", "Export", "Previous", "Next", "Close", "Today", "Nothing", "Members"]) {
      expect(text, english).not.toContain(english);
    }
  });
});

describe("a table exported", () => {
  it("saves the shown day's table in the reader's language and says where", async () => {
    locale.set("fr");
    await opened();
    const button = screen.getAllByTestId("report-export").find((b) => b.dataset.table === "close-by-staff");
    await fireEvent.click(button as HTMLElement);
    const line = await screen.findByTestId("report-exported");
    const exported = engine.calls.find((c) => c.cmd === "export_close_csv");
    expect(exported?.request).toEqual({ day: TODAY, table: "close-by-staff", language: "fr" });
    expect(line.dataset.path).toBe("/home/mia/Counterpart/exports/close-by-staff-2026-12-05.csv");
    expect(line.textContent).toBe("Enregistré : /home/mia/Counterpart/exports/close-by-staff-2026-12-05.csv");
    expect(line.closest<HTMLElement>("[data-testid=report-table]")?.dataset.table).toBe("close-by-staff");
  });
});

describe("leaving and refusing", () => {
  it("goes back to the till on Escape or Close, but not while a dialog over it has the keys", async () => {
    const { onclose } = await opened();
    const closeDialog = modal.opened();
    try {
      await fireEvent.keyDown(document.body, { key: "Escape" });
      expect(onclose).not.toHaveBeenCalled();
    } finally {
      closeDialog();
    }
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByTestId("reports-close"));
    expect(onclose).toHaveBeenCalledTimes(2);
  });

  it("leaves its keys to settings open over it", async () => {
    const onclose = vi.fn();
    render(Reports, { onclose, paused: true });
    await screen.findByTestId("reports-day");
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    expect(onclose).not.toHaveBeenCalled();
    expect(asked()).toHaveLength(1);
  });

  it("says in words why it is refused", async () => {
    engine.close = () => {
      throw refusal("auth.forbidden");
    };
    render(Reports, { onclose: vi.fn() });
    const alert = await screen.findByTestId("reports-refusal");
    expect(alert.textContent).toBe("Only a manager may do this.");
    expect(screen.queryByTestId("report-table")).toBeNull();
  });
});

describe("a close slow to count", () => {
  it("says it is counting after a while, over the close still shown", async () => {
    const t = testReports();
    t.api.dailyClose.mockResolvedValueOnce(closeView(TODAY));
    render(Reports, { onclose: vi.fn(), controller: t.controller });
    await screen.findByTestId("reports-day");
    const answer = later<CloseView>();
    t.api.dailyClose.mockReturnValueOnce(answer.promise);
    await fireEvent.click(screen.getByTestId("reports-previous"));
    expect(screen.queryByTestId("reports-counting")).toBeNull();
    await act(() => t.clock.advance(SLOW_AFTER_MS));
    expect(screen.getByTestId("reports-counting").textContent).toBe("Counting the day's events…");
    expect(day()).toBe(TODAY);
    await act(() => answer.settle(closeView("2026-12-04", TODAY)));
    await vi.waitFor(() => expect(day()).toBe("2026-12-04"));
    expect(screen.queryByTestId("reports-counting")).toBeNull();
  });
});

const kpisAsked = () => engine.calls.filter((c) => c.cmd === "kpis").map((c) => c.request);
const period = () => screen.getByTestId("kpis-period");
const plain = (text: string | null | undefined) => text?.replace(/\s+/g, " ").trim();

/** The screen on its KPIs tab, once the first period is shown. */
async function onKpis() {
  const shown = await opened();
  await fireEvent.click(screen.getByTestId("reports-tab-kpis"));
  await screen.findByTestId("kpis-period");
  return shown;
}

describe("the tabs", () => {
  it("open on the daily close, and ask for the KPIs once their tab is first shown", async () => {
    await opened();
    const closeTab = screen.getByTestId("reports-tab-close");
    const kpisTab = screen.getByTestId("reports-tab-kpis");
    expect(closeTab.getAttribute("aria-selected")).toBe("true");
    expect(closeTab.textContent).toBe("Daily close");
    expect(kpisTab.textContent).toBe("KPIs");
    expect(kpisAsked()).toEqual([]);
    await fireEvent.click(kpisTab);
    await screen.findByTestId("kpis-period");
    expect(kpisTab.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe(kpisTab.id);
    expect(screen.queryByTestId("reports-day")).toBeNull();
    expect(kpisAsked()).toEqual([{}]);
    // Back and forth: each tab as it was left, nothing asked again.
    await fireEvent.click(closeTab);
    expect(day()).toBe(TODAY);
    await fireEvent.click(kpisTab);
    expect(period().dataset.to).toBe(TODAY);
    expect(kpisAsked()).toEqual([{}]);
    expect(asked()).toEqual([{}]);
  });

  it("go from one to the other by the arrow keys on a tab, which move no day", async () => {
    await opened();
    const closeTab = screen.getByTestId("reports-tab-close");
    closeTab.focus();
    await fireEvent.keyDown(closeTab, { key: "ArrowRight" });
    await screen.findByTestId("kpis-period");
    expect(document.activeElement).toBe(screen.getByTestId("reports-tab-kpis"));
    // The arrow keys elsewhere on the KPIs move no day either.
    await fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    await fireEvent.keyDown(screen.getByTestId("reports-tab-kpis"), { key: "ArrowLeft" });
    expect(screen.getByTestId("reports-tab-close").getAttribute("aria-selected")).toBe("true");
    expect(asked()).toEqual([{}]);
  });

  it("leave Escape to the screen on either tab", async () => {
    const { onclose } = await onKpis();
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});

describe("the KPIs", () => {
  it("open on the last 30 days, compared with the 30 before, a card per KPI", async () => {
    await onKpis();
    expect(period().dataset.from).toBe("2026-11-06");
    expect(period().dataset.to).toBe(TODAY);
    expect(plain(period().textContent)).toBe("6 November – 5 December 2026");
    expect(plain(screen.getByTestId("kpis-previous-period").textContent)).toBe("30 days · compared with 7 October – 5 November 2026");
    expect(screen.getByTestId("kpis-preset-30").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("kpis-preset-7").getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByTestId<HTMLInputElement>("kpis-from").value).toBe("6 Nov 2026");
    expect(screen.getByTestId<HTMLInputElement>("kpis-to").dataset.day).toBe(TODAY);
    const cards = screen.getAllByTestId("kpi-card");
    expect(cards.map((c) => c.dataset.kpi)).toEqual([
      "repeat_customer_rate",
      "retention",
      "visit_frequency",
      "average_check",
      "redemption_rate",
      "redemption_value",
      "breakage",
      "enrolment_rate",
      "clv_historical",
      "clv_predicted",
    ]);
    expect(cards[0]?.dataset.value).toBe("0.4286");
    expect(cards[4]?.textContent).toContain("Previous period: — (not enough data)");
    expect(cards[5]?.textContent).toContain("menu value");
    expect(cards[8]?.textContent).toContain("spent since joining");
    expect(cards[9]?.textContent).toContain("An estimate:");
    // Breakage, counted on its own, takes its place once in.
    await vi.waitFor(() =>
      expect(screen.getAllByTestId("kpi-card").find((c) => c.dataset.kpi === "breakage")?.dataset.value).toBe("0.12"),
    );
    expect(engine.calls.filter((c) => c.cmd === "kpi_breakage").map((c) => c.request)).toEqual([{ from: "2026-11-06", to: TODAY }]);
    const chart = screen.getByTestId("kpis-chart");
    expect(chart.dataset.days).toBe("30");
    expect(chart.textContent).toContain("Visits per day");
    expect(chart.textContent).toContain("Points issued and redeemed per day");
    expect((await screen.findAllByTestId("reward-line")).map((r) => r.dataset.reward)).toEqual(["drink", "pastry", "old-cake"]);
    expect(engine.calls.filter((c) => c.cmd === "kpi_rewards").map((c) => c.request)).toEqual([{ from: "2026-11-06", to: TODAY }]);
    // The cohorts asked on their own once the cards show.
    expect((await screen.findAllByTestId("cohort")).map((r) => r.dataset.month)).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(engine.calls.filter((c) => c.cmd === "kpi_cohorts")).toHaveLength(1);
  });

  it("go to a preset counted back from today, and to any period typed", async () => {
    await onKpis();
    await fireEvent.click(screen.getByTestId("kpis-preset-7"));
    await vi.waitFor(() => expect(period().dataset.from).toBe("2026-11-29"));
    expect(screen.getByTestId("kpis-preset-7").getAttribute("aria-pressed")).toBe("true");
    expect(plain(screen.getByTestId("kpis-previous-period").textContent)).toMatch(/^7 days · compared with 22 ?– ?28 November 2026$/);
    await fireEvent.click(screen.getByTestId("kpis-preset-365"));
    await vi.waitFor(() => expect(period().dataset.from).toBe("2025-12-06"));
    await fireEvent.change(screen.getByTestId("kpis-from"), { target: { value: "2026-01-01" } });
    await fireEvent.change(screen.getByTestId("kpis-to"), { target: { value: "2026-03-31" } });
    await vi.waitFor(() => expect(period().dataset.to).toBe("2026-03-31"));
    expect(kpisAsked()).toEqual([
      {},
      { from: "2026-11-29", to: TODAY },
      { from: "2025-12-06", to: TODAY },
      { from: "2026-01-01", to: TODAY },
      { from: "2026-01-01", to: "2026-03-31" },
    ]);
    expect(screen.getByTestId("kpis-preset-365").getAttribute("aria-pressed")).toBe("false");
  });

  it("say in words which day of a bad period is at fault, over the period shown", async () => {
    engine.kpis = (request) => {
      if (request.from !== undefined && request.to !== undefined && request.to < request.from) throw badPeriod("to");
      return answer(request, TODAY);
    };
    await onKpis();
    await fireEvent.change(screen.getByTestId("kpis-to"), { target: { value: "2026-10-01" } });
    const alert = await screen.findByTestId("kpis-refusal");
    expect(alert.textContent).toBe(
      "Check the period's last day: a date like 2026-12-05, not before its first day, and at most ten years after it.",
    );
    expect(alert.dataset.field).toBe("to");
    expect(screen.getByTestId("kpis-to").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("kpis-from").getAttribute("aria-invalid")).toBe("false");
    expect(period().dataset.to).toBe(TODAY);
    expect(screen.getAllByTestId("kpi-card")).toHaveLength(10);
  });

  it("say in words why they are refused", async () => {
    engine.kpis = () => {
      throw refusal("auth.forbidden");
    };
    await opened();
    await fireEvent.click(screen.getByTestId("reports-tab-kpis"));
    const alert = await screen.findByTestId("kpis-refusal");
    expect(alert.textContent).toBe("Only a manager may do this.");
    expect(screen.queryByTestId("kpi-card")).toBeNull();
  });

  it("are all in Polish for a Polish reader", async () => {
    locale.set("pl");
    engine.kpis = (request) => answer(request, TODAY, { currency: "PLN" });
    await onKpis();
    expect(screen.getByTestId("reports-tab-kpis").textContent).toBe("Wskaźniki");
    expect(plain(period().textContent)).toBe("6 listopada – 5 grudnia 2026");
    expect(plain(screen.getByTestId("kpis-previous-period").textContent)).toBe(
      "30 dni · w porównaniu z okresem 7 października – 5 listopada 2026",
    );
    expect(screen.getByTestId("kpis-preset-7").textContent).toBe("Ostatnie 7 dni");
    const check = screen.getAllByTestId("kpi-card").find((c) => c.dataset.kpi === "average_check");
    expect(plain(check?.querySelector("[data-testid=kpi-value]")?.textContent)).toBe("4,50 zł");
    const text = screen.getByTestId("reports-screen").textContent ?? "";
    for (const english of ["Last", "days", "Previous", "period", "compared", "Visits", "Points", "KPIs", "Close", "From", "not enough"]) {
      expect(text, english).not.toContain(english);
    }
  });
});

describe("KPIs slow to count", () => {
  it("say they are counting after a while, over the period still shown", async () => {
    const close = testReports();
    close.api.dailyClose.mockResolvedValue(closeView(TODAY));
    const t = testKpis();
    t.api.kpis.mockResolvedValueOnce(answer({}));
    render(Reports, { onclose: vi.fn(), controller: close.controller, kpisController: t.controller });
    await fireEvent.click(await screen.findByTestId("reports-tab-kpis"));
    await screen.findByTestId("kpis-period");
    const slow = later<Kpis>();
    t.api.kpis.mockReturnValueOnce(slow.promise);
    await fireEvent.click(screen.getByTestId("kpis-preset-90"));
    expect(screen.queryByTestId("kpis-counting")).toBeNull();
    await act(() => t.clock.advance(SLOW_AFTER_MS));
    expect(screen.getByTestId("kpis-counting").textContent).toBe("Counting the period's events…");
    expect(period().dataset.from).toBe("2026-11-06");
    await act(() => slow.settle(answer({ from: "2026-09-07", to: TODAY })));
    await vi.waitFor(() => expect(period().dataset.from).toBe("2026-09-07"));
    expect(screen.queryByTestId("kpis-counting")).toBeNull();
  });
});

describe("the liability tab", () => {
  /** The liability tab, once its report is shown. */
  async function liabilityShown() {
    await opened();
    await fireEvent.click(screen.getByTestId("reports-tab-liability"));
    await screen.findByTestId("liability-as-of");
  }

  it("shows the three totals with their definitions, and what it could not value", async () => {
    await liabilityShown();
    expect(screen.getByTestId("reports-screen").dataset.tab).toBe("liability");
    expect(screen.getByTestId("liability-as-of").textContent).toContain("as of 5 Dec 2026");
    const face = screen.getByTestId("liability-total-face-value");
    expect(face.dataset.complete).toBe("false");
    expect(face.textContent).toContain("At least: $562.50");
    expect(face.textContent).toContain("menu prices");
    expect(screen.getByTestId("liability-total-deferral").textContent).toContain("IFRS 15");
    const missing = screen.getByTestId("liability-missing").textContent ?? "";
    expect(missing).toContain("no cost given for Free cake");
    expect(missing).toContain("no menu price given for Free cake");
    expect(screen.getByTestId("liability-sync").dataset.synced).toBe("false");
    const table = screen.getAllByTestId("report-table").find((t) => t.dataset.table === "liability");
    expect(table?.dataset.attention).toBe("true");
    const rows = within(table!).getAllByRole("row");
    expect(rows[1]?.textContent).toContain("Points");
    expect(rows[1]?.textContent).toContain("35.7%");
    expect(rows[2]?.textContent).toContain("Cake card");
    expect(rows[2]?.textContent).toContain("no menu price given");
  });

  it("exports a table as CSV in the reader's language and says where it went", async () => {
    await liabilityShown();
    await fireEvent.click(within(screen.getAllByTestId("report-table")[0]!).getByTestId("report-export"));
    const saved = await screen.findByTestId("report-exported");
    expect(saved.dataset.path).toBe("/home/mia/Counterpart/exports/liability-2026-12-05.csv");
    expect(engine.calls.find((c) => c.cmd === "export_liability_csv")?.request).toEqual({ table: "liability", language: "en" });
  });

  it("counts again when asked, and reads in Polish with no English left", async () => {
    locale.set("pl");
    await liabilityShown();
    await fireEvent.click(screen.getByTestId("liability-refresh"));
    await vi.waitFor(() => expect(engine.calls.filter((c) => c.cmd === "liability")).toHaveLength(2));
    const text = screen.getByTestId("liability-screen").textContent ?? "";
    expect(text).toContain("Wartość nominalna");
    expect(text).toContain("Co najmniej");
    for (const english of ["Face value", "Outstanding", "At least", "estimate", "Points", "no cost", "Export"]) {
      expect(text, english).not.toContain(english);
    }
  });
});

describe("the segments tab", () => {
  /** The segments tab, once its report is shown. */
  async function segmentsShown() {
    await opened();
    await fireEvent.click(screen.getByTestId("reports-tab-segments"));
    await screen.findByTestId("segments-as-of");
  }
  const segmentTile = (segment: string) => screen.getAllByTestId("segment-tile").find((t) => t.dataset.segment === segment)!;

  it("shows each segment with its definition, the at-risk list with who may be contacted, and the months", async () => {
    await segmentsShown();
    expect(engine.calls.find((c) => c.cmd === "segments")?.request).toEqual({});
    expect(screen.getByTestId("segments-as-of").textContent).toContain("5 Dec 2026");
    expect(screen.getByTestId("segments-customers").textContent).toBe("8 customers in all");
    expect(segmentTile("occasional").dataset.customers).toBe("3");
    expect(segmentTile("occasional").textContent).toContain("37.5%");
    expect(segmentTile("new").textContent).toContain("joined in the last 30 days");
    expect(segmentTile("lapsed").textContent).toContain("No visit for more than 180 days");
    expect(segmentTile("at_risk").classList.contains("attention")).toBe(true);
    const list = screen.getAllByTestId("report-table").find((t) => t.dataset.table === "at-risk");
    const rows = within(list!).getAllByRole("row");
    expect(rows[0]?.textContent).toContain("Agreed to be contacted");
    expect(rows[1]?.textContent).toContain("Rita");
    expect(rows[1]?.textContent).toContain("$90.00");
    expect(rows[1]?.textContent).toContain("+48600100200");
    expect(screen.getByTestId("segments-chart").textContent).toContain("at each month's end");
    expect(screen.queryByTestId("segments-listed")).toBeNull();
  });

  it("previews new rules, says whom they move, and keeps them on the till", async () => {
    await segmentsShown();
    expect((screen.getByTestId("segment-rules-preview") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByTestId("segment-rule-new_days"), { target: { value: "10" } });
    await fireEvent.click(screen.getByTestId("segment-rules-preview"));
    const previewing = await screen.findByTestId("segment-rules-previewing");
    expect(previewing.textContent).toContain("2 customers change segment");
    expect(engine.calls.filter((c) => c.cmd === "segments").at(-1)?.request).toEqual({ rules: { ...defaultRules(), new_days: 10 } });
    expect(screen.getAllByTestId("report-table").some((t) => t.dataset.table === "segments-moves")).toBe(true);
    expect(segmentTile("new").textContent).toContain("joined in the last 10 days");
    await fireEvent.click(screen.getByTestId("segment-rules-keep"));
    await screen.findByTestId("segment-rules-kept");
    expect(engine.calls.find((c) => c.cmd === "set_segment_rules")?.request).toEqual({ ...defaultRules(), new_days: 10 });
    expect(screen.queryByTestId("segment-rules-previewing")).toBeNull();
    expect(screen.getAllByTestId("report-table").some((t) => t.dataset.table === "segments-moves")).toBe(false);
  });

  it("says which rule is out of range, under the rules, and shows the report as it was", async () => {
    await segmentsShown();
    await fireEvent.input(screen.getByTestId("segment-rule-lapsed_days"), { target: { value: "5" } });
    await fireEvent.click(screen.getByTestId("segment-rules-preview"));
    const why = await screen.findByTestId("segment-rules-refusal");
    expect(why.textContent).toContain("14 to 730 days");
    expect(screen.getByTestId("segment-rule-lapsed_days").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("segments-refusal")).toBeNull();
    expect(screen.queryByTestId("segment-rules-previewing")).toBeNull();
  });

  it("exports the whole at-risk list by the rules shown", async () => {
    await segmentsShown();
    const list = screen.getAllByTestId("report-table").find((t) => t.dataset.table === "at-risk");
    await fireEvent.click(within(list!).getByTestId("report-export"));
    const saved = await screen.findByTestId("report-exported");
    expect(saved.dataset.path).toBe("/home/mia/Counterpart/exports/at-risk-2026-12-05.csv");
    expect(engine.calls.find((c) => c.cmd === "export_segments_csv")?.request).toEqual({ table: "at-risk", language: "en" });
  });

  it("says when the list on screen is the first of many, and that the file holds them all", async () => {
    engine.segments = (request) => ({ ...segmentsAnswer(request), at_risk: 250 });
    await segmentsShown();
    expect(screen.getByTestId("segments-listed").textContent).toBe(
      "Showing the first 1 of 250 customers at risk; the exported file holds them all.",
    );
  });

  it("reads in Russian with no English left", async () => {
    locale.set("ru");
    await segmentsShown();
    const text = screen.getByTestId("segments-screen").textContent ?? "";
    expect(text).toContain("Под угрозой ухода");
    expect(text).toContain("Всего 8 клиентов");
    for (const english of ["At risk", "Lapsed", "Regular", "customers", "Preview", "Export", "score", "days"]) {
      expect(text, english).not.toContain(english);
    }
  });
});

describe("the offers tab", () => {
  /** The offers tab, once its report is shown. */
  async function offersShown() {
    await opened();
    await fireEvent.click(screen.getByTestId("reports-tab-offers"));
    await screen.findByTestId("offers-as-of");
  }
  const card = (offer: string) => screen.getAllByTestId("offer").find((c) => c.dataset.offer === offer)!;

  it("shows each offer against its held-out group, with the change and its interval", async () => {
    await offersShown();
    expect(screen.getByTestId("offers-as-of").textContent).toContain("5 Dec 2026");
    const happy = card("happy-hour");
    expect(happy.dataset.enough).toBe("true");
    expect(happy.textContent).toContain("1 Nov 2026 – 5 Dec 2026 · 35 days");
    expect(happy.textContent).toContain("30% of its customers held out");
    expect(happy.textContent).toContain("Still running");
    const groups = within(happy).getAllByTestId("offer-group");
    expect(groups.map((g) => [g.dataset.group, g.dataset.customers])).toEqual([
      ["exposed", "90"],
      ["held-out", "40"],
    ]);
    expect(groups[0]?.textContent).toContain("Given the offer");
    expect(groups[0]?.textContent).toContain("1.50 visits per customer");
    expect(groups[1]?.textContent).toContain("$7.50 per customer");
    const [visits, spend] = within(happy).getAllByTestId("offer-uplift");
    expect(visits?.textContent).toContain("+0.30");
    expect(visits?.textContent).toContain("95% interval: +0.05 to +0.55");
    expect(visits?.textContent).toContain("+25% against the held-out group");
    expect(visits?.dataset.unsure).toBe("false");
    // The spend's interval holds no change, and the screen says so.
    expect(spend?.textContent).toContain("+$1.50");
    expect(spend?.textContent).toContain("95% interval: -$0.40 to $3.40");
    expect(spend?.dataset.unsure).toBe("true");
    expect(within(spend!).getByTestId("offer-unsure").textContent).toContain("may have changed nothing");
    // Too young to say: no change given, and what is enough.
    const student = card("student-week");
    expect(within(student).queryAllByTestId("offer-uplift")).toHaveLength(0);
    expect(within(student).getByTestId("offer-not-enough").textContent).toBe(
      "Not enough data yet: each group needs 30 customers, and the offer 7 days.",
    );
    expect(screen.getByTestId("offers-sync").dataset.synced).toBe("false");
  });

  it("exports the groups as CSV in the reader's language and says where it went", async () => {
    await offersShown();
    const table = screen.getAllByTestId("report-table").find((t) => t.dataset.table === "offers");
    await fireEvent.click(within(table!).getByTestId("report-export"));
    const saved = await screen.findByTestId("report-exported");
    expect(saved.dataset.path).toBe("/home/mia/Counterpart/exports/offers-2026-12-05.csv");
    expect(engine.calls.find((c) => c.cmd === "export_offers_csv")?.request).toEqual({ table: "offers", language: "en" });
  });

  it("says how to measure an offer when none holds out a group", async () => {
    engine.offers = () => offersView(offersOf([]));
    await offersShown();
    expect(screen.getByTestId("offers-none").textContent).toContain("Give an offer a held-out share");
    expect(screen.queryAllByTestId("offer")).toHaveLength(0);
    expect(screen.queryAllByTestId("report-table")).toHaveLength(0);
  });

  it("says why it was refused", async () => {
    engine.offers = () => {
      throw refusal("auth.forbidden");
    };
    await opened();
    await fireEvent.click(screen.getByTestId("reports-tab-offers"));
    const why = await screen.findByTestId("offers-refusal");
    expect(why.getAttribute("role")).toBe("alert");
    expect(screen.queryByTestId("offers-as-of")).toBeNull();
  });

  it("reads in French with no English left", async () => {
    locale.set("fr");
    await offersShown();
    const text = screen.getByTestId("offers-screen").textContent ?? "";
    expect(text).toContain("Groupe témoin");
    expect(text).toContain("Pas encore assez de données");
    for (const english of ["Held out", "Given the offer", "interval:", "customers", "Export CSV", "per customer", "Still running"]) {
      expect(text, english).not.toContain(english);
    }
  });
});

describe("the KPIs' files", () => {
  it("saves the KPIs and the days of the shown period, and says where", async () => {
    await opened();
    await fireEvent.click(screen.getByTestId("reports-tab-kpis"));
    await screen.findByTestId("kpis-period");
    const button = screen.getAllByTestId("report-export").find((b) => b.dataset.table === "kpis-by-day");
    expect(button?.textContent).toBe("Export the days as CSV");
    await fireEvent.click(button!);
    const saved = await screen.findByTestId("report-exported");
    expect(saved.dataset.path).toBe("/home/mia/Counterpart/exports/kpis-by-day-2026-11-06-to-2026-12-05.csv");
    expect(engine.calls.find((c) => c.cmd === "export_kpis_csv")?.request).toEqual({
      from: "2026-11-06",
      to: TODAY,
      table: "kpis-by-day",
      language: "en",
    });
  });
});

describe("saving a report as a PDF", () => {
  it("saves the report on the tab shown, in the reader's language, and says where it went", async () => {
    await opened();
    const pdf = screen.getByTestId("reports-pdf") as HTMLButtonElement;
    expect(pdf.textContent).toBe("Save as PDF");
    await fireEvent.click(pdf);
    expect(await screen.findByText("Saved to /home/mia/Counterpart/exports/close-2026-12-05.pdf")).toBeTruthy();
    expect(engine.calls.find((c) => c.cmd === "export_report_pdf")?.request).toEqual({
      report: { report: "close", day: TODAY },
      language: "en",
    });

    locale.set("pl");
    await fireEvent.click(screen.getByTestId("reports-tab-liability"));
    await screen.findByTestId("liability-as-of");
    await fireEvent.click(screen.getByTestId("reports-pdf"));
    await screen.findByText(/liability-2026-12-05\.pdf/);
    expect(engine.calls.filter((c) => c.cmd === "export_report_pdf").at(-1)?.request).toEqual({
      report: { report: "liability" },
      language: "pl",
    });
    expect(screen.getByTestId("reports-pdf").textContent).toBe("Zapisz jako PDF");
  });

  it("cannot be pressed before the tab shows a report", async () => {
    const t = testReports();
    const held = later<CloseView>();
    t.api.dailyClose.mockReturnValue(held.promise);
    render(Reports, { onclose: vi.fn(), controller: t.controller });
    expect((screen.getByTestId("reports-pdf") as HTMLButtonElement).disabled).toBe(true);
    await act(() => held.settle(closeView(TODAY, TODAY)));
    const pdf = screen.getByTestId("reports-pdf") as HTMLButtonElement;
    expect(pdf.disabled).toBe(false);
    // While it is made, the button says so and waits.
    const saving = later<string>();
    t.api.exportReportPdf.mockReturnValue(saving.promise);
    await fireEvent.click(pdf);
    expect(pdf.textContent).toBe("Saving the PDF…");
    expect(pdf.disabled).toBe(true);
    await act(() => saving.settle("/exports/close-2026-12-05.pdf"));
    expect(pdf.textContent).toBe("Save as PDF");
    expect(screen.getByText("Saved to /exports/close-2026-12-05.pdf")).toBeTruthy();
  });
});
