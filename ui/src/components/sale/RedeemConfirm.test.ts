// The question before a reward is redeemed says what it costs and what is
// left after, from the engine's answers, in each language's own grammar.
import { act, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CustomerSummary, RewardLine } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import RedeemConfirm from "./RedeemConfirm.svelte";

const pastry: RewardLine = {
  id: "pastry",
  place: 0,
  name: { text: "Pastry" },
  how: "-60 points for Pastry",
  how_message: { id: "redeem-points", args: { points: { number: 60 }, reward: { text: "Pastry" } } },
};

function customer(points: number, cashback = 0): CustomerSummary {
  return {
    tier: null,
    balances: [
      { account: "points", kind: "points", amount: points, progress: null, text: "", message: { id: "balance-points" } },
      ...(cashback > 0
        ? [{ account: "cashback", kind: "cashback" as const, amount: cashback, progress: null, text: "", message: { id: "balance-cashback" } }]
        : []),
    ],
    points_expired: 0,
    rewards_available: [pastry],
    rewards_out_of_reach: [],
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
    visits: 2,
    spend: 0,
    last_visit: null,
    cards: [],
    card_codes: [],
  };
}

afterEach(() => locale.set("en"));

function ask(reward: RewardLine, who: CustomerSummary | null) {
  return render(RedeemConfirm, { reward, customer: who, onyes: vi.fn(), onno: vi.fn() });
}

const question = () => screen.getByRole("alertdialog").querySelector("p")?.textContent;
const detail = () => screen.queryByTestId("confirm-detail")?.textContent ?? null;

describe("RedeemConfirm", () => {
  it("asks with the cost and tells the balance after", async () => {
    ask(pastry, customer(168));
    expect(question()).toBe("Redeem Pastry for 60 points?");
    expect(detail()).toBe("Balance after: 108 points");
    await act(() => locale.set("pl"));
    // No colon dodging the case: the reward named as a reward, in quotes.
    expect(question()).toBe("Wydać nagrodę „Pastry” za 60 punktów?");
    expect(detail()).toBe("Saldo po wydaniu: 108 punktów");
    await act(() => locale.set("fr"));
    expect(question()).toBe("Utiliser 60 points pour «\u00a0Pastry\u00a0»\u00a0?");
    expect(detail()).toBe("Solde après : 108 points");
    await act(() => locale.set("ru"));
    expect(question()).toBe("Выдать награду «Pastry» за 60 баллов?");
    expect(detail()).toBe("Останется: 108 баллов");
  });

  it("names the reward in the screen's language where the program gives it", async () => {
    const named: RewardLine = { ...pastry, name: { text: "Pastry", translations: { pl: "Ciastko", ru: "Выпечка" } } };
    ask(named, customer(168));
    await act(() => locale.set("pl"));
    expect(question()).toBe("Wydać nagrodę „Ciastko” za 60 punktów?");
    await act(() => locale.set("ru"));
    expect(question()).toBe("Выдать награду «Выпечка» за 60 баллов?");
    await act(() => locale.set("fr"));
    expect(question()).toBe("Utiliser 60 points pour «\u00a0Pastry\u00a0»\u00a0?");
  });

  it("in cashback, in money", () => {
    const muffin: RewardLine = {
      id: "muffin",
      place: 1,
      name: { text: "Muffin" },
      how: "",
      how_message: { id: "redeem-cashback", args: { amount: { money: { minor: 250, currency: "USD" } }, reward: { text: "Muffin" } } },
    };
    ask(muffin, customer(0, 320));
    expect(question()).toBe("Redeem Muffin for $2.50 of cashback?");
    expect(detail()).toBe("Cashback after: $0.70");
  });

  it("asks plainly when the reward is paid otherwise (a voucher)", () => {
    const voucher: RewardLine = { ...pastry, how_message: { id: "redeem-voucher", args: { reward: { text: "Pastry" } } } };
    ask(voucher, customer(168));
    expect(question()).toBe("Redeem Pastry?");
    expect(detail()).toBeNull();
  });
});
