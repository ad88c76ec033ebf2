import { describe, expect, it } from "vitest";
import { includesNoChange, intervalBar, signedMoneyText } from "./offers";

describe("an offer's interval on a bar", () => {
  it("spans the interval and no change, with a tenth spare at each end", () => {
    // From -1 to 3: a span of 4, 0.4 spare each side, 4.8 in all.
    const bar = intervalBar(-1, 1, 3);
    expect(bar.low).toBeCloseTo((0.4 / 4.8) * 100);
    expect(bar.zero).toBeCloseTo((1.4 / 4.8) * 100);
    expect(bar.difference).toBeCloseTo((2.4 / 4.8) * 100);
    expect(bar.high).toBeCloseTo((4.4 / 4.8) * 100);
  });

  it("keeps no change on the bar when the whole interval is above it", () => {
    const bar = intervalBar(2, 3, 4);
    expect(bar.zero).toBeLessThan(bar.low);
    expect(bar.zero).toBeGreaterThan(0);
    expect(bar.high).toBeLessThan(100);
  });

  it("puts everything in the middle when there is nothing to span", () => {
    expect(intervalBar(0, 0, 0)).toEqual({ low: 50, difference: 50, high: 50, zero: 50 });
  });

  it("says whether the interval holds no change", () => {
    expect(includesNoChange(-0.1, 0.5)).toBe(true);
    expect(includesNoChange(0, 0.5)).toBe(true);
    expect(includesNoChange(0.1, 0.5)).toBe(false);
    expect(includesNoChange(-0.5, -0.1)).toBe(false);
  });
});

describe("a change in money", () => {
  it("says a rise with its sign, and a fall as the amount does", () => {
    expect(signedMoneyText("1.25", "USD", "en")).toBe("+$1.25");
    expect(signedMoneyText("-0.40", "USD", "en")).toBe("-$0.40");
    expect(signedMoneyText("0.00", "USD", "en")).toBe("$0.00");
  });
});
