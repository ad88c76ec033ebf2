// The goals under the KPIs: each goal's card says where it stands in the
// reader's words (coloured by how it stands), its target and date, the
// change from where the KPI stood, the latest reading and where the trend
// leads; none says how to set one; both goal tables save as CSV.
import { render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { locale } from "../../lib/locale.svelte";
import type { TableExporter } from "../../lib/reportTable";
import { aGoal, refusal } from "../../test/kpis";
import GoalsPanel from "./GoalsPanel.svelte";

/** ICU versions differ in their spaces (thin, no-break): compared as plain ones. */
const plain = (el: HTMLElement) => el.textContent?.replace(/\s+/g, " ").trim();

/** An exporter that saves nothing (the controller's own tests save). */
function idle(): TableExporter {
  return { exported: null, exporting: null, exportCsv: () => Promise.resolve() };
}

afterEach(() => locale.set("en"));

describe("the goals under the KPIs", () => {
  it("shows a goal on track with its target, its change, the latest reading and the trend", () => {
    render(GoalsPanel, { goals: [aGoal()], currency: "USD", exporter: idle() });
    const card = screen.getByTestId("goal-card");
    expect(card.dataset.status).toBe("on_track");
    expect(within(card).getByRole("heading").textContent).toBe("More regulars");
    expect(plain(within(card).getByTestId("goal-status"))).toBe("On track");
    expect(within(card).getByTestId("goal-status").classList.contains("good")).toBe(true);
    expect(plain(within(card).getByTestId("goal-target"))).toBe("Target: 36% by 30 Jun 2027");
    expect(plain(within(card).getByTestId("goal-change"))).toBe("+20% on 30%, its value over the 28 days before 1 Nov 2026");
    expect(plain(within(card).getByTestId("goal-current"))).toBe("Now: 33.3%");
    expect(plain(within(card).getByTestId("goal-projected"))).toBe("On this trend: 41.2% by 30 Jun 2027");
    expect(card.textContent).toContain("Repeat-customer rate, reading by reading, and the target");
    expect(card.textContent).toContain("Each reading covers the 28 days up to it.");
    expect(screen.getAllByRole("button").map((b) => b.textContent?.trim())).toEqual([
      "Export the goals as CSV",
      "Export the readings as CSV",
    ]);
  });

  it("says a goal behind in words and marks it, in Polish with the goal's Polish name", () => {
    locale.set("pl");
    render(GoalsPanel, {
      goals: [aGoal({ status: "behind", projected: 0.34, current: 0.31 })],
      currency: "PLN",
      exporter: idle(),
    });
    const card = screen.getByTestId("goal-card");
    expect(within(card).getByRole("heading").textContent).toBe("Więcej stałych gości");
    expect(plain(within(card).getByTestId("goal-status"))).toBe("Opóźniony");
    expect(within(card).getByTestId("goal-status").classList.contains("bad")).toBe(true);
    expect(plain(within(card).getByTestId("goal-current"))).toBe("Teraz: 31%");
    expect(plain(within(card).getByTestId("goal-change"))).toBe("+20% względem 30%, wartości z 28 dni przed 1 lis 2026");
  });

  it("writes a money goal in the shop's currency and leaves out the trend it does not have", () => {
    render(GoalsPanel, {
      goals: [
        aGoal({
          goal: "check",
          name: { text: "Bigger checks" },
          kpi: "average_check",
          unit: "money",
          change_percent: null,
          baseline: "5.00",
          target: "6.50",
          current: "5.40",
          projected: null,
          status: "too_early",
          trend: [
            { day: "2026-10-31", value: "5.00" },
            { day: "2026-11-03", value: "5.40" },
          ],
        }),
      ],
      currency: "EUR",
      exporter: idle(),
    });
    const card = screen.getByTestId("goal-card");
    expect(plain(within(card).getByTestId("goal-target"))).toBe("Target: €6.50 by 30 Jun 2027");
    expect(plain(within(card).getByTestId("goal-status"))).toBe("Too early to tell");
    expect(within(card).queryByTestId("goal-change")).toBeNull();
    expect(within(card).queryByTestId("goal-projected")).toBeNull();
  });

  it("says it is counting the goals until they are in, and why they were refused", () => {
    render(GoalsPanel, { goals: null, slow: true, currency: "USD", exporter: idle() });
    expect(screen.getByTestId("goals-counting").textContent).toContain("Counting the goals…");
    expect(screen.queryByTestId("goal-card")).toBeNull();
    expect(screen.queryByTestId("goals-none")).toBeNull();
  });

  it("says why the goals were refused", () => {
    render(GoalsPanel, { goals: null, refusal: refusal("auth.forbidden"), currency: "USD", exporter: idle() });
    expect(screen.getByTestId("goals-refusal").textContent).not.toBe("");
    expect(screen.queryByTestId("goals-counting")).toBeNull();
  });

  it("says how to set a goal when the program has none, with nothing to export", () => {
    render(GoalsPanel, { goals: [], currency: "USD", exporter: idle() });
    expect(screen.getByTestId("goals-none").textContent).toContain("[[goals]]");
    expect(screen.queryByRole("button")).toBeNull();
  });
});
