// What the segments' screens say of a segment: its catalogue words, its
// definition with the rules' numbers in it, and how the chart draws it.
import type { Segment, SegmentRules } from "./bindings";

/** Every segment, in the engine's order (`SEGMENTS`): the chart's lines and the tiles. */
export const SEGMENTS: readonly Segment[] = ["new", "occasional", "regular", "high_value", "at_risk", "lapsed"];

/** A segment's id in the catalogues and in files (`high_value` → `high-value`). */
export function segmentKey(segment: Segment): string {
  return segment.replace("_", "-");
}

/** A message: a catalogue id and its arguments. */
export type Said = { id: string; args: Record<string, number> };

/** The segment's definition, with the rules' numbers in it (engine/src/report/segments.rs defines them). */
export function segmentDefinition(segment: Segment, rules: SegmentRules): Said {
  const id = `segment-${segmentKey(segment)}-definition`;
  switch (segment) {
    case "new":
      return { id, args: { days: rules.new_days } };
    case "regular":
      return { id, args: { score: rules.regular_frequency } };
    case "high_value":
      return { id, args: { score: rules.high_value_spend } };
    case "at_risk":
      return { id, args: { score: rules.at_risk_recency } };
    case "lapsed":
      return { id, args: { days: rules.lapsed_days } };
    case "occasional":
      return { id, args: {} };
  }
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
