// The customer's rewards as the barista screen lays them out: one slot per
// reward, each keeping its place and its function key whatever is available
// now, and what the engine's answers say of each: how far a reward is (the
// amounts of its "not enough" reason), what redeeming one costs and what
// is left after (its payment and the balance it is paid from).
import type { Arg, CustomerSummary, Message, Name, RewardLine, RewardOutOfReach } from "./bindings";

/** The keys that redeem, slot by slot (shown on the buttons). */
export const REWARD_KEYS = ["F5", "F6", "F7", "F8"] as const;

/** One reward in its slot: available now (`reward`), or not and why (`out`). */
export type RewardSlot =
  | { id: string; name: Name; key: RewardKey | null; reward: RewardLine; out: null }
  | { id: string; name: Name; key: RewardKey | null; reward: null; out: RewardOutOfReach };

export type RewardKey = (typeof REWARD_KEYS)[number];

/**
 * The rewards of `customer` in their slots: available or not, in the
 * program's order (each reward's `place`, as the engine gives it), each with
 * the key of its place (the first four places have one). A reward keeps its
 * slot and key whatever is available, for this customer and the next.
 */
export function rewardSlots(customer: CustomerSummary): RewardSlot[] {
  const key = (place: number): RewardKey | null => REWARD_KEYS[place] ?? null;
  const slots: RewardSlot[] = [
    ...customer.rewards_available.map((r): RewardSlot => ({ id: r.id, name: r.name, key: key(r.place), reward: r, out: null })),
    ...customer.rewards_out_of_reach.map((r): RewardSlot => ({ id: r.id, name: r.name, key: key(r.place), reward: null, out: r })),
  ];
  const place = (s: RewardSlot): number => (s.reward ?? s.out).place;
  return slots.sort((a, b) => place(a) - place(b));
}

/** An amount as a message argument gives it: a count, or money in minor units. */
export type Amount = { count: number } | { minor: number; currency: string };

function amountOf(arg: Arg | undefined): Amount | null {
  if (!arg) return null;
  if ("number" in arg) return { count: arg.number };
  if ("money" in arg) return { minor: arg.money.minor, currency: arg.money.currency };
  return null;
}

function valueOf(amount: Amount): number {
  return "count" in amount ? amount.count : amount.minor;
}

/** The same kind of amount, `value` of it. */
function like(amount: Amount, value: number): Amount {
  return "count" in amount ? { count: value } : { minor: value, currency: amount.currency };
}

function comparable(a: Amount, b: Amount): boolean {
  return "count" in a ? "count" in b : "currency" in b && a.currency === b.currency;
}

/**
 * How far a reward out of reach is: what the customer has of what it needs,
 * and what is missing; `inPoints` when the engine says what is missing as a
 * count of points (it states a count only for points: cashback it states as
 * money, any other balance not at all), so the screen can name the unit.
 */
export type Shortfall = { have: Amount; need: Amount; missing: Amount; share: number; inPoints: boolean };

/**
 * From the engine's reason a reward is out of reach, when the reason is an
 * amount short: its `available`, `needed` and `missing` arguments (a count of
 * points, or money), all the engine's, for the same balance (what is missing
 * is worked out from the other two only when the engine does not say it).
 * Null for other reasons (a tier, a date).
 */
export function shortfall(why: Message): Shortfall | null {
  const have = amountOf(why.args?.["available"]);
  const need = amountOf(why.args?.["needed"]);
  if (!have || !need || !comparable(have, need) || valueOf(need) <= 0) return null;
  const said = amountOf(why.args?.["missing"]);
  const missing = said && comparable(said, need) ? said : like(need, Math.max(0, valueOf(need) - valueOf(have)));
  const share = Math.min(1, Math.max(0, valueOf(have) / valueOf(need)));
  return { have, need, missing, share, inPoints: said !== null && "count" in said };
}

/** What redeeming a reward takes, and what that balance holds after. */
export type Cost = { cost: Amount; after: Amount };

/**
 * What a reward available now costs, from the engine's line for it: its
 * payment (`how_message`) names the points it takes (`points`) or the
 * cashback (`amount`); the balance after is the customer's balance of that
 * kind, as the engine gives it, less that. Null for a reward paid otherwise
 * (a voucher, a plan, once per customer).
 */
export function costOf(reward: RewardLine, customer: CustomerSummary): Cost | null {
  const args = reward.how_message?.args;
  const points = args?.["points"];
  if (points && "number" in points) {
    const balance = customer.balances.find((b) => b.kind === "points");
    if (!balance) return null;
    return { cost: { count: points.number }, after: { count: balance.amount - points.number } };
  }
  const money = amountOf(args?.["amount"]);
  if (money && "currency" in money) {
    const balance = customer.balances.find((b) => b.kind === "cashback");
    if (!balance) return null;
    return { cost: money, after: like(money, balance.amount - money.minor) };
  }
  return null;
}
