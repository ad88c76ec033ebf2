// The KPIs' controller, without a DOM and without Tauri: the engine's command
// is a mock, the timers move by hand, and answers are settled by hand to
// arrive in any order.
import { describe, expect, it, vi } from "vitest";
import type { Cohort, GoalProgress, Kpi, Kpis, KpisOver, RewardPopularity } from "../lib/bindings";
import { aGoal, answer, answers, badPeriod, breakageCounted, kpisOf, later, refusal, someCohorts, somePopularity, testKpis, TODAY } from "../test/kpis";
import { SLOW_AFTER_MS } from "./reports.svelte";

/** The requests the engine was asked, in order. */
function asked(t: ReturnType<typeof testKpis>): KpisOver[] {
  return t.api.kpis.mock.calls.map(([request]) => request);
}

/** The controller showing the engine's default period. */
async function opened(today = TODAY) {
  const t = testKpis();
  t.api.kpis.mockImplementation((request) => Promise.resolve(answer(request, today)));
  await t.controller.open();
  return t;
}

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("opening", () => {
  it("asks for the engine's default period, and shows it once answered", async () => {
    const t = testKpis();
    const first = later<Kpis>();
    t.api.kpis.mockReturnValue(first.promise);
    const opening = t.controller.open();
    expect(asked(t)).toEqual([{}]);
    expect(t.controller.loading).toBe(true);
    expect(t.controller.view).toBeNull();
    expect(t.controller.choice).toBe(30);
    // Only the default can be asked before the current business day is known.
    expect(t.controller.canPreset(30)).toBe(true);
    expect(t.controller.canPreset(7)).toBe(false);
    first.settle(answer({}));
    await opening;
    expect(t.controller.loading).toBe(false);
    expect(t.controller.view?.period).toEqual({ from: "2026-11-06", to: TODAY });
    expect(t.controller.today).toBe(TODAY);
    expect(t.controller.days).toBe(30);
    expect(t.controller.choice).toBe(30);
    expect([t.controller.from, t.controller.to]).toEqual(["2026-11-06", TODAY]);
    expect(t.controller.canPreset(365)).toBe(true);
  });

  it("opens once: coming back to the tab keeps the period shown", async () => {
    const t = await opened();
    await t.controller.showPreset(7);
    await t.controller.open();
    expect(asked(t)).toHaveLength(2);
    expect(t.controller.choice).toBe(7);
  });

  it("keeps the refusal when the engine refuses (not a manager), and may be opened again", async () => {
    const t = testKpis();
    t.api.kpis.mockRejectedValueOnce(refusal("auth.forbidden"));
    await t.controller.open();
    expect(t.controller.refusal?.code).toBe("auth.forbidden");
    expect(t.controller.view).toBeNull();
    expect(t.controller.faulty).toBeNull();
    await t.controller.showPreset(90);
    expect(asked(t)).toEqual([{}]);
    t.api.kpis.mockResolvedValueOnce(answer({}));
    await t.controller.open();
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.view?.period.to).toBe(TODAY);
  });
});

describe("presets", () => {
  it("counts each back from the current business day the engine answered", async () => {
    const t = await opened("2026-03-01");
    await t.controller.showPreset(7);
    expect(asked(t).at(-1)).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(t.controller.days).toBe(7);
    expect(t.controller.choice).toBe(7);
    await t.controller.showPreset(90);
    expect(asked(t).at(-1)).toEqual({ from: "2025-12-02", to: "2026-03-01" });
    expect(t.controller.choice).toBe(90);
    await t.controller.showPreset(365);
    expect(asked(t).at(-1)).toEqual({ from: "2025-03-02", to: "2026-03-01" });
    expect(t.controller.days).toBe(365);
    // Thirty days is the engine's own default: asked as such, and today learnt again.
    await t.controller.showPreset(30);
    expect(asked(t).at(-1)).toEqual({});
    expect(t.controller.choice).toBe(30);
  });

  it("learns a new business day from the default's answer", async () => {
    const t = await opened();
    t.api.kpis.mockImplementation((request) => Promise.resolve(answer(request, "2026-12-06")));
    await t.controller.showPreset(30);
    await t.controller.showPreset(7);
    expect(asked(t).at(-1)).toEqual({ from: "2026-11-30", to: "2026-12-06" });
  });
});

describe("a period typed", () => {
  it("asks for the days typed once both are there", async () => {
    const t = await opened();
    t.controller.from = "2026-01-01";
    t.controller.to = "";
    await t.controller.showCustom();
    expect(asked(t)).toHaveLength(1);
    t.controller.to = " 2026-03-31 ";
    await t.controller.showCustom();
    expect(asked(t).at(-1)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(t.controller.view?.period).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(t.controller.days).toBe(90);
    expect(t.controller.choice).toBe("custom");
    // The business day is still the one the default answered.
    expect(t.controller.today).toBe(TODAY);
  });

  it("is a preset when its days are one", async () => {
    const t = await opened();
    t.controller.from = "2026-11-29";
    t.controller.to = TODAY;
    await t.controller.showCustom();
    expect(t.controller.choice).toBe(7);
  });

  it("keeps a bad period's refusal with its field and the days typed, over the period shown", async () => {
    const t = await opened();
    t.api.kpis.mockRejectedValueOnce(badPeriod("to"));
    t.controller.from = "2026-12-01";
    t.controller.to = "2026-11-01";
    await t.controller.showCustom();
    expect(t.controller.refusal?.code).toBe("invalid_input");
    expect(t.controller.faulty).toBe("to");
    expect([t.controller.from, t.controller.to]).toEqual(["2026-12-01", "2026-11-01"]);
    expect(t.controller.view?.period.to).toBe(TODAY);
    expect(t.controller.choice).toBe(30);
    // Put right, it is asked again and the refusal goes.
    t.controller.to = "2026-12-03";
    await t.controller.showCustom();
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.faulty).toBeNull();
    expect(t.controller.view?.period).toEqual({ from: "2026-12-01", to: "2026-12-03" });
  });

  it("names the first day when that is the one at fault", async () => {
    const t = await opened();
    t.api.kpis.mockRejectedValueOnce(badPeriod("from"));
    t.controller.from = "2026-02-31";
    await t.controller.showCustom();
    expect(t.controller.faulty).toBe("from");
  });
});

describe("answers out of order", () => {
  it("shows the last period asked when two answers come back in the wrong order", async () => {
    const t = await opened();
    const first = later<Kpis>();
    const second = later<Kpis>();
    t.api.kpis.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const one = t.controller.showPreset(365);
    const two = t.controller.showPreset(7);
    expect(t.controller.choice).toBe(7);
    second.settle(answer({ from: "2026-11-29", to: TODAY }));
    await two;
    expect(t.controller.days).toBe(7);
    expect(t.controller.loading).toBe(false);
    first.settle(answer({ from: "2025-12-06", to: TODAY }));
    await one;
    expect(t.controller.days).toBe(7);
    expect(t.controller.choice).toBe(7);
    expect(t.controller.from).toBe("2026-11-29");
  });

  it("forgets a late refusal for a period no longer asked", async () => {
    const t = await opened();
    const first = later<Kpis>();
    t.api.kpis.mockReturnValueOnce(first.promise).mockResolvedValueOnce(answer({ from: "2026-11-29", to: TODAY }));
    const one = t.controller.showPreset(90);
    await t.controller.showPreset(7);
    first.fail(refusal("io"));
    await one;
    expect(t.controller.refusal).toBeNull();
    expect(t.controller.days).toBe(7);
  });

  it("does not take a late default's answer as the current business day", async () => {
    const t = await opened();
    const late = later<Kpis>();
    t.api.kpis.mockReturnValueOnce(late.promise);
    const one = t.controller.showPreset(30);
    t.api.kpis.mockResolvedValueOnce(answer({ from: "2026-11-29", to: TODAY }));
    await t.controller.showPreset(7);
    late.settle(answer({}, "2026-12-09"));
    await one;
    expect(t.controller.today).toBe(TODAY);
  });
});

describe("a slow period", () => {
  it("says it is counting only once it has taken a while", async () => {
    const t = testKpis();
    const first = later<Kpis>();
    t.api.kpis.mockReturnValue(first.promise);
    const opening = t.controller.open();
    t.clock.advance(SLOW_AFTER_MS - 1);
    expect(t.controller.slow).toBe(false);
    t.clock.advance(1);
    expect(t.controller.slow).toBe(true);
    first.settle(kpisOf({ from: "2026-11-06", to: TODAY }));
    await opening;
    expect(t.controller.slow).toBe(false);
    expect(t.clock.waiting).toBe(0);
  });

  it("never says so for a quick answer", async () => {
    const t = await opened();
    t.clock.advance(SLOW_AFTER_MS * 2);
    expect(t.controller.slow).toBe(false);
  });

  it("counts from the last period asked", async () => {
    const t = await opened();
    const first = later<Kpis>();
    const second = later<Kpis>();
    t.api.kpis.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    void t.controller.showPreset(365);
    t.clock.advance(SLOW_AFTER_MS - 100);
    const two = t.controller.showPreset(90);
    t.clock.advance(100);
    expect(t.controller.slow).toBe(false);
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.controller.slow).toBe(true);
    // The first answer, late, does not end the second's wait.
    first.settle(answer({ from: "2025-12-06", to: TODAY }));
    await answers();
    expect(t.controller.slow).toBe(true);
    expect(t.controller.loading).toBe(true);
    second.settle(answer({ from: "2026-09-07", to: TODAY }));
    await two;
    expect(t.controller.slow).toBe(false);
    expect(t.controller.days).toBe(90);
  });
});

describe("exporting a table", () => {
  it("saves the shown period's table in the reader's language, and forgets where once another period is shown", async () => {
    const t = await opened();
    t.speak("ru");
    t.api.exportKpisCsv.mockResolvedValueOnce("/exports/kpis-2026-11-06-to-2026-12-05.csv");
    await t.controller.exportCsv("kpis");
    expect(t.api.exportKpisCsv).toHaveBeenCalledWith({ from: "2026-11-06", to: TODAY, table: "kpis", language: "ru" });
    expect(t.controller.exported).toEqual({ kind: "saved", table: "kpis", path: "/exports/kpis-2026-11-06-to-2026-12-05.csv" });
    await t.controller.showPreset(7);
    expect(t.controller.exported).toBeNull();
  });

  it("keeps why a file was not saved, and saves nothing before a period is shown", async () => {
    const none = testKpis();
    await none.controller.exportCsv("kpis");
    expect(none.api.exportKpisCsv).not.toHaveBeenCalled();
    const t = await opened();
    await t.controller.exportCsv("kpis-by-day");
    expect(t.controller.exported?.kind).toBe("failed");
    expect(t.controller.exporting).toBeNull();
  });
});

describe("the goals", () => {
  it("are asked on their own, once, and kept whatever period is shown after", async () => {
    const t = await opened();
    const goals = later<GoalProgress[]>();
    t.api.kpiGoals.mockReturnValue(goals.promise);
    const asking = t.controller.openGoals();
    void t.controller.openGoals();
    expect(t.api.kpiGoals).toHaveBeenCalledTimes(1);
    expect(t.controller.goals).toBeNull();
    expect(t.controller.goalsRun.loading).toBe(true);
    goals.settle([aGoal()]);
    await asking;
    expect(t.controller.goals?.map((g) => g.goal)).toEqual(["more-regulars"]);
    await t.controller.showPreset(7);
    await t.controller.openGoals();
    expect(t.api.kpiGoals).toHaveBeenCalledTimes(1);
    expect(t.controller.goals?.length).toBe(1);
  });

  it("say they are still counting after a while, and why they were refused; asked again after a refusal", async () => {
    const t = await opened();
    const goals = later<GoalProgress[]>();
    t.api.kpiGoals.mockReturnValue(goals.promise);
    const asking = t.controller.openGoals();
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.controller.goalsRun.slow).toBe(true);
    goals.fail(refusal("auth.forbidden"));
    await asking;
    expect(t.controller.goalsRun.refusal?.code).toBe("auth.forbidden");
    expect(t.controller.goals).toBeNull();
    t.api.kpiGoals.mockResolvedValue([]);
    await t.controller.openGoals();
    expect(t.controller.goals).toEqual([]);
    expect(t.controller.goalsRun.refusal).toBeNull();
  });
});

describe("the cohorts", () => {
  it("are asked on their own, once, apart from the goals, and kept whatever period is shown after", async () => {
    const t = await opened();
    const cohorts = later<Cohort[]>();
    t.api.kpiCohorts.mockReturnValue(cohorts.promise);
    const asking = t.controller.openCohorts();
    void t.controller.openCohorts();
    expect(t.api.kpiCohorts).toHaveBeenCalledTimes(1);
    expect(t.api.kpiGoals).not.toHaveBeenCalled();
    expect(t.controller.cohortsRun.loading).toBe(true);
    expect(t.controller.goalsRun.loading).toBe(false);
    cohorts.settle(someCohorts());
    await asking;
    expect(t.controller.cohorts?.map((c) => c.month)).toEqual(["2026-10", "2026-11", "2026-12"]);
    await t.controller.showPreset(7);
    await t.controller.openCohorts();
    expect(t.api.kpiCohorts).toHaveBeenCalledTimes(1);
  });

  it("keep why they were refused, and are asked again after", async () => {
    const t = await opened();
    t.api.kpiCohorts.mockRejectedValue(refusal("auth.forbidden"));
    await t.controller.openCohorts();
    expect(t.controller.cohortsRun.refusal?.code).toBe("auth.forbidden");
    expect(t.controller.cohorts).toBeNull();
    t.api.kpiCohorts.mockResolvedValue([]);
    await t.controller.openCohorts();
    expect(t.controller.cohorts).toEqual([]);
    expect(t.controller.cohortsRun.refusal).toBeNull();
  });
});

describe("breakage, counted on its own", () => {
  const shownBreakage = (t: ReturnType<typeof testKpis>) => t.controller.cards.find((k) => k.id === "breakage");

  it("is asked for each period shown, and takes its card's place once in", async () => {
    const t = testKpis();
    t.api.kpis.mockImplementation((request) => Promise.resolve(answer(request, TODAY)));
    const counted = later<Kpi>();
    t.api.kpiBreakage.mockReturnValue(counted.promise);
    await t.controller.open();
    expect(t.api.kpiBreakage).toHaveBeenCalledWith({ from: "2026-11-06", to: TODAY });
    expect(shownBreakage(t)?.why).toBe("kpi-breakage-counting");
    expect(t.controller.cards.map((k) => k.id)).toEqual(t.controller.view?.kpis.map((k) => k.id));
    counted.settle(breakageCounted());
    await counted.promise;
    await Promise.resolve();
    expect(shownBreakage(t)?.value).toBe(0.12);
  });

  it("keeps only the latest period's, and says why it was refused", async () => {
    const t = testKpis();
    t.api.kpis.mockImplementation((request) => Promise.resolve(answer(request, TODAY)));
    const first = later<Kpi>();
    const second = later<Kpi>();
    t.api.kpiBreakage.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    await t.controller.open();
    await t.controller.showPreset(7);
    expect(t.api.kpiBreakage).toHaveBeenLastCalledWith({ from: "2026-11-29", to: TODAY });
    first.settle(breakageCounted());
    await first.promise;
    await Promise.resolve();
    expect(shownBreakage(t)?.why).toBe("kpi-breakage-counting");
    second.fail(refusal("auth.forbidden"));
    await second.promise.catch(() => undefined);
    await Promise.resolve();
    expect(t.controller.slowKpi.run.refusal?.code).toBe("auth.forbidden");
  });
});

describe("reward popularity, asked on its own", () => {
  it("is asked for each period shown; a period's answer goes when another is asked", async () => {
    const t = testKpis();
    t.api.kpis.mockImplementation((request) => Promise.resolve(answer(request, TODAY)));
    t.api.kpiRewards.mockResolvedValue(somePopularity());
    await t.controller.open();
    await Promise.resolve();
    expect(t.api.kpiRewards).toHaveBeenCalledWith({ from: "2026-11-06", to: TODAY });
    await vi.waitFor(() => expect(t.controller.rewards.value?.map((r) => r.reward)).toEqual(["drink", "pastry", "old-cake"]));
    const next = later<RewardPopularity[]>();
    t.api.kpiRewards.mockReturnValue(next.promise);
    await t.controller.showPreset(7);
    expect(t.api.kpiRewards).toHaveBeenLastCalledWith({ from: "2026-11-29", to: TODAY });
    expect(t.controller.rewards.value).toBeNull();
    next.settle([]);
    await next.promise;
    await Promise.resolve();
    expect(t.controller.rewards.value).toEqual([]);
  });
});

