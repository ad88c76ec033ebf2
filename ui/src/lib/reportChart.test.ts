// How the report charts are drawn, as plain functions: the page's look read
// with the till's own colours behind it, the scales, and uPlot's options for
// a chart's spec (its axes in the reader's numbers and words, its series).
import type uPlot from "uplot";
import { describe, expect, it } from "vitest";
import {
  chartLook,
  chartOptions,
  countRange,
  placesRange,
  type ChartCanvas,
  type ChartLook,
  type ChartSpec,
} from "./reportChart";

const LOOK: ChartLook = { ink: "black", accent: "green", reward: "orange", grid: "grey", font: "13px serif" };

/** A bars path builder as uPlot's `paths.bars` makes one. */
const bars: uPlot.Series.PathBuilder = () => null;

function canvas(over: Partial<ChartCanvas> = {}): ChartCanvas {
  return { width: 600, places: 24, look: LOOK, bars, ...over };
}

/** An hours chart, as VisitsByHour states it. */
function hoursSpec(): ChartSpec {
  return {
    height: 180,
    language: "en",
    x: { label: "Hour", labelSize: 22, size: 26, incrs: [1, 2, 3, 6], space: 22, name: (i) => `h${i}` },
    y: { label: "Visits", size: 48 },
    series: [{ kind: "bars", label: "Visits" }],
  };
}

/** An axis's labels for `splits`, as uPlot asks for them. */
function labels(axis: uPlot.Axis | undefined, splits: number[]): unknown {
  const values = axis?.values as (u: unknown, splits: number[]) => string[];
  return values(null, splits);
}

describe("the look", () => {
  it("is the page's colours and font", () => {
    const vars: Record<string, string> = { "--ink": " #111 ", "--accent": "#222", "--reward": "#333", "--line": "#444" };
    const look = chartLook({ getPropertyValue: (name) => vars[name] ?? "", fontFamily: "Inter, sans-serif" });
    expect(look).toEqual({ ink: "#111", accent: "#222", reward: "#333", grid: "#444", font: "13px Inter, sans-serif" });
  });

  it("is the till's own where the page sets none", () => {
    const look = chartLook({ getPropertyValue: () => "  ", fontFamily: "serif" });
    expect(look).toEqual({ ink: "#1d1b18", accent: "#1f6f5c", reward: "#b5500e", grid: "#ddd6ca", font: "13px serif" });
  });
});

describe("the scales", () => {
  it("put each place in the middle of its slot", () => {
    expect(placesRange(24)).toEqual([-0.5, 23.5]);
    expect(placesRange(1)).toEqual([-0.5, 0.5]);
    expect(placesRange(0)).toEqual([-0.5, 0.5]);
  });

  it("count from 0 with room above, never under 4", () => {
    expect(countRange(0)).toEqual([0, 4]);
    expect(countRange(3)).toEqual([0, 4]);
    expect(countRange(10)).toEqual([0, 11]);
    expect(countRange(95)).toEqual([0, 105]);
  });
});

describe("a chart's options", () => {
  it("are its box's width and its height, with no legend or cursor of uPlot's", () => {
    const options = chartOptions(hoursSpec(), canvas());
    expect(options).toMatchObject({ width: 600, height: 180, legend: { show: false }, cursor: { show: false } });
    const x = options.scales?.["x"]?.range as () => unknown;
    expect(x()).toEqual([-0.5, 23.5]);
  });

  it("name the places along x, and leave a place between two unnamed", () => {
    const [x] = chartOptions(hoursSpec(), canvas()).axes ?? [];
    expect(x).toMatchObject({ label: "Hour", labelSize: 22, size: 26, incrs: [1, 2, 3, 6], space: 22, grid: { show: false } });
    expect(x).toMatchObject({ stroke: "black", font: "13px serif", labelFont: "13px serif", ticks: { show: false } });
    expect(labels(x, [0, 1.5, 23])).toEqual(["h0", "", "h23"]);
  });

  it("count up y in whole steps and the reader's numbers, with grid lines across", () => {
    const [, y] = chartOptions({ ...hoursSpec(), language: "pl" }, canvas()).axes ?? [];
    expect(y).toMatchObject({ label: "Visits", size: 48, space: 28, grid: { stroke: "grey", width: 1 } });
    expect(y?.incrs).toContain(1);
    expect(y?.incrs).not.toContain(0.5);
    // Polish groups thousands with a space from 10 000 on (ICU versions differ in which space).
    const written = labels(y, [0, 12000]) as string[];
    expect(written.map((text) => text.replace(/\s/g, " "))).toEqual(["0", "12 000"]);
  });

  it("leave an axis untitled when its spec gives no title, for uPlot's own room", () => {
    const spec: ChartSpec = { ...hoursSpec(), x: { size: 30, incrs: [1], space: 56, name: String }, y: { size: 52 } };
    const [x, y] = chartOptions(spec, canvas()).axes ?? [];
    expect(x && "label" in x).toBe(false);
    expect(x && "labelSize" in x).toBe(false);
    expect(y && "label" in y).toBe(false);
    // The hours chart's count axis has a title but keeps uPlot's room for it.
    const [, titled] = chartOptions(hoursSpec(), canvas()).axes ?? [];
    expect(titled && "labelSize" in titled).toBe(false);
  });

  it("draw bars in the accent, with uPlot's bars when there are any", () => {
    const [, visits] = chartOptions(hoursSpec(), canvas()).series;
    expect(visits).toEqual({ label: "Visits", fill: "green", stroke: "green", width: 0, points: { show: false }, paths: bars });
    const [, plain] = chartOptions(hoursSpec(), canvas({ bars: undefined })).series;
    expect(plain && "paths" in plain).toBe(false);
  });

  it("draw lines in their colour, dashed when asked, with their points shown or not", () => {
    const spec: ChartSpec = {
      ...hoursSpec(),
      series: [
        { kind: "line", label: "Issued", colour: "accent", points: true },
        { kind: "line", label: "Redeemed", colour: "reward", dash: [7, 4], points: false },
      ],
    };
    const series = chartOptions(spec, canvas()).series;
    expect(series).toEqual([
      {},
      { label: "Issued", stroke: "green", width: 2, points: { show: true, size: 5 } },
      { label: "Redeemed", stroke: "orange", width: 2, dash: [7, 4], points: { show: false, size: 5 } },
    ]);
  });
});
