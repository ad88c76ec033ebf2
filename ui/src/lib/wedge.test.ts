import { describe, expect, it } from "vitest";
import { WedgeKeys } from "./wedge";

describe("wedge keys", () => {
  it("keeps characters and Enter with their times, and snapshots at a burst's start", () => {
    const w = new WedgeKeys<string>();
    let amount = "4";
    w.key("4", 0, () => amount);
    amount = "45";
    // A pause, then a scanner's burst: the snapshot is taken before its first key.
    w.key("C", 500, () => amount);
    amount = "45C";
    w.key("P", 504, () => amount);
    w.key("Shift", 505, () => amount);
    w.key("Enter", 508, () => amount);
    const { keys, before } = w.take();
    expect(keys.map((k) => k.key)).toEqual(["4", "C", "P", "Enter"]);
    expect(keys.map((k) => k.at_ms)).toEqual([0, 500, 504, 508]);
    expect(before).toBe("45");
    expect(w.take().keys).toEqual([]);
  });
});
