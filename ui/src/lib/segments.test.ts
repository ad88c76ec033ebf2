import { describe, expect, it } from "vitest";
import { SEGMENT_LINES, SEGMENTS, segmentKey } from "./segments";

describe("segments in words", () => {
  it("names a segment as the catalogues and the files do", () => {
    expect(SEGMENTS.map(segmentKey)).toEqual(["new", "occasional", "regular", "high-value", "at-risk", "lapsed"]);
  });

  it("draws no two segments' lines alike", () => {
    const looks = SEGMENTS.map((s) => `${SEGMENT_LINES[s].colour}/${SEGMENT_LINES[s].dash?.join(",") ?? "solid"}`);
    expect(new Set(looks).size).toBe(SEGMENTS.length);
  });
});
