// A goal's readings as the chart draws them, its value axis in the KPI's
// unit, and a tone for every status the engine answers.
import { describe, expect, it } from "vitest";
import { aGoal } from "../test/kpis";
import { GOAL_TONE, goalAxis, goalChart, goalStatusId } from "./goals";

describe("a goal's chart", () => {
  it("draws each reading at its place beside the target's line, a gap where a reading has no value", () => {
    const goal = aGoal({ trend: [{ day: "2026-10-31", value: 0.3 }, { day: "2026-11-07", value: null }, { day: "2026-11-14", value: 0.33 }] });
    expect(goalChart(goal, "USD")).toEqual({
      days: ["2026-10-31", "2026-11-07", "2026-11-14"],
      x: [0, 1, 2],
      values: [0.3, null, 0.33],
      target: [0.36, 0.36, 0.36],
    });
  });

  it("draws money in whole units of the currency, and no target line without a target", () => {
    const goal = aGoal({ unit: "money", target: null, trend: [{ day: "2026-10-31", value: "5.25" }] });
    expect(goalChart(goal, "PLN")).toMatchObject({ values: [5.25], target: [null] });
  });

  it("labels the value axis in the KPI's unit and the reader's numbers", () => {
    expect(goalAxis("fraction", "USD", "en").format(0.25)).toBe("25%");
    expect(goalAxis("fraction", "USD", "fr").format(0.25).replace(/\s/g, " ")).toBe("25 %");
    expect(goalAxis("ratio", "USD", "pl").format(1.5)).toBe("1,50");
    expect(goalAxis("money", "PLN", "pl").format(12.5).replace(/\s/g, " ")).toBe("12,50 zł");
  });

  it("has a tone and words for every status", () => {
    expect(GOAL_TONE.behind).toBe("bad");
    expect(GOAL_TONE.met).toBe("good");
    expect(goalStatusId("too_early")).toBe("report-goal-too-early");
  });
});
