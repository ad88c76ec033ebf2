// The sale's side of the barista screen after an action: the outcome in the
// screen's language, and Print and Undo always within reach — an enrolment's
// record-only lines (the card's id, its long QR text) stay off the counter.
import { render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { baristaContext } from "../../controllers/barista.svelte";
import type { Outcome } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import { till } from "../../lib/till.svelte";
import { testBarista } from "../../test/barista";
import { tillOverview } from "../../test/overview";
import SalePanel from "./SalePanel.svelte";

const QR_TEXT = "CP1.XSMRF7YBV4AQF5ZOIJBYAYKXFEZOBF3BFOO3IPZD7MZIPZWZTWKC33A5UURVP3HXB";

/** An enrolment's outcome as the engine words it (engine/src/till.rs `card_notes`). */
function enrolment(): Outcome {
  const bonus = { id: "grant-points", args: { points: { number: 20 }, label: { text: "Welcome bonus" } } };
  const typed = { id: "typed-code", args: { code: { text: "EYDK-MMR-GG4" } } };
  return {
    event_id: "0193a2b4-0000-7000-8000-000000000001",
    kind: "enrolled",
    duplicate: false,
    deltas: [],
    lines: [],
    messages: [
      bonus,
      { id: "enrolled", args: { card: { text: "01af0102f72e42438061572932e09761" } } },
      { id: "card-code", args: { code: { text: QR_TEXT } } },
      typed,
    ],
    // The engine keeps the card's id and QR text for the record.
    counter: [bonus, typed],
    customer: null,
  };
}

/** The panel inside its screen: the controller, after `outcome`, in context. */
function panel(outcome: Outcome | null) {
  const { controller } = testBarista();
  controller.outcome = outcome;
  controller.outcomeAt = controller.now;
  controller.printable = outcome?.event_id ?? null;
  return render(SalePanel, { context: new Map([[baristaContext.key, controller]]) });
}

beforeEach(() => {
  till.overview = null;
});

afterEach(() => locale.set("en"));

describe("an enrolment's outcome", () => {
  it("says what the customer got and the typed code, with Print and Undo", () => {
    panel(enrolment());
    const shown = screen.getByTestId("outcome").textContent ?? "";
    expect(shown).toContain("Welcome bonus");
    expect(shown).toContain("EYDK-MMR-GG4");
    expect(screen.getByTestId("print-card")).toBeTruthy();
    expect(screen.getByTestId("undo")).toBeTruthy();
  });

  it("leaves the card's id and its QR text to the record", () => {
    panel(enrolment());
    const shown = screen.getByTestId("outcome").textContent ?? "";
    expect(shown).not.toContain(QR_TEXT);
    expect(shown).not.toContain("01af0102f72e");
    expect(screen.getByTestId("outcome").querySelectorAll("p")).toHaveLength(2);
  });

  it("in Polish", () => {
    locale.set("pl");
    panel(enrolment());
    expect(screen.getByTestId("outcome").textContent).toContain("Kod karty: EYDK-MMR-GG4");
  });

  it("keeps the card code whole on its line: an argument of its own, never broken at its hyphens", () => {
    panel(enrolment());
    const code = Array.from(screen.getByTestId("outcome").querySelectorAll(".arg")).find((e) => e.textContent === "EYDK-MMR-GG4");
    expect(code).toBeTruthy();
    expect(code?.closest("p")?.textContent).toBe("Card code: EYDK-MMR-GG4");
  });
});

it("shows no outcome before an action", () => {
  panel(null);
  expect(screen.queryByTestId("outcome")).toBeNull();
});

describe("an undo's outcome", () => {
  /** Undo as the engine words it: the reversal, then the event's code word, id and English reason. */
  function undone(): Outcome {
    const back = {
      id: "undone",
      args: { what: { message: { id: "redeem-points", args: { points: { number: 60 }, reward: { text: "Pastry" } } } } },
    };
    return {
      ...enrolment(),
      kind: "voided",
      // The engine keeps the void's own line for the record.
      counter: [back],
      messages: [
        back,
        {
          id: "voided",
          args: {
            kind: { text: "redeemed" },
            event: { text: "0193a2b4-0000-7000-8000-0000000000aa" },
            reason: { text: "undone at the till" },
          },
        },
      ],
    };
  }

  it("says what was undone, as a sentence, without the event's id or the English reason", () => {
    locale.set("pl");
    panel(undone());
    const shown = Array.from(screen.getByTestId("outcome").querySelectorAll("p"), (p) => p.textContent);
    expect(shown).toEqual(["-60 punktów za nagrodę „Pastry” — cofnięto"]);
  });

  it("names the line undone first, then that it was undone, in every language", () => {
    const said = (["en", "fr", "ru"] as const).map((language) => {
      locale.set(language);
      const { unmount } = panel(undone());
      const text = screen.getByTestId("outcome").querySelector("p")?.textContent;
      unmount();
      return text;
    });
    expect(said).toEqual(["-60 points for Pastry — undone", "-60 points pour «\u00a0Pastry\u00a0» — annulé", "-60 баллов за награду «Pastry» — отменено"]);
  });
});

describe("the amount and Record", () => {
  it("writes the currency as the outcomes do, not its code, and names Record's key in the language", () => {
    till.overview = tillOverview({
      shop: { shop_name: "Café", currency: "USD", currency_decimals: 2, timezone: "UTC", day_starts_at: 4, device: "t", runs_open: true },
      staff: { runs_open: true, staff: [] },
    });
    const { unmount } = panel(null);
    expect(screen.getByTestId("amount").textContent?.replace(/\s+/g, "")).toBe("Amount$0");
    expect(screen.getByTestId("record").textContent).toBe("Record visitEnter");
    unmount();
    locale.set("fr");
    panel(null);
    // French writes the US dollar `$US`, as its outcomes do.
    expect(screen.getByTestId("currency").textContent).toBe("$US");
    expect(screen.getByTestId("record").textContent).toBe("EnregistrerEntrée");
  });
});
