// What the segments' screens say of a segment: its catalogue words and how
// the chart draws it (its definition comes from the engine, on `SegmentSize`).
import type { Segment } from "./bindings";

/** Every segment, in the engine's order (`SEGMENTS`): the chart's lines and the tiles. */
export const SEGMENTS: readonly Segment[] = ["new", "occasional", "regular", "high_value", "at_risk", "lapsed"];

/** A segment's id in the catalogues and in files (`high_value` → `high-value`). */
export function segmentKey(segment: Segment): string {
  return segment.replace("_", "-");
}

/** How a segment's line is drawn: three colours, each solid and dashed, so no two lines look alike, in colour or not. */
export type SegmentLine = { colour: "accent" | "reward" | "ink"; dash?: number[] };

export const SEGMENT_LINES: Record<Segment, SegmentLine> = {
  new: { colour: "accent", dash: [6, 4] },
  occasional: { colour: "ink", dash: [2, 4] },
  regular: { colour: "accent" },
  high_value: { colour: "ink" },
  at_risk: { colour: "reward" },
  lapsed: { colour: "reward", dash: [6, 4] },
};
