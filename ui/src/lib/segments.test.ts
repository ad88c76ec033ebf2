import { describe, expect, it } from "vitest";
import { SEGMENT_LINES, SEGMENTS, segmentDefinition, segmentKey } from "./segments";

const rules = { new_days: 30, lapsed_days: 180, at_risk_recency: 2, regular_frequency: 3, high_value_spend: 5 };

describe("segments in words", () => {
  it("names a segment as the catalogues and the files do", () => {
    expect(SEGMENTS.map(segmentKey)).toEqual(["new", "occasional", "regular", "high-value", "at-risk", "lapsed"]);
  });

  it("puts each rule's number in the segment it defines", () => {
    expect(segmentDefinition("new", rules)).toEqual({ id: "segment-new-definition", args: { days: 30 } });
    expect(segmentDefinition("lapsed", rules)).toEqual({ id: "segment-lapsed-definition", args: { days: 180 } });
    expect(segmentDefinition("at_risk", rules).args).toEqual({ score: 2 });
    expect(segmentDefinition("regular", rules).args).toEqual({ score: 3 });
    expect(segmentDefinition("high_value", rules)).toEqual({ id: "segment-high-value-definition", args: { score: 5 } });
    expect(segmentDefinition("occasional", rules).args).toEqual({});
  });

  it("draws no two segments' lines alike", () => {
    const looks = SEGMENTS.map((s) => `${SEGMENT_LINES[s].colour}/${SEGMENT_LINES[s].dash?.join(",") ?? "solid"}`);
    expect(new Set(looks).size).toBe(SEGMENTS.length);
  });
});
