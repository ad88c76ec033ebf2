// What the report charts draw (uPlot's data: one array of x, one per series)
// and how (uPlot's options: one look for every chart), prepared here without a
// DOM so it is tested as plain functions. components/reports/Chart.svelte
// draws a `ChartSpec` over its data; a chart component only states its spec.
import type uPlot from "uplot";
import type { DayLine, HourLine, Language } from "./bindings";
import { countText } from "./reportTable";

/** The hours of a local day, 0 to 23. */
export const HOURS: readonly number[] = Array.from({ length: 24 }, (_, h) => h);

/**
 * The hours of a business day in its order, from the local hour it starts at
 * round to the hour before it (04…23, 0…3: visits after midnight at the
 * right), and the visits in each (the close lists only the hours with visits;
 * the others are 0). A day with the clocks turned back holds one hour twice:
 * the close already adds them up.
 */
export function hoursFrom(startsAt: number, lines: readonly HourLine[]): [number[], number[]] {
  const first = Number.isInteger(startsAt) && startsAt >= 0 && startsAt < HOURS.length ? startsAt : 0;
  const hours = HOURS.map((_, i) => (first + i) % HOURS.length);
  const visits = hours.map(() => 0);
  for (const line of lines) {
    const at = hours.indexOf(line.hour);
    if (at >= 0) visits[at] = (visits[at] ?? 0) + line.visits;
  }
  return [hours, visits];
}

/** Visits in each local hour 0–23, from midnight. */
export function visitsByHour(lines: readonly HourLine[]): [number[], number[]] {
  return hoursFrom(0, lines);
}

/** A period's days as its charts draw them: each day at its place (`x`), its visits, and points issued and redeemed. */
export type PeriodChart = { days: string[]; x: number[]; visits: number[]; issued: number[]; redeemed: number[] };

/** The engine's days of a period (every day, oldest first) as the charts' series. */
export function periodChart(lines: readonly DayLine[]): PeriodChart {
  return {
    days: lines.map((l) => l.day),
    x: lines.map((_, i) => i),
    visits: lines.map((l) => l.visits),
    issued: lines.map((l) => l.points_issued),
    redeemed: lines.map((l) => l.points_redeemed),
  };
}

/** Whole-number steps for a count axis, so it never shows half a visit. */
export const COUNT_STEPS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** Steps between the days labelled on a period's axis: every day, two, a week, a fortnight, a month… */
export const DAY_STEPS: readonly number[] = [1, 2, 7, 14, 28, 56, 91, 182, 364];

/** The colours and font a chart draws in: the page's own (its CSS custom properties). */
export type ChartLook = { ink: string; accent: string; reward: string; grid: string; font: string };

/** The page's look, read from its computed style; a colour it does not set is the till's own. */
export function chartLook(css: Pick<CSSStyleDeclaration, "getPropertyValue" | "fontFamily">): ChartLook {
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    ink: read("--ink", "#1d1b18"),
    accent: read("--accent", "#1f6f5c"),
    reward: read("--reward", "#b5500e"),
    grid: read("--line", "#ddd6ca"),
    font: `13px ${css.fontFamily}`,
  };
}

/** An axis's title (none: the figure's caption says it) and the room kept for it, px. */
type Titled = { label?: string; labelSize?: number };

/**
 * The axis along the bottom: one place per bar or day, 0, 1, 2… (uPlot's x
 * must grow), each named by `name` (a day, an hour), labelled every `incrs`
 * places at least `space` px apart. `size`: its height, px.
 */
export type PlacesAxis = Titled & { size: number; space: number; incrs: readonly number[]; name: (place: number) => string };

/** The axis up the side: whole counts from 0, in the reader's numbers. `size`: its width, px. */
export type CountAxis = Titled & { size: number };

/**
 * An axis up the side for values that are not counts (a share, a ratio, an
 * amount): from 0, labelled every `steps` apart at least, each written by `format`.
 */
export type ValueAxis = Titled & { size: number; steps: readonly number[]; format: (value: number) => string };

/** A series drawn: visits as bars, or points as a line (dashed, to tell two lines apart without colour). */
export type ChartSeries =
  | { kind: "bars"; label: string }
  | { kind: "line"; label: string; colour: "accent" | "reward" | "ink"; dash?: number[]; points: boolean };

/** What a chart states: its height (px), the reader's language, its two axes and its series in the data's order. */
export type ChartSpec = { height: number; language: Language; x: PlacesAxis; y: CountAxis | ValueAxis; series: ChartSeries[] };

/** Where a chart is drawn: its box's width, how many places its data has, the page's look, and uPlot's bars. */
export type ChartCanvas = { width: number; places: number; look: ChartLook; bars: uPlot.Series.PathBuilder | undefined };

/** The x scale: each place in the middle of its own slot, from the first to the last. */
export function placesRange(places: number): [number, number] {
  return [-0.5, Math.max(places - 1, 0) + 0.5];
}

/** The y scale: from 0, with room above the highest count, and never less than 4 (a quiet day is not a tall bar). */
export function countRange(max: number): [number, number] {
  return [0, Math.max(4, Math.ceil(max * 1.1))];
}

/** A value scale: from 0, with a tenth more room above the highest value (1 when there is none). */
export function valueRange(max: number | null): [number, number] {
  return [0, max !== null && Number.isFinite(max) && max > 0 ? max * 1.1 : 1];
}

/** The bars' width: 70% of a place, at most 40 px. */
export const BAR_SIZE: readonly [number, number] = [0.7, 40];

/** uPlot's options for `spec` drawn on `canvas`: no legend or cursor (the figure has its own), grid lines across only. */
export function chartOptions(spec: ChartSpec, canvas: ChartCanvas): uPlot.Options {
  const { look } = canvas;
  const axis = { stroke: look.ink, font: look.font, labelFont: look.font, grid: { stroke: look.grid, width: 1 }, ticks: { show: false } };
  const titled = ({ label, labelSize }: Titled) => ({
    ...(label === undefined ? {} : { label }),
    ...(labelSize === undefined ? {} : { labelSize }),
  });
  const { x, y, language } = spec;
  const counts = !("format" in y);
  return {
    width: canvas.width,
    height: spec.height,
    legend: { show: false },
    cursor: { show: false, drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: () => placesRange(canvas.places) },
      y: { range: (_u, _min, max) => (counts ? countRange(max) : valueRange(max)) },
    },
    axes: [
      {
        ...axis,
        grid: { show: false },
        ...titled(x),
        size: x.size,
        incrs: [...x.incrs],
        space: x.space,
        values: (_u, splits) => splits.map((at) => (Number.isInteger(at) ? x.name(at) : "")),
      },
      {
        ...axis,
        ...titled(y),
        incrs: [...("format" in y ? y.steps : COUNT_STEPS)],
        space: 28,
        size: y.size,
        values: (_u, splits) => splits.map((v) => ("format" in y ? y.format(v) : countText(v, language))),
      },
    ],
    series: [{}, ...spec.series.map((series) => seriesOptions(series, canvas))],
  };
}

function seriesOptions(series: ChartSeries, { look, bars }: ChartCanvas): uPlot.Series {
  if (series.kind === "bars") {
    return {
      label: series.label,
      fill: look.accent,
      stroke: look.accent,
      width: 0,
      points: { show: false },
      ...(bars ? { paths: bars } : {}),
    };
  }
  return {
    label: series.label,
    stroke: look[series.colour],
    width: 2,
    ...(series.dash ? { dash: series.dash } : {}),
    points: { show: series.points, size: 5 },
  };
}
