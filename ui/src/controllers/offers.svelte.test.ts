// The offers report's controller, without a DOM and without Tauri: the
// engine's commands are mocks, the timers move by hand, and answers are
// settled by hand to arrive in any order.
import { describe, expect, it } from "vitest";
import type { OffersView } from "../lib/bindings";
import { later, offersOf, offersView, refusal, testOffers } from "../test/offers";
import { SLOW_AFTER_MS } from "./reports.svelte";

it("runs without a DOM", () => {
  expect(typeof document).toBe("undefined");
});

describe("opening", () => {
  it("counts once when first shown, and keeps the report when shown again", async () => {
    const t = testOffers();
    t.api.offers.mockResolvedValue(offersView());
    await t.controller.open();
    expect(t.controller.view?.offers.offers.map((o) => o.offer)).toEqual(["happy-hour", "student-week"]);
    expect(t.controller.nothing).toBe(false);
    await t.controller.open();
    expect(t.api.offers).toHaveBeenCalledTimes(1);
  });

  it("keeps the refusal (not a manager), shows nothing, and may be opened again", async () => {
    const t = testOffers();
    t.api.offers.mockRejectedValueOnce(refusal("auth.forbidden"));
    await t.controller.open();
    expect(t.controller.refusal?.code).toBe("auth.forbidden");
    expect(t.controller.view).toBeNull();
    expect(t.controller.nothing).toBe(false);
    t.api.offers.mockResolvedValueOnce(offersView());
    await t.controller.open();
    expect(t.controller.refusal).toBeNull();
  });

  it("tells when no offer holds out a group", async () => {
    const t = testOffers();
    t.api.offers.mockResolvedValueOnce(offersView(offersOf([])));
    await t.controller.open();
    expect(t.controller.nothing).toBe(true);
  });

  it("says it is counting only after a while, keeping the report shown meanwhile", async () => {
    const t = testOffers();
    t.api.offers.mockResolvedValueOnce(offersView());
    await t.controller.open();
    const slow = later<OffersView>();
    t.api.offers.mockReturnValueOnce(slow.promise);
    const again = t.controller.refresh();
    t.clock.advance(SLOW_AFTER_MS);
    expect(t.controller.slow).toBe(true);
    expect(t.controller.view?.offers.offers).toHaveLength(2);
    slow.settle(offersView(offersOf([])));
    await again;
    expect(t.controller.slow).toBe(false);
    expect(t.controller.nothing).toBe(true);
  });
});

describe("exporting a table", () => {
  it("saves it headed in the reader's language, and forgets where once counted again", async () => {
    const t = testOffers();
    t.api.offers.mockResolvedValue(offersView());
    await t.controller.open();
    t.speak("ru");
    t.api.exportOffersCsv.mockResolvedValueOnce("/exports/offers-uplift-2026-12-05.csv");
    await t.controller.exportCsv("offers-uplift");
    expect(t.api.exportOffersCsv).toHaveBeenCalledWith({ table: "offers-uplift", language: "ru" });
    expect(t.controller.exported).toEqual({ kind: "saved", table: "offers-uplift", path: "/exports/offers-uplift-2026-12-05.csv" });
    await t.controller.refresh();
    expect(t.controller.exported).toBeNull();
  });

  it("saves nothing before a report is shown", async () => {
    const t = testOffers();
    await t.controller.exportCsv("offers");
    expect(t.api.exportOffersCsv).not.toHaveBeenCalled();
  });
});
