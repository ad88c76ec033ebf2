// The customer a barista has scanned: who it is (without reading the phone
// out), what they hold, what they can redeem now, and why not the rest.
import { act, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BalanceLine, CustomerSummary, OfferNow, RewardLine, RewardOutOfReach } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import { rewardSlots } from "../../lib/rewards";
import CustomerPanel from "./CustomerPanel.svelte";

const freeCoffee: RewardLine = {
  id: "free-coffee",
  place: 0,
  name: { text: "Free coffee" },
  how: "-100 points",
  how_message: { id: "redeem-points", args: { points: { number: 100 }, reward: { text: "Free coffee" } } },
};
const cake: RewardLine = { id: "cake", place: 1, name: { text: "Slice of cake" }, how: "with a voucher", how_message: null };

function customer(over: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    tier: { id: "gold", name: { text: "Gold" }, perks: [{ text: "10% off beans" }, { text: "free oat milk" }] },
    balances: [
      {
        account: "points",
        kind: "points",
        amount: 120,
        progress: null,
        text: "120 points",
        message: { id: "balance-points", args: { points: { number: 120 } } },
      },
      {
        account: "stamps:coffee",
        kind: "stamps",
        amount: 7,
        progress: { card: "coffee", stamps: 7, of: 10 },
        text: "7 of 10 on Coffee card",
        message: { id: "balance-stamps", args: { stamps: { number: 7 }, of: { number: 10 }, card: { text: "Coffee card" } } },
      },
      {
        account: "cashback",
        kind: "cashback",
        amount: 320,
        progress: null,
        text: "$3.20 cashback",
        message: { id: "balance-cashback", args: { amount: { money: { minor: 320, currency: "USD" } } } },
      },
    ],
    points_expired: 0,
    rewards_available: [freeCoffee, cake],
    rewards_out_of_reach: [
      {
        id: "vip-breakfast",
        place: 2,
        name: { text: "VIP breakfast" },
        why: { id: "why-needs-tier", args: { tier: { text: "Platinum" }, held: { text: "Gold" } } },
      },
    ],
    birthday_near: null,
    conflicts: [],
    id: "cus-0001",
    name: "Zofia Nowak",
    phone: "+48 601 234 567",
    email: null,
    birthday: null,
    marketing_consent: false,
    tags: [],
    status: "active",
    merged_into: null,
    visits: 14,
    spend: 12_345,
    last_visit: "2026-12-01",
    cards: ["card-1"],
    card_codes: [],
    ...over,
  };
}

const offers: OfferNow[] = [
  { id: "early-bird", what: { id: "offer-now-multiplier", args: { times: { text: "×2" }, offer: { text: "before 9:00" } } } },
];

/** The rewards in their slots as the controller lays them out. */
function slotsOf(c: CustomerSummary) {
  return rewardSlots(c);
}

function panel(c: CustomerSummary = customer(), o: OfferNow[] = []) {
  const onredeem = vi.fn<(reward: RewardLine) => void>();
  const onspend = vi.fn<(balance: number) => void>();
  const result = render(CustomerPanel, { customer: c, rewards: slotsOf(c), offers: o, onredeem, onspend });
  return { ...result, onredeem, onspend };
}

/** A points reward out of reach, as the engine says why: what it needs, what the customer has, what is missing. */
function short(id: string, name: string, needed: number, available: number, place = 0): RewardOutOfReach {
  return {
    id,
    place,
    name: { text: name },
    why: {
      id: "refused-not-enough-points",
      args: { needed: { number: needed }, available: { number: available }, missing: { number: needed - available } },
    },
  };
}

function balance(account: string): HTMLElement {
  const line = within(screen.getByTestId("balances"))
    .getAllByRole("listitem")
    .find((li) => li.dataset["account"] === account);
  if (!line) throw new Error(`no balance ${account}`);
  return line;
}

/** The words an element shows, spaces as a reader sees them. */
function words(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, " ").trim() ?? "";
}

afterEach(() => locale.set("en"));

describe("CustomerPanel", () => {
  it("names the customer and masks the phone to its last four digits", () => {
    panel();
    expect(screen.getByTestId("customer").dataset["customer"]).toBe("cus-0001");
    expect(words(screen.getByTestId("customer-name"))).toBe("Zofia Nowak");
    const header = screen.getByTestId("customer").querySelector("header")?.textContent ?? "";
    expect(header).toContain("+48 ••• ••• 4567");
    expect(header).not.toContain("601");
    expect(words(screen.getByTestId("tier"))).toBe("Gold");
  });

  it("says when a customer has no name, and shows no phone it has not got", () => {
    panel(customer({ name: null, phone: null, tier: null }));
    expect(words(screen.getByTestId("customer-name"))).toBe("Customer without a name");
    expect(screen.getByTestId("customer").querySelector(".phone")).toBeNull();
    expect(screen.queryByTestId("tier")).toBeNull();
  });

  it("lists the balances in words", () => {
    panel();
    expect(words(balance("points"))).toBe("120 points");
    expect(balance("points").dataset["amount"]).toBe("120");
    expect(words(balance("stamps:coffee"))).toContain("7 of 10 on Coffee card");
    expect(words(balance("cashback"))).toBe("$3.20 cashback");
  });

  it("draws a stamp card with as many stamps filled as the customer has", () => {
    panel();
    const stamps = balance("stamps:coffee").querySelectorAll(".stamp");
    expect(stamps).toHaveLength(10);
    expect(balance("stamps:coffee").querySelectorAll(".stamp.filled")).toHaveLength(7);
    // Points are no card.
    expect(balance("points").querySelectorAll(".stamp")).toHaveLength(0);
  });

  it("draws no card for a retired stamp card (its size is gone), only its words", () => {
    const c = customer();
    const retired: BalanceLine = {
      account: "stamps:tea",
      kind: "stamps",
      amount: 3,
      // The engine draws no progress for a card the program no longer has.
      progress: null,
      text: "3 stamps on Tea card",
      message: { id: "balance-stamps-retired", args: { stamps: { number: 3 }, card: { text: "Tea card" } } },
    };
    panel(customer({ balances: [...c.balances, retired] }));
    expect(words(balance("stamps:tea"))).toBe("3 stamps on Tea card");
    expect(balance("stamps:tea").querySelectorAll(".stamp")).toHaveLength(0);
  });

  it("offers each reward available now as a button with its key, and redeems the one tapped", async () => {
    const { onredeem } = panel();
    const rewards = screen.getAllByTestId("reward");
    expect(rewards.map((r) => r.dataset["reward"])).toEqual(["free-coffee", "cake"]);
    const [first, second] = rewards;
    expect(words(first?.querySelector(".name"))).toBe("Free coffee");
    expect(words(first?.querySelector("small"))).toBe("-100 points for Free coffee");
    expect(first?.hasAttribute("disabled")).toBe(false);
    expect(words(first?.querySelector(".key"))).toBe("F5");
    expect(words(second?.querySelector(".name"))).toBe("Slice of cake");
    expect(second?.querySelector("small")).toBeNull();
    expect(words(second?.querySelector(".key"))).toBe("F6");

    await fireEvent.click(rewards[1] as HTMLElement);
    expect(onredeem).toHaveBeenCalledExactlyOnceWith(cake);
  });

  it("gives function keys to the first four rewards only", () => {
    const many = Array.from({ length: 5 }, (_, i): RewardLine => ({ id: `r${i}`, place: i, name: { text: `Reward ${i}` }, how: "", how_message: null }));
    panel(customer({ rewards_available: many, rewards_out_of_reach: [] }));
    const keys = screen.getAllByTestId("reward").map((r) => r.querySelector(".key")?.textContent ?? null);
    expect(keys).toEqual(["F5", "F6", "F7", "F8", null]);
  });

  it("spends cashback with what the customer has", async () => {
    const { onspend } = panel();
    await fireEvent.click(screen.getByTestId("spend-cashback"));
    expect(onspend).toHaveBeenCalledExactlyOnceWith(320);
  });

  it("offers no cashback to spend when there is none", () => {
    const c = customer();
    panel(customer({ balances: c.balances.filter((b) => b.account !== "cashback") }));
    expect(screen.queryByTestId("spend-cashback")).toBeNull();
  });

  it("keeps a reward out of reach in its slot, with its key, saying why in words", () => {
    panel();
    const out = screen.getByTestId("reward-out-of-reach");
    expect(out.dataset["reward"]).toBe("vip-breakfast");
    expect(out.hasAttribute("disabled")).toBe(true);
    expect(words(out.querySelector(".name"))).toBe("VIP breakfast");
    expect(words(out.querySelector(".key"))).toBe("F7");
    expect(words(out.querySelector(".why"))).toBe("it needs the Platinum tier; the customer is Gold");
    // In the same list as the others, in its place in the program (after them here).
    const slots = within(screen.getByTestId("rewards")).getAllByRole("button");
    expect(slots.map((b) => b.dataset["reward"] ?? b.dataset["testid"])).toEqual(["free-coffee", "cake", "vip-breakfast", "spend-cashback"]);
  });

  it("shows how far a reward short of points is: a bar, what is missing, what the customer has of it", async () => {
    panel(customer({ rewards_available: [], rewards_out_of_reach: [short("pastry", "Pastry", 60, 20)] }));
    const pastry = screen.getByTestId("reward-out-of-reach");
    const bar = pastry.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute("aria-valuenow")).toBe("33");
    expect(words(pastry.querySelector('[data-testid="reward-to-go"]'))).toBe("40 points to go");
    expect(words(pastry)).toContain("20 of 60");
    // The engine's long sentence gives way to the bar and its numbers.
    expect(words(pastry)).not.toContain("needed");
    await act(() => locale.set("pl"));
    expect(words(pastry.querySelector('[data-testid="reward-to-go"]'))).toBe("Brakuje 40 punktów");
    expect(words(pastry)).toContain("20 z 60");
    await act(() => locale.set("ru"));
    expect(words(pastry.querySelector('[data-testid="reward-to-go"]'))).toBe("Ещё 40 баллов");
  });

  it("says what is missing with its unit, in each language's plural", async () => {
    const toGo = () => words(screen.getByTestId("reward-to-go"));
    const { rerender } = panel(customer({ rewards_available: [], rewards_out_of_reach: [short("pastry", "Pastry", 60, 59)] }));
    expect(toGo()).toBe("1 point to go");
    await act(() => locale.set("pl"));
    expect(toGo()).toBe("Brakuje 1 punktu");
    await act(() => locale.set("ru"));
    expect(toGo()).toBe("Ещё 1 балл");
    const three = customer({ rewards_available: [], rewards_out_of_reach: [short("pastry", "Pastry", 60, 57)] });
    await rerender({ customer: three, rewards: slotsOf(three) });
    expect(toGo()).toBe("Ещё 3 балла");
    await act(() => locale.set("fr"));
    expect(toGo()).toBe("Encore 3 points");
  });

  it("keeps each reward's slot and key as it comes within reach and goes out of it", async () => {
    const drink: RewardLine = { id: "drink", place: 0, name: { text: "Any drink" }, how: "", how_message: null };
    const pastry: RewardLine = { id: "pastry", place: 1, name: { text: "Pastry" }, how: "", how_message: null };
    const before = customer({ balances: [], rewards_available: [], rewards_out_of_reach: [short("drink", "Any drink", 100, 20, 0), short("pastry", "Pastry", 60, 20, 1)] });
    const onredeem = vi.fn<(reward: RewardLine) => void>();
    const { rerender } = render(CustomerPanel, { customer: before, rewards: slotsOf(before), offers: [], onredeem, onspend: vi.fn() });
    const keyed = () =>
      within(screen.getByTestId("rewards"))
        .getAllByRole("button")
        .map((b) => `${b.dataset["reward"]}:${words(b.querySelector(".key"))}:${b.hasAttribute("disabled") ? "off" : "on"}`);
    expect(keyed()).toEqual(["drink:F5:off", "pastry:F6:off"]);
    const after = customer({ balances: [], rewards_available: [pastry], rewards_out_of_reach: [short("drink", "Any drink", 100, 75, 0)] });
    await rerender({ customer: after, rewards: slotsOf(after) });
    expect(keyed()).toEqual(["drink:F5:off", "pastry:F6:on"]);
    const both = customer({ balances: [], rewards_available: [drink, pastry], rewards_out_of_reach: [] });
    await rerender({ customer: both, rewards: slotsOf(both) });
    expect(keyed()).toEqual(["drink:F5:on", "pastry:F6:on"]);
  });

  it("has no out-of-reach slot when everything is within reach", () => {
    panel(customer({ rewards_out_of_reach: [] }));
    expect(screen.queryByTestId("reward-out-of-reach")).toBeNull();
  });

  it("leads with the balance, before the rewards", () => {
    panel();
    const section = screen.getByTestId("customer");
    const balances = screen.getByTestId("balances");
    const rewards = screen.getByTestId("rewards");
    expect(balances.compareDocumentPosition(rewards) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(Array.from(section.children).indexOf(balances)).toBeLessThan(Array.from(section.children).indexOf(rewards));
  });

  it("notes a birthday near, conflicts between tills, offers, perks and visits", () => {
    panel(
      customer({
        birthday_near: "2026-12-05",
        conflicts: [
          {
            kind: "below_zero",
            event: "evt-9",
            flag: null,
            text: "",
            message: { id: "conflict-below-zero", args: { account: { text: "points" }, amount: { text: "-20" } } },
          },
        ],
      }),
      offers,
    );
    expect(words(screen.getByTestId("birthday"))).toBe("Birthday on 5 Dec 2026");
    expect(words(screen.getByTestId("conflict"))).toBe(
      "points is at -20: more was taken back or adjusted away than the customer had left",
    );
    expect(words(screen.getByTestId("offers").querySelector('li[data-offer="early-bird"]'))).toBe(
      "points ×2: before 9:00",
    );
    expect(words(screen.getByTestId("perks"))).toBe("Gold perks: 10% off beans · free oat milk");
    expect(words(screen.getByTestId("visits"))).toBe("14 visits · last visit 1 Dec 2026");
  });

  it("shows another customer when the scan changes", async () => {
    const { rerender } = panel();
    const jan = customer({ id: "cus-0002", name: "Jan", rewards_available: [], rewards_out_of_reach: [] });
    await rerender({ customer: jan, rewards: slotsOf(jan) });
    expect(screen.getByTestId("customer").dataset["customer"]).toBe("cus-0002");
    expect(words(screen.getByTestId("customer-name"))).toBe("Jan");
    expect(screen.queryAllByTestId("reward")).toHaveLength(0);
  });

  it("speaks Polish: balances, reasons and counts in its forms", async () => {
    panel(customer({ visits: 22 }));
    await act(() => locale.set("pl"));
    expect(words(balance("points"))).toBe("120 punktów");
    expect(words(balance("cashback"))).toContain("3,20");
    expect(words(screen.getByTestId("visits"))).toBe("22 wizyty · ostatnia wizyta 1.12.2026");
    expect(words(screen.getByTestId("perks"))).toBe("Korzyści poziomu „Gold”: 10% off beans · free oat milk");
  });

  it("names the shop's rewards, tier and perks in the screen's language where the program gives them", async () => {
    const drink: RewardLine = {
      id: "drink",
      place: 0,
      name: { text: "Any drink", translations: { pl: "Dowolny napój", fr: "Une boisson au choix" } },
      how: "",
      how_message: null,
    };
    const gold = {
      id: "gold",
      name: { text: "Gold", translations: { pl: "Złoty" } },
      perks: [{ text: "free oat milk", translations: { pl: "mleko owsiane gratis" } }, { text: "10% off beans" }],
    };
    panel(customer({ tier: gold, rewards_available: [drink], rewards_out_of_reach: [] }));
    await act(() => locale.set("pl"));
    expect(words(screen.getByTestId("reward"))).toContain("Dowolny napój");
    expect(words(screen.getByTestId("tier"))).toBe("Złoty");
    expect(words(screen.getByTestId("perks"))).toBe("Korzyści poziomu „Złoty”: mleko owsiane gratis · 10% off beans");
    await act(() => locale.set("ru"));
    // No Russian name in the program: its own word, not an empty slot.
    expect(words(screen.getByTestId("reward"))).toContain("Any drink");
    expect(words(screen.getByTestId("tier"))).toBe("Gold");
  });
});
