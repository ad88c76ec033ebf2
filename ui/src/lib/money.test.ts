import { describe, expect, it } from "vitest";
import { likelyCurrency } from "./money";

describe("a new shop's likely currency", () => {
  it("is the system locale's region's", () => {
    expect(likelyCurrency("pl-PL", "en")).toBe("PLN");
    expect(likelyCurrency("fr-CH", "fr")).toBe("CHF");
    expect(likelyCurrency("fr-CA", "fr")).toBe("CAD");
    expect(likelyCurrency("en-GB", "pl")).toBe("GBP");
    expect(likelyCurrency("de-DE", "en")).toBe("EUR");
  });

  it("is the screen language's likely region's when the locale names none", () => {
    expect(likelyCurrency("pl", "pl")).toBe("PLN");
    expect(likelyCurrency(undefined, "ru")).toBe("RUB");
    expect(likelyCurrency(undefined, "fr")).toBe("EUR");
    expect(likelyCurrency("C", "en")).toBe("USD");
  });

  it("is US dollars where the region's currency is not one a shop may pick", () => {
    expect(likelyCurrency("pt-BR", "en")).toBe("USD");
    expect(likelyCurrency("not a tag!", "en")).toBe("USD");
  });
});
