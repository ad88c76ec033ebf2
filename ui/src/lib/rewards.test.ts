// The rewards as the barista screen lays them out: slots that never move,
// how far one out of reach is, and what redeeming one leaves.
import { describe, expect, it } from "vitest";
import type { CustomerSummary, RewardLine, RewardOutOfReach } from "./bindings";
import { costOf, rewardSlots, shortfall } from "./rewards";

const drink: RewardLine = {
  id: "drink",
  place: 0,
  name: { text: "Any drink" },
  how: "-100 points for Any drink",
  how_message: { id: "redeem-points", args: { points: { number: 100 }, reward: { text: "Any drink" } } },
};
const pastry: RewardLine = {
  id: "pastry",
  place: 1,
  name: { text: "Pastry" },
  how: "-60 points for Pastry",
  how_message: { id: "redeem-points", args: { points: { number: 60 }, reward: { text: "Pastry" } } },
};
const muffin: RewardLine = {
  id: "muffin",
  place: 2,
  name: { text: "Muffin" },
  how: "-$2.50 cashback for Muffin",
  how_message: { id: "redeem-cashback", args: { amount: { money: { minor: 250, currency: "EUR" } }, reward: { text: "Muffin" } } },
};

/** The engine's reason a points reward is out of reach: `needed`, `available` and what is `missing`. */
function short(r: RewardLine, needed: number, available: number): RewardOutOfReach {
  return {
    id: r.id,
    place: r.place,
    name: r.name,
    why: {
      id: "refused-not-enough-points",
      args: { needed: { number: needed }, available: { number: available }, missing: { number: needed - available } },
    },
  };
}

function customer(points: number, available: RewardLine[], out: RewardOutOfReach[], cashback = 0): CustomerSummary {
  return {
    tier: null,
    balances: [
      { account: "points", kind: "points", amount: points, progress: null, text: "", message: { id: "balance-points" } },
      ...(cashback ? [{ account: "cashback", kind: "cashback" as const, amount: cashback, progress: null, text: "", message: { id: "balance-cashback" } }] : []),
    ],
    points_expired: 0,
    rewards_available: available,
    rewards_out_of_reach: out,
    birthday_near: null,
    conflicts: [],
    id: "ola",
    name: "Ola",
    phone: null,
    email: null,
    birthday: null,
    marketing_consent: false,
    tags: [],
    status: "active",
    merged_into: null,
    visits: 1,
    spend: 0,
    last_visit: null,
    cards: [],
    card_codes: [],
  };
}

describe("the slots", () => {
  const laid = (c: CustomerSummary) => rewardSlots(c).map((s) => `${s.key}:${s.id}:${s.reward ? "on" : "off"}`);

  it("are the program's order, available or not, from the first customer on", () => {
    // The pastry is within reach and the drink not: the drink, first in the program, is still F5.
    expect(laid(customer(60, [pastry], [short(drink, 100, 60)]))).toEqual(["F5:drink:off", "F6:pastry:on"]);
    expect(laid(customer(100, [drink], [short(pastry, 160, 100)]))).toEqual(["F5:drink:on", "F6:pastry:off"]);
  });

  it("keep a reward's key as it comes within reach", () => {
    const before = customer(20, [], [short(drink, 100, 20), short(pastry, 60, 20)]);
    const after = customer(75, [pastry], [short(drink, 100, 75)]);
    const keyOf = (c: CustomerSummary, id: string) => rewardSlots(c).find((s) => s.id === id)?.key;
    expect(keyOf(before, "pastry")).toBe("F6");
    expect(keyOf(after, "pastry")).toBe("F6");
    expect(keyOf(after, "drink")).toBe("F5");
    expect(laid(customer(200, [drink, pastry, muffin], []))).toEqual(["F5:drink:on", "F6:pastry:on", "F7:muffin:on"]);
  });

  it("follow each reward's place, not the order of the engine's lists", () => {
    expect(laid(customer(0, [muffin], [short(pastry, 60, 0), short(drink, 100, 0)]))).toEqual([
      "F5:drink:off",
      "F6:pastry:off",
      "F7:muffin:on",
    ]);
  });

  it("give a key to the first four places only, and none to a reward beyond", () => {
    const fifth: RewardLine = { ...pastry, id: "cake", place: 4, name: { text: "Cake" } };
    const fourth: RewardLine = { ...pastry, id: "scone", place: 3, name: { text: "Scone" } };
    expect(laid(customer(0, [fifth], [short(drink, 100, 0), short(fourth, 60, 0)]))).toEqual([
      "F5:drink:off",
      "F8:scone:off",
      "null:cake:on",
    ]);
  });
});

describe("how far a reward is", () => {
  it("reads the engine's amounts: what the reward needs, what the customer has, and what is missing", () => {
    expect(shortfall(short(pastry, 60, 20).why)).toEqual({
      have: { count: 20 },
      need: { count: 60 },
      missing: { count: 40 },
      share: 1 / 3,
      inPoints: true,
    });
  });

  it("takes what is missing from the engine, not from its own sum", () => {
    const why = { id: "x", args: { needed: { number: 60 }, available: { number: 20 }, missing: { number: 41 } } };
    expect(shortfall(why)?.missing).toEqual({ count: 41 });
  });

  it("works out what is missing only when the engine does not say it, and then names no unit", () => {
    const worked = shortfall({ id: "x", args: { needed: { number: 60 }, available: { number: 20 } } });
    expect(worked?.missing).toEqual({ count: 40 });
    expect(worked?.inPoints).toBe(false);
  });

  it("in money, in the same currency only", () => {
    const money = (minor: number, currency = "EUR") => ({ money: { minor, currency } });
    expect(shortfall({ id: "x", args: { needed: money(500), available: money(120), missing: money(380) } })).toMatchObject({
      missing: { minor: 380, currency: "EUR" },
      inPoints: false,
    });
    expect(shortfall({ id: "x", args: { needed: money(500), available: money(120, "USD") } })).toBeNull();
  });

  it("has nothing to say of another reason (a tier, a date)", () => {
    expect(shortfall({ id: "why-needs-tier", args: { tier: { text: "Gold" }, held: { text: "Silver" } } })).toBeNull();
    expect(shortfall({ id: "why-not-on-this-date" })).toBeNull();
  });
});

describe("what redeeming costs", () => {
  it("in points: the reward's points, and the points balance less them", () => {
    expect(costOf(pastry, customer(168, [pastry], []))).toEqual({ cost: { count: 60 }, after: { count: 108 } });
  });

  it("in cashback: the reward's amount, and the cashback less it", () => {
    expect(costOf(muffin, customer(0, [muffin], [], 320))).toEqual({
      cost: { minor: 250, currency: "EUR" },
      after: { minor: 70, currency: "EUR" },
    });
  });

  it("nothing for a reward paid otherwise (a voucher)", () => {
    const voucher: RewardLine = { ...pastry, how_message: { id: "redeem-voucher", args: { reward: { text: "Pastry" } } } };
    expect(costOf(voucher, customer(168, [voucher], []))).toBeNull();
  });
});
