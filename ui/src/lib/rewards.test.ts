// The rewards as the barista screen lays them out: slots that never move,
// how far one out of reach is, and what redeeming one leaves.
import { describe, expect, it } from "vitest";
import type { CustomerSummary, RewardLine, RewardOutOfReach } from "./bindings";
import { costOf, RewardOrder, shortfall } from "./rewards";

const drink: RewardLine = {
  id: "drink",
  name: "Any drink",
  how: "-100 points for Any drink",
  how_message: { id: "redeem-points", args: { points: { number: 100 }, reward: { text: "Any drink" } } },
};
const pastry: RewardLine = {
  id: "pastry",
  name: "Pastry",
  how: "-60 points for Pastry",
  how_message: { id: "redeem-points", args: { points: { number: 60 }, reward: { text: "Pastry" } } },
};
const muffin: RewardLine = {
  id: "muffin",
  name: "Muffin",
  how: "-$2.50 cashback for Muffin",
  how_message: { id: "redeem-cashback", args: { amount: { money: { minor: 250, currency: "EUR" } }, reward: { text: "Muffin" } } },
};

/** The engine's reason a points reward is out of reach: `needed` and `available`. */
function short(r: RewardLine, needed: number, available: number): RewardOutOfReach {
  return {
    id: r.id,
    name: r.name,
    why: {
      id: "refused-not-enough",
      args: { account: { message: { id: "account-points" } }, needed: { number: needed }, available: { number: available } },
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
  it("keep the place each reward was first given", () => {
    const order = new RewardOrder();
    const before = customer(20, [], [short(drink, 100, 20), short(pastry, 60, 20)]);
    order.learn(before);
    const after = customer(75, [pastry], [short(drink, 100, 75)]);
    order.learn(after);
    const slots = order.slots(after);
    expect(slots.map((s) => [s.key, s.id, s.reward !== null])).toEqual([
      ["F5", "drink", false],
      ["F6", "pastry", true],
    ]);
  });

  it("place a reward added later (a program published since) after the others", () => {
    const order = new RewardOrder();
    order.learn(customer(0, [], [short(drink, 100, 0)]));
    const now = customer(60, [pastry], [short(drink, 100, 60)]);
    expect(order.slots(now).map((s) => [s.id, s.key])).toEqual([
      ["drink", "F5"],
      ["pastry", "F6"],
    ]);
    order.learn(now);
    expect(order.slots(customer(200, [drink, pastry], [])).map((s) => [s.id, s.key])).toEqual([
      ["drink", "F5"],
      ["pastry", "F6"],
    ]);
  });

  it("on a first sight, with no place learnt, puts the rewards available first", () => {
    expect(new RewardOrder().slots(customer(60, [pastry], [short(drink, 100, 60)])).map((s) => [s.id, s.key])).toEqual([
      ["pastry", "F5"],
      ["drink", "F6"],
    ]);
  });
});

describe("how far a reward is", () => {
  it("reads the engine's two amounts, and what is missing", () => {
    expect(shortfall(short(pastry, 60, 20).why)).toEqual({ have: { count: 20 }, need: { count: 60 }, missing: { count: 40 }, share: 1 / 3 });
  });

  it("in money, in the same currency only", () => {
    const money = (minor: number, currency = "EUR") => ({ money: { minor, currency } });
    expect(shortfall({ id: "x", args: { needed: money(500), available: money(120) } })).toMatchObject({
      missing: { minor: 380, currency: "EUR" },
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
