import { describe, expect, it } from "vitest";
import { isAmount, typeKey } from "./amount";

function keys(sequence: string[], decimals = 2): string {
  return sequence.reduce((amount, key) => typeKey(amount, key, decimals), "");
}

describe("typeKey", () => {
  it("builds a decimal amount from keys", () => {
    expect(keys(["1", "2", ".", "5", "0"])).toBe("12.50");
    expect(keys([".", "5"])).toBe("0.5");
  });

  it("keeps no more decimals than the currency has", () => {
    expect(keys(["4", ".", "9", "9", "9"])).toBe("4.99");
    expect(keys(["1", "2", ".", "3"], 0)).toBe("123");
  });

  it("takes one decimal mark, drops a leading zero and ignores other keys", () => {
    expect(keys(["1", ".", ".", "2"])).toBe("1.2");
    expect(keys(["0", "7"])).toBe("7");
    expect(keys(["5", "x", "F5", "-"])).toBe("5");
  });

  it("rubs out with Backspace and stops at nine digits", () => {
    expect(keys(["4", "5", "Backspace"])).toBe("4");
    expect(keys(Array.from({ length: 12 }, () => "9"))).toBe("999999999");
  });
});

describe("isAmount", () => {
  it("takes amounts above zero only", () => {
    expect(isAmount("0.01")).toBe(true);
    expect(isAmount("12")).toBe(true);
    expect(isAmount("0")).toBe(false);
    expect(isAmount("0.")).toBe(false);
    expect(isAmount("")).toBe(false);
  });
});
