import { describe, expect, it } from "vitest";
import type { Language, Message } from "./bindings";
import { Catalogue, LANGUAGES } from "./i18n";
import { formatMoney, plainAmount } from "./money";
import fixture from "./messages.fixture.json";

type Row = { language: Language; message: Message; text: string };
const rows = fixture as Row[];

describe("the screens render the engine's messages as the engine does", () => {
  const catalogues = new Map(LANGUAGES.map((l) => [l, new Catalogue(l)]));

  it("has a fixture for every language", () => {
    for (const language of LANGUAGES) {
      expect(rows.filter((r) => r.language === language).length).toBeGreaterThan(100);
    }
  });

  it.each(LANGUAGES)("renders every message of the fixture the same in %s", (language) => {
    const catalogue = catalogues.get(language)!;
    const differing = rows
      .filter((r) => r.language === language)
      .map((r) => ({ id: r.message.id, engine: r.text, screen: catalogue.render(r.message) }))
      .filter((r) => r.engine !== r.screen);
    expect(differing).toEqual([]);
  });
});

describe("plurals", () => {
  const points = (language: Language, n: number) =>
    new Catalogue(language).render({ id: "balance-points", args: { points: { number: n } } });

  it("gives Polish its three forms", () => {
    expect([1, 2, 5, 22, 25].map((n) => points("pl", n))).toEqual([
      "1 punkt",
      "2 punkty",
      "5 punktów",
      "22 punkty",
      "25 punktów",
    ]);
  });

  it("gives Russian its three forms", () => {
    const forms = [1, 3, 5, 21].map((n) => points("ru", n));
    expect(new Set(forms.map((f) => f.split(" ")[1])).size).toBe(3);
  });
});

describe("money", () => {
  it("writes amounts with the currency's decimals", () => {
    expect(plainAmount(450, 2)).toBe("4.50");
    expect(plainAmount(-5, 2)).toBe("-0.05");
    expect(plainAmount(1200, 0)).toBe("1200");
    expect(plainAmount(12345, 3)).toBe("12.345");
  });

  it("writes money for each language", () => {
    expect(formatMoney(450, "USD", "en")).toBe("$4.50");
    expect(formatMoney(-450, "EUR", "en")).toBe("-€4.50");
    expect(formatMoney(1005, "CHF", "en")).toBe("CHF\u00a010.05");
    expect(formatMoney(450, "PLN", "pl")).toBe("4,50\u00a0zł");
    expect(formatMoney(1200, "JPY", "fr")).toBe("1\u202f200\u00a0JP¥");
    // Grouped as each language groups: Polish from five digits, French with a narrow space.
    expect(formatMoney(1349100, "USD", "en")).toBe("$13,491.00");
    expect(formatMoney(123450, "PLN", "pl")).toBe("1234,50\u00a0zł");
    expect(formatMoney(1234500, "PLN", "pl")).toBe("12\u00a0345,00\u00a0zł");
    expect(formatMoney(-1349100, "EUR", "fr")).toBe("-13\u202f491,00\u00a0€");
    expect(formatMoney(450, "USD", "fr")).toBe("4,50\u00a0$US");
  });
});

describe("a message no catalogue has", () => {
  it("falls back to English, then to its id", () => {
    const pl = new Catalogue("pl");
    expect(pl.render({ id: "no-such-message" })).toBe("no-such-message");
    expect(pl.has("balance-points")).toBe(true);
  });
});

describe("dates", () => {
  it("writes a date for each language", async () => {
    const { formatDate } = await import("./dates");
    expect(formatDate("2026-12-03", "en")).toBe("3 Dec 2026");
    expect(formatDate("2026-12-03", "pl")).toBe("3.12.2026");
    expect(formatDate("2026-12-03", "fr")).toBe("03/12/2026");
    expect(formatDate("2026-12-03", "ru")).toBe("03.12.2026");
    expect(formatDate("not a date", "en")).toBe("not a date");
  });
});

describe("a message in parts", () => {
  it("keeps each argument a part of its own, for a screen to keep on one line", () => {
    const en = new Catalogue("en");
    const typed = { id: "typed-code", args: { code: { text: "K7RM-X4Q-HV9" } } };
    expect(en.renderParts(typed)).toEqual([
      { text: "card code: ", arg: false },
      { text: "K7RM-X4Q-HV9", arg: true },
    ]);
    expect(en.renderParts(typed).map((p) => p.text).join("")).toBe(en.render(typed));
  });

  it("marks the arguments of a message inside another", () => {
    const pl = new Catalogue("pl");
    const back = {
      id: "undone",
      args: { what: { message: { id: "redeem-points", args: { points: { number: 60 }, reward: { text: "Drożdżówka" } } } } },
    };
    const parts = pl.renderParts(back);
    expect(parts.map((p) => p.text).join("")).toBe(pl.render(back));
    expect(parts.filter((p) => p.arg).map((p) => p.text)).toEqual(["Drożdżówka"]);
  });
});

describe("wall-clock times", () => {
  it("are written in the reader's language, the shop's time kept", async () => {
    const { formatWallClock } = await import("./dates");
    expect(formatWallClock("2026-12-06 05:19", "en")).toBe("6 Dec 2026, 05:19");
    expect(formatWallClock("2026-12-06 05:19", "pl")).toBe("6 gru 2026, 05:19");
    expect(formatWallClock("2026-12-06 05:19", "fr")).toContain("déc.");
    expect(formatWallClock("2026-12-06 05:19", "ru")).toContain("дек.");
    expect(formatWallClock("soon", "en")).toBe("soon");
  });
});
