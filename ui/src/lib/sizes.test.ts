import { describe, expect, it } from "vitest";
import { formatSize } from "./sizes";

/** Intl's spaces (a narrow no-break one in French) as plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("file sizes", () => {
  it("are written in each language's units", () => {
    expect(formatSize(2_400_000, "en")).toBe("2.4 MB");
    expect(plain(formatSize(2_400_000, "fr"))).toBe("2,4 Mo");
    expect(plain(formatSize(2_400_000, "pl"))).toBe("2,4 MB");
    expect(plain(formatSize(2_400_000, "ru"))).toBe("2,4 МБ");
  });

  it("take the largest unit there is one of, a kilobyte at least", () => {
    expect(formatSize(512, "en")).toBe("0.5 kB");
    expect(formatSize(0, "en")).toBe("0 kB");
    expect(formatSize(12_500, "en")).toBe("12.5 kB");
    expect(formatSize(999_999, "en")).toBe("1 MB");
    expect(formatSize(1_000_000, "en")).toBe("1 MB");
    expect(formatSize(3_200_000_000, "en")).toBe("3.2 GB");
  });
});
